/**
 * The bridge from gross to net deviation as stacked columns: October 2020's
 * bridge from the board's paper, bar by bar, and steps that cross zero or
 * start above it, with the formulas computed by the simulator's engine.
 */
import { Decimal } from "../../src/domain/money";
import { runModel } from "../../src/workbook/model";
import { reportModel } from "../../src/workbook/models/report";
import { BRIDGE_SERIES, BridgeBar, bridgeFormulas, bridgeParts } from "../../src/workbook/models/report/bridge";
import { REPORT_SHEET } from "../../src/workbook/models/report/schema";
import { exampleTables } from "../../src/workbook/models/report/seeds";
import { cellAddress, parseCell, parseRange } from "../../src/workbook/address";
import { PlanCell, WorkbookPlan, sheetCells } from "../../src/workbook/plan";
import { ExcelSimulator } from "../excel-sim";

const mkr = (v: number) => Math.round(v / 1e5) / 10;

function octoberPlan(): WorkbookPlan {
  const run = runModel(reportModel, new Map(exampleTables().map((t) => [t.name, t])), { seed: true });
  if (!run.outcome) throw new Error(run.problems.map((p) => p.message).join("\n"));
  return run.outcome.plan;
}

/** The report sheet's planned cells by address. */
const cellsOf = (plan: WorkbookPlan) => sheetCells(plan.sheets.find((s) => s.name === REPORT_SHEET)!);

/**
 * Where a stacked bar is visible, as Excel and LibreOffice stack it: positive values up from zero, negative values
 * down, each on the one before; so the visible part above zero starts where a positive base ends, the part below
 * zero where a negative base ends.
 */
function visibleSpan(base: number, above: number, below: number): [number, number] {
  const up = Math.max(base, 0);
  const down = Math.min(base, 0);
  return [below !== 0 ? down + below : up, above !== 0 ? up + above : down];
}

test("October 2020's bridge runs from −131,6 Mkr through the four adjustments in the net to the stated +10,4 Mkr", () => {
  const plan = octoberPlan();
  const chart = plan.sheets.find((s) => s.name === REPORT_SHEET)!.charts.find((c) => c.name === "Brygga 2020-10")!;
  const cells = cellsOf(plan);
  const src = parseRange(chart.source);
  const at = (row: number, col: number) => cells.get(cellAddress({ row: src.start.row + row, col: src.start.col + col }));
  const num = (c: PlanCell | undefined) => (typeof c?.value === "number" ? c.value : undefined);
  expect([0, 1, 2, 3, 4].map((j) => at(0, j)?.value)).toEqual(["Stapel", ...BRIDGE_SERIES]);
  expect(chart.fills?.[0]).toBe("none");

  const bars = Array.from({ length: src.rows - 1 }, (_, i) => {
    const label = at(i + 1, 0)!;
    // The label is the step's own cell in the bridge above: its row there, in the column "Steg".
    const stepRow = parseCell(label.formula!.slice(1)).row;
    const step = (col: number) => num(cells.get(cellAddress({ row: stepRow, col: src.start.col + col })));
    const [base, above, below, level] = [1, 2, 3, 4].map((j) => num(at(i + 1, j)));
    return { label: label.value, change: step(1), after: step(2), before: num(cells.get(cellAddress({ row: stepRow - 1, col: src.start.col + 2 }))), base, above, below, level };
  });

  // As the paper has it, in Mkr: gross, the four adjustments with their signs (pandemic costs outside the net), the stated net.
  expect(bars.map((b) => [b.label, b.change === undefined ? null : mkr(b.change), mkr(b.after!)])).toEqual([
    ["Avvikelse ack", null, -131.6],
    ["+ nationella satsningar", 54.9, -76.7],
    ["+ provtagningar", 47.5, -29.2],
    ["+ tillgänglighet", 29.2, 0],
    ["+ sjuklönekompensation", 15.2, 15.2],
    ["Netto enligt rapporten", null, 10.4],
  ]);
  // The first bar stands on zero at the gross deviation, the last at the net; neither has a base.
  const [first, last] = [bars[0], bars[bars.length - 1]];
  expect([first.base, first.above, first.below, mkr(first.level!)]).toEqual([undefined, undefined, undefined, -131.6]);
  expect([last.base, last.above, last.below, mkr(last.level!)]).toEqual([undefined, undefined, undefined, 10.4]);
  // Each step: the visible part is its adjustment, and the invisible base puts it at the level before.
  for (const b of bars.slice(1, -1)) {
    expect(b.level).toBeUndefined();
    expect(b.above! - b.below!).toBeCloseTo(Math.abs(b.change!), 0);
    expect(visibleSpan(b.base!, b.above!, b.below!).map(mkr)).toEqual([Math.min(b.before!, b.after!), Math.max(b.before!, b.after!)].map(mkr));
  }
  expect(bars.slice(1, -1).map((b) => [b.label, mkr(b.base!), mkr(b.above!), mkr(b.below!)])).toEqual([
    ["+ nationella satsningar", -76.7, 0, -54.9],
    ["+ provtagningar", -29.2, 0, -47.5],
    ["+ tillgänglighet", 0, 0, -29.2],
    ["+ sjuklönekompensation", 0, 15.2, 0],
  ]);
});

describe("bars that start above zero or cross it", () => {
  // Levels in Mkr: a positive start, a rise, a fall that stays above zero, one that crosses it, one below, one back across.
  const levels = [20, 35, 5, -12, -30, 8];
  const d = (n: number) => new Decimal(n);
  const bars: BridgeBar[] = [
    { kind: "level", level: d(levels[0]) },
    ...levels.slice(1).map((to, i): BridgeBar => ({ kind: "step", from: d(levels[i]), to: d(to) })),
    { kind: "level", level: d(levels[levels.length - 1]) },
  ];

  test("exactly: each step floats from the level before to the level after, split at zero where it crosses", () => {
    const parts = bars.map((b) => bridgeParts(b).map((p) => (p === undefined ? null : p.toNumber())));
    expect(parts).toEqual([
      [null, null, null, 20],
      [20, 15, 0, null],
      [5, 30, 0, null],
      [0, 5, -12, null],
      [-12, 0, -18, null],
      [0, 8, -30, null],
      [null, null, null, 8],
    ]);
    parts.slice(1, -1).forEach(([base, above, below], i) => {
      const [from, to] = [levels[i], levels[i + 1]];
      expect(visibleSpan(base!, above!, below!)).toEqual([Math.min(from, to), Math.max(from, to)]);
      expect(above! - below!).toBe(Math.abs(to - from));
    });
  });

  test("the formulas compute the same parts in the spreadsheet engine", async () => {
    const sim = new ExcelSimulator();
    // A1:A6 the levels; per bar a row from C1 on with the formulas of its four series.
    const rows = bars.map((b, i) => {
      const row = i === 0 ? 1 : i === bars.length - 1 ? levels.length : i + 1;
      return bridgeFormulas(b.kind === "level" ? { kind: "level", level: `A${row}` } : { kind: "step", from: `A${row - 1}`, to: `A${row}` }).map((f) => f ?? "");
    });
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange(`A1:A${levels.length}`).values = levels.map((l) => [l]);
      ws.getRange(`C1:F${rows.length}`).formulas = rows;
    });
    const engine = rows.map((_, i) => ["C", "D", "E", "F"].map((c) => sim.getValue(`Sheet1!${c}${i + 1}`)));
    const exact = bars.map((b) => bridgeParts(b).map((p) => (p === undefined ? "" : p.toNumber())));
    expect(engine).toEqual(exact);
  });
});
