import { batchWrites, canonicalFormula, createWrites, guardText, recomputeWrites, Write, writeBytes } from "../../src/workbook/writes";
import { budgetModel } from "../../src/workbook/models/budget";
import { runModel } from "../../src/workbook/model";
import { RawTable } from "../../src/workbook/table";
import { budgetExampleTables } from "../../src/workbook/models/budget";

function exampleRun() {
  const run = runModel(budgetModel, new Map(budgetExampleTables().map((t) => [t.name, t])), { seed: true });
  return run.outcome!;
}

test("Excel's shorthand and the file form of a structured reference are the same formula", () => {
  const file = "=IF(Budgetramar[[#This Row],[Organ]]=\"\",\"\",Budgetramar[[#This Row],[Ram enligt RF]]+Budgetramar[[#This Row],[Beslutade omdisponeringar]])";
  const shown = "=IF([@Organ]=\"\",\"\",[@[Ram enligt RF]]+[@[Beslutade omdisponeringar]])";
  expect(canonicalFormula(shown, "Budgetramar")).toBe(canonicalFormula(file, "Budgetramar"));
  expect(canonicalFormula("=SUM(Omdisponeringar[[Belopp per år]])", "Budgetramar")).toBe(canonicalFormula("=SUM(Omdisponeringar[Belopp per år])", "Budgetramar"));
  expect(canonicalFormula("=[@Organ]", "Budgetramar")).not.toBe(canonicalFormula("=[@År]", "Budgetramar"));
});

test.each([
  ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
  ["+46 63 15 39 09", "'+46 63 15 39 09"],
  ["-4,5", "'-4,5"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["00123", "'00123"],
  ["2024-01-01", "'2024-01-01"],
  ["HSN/1222/2023", "HSN/1222/2023"],
  ["Utökad vårdnära service", "Utökad vårdnära service"],
])("text %j is written so that it stays text", (input, written) => {
  expect(guardText(input)).toBe(written);
});

test("a new model writes its computed columns as one formula each, not cell by cell", () => {
  const writes = createWrites(exampleRun().plan);
  const fills = writes.filter((w) => w.kind === "fill");
  expect(fills).toHaveLength(4 + 2);
  expect(writes.filter((w) => w.kind === "addTable").map((w) => (w as { name: string }).name)).toEqual(["Budgetramar", "Omdisponeringar"]);
  expect(writes[writes.length - 1]).toEqual({ kind: "activate", sheet: "Budget" });
});

test("batches stay under the limit, keep their order, and split large blocks of rows", () => {
  const rows = Array.from({ length: 3000 }, (_, i) => [`rad ${i}`, i, "x".repeat(50)]);
  const writes: Write[] = [
    { kind: "addSheet", sheet: "S" },
    { kind: "cells", sheet: "S", address: "A1:C3000", cells: rows },
    { kind: "activate", sheet: "S" },
  ];
  const limit = 60_000;
  const batches = batchWrites(writes, limit);
  expect(batches.length).toBeGreaterThan(3);
  for (const b of batches) expect(b.reduce((n, w) => n + writeBytes(w), 0)).toBeLessThanOrEqual(limit);
  const flat = batches.flat();
  expect(flat[0]).toEqual(writes[0]);
  expect(flat[flat.length - 1]).toEqual(writes[2]);
  const cells = flat.filter((w): w is Extract<Write, { kind: "cells" }> => w.kind === "cells");
  expect(cells.flatMap((w) => w.cells)).toEqual(rows);
  expect(cells[1].address).toBe(`A${cells[0].cells.length + 1}:C${cells[0].cells.length + cells[1].cells.length}`);
});

test("a recompute against what it planned itself writes nothing; against blanks it writes only computed cells", () => {
  const { plan, tableRows } = exampleRun();
  const asWorkbook = (blankComputed: boolean) =>
    new Map<string, RawTable>(
      plan.sheets[0].tables.map((t) => {
        const raw: RawTable = {
          name: t.name,
          sheet: "Budget",
          address: t.anchor === "A3" ? `A3:H${3 + t.rows.length}` : `K3:W${3 + t.rows.length}`,
          headers: t.columns.map((c) => c.header),
          values: t.rows.map((r) => r.map((c) => (blankComputed && c.formula ? "" : c.value))),
          formulas: t.rows.map((r) => r.map((c) => (blankComputed && c.formula ? "" : (c.formula ?? c.value)))),
        };
        return [t.name, raw];
      }),
    );
  // The budget has formulas only: no value cells to keep a record of.
  expect(recomputeWrites(plan, asWorkbook(false), tableRows)).toEqual({ writes: [], undo: [], problems: [], cellsToWrite: 0, written: {} });
  const again = recomputeWrites(plan, asWorkbook(true), tableRows);
  expect(again.cellsToWrite).toBe(12 * 4 + 2 * 2);
  expect(again.writes.every((w) => w.kind === "cells")).toBe(true);
  expect(again.writes.map((w) => (w as { address: string }).address)).toEqual(["E4:E15", "F4:F15", "G4:G15", "H4:H15", "V4:V5", "W4:W5"]);
});
