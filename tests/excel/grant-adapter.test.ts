/**
 * Stimulansmedel in the Excel simulator: created from the two seeded grants,
 * recomputed, and changed by a person.
 */
import { ExcelSimulator } from "../excel-sim";
import { createModel, recomputeModel } from "../../src/excel/commands";
import { grantModel } from "../../src/workbook/models/grant";
import { AKTIVITETER, ALL_TABLES, STATSBIDRAG, SYFTEN, UTFALL } from "../../src/workbook/models/grant/schema";
import { runModel } from "../../src/workbook/model";
import { cellAddress, parseCell, splitSheet } from "../../src/workbook/address";
import { WorkbookPlan } from "../../src/workbook/plan";
import { TableSpec } from "../../src/workbook/schema";
import { CellValue, RawTable } from "../../src/workbook/table";
import { formulaCells, sameToOre } from "../support/planCells";
import { exampleTables } from "../../src/workbook/models/grant/seeds";

const PH = "Återredovisning PH2019";
const PM = "Återredovisning PM2016";

/** The sheet address of a table's cell: data row 1 is the first row below the header. */
function at(spec: TableSpec, key: string, dataRow: number): string {
  const o = parseCell(spec.anchor);
  const j = spec.columns.findIndex((c) => c.key === key);
  if (j < 0) throw new Error(`${spec.name} has no column ${key}`);
  return `${spec.sheet}!${cellAddress({ row: o.row + dataRow, col: o.col + j })}`;
}

function examplePlan(): WorkbookPlan {
  return runModel(grantModel, new Map(exampleTables().map((t) => [t.name, t])), { seed: true }).outcome!.plan;
}

/** The model's tables as the simulator holds them now. */
function tablesOf(sim: ExcelSimulator): RawTable[] {
  return ALL_TABLES.map((spec) => {
    const t = sim.table(spec.name);
    return { name: spec.name, sheet: t.sheet, address: splitSheet(t.address).range, headers: t.headers, values: t.rows };
  });
}

function planOf(sim: ExcelSimulator): WorkbookPlan {
  const run = runModel(grantModel, new Map(tablesOf(sim).map((t) => [t.name, t])));
  if (!run.outcome) throw new Error(run.problems.map((p) => p.message).join("; "));
  return run.outcome.plan;
}

/** Every planned cell of a report sheet, by address: a formula's text, else its value. */
function reportCells(plan: WorkbookPlan, name: string): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of plan.sheets.find((s) => s.name === name)!.blocks) {
    const o = parseCell(b.anchor);
    b.rows.forEach((row, i) => row.forEach((c, j) => out.set(cellAddress({ row: o.row + i, col: o.col + j }), c.formula ?? c.value)));
  }
  return out;
}

/** The computed cells of the input tables that are values, not formulas: what a recompute writes when they change. */
function valueCells(plan: WorkbookPlan): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const s of plan.sheets) {
    for (const t of s.tables) {
      const o = parseCell(t.anchor);
      t.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (t.columns[j].role === "computed" && !c.formula) out.set(`${s.name}!${cellAddress({ row: o.row + 1 + i, col: o.col + j })}`, c.value);
        }),
      );
    }
  }
  return out;
}

const changedKeys = (a: Map<string, CellValue>, b: Map<string, CellValue>) => [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();

interface Snapshot {
  sheets: { name: string; cells: Record<string, unknown>; charts: { name: string; type: string; source: string }[] }[];
}
const snapshotOf = (sim: ExcelSimulator) => JSON.parse(sim.snapshot()) as Snapshot;
const sheetCells = (sim: ExcelSimulator, name: string) => snapshotOf(sim).sheets.find((s) => s.name === name)!.cells;

async function created(): Promise<ExcelSimulator> {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
  return sim;
}

describe("stimulansmedel in Excel", () => {
  test("created from both seeded grants in two requests: every formula Excel computes equals the exact result", async () => {
    const sim = new ExcelSimulator();
    const result = await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(result.syncs).toBe(2);
    expect(sim.stats.syncs).toBe(result.syncs);
    const cells = formulaCells(examplePlan());
    // Statsbidrag 2 × 7, Syften 10 × 4, Aktiviteter 21 × 3, Utfall 17 × 1; on each report sheet the purposes'
    // Kvar and Andel with a sum row (seven sums for psykisk hälsa, whose purposes have fixed amounts, six for
    // professionsmiljarden), the activities' Kvar and Andel, two totals, and the amounts after the proposal.
    expect(cells).toHaveLength(2 * 7 + 10 * 4 + 21 * 3 + 17 + (7 * 2 + 7 + 7 * 2 + 2) + (3 * 2 + 6 + 14 * 2 + 2 + 9));
    for (const c of cells) {
      const actual = sim.getValue(`${c.sheet}!${c.address}`);
      if (!sameToOre(actual, c.expected)) throw new Error(`${c.sheet}!${c.address} ${c.formula}: Excel ${String(actual)}, exact ${String(c.expected)}`);
    }
    // Psykisk hälsa: the seven decided amounts, their sum, and the stated 6,2 mkr with its rounding.
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => sim.getValue(at(SYFTEN, "fixed", r)))).toEqual([3_100_000, 600_000, 300_000, 200_000, 500_000, 300_000, 1_209_812]);
    expect(sim.getValue(at(STATSBIDRAG, "purposeSum", 1))).toBe(6_209_812);
    expect(sim.getValue(at(STATSBIDRAG, "statedValue", 1))).toBe(6_200_000);
    expect(sim.getValue(at(STATSBIDRAG, "statedDiff", 1))).toBe(9_812);
    expect(sim.getValue(`${PH}!H31`)).toBe(6_209_812);
    expect(sim.getValue(`${PH}!B31`)).toBe(6_209_812);
    expect(sim.getValue(at(STATSBIDRAG, "ack", 1))).toBe(4_155_000);
    expect(sim.getValue(at(STATSBIDRAG, "ack", 2))).toBe(18_720_000);

    expect(sim.sheetNames()).toEqual(expect.arrayContaining(["Stimulansmedel", "Aktiviteter", "Utfall", PH, PM]));
    expect(sim.tableNames().sort()).toEqual(["Aktiviteter", "Logg", "Statsbidrag", "Syften", "Tidpunkter", "Utfall"]);
    const snap = snapshotOf(sim);
    for (const name of [PH, PM]) {
      expect(snap.sheets.find((s) => s.name === name)!.charts.map((c) => [c.name, c.type])).toEqual([["Beviljat och utfall per syfte", "ColumnClustered"]]);
    }
    expect(result.problems.map((p) => [p.code, p.severity, p.place?.cell])).toEqual([
      ["grant.outcome.overGranted", "varning", "P16"],
      ["grant.spendBy.near", "varning", "Q5"],
    ]);
  });

  test("recomputed twice: no cell of the model is written, in three requests with the log row", async () => {
    const sim = await created();
    const before = JSON.stringify([ALL_TABLES.map((t) => sim.table(t.name)), sheetCells(sim, PH), sheetCells(sim, PM)]);
    for (const round of [1, 2]) {
      sim.resetStats();
      const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
      expect([round, result.cellsWritten]).toEqual([round, 0]);
      expect(result.syncs).toBe(3);
      expect(sim.stats.syncs).toBe(3);
      expect(result.problems.map((p) => p.code)).toEqual(["grant.outcome.overGranted", "grant.spendBy.near"]);
    }
    expect(JSON.stringify([ALL_TABLES.map((t) => sim.table(t.name)), sheetCells(sim, PH), sheetCells(sim, PM)])).toBe(before);
    expect(sim.table("Logg").rows.map((r) => r[2])).toEqual(["Skapa med exempel", "Räkna om", "Räkna om"]);
  });

  test("an outcome typed by a person: Excel's formulas follow at once; the recompute writes only the cells that change", async () => {
    const sim = await created();
    const plans = { before: planOf(sim) };
    // Psykisk hälsa's uppdrag for bemötande (72003): September's outcome 90 000 kr becomes 150 000 kr.
    const september = at(UTFALL, "m9", 3);
    expect(sim.getValue(september)).toBe(90_000);
    sim.setCell(september, 150_000);
    // Live: the row's total, the activity's outcome, its purpose's and the grant's.
    expect(sim.getValue(at(UTFALL, "total", 3))).toBe(210_000);
    expect(sim.getValue(at(AKTIVITETER, "ack", 3))).toBe(210_000);
    expect(sim.getValue(at(SYFTEN, "ack", 3))).toBe(210_000);
    expect(sim.getValue(at(STATSBIDRAG, "ack", 1))).toBe(4_215_000);

    const after = planOf(sim);
    const reportChanges = changedKeys(reportCells(plans.before, PH), reportCells(after, PH));
    const tableChanges = changedKeys(valueCells(plans.before), valueCells(after));
    // The run rate's forecast of the activity (210 000 kr in nine months: 280 000 kr for the year) and the grant's
    // forecast and leftover; on the report sheet 21 cells, and nothing of professionsmiljarden.
    expect(tableChanges).toEqual([at(AKTIVITETER, "forecastAtSpendBy", 3), at(STATSBIDRAG, "forecast", 1), at(STATSBIDRAG, "leftover", 1)].sort());
    expect(reportChanges).toEqual([
      ...["A57", "A78", "A79", "A80"], // what the rule makes of the leftover; the text on use, per purpose, the leftover
      ...["B47", "B50", "B51", "B53", "B55", "B56"], // totals: outcome, forecast, leftover, kept with plan, income, liability
      ...["B65", "B67"], // the proposal's leftovers
      ...["C26", "C37", "F26", "F37", "G26", "G37", "I26", "J37", "K37"], // the purpose's and the activity's figures
    ]);
    expect(changedKeys(reportCells(plans.before, PM), reportCells(after, PM))).toEqual([]);
    const pmBefore = sheetCells(sim, PM);
    const phBefore = sheetCells(sim, PH);

    sim.resetStats();
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.syncs).toBe(3);
    expect(result.cellsWritten).toBe(reportChanges.length + tableChanges.length);
    expect(result.cellsWritten).toBe(24);
    expect(sim.getValue(at(AKTIVITETER, "forecastAtSpendBy", 3))).toBe(280_000);
    expect(sim.getValue(`${PH}!C26`)).toBe(210_000);
    expect(sim.getValue(`${PH}!F26`)).toBe(280_000);
    expect(sim.getValue(`${PH}!G26`)).toBe(20_000);
    expect(sim.getValue(`${PH}!D26`)).toBe(90_000); // Kvar, a formula on the sheet: not written, recalculated
    expect(sheetCells(sim, PM)).toEqual(pmBefore);
    const phAfter = sheetCells(sim, PH);
    const untouched = (c: unknown) => (c && typeof c === "object" && "f" in c ? { ...c, v: undefined } : c);
    for (const a of new Set([...Object.keys(phBefore), ...Object.keys(phAfter)])) {
      if (!reportChanges.includes(a)) expect([a, untouched(phAfter[a])]).toEqual([a, untouched(phBefore[a])]);
    }
    // And the next recompute finds nothing to write.
    const again = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(again.cellsWritten).toBe(0);
  });

  test("a deleted Återredovisning sheet is written whole by the next recompute, chart and all", async () => {
    const sim = await created();
    const before = sheetCells(sim, PM);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(PM).delete();
      await ctx.sync();
    });
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.syncs).toBe(3);
    expect(sheetCells(sim, PM)).toEqual(before);
    expect(snapshotOf(sim).sheets.find((s) => s.name === PM)!.charts).toHaveLength(1);
  });

  test("a grant a person adds gets its own Återredovisning sheet at the next recompute", async () => {
    const sim = await created();
    const grant: [string, string | number][] = [
      ["id", "test-2024"],
      ["shortName", "T2024"],
      ["name", "Testbidrag 2024"],
      ["year", 2024],
      ["recipient", "regionen"],
      ["amount", 1_000_000],
      ["agreement", "en överenskommelse"],
      ["spendBy", 45657], // 2024-12-31
      ["leftoverRule", "Återbetala"],
      ["kind", "Generellt"],
      ["rule", "Fast per aktivitet"],
      ["reportDate", 45565], // 2024-09-30
    ];
    for (const [key, value] of grant) sim.setCell(at(STATSBIDRAG, key, 3), value);
    for (const [key, value] of [["grant", "test-2024"], ["id", "a"], ["name", "Syfte A"]] as const) sim.setCell(at(SYFTEN, key, 11), value);
    const activity: [string, string | number][] = [
      ["grant", "test-2024"],
      ["id", "T1"],
      ["name", "Försök med digitala besök"],
      ["purpose", "a"],
      ["asked", 400_000],
      ["status", "Beviljad"],
      ["decided", 400_000],
      ["projectNumber", "'90001"],
    ];
    for (const [key, value] of activity) sim.setCell(at(AKTIVITETER, key, 22), value);
    sim.setCell(at(UTFALL, "grant", 18), "test-2024");
    sim.setCell(at(UTFALL, "projectNumber", 18), "'90001");
    sim.setCell(at(UTFALL, "m3", 18), 100_000);

    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.syncs).toBe(3);
    expect(sim.sheetNames()).toContain("Återredovisning T2024");
    expect(sim.getValue("'Återredovisning T2024'!A1")).toBe("Återredovisning – Testbidrag 2024");
    expect(sim.getValue(at(STATSBIDRAG, "ack", 3))).toBe(100_000);
    expect(sim.getValue(at(STATSBIDRAG, "reportSheet", 3))).toBe("Återredovisning T2024");
    expect(sim.getValue(at(AKTIVITETER, "granted", 22))).toBe(400_000);
    // The activity's forecast by run rate: 100 000 kr in nine months, 133 333 kr for the year.
    expect(sim.getValue(at(AKTIVITETER, "forecastAtSpendBy", 22))).toBe(133_333);
    expect(result.problems.filter((p) => p.message.startsWith("Testbidrag 2024")).map((p) => p.code)).toEqual(["grant.fixed.underGrant"]);
    const again = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(again.cellsWritten).toBe(0);
  });

  test("an empty model, created without examples, recomputes without writing a cell", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: false }));
    expect(sim.sheetNames()).toEqual(expect.arrayContaining(["Stimulansmedel", "Aktiviteter", "Utfall"]));
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.problems).toEqual([]);
    expect(result.cellsWritten).toBe(0);
  });
});
