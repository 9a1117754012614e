/**
 * Two co-authors edit the budget while recomputes run, some of their edits
 * arriving between a recompute's reading and its writing (as remote edits
 * do in a shared workbook). Whatever the interleaving: no typed input is
 * lost, a recompute right after another writes no cell, and every formula
 * shows the exact engine's result.
 */
import fc from "fast-check";
import { ExcelSimulator } from "../excel-sim";
import { createModel, recomputeModel } from "../../src/excel/commands";
import { budgetModel } from "../../src/workbook/models/budget";
import { runModel } from "../../src/workbook/model";
import { RawTable } from "../../src/workbook/table";
import { formulaCells, sameToOre } from "../support/planCells";

type Edit = { cell: string; value: string | number };

const editArb: fc.Arbitrary<Edit[]> = fc.oneof(
  fc.record({ row: fc.constantFrom(4, 5), amount: fc.integer({ min: 1, max: 10_000_000 }) }).map(({ row, amount }) => [{ cell: `N${row}`, value: amount }]),
  fc.record({ row: fc.constantFrom(4, 5), decided: fc.boolean(), day: fc.integer({ min: 45_000, max: 45_290 }) }).map(({ row, decided, day }) =>
    decided ? [{ cell: `S${row}`, value: day }, { cell: `Q${row}`, value: "Beslutad" }] : [{ cell: `Q${row}`, value: "Förslag" }],
  ),
  fc.record({ row: fc.constantFrom(4, 5), once: fc.boolean() }).map(({ row, once }) => [{ cell: `P${row}`, value: once ? "Engång" : "Permanent" }]),
  fc.record({ row: fc.integer({ min: 4, max: 15 }), mkr: fc.integer({ min: 100, max: 9_000 }) }).map(({ row, mkr }) => [{ cell: `C${row}`, value: mkr * 1_000_000 }]),
);

type Step = { kind: "edit"; by: "A" | "B"; edits: Edit[] } | { kind: "recompute"; by: "A" | "B"; remote?: Edit[] };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), by: fc.constantFrom("A" as const, "B" as const), edits: editArb }),
  fc.record({ kind: fc.constant("recompute" as const), by: fc.constantFrom("A" as const, "B" as const), remote: fc.option(editArb, { nil: undefined }) }),
);

function currentTables(sim: ExcelSimulator): Map<string, RawTable> {
  return new Map(
    ["Budgetramar", "Omdisponeringar"].map((name) => {
      const t = sim.table(name);
      return [name, { name, sheet: t.sheet, address: t.address.split("!").pop()!, headers: t.headers, values: t.rows } as RawTable];
    }),
  );
}

let interleavings = 0;

test("co-authors' edits interleaved with recomputes: no input lost, recompute idempotent, formulas equal the exact engine", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 10 }), async (steps) => {
      interleavings++;
      const sim = new ExcelSimulator();
      await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
      const typed = new Map<string, string | number>();
      const type = (edits: Edit[]) => edits.forEach((e) => (sim.setCell(`Budget!${e.cell}`, e.value), typed.set(e.cell, e.value)));
      for (const step of steps) {
        if (step.kind === "edit") {
          type(step.edits);
          continue;
        }
        // A remote edit lands after the recompute has read the workbook and before it writes.
        const onProgress = (phase: string) => phase === "skriver" && step.remote && type(step.remote);
        await sim.run((ctx) => recomputeModel(ctx, "budget", { user: step.by, onProgress }));
        for (const [cell, value] of typed) expect(sim.getValue(`Budget!${cell}`)).toBe(value);
      }
      const settle = await sim.run((ctx) => recomputeModel(ctx, "budget"));
      const again = await sim.run((ctx) => recomputeModel(ctx, "budget"));
      expect(again.cellsWritten).toBe(0);
      expect(settle.problems.filter((p) => p.severity === "fel")).toEqual([]);
      for (const [cell, value] of typed) expect(sim.getValue(`Budget!${cell}`)).toBe(value);
      const run = runModel(budgetModel, currentTables(sim), { sheetNames: sim.sheetNames() });
      for (const c of formulaCells(run.outcome!.plan)) {
        const actual = sim.getValue(`${c.sheet}!${c.address}`);
        if (!sameToOre(actual, c.expected)) throw new Error(`${c.address}: Excel ${String(actual)}, exact ${String(c.expected)}`);
      }
    }),
    { numRuns: 100 },
  );
  expect(interleavings).toBeGreaterThanOrEqual(100);
}, 180_000);
