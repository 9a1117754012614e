import { ExcelSimulator, installGlobals } from "../excel-sim";
import { excelHost } from "../../src/taskpane/excel";
import type { RamkollHost } from "../../src/taskpane/host";
import { observed } from "../../playground/Playground";
import { plainText, readSheet } from "../../playground/sheetView";
import { chartData, stackSegments, valueRange, withFills } from "../../playground/chartView";

describe("the playground's view of a sheet", () => {
  let sim: ExcelSimulator;
  let restore: () => void;

  beforeEach(() => {
    sim = new ExcelSimulator({ locale: "sv-SE" });
    restore = installGlobals(sim);
  });
  afterEach(() => restore());

  it("shows an empty workbook as an empty sheet", () => {
    const view = readSheet(sim, "Sheet1", { minRows: 5, minCols: 3 });
    expect(view.name).toBe("Sheet1");
    expect(view.columns).toEqual(["A", "B", "C"]);
    expect(view.rows).toHaveLength(5);
    expect(view.rows.flat().every((c) => c.kind === "empty" && c.text === "")).toBe(true);
  });

  it("shows the budget as Excel would, through the task pane's own host, without a request", async () => {
    await excelHost.create("budget", { withExamples: true });
    const before = sim.stats.syncs;
    const snapshot = sim.snapshot();
    const view = readSheet(sim, "Budget");
    expect(sim.stats.syncs).toBe(before);
    expect(sim.snapshot()).toBe(snapshot);
    const at = (address: string) => view.rows.flat().find((c) => c.address === address)!;
    // Omdisponeringar's header row, then HSN/1222/2023: 4,5 mkr a year.
    expect(at("N3")).toMatchObject({ text: "Belopp per år", header: true, table: "Omdisponeringar", kind: "text" });
    expect(at("N4")).toMatchObject({ text: "4\u00a0500\u00a0000 kr", input: "4500000", kind: "number", header: false, table: "Omdisponeringar", formula: null });
    const computed = view.rows[3].find((c) => c.formula !== null)!;
    expect(computed.input).toBe(computed.formula);
    expect(computed.formula!.startsWith("=")).toBe(true);
    // The used range and a margin of two.
    const used = sim.usedRange("Budget")!;
    expect(view.columns.length).toBeGreaterThanOrEqual(2 + (used.endsWith("Z") ? 26 : 0));
    expect(view.rows.length).toBeGreaterThanOrEqual(20);
  });

  it("shows what a person typed, and what the simulator cannot format as the plain value", () => {
    sim.setCell("Sheet1!B2", "4,5 mkrr");
    sim.setCell("Sheet1!C2", 1234.5);
    sim.setCell("Sheet1!D2", "=C2*2");
    sim.setCell("Sheet1!E2", "=1/0");
    sim.setCell("Sheet1!F2", true);
    const row = readSheet(sim, "Sheet1").rows[1];
    expect(row.slice(1, 6).map((c) => [c.text, c.kind])).toEqual([
      ["4,5 mkrr", "text"],
      ["1234,5", "number"],
      ["2469", "number"],
      ["#DIV/0!", "error"],
      ["SANT", "boolean"],
    ]);
    expect(row[3].input).toBe("=C2*2");
    expect(row[5].input).toBe("TRUE");
    expect(plainText(1234567.891, "sv-SE")).toBe("1\u00a0234\u00a0567,891");
    expect(plainText(false, "en-US")).toBe("FALSE");
    expect(plainText("", "sv-SE")).toBe("");
  });

  it("limits the rows it shows of a very large sheet", () => {
    sim.setCell("Sheet1!A1000", 1);
    const view = readSheet(sim, "Sheet1", { maxRows: 100 });
    expect(view.rows).toHaveLength(100);
    expect(view.hiddenRows).toBe(902);
  });
});

describe("the playground's host", () => {
  it("tells the page after every command, whether it succeeded or not", async () => {
    const calls: string[] = [];
    const base = {
      recompute: () => Promise.resolve("ok"),
      select: () => Promise.reject(new Error("nej")),
    } as unknown as RamkollHost;
    const host = observed(base, () => calls.push("changed"));
    await expect(host.recompute("budget")).resolves.toBe("ok");
    await expect(host.select({ sheet: "Budget", cell: "A1" })).rejects.toThrow("nej");
    expect(calls).toEqual(["changed", "changed"]);
  });
});

describe("the playground's charts", () => {
  it("reads professionsmiljarden's chart of granted and outcome per purpose from its source range, as Excel does", async () => {
    const sim = new ExcelSimulator({ locale: "sv-SE" });
    const restore = installGlobals(sim);
    try {
      await excelHost.create("stimulansmedel", { withExamples: true });
      const [chart] = sim.charts("Återredovisning PM2016");
      expect(chart).toMatchObject({ name: "Beviljat och utfall per syfte", type: "ColumnClustered", seriesBy: "Columns" });
      const data = chartData(chart.source, chart.seriesBy, (a) => sim.getValue(a));
      expect(data.categories).toHaveLength(3);
      expect(data.series.map((s) => s.name)).toEqual(["Beviljat", "Utfall ack"]);
      // The three purposes share the 25 000 000 kr granted.
      expect(data.series[0].values.reduce<number>((a, v) => a + (v ?? 0), 0)).toBe(25_000_000);
    } finally {
      restore();
    }
  });

  it("draws October 2020's bridge as the workbook's stacked columns: the base left out, each step from the level before to the level after", async () => {
    const sim = new ExcelSimulator({ locale: "sv-SE" });
    const restore = installGlobals(sim);
    try {
      await excelHost.create("manadsrapport", { withExamples: true });
      const chart = sim.charts("Månadsrapport").find((c) => c.name === "Brygga 2020-10")!;
      expect(chart).toMatchObject({ type: "ColumnStacked", legend: false });
      const data = withFills(
        chartData(chart.source, chart.seriesBy, (a) => sim.getValue(a)),
        chart.series.map((s) => s.fill),
      );
      expect(data.series.map((s) => [s.name, s.hidden ?? false, s.colour])).toEqual([
        ["Bas", true, undefined],
        ["Över noll", false, "#4472C4"],
        ["Under noll", false, "#4472C4"],
        ["Nivå", false, "#7F7F7F"],
      ]);
      // What is drawn of each bar, in Mkr: the visible segments (the base's own is left out).
      const mkr = (v: number) => Math.round(v / 1e5) / 10;
      const segments = stackSegments(data);
      const drawn = data.categories.map((c, k) => [
        c,
        ...data.series.flatMap((s, si) => {
          const seg = segments[si][k];
          return s.hidden || !seg || seg.from === seg.to ? [] : [[mkr(seg.from), mkr(seg.to)]];
        }),
      ]);
      expect(drawn).toEqual([
        ["Avvikelse ack", [0, -131.6]],
        ["+ nationella satsningar", [-76.7, -131.6]],
        ["+ provtagningar", [-29.2, -76.7]],
        ["+ tillgänglighet", [0, -29.2]],
        ["+ sjuklönekompensation", [0, 15.2]],
        ["Netto enligt rapporten", [0, 10.4]],
      ]);
      expect(valueRange(data, true)).toEqual({ min: -131_600_000, max: 15_200_000 });
    } finally {
      restore();
    }
  });

  it("takes series from rows when the chart says so, and keeps zero on the value axis", () => {
    const cells: Record<string, unknown> = { A1: "", B1: "Jan", C1: "Feb", A2: "Avvikelse", B2: -5, C2: -7, A3: "Prognos", B3: "x", C3: -9 };
    const data = chartData("Blad!A1:C3", "Rows", (a) => cells[a.replace(/^'?Blad'?!/, "")]);
    expect(data).toEqual({ categories: ["Jan", "Feb"], series: [{ name: "Avvikelse", values: [-5, -7] }, { name: "Prognos", values: [null, -9] }] });
    expect(valueRange(data)).toEqual({ min: -9, max: 0 });
  });
});
