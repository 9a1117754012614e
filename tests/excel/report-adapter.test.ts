/**
 * The monthly report in the Excel simulator: created from the seeded
 * September and October 2020, recomputed, and changed by a person.
 */
import { ExcelSimulator } from "../excel-sim";
import { createFromTables, createModel, recomputeModel } from "../../src/excel/commands";
import { reportModel } from "../../src/workbook/models/report";
import { ALL_TABLES, REPORT_SHEET, STAFETT, UPPGIFTER } from "../../src/workbook/models/report/schema";
import { runModel } from "../../src/workbook/model";
import { cellAddress, parseCell, splitSheet } from "../../src/workbook/address";
import { WorkbookPlan } from "../../src/workbook/plan";
import { TableSpec } from "../../src/workbook/schema";
import { CellValue, RawTable } from "../../src/workbook/table";
import { formulaCells, sameToOre } from "../support/planCells";
import { exampleTables } from "../../src/workbook/models/report/seeds";

/** The sheet address of a table's cell: data row 1 is the first row below the header. */
function at(spec: TableSpec, key: string, dataRow: number): string {
  const o = parseCell(spec.anchor);
  return `${spec.sheet}!${cellAddress({ row: o.row + dataRow, col: o.col + spec.columns.findIndex((c) => c.key === key) })}`;
}

function examplePlan(): WorkbookPlan {
  const run = runModel(reportModel, new Map(exampleTables().map((t) => [t.name, t])), { seed: true });
  return run.outcome!.plan;
}

/** The model's tables as the simulator holds them now. */
function tablesOf(sim: ExcelSimulator): RawTable[] {
  return ALL_TABLES.map((spec) => {
    const t = sim.table(spec.name);
    return { name: spec.name, sheet: t.sheet, address: splitSheet(t.address).range, headers: t.headers, values: t.rows };
  });
}

/** The plan the workbook's tables give now. */
function planOf(sim: ExcelSimulator): WorkbookPlan {
  const run = runModel(reportModel, new Map(tablesOf(sim).map((t) => [t.name, t])));
  if (!run.outcome) throw new Error(run.problems.map((p) => p.message).join("; "));
  return run.outcome.plan;
}

/** Every planned cell of the report sheet, by address. */
function reportCells(plan: WorkbookPlan): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const sheet = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
  for (const b of sheet.blocks) {
    const o = parseCell(b.anchor);
    b.rows.forEach((row, i) => row.forEach((c, j) => out.set(cellAddress({ row: o.row + i, col: o.col + j }), c.formula ?? c.value)));
  }
  return out;
}

/** The report sheet's cells in the simulator: content and format. */
function sheetCells(sim: ExcelSimulator, name: string): Record<string, unknown> {
  const snap = JSON.parse(sim.snapshot()) as { sheets: { name: string; cells: Record<string, unknown> }[] };
  return snap.sheets.find((s) => s.name === name)!.cells;
}

async function created(): Promise<ExcelSimulator> {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, "manadsrapport", { withExamples: true }));
  return sim;
}

// The report sheet: September from column A, October from column J; the avstämning from row 37,
// status in the sixth column (F, O). October's checks: deviation, its change, the forecast's change, the net.
const OCTOBER_NET_STATUS = `${REPORT_SHEET}!O40`;
const OCTOBER_NET_STATED = at(UPPGIFTER, "angivet", 12);
const SEPTEMBER_NET_STATED = at(UPPGIFTER, "angivet", 5);

describe("the monthly report in Excel", () => {
  test("created from September and October 2020: every formula Excel computes equals the exact result", async () => {
    const sim = new ExcelSimulator();
    const result = await sim.run((ctx) => createModel(ctx, "manadsrapport", { withExamples: true }));
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(sim.stats.syncs).toBe(result.syncs);
    const cells = formulaCells(examplePlan());
    // Rapporter 2 × 2, Rapportrader 24, Rapportsummor's empty row 1, Rapportjusteringar 10, Rapportstafett 4,
    // Rapportsjukfranvaro 2, Rapportnyckeltal 6; on the report sheet 6 differences, 8 bridge levels and the bridges'
    // bars (per month 6 labels, 2 levels and 3 parts of each of 4 steps).
    expect(cells).toHaveLength(4 + 24 + 1 + 10 + 4 + 2 + 6 + 6 + 8 + 2 * (6 + 2 + 4 * 3));
    for (const c of cells) {
      const actual = sim.getValue(`${c.sheet}!${c.address}`);
      if (!sameToOre(actual, c.expected)) throw new Error(`${c.sheet}!${c.address} ${c.formula}: Excel ${String(actual)}, exact ${String(c.expected)}`);
    }
    expect(sim.sheetNames()).toEqual(expect.arrayContaining(["Rapportdata", "Månadsrapport"]));
    expect(sim.tableNames().sort()).toEqual([...ALL_TABLES.map((t) => t.name), "Logg"].sort());
    // October's net, +10,4 Mkr stated, does not add up: flagged in the sheet and located at the stated figure.
    expect(sim.getValue(OCTOBER_NET_STATUS)).toBe("Stämmer inte");
    expect(sim.getValue(`${REPORT_SHEET}!F37`)).toBe("Stämmer");
    expect(sim.getValue(`${REPORT_SHEET}!F38`)).toBe("Stämmer");
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "varning",
        code: "report.reconcile.net",
        place: expect.objectContaining({ sheet: "Rapportdata", table: "Rapportuppgifter", column: "Angivet", cell: OCTOBER_NET_STATED.split("!")[1] }),
      }),
    ]);
    expect(result.problems[0].message).toMatch(/^Oktober 2020: Avvikelsen netto efter justeringar: rapporten anger \+10,4\u00A0Mkr.*ger \+15,2\u00A0Mkr/);
    expect(sim.getValue(OCTOBER_NET_STATED)).toBe(10_400_000);
    const charts = (JSON.parse(sim.snapshot()) as { sheets: { name: string; charts: { name: string; type: string }[] }[] }).sheets.find((s) => s.name === REPORT_SHEET)!.charts;
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ["Avvikelse och prognos", "Line"],
      ["Brygga 2020-09", "ColumnStacked"],
      ["Brygga 2020-10", "ColumnStacked"],
    ]);
    // Each bridge stands on an invisible base: its first series neither filled nor outlined, the steps and levels in colour, no legend.
    for (const bridge of sim.charts(REPORT_SHEET).filter((c) => c.name.startsWith("Brygga"))) {
      expect(bridge.legend).toBe(false);
      expect(bridge.series).toEqual([
        { name: "Bas", fill: "none", lineStyle: "None" },
        { name: "Över noll", fill: "#4472C4", lineStyle: null },
        { name: "Under noll", fill: "#4472C4", lineStyle: null },
        { name: "Nivå", fill: "#7F7F7F", lineStyle: null },
      ]);
    }
  });

  test("recomputed twice: no cell of the model is written, in three requests with the log row", async () => {
    const sim = await created();
    const before = JSON.stringify([ALL_TABLES.map((t) => sim.table(t.name)), sheetCells(sim, REPORT_SHEET)]);
    for (const round of [1, 2]) {
      sim.resetStats();
      const result = await sim.run((ctx) => recomputeModel(ctx, "manadsrapport"));
      expect([round, result.cellsWritten]).toEqual([round, 0]);
      expect(result.syncs).toBe(3);
      expect(sim.stats.syncs).toBe(3);
      expect(result.problems.map((p) => p.code)).toEqual(["report.reconcile.net"]);
    }
    expect(JSON.stringify([ALL_TABLES.map((t) => sim.table(t.name)), sheetCells(sim, REPORT_SHEET)])).toBe(before);
    expect(sim.table("Logg").rows.map((r) => r[2])).toEqual(["Skapa med exempel", "Räkna om", "Räkna om"]);
  });

  test("a stated net corrected by a person is reconciled anew, and only the report cells that change are written", async () => {
    const sim = await created();
    const planBefore = reportCells(planOf(sim));
    const cellsBefore = sheetCells(sim, REPORT_SHEET);
    sim.setCell(OCTOBER_NET_STATED, 15_200_000);
    const planAfter = reportCells(planOf(sim));
    const changed = [...new Set([...planBefore.keys(), ...planAfter.keys()])].filter((a) => planBefore.get(a) !== planAfter.get(a));
    // The stated figure, the status, the bridge's last level, the figures table, the note under the bridge and the text's paragraph
    // (the last bar is a formula of the last level: Excel recomputes it).
    expect(changed.sort()).toEqual(["J51", "J69", "K33", "K40", "L49", "O40"]);
    expect(planAfter.has("J51")).toBe(false);

    const result = await sim.run((ctx) => recomputeModel(ctx, "manadsrapport"));
    expect(result.problems).toEqual([]);
    expect(result.cellsWritten).toBe(changed.length);
    expect(result.syncs).toBe(3);
    expect(sim.getValue(OCTOBER_NET_STATUS)).toBe("Stämmer");
    expect(sim.getValue(`${REPORT_SHEET}!K40`)).toBe(15_200_000);
    expect(sim.getValue(`${REPORT_SHEET}!M40`)).toBe(0); // Skillnad, a formula: Angivet − Beräknat
    expect(sim.getValue(`${REPORT_SHEET}!J51`)).toBe("");
    expect(String(sim.getValue(`${REPORT_SHEET}!J69`))).not.toMatch(/Avstämning/);
    const cellsAfter = sheetCells(sim, REPORT_SHEET);
    for (const a of new Set([...Object.keys(cellsBefore), ...Object.keys(cellsAfter)])) {
      // Cells not written are as they were; a formula's result follows its inputs, as in Excel.
      const written = (c: unknown) => (c && typeof c === "object" && "f" in c ? { ...c, v: undefined } : c);
      if (!changed.includes(a)) expect([a, written(cellsAfter[a])]).toEqual([a, written(cellsBefore[a])]);
    }
  });

  test("a net within the rounding of its figures is 'Inom avrundning' and raises no warning", async () => {
    const sim = await created();
    sim.setCell(SEPTEMBER_NET_STATED, 3_800_000); // +3,8 Mkr against +3,6 Mkr: 0,2 Mkr, within the 0,3 Mkr the six rounded figures allow
    const result = await sim.run((ctx) => recomputeModel(ctx, "manadsrapport"));
    expect(sim.getValue(`${REPORT_SHEET}!F38`)).toBe("Inom avrundning");
    expect(sim.getValue(`${REPORT_SHEET}!D38`)).toBe(200_000);
    expect(result.problems.map((p) => p.code)).toEqual(["report.reconcile.net"]); // October's, still
  });

  test("a check added by a person's input moves the report down; the sheet then reads as if created anew", async () => {
    const sim = await created();
    // The ledger's amounts behind September's agency share for doctors: 15,23 % exactly.
    sim.setCell(at(STAFETT, "stafettkostnad", 1), 15_230_000);
    sim.setCell(at(STAFETT, "kostnadEgenPersonal", 1), 100_000_000);
    const result = await sim.run((ctx) => recomputeModel(ctx, "manadsrapport"));
    expect(sim.getValue(at(STAFETT, "andelBeraknad", 1))).toBe(0.1523);
    expect(sim.getValue(`${REPORT_SHEET}!A39`)).toBe("Stafettandelen för läkare");
    expect(sim.getValue(`${REPORT_SHEET}!F39`)).toBe("Stämmer");
    expect(result.problems.map((p) => p.code)).toEqual(["report.reconcile.net"]);

    const fresh = new ExcelSimulator();
    await fresh.run((ctx) => createFromTables(ctx, "manadsrapport", tablesOf(sim)));
    expect(sheetCells(sim, REPORT_SHEET)).toEqual(sheetCells(fresh, REPORT_SHEET));
    const charts = (s: ExcelSimulator) => (JSON.parse(s.snapshot()) as { sheets: { name: string; charts: { name: string; source: string }[] }[] }).sheets.find((x) => x.name === REPORT_SHEET)!.charts.map((c) => [c.name, c.source]);
    expect(charts(sim)).toEqual(charts(fresh));
  });
});

test("a deleted report sheet is written whole by the next recompute, charts and all", async () => {
  const sim = await created();
  const before = sheetCells(sim, REPORT_SHEET);
  await sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(REPORT_SHEET).delete();
    await ctx.sync();
  });
  const result = await sim.run((ctx) => recomputeModel(ctx, "manadsrapport"));
  expect(result.syncs).toBe(3);
  expect(sheetCells(sim, REPORT_SHEET)).toEqual(before);
  expect(sim.getValue(OCTOBER_NET_STATUS)).toBe("Stämmer inte");
  const snap = JSON.parse(sim.snapshot()) as { sheets: { name: string; charts: unknown[] }[] };
  expect(snap.sheets.find((s) => s.name === REPORT_SHEET)!.charts).toHaveLength(3);
});

test.each(["budget", "manadsrapport"] as const)("an empty %s model, created without examples, recomputes without writing a cell", async (model) => {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, model, { withExamples: false }));
  const result = await sim.run((ctx) => recomputeModel(ctx, model));
  expect(result.problems).toEqual([]);
  expect(result.cellsWritten).toBe(0);
});
