import { budgetModel } from "../../src/workbook/models/budget";
import { runModel } from "../../src/workbook/model";
import { RawTable } from "../../src/workbook/table";
import { budgetExampleTables } from "../../src/workbook/models/budget";

const byName = (tables: RawTable[]) => new Map(tables.map((t) => [t.name, t]));

test("the example budget runs without problems and plans both tables", () => {
  const run = runModel(budgetModel, byName(budgetExampleTables()), { seed: true });
  expect(run.problems).toEqual([]);
  const [frames, omd] = run.outcome!.plan.sheets[0].tables;
  expect(frames.rows).toHaveLength(12);
  expect(omd.rows).toHaveLength(2);
  // HSN/1222/2023 as the document gives it: 4,5 mkr, for good, from 2024-01-01 (serial 45292), HSN's proposal to RF.
  expect(omd.rows[0].slice(0, 7).map((c) => c.value)).toEqual(["HSN/1222/2023", "HSN", "RS", 4_500_000, 45292, "Permanent", "Förslag"]);
  expect(omd.rows[0][11]).toEqual({
    formula: '=IF(Omdisponeringar[[#This Row],[Gäller från]]="","",YEAR(Omdisponeringar[[#This Row],[Gäller från]]))',
    value: 2024,
  });
  expect(frames.rows[0][7].value).toBe(5_180_000_000 - 4_500_000);
  expect(frames.rows[0][7].formula).toContain("Budgetramar[[#This Row],[Justerad ram]]");
});

test("the summary names HSN's and RS's 2024 frames if the proposal passes, to the krona", () => {
  const run = runModel(budgetModel, byName(budgetExampleTables()), { seed: true });
  const lines = budgetModel.summary(run.outcome!.model, run.outcome!.result);
  expect(lines.find((l) => l.startsWith("HSN 2024"))).toContain("förslag \u22124\u00A0500\u00A0000\u00A0kr, ram om förslagen bifalls 5\u00A0175\u00A0500\u00A0000\u00A0kr");
  expect(lines.find((l) => l.startsWith("RS 2024"))).toContain("förslag +4\u00A0500\u00A0000\u00A0kr");
});

test("an empty model plans one empty row per table, as Excel tables need", () => {
  const run = runModel(budgetModel, new Map(), { seed: true });
  expect(run.problems.map((p) => p.code)).toEqual(["sheet.table.missing", "sheet.table.missing"]);
});
