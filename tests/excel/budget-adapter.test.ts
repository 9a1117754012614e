import { ExcelSimulator } from "../excel-sim";
import { WriteFailed } from "../../src/excel/apply";
import { CommandError, applyFixes, createFromTables, createModel, recomputeModel } from "../../src/excel/commands";
import { budgetModel } from "../../src/workbook/models/budget";
import { generatedBudget } from "../support/generate";
import { runModel } from "../../src/workbook/model";
import { formulaCells, sameToOre } from "../support/planCells";
import { budgetExampleTables } from "../../src/workbook/models/budget";

function examplePlan() {
  const run = runModel(budgetModel, new Map(budgetExampleTables().map((t) => [t.name, t])), { seed: true });
  return run.outcome!.plan;
}

describe("the budget model in Excel", () => {
  test("HSN/1222/2023 created from the examples: every formula Excel computes equals the exact result", async () => {
    const sim = new ExcelSimulator();
    const result = await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(sim.stats.syncs).toBe(result.syncs);
    expect(result.problems).toEqual([]);
    const cells = formulaCells(examplePlan());
    expect(cells.length).toBe(12 * 4 + 2 * 2);
    for (const c of cells) {
      const actual = sim.getValue(`${c.sheet}!${c.address}`);
      if (!sameToOre(actual, c.expected)) throw new Error(`${c.sheet}!${c.address}: Excel ${String(actual)}, exact ${String(c.expected)}`);
    }
    expect(sim.getValue("Budget!H4")).toBe(5_180_000_000 - 4_500_000); // HSN 2024 if the proposal passes
    expect(sim.getValue("Budget!H5")).toBe(912_400_000 + 4_500_000); // RS 2024
    expect(sim.tableNames().sort()).toEqual(["Budgetramar", "Logg", "Omdisponeringar"]);
  });

  test("a recompute of an unchanged workbook writes no cell of the model, only its row in the log", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    const tables = () => JSON.stringify([sim.table("Budgetramar"), sim.table("Omdisponeringar")]);
    const before = tables();
    sim.resetStats();
    const result = await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(result.cellsWritten).toBe(0);
    expect(result.syncs).toBe(3);
    expect(sim.stats.syncs).toBe(3);
    expect(result.problems).toEqual([]);
    expect(tables()).toBe(before);
    expect(sim.table("Logg").rows.map((r) => r[2])).toEqual(["Skapa med exempel", "Räkna om"]);
  });

  test("when regionfullmäktige decides, HSN's adjusted frame falls by exactly 4 500 000 kr and RS's rises by as much", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    sim.setCell("Budget!Q4", "Beslutad");
    sim.setCell("Budget!S4", "=DATE(2023,11,27)");
    const result = await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(result.problems).toEqual([]);
    expect(sim.getValue("Budget!F4")).toBe(5_180_000_000 - 4_500_000);
    expect(sim.getValue("Budget!F5")).toBe(912_400_000 + 4_500_000);
    expect(sim.getValue("Budget!F8")).toBe(5_340_000_000 - 4_500_000); // and in 2025: for good
  });

  test("a computed cell typed over is reported and left alone; a cleared one gets its formula back", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    sim.setCell("Budget!F4", 123);
    sim.setCell("Budget!F5", null);
    const formulaF6 = sim.getFormula("Budget!F6");
    const result = await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(result.cellsWritten).toBe(1);
    expect(sim.getValue("Budget!F4")).toBe(123);
    expect(sim.getFormula("Budget!F5")).toBe(formulaF6);
    expect(sim.getValue("Budget!F5")).toBe(912_400_000);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "varning", code: "computed.typedOver", place: expect.objectContaining({ cell: "F4", column: "Justerad ram" }) }),
    ]);
    // Until the user asks: then the formula comes back and the value is Excel's again.
    await sim.run((ctx) => applyFixes(ctx, result.problems));
    expect(sim.getFormula("Budget!F4")).toBe(formulaF6);
    expect(sim.getValue("Budget!F4")).toBe(5_180_000_000);
  });

  test("an amount typed as '5 mkr' is refused with a correction the user can apply", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    sim.setCell("Budget!N4", "5 mkr");
    const error: CommandError = await sim.run((ctx) => recomputeModel(ctx, "budget")).then(
      () => { throw new Error("expected a refusal"); },
      (e: CommandError) => e,
    );
    const problem = error.problems.find((p) => p.code === "sheet.cell.numberAsText")!;
    expect(problem.fix).toEqual({ value: 5_000_000, label: "Skriv 5000000" });
    await expect(sim.run((ctx) => applyFixes(ctx, [problem]))).resolves.toBe(1);
    expect(sim.getValue("Budget!N4")).toBe(5_000_000);
    await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(sim.getValue("Budget!G4")).toBe(-5_000_000);
  });

  test("a correction whose write fails puts the cell back", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    sim.setCell("Budget!N4", "5 mkr");
    const error = (await sim.run((ctx) => recomputeModel(ctx, "budget")).catch((e: CommandError) => e)) as CommandError;
    expect(error).toBeInstanceOf(CommandError);
    const problem = error.problems.find((p) => p.code === "sheet.cell.numberAsText")!;
    const before = sim.snapshot();
    const failWrites = (phase: string) => phase === "skriver" && sim.failNextSync();
    await expect(sim.run((ctx) => applyFixes(ctx, [problem], { onProgress: failWrites }))).rejects.toBeInstanceOf(WriteFailed);
    expect(sim.getValue("Budget!N4")).toBe("5 mkr");
    expect(sim.snapshot()).toBe(before);
  });

  test.each([10, 10_000])("creating and recomputing with %d omdisponeringar take the same requests", async (n) => {
    const sim = new ExcelSimulator();
    const created = await sim.run((ctx) => createFromTables(ctx, "budget", generatedBudget(n)));
    expect(created.syncs).toBe(1);
    sim.setCell("Budget!F4", null); // one computed cell to write back
    sim.resetStats();
    const recomputed = await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(recomputed.syncs).toBe(3);
    expect(sim.stats.syncs).toBe(3);
    expect(recomputed.cellsWritten).toBe(1);
    expect(Math.max(...sim.stats.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);

  test("a plan too large for one 5 MB request is split into several, not refused", async () => {
    const sim = new ExcelSimulator();
    // 15 000 rows with long motivations: some 9 MB of cells, more than one request may carry.
    const created = await sim.run((ctx) => createFromTables(ctx, "budget", generatedBudget(15_000, 400)));
    expect(created.syncs).toBeGreaterThan(1);
    expect(sim.stats.requests).toHaveLength(created.syncs);
    for (const r of sim.stats.requests) expect(r.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(sim.table("Omdisponeringar").rows).toHaveLength(15_000);
    expect(sim.getValue("Budget!V15003")).toBe(2024 + (14_999 % 3));
  }, 180_000);
});
