/**
 * The ribbon's "Räkna om" recomputes every model the workbook holds: a budget
 * round and a state grant in one workbook are both brought up to date, and a
 * model that is refused changes nothing of its own and stops no other.
 */
import { ExcelSimulator } from "../excel-sim";
import { createModel, findModels, recomputeModel, recomputeWorkbook } from "../../src/excel/commands";
import { MODEL_IDS, MODEL_SHEETS, modelsInWorkbook } from "../../src/workbook/models/catalog";
import { MODELS } from "../../src/workbook/models";
import { describeWorkbook } from "../../src/commands/report";
import { strings } from "../../src/taskpane/i18n";

describe("which models a workbook holds", () => {
  test("each model's first sheet in the catalog is the first sheet of its schema", () => {
    for (const id of MODEL_IDS) expect([id, MODELS[id].sheets[0]]).toEqual([id, MODEL_SHEETS[id]]);
  });

  test("a model counts when its schema version is recorded or its first sheet is there, in any case", () => {
    expect(modelsInWorkbook(["Sheet1"], [])).toEqual([]);
    expect(modelsInWorkbook(["budget", "Logg"], [])).toEqual(["budget"]);
    expect(modelsInWorkbook(["Blad1"], ["ramkoll.schema.stimulansmedel"])).toEqual(["stimulansmedel"]);
    expect(modelsInWorkbook(["Stimulansmedel", "Rapportdata", "Budget"], [])).toEqual(["budget", "manadsrapport", "stimulansmedel"]);
  });
});

describe("recomputing the whole workbook", () => {
  async function twoModels(): Promise<ExcelSimulator> {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
    return sim;
  }

  test("an empty workbook holds no model, and the dialog says so", async () => {
    const sim = new ExcelSimulator();
    const before = sim.snapshot();
    const outcomes = await sim.run((ctx) => recomputeWorkbook(ctx));
    expect(outcomes).toEqual([]);
    expect(sim.snapshot()).toBe(before);
    expect(describeWorkbook(outcomes, strings.sv)).toMatchObject({ kind: "warning", title: "Ramkoll: ingen modell att räkna om" });
  });

  test("budget and stimulansmedel are both recomputed; a second run writes nothing", async () => {
    const sim = await twoModels();
    expect(await sim.run((ctx) => findModels(ctx))).toEqual(["budget", "stimulansmedel"]);
    sim.setCell("Budget!F5", null); // a computed frame someone cleared
    const first = await sim.run((ctx) => recomputeWorkbook(ctx));
    expect(first.map((o) => [o.model, "result" in o ? o.result.cellsWritten : "error"])).toEqual([
      ["budget", 1],
      ["stimulansmedel", 0],
    ]);
    const second = await sim.run((ctx) => recomputeWorkbook(ctx));
    expect(second.map((o) => ("result" in o ? o.result.cellsWritten : -1))).toEqual([0, 0]);
    const message = describeWorkbook(second, strings.sv);
    // The example grants carry warnings of their own (a spend-by date near with money left), no errors.
    expect(message.kind).toBe("warning");
    expect(message.title).toBe("Ramkoll: omräkningen är klar");
    expect(message.lines).toContain("Budgetramar och omdisponeringar: 0 celler skrivna");
    expect(message.lines).toContain("Stimulansmedel: 0 celler skrivna");
  });

  test("a refused budget leaves its sheet as it was and the grant is still recomputed", async () => {
    const sim = await twoModels();
    sim.setCell("Budget!N4", "fyra");
    const budgetBefore = JSON.stringify(sim.table("Omdisponeringar").rows);
    const logRows = sim.table("Logg").rows.length;
    const outcomes = await sim.run((ctx) => recomputeWorkbook(ctx));
    expect(outcomes.map((o) => [o.model, "error" in o])).toEqual([
      ["budget", true],
      ["stimulansmedel", false],
    ]);
    expect(JSON.stringify(sim.table("Omdisponeringar").rows)).toBe(budgetBefore);
    // The grant's recompute logs its row; the refused budget logs none.
    expect(sim.table("Logg").rows.length).toBe(logRows + 1);
    const message = describeWorkbook(outcomes, strings.sv);
    expect(message.kind).toBe("error");
    expect(message.title).toBe("Ramkoll: en del av omräkningen gick inte");
    expect(message.lines[0]).toBe("Budgetramar och omdisponeringar: omräkningen skrev ingenting");
    expect(message.lines.some((l) => l.includes("cell N4"))).toBe(true);
    expect(message.lines).toContain("Stimulansmedel: 0 celler skrivna");
    // Corrected, the budget goes through again.
    sim.setCell("Budget!N4", 4_500_000);
    await expect(sim.run((ctx) => recomputeModel(ctx, "budget"))).resolves.toMatchObject({ cellsWritten: 0 });
  });

  test("one model is reported as the task pane reports it", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }));
    const outcomes = await sim.run((ctx) => recomputeWorkbook(ctx));
    expect(describeWorkbook(outcomes, strings.en)).toMatchObject({ kind: "ok", title: "Ramkoll: recomputed", lines: expect.arrayContaining(["0 cells written", "3 syncs with Excel", expect.stringMatching(/^HSN 2024: ram enligt RF 5\s180\s000\s000\skr/)]) });
  });
});
