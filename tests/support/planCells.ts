/** Every formula cell a plan writes, with the exact engine's result, for comparing engines. */
import { cellAddress, parseCell } from "../../src/workbook/address";
import { WorkbookPlan } from "../../src/workbook/plan";
import { CellValue } from "../../src/workbook/table";

export interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  expected: CellValue;
}

export function formulaCells(plan: WorkbookPlan): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const o = parseCell(t.anchor);
      t.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c.formula) out.push({ sheet: sheet.name, address: cellAddress({ row: o.row + 1 + i, col: o.col + j }), formula: c.formula, expected: c.value });
        }),
      );
    }
    for (const b of sheet.blocks) {
      const o = parseCell(b.anchor);
      b.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c.formula) out.push({ sheet: sheet.name, address: cellAddress({ row: o.row + i, col: o.col + j }), formula: c.formula, expected: c.value });
        }),
      );
    }
  }
  return out;
}

/** Equal to the öre: numbers from a float engine are compared after rounding to two decimals. */
export function sameToOre(actual: unknown, expected: CellValue): boolean {
  if (typeof expected === "number") {
    return typeof actual === "number" && Math.round(actual * 100) === Math.round(expected * 100);
  }
  if (expected === "") return actual === "" || actual === null || actual === undefined;
  return actual === expected;
}
