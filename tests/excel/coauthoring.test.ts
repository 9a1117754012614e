/**
 * Two co-authors edit the budget, or professionsmiljarden's activities and
 * outcome, while recomputes run, some of their edits arriving between a
 * recompute's reading and its writing (as remote edits do in a shared
 * workbook). Whatever the interleaving: no typed input is lost, a recompute
 * right after another writes no cell, every formula shows the exact engine's
 * result, and so does every value Ramkoll computes (a stale value of its own
 * is never mistaken for a person's typing).
 */
import fc from "fast-check";
import { ExcelSimulator } from "../excel-sim";
import { CommandResult, ModelId, createModel, recomputeModel } from "../../src/excel/commands";
import { budgetModel } from "../../src/workbook/models/budget";
import { grantModel } from "../../src/workbook/models/grant";
import { AnyModel } from "../../src/workbook/models/load";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { ModelRun, runModel } from "../../src/workbook/model";
import { RawTable } from "../../src/workbook/table";
import { formulaCells, sameToOre } from "../support/planCells";

type Edit = { cell: string; value: string | number };

const editArb: fc.Arbitrary<Edit[]> = fc.oneof(
  fc.record({ row: fc.constantFrom(4, 5), amount: fc.integer({ min: 1, max: 10_000_000 }) }).map(({ row, amount }) => [{ cell: `Budget!N${row}`, value: amount }]),
  fc.record({ row: fc.constantFrom(4, 5), decided: fc.boolean(), day: fc.integer({ min: 45_000, max: 45_290 }) }).map(({ row, decided, day }) =>
    decided ? [{ cell: `Budget!S${row}`, value: day }, { cell: `Budget!Q${row}`, value: "Beslutad" }] : [{ cell: `Budget!Q${row}`, value: "Förslag" }],
  ),
  fc.record({ row: fc.constantFrom(4, 5), once: fc.boolean() }).map(({ row, once }) => [{ cell: `Budget!P${row}`, value: once ? "Engång" : "Permanent" }]),
  fc.record({ row: fc.integer({ min: 4, max: 15 }), mkr: fc.integer({ min: 100, max: 9_000 }) }).map(({ row, mkr }) => [{ cell: `Budget!C${row}`, value: mkr * 1_000_000 }]),
);

type Step = { kind: "edit"; by: "A" | "B"; edits: Edit[] } | { kind: "recompute"; by: "A" | "B"; remote?: Edit[] };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), by: fc.constantFrom("A" as const, "B" as const), edits: editArb }),
  fc.record({ kind: fc.constant("recompute" as const), by: fc.constantFrom("A" as const, "B" as const), remote: fc.option(editArb, { nil: undefined }) }),
);

/** The model's tables as the simulator holds them now. */
function currentTables(sim: ExcelSimulator, def: AnyModel): Map<string, RawTable> {
  return new Map(
    def.tables.map(({ name }) => {
      const t = sim.table(name);
      return [name, { name, sheet: t.sheet, address: t.address.split("!").pop()!, headers: t.headers, values: t.rows } as RawTable];
    }),
  );
}

/**
 * Creates the model with its examples and runs the steps: a person's edits,
 * and recomputes with a co-author's edits landing after the recompute has
 * read the workbook and before it writes. After each recompute every typed
 * input is still there. Then it settles: a recompute, and a second one that
 * writes no cell, with every typed input still there.
 */
async function interleave(model: ModelId, steps: Step[]): Promise<{ sim: ExcelSimulator; recomputes: CommandResult[]; settle: CommandResult }> {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, model, { withExamples: true }));
  const typed = new Map<string, string | number>();
  const type = (edits: Edit[]) => edits.forEach((e) => (sim.setCell(e.cell, e.value), typed.set(e.cell, e.value)));
  const kept = () => {
    for (const [cell, value] of typed) expect(sim.getValue(cell)).toBe(value);
  };
  const recomputes: CommandResult[] = [];
  for (const step of steps) {
    if (step.kind === "edit") {
      type(step.edits);
      continue;
    }
    const onProgress = (phase: string) => phase === "skriver" && step.remote && type(step.remote);
    recomputes.push(await sim.run((ctx) => recomputeModel(ctx, model, { user: step.by, onProgress })));
    kept();
  }
  const settle = await sim.run((ctx) => recomputeModel(ctx, model));
  const again = await sim.run((ctx) => recomputeModel(ctx, model));
  expect(again.cellsWritten).toBe(0);
  kept();
  return { sim, recomputes, settle };
}

/** The exact engine's run on the workbook as it is; every formula there shows its result. */
function formulasAgree(sim: ExcelSimulator, def: AnyModel): NonNullable<ModelRun<unknown, unknown>["outcome"]> {
  const run = runModel(def, currentTables(sim, def), { sheetNames: sim.sheetNames() });
  for (const c of formulaCells(run.outcome!.plan)) {
    const actual = sim.getValue(`'${c.sheet}'!${c.address}`);
    if (!sameToOre(actual, c.expected)) throw new Error(`${c.sheet}!${c.address}: Excel ${String(actual)}, exact ${String(c.expected)}`);
  }
  return run.outcome!;
}

let interleavings = 0;

test("co-authors' edits interleaved with recomputes: no input lost, recompute idempotent, formulas equal the exact engine", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 10 }), async (steps) => {
      interleavings++;
      const { sim, settle } = await interleave("budget", steps);
      expect(settle.problems.filter((p) => p.severity === "fel")).toEqual([]);
      formulasAgree(sim, budgetModel);
    }),
    { numRuns: 100 },
  );
  expect(interleavings).toBeGreaterThanOrEqual(100);
}, 180_000);

// Professionsmiljarden: activities on rows 11–24 of Aktiviteter (the rank order), outcome on rows 11–20 of Utfall, followed to October (Jan–Okt are C–L).
const grantEditArb: fc.Arbitrary<Edit[]> = fc.oneof(
  fc.record({ row: fc.integer({ min: 11, max: 24 }), asked: fc.integer({ min: 100, max: 5_000 }) }).map(({ row, asked }) => [{ cell: `Aktiviteter!F${row}`, value: asked * 1_000 }]),
  fc.record({ row: fc.integer({ min: 11, max: 24 }), forecast: fc.integer({ min: 0, max: 5_000 }) }).map(({ row, forecast }) => [{ cell: `Aktiviteter!N${row}`, value: forecast * 1_000 }]),
  fc.record({ row: fc.integer({ min: 11, max: 20 }), month: fc.constantFrom("C", "E", "H", "L"), amount: fc.integer({ min: 0, max: 400 }) }).map(({ row, month, amount }) => [
    { cell: `Utfall!${month}${row}`, value: amount * 1_000 },
  ]),
);

const grantStepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), by: fc.constantFrom("A" as const, "B" as const), edits: grantEditArb }),
  fc.record({ kind: fc.constant("recompute" as const), by: fc.constantFrom("A" as const, "B" as const), remote: fc.option(grantEditArb, { nil: undefined }) }),
);

test("co-authors on a grant: values Ramkoll computes stay its own, never flagged as typed over, and equal the exact engine", async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(grantStepArb, { minLength: 2, maxLength: 6 }), async (steps) => {
      runs++;
      const { sim, recomputes, settle } = await interleave("stimulansmedel", steps);
      for (const result of recomputes) expect(result.problems.filter((p) => p.code === "computed.valueTypedOver")).toEqual([]);
      expect(settle.problems.filter((p) => p.severity === "fel" || p.code === "computed.valueTypedOver")).toEqual([]);
      const { plan } = formulasAgree(sim, grantModel);
      // The value columns of the tables, too.
      for (const sheet of plan.sheets) {
        for (const t of sheet.tables) {
          const o = parseCell(t.anchor);
          t.columns.forEach((col, j) => {
            if (col.role !== "computed") return;
            t.rows.forEach((r, i) => {
              if (r[j].formula) return;
              const actual = sim.getValue(`'${sheet.name}'!${cellAddress({ row: o.row + 1 + i, col: o.col + j })}`);
              if (!sameToOre(actual, r[j].value) && !(actual === "" && (r[j].value === null || r[j].value === ""))) {
                throw new Error(`${t.name} row ${i + 1} ${col.header}: workbook ${String(actual)}, exact ${String(r[j].value)}`);
              }
            });
          });
        }
      }
    }),
    { numRuns: 40 },
  );
  expect(runs).toBeGreaterThanOrEqual(40);
}, 240_000);
