/**
 * The sheet schema of the monthly report (månadsrapport): the input tables on
 * the sheet `Rapportdata`, side by side, each with a Period column (ÅÅÅÅMM, as
 * the ledger writes it) so that every month lives in one workbook.
 *
 * Amounts are kronor in the cells, shown in Mkr by their number format, so
 * that Excel's formulas and the exact engine read the same number. How
 * precisely the document states a figure is its own column, Avrundning: one
 * unit of the last stated digit (0,1 Mkr for "−119,3 Mkr"); blank means exact.
 */
import { columnLetter } from "../../address";
import { blankUnless } from "../../build";
import { Choice, ColumnSpec, FORMAT, TableRefs, TableSpec, formulaText } from "../../schema";
import { MODEL_SHEETS } from "../catalog";

export const INPUT_SHEET = MODEL_SHEETS.manadsrapport;
export const REPORT_SHEET = "Månadsrapport";

/** Number formats: kronor shown in Mkr (the two commas divide by a million), signed where the papers sign. */
export const NUMBER_FORMAT = {
  mkr: '#,##0.0##,, "Mkr";-#,##0.0##,, "Mkr";0.0 "Mkr"',
  mkrSigned: '+#,##0.0##,, "Mkr";-#,##0.0##,, "Mkr";0.0 "Mkr"',
  kr: FORMAT.kr,
  period: "0",
  year: FORMAT.year,
  share: "0.00%",
  shareOneDecimal: "0.0%",
  step: "0.0##%",
  count: "#,##0.##",
  countSigned: "+#,##0.##;-#,##0.##;0",
} as const;

// ---------- Choices ----------
// Where a formula compares a choice with its label, the value has a capital letter: a typed value
// is matched in lower case, so only the label can be typed, and Excel and the exact engine read a
// cell alike.

export const FIGURE_CHOICES = [
  { value: "avvikelseAck", label: "Avvikelse ack" },
  { value: "forandringAvvikelse", label: "Förändring av avvikelsen" },
  { value: "prognosHelar", label: "Prognos helår" },
  { value: "forandringPrognos", label: "Förändring av prognosen" },
  { value: "avvikelseNetto", label: "Avvikelse netto" },
  { value: "foregaendeAvvikelse", label: "Föregående avvikelse" },
  { value: "foregaendePrognos", label: "Föregående prognos" },
  { value: "atgarderUtfall", label: "Åtgärder utfall" },
  { value: "atgarderForvantat", label: "Åtgärder förväntat" },
] as const satisfies readonly Choice[];

export type FigureKey = (typeof FIGURE_CHOICES)[number]["value"];

export const FIGURE_LABEL = Object.fromEntries(FIGURE_CHOICES.map((c) => [c.value, c.label])) as Record<FigureKey, string>;

const PREVIOUS_KIND_CHOICES: readonly Choice[] = [
  { value: "manadsrapport", label: "Månadsrapport" },
  { value: "tertialrapport", label: "Tertialrapport" },
  { value: "delarsrapport", label: "Delårsrapport" },
];

const LINE_KIND_CHOICES: readonly Choice[] = [
  { value: "kostnad", label: "Kostnad" },
  { value: "intakt", label: "Intäkt" },
];

const DIMENSION_CHOICES: readonly Choice[] = [
  { value: "omrade", label: "Område" },
  { value: "kostnadsslag", label: "Kostnadsslag" },
];

const ADJUSTMENT_CHOICES: readonly Choice[] = [
  { value: "statsbidrag", label: "Statsbidrag" },
  { value: "pandemi", label: "Pandemi" },
  { value: "provtagning", label: "Provtagning" },
  { value: "tillganglighet", label: "Tillgänglighet" },
  { value: "sjukloner", label: "Sjuklöner" },
  { value: "ovrig", label: "Övrig" },
];

export const SIGN_LABEL = { add: "Läggs till", subtract: "Dras av", leaveOut: "Ingår inte" } as const;
const SIGN_CHOICES: readonly Choice[] = [
  { value: "signAdd", label: SIGN_LABEL.add },
  { value: "signSubtract", label: SIGN_LABEL.subtract },
  { value: "signLeaveOut", label: SIGN_LABEL.leaveOut },
];
export const SIGN_OF_CHOICE: Record<string, 1 | -1 | 0> = { signAdd: 1, signSubtract: -1, signLeaveOut: 0 };
export const CHOICE_OF_SIGN: Record<string, string> = { "1": "signAdd", "-1": "signSubtract", "0": "signLeaveOut" };

const GROUP_CHOICES: readonly Choice[] = [
  { value: "personal", label: "Personal" },
  { value: "produktion", label: "Produktion" },
];

const YES_NO: readonly Choice[] = [
  { value: "ja", label: "Ja" },
  { value: "nej", label: "Nej" },
];

// ---------- Columns shared by the tables ----------

const period: ColumnSpec = { key: "period", header: "Period", role: "input", type: "integer", required: true, numberFormat: NUMBER_FORMAT.period, width: 55 };
const source: ColumnSpec = { key: "source", header: "Källa", role: "input", type: "text", width: 200 };
const amountStep: ColumnSpec = { key: "avrundning", header: "Avrundning", role: "input", type: "amount", numberFormat: NUMBER_FORMAT.mkr, width: 75 };
const shareStep: ColumnSpec = { key: "avrundning", header: "Avrundning", role: "input", type: "percent", numberFormat: NUMBER_FORMAT.step, width: 75 };

function amount(key: string, header: string, opts: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, header, role: "input", type: "amount", numberFormat: NUMBER_FORMAT.mkr, width: 90, ...opts };
}

/** Table names are laid out left to right from column A in this order, one empty column between. */
function sideBySide(tables: Omit<TableSpec, "anchor" | "sheet">[]): TableSpec[] {
  let col = 0;
  return tables.map((t) => {
    const anchor = `${columnLetter(col)}3`;
    col += t.columns.length + 1;
    return { ...t, sheet: INPUT_SHEET, anchor };
  });
}

// Formulas refer to other tables by name; the specs are declared first and the formulas read them when called.
const T = {
  rapporter: "Rapporter",
  uppgifter: "Rapportuppgifter",
  rader: "Rapportrader",
  summor: "Rapportsummor",
  justeringar: "Rapportjusteringar",
  stafett: "Rapportstafett",
  sjukfranvaro: "Rapportsjukfranvaro",
  nyckeltal: "Rapportnyckeltal",
} as const;

const spec = (name: string) => ALL_TABLES.find((t) => t.name === name)!;

/** The stated Avvikelse ack of this row's period, from the figures table. */
function statedFigure(t: TableRefs, figure: FigureKey): string {
  const u = spec(T.uppgifter);
  return `SUMIFS(${t.col(u, "angivet")},${t.col(u, "period")},${t.row("period")},${t.col(u, "uppgift")},${formulaText(FIGURE_LABEL[figure])})`;
}

function countFigure(t: TableRefs, figure: FigureKey): string {
  const u = spec(T.uppgifter);
  return `COUNTIFS(${t.col(u, "period")},${t.row("period")},${t.col(u, "uppgift")},${formulaText(FIGURE_LABEL[figure])})`;
}

const TABLES = sideBySide([
  {
    name: T.rapporter,
    columns: [
      period,
      { key: "organisation", header: "Organisation", role: "input", type: "text", required: true, width: 200 },
      { key: "foregaendePeriod", header: "Föregående rapport", role: "input", type: "integer", numberFormat: NUMBER_FORMAT.period, width: 80 },
      { key: "foregaendeTyp", header: "Föregående rapporttyp", role: "input", type: "choice", choices: PREVIOUS_KIND_CHOICES, width: 110 },
      { key: "prognosAvgransning", header: "Prognosens avgränsning", role: "input", type: "text", width: 220 },
      source,
      {
        key: "avvikelseRader",
        header: "Avvikelse enligt raderna",
        role: "computed",
        type: "amount",
        numberFormat: NUMBER_FORMAT.mkrSigned,
        width: 110,
        formula: (t) => {
          const r = spec(T.rader);
          return `=${blankUnless(t, "period", `IF(COUNTIFS(${t.col(r, "period")},${t.row("period")})=0,"",SUMIFS(${t.col(r, "avvikelseBeraknad")},${t.col(r, "period")},${t.row("period")}))`)}`;
        },
      },
      {
        key: "nettoBeraknat",
        header: "Netto beräknat",
        role: "computed",
        type: "amount",
        numberFormat: NUMBER_FORMAT.mkrSigned,
        width: 100,
        // The stated gross where the report states it (as the avstämning takes it), else the lines; plus each adjustment with its sign.
        formula: (t) => {
          const j = spec(T.justeringar);
          const gross = `IF(${countFigure(t, "avvikelseAck")}=0,${t.row("avvikelseRader")},${statedFigure(t, "avvikelseAck")})`;
          return `=${blankUnless(t, "period", `IF(COUNTIFS(${t.col(j, "period")},${t.row("period")})=0,"",${gross}+SUMIFS(${t.col(j, "bidrag")},${t.col(j, "period")},${t.row("period")}))`)}`;
        },
      },
    ],
  },
  {
    name: T.uppgifter,
    columns: [
      period,
      { key: "uppgift", header: "Uppgift", role: "input", type: "choice", required: true, choices: FIGURE_CHOICES, width: 160 },
      amount("angivet", "Angivet", { required: true, numberFormat: NUMBER_FORMAT.mkrSigned, width: 100 }),
      amountStep,
      source,
    ],
  },
  {
    name: T.rader,
    columns: [
      period,
      { key: "omrade", header: "Område", role: "input", type: "text", required: true, width: 120 },
      { key: "kostnadsslag", header: "Kostnadsslag", role: "input", type: "text", required: true, width: 120 },
      { key: "slag", header: "Slag", role: "input", type: "choice", required: true, choices: LINE_KIND_CHOICES, width: 65 },
      amount("budget", "Budget ack", { required: true }),
      amount("utfall", "Utfall ack", { required: true }),
      amount("avvikelse", "Avvikelse angiven", { numberFormat: NUMBER_FORMAT.mkrSigned, width: 100 }),
      amount("prognos", "Prognos helår", { numberFormat: NUMBER_FORMAT.mkrSigned }),
      amountStep,
      source,
      {
        key: "avvikelseBeraknad",
        header: "Avvikelse beräknad",
        role: "computed",
        type: "amount",
        numberFormat: NUMBER_FORMAT.mkrSigned,
        width: 105,
        // Negative is worse: for a cost, budget − utfall; for an income, utfall − budget.
        formula: (t) =>
          `=IF(OR(${t.row("budget")}="",${t.row("utfall")}=""),"",IF(${t.row("slag")}=${formulaText("Kostnad")},${t.row("budget")}-${t.row("utfall")},${t.row("utfall")}-${t.row("budget")}))`,
      },
    ],
  },
  {
    name: T.summor,
    columns: [
      period,
      { key: "dimension", header: "Summa för", role: "input", type: "choice", required: true, choices: DIMENSION_CHOICES, width: 90 },
      { key: "namn", header: "Namn", role: "input", type: "text", required: true, width: 120 },
      amount("avvikelse", "Avvikelse angiven", { required: true, numberFormat: NUMBER_FORMAT.mkrSigned, width: 100 }),
      amountStep,
      source,
      {
        key: "enligtRaderna",
        header: "Enligt raderna",
        role: "computed",
        type: "amount",
        numberFormat: NUMBER_FORMAT.mkrSigned,
        width: 100,
        formula: (t) => {
          const r = spec(T.rader);
          const sumBy = (key: string) => `SUMIFS(${t.col(r, "avvikelseBeraknad")},${t.col(r, "period")},${t.row("period")},${t.col(r, key)},${t.row("namn")})`;
          return `=${blankUnless(t, "namn", `IF(${t.row("dimension")}=${formulaText("Kostnadsslag")},${sumBy("kostnadsslag")},${sumBy("omrade")})`)}`;
        },
      },
    ],
  },
  {
    name: T.justeringar,
    columns: [
      period,
      { key: "typ", header: "Typ", role: "input", type: "choice", required: true, choices: ADJUSTMENT_CHOICES, width: 100 },
      { key: "benamning", header: "Benämning", role: "input", type: "text", width: 180 },
      amount("belopp", "Belopp", { required: true }),
      { key: "tecken", header: "I nettot", role: "input", type: "choice", required: true, choices: SIGN_CHOICES, width: 80 },
      amountStep,
      source,
      {
        key: "bidrag",
        header: "Bidrag till netto",
        role: "computed",
        type: "amount",
        numberFormat: NUMBER_FORMAT.mkrSigned,
        width: 100,
        formula: (t) =>
          `=${blankUnless(t, "belopp", `IF(${t.row("tecken")}=${formulaText(SIGN_LABEL.add)},${t.row("belopp")},IF(${t.row("tecken")}=${formulaText(SIGN_LABEL.subtract)},-${t.row("belopp")},0))`)}`,
      },
    ],
  },
  {
    name: T.stafett,
    columns: [
      period,
      { key: "yrke", header: "Yrke", role: "input", type: "text", required: true, width: 110 },
      { key: "andel", header: "Andel", role: "input", type: "percent", required: true, numberFormat: NUMBER_FORMAT.share, width: 65 },
      amount("stafettkostnad", "Stafettkostnad", { numberFormat: NUMBER_FORMAT.kr, width: 110 }),
      amount("kostnadEgenPersonal", "Kostnad egen personal", { numberFormat: NUMBER_FORMAT.kr, width: 120 }),
      { ...shareStep, header: "Avrundning andel", width: 90 },
      source,
      {
        key: "andelBeraknad",
        header: "Andel beräknad",
        role: "computed",
        type: "percent",
        numberFormat: NUMBER_FORMAT.share,
        width: 90,
        formula: (t) =>
          `=IF(OR(${t.row("stafettkostnad")}="",${t.row("kostnadEgenPersonal")}=""),"",${t.row("stafettkostnad")}/${t.row("kostnadEgenPersonal")})`,
      },
    ],
  },
  {
    name: T.sjukfranvaro,
    columns: [
      period,
      { key: "andel", header: "Andel", role: "input", type: "percent", required: true, numberFormat: NUMBER_FORMAT.shareOneDecimal, width: 60 },
      { key: "forandring", header: "Förändring procentenheter", role: "input", type: "percent", numberFormat: NUMBER_FORMAT.shareOneDecimal, width: 130 },
      { key: "andelJamforelse", header: "Andel jämförelseår", role: "input", type: "percent", numberFormat: NUMBER_FORMAT.shareOneDecimal, width: 100 },
      { key: "jamforelseAr", header: "Jämförelseår", role: "input", type: "integer", numberFormat: NUMBER_FORMAT.year, width: 75 },
      shareStep,
      { key: "sjuktimmarForandring", header: "Förändring sjuktimmar", role: "input", type: "number", numberFormat: NUMBER_FORMAT.countSigned, width: 110 },
      source,
      {
        key: "forandringBeraknad",
        header: "Förändring beräknad",
        role: "computed",
        type: "percent",
        numberFormat: NUMBER_FORMAT.step,
        width: 105,
        formula: (t) => `=IF(OR(${t.row("andel")}="",${t.row("andelJamforelse")}=""),"",${t.row("andel")}-${t.row("andelJamforelse")})`,
      },
    ],
  },
  {
    name: T.nyckeltal,
    columns: [
      period,
      { key: "grupp", header: "Grupp", role: "input", type: "choice", required: true, choices: GROUP_CHOICES, width: 80 },
      { key: "benamning", header: "Benämning", role: "input", type: "text", required: true, width: 200 },
      { key: "enhet", header: "Enhet", role: "input", type: "text", width: 50 },
      { key: "forandring", header: "Förändring", role: "input", type: "number", required: true, numberFormat: NUMBER_FORMAT.countSigned, width: 90 },
      { key: "varde", header: "Värde", role: "input", type: "number", numberFormat: NUMBER_FORMAT.count, width: 90 },
      { key: "jamforelse", header: "Jämförelsevärde", role: "input", type: "number", numberFormat: NUMBER_FORMAT.count, width: 95 },
      { key: "avrundning", header: "Avrundning", role: "input", type: "number", numberFormat: NUMBER_FORMAT.count, width: 75 },
      { key: "ungefar", header: "Ungefär", role: "input", type: "choice", choices: YES_NO, width: 60 },
      { key: "jamfortMed", header: "Jämfört med", role: "input", type: "text", width: 180 },
      source,
      {
        key: "forandringBeraknad",
        header: "Förändring beräknad",
        role: "computed",
        type: "number",
        numberFormat: NUMBER_FORMAT.countSigned,
        width: 105,
        formula: (t) => `=IF(OR(${t.row("varde")}="",${t.row("jamforelse")}=""),"",${t.row("varde")}-${t.row("jamforelse")})`,
      },
    ],
  },
]);

export const ALL_TABLES: readonly TableSpec[] = TABLES;

export const RAPPORTER = spec(T.rapporter);
export const UPPGIFTER = spec(T.uppgifter);
export const RADER = spec(T.rader);
export const SUMMOR = spec(T.summor);
export const JUSTERINGAR = spec(T.justeringar);
export const STAFETT = spec(T.stafett);
export const SJUKFRANVARO = spec(T.sjukfranvaro);
export const NYCKELTAL = spec(T.nyckeltal);

/** What each input table is called above it on the sheet, and a hint for the person typing. */
export const TABLE_TITLES: Record<string, { title: string; hint?: string }> = {
  [T.rapporter]: { title: "Rapporter", hint: "En rad per månad; Period skrivs ÅÅÅÅMM, t.ex. 202009." },
  [T.uppgifter]: { title: "Uppgifter ur rapporten", hint: "Som rapporten anger dem, i kronor; Avrundning = en enhet i sista angivna siffran (0,1 Mkr för −119,3 Mkr), tom = exakt. Förändringar: + är förbättring." },
  [T.rader]: { title: "Rader per område och kostnadsslag", hint: "Budget och utfall ack som positiva belopp; Slag ger avvikelsens tecken." },
  [T.summor]: { title: "Delsummor", hint: "Avvikelser som rapporten anger per område eller kostnadsslag." },
  [T.justeringar]: { title: "Justeringar", hint: "Beloppet som rapporten skriver det; I nettot säger hur det räknas." },
  [T.stafett]: { title: "Stafett", hint: "Andel stafettkostnad av kostnad egen personal." },
  [T.sjukfranvaro]: { title: "Sjukfrånvaro" },
  [T.nyckeltal]: { title: "Nyckeltal", hint: "Enhet kr ger ett belopp i kronor; annars ett antal." },
};
