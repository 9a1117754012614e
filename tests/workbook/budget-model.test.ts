import { budgetModel } from "../../src/workbook/models/budget";
import { runModel } from "../../src/workbook/model";
import { RawTable } from "../../src/workbook/table";

const byName = (tables: RawTable[]) => new Map(tables.map((t) => [t.name, t]));

test("the example budget runs without problems and plans both tables", () => {
  const run = runModel(budgetModel, byName(budgetModel.examples()), { seed: true });
  expect(run.problems).toEqual([]);
  const plan = run.outcome!.plan;
  const [frames, omd] = plan.sheets[0].tables;
  expect(frames.rows).toHaveLength(12);
  expect(omd.rows).toHaveLength(2);
  console.log(frames.rows[0].map((c) => c.formula ?? c.value));
  console.log(omd.rows[0].map((c) => c.formula ?? c.value));
  console.log(budgetModel.summary(run.outcome!.model, run.outcome!.result).join("\n"));
});
