/**
 * The sheet schema of stimulansmedel: the grants (Statsbidrag) with their
 * purposes (Syften) and deadlines (Tidpunkter) on the sheet `Stimulansmedel`,
 * the proposals (Aktiviteter) on their own sheet and the monthly outcome
 * (Utfall) booked on their project numbers on a third. Every row names the
 * grant it belongs to, so one workbook holds several grants.
 *
 * Computed columns that read well as formulas are formulas (outcome to date
 * by SUMIFS, what is left, the share used); what a rule decides (the amount
 * granted by rank order, a forecast by run rate) is the exact engine's value.
 */
import { columnLetter } from "../../address";
import { blankUnless } from "../../build";
import { Choice, ColumnSpec, FORMAT, TableRefs, TableSpec } from "../../schema";
import { MODEL_SHEETS } from "../catalog";

export const GRANT_SHEET = MODEL_SHEETS.stimulansmedel;
export const ACTIVITY_SHEET = "Aktiviteter";
export const OUTCOME_SHEET = "Utfall";

/** Each grant's report sheet: "Återredovisning PH2019". */
export const REPORT_PREFIX = "Återredovisning ";
/** Excel allows 31 characters in a sheet name. */
export const SHORT_NAME_MAX = 31 - REPORT_PREFIX.length;

export function reportSheetName(shortName: string): string {
  return `${REPORT_PREFIX}${shortName}`;
}

export const NUMBER_FORMAT = {
  kr: FORMAT.kr,
  year: FORMAT.year,
  date: FORMAT.date,
  share: "0.0%",
  key: "#,##0.##",
  integer: FORMAT.integer,
} as const;

// ---------- Choices ----------

export const LEFTOVER_CHOICES: readonly Choice[] = [
  { value: "aterbetala", label: "Återbetala" },
  { value: "behall_med_plan", label: "Behåll med plan" },
  { value: "overfor", label: "Överför" },
];

export const KIND_CHOICES: readonly Choice[] = [
  { value: "riktat", label: "Riktat" },
  { value: "generellt", label: "Generellt" },
];

/** The allocation rules as the sheet offers them: fixed amounts per purpose or per activity, rank order, a key. */
export type SheetRule = "fastSyfte" | "fastAktivitet" | "rang" | "nyckel";
export const RULE_CHOICES: readonly Choice[] = [
  { value: "fastSyfte", label: "Fast per syfte" },
  { value: "fastAktivitet", label: "Fast per aktivitet" },
  { value: "rang", label: "Rangordning" },
  { value: "nyckel", label: "Nyckel" },
];

const YES_NO: readonly Choice[] = [
  { value: "ja", label: "Ja" },
  { value: "nej", label: "Nej" },
];

/** The key columns of Aktiviteter a grant may be split by. */
export const KEY_CHOICES: readonly Choice[] = [
  { value: "aa", label: "ÅA" },
  { value: "invanare", label: "Invånare" },
];

export const UNIT_CHOICES: readonly Choice[] = [
  { value: "kr", label: "kr" },
  { value: "tkr", label: "tkr" },
  { value: "mkr", label: "mkr" },
];

export const STATUS_CHOICES: readonly Choice[] = [
  { value: "forslag", label: "Förslag" },
  { value: "beviljad", label: "Beviljad" },
  { value: "avslagen", label: "Avslagen" },
  { value: "vantelista", label: "Väntelista" },
];

export const DEADLINE_CHOICES: readonly Choice[] = [
  { value: "aterredovisning", label: "Återredovisning" },
  { value: "rekvisition", label: "Rekvisition" },
  { value: "aterbetalning", label: "Återbetalning" },
  { value: "uppfoljning", label: "Uppföljning" },
];

const PRECISION_CHOICES: readonly Choice[] = [
  { value: "dag", label: "Dag" },
  { value: "manad", label: "Månad" },
];

/** Month columns of Utfall, January first: their keys and headers. */
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"].map((header, i) => ({
  key: `m${i + 1}`,
  header,
  month: i + 1,
}));

// ---------- Columns ----------

const grantColumn: ColumnSpec = { key: "grant", header: "Statsbidrag", role: "input", type: "text", required: true, width: 110 };
const source: ColumnSpec = { key: "source", header: "Källa", role: "input", type: "text", width: 200 };

function text(key: string, header: string, width: number, required = false): ColumnSpec {
  return { key, header, role: "input", type: "text", width, ...(required ? { required } : {}) };
}

function amount(key: string, header: string, opts: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, header, role: "input", type: "amount", numberFormat: NUMBER_FORMAT.kr, width: 100, ...opts };
}

function date(key: string, header: string, required = false): ColumnSpec {
  return { key, header, role: "input", type: "date", numberFormat: NUMBER_FORMAT.date, width: 85, ...(required ? { required } : {}) };
}

function choice(key: string, header: string, choices: readonly Choice[], width: number, required = false): ColumnSpec {
  return { key, header, role: "input", type: "choice", choices, width, ...(required ? { required } : {}) };
}

/** A computed column whose value the exact engine decides (no formula). */
function value(key: string, header: string, type: ColumnSpec["type"], width: number, numberFormat?: string): ColumnSpec {
  return { key, header, role: "computed", type, width, ...(numberFormat ? { numberFormat } : {}) };
}

/** A computed column written as a formula, blank on a row not yet filled in. */
function formula(key: string, header: string, width: number, numberFormat: string, body: (t: TableRefs) => string, blankKey = "grant"): ColumnSpec {
  return { key, header, role: "computed", type: "amount", numberFormat, width, formula: (t) => `=${blankUnless(t, blankKey, body(t))}` };
}

// Formulas refer to other tables; the specs are looked up when a formula is built.
const T = { statsbidrag: "Statsbidrag", syften: "Syften", tidpunkter: "Tidpunkter", aktiviteter: "Aktiviteter", utfall: "Utfall" } as const;
const spec = (name: string): TableSpec => ALL_TABLES.find((t) => t.name === name)!;

/** The sum of one column of Aktiviteter over this grant's rows (and more conditions). */
function activitySum(t: TableRefs, key: string, grantKey: string, more = ""): string {
  const a = spec(T.aktiviteter);
  return `SUMIFS(${t.col(a, key)},${t.col(a, "grant")},${t.row(grantKey)}${more})`;
}

/** ack / granted where something is granted, else blank. */
const share = (t: TableRefs, ack: string, granted: string) => `IF(${t.row(granted)}>0,${t.row(ack)}/${t.row(granted)},"")`;

const statsbidrag: TableSpec = {
  name: T.statsbidrag,
  sheet: GRANT_SHEET,
  anchor: "A3",
  columns: [
    text("id", "Id", 150, true),
    text("shortName", "Kortnamn", 75, true),
    text("name", "Namn", 170, true),
    { key: "year", header: "År", role: "input", type: "integer", required: true, numberFormat: NUMBER_FORMAT.year, width: 45 },
    { key: "outcomeYear", header: "Utfallsår", role: "input", type: "integer", numberFormat: NUMBER_FORMAT.year, width: 60 },
    text("recipient", "Mottagare", 150, true),
    amount("amount", "Belopp", { required: true, width: 105 }),
    text("stated", "Belopp enligt underlaget", 140),
    text("agreement", "Överenskommelse", 240, true),
    text("source", "Källa", 200),
    date("sourceDate", "Källans datum"),
    text("decisionOrgan", "Beslutande organ", 160),
    date("decisionDate", "Beslutsdatum"),
    text("decisionDateText", "Beslutsdatum enligt protokollet", 110),
    text("decisionParagraph", "Paragraf", 60),
    text("decisionWhat", "Beslutet", 240),
    date("spendBy", "Sista användningsdag", true),
    choice("leftoverRule", "Överblivna medel", LEFTOVER_CHOICES, 105, true),
    choice("kind", "Typ", KIND_CHOICES, 70, true),
    choice("rule", "Fördelningsregel", RULE_CHOICES, 115, true),
    amount("capPerArea", "Tak per område"),
    choice("partial", "Delbelopp", YES_NO, 65),
    choice("key", "Fördelningsnyckel", KEY_CHOICES, 95),
    choice("unit", "Avrundningsenhet", UNIT_CHOICES, 90),
    date("reportDate", "Rapportdatum", true),
    { key: "throughMonth", header: "Utfall till och med månad", role: "input", type: "integer", numberFormat: NUMBER_FORMAT.integer, width: 90 },
    text("note", "Anmärkning", 300),
    value("statedValue", "Angivet belopp", "amount", 105, NUMBER_FORMAT.kr),
    value("statedStep", "Avrundning", "amount", 90, NUMBER_FORMAT.kr),
    formula("statedDiff", "Skillnad mot angivet", 105, NUMBER_FORMAT.kr, (t) => `IF(${t.row("statedValue")}="","",${t.row("amount")}-${t.row("statedValue")})`, "id"),
    formula("purposeSum", "Summa fasta belopp", 110, NUMBER_FORMAT.kr, (t) => {
      const s = spec(T.syften);
      return `SUMIFS(${t.col(s, "fixed")},${t.col(s, "grant")},${t.row("id")})`;
    }, "id"),
    formula("granted", "Beviljat", 105, NUMBER_FORMAT.kr, (t) => activitySum(t, "granted", "id"), "id"),
    formula("notGranted", "Ej fördelat", 100, NUMBER_FORMAT.kr, (t) => `${t.row("amount")}-${t.row("granted")}`, "id"),
    formula("ack", "Utfall ack", 105, NUMBER_FORMAT.kr, (t) => activitySum(t, "ack", "id"), "id"),
    formula("left", "Kvar av bidraget", 105, NUMBER_FORMAT.kr, (t) => `${t.row("amount")}-${t.row("ack")}`, "id"),
    formula("shareUsed", "Andel av beviljat använd", 95, NUMBER_FORMAT.share, (t) => share(t, "ack", "granted"), "id"),
    value("forecast", "Prognos till sista dag", "amount", 110, NUMBER_FORMAT.kr),
    value("leftover", "Blir över enligt prognos", "amount", 110, NUMBER_FORMAT.kr),
    value("followedThrough", "Utfall räknat", "text", 170),
    value("reportSheet", "Återredovisningsblad", "text", 150),
  ],
};

const syften: TableSpec = {
  name: T.syften,
  sheet: GRANT_SHEET,
  anchor: "A3",
  columns: [
    grantColumn,
    text("id", "Id", 120, true),
    text("name", "Namn", 300, true),
    amount("fixed", "Fast belopp", { width: 105 }),
    source,
    formula("granted", "Beviljat", 105, NUMBER_FORMAT.kr, (t) => activitySum(t, "granted", "grant", `,${t.col(spec(T.aktiviteter), "purpose")},${t.row("id")}`)),
    formula("ack", "Utfall ack", 105, NUMBER_FORMAT.kr, (t) => activitySum(t, "ack", "grant", `,${t.col(spec(T.aktiviteter), "purpose")},${t.row("id")}`)),
    formula("left", "Kvar", 100, NUMBER_FORMAT.kr, (t) => `${t.row("granted")}-${t.row("ack")}`),
    formula("shareUsed", "Andel använd", 85, NUMBER_FORMAT.share, (t) => share(t, "ack", "granted")),
    value("explanation", "Förklaring", "text", 360),
  ],
};

const tidpunkter: TableSpec = {
  name: T.tidpunkter,
  sheet: GRANT_SHEET,
  anchor: "A3",
  columns: [
    grantColumn,
    choice("kind", "Slag", DEADLINE_CHOICES, 105, true),
    text("to", "Till", 140, true),
    date("due", "Senast", true),
    choice("precision", "Precision", PRECISION_CHOICES, 70),
    text("dueText", "Tidpunkt enligt underlaget", 140),
    date("done", "Klart"),
    source,
    value("status", "Läge vid rapportdatum", "text", 160),
  ],
};

export const AKTIVITETER: TableSpec = {
  name: T.aktiviteter,
  sheet: ACTIVITY_SHEET,
  anchor: "A3",
  columns: [
    grantColumn,
    text("id", "Id", 55, true),
    text("name", "Namn", 300, true),
    text("area", "Område", 160),
    text("purpose", "Syfte", 110, true),
    amount("asked", "Ansökt", { required: true }),
    { key: "rank", header: "Rang", role: "input", type: "integer", numberFormat: NUMBER_FORMAT.integer, width: 45 },
    choice("status", "Status", STATUS_CHOICES, 85, true),
    amount("decided", "Beslutat belopp", { width: 105 }),
    text("projectNumber", "Projektnummer", 90),
    text("owner", "Ansvarig", 190),
    { key: "aa", header: "ÅA", role: "input", type: "number", numberFormat: NUMBER_FORMAT.key, width: 50 },
    { key: "invanare", header: "Invånare", role: "input", type: "number", numberFormat: NUMBER_FORMAT.key, width: 75 },
    amount("forecast", "Prognos", { width: 100 }),
    source,
    value("granted", "Beviljat", "amount", 105, NUMBER_FORMAT.kr),
    value("ruleStatus", "Status enligt regeln", "text", 105),
    value("explanation", "Förklaring", "text", 420),
    formula("ack", "Utfall ack", 105, NUMBER_FORMAT.kr, (t) => {
      const u = spec(T.utfall);
      return `IF(${t.row("projectNumber")}="",0,SUMIFS(${t.col(u, "total")},${t.col(u, "grant")},${t.row("grant")},${t.col(u, "projectNumber")},${t.row("projectNumber")}))`;
    }),
    formula("left", "Kvar", 100, NUMBER_FORMAT.kr, (t) => `${t.row("granted")}-${t.row("ack")}`),
    formula("shareUsed", "Andel använd", 85, NUMBER_FORMAT.share, (t) => share(t, "ack", "granted")),
    value("forecastAtSpendBy", "Prognos till sista dag", "amount", 110, NUMBER_FORMAT.kr),
  ],
};

export const UTFALL: TableSpec = {
  name: T.utfall,
  sheet: OUTCOME_SHEET,
  anchor: "A3",
  columns: [
    grantColumn,
    text("projectNumber", "Projektnummer", 90, true),
    ...MONTHS.map((m) => amount(m.key, m.header, { width: 80 })),
    source,
    formula("total", "Totalt", 105, NUMBER_FORMAT.kr, (t) => `SUM(${MONTHS.map((m) => t.row(m.key)).join(",")})`),
  ],
};

/** Tables on one sheet stand side by side from column A, one empty column between. */
function sideBySide(tables: TableSpec[]): TableSpec[] {
  let col = 0;
  return tables.map((t) => {
    const anchor = `${columnLetter(col)}3`;
    col += t.columns.length + 1;
    return { ...t, anchor };
  });
}

export const [STATSBIDRAG, SYFTEN, TIDPUNKTER] = sideBySide([statsbidrag, syften, tidpunkter]);

export const ALL_TABLES: readonly TableSpec[] = [STATSBIDRAG, SYFTEN, TIDPUNKTER, AKTIVITETER, UTFALL];

export const TABLE_TITLES: Record<string, { title: string; hint: string }> = {
  [T.statsbidrag]: {
    title: "Statsbidrag",
    hint: "Ett statsbidrag per rad: belopp, regel för fördelning och för överblivna medel, rapportdatum. Kortnamnet ger namnet på bladet Återredovisning.",
  },
  [T.syften]: { title: "Syften", hint: "Vad varje statsbidrag får användas till, med fast belopp där beslutet anger ett." },
  [T.tidpunkter]: { title: "Tidpunkter", hint: "Återredovisning, rekvisition, återbetalning och uppföljning: till vem och senast när." },
  [T.aktiviteter]: {
    title: "Aktiviteter",
    hint: "Förslagen på användning. Beviljat och status enligt regeln räknar Ramkoll fram efter statsbidragets fördelningsregel.",
  },
  [T.utfall]: { title: "Utfall", hint: "Utfallet per projektnummer och månad under utfallsåret, i kronor." },
};
