/**
 * The harness for catalogues of bad inputs: create a model from its
 * examples, let a person (or a co-author's API call) break something, and
 * require a refusal with a located Swedish message and a workbook left
 * exactly as it was.
 */
import { ExcelSimulator } from "../excel-sim";
import { CommandError, createModel, recomputeModel } from "../../src/excel/commands";
import { ModelId } from "../../src/workbook/models";

export type Edit = (sim: ExcelSimulator) => Promise<void> | void;

export interface BadInput {
  name: string;
  edit: Edit;
  code: string;
  /** What the message's place must name. */
  place: Record<string, unknown>;
  says?: RegExp;
}

export const typeInto = (address: string, input: string | number | boolean | null): Edit => (sim) => sim.setCell(address, input);

export const viaApi = (fn: (ctx: Excel.RequestContext) => void): Edit => (sim) =>
  sim.run(async (ctx) => {
    fn(ctx);
    await ctx.sync();
  });

export async function expectRefusedUnchanged(model: ModelId, c: BadInput): Promise<void> {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, model, { withExamples: true }));
  await c.edit(sim);
  const before = sim.snapshot();
  let error: unknown;
  try {
    await sim.run((ctx) => recomputeModel(ctx, model));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CommandError);
  const problems = (error as CommandError).problems.filter((p) => p.severity === "fel");
  const hit = problems.find((p) => p.code === c.code);
  if (!hit) throw new Error(`expected ${c.code}, got ${problems.map((p) => `${p.code} ${p.message}`).join("; ")}`);
  expect(hit.place).toMatchObject(c.place);
  if (c.says) expect(hit.message).toMatch(c.says);
  expect((error as CommandError).message).toMatch(/inget har ändrats i arbetsboken/);
  expect(sim.snapshot()).toBe(before);
}
