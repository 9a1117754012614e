/**
 * The budget model on the sheet `Budget`: the frames regionfullmäktige
 * decided (Budgetramar) and the ledger of omdisponeringar, with the adjusted
 * frames as live formulas.
 */
import { MODEL_SHEETS, MODEL_TITLES } from "./catalog";
import {
  AdjustedFrame,
  BudgetModel,
  BudgetResult,
  FOR_GOOD_LAST_YEAR,
  Omdisponering,
  computeBudget,
  effectOf,
} from "../../domain/budget";
import { formatKr, formatMkr, sum } from "../../domain/money";
import seed from "../../../seeds/budget/budget-2024.json";
import { blankUnless, planTable, seedTable } from "../build";
import { Built, ModelDefinition } from "../model";
import { LocatedProblem } from "../problem";
import { FORMAT, TableSpec, formulaText, tableRefs } from "../schema";
import { ParsedTable } from "../table";

export const BUDGET_SHEET = MODEL_SHEETS.budget;

export const OMDISPONERINGAR: TableSpec = {
  name: "Omdisponeringar",
  sheet: BUDGET_SHEET,
  anchor: "K3",
  columns: [
    { key: "diarienummer", header: "Diarienummer", role: "input", type: "text", required: true, width: 110 },
    { key: "from", header: "Från", role: "input", type: "text", required: true, width: 60 },
    { key: "to", header: "Till", role: "input", type: "text", required: true, width: 60 },
    { key: "amount", header: "Belopp per år", role: "input", type: "amount", required: true, numberFormat: FORMAT.kr, width: 110 },
    { key: "validFrom", header: "Gäller från", role: "input", type: "date", required: true, numberFormat: FORMAT.date, width: 80 },
    {
      key: "varaktighet",
      header: "Varaktighet",
      role: "input",
      type: "choice",
      required: true,
      choices: [
        { value: "permanent", label: "Permanent" },
        { value: "engang", label: "Engång" },
      ],
      width: 80,
    },
    {
      key: "status",
      header: "Status",
      role: "input",
      type: "choice",
      required: true,
      choices: [
        { value: "forslag", label: "Förslag" },
        { value: "beslutad", label: "Beslutad" },
      ],
      width: 70,
    },
    { key: "beslutandeOrgan", header: "Beslutande organ", role: "input", type: "text", width: 90 },
    { key: "beslutsdatum", header: "Beslutsdatum", role: "input", type: "date", numberFormat: FORMAT.date, width: 80 },
    { key: "motivering", header: "Motivering", role: "input", type: "text", width: 220 },
    { key: "source", header: "Källa", role: "input", type: "text", width: 160 },
    {
      key: "firstYear",
      header: "Första år",
      role: "computed",
      type: "integer",
      numberFormat: FORMAT.year,
      width: 60,
      formula: (t) => `=${blankUnless(t, "validFrom", `YEAR(${t.row("validFrom")})`)}`,
    },
    {
      key: "lastYear",
      header: "Sista år",
      role: "computed",
      type: "integer",
      numberFormat: FORMAT.year,
      width: 60,
      // An omdisponering for good runs to the end of any plan.
      formula: (t) =>
        `=${blankUnless(t, "firstYear", `IF(${t.row("varaktighet")}=${formulaText("Engång")},${t.row("firstYear")},${FOR_GOOD_LAST_YEAR})`)}`,
    },
  ],
};

/** Net of the omdisponeringar of one status that apply to this frame's organ and year. */
function netFormula(frameRow: (key: string) => string, status: string): string {
  const o = tableRefs(OMDISPONERINGAR);
  const conditions = (side: "from" | "to") =>
    [
      o.col(OMDISPONERINGAR, "amount"),
      o.col(OMDISPONERINGAR, side),
      frameRow("organ"),
      o.col(OMDISPONERINGAR, "status"),
      formulaText(status),
      o.col(OMDISPONERINGAR, "firstYear"),
      `"<="&${frameRow("year")}`,
      o.col(OMDISPONERINGAR, "lastYear"),
      `">="&${frameRow("year")}`,
    ].join(",");
  return `SUMIFS(${conditions("to")})-SUMIFS(${conditions("from")})`;
}

export const BUDGETRAMAR: TableSpec = {
  name: "Budgetramar",
  sheet: BUDGET_SHEET,
  anchor: "A3",
  columns: [
    { key: "organ", header: "Organ", role: "input", type: "text", required: true, width: 70 },
    { key: "year", header: "År", role: "input", type: "integer", required: true, numberFormat: FORMAT.year, width: 50 },
    { key: "ram", header: "Ram enligt RF", role: "input", type: "amount", required: true, numberFormat: FORMAT.kr, width: 120 },
    { key: "source", header: "Källa", role: "input", type: "text", width: 160 },
    {
      key: "beslutade",
      header: "Beslutade omdisponeringar",
      role: "computed",
      type: "amount",
      numberFormat: FORMAT.kr,
      width: 120,
      formula: (t) => `=${blankUnless(t, "organ", netFormula(t.row, "Beslutad"))}`,
    },
    {
      key: "justeradRam",
      header: "Justerad ram",
      role: "computed",
      type: "amount",
      numberFormat: FORMAT.kr,
      width: 120,
      formula: (t) => `=${blankUnless(t, "organ", `${t.row("ram")}+${t.row("beslutade")}`)}`,
    },
    {
      key: "forslag",
      header: "Förslag till omdisponering",
      role: "computed",
      type: "amount",
      numberFormat: FORMAT.kr,
      width: 120,
      formula: (t) => `=${blankUnless(t, "organ", netFormula(t.row, "Förslag"))}`,
    },
    {
      key: "ramOmForslagenBifalls",
      header: "Ram om förslagen bifalls",
      role: "computed",
      type: "amount",
      numberFormat: FORMAT.kr,
      width: 130,
      formula: (t) => `=${blankUnless(t, "organ", `${t.row("justeradRam")}+${t.row("forslag")}`)}`,
    },
  ],
};

function build(tables: ReadonlyMap<string, ParsedTable>): Built<BudgetModel> {
  const problems: LocatedProblem[] = [];
  const frameRows = tables.get(BUDGETRAMAR.name)!.rows;
  const omdRows = tables.get(OMDISPONERINGAR.name)!.rows;
  const model: BudgetModel = {
    frames: frameRows.map((r) => ({
      organ: r.text("organ")!,
      year: r.number("year")!,
      ram: r.amount("ram")!,
      source: r.text("source"),
    })),
    omdisponeringar: omdRows.map(
      (r): Omdisponering => ({
        diarienummer: r.text("diarienummer")!,
        from: r.text("from")!,
        to: r.text("to")!,
        amount: r.amount("amount")!,
        validFrom: r.date("validFrom")!,
        varaktighet: r.text("varaktighet") as Omdisponering["varaktighet"],
        status: r.text("status") as Omdisponering["status"],
        beslutandeOrgan: r.text("beslutandeOrgan"),
        beslutsdatum: r.date("beslutsdatum"),
        motivering: r.text("motivering"),
        source: r.text("source"),
      }),
    ),
  };
  return {
    model,
    rows: {
      frames: { table: BUDGETRAMAR.name, tableRows: frameRows.map((r) => r.tableRow) },
      omdisponeringar: { table: OMDISPONERINGAR.name, tableRows: omdRows.map((r) => r.tableRow) },
    },
    problems,
  };
}

function plan(model: BudgetModel, result: BudgetResult) {
  const frames = planTable(
    BUDGETRAMAR,
    model.frames.map((f, i) => {
      const r: AdjustedFrame = result.frames[i];
      return {
        organ: f.organ,
        year: f.year,
        ram: f.ram,
        source: f.source,
        beslutade: r.beslutade,
        justeradRam: r.justeradRam,
        forslag: r.forslag,
        ramOmForslagenBifalls: r.ramOmForslagenBifalls,
      };
    }),
  );
  const omd = planTable(
    OMDISPONERINGAR,
    model.omdisponeringar.map((o, i) => ({
      ...o,
      firstYear: result.effects[i].firstYear,
      lastYear: effectOf(o).lastYear,
    })),
  );
  return {
    model: "budget",
    sheets: [
      {
        name: BUDGET_SHEET,
        tables: [frames, omd],
        blocks: [
          { anchor: "A1", rows: [[{ value: "Budgetramar" }]], bold: true, fontSize: 14 },
          { anchor: "K1", rows: [[{ value: "Omdisponeringar" }]], bold: true, fontSize: 14 },
        ],
        charts: [],
      },
    ],
  };
}

function summary(model: BudgetModel, result: BudgetResult): string[] {
  const lines = [`Budgetramar: ${model.frames.length} ramar, ${model.omdisponeringar.length} omdisponeringar.`];
  for (const f of result.frames) {
    const parts = [`${f.organ} ${f.year}: ram enligt RF ${formatKr(f.ram)}`];
    if (!f.beslutade.isZero()) parts.push(`beslutade omdisponeringar ${formatKr(f.beslutade, { signed: true })}`);
    parts.push(`justerad ram ${formatKr(f.justeradRam)}`);
    if (!f.forslag.isZero()) {
      parts.push(`förslag ${formatKr(f.forslag, { signed: true })}, ram om förslagen bifalls ${formatKr(f.ramOmForslagenBifalls)} (${formatMkr(f.ramOmForslagenBifalls)})`);
    }
    lines.push(parts.join("; ") + ".");
  }
  return lines;
}

function json(model: BudgetModel, result: BudgetResult) {
  return {
    modell: "budget",
    ramar: result.frames.map((f) => ({
      organ: f.organ,
      år: f.year,
      ramEnligtRF: f.ram.toString(),
      beslutadeOmdisponeringar: f.beslutade.toString(),
      justeradRam: f.justeradRam.toString(),
      förslag: f.forslag.toString(),
      ramOmFörslagenBifalls: f.ramOmForslagenBifalls.toString(),
    })),
    omdisponeringar: model.omdisponeringar.map((o, i) => ({
      diarienummer: o.diarienummer,
      från: o.from,
      till: o.to,
      beloppPerÅr: o.amount.toString(),
      gällerFrån: o.validFrom,
      förstaÅr: result.effects[i].firstYear,
      sistaÅr: result.effects[i].lastYear,
      varaktighet: o.varaktighet,
      status: o.status,
    })),
  };
}

/** HSN/1222/2023 and the frames around it (seeds/budget), as the tables a person would type. */
export function budgetExampleTables() {
  return [seedTable(BUDGETRAMAR, seed.budgetramar), seedTable(OMDISPONERINGAR, seed.omdisponeringar)];
}

export const budgetModel: ModelDefinition<BudgetModel, BudgetResult> = {
  id: "budget",
  title: MODEL_TITLES.budget,
  tables: [BUDGETRAMAR, OMDISPONERINGAR],
  sheets: [BUDGET_SHEET],
  build,
  compute(model) {
    const result = computeBudget(model);
    return { result, problems: result.problems };
  },
  plan,
  summary,
  json,
  keys: { Budgetramar: ["organ", "year"], Omdisponeringar: ["diarienummer"] },
  moved: (model) => sum(model.omdisponeringar.map((o) => o.amount)),
  examples: async () => budgetExampleTables(),
};
