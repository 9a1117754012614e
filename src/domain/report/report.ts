/**
 * The monthly report (månadsrapport) of a healthcare board's administration:
 * the figures the board paper states, each kept as stated beside its parts so
 * that reconciliation can recompute every total without overwriting it.
 *
 * Sign convention, as the board papers use it: an avvikelse (deviation) is
 * "negative is worse". Costs over budget give a negative avvikelse, income
 * above budget a positive one. Amounts on a line (budget, utfall) are entered
 * as positive numbers, as they appear in the ledger's columns, and the line's
 * `slag` says whether it is a cost or an income. A prognos is the forecast
 * deviation for the whole year, with the same sign. A change against the
 * previous report is positive when it is an improvement (förbättring).
 */
import { Decimal } from "../money";
import { MONTH_NAMES_SV } from "../period";

/**
 * A figure as the document states it. The step keeps how precisely it was
 * stated, since a total stated in Mkr with one decimal can only be checked to
 * within half of 0,1 Mkr.
 */
export interface Stated {
  /** Kronor for amounts, a fraction for shares (0.1523 for 15,23 %), a count otherwise. */
  value: Decimal;
  /** One unit of the last stated digit in the same terms: 100 000 kr for "−119,3 Mkr", 0,0001 for "15,23 %". Zero: exact. */
  step: Decimal;
  /** Where the figure is stated; absent means the report's own source. */
  source?: string;
  /** The figure as typed, e.g. "−119,3 Mkr". */
  text?: string;
}

/** The source marking a figure that no document states, invented for an example. */
export const INVENTED_SOURCE = "påhittad för exemplet";

export interface ReportPeriod {
  year: number;
  /** 1–12; the report covers January to this month (ack). */
  month: number;
}

export type LineKind = "kostnad" | "intakt";

/** One line of the report: an area (område) and a cost type (kostnadsslag), to date. */
export interface ReportLine {
  omrade: string;
  kostnadsslag: string;
  slag: LineKind;
  /** Budget to date, a positive amount. */
  budget: Stated;
  /** Outcome to date (utfall ack), a positive amount. */
  utfall: Stated;
  /** The deviation if the source states one; otherwise it is only recomputed. */
  avvikelse?: Stated;
  /** Forecast deviation for the whole year. */
  prognos?: Stated;
}

export type TotalDimension = "omrade" | "kostnadsslag";

/** A total the report states for one area or one cost type, to check against its lines. */
export interface StatedTotal {
  dimension: TotalDimension;
  namn: string;
  avvikelse: Stated;
}

export type PreviousReportKind = "manadsrapport" | "tertialrapport" | "delarsrapport";

/** The report the change is stated against, with the figures it stated. */
export interface PreviousReport {
  period: ReportPeriod;
  typ: PreviousReportKind;
  avvikelse?: Stated;
  prognos?: Stated;
}

/** The five adjustments the board papers make, and any the user adds (ovrig). */
export type AdjustmentKind = "statsbidrag" | "pandemi" | "provtagning" | "tillganglighet" | "sjukloner" | "ovrig";

/**
 * How an adjustment enters the net deviation: added (+1), subtracted (−1) or
 * stated for information only (0).
 */
export type AdjustmentSign = 1 | -1 | 0;

export interface Adjustment {
  typ: AdjustmentKind;
  /** Required for `ovrig`; the other kinds have a standard wording. */
  benamning?: string;
  /** As stated, a positive amount; the sign says how it enters the net. */
  belopp: Stated;
  tecken: AdjustmentSign;
}

/**
 * The signs the board papers of autumn 2020 use ("Netto inklusive justeringar
 * för nationella satsningar, och ersättningar för tillgänglighet, provtagningar
 * och sjuklönekompensation"): the costs the state grants will cover are added
 * back, and the three compensations booked at regional level count as HSN's
 * income. Pandemic costs stay in the deviation, since no compensation had been
 * decided. September 2020 adds up exactly with these signs.
 */
export const DEFAULT_ADJUSTMENT_SIGNS: Readonly<Record<Exclude<AdjustmentKind, "ovrig">, AdjustmentSign>> = {
  statsbidrag: 1,
  pandemi: 0,
  provtagning: 1,
  tillganglighet: 1,
  sjukloner: 1,
};

/** Agency staff cost as a share of own staff cost, for one profession. */
export interface AgencyShare {
  yrke: string;
  andel: Stated;
  /** Cost of agency staff (stafettkostnad) to date, when known, to recompute the share. */
  stafettkostnad?: Stated;
  /** Cost of own staff to date, when known. */
  kostnadEgenPersonal?: Stated;
}

/** Result-improving measures (resultatförbättrande åtgärder) to date. */
export interface Measures {
  utfall: Stated;
  forvantat: Stated;
}

export interface SickLeave {
  /** Share of sick leave to date, e.g. 6,0 %. */
  andel: Stated;
  /** Change in percentage points against the same period a year earlier, as a fraction (0,012 for 1,2 procentenheter). */
  forandring?: Stated;
  /** The share of the same period a year earlier, when known. */
  andelJamforelse?: Stated;
  /** The year compared with; the report's year − 1 when absent. */
  jamforelseAr?: number;
  /** Change in sick hours against the year before. */
  sjuktimmarForandring?: Stated;
}

export type KeyFigureGroup = "personal" | "produktion";

/** A production or staffing figure the user enters, with its change. */
export interface KeyFigure {
  grupp: KeyFigureGroup;
  /** The subject of the sentence, e.g. "De indirekta vårdkontakterna". */
  benamning: string;
  /** "kr" makes it an amount (formatted in Mkr); otherwise a count with this unit ("st", "ÅA", or "" for none). */
  enhet: string;
  forandring: Stated;
  /** This year's value and the compared value, when known, so the change can be checked. */
  varde?: Stated;
  jamforelse?: Stated;
  /** "ca": the figure is rounded in the text. */
  ungefar?: boolean;
  /** What it is compared with; "föregående år" when absent. */
  jamfortMed?: string;
}

export type UnitLabel = "Mkr" | "mkr";

export interface MonthlyReport {
  organisation: string;
  period: ReportPeriod;
  source?: string;
  /** The unit label of the text; the board papers write "Mkr". */
  unitLabel?: UnitLabel;
  /** Deviation to date (avvikelse ack) as stated. */
  avvikelse?: Stated;
  /** Forecast deviation for the year. */
  prognos?: Stated;
  /** What the forecast leaves out, e.g. "exkluderande nationella satsningar, corona och andra ersättningar som bokas mot Regionstyrelsen". */
  prognosAvgransning?: string;
  foregaende?: PreviousReport;
  /** The stated change of the deviation against the previous report; positive is förbättring. */
  forandringAvvikelse?: Stated;
  /** The stated change of the forecast against the previous report; positive is förbättring. */
  forandringPrognos?: Stated;
  rader: ReportLine[];
  summor: StatedTotal[];
  justeringar: Adjustment[];
  /** Net deviation after adjustments, as stated. */
  netto?: Stated;
  stafett: AgencyShare[];
  atgarder?: Measures;
  sjukfranvaro?: SickLeave;
  nyckeltal: KeyFigure[];
}

/** Collections of EntityRef: the report's own fields are in "rapport", index 0. */
export const COLLECTION = {
  rapport: "rapport",
  foregaende: "foregaende",
  rader: "rader",
  summor: "summor",
  justeringar: "justeringar",
  stafett: "stafett",
  atgarder: "atgarder",
  sjukfranvaro: "sjukfranvaro",
  nyckeltal: "nyckeltal",
} as const;

export const PREVIOUS_KIND_LABEL: Record<PreviousReportKind, string> = {
  manadsrapport: "månadsrapport",
  tertialrapport: "tertialrapport",
  delarsrapport: "delårsrapport",
};

export const ADJUSTMENT_KINDS: readonly AdjustmentKind[] = ["statsbidrag", "pandemi", "provtagning", "tillganglighet", "sjukloner", "ovrig"];

/** Short Swedish names of the adjustments, as in "Netto inklusive justeringar för …". */
export const ADJUSTMENT_SHORT_NAME: Record<Exclude<AdjustmentKind, "ovrig">, string> = {
  statsbidrag: "nationella satsningar",
  pandemi: "pandemikostnader",
  provtagning: "provtagningar",
  tillganglighet: "tillgänglighet",
  sjukloner: "sjuklönekompensation",
};

export function adjustmentName(a: Pick<Adjustment, "typ" | "benamning">): string {
  return a.typ === "ovrig" ? (a.benamning ?? "övrig justering") : (a.benamning ?? ADJUSTMENT_SHORT_NAME[a.typ]);
}

export function monthName(month: number): string {
  return MONTH_NAMES_SV[month - 1] ?? `månad ${month}`;
}

/** Negative when a is before b. */
export function comparePeriods(a: ReportPeriod, b: ReportPeriod): number {
  return a.year !== b.year ? a.year - b.year : a.month - b.month;
}

/** "augustis tertialrapport", "septembers månadsrapport" */
export function previousReportLabel(p: PreviousReport): string {
  const name = monthName(p.period.month);
  return `${name.endsWith("s") ? name : name + "s"} ${PREVIOUS_KIND_LABEL[p.typ]}`;
}

/** An empty report for a period, to build on. */
export function emptyReport(organisation: string, period: ReportPeriod): MonthlyReport {
  return { organisation, period, rader: [], summor: [], justeringar: [], stafett: [], nyckeltal: [] };
}
