/**
 * Applies a WorkbookPlan to an .xlsx file through ExcelJS: real tables,
 * formulas with the exact engine's results as their cached values, Swedish
 * number formats and drop-down lists; the charts are added to ExcelJS's
 * package afterwards (charts.ts), since ExcelJS writes none.
 */
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import { addCharts } from "./charts";
import { parseCell, cellAddress } from "../workbook/address";
import { PlanCell, TablePlan, WorkbookPlan } from "../workbook/plan";

/** ExcelJS widths are in characters of the default font; the schema's are in points. */
const POINTS_PER_CHAR = 7;

function cellValue(c: PlanCell): ExcelJS.CellValue {
  if (c.formula) {
    // ExcelJS stores formulas without "="; the cached result lets a reader show it before recalculating.
    return { formula: c.formula.slice(1), result: c.value === "" ? undefined : c.value } as ExcelJS.CellFormulaValue;
  }
  return c.value === "" ? null : c.value;
}

function addTable(ws: ExcelJS.Worksheet, t: TablePlan): void {
  const origin = parseCell(t.anchor);
  ws.addTable({
    name: t.name,
    ref: t.anchor,
    headerRow: true,
    totalsRow: false,
    style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: t.rows.map((r) => r.map(cellValue)),
  });
  t.columns.forEach((c, j) => {
    const col = ws.getColumn(origin.col + 1 + j);
    if (c.width) col.width = Math.max(col.width ?? 0, c.width / POINTS_PER_CHAR);
    for (let i = 0; i < t.rows.length; i++) {
      const cell = ws.getCell(cellAddress({ row: origin.row + 1 + i, col: origin.col + j }));
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.choices && c.role === "input") {
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${c.choices.join(",")}"`],
          showErrorMessage: true,
          errorTitle: "Ramkoll",
          error: `Välj ett av: ${c.choices.join(", ")}`,
        };
      }
    }
  });
}

export function planToWorkbook(plan: WorkbookPlan, existing?: ExcelJS.Workbook): ExcelJS.Workbook {
  const wb = existing ?? new ExcelJS.Workbook();
  wb.creator = "Ramkoll";
  // Ask readers to recalculate on open, so no one trusts a stale cached value.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const origin = parseCell(block.anchor);
      block.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          const cell = ws.getCell(cellAddress({ row: origin.row + i, col: origin.col + j }));
          cell.value = cellValue(c);
          const fmt = block.numberFormats?.[i]?.[j];
          if (fmt) cell.numFmt = fmt;
          if (block.bold || block.fontSize) cell.font = { bold: block.bold, size: block.fontSize };
          if (block.wrap) cell.alignment = { wrapText: true, vertical: "top" };
        }),
      );
      if (block.width) ws.getColumn(origin.col + 1).width = block.width / POINTS_PER_CHAR;
    }
    for (const table of sheet.tables) addTable(ws, table);
  }
  return wb;
}

/** The plan as an .xlsx package, charts included. */
export async function planToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const written = await planToWorkbook(plan).xlsx.writeBuffer();
  return addCharts(Buffer.from(written as ArrayBuffer), plan);
}

export async function writePlanToFile(plan: WorkbookPlan, path: string): Promise<void> {
  await writeFile(path, await planToXlsx(plan));
}
