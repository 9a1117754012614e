/**
 * Stimulansmedel's plan, from the seeded grants through the sheet's own path
 * (seed rows → seedTable → readTable → build): the fixed amounts exactly,
 * every computed column with the domain's value, the report sheet per grant.
 */
import { Decimal, splitByWeights } from "../../src/domain/money";
import { allocateByKey, draftGrantReportText, followUp, proposeLeftoverMoves } from "../../src/domain/grant";
import { runModel } from "../../src/workbook/model";
import { grantModel } from "../../src/workbook/models/grant";
import { GrantBook } from "../../src/workbook/models/grant/build";
import { GrantBookResult } from "../../src/workbook/models/grant/compute";
import { AKTIVITETER, ALL_TABLES, STATSBIDRAG, SYFTEN, TIDPUNKTER, UTFALL } from "../../src/workbook/models/grant/schema";
import { exampleTables } from "../../src/workbook/models/grant/seeds";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { PlanCell, SheetPlan, TablePlan, WorkbookPlan } from "../../src/workbook/plan";
import { TableSpec } from "../../src/workbook/schema";
import { CellValue, RawTable } from "../../src/workbook/table";
import { loadSeed } from "../domain/grant/seedModel";

const NBSP = "\u00A0";
const nb = (s: string): string => s.replace(/(\d) (?=\d{3}(?!\d))/g, "$1\u00A0").replace(/(\d) (kr|tkr|mkr|%)/g, "$1\u00A0$2");
const byName = (tables: RawTable[]) => new Map(tables.map((t) => [t.name, t]));

function run(tables: RawTable[] = exampleTables()) {
  const r = runModel(grantModel, byName(tables), { seed: true });
  if (!r.outcome) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return { ...r.outcome, problems: r.problems } as { model: GrantBook; result: GrantBookResult; plan: WorkbookPlan; problems: typeof r.problems };
}

/** Sets an input cell of a seeded table: data row 1 is the first. */
function edit(tables: RawTable[], spec: TableSpec, dataRow: number, key: string, value: CellValue): RawTable[] {
  const t = tables.find((x) => x.name === spec.name)!;
  t.values[dataRow - 1][spec.columns.findIndex((c) => c.key === key)] = value;
  return tables;
}

function table(plan: WorkbookPlan, spec: TableSpec): TablePlan {
  return plan.sheets.flatMap((s) => s.tables).find((t) => t.name === spec.name)!;
}

function columnOf(plan: WorkbookPlan, spec: TableSpec, key: string): PlanCell[] {
  const t = table(plan, spec);
  const j = t.columns.findIndex((c) => c.key === key);
  return t.rows.map((r) => r[j]);
}

const values = (cells: PlanCell[]) => cells.map((c) => c.value);

function sheetOf(plan: WorkbookPlan, name: string): SheetPlan {
  return plan.sheets.find((s) => s.name === name)!;
}

/** A report sheet's planned cells by address. */
function cells(sheet: SheetPlan): Map<string, PlanCell> {
  const out = new Map<string, PlanCell>();
  for (const b of sheet.blocks) {
    const o = parseCell(b.anchor);
    b.rows.forEach((row, i) => row.forEach((c, j) => out.set(cellAddress({ row: o.row + i, col: o.col + j }), c)));
  }
  return out;
}

const cellsOfRow = (m: Map<string, PlanCell>, row: number, cols: string) => [...cols].map((c) => m.get(`${c}${row}`)?.formula ?? m.get(`${c}${row}`)?.value);

const PH = "psykisk-halsa-2019.json";
const PM = "professionsmiljarden-2016.json";

describe("psykisk hälsa 2019 through the sheet", () => {
  test("the seven fixed amounts exactly, their sum 6 209 812 kr, and the 6,2 mkr the document states", () => {
    const { plan, result } = run();
    expect(values(columnOf(plan, SYFTEN, "fixed")).slice(0, 7)).toEqual([3_100_000, 600_000, 300_000, 200_000, 500_000, 300_000, 1_209_812]);
    const row = table(plan, STATSBIDRAG).rows[0];
    const at = (key: string) => row[STATSBIDRAG.columns.findIndex((c) => c.key === key)];
    expect(at("amount").value).toBe(6_209_812);
    expect(at("stated").value).toBe("6,2 miljoner kronor");
    expect([at("statedValue").value, at("statedStep").value]).toEqual([6_200_000, 100_000]);
    expect(at("purposeSum")).toEqual({
      formula: '=IF(Statsbidrag[[#This Row],[Id]]="","",SUMIFS(Syften[[Fast belopp]],Syften[Statsbidrag],Statsbidrag[[#This Row],[Id]]))',
      value: 6_209_812,
    });
    expect(at("statedDiff")).toEqual({
      formula: '=IF(Statsbidrag[[#This Row],[Id]]="","",IF(Statsbidrag[[#This Row],[Angivet belopp]]="","",Statsbidrag[[#This Row],[Belopp]]-Statsbidrag[[#This Row],[Angivet belopp]]))',
      value: 9_812,
    });
    // On its report sheet: the seven purposes and their sum as a formula.
    const report = cells(sheetOf(plan, "Återredovisning PH2019"));
    expect([24, 25, 26, 27, 28, 29, 30].map((r) => report.get(`H${r}`)!.value)).toEqual([3_100_000, 600_000, 300_000, 200_000, 500_000, 300_000, 1_209_812]);
    expect(report.get("H31")).toEqual({ formula: "=SUM(H24:H30)", value: 6_209_812 });
    expect(report.get("B31")).toEqual({ formula: "=SUM(B24:B30)", value: 6_209_812 });
    // The rounding is a fact stated in the sheet's checks, not a problem.
    expect(result.runs[0]!.notes.map((n) => n.code)).toEqual(["grant.fixed.exact", "grant.stated.rounded"]);
    expect(report.get("A72")!.value).toBe(
      nb("Underlaget anger totalt 6,2 miljoner kronor. Summan av syftenas belopp, 6 209 812 kr, avrundas till 6,2 mkr med en decimal; skillnaden mot 6 200 000 kr är 9 812 kr, vilket ryms i avrundningen (högst 50 000 kr)."),
    );
  });

  test("each purpose's explanation names the rule and the decision", () => {
    const { plan } = run();
    expect(columnOf(plan, SYFTEN, "explanation")[6].value).toBe(
      nb("Fast belopp för syftet enligt beslut i Hälso- och sjukvårdsnämnden 2020-04-02 § 26: 1 209 812 kr (19,5 % av statsbidraget)."),
    );
  });
});

describe("the sheet's path gives each grant the domain's own follow-up of its seed", () => {
  test.each([
    [PH, 0, { reportDate: "2020-09-30" }],
    [PM, 1, { reportDate: "2016-11-28", throughMonth: 10 }],
  ] as const)("%s", (file, i, options) => {
    const { result } = run();
    const m = loadSeed(file);
    const direct = followUp(m, options);
    const mine = result.runs[i]!;
    const shape = (f: typeof direct) => ({
      totals: Object.fromEntries(Object.entries(f.totals).map(([k, v]) => [k, String(v)])),
      purposes: f.purposes.map((p) => [p.id, p.granted, p.ack, p.remaining, p.forecastAtSpendBy].map(String)),
      activities: f.activities.map((a) => [a.id, a.granted, a.ack, a.forecastAtSpendBy, a.forecastExplanation].map(String)),
      leftover: f.leftover.explanation,
      problems: f.problems.map((p) => p.code),
    });
    expect(shape(mine.followup)).toEqual(shape(direct));
    expect(mine.text).toEqual(draftGrantReportText(m, direct));
    const proposal = proposeLeftoverMoves(m, direct);
    expect(mine.proposal.moves.map((mv) => [mv.from, mv.to, mv.amount.toString()])).toEqual(proposal.moves.map((mv) => [mv.from, mv.to, mv.amount.toString()]));
  });
});

describe("professionsmiljarden 2016: rank order", () => {
  test("grants ranks 1–10 in full and puts 11–13 on the waiting list; the computed columns say so and why", () => {
    const { plan } = run();
    const pm = (key: string) => columnOf(plan, AKTIVITETER, key).slice(7);
    expect(values(pm("granted"))).toEqual([3_200_000, 850_000, 4_500_000, 2_400_000, 950_000, 1_600_000, 3_000_000, 2_700_000, 1_300_000, 4_500_000, 0, 0, 0, 0]);
    expect(values(pm("ruleStatus"))).toEqual([...Array(10).fill("Beviljad"), "Väntelista", "Väntelista", "Väntelista", "Avslagen"]);
    expect(pm("explanation")[10].value).toBe(
      nb("Rang 11: väntelista (plats 1); ansökta 1 000 000 kr ryms inte i återstående 0 kr."),
    );
    expect(pm("explanation")[0].value).toBe(nb("Rang 1: beviljas hela ansökta beloppet 3 200 000 kr; kvar att fördela 21 800 000 kr."));
    // The rule's amounts are values; outcome to date, what is left and the share used are live formulas.
    expect(pm("granted")[0].formula).toBeUndefined();
    expect(pm("ack")[0]).toEqual({
      formula:
        '=IF(Aktiviteter[[#This Row],[Statsbidrag]]="","",IF(Aktiviteter[[#This Row],[Projektnummer]]="",0,SUMIFS(Utfall[Totalt],Utfall[Statsbidrag],Aktiviteter[[#This Row],[Statsbidrag]],Utfall[Projektnummer],Aktiviteter[[#This Row],[Projektnummer]])))',
      value: 1_940_000,
    });
    expect(pm("left")[0]).toEqual({ formula: '=IF(Aktiviteter[[#This Row],[Statsbidrag]]="","",Aktiviteter[[#This Row],[Beviljat]]-Aktiviteter[[#This Row],[Utfall ack]])', value: 1_260_000 });
    expect(pm("shareUsed")[0].value).toBe(1_940_000 / 3_200_000);
    expect(pm("shareUsed")[13].value).toBe(""); // nothing granted: no share
    expect(values(pm("forecastAtSpendBy")).slice(0, 4)).toEqual([2_950_000, 760_000, 3_900_000, 2_292_000]);
  });

  test("per purpose, granted and outcome are SUMIFS over the activities of the grant and the purpose", () => {
    const { plan, result } = run();
    const granted = columnOf(plan, SYFTEN, "granted");
    expect(granted[7].formula).toBe(
      '=IF(Syften[[#This Row],[Statsbidrag]]="","",SUMIFS(Aktiviteter[Beviljat],Aktiviteter[Statsbidrag],Syften[[#This Row],[Statsbidrag]],Aktiviteter[Syfte],Syften[[#This Row],[Id]]))',
    );
    const f = result.runs[1]!.followup;
    expect(values(granted.slice(7))).toEqual(f.purposes.map((p) => p.granted.toNumber()));
    expect(values(columnOf(plan, SYFTEN, "ack").slice(7))).toEqual(f.purposes.map((p) => p.ack.toNumber()));
    expect(sumOf(values(granted.slice(7)))).toBe(25_000_000);
  });

  test("Utfall: the months side by side and their total as a formula", () => {
    const { plan } = run();
    const total = columnOf(plan, UTFALL, "total");
    expect(total[0].formula).toBe(
      `=IF(Utfall[[#This Row],[Statsbidrag]]="","",SUM(${["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"].map((m) => `Utfall[[#This Row],[${m}]]`).join(",")}))`,
    );
    expect(sumOf(values(total))).toBe(4_155_000 + 18_720_000);
    const t = table(plan, UTFALL);
    expect(t.rows[0].slice(0, 11).map((c) => c.value)).toEqual(["psykisk-halsa-2019", "72001", "", 250_000, 310_000, 280_000, 295_000, 320_000, "", 240_000, 305_000]);
  });

  test("the report sheet: the chart over the purposes, the proposal with the amounts after it, the deadlines and the text", () => {
    const { plan, result } = run();
    const sheet = sheetOf(plan, "Återredovisning PM2016");
    expect(sheet.role).toBe("report");
    expect(sheet.charts).toEqual([
      { name: "Beviljat och utfall per syfte", type: "ColumnClustered", title: "Beviljat och utfall per syfte, Professionsmiljarden 2016", source: "A23:C26", seriesBy: "Columns", from: "D4", to: "K20" },
    ]);
    const m = cells(sheet);
    expect(cellsOfRow(m, 23, "ABC")).toEqual(["Syfte", "Beviljat", "Utfall ack"]);
    expect(m.get("A24")!.value).toBe("IT-stöd och processer för förenklad administration och bättre tillgång till information för vårdens medarbetare");
    const run1 = result.runs[1]!;
    // Every move of the proposal, and per activity the amount after it, as a formula over the two before it.
    const moves = [...m.entries()].filter(([a, c]) => a.startsWith("D") && typeof c.value === "string" && c.value.startsWith("Flytta ")).map(([a]) => a);
    expect(moves).toHaveLength(run1.proposal.moves.length);
    const after = [...m.entries()].find(([, c]) => c.value === "Beviljat efter förslaget")![0];
    const r = parseCell(after).row + 2;
    expect(cellsOfRow(m, r, "ABCDE")).toEqual(["Mobilt närvårdsteam", 3_200_000, -250_000, `=B${r}+C${r}`, "Beviljad"]);
    expect(m.get(`D${r}`)!.value).toBe(2_950_000);
    // Nine activities change; the money only moves between them.
    const changes = Array.from({ length: 9 }, (_, k) => m.get(`C${r + k}`)!.value as number);
    expect(sumOf(changes)).toBe(0);
    expect(cellsOfRow(m, r + 8, "ABCDE")).toEqual(["Introduktionsprogram för nya undersköterskor", 0, 148_000, `=B${r + 8}+C${r + 8}`, "Beviljad"]);
    const names = [...m.values()].map((c) => c.value);
    expect(names).toContain("Vårdplatskoordinator med mobil app");
    // The deadlines in date order, with where they stand at the report date.
    const deadlines = [...m.entries()].find(([, c]) => c.value === "Läge vid rapportdatum")![0];
    const d = parseCell(deadlines).row + 2;
    expect([d, d + 1, d + 2].map((row) => cellsOfRow(m, row, "ABCDE"))).toEqual([
      ["Uppföljningsrapport", "regionstyrelsen", "under hösten 2016", "2016-11-28", "Klart 2016-11-28"],
      ["Rekvisition", "Kammarkollegiet", "2016-12-01", "", "Om 3 dagar"],
      ["Redovisning av återbetalning", "Kammarkollegiet", "2017-03-31", "", "Om 123 dagar"],
    ]);
    // The draft text, paragraph by paragraph in wrapped cells.
    const text = run1.text;
    const heading = [...m.entries()].filter(([, c]) => c.value === text.rubrik).map(([a]) => a).pop()!;
    const top = parseCell(heading).row + 2;
    expect(text.paragraphs.map((_, k) => m.get(`A${top + k}`)!.value)).toEqual(text.paragraphs.map((p) => p.text));
    expect(sheet.blocks.find((b) => b.anchor === `A${top}`)!.wrap).toBe(true);
  });
});

test("the key rule splits the grant exactly by ÅA, and says where a decided amount differs", () => {
  const tables = edit(edit(exampleTables(), STATSBIDRAG, 2, "rule", "Nyckel"), STATSBIDRAG, 2, "key", "ÅA");
  const r = run(tables);
  const granted = values(columnOf(r.plan, AKTIVITETER, "granted").slice(7)) as number[];
  expect(sumOf(granted)).toBe(25_000_000);
  const m = loadSeed(PM);
  const direct = allocateByKey(m, { key: "ÅA" });
  expect(granted).toEqual(direct.lines.map((l) => l.amount.toNumber()));
  const weights = m.activities.filter((a) => a.status !== "avslagen").map((a) => a.keys!["ÅA"]);
  expect(granted.slice(0, 13)).toEqual(splitByWeights(new Decimal(25_000_000), weights).map((v) => v.toNumber()));
  expect(columnOf(r.plan, AKTIVITETER, "explanation")[7].value).toBe(nb("ÅA 6 av 25,55 (23,5 %) ger exakt 5 870 841,49 kr; avrundat nedåt till hela kr: 5 870 841 kr."));
  // The seed's decided amounts are rank order's: each one that differs is a warning at its cell.
  const differs = r.problems.filter((p) => p.code === "grant.sheet.decidedDiffers");
  expect(differs.length).toBeGreaterThan(5);
  expect(differs[0].place).toMatchObject({ sheet: "Aktiviteter", table: "Aktiviteter", row: 8, column: "Beslutat belopp", cell: "I11" });
});

test("fixed amounts per activity: the decided amounts are granted as typed", () => {
  const r = run(edit(exampleTables(), STATSBIDRAG, 2, "rule", "Fast per aktivitet"));
  expect(sumOf(values(columnOf(r.plan, AKTIVITETER, "granted").slice(7)) as number[])).toBe(25_000_000);
  expect(r.result.runs[1]!.notes.map((n) => n.code)).toEqual(["grant.fixed.exact", "grant.stated.exact"]);
});

test("a problem in the second grant is placed at its row of the shared table, and its message counts that table's rows", () => {
  const tables = edit(exampleTables(), AKTIVITETER, 9, "id", "A01");
  const r = runModel(grantModel, byName(tables), { seed: true });
  const p = r.problems.find((x) => x.code === "grant.activity.duplicateId")!;
  expect(p.message).toBe("Professionsmiljarden 2016: Id A01 finns redan på rad 8; varje aktivitet har ett eget id.");
  expect(p.place).toEqual({ sheet: "Aktiviteter", table: "Aktiviteter", row: 9, column: "Id", cell: "B12" });
});

test("an empty model plans one empty row per table and no report sheet", () => {
  const r = run(ALL_TABLES.map((t) => ({ ...exampleTables().find((x) => x.name === t.name)!, values: [] })));
  expect(r.problems).toEqual([]);
  expect(r.plan.sheets.map((s) => s.name)).toEqual(["Stimulansmedel", "Aktiviteter", "Utfall"]);
  for (const t of r.plan.sheets.flatMap((s) => s.tables)) expect(t.rows).toHaveLength(1);
  expect(grantModel.summary(r.model, r.result)).toEqual(["Stimulansmedel: noll statsbidrag."]);
});

test("the tables stand where the sheets say: Statsbidrag, Syften and Tidpunkter side by side", () => {
  expect([STATSBIDRAG, SYFTEN, TIDPUNKTER, AKTIVITETER, UTFALL].map((t) => `${t.sheet}!${t.anchor}`)).toEqual([
    "Stimulansmedel!A3",
    "Stimulansmedel!AP3",
    "Stimulansmedel!BA3",
    "Aktiviteter!A3",
    "Utfall!A3",
  ]);
  expect(grantModel.isReportSheet!("Återredovisning PH2019")).toBe(true);
  expect(grantModel.isReportSheet!("Stimulansmedel")).toBe(false);
  const { plan } = run();
  expect(plan.sheets.map((s) => [s.name, s.role])).toEqual([
    ["Stimulansmedel", "input"],
    ["Aktiviteter", "input"],
    ["Utfall", "input"],
    ["Återredovisning PH2019", "report"],
    ["Återredovisning PM2016", "report"],
  ]);
  // Drop-down lists for the choices.
  const rule = table(plan, STATSBIDRAG).columns.find((c) => c.key === "rule")!;
  expect(rule.choices).toEqual(["Fast per syfte", "Fast per aktivitet", "Rangordning", "Nyckel"]);
  expect(table(plan, AKTIVITETER).columns.find((c) => c.key === "status")!.choices).toEqual(["Förslag", "Beviljad", "Avslagen", "Väntelista"]);
});

test("the summary says how psykisk hälsa's 6 209 812 kr over seven purposes relates to the stated 6,2 mkr; --json lists both grants", () => {
  const { model, result } = run();
  const lines = grantModel.summary(model, result);
  expect(lines[0]).toBe("Stimulansmedel: två statsbidrag (Psykisk hälsa 2019, Professionsmiljarden 2016).");
  expect(lines[1]).toMatch(new RegExp(`^Psykisk hälsa 2019 \\(Återredovisning PH2019\\): 6${NBSP}209${NBSP}812${NBSP}kr till länet, fast belopp per syfte på sju syften: stärka barns`));
  expect(lines[1]).toMatch(new RegExp(`summa 6${NBSP}209${NBSP}812${NBSP}kr\\.$`));
  expect(lines).toContain(
    "  " + nb("Underlaget anger totalt 6,2 miljoner kronor. Summan av syftenas belopp, 6 209 812 kr, avrundas till 6,2 mkr med en decimal; skillnaden mot 6 200 000 kr är 9 812 kr, vilket ryms i avrundningen (högst 50 000 kr)."),
  );
  expect(lines).toContain(nb("  Utfall till och med september 2020: 4 155 000 kr av beviljade 6 209 812 kr (66,9 %); prognos 5 563 146 kr till 2020-12-31; 646 666 kr blir över."));
  expect(lines.find((l) => l.startsWith("Professionsmiljarden 2016"))).toBe(
    nb("Professionsmiljarden 2016 (Återredovisning PM2016): 25 000 000 kr till Region Jämtland Härjedalen, fördelat i rangordning på tre syften och 14 aktiviteter (10 beviljade, 3 på väntelista, 1 avslagen); beviljat 25 000 000 kr."),
  );
  const json = grantModel.json(model, result) as { statsbidrag: { id: string; belopp: string; angivetBelopp: { värde: string } | null; syften: { fastBelopp: string | null }[]; totalt: { utfallAck: string }; blad: string }[] };
  expect(json.statsbidrag.map((g) => [g.id, g.blad, g.belopp, g.angivetBelopp?.värde, g.totalt.utfallAck])).toEqual([
    ["psykisk-halsa-2019", "Återredovisning PH2019", "6209812", "6200000", "4155000"],
    ["professionsmiljarden-2016", "Återredovisning PM2016", "25000000", "25000000", "18720000"],
  ]);
  expect(json.statsbidrag[0].syften.map((s) => s.fastBelopp)).toEqual(["3100000", "600000", "300000", "200000", "500000", "300000", "1209812"]);
});

test("the examples' grants say which of their settings were chosen for the example", () => {
  const { plan } = run();
  const notes = values(columnOf(plan, STATSBIDRAG, "note")) as string[];
  expect(notes[0]).toContain("Sista användningsdag: påhittad för exemplet");
  expect(notes[0]).toContain("rapportdatum 2020-09-30");
  expect(notes[1]).toContain("Överblivna medel: påhittad för exemplet");
});

function sumOf(xs: readonly CellValue[]): number {
  return (xs as number[]).reduce((a, b) => a + b, 0);
}

test("options a rule does not use, and a project number on two outcome rows, are warnings at their cells", () => {
  const tables = edit(edit(exampleTables(), STATSBIDRAG, 1, "capPerArea", 500_000), UTFALL, 2, "projectNumber", "72001");
  const r = runModel(grantModel, byName(tables), { seed: true });
  expect(r.outcome).toBeDefined();
  const codes = r.problems.map((p) => [p.code, p.severity, p.place?.cell]);
  expect(codes).toContainEqual(["grant.sheet.rankOptionUnused", "varning", "U4"]);
  expect(codes).toContainEqual(["grant.sheet.outcomeProjectTwice", "varning", "B5"]);
  expect(r.problems.find((p) => p.code === "grant.sheet.outcomeProjectTwice")!.message).toBe(
    "Projektnumret 72001 har redan en rad för Psykisk hälsa 2019 (rad 1); båda raderna räknas. Lägg gärna utfallet på en rad per projektnummer.",
  );
  // Both rows count, in the domain as in Excel's SUMIFS; 72002 now has none.
  const ack = columnOf(r.outcome!.plan, AKTIVITETER, "ack");
  expect([ack[0].value, ack[1].value]).toEqual([2_000_000 + 445_000, 0]);
});
