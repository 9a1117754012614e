/**
 * Stimulansmedel and statsbidrag: a grant under an agreement (överenskommelse),
 * the purposes (syften) it may be spent on, the proposals (aktiviteter) that
 * ask for part of it, and the monthly outcome (utfall) booked on their project
 * numbers. Plain data with Decimal amounts in kronor; the rules that allocate,
 * follow up and report on it are pure functions in the sibling files.
 */
import { Decimal, Parsed, UNIT_FACTOR, Unit, parseQuantity } from "../money";
import { IsoDate } from "../period";
import { EntityRef } from "../problem";

/** What happens to money not used by the spend-by date. */
export type LeftoverRule = "aterbetala" | "behall_med_plan" | "overfor";
export const LEFTOVER_RULES: readonly LeftoverRule[] = ["aterbetala", "behall_med_plan", "overfor"];
export const LEFTOVER_RULE_LABEL: Record<LeftoverRule, string> = {
  aterbetala: "återbetala",
  behall_med_plan: "behåll med plan",
  overfor: "överför",
};

/**
 * Generellt: no conditions, income at once. Riktat: conditions (villkor,
 * återbetalningskrav), so income as it is used and the unused part is a
 * liability at year end.
 */
export type GrantKind = "generellt" | "riktat";
export const GRANT_KINDS: readonly GrantKind[] = ["generellt", "riktat"];

export type ActivityStatus = "forslag" | "beviljad" | "avslagen" | "vantelista";
export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ["forslag", "beviljad", "avslagen", "vantelista"];
export const ACTIVITY_STATUS_LABEL: Record<ActivityStatus, string> = {
  forslag: "förslag",
  beviljad: "beviljad",
  avslagen: "avslagen",
  vantelista: "väntelista",
};

export type DeadlineKind = "aterredovisning" | "rekvisition" | "aterbetalning" | "uppfoljning";
export const DEADLINE_KINDS: readonly DeadlineKind[] = ["aterredovisning", "rekvisition", "aterbetalning", "uppfoljning"];
export const DEADLINE_KIND_LABEL: Record<DeadlineKind, string> = {
  aterredovisning: "återredovisning",
  rekvisition: "rekvisition",
  aterbetalning: "redovisning av återbetalning",
  uppfoljning: "uppföljningsrapport",
};

/** The source marking a figure that no document states, invented for an example. */
export const INVENTED = "påhittad för exemplet";

/** Where a grant's figures come from: "RS/176/2016" of 2016-11-28. */
export interface SourceRef {
  document: string;
  date?: IsoDate;
}

/**
 * A total as the document states it. "6,2 miljoner kronor" has the value
 * 6 200 000 kr and the step 100 000 kr: the exact figure lies within half a
 * step of it, and a check must allow that, not more.
 */
export interface StatedAmount {
  text: string;
  value: Decimal;
  step: Decimal;
  /** The unit it was stated in: mkr for "6,2 miljoner kronor". */
  unit: Unit;
}

export interface Purpose {
  id: string;
  name: string;
  /** A fixed amount decided for the purpose, if any. */
  fixedAmount?: Decimal;
  source?: string;
}

/** A decision such as "HSN 2020-04-02 § 26". */
export interface Decision {
  /** "Hälso- och sjukvårdsnämnden" */
  organ: string;
  date: IsoDate;
  /** As the document writes a meeting over two days: "2016-05-24—25". */
  dateText?: string;
  /** "§ 26" */
  paragraph?: string;
  /** What was decided, as a verb phrase: "godkände SVOM:s förslag till användning". */
  what?: string;
}

export interface Deadline {
  kind: DeadlineKind;
  /** To whom: "SVOM", "Kammarkollegiet", "Regionstyrelsen". */
  to: string;
  /** The due date; with precision "manad" only its month counts ("oktober 2020"). */
  due: IsoDate;
  precision: "dag" | "manad";
  /** As the document states a vaguer time, with its preposition: "under hösten 2016". */
  dueText?: string;
  /** The day it was done, if it was. */
  done?: IsoDate;
  source?: string;
}

export interface Grant {
  id: string;
  name: string;
  /** The year the grant is for. */
  year: number;
  /**
   * The year whose monthly outcome is followed, when the money is used in a
   * later year than it was granted for (kept with a plan); the grant's year
   * otherwise.
   */
  outcomeYear?: number;
  /** Who received it, as the text names it: "länet", "Region Jämtland Härjedalen". */
  recipient: string;
  /** The exact amount in kronor. */
  amount: Decimal;
  /** The total as the document states it, when it states a rounded one. */
  statedAmount?: StatedAmount;
  /** The överenskommelse, as the text names it. */
  agreement: string;
  source: SourceRef;
  decision?: Decision;
  purposes: Purpose[];
  /** The last day the money may be used. */
  spendBy: IsoDate;
  leftoverRule: LeftoverRule;
  kind: GrantKind;
  deadlines: Deadline[];
  /** A field's own source when it is not `source`, e.g. { spendBy: INVENTED }. */
  fieldSources?: Record<string, string>;
}

export interface Activity {
  id: string;
  name: string;
  /** Område: the part of the organisation that runs it. */
  area: string;
  purposeId: string;
  /** Ansökt belopp. */
  asked: Decimal;
  /** 1 is first. Needed by the rank rule only. */
  rank?: number;
  status: ActivityStatus;
  /** Beviljat belopp. */
  granted?: Decimal;
  /** The project number the outcome is booked on. */
  projectNumber?: string;
  /** Ansvarig. */
  owner?: string;
  /** Named numeric columns for proportional rules: { "Invånare": 45 230, "ÅA": 12,5 }. */
  keys?: Record<string, Decimal>;
  /**
   * Entered forecast: the use expected up to the spend-by date. When absent,
   * the follow-up uses the run rate of the months so far.
   */
  forecast?: Decimal;
  source?: string;
}

/** Outcome booked on a project number in one month of the outcome year. */
export interface Outcome {
  projectNumber: string;
  /** 1–12 */
  month: number;
  amount: Decimal;
  source?: string;
}

export interface GrantModel {
  grant: Grant;
  activities: Activity[];
  outcomes: Outcome[];
}

/** The collections an EntityRef names; the workbook layer maps each to a table. */
export const COLLECTION = {
  grant: "grant",
  purposes: "purposes",
  activities: "activities",
  outcomes: "outcomes",
  deadlines: "deadlines",
} as const;

/**
 * Not a problem, but a fact the user should see: a stated total that is a
 * rounding of the exact one, a split that uses the whole grant.
 */
export interface GrantNote {
  code: string;
  message: string;
  ref?: EntityRef;
}

// ---------- Reading the words people type ----------

const norm = (s: string) => s.trim().toLocaleLowerCase("sv-SE").replace(/\s+/g, " ");

const LEFTOVER_ALIASES: Record<string, LeftoverRule> = {
  aterbetala: "aterbetala",
  återbetala: "aterbetala",
  återbetalas: "aterbetala",
  återbetalning: "aterbetala",
  behall_med_plan: "behall_med_plan",
  "behåll med plan": "behall_med_plan",
  "behålls med plan": "behall_med_plan",
  "behåll enligt plan": "behall_med_plan",
  overfor: "overfor",
  överför: "overfor",
  överförs: "overfor",
  överföring: "overfor",
};

const STATUS_ALIASES: Record<string, ActivityStatus> = {
  forslag: "forslag",
  förslag: "forslag",
  beviljad: "beviljad",
  beviljat: "beviljad",
  avslagen: "avslagen",
  avslag: "avslagen",
  avslaget: "avslagen",
  vantelista: "vantelista",
  väntelista: "vantelista",
  "på väntelista": "vantelista",
};

const KIND_ALIASES: Record<string, GrantKind> = {
  generellt: "generellt",
  generell: "generellt",
  "generellt statsbidrag": "generellt",
  riktat: "riktat",
  riktad: "riktat",
  "riktat statsbidrag": "riktat",
};

const DEADLINE_ALIASES: Record<string, DeadlineKind> = {
  aterredovisning: "aterredovisning",
  återredovisning: "aterredovisning",
  rekvisition: "rekvisition",
  aterbetalning: "aterbetalning",
  återbetalning: "aterbetalning",
  "redovisning av återbetalning": "aterbetalning",
  uppfoljning: "uppfoljning",
  uppföljning: "uppfoljning",
  uppföljningsrapport: "uppfoljning",
};

/** "Behåll med plan" → behall_med_plan; undefined for anything else. */
export function parseLeftoverRule(input: unknown): LeftoverRule | undefined {
  return typeof input === "string" ? LEFTOVER_ALIASES[norm(input)] : undefined;
}

/** "Väntelista" → vantelista. */
export function parseActivityStatus(input: unknown): ActivityStatus | undefined {
  return typeof input === "string" ? STATUS_ALIASES[norm(input)] : undefined;
}

/** "Riktat" → riktat. */
export function parseGrantKind(input: unknown): GrantKind | undefined {
  return typeof input === "string" ? KIND_ALIASES[norm(input)] : undefined;
}

/** "Återredovisning" → aterredovisning. */
export function parseDeadlineKind(input: unknown): DeadlineKind | undefined {
  return typeof input === "string" ? DEADLINE_ALIASES[norm(input)] : undefined;
}

const LEADING_NUMBER = /^\s*[-\u2212\u2013+]?\s*(?:\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)(?:[,.](\d+))?/;

/**
 * A total as stated, keeping its step. money.ts parses the value but does not
 * keep how many digits were stated, which a rounding check needs.
 */
export function parseStatedAmount(text: string): Parsed<StatedAmount> {
  const q = parseQuantity(text);
  if (!q.ok) return { ok: false, reason: `${q.reason}; skriv t.ex. 6,2 miljoner kronor` };
  if (q.value.kind === "percent") return { ok: false, reason: "en procentsats är inget belopp" };
  const unit: Unit = q.value.kind === "amount" ? q.value.unit : "kr";
  const value = q.value.kind === "amount" ? q.value.kronor : q.value.value;
  const m = LEADING_NUMBER.exec(text);
  const decimals = m && m[1] !== undefined ? m[1].length : 0;
  return { ok: true, value: { text: text.trim(), value, step: UNIT_FACTOR[unit].times(new Decimal(10).pow(-decimals)), unit } };
}

/** The year whose months the outcome is booked in. */
export function outcomeYearOf(grant: Grant): number {
  return grant.outcomeYear ?? grant.year;
}

/** Case- and space-insensitive key for areas, ids and project numbers. */
export function keyOf(text: string | undefined): string {
  return (text ?? "").trim().toLocaleUpperCase("sv-SE").replace(/\s+/g, " ");
}
