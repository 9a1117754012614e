/**
 * The monthly report's plan, from the seeded September and October 2020:
 * every formula with its exact value, and the report sheet's content.
 */
import { Decimal } from "../../src/domain/money";
import { draftReportText, lineDeviation, reconcileReport, reportFromSeed } from "../../src/domain/report";
import { runModel } from "../../src/workbook/model";
import { reportModel } from "../../src/workbook/models/report";
import { ReportBook } from "../../src/workbook/models/report/build";
import { ReportBookResult } from "../../src/workbook/models/report/compute";
import { INPUT_SHEET, JUSTERINGAR, RADER, RAPPORTER, REPORT_SHEET, UPPGIFTER } from "../../src/workbook/models/report/schema";
import { SEED_REPORTS, exampleTables } from "../../src/workbook/models/report/seeds";
import { PlanCell, TablePlan, WorkbookPlan, sheetCells } from "../../src/workbook/plan";
import { RawTable } from "../../src/workbook/table";

const byName = (tables: RawTable[]) => new Map(tables.map((t) => [t.name, t]));

function example() {
  const run = runModel(reportModel, byName(exampleTables()), { seed: true });
  if (!run.outcome) throw new Error(run.problems.map((p) => p.message).join("\n"));
  return { ...run.outcome, problems: run.problems } as { model: ReportBook; result: ReportBookResult; plan: WorkbookPlan; problems: typeof run.problems };
}

const NBSP = "\u00A0";
const mkr = (v: number) => v * 1_000_000;

function table(plan: WorkbookPlan, name: string): TablePlan {
  return plan.sheets.flatMap((s) => s.tables).find((t) => t.name === name)!;
}

/** A computed column's cells. */
function columnOf(plan: WorkbookPlan, name: string, key: string): PlanCell[] {
  const t = table(plan, name);
  const j = t.columns.findIndex((c) => c.key === key);
  return t.rows.map((r) => r[j]);
}

/** The report sheet's planned cells by address. */
const reportCells = (plan: WorkbookPlan) => sheetCells(plan.sheets.find((s) => s.name === REPORT_SHEET)!);

const rowValues = (cells: Map<string, PlanCell>, row: number, cols: string) => [...cols].map((c) => cells.get(`${c}${row}`)?.formula ?? cells.get(`${c}${row}`)?.value);

describe("the monthly report model, from the seeded months", () => {
  test("the sheet's path gives each month the domain's own reconciliation of the seed, check by check", () => {
    const { model, result } = example();
    expect(model.periods.map((m) => m.period)).toEqual([202009, 202010]);
    SEED_REPORTS.forEach((seed, i) => {
      const direct = reconcileReport(reportFromSeed(seed).report!);
      const shape = (r: typeof direct) =>
        r.checks.map((c) => [c.code, c.label, c.stated.toString(), c.statedStep.toString(), c.recomputed.toString(), c.difference.toString(), c.tolerance.toString(), c.withinRounding]);
      expect(shape(result.periods[i].result)).toEqual(shape(direct));
      expect(result.periods[i].text).toEqual(draftReportText(reportFromSeed(seed).report!, direct));
    });
    // "17 Mkr" keeps its own step: the forecast's change is checked to within 0,5 + 0,05 + 0,05 Mkr.
    const change = result.periods[1].result.checks.find((c) => c.code === "report.reconcile.forecastChange")!;
    expect(change.statedStep.toString()).toBe("1000000");
    expect(change.tolerance.toString()).toBe("600000");
  });

  test("October's net, +10,4 Mkr, is the one figure that does not add up: a warning at its input cell, never corrected", () => {
    const { problems, model } = example();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "varning",
      code: "report.reconcile.net",
      place: { sheet: INPUT_SHEET, table: UPPGIFTER.name, row: 12, column: "Angivet", cell: "L15" },
    });
    expect(problems[0].message).toContain(`Skillnaden −4,8${NBSP}Mkr är större än avrundningen`);
    expect(model.periods[1].report.netto!.value.toString()).toBe("10400000");
  });

  test("every computed column is a formula with the exact engine's value", () => {
    const { plan, model } = example();
    const deviations = columnOf(plan, RADER.name, "avvikelseBeraknad");
    expect(deviations[0]).toEqual({
      formula:
        '=IF(OR(Rapportrader[[#This Row],[Budget ack]]="",Rapportrader[[#This Row],[Utfall ack]]=""),"",IF(Rapportrader[[#This Row],[Slag]]="Kostnad",Rapportrader[[#This Row],[Budget ack]]-Rapportrader[[#This Row],[Utfall ack]],Rapportrader[[#This Row],[Utfall ack]]-Rapportrader[[#This Row],[Budget ack]]))',
      value: mkr(612) - mkr(630.3),
    });
    const lines = model.periods.flatMap((m) => m.report.rader);
    expect(deviations.map((c) => c.value)).toEqual(lines.map((l) => lineDeviation(l).toNumber()));
    expect(deviations[5].value).toBe(mkr(89.1) - mkr(85)); // an income above budget is positive

    expect(columnOf(plan, RAPPORTER.name, "avvikelseRader").map((c) => c.value)).toEqual([mkr(-119.3), mkr(-131.6)]);
    const net = columnOf(plan, RAPPORTER.name, "nettoBeraknat");
    expect(net.map((c) => c.value)).toEqual([mkr(3.6), mkr(15.2)]);
    expect(net[0].formula).toBe(
      '=IF(Rapporter[[#This Row],[Period]]="","",IF(COUNTIFS(Rapportjusteringar[Period],Rapporter[[#This Row],[Period]])=0,"",' +
        'IF(COUNTIFS(Rapportuppgifter[Period],Rapporter[[#This Row],[Period]],Rapportuppgifter[Uppgift],"Avvikelse ack")=0,Rapporter[[#This Row],[Avvikelse enligt raderna]],' +
        'SUMIFS(Rapportuppgifter[Angivet],Rapportuppgifter[Period],Rapporter[[#This Row],[Period]],Rapportuppgifter[Uppgift],"Avvikelse ack"))' +
        '+SUMIFS(Rapportjusteringar[[Bidrag till netto]],Rapportjusteringar[Period],Rapporter[[#This Row],[Period]])))',
    );
    expect(columnOf(plan, JUSTERINGAR.name, "bidrag").map((c) => c.value)).toEqual(
      [508, 0, 328, 252, 141, 549, 0, 475, 292, 152].map((tenths) => tenths * 100_000),
    );
    // No amounts behind the shares, no comparison year's share, no values behind the key figures: blank, but still formulas.
    for (const [name, key, rows] of [
      ["Rapportstafett", "andelBeraknad", 4],
      ["Rapportsjukfranvaro", "forandringBeraknad", 2],
      ["Rapportnyckeltal", "forandringBeraknad", 6],
      ["Rapportsummor", "enligtRaderna", 1],
    ] as const) {
      const cells = columnOf(plan, name, key);
      expect(cells).toHaveLength(rows);
      for (const c of cells) expect([name, c.value, c.formula?.startsWith("=")]).toEqual([name, "", true]);
    }
  });

  test("the input tables hold the figures as stated: kronor, with the rounding they were stated to", () => {
    const { plan } = example();
    const u = table(plan, UPPGIFTER.name);
    expect(u.anchor).toBe("J3");
    const rows = u.rows.map((r) => r.map((c) => c.value));
    expect(rows[0]).toEqual([202009, "Avvikelse ack", mkr(-119.3), 100_000, ""]);
    expect(rows.find((r) => r[0] === 202010 && r[1] === "Förändring av prognosen")).toEqual([202010, "Förändring av prognosen", mkr(-17), 1_000_000, ""]);
    expect(rows.find((r) => r[0] === 202010 && r[1] === "Föregående avvikelse")).toEqual([
      202010,
      "Föregående avvikelse",
      mkr(-119.3),
      100_000,
      "HSN, dagordning hösten 2020, Månadsrapport september 2020",
    ]);
    expect(table(plan, RAPPORTER.name).rows.map((r) => r.slice(0, 4).map((c) => c.value))).toEqual([
      [202009, "Hälso- och sjukvårdsförvaltningen", 202008, "Tertialrapport"],
      [202010, "Hälso- och sjukvårdsförvaltningen", 202009, "Månadsrapport"],
    ]);
    expect(table(plan, "Rapportstafett").rows[0].slice(0, 6).map((c) => c.value)).toEqual([202009, "läkare", 0.1523, "", "", 0.0001]);
  });

  test("the report sheet: month by month with August derived, the figures, every check with its status, the bridge and the text", () => {
    const { plan, result } = example();
    const sheet = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
    expect(sheet.role).toBe("report");
    const cells = reportCells(plan);
    expect(rowValues(cells, 5, "ABCD")).toEqual(["Period", "Avvikelse ack", "Prognos helår", "Netto beräknat"]);
    expect(rowValues(cells, 6, "ABCDE")).toEqual(["2020-08", mkr(-102), mkr(-167.7), "", "augustis tertialrapport, härledd ur förändringen i rapporten för september 2020"]);
    expect(rowValues(cells, 7, "ABCD")).toEqual(["2020-09", mkr(-119.3), mkr(-165.9), mkr(3.6)]);
    expect(rowValues(cells, 8, "ABCD")).toEqual(["2020-10", mkr(-131.6), mkr(-182.9), mkr(15.2)]);

    // September from column A, October from column J.
    expect(cells.get("A22")?.value).toBe("Månadsrapport september 2020");
    expect(cells.get("J22")?.value).toBe("Månadsrapport oktober 2020");
    expect(rowValues(cells, 27, "ABCD")).toEqual(["Avvikelse ack", mkr(-119.3), mkr(-119.3), "summan av raderna"]);
    expect(rowValues(cells, 29, "ABCD")).toEqual(["Avvikelse i augustis tertialrapport", "", mkr(-102), "härledd ur förändringen"]);
    expect(rowValues(cells, 33, "JKLM")).toEqual(["Avvikelse netto", mkr(10.4), mkr(15.2), "efter justeringarna med sina tecken"]);

    expect(rowValues(cells, 36, "ABCDEFGH")).toEqual(["Kontroll", "Angivet", "Beräknat", "Skillnad", "Tolerans", "Status", "Underlag", "Indatacell"]);
    expect(rowValues(cells, 37, "ABCDEFGH")).toEqual(["Avvikelsen ack september 2020", mkr(-119.3), mkr(-119.3), "=B37-C37", mkr(1.25), "Stämmer", "summan av 12 delar", "Rapportdata!L4"]);
    expect(rowValues(cells, 38, "ABCDEFGH")).toEqual([
      "Avvikelsen netto efter justeringar",
      mkr(3.6),
      mkr(3.6),
      "=B38-C38",
      mkr(0.3),
      "Stämmer",
      `−119,3${NBSP}Mkr + 50,8${NBSP}Mkr + 32,8${NBSP}Mkr + 25,2${NBSP}Mkr + 14,1${NBSP}Mkr`,
      "Rapportdata!L8",
    ]);
    expect(cells.get("D38")?.value).toBe(0);
    expect(rowValues(cells, 37, "JFO").slice(0, 1)).toEqual(["Avvikelsen ack oktober 2020"]);
    expect(["O37", "O38", "O39", "O40"].map((a) => cells.get(a)?.value)).toEqual(["Stämmer", "Stämmer", "Stämmer", "Stämmer inte"]);
    expect(rowValues(cells, 40, "JKLMNQ")).toEqual(["Avvikelsen netto efter justeringar", mkr(10.4), mkr(15.2), "=K40-L40", mkr(0.3), "Rapportdata!L15"]);
    expect(cells.get("M40")?.value).toBe(mkr(-4.8));

    // The bridge: gross, each adjustment in the net with its sign, the level after each, and the stated net.
    expect(cells.get("J42")?.value).toBe("Från brutto till netto");
    const bridge = [44, 45, 46, 47, 48, 49].map((r) => rowValues(cells, r, "JKL"));
    expect(bridge).toEqual([
      ["Avvikelse ack", "", mkr(-131.6)],
      ["+ nationella satsningar", mkr(54.9), "=L44+K45"],
      ["+ provtagningar", mkr(47.5), "=L45+K46"],
      ["+ tillgänglighet", mkr(29.2), "=L46+K47"],
      ["+ sjuklönekompensation", mkr(15.2), "=L47+K48"],
      ["Netto enligt rapporten", "", mkr(10.4)],
    ]);
    expect([45, 46, 47, 48].map((r) => cells.get(`L${r}`)?.value)).toEqual([-76_700_000, -29_200_000, 0, 15_200_000]);
    expect(cells.get("J50")?.value).toBe(`Ingår inte i nettot: pandemikostnader 67,5${NBSP}Mkr.`);
    expect(String(cells.get("J51")?.value)).toMatch(/^Avvikelsen netto efter justeringar: rapporten anger \+10,4.*närmast kommer/);

    // The draft text, paragraph by paragraph, carrying the stated +10,4 Mkr beside the recomputed +15,2 Mkr.
    const text = result.periods[1].text!;
    expect(cells.get("J64")?.value).toBe("Månadsrapport oktober 2020");
    expect(text.paragraphs.map((_, k) => cells.get(`J${65 + k}`)?.value)).toEqual(text.paragraphs.map((p) => p.text));
    expect(String(cells.get("J69")?.value)).toContain(`Avstämning: avvikelsen netto efter justeringar anges till +10,4${NBSP}Mkr`);
    const textBlock = sheet.blocks.find((b) => b.anchor === "J65")!;
    expect(textBlock.wrap).toBe(true);

    // The bridge's chart stacks its bars (below, in their own columns) on an invisible base.
    const fills = ["none", "#4472C4", "#4472C4", "#7F7F7F"];
    expect(sheet.charts).toEqual([
      { name: "Avvikelse och prognos", type: "Line", title: "Avvikelse ack och prognos helår per månad", source: "A5:C8", seriesBy: "Columns", from: "F4", to: "M19" },
      { name: "Brygga 2020-09", type: "ColumnStacked", title: "Från brutto till netto, september 2020", source: "A53:E59", seriesBy: "Columns", fills, legend: false, from: "F40", to: "I56" },
      { name: "Brygga 2020-10", type: "ColumnStacked", title: "Från brutto till netto, oktober 2020", source: "J55:N61", seriesBy: "Columns", fills, legend: false, from: "O42", to: "R58" },
    ]);
  });

  test("amounts on the report sheet are shown in Mkr, shares as per cent", () => {
    const { plan } = example();
    const sheet = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
    const block = sheet.blocks.find((b) => b.anchor === "J37")!;
    expect(block.numberFormats![3]).toEqual([undefined, expect.stringContaining('"Mkr"'), expect.stringContaining('"Mkr"'), expect.stringContaining('"Mkr"'), expect.stringContaining('"Mkr"'), undefined, undefined, undefined]);
  });

  test("the summary names the headline figures of each month and the figure that does not add up", () => {
    const { model, result } = example();
    const lines = reportModel.summary(model, result);
    expect(lines[0]).toBe("Månadsrapporter: 2 månader (september 2020, oktober 2020), 6 avstämningar, 1 stämmer inte.");
    expect(lines).toContain(
      `September 2020: avvikelse ack −119,3${NBSP}Mkr, förändring −17,3${NBSP}Mkr, prognos −165,9${NBSP}Mkr, förändring av prognosen +1,8${NBSP}Mkr, netto +3,6${NBSP}Mkr.`,
    );
    expect(lines).toContain(
      `Stämmer inte, oktober 2020: Avvikelsen netto efter justeringar anges till +10,4${NBSP}Mkr men delarna ger +15,2${NBSP}Mkr (skillnad −4,8${NBSP}Mkr); se Rapportdata!L15.`,
    );
    expect(lines.filter((l) => l.startsWith("  Stämmer:"))).toHaveLength(5);
    const json = reportModel.json(model, result) as { månader: { period: string; avstämning: { status: string; skillnad: string }[] }[] };
    expect(json.månader.map((m) => [m.period, m.avstämning.map((c) => c.status)])).toEqual([
      ["2020-09", ["Stämmer", "Stämmer"]],
      ["2020-10", ["Stämmer", "Stämmer", "Stämmer", "Stämmer inte"]],
    ]);
    expect(json.månader[1].avstämning[3].skillnad).toBe(new Decimal(-4_800_000).toString());
  });

  test("October's figure for September that September's own report does not state is a warning at it, and the change is checked against it", () => {
    const tables = exampleTables();
    const u = tables.find((t) => t.name === UPPGIFTER.name)!;
    const row = u.values.findIndex((r) => r[0] === 202010 && r[1] === "Föregående avvikelse");
    u.values[row][2] = -119_400_000;
    const run = runModel(reportModel, byName(tables), { seed: true });
    expect(run.problems.map((p) => [p.code, p.severity, p.place?.cell])).toEqual([
      ["report.reconcile.net", "varning", "L15"],
      ["report.sheet.previousDiffers", "varning", "L16"],
    ]);
    expect(run.problems[1].message).toBe(
      `Oktober 2020: Föregående avvikelse −119,4${NBSP}Mkr skiljer sig från vad rapporten för september 2020 själv anger, −119,3${NBSP}Mkr (Rapportdata!L4); rätta den som är fel.`,
    );
    // −131,6 − (−119,4) = −12,2 against the stated −12,3: within the 0,15 Mkr the three rounded figures allow.
    const change = (run.outcome!.result as ReportBookResult).periods[1].result.checks.find((c) => c.code === "report.reconcile.deviationChange")!;
    expect([change.difference.toString(), change.exact, change.withinRounding]).toEqual(["-100000", false, true]);
    expect(reportCells(run.outcome!.plan).get("O38")?.value).toBe("Inom avrundning");
  });

  test("an empty model plans one empty row per table and a report sheet without months", () => {
    const run = runModel(reportModel, byName(reportModel.tables.map((t) => ({ ...exampleTables().find((x) => x.name === t.name)!, values: [] }))), { seed: true });
    expect(run.problems).toEqual([]);
    const plan = run.outcome!.plan;
    for (const t of plan.sheets[0].tables) expect(t.rows).toHaveLength(1);
    expect(plan.sheets[1].charts).toEqual([]);
    expect(reportModel.summary(run.outcome!.model, run.outcome!.result)[0]).toBe("Månadsrapporter: 0 månader (inga), 0 avstämningar, alla stämmer.");
  });
});
