/**
 * Stimulansmedel in the Excel simulator: created from the two seeded grants,
 * recomputed, and changed by a person.
 */
import { ExcelSimulator } from "../excel-sim";
import { createModel, recomputeModel } from "../../src/excel/commands";
import { grantModel } from "../../src/workbook/models/grant";
import { runModel } from "../../src/workbook/model";
import { formulaCells, sameToOre } from "../support/planCells";

function examplePlan() {
  const run = runModel(grantModel, new Map(grantModel.examples().map((t) => [t.name, t])), { seed: true });
  return run.outcome!.plan;
}

test("created from the examples: every formula equals the exact result", async () => {
  const sim = new ExcelSimulator();
  const result = await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
  expect(result.syncs).toBeLessThanOrEqual(3);
  const cells = formulaCells(examplePlan());
  for (const c of cells) {
    const actual = sim.getValue(`${c.sheet}!${c.address}`);
    if (!sameToOre(actual, c.expected)) throw new Error(`${c.sheet}!${c.address} ${c.formula}: Excel ${String(actual)}, exact ${String(c.expected)}`);
  }
  sim.resetStats();
  const r2 = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
  expect(r2.cellsWritten).toBe(0);
  expect(r2.syncs).toBe(3);
});
