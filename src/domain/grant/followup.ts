/**
 * Follow-up of a grant at a report date: per activity, per purpose and for the
 * grant, what was granted, used to date (ack), is left, is forecast, and what
 * the grant's leftover rule makes of the forecast leftover. Warnings point at
 * the rows they are about.
 */
import { Decimal, ZERO, formatKr, roundExcel, sum } from "../money";
import { IsoDate, MONTH_NAMES_SV, isIsoDate, monthOf, yearOf } from "../period";
import { DomainProblem, EntityRef } from "../problem";
import { ACTIVITY_STATUS_LABEL, COLLECTION, GrantKind, GrantModel, LeftoverRule, keyOf, outcomeYearOf } from "./grant";
import { daysBetween, row } from "./text";

export interface FollowUpOptions {
  /** The day the follow-up is made for. */
  reportDate: IsoDate;
  /**
   * The last month of outcome counted (1–12); the report date's month when
   * absent (12 after the outcome year, 0 before it).
   */
  throughMonth?: number;
  /** Warn when the spend-by date is this many days away or fewer and money is left. 60 by default. */
  nearDays?: number;
}

/**
 * Where a forecast comes from: entered by the user, the run rate of the months
 * so far, or the granted amount when no month has passed yet.
 */
export type ForecastBasis = "inmatad" | "takt" | "beviljat";

/** Figures shared by an activity, a purpose and the whole grant. */
export interface UseFigures {
  granted: Decimal;
  /** Outcome to date. */
  ack: Decimal;
  /** granted − ack; negative when more is used than granted. */
  remaining: Decimal;
  /** ack / granted; absent when nothing is granted. */
  shareUsed?: Decimal;
  /** Forecast use for the outcome year. */
  forecast: Decimal;
  /** Forecast use up to the spend-by date. */
  forecastAtSpendBy: Decimal;
  /** max(0, granted − forecastAtSpendBy) */
  leftoverAtSpendBy: Decimal;
  /** max(0, forecastAtSpendBy − granted) */
  overrun: Decimal;
}

export interface ActivityFollowUp extends UseFigures {
  index: number;
  id: string;
  name: string;
  purposeId: string;
  projectNumber?: string;
  forecastBasis: ForecastBasis;
  /** Swedish: how the forecast was made. */
  forecastExplanation: string;
}

export interface PurposeFollowUp extends UseFigures {
  index: number;
  id: string;
  name: string;
  fixedAmount?: Decimal;
}

/** What the leftover rule makes of the grant's forecast leftover. */
export interface LeftoverOutcome {
  rule: LeftoverRule;
  /** The grant's forecast leftover at the spend-by date: amount − forecast use, not below 0. */
  leftover: Decimal;
  repayment: Decimal;
  keptWithPlan: Decimal;
  carryOver: Decimal;
  /** Riktat: used is income, unused is a liability at the end of the outcome year. Generellt: all income at once. */
  yearEnd: { year: number; kind: GrantKind; income: Decimal; liability: Decimal };
  /** Swedish. */
  explanation: string;
}

export interface GrantFollowUp {
  reportDate: IsoDate;
  outcomeYear: number;
  /** Months of outcome counted: January to this month. */
  throughMonth: number;
  activities: ActivityFollowUp[];
  purposes: PurposeFollowUp[];
  /** For the grant: granted is what the activities were granted; `amount` is the grant itself. */
  totals: UseFigures & { amount: Decimal; notGranted: Decimal; unattributed: Decimal; leftoverOfGrant: Decimal };
  leftover: LeftoverOutcome;
  problems: DomainProblem[];
}

export const DEFAULT_NEAR_DAYS = 60;

const kr = (v: Decimal) => formatKr(v, { decimals: v.isInteger() ? 0 : 2 });
const grantRef = (field: string): EntityRef => ({ collection: COLLECTION.grant, index: 0, field });

function figures(granted: Decimal, ack: Decimal, forecast: Decimal, forecastAtSpendBy: Decimal): UseFigures {
  const diff = granted.minus(forecastAtSpendBy);
  return {
    granted,
    ack,
    remaining: granted.minus(ack),
    shareUsed: granted.gt(0) ? ack.div(granted) : undefined,
    forecast,
    forecastAtSpendBy,
    leftoverAtSpendBy: Decimal.max(ZERO, diff),
    overrun: Decimal.max(ZERO, diff.negated()),
  };
}

function add(parts: readonly UseFigures[], granted?: Decimal): UseFigures {
  const g = granted ?? sum(parts.map((p) => p.granted));
  return figures(g, sum(parts.map((p) => p.ack)), sum(parts.map((p) => p.forecast)), sum(parts.map((p) => p.forecastAtSpendBy)));
}

/** Months from January of the outcome year through the spend-by month (beyond 12 when it is later). */
function monthsToSpendBy(spendBy: IsoDate, outcomeYear: number): number {
  return 12 * (yearOf(spendBy) - outcomeYear) + monthOf(spendBy);
}

/**
 * The follow-up at `options.reportDate`. Outcome in an invalid month, after
 * the counted months or on a project number no activity has is left out of
 * the figures and reported.
 */
export function followUp(model: GrantModel, options: FollowUpOptions): GrantFollowUp {
  const g = model.grant;
  const problems: DomainProblem[] = [];
  const outcomeYear = outcomeYearOf(g);
  const nearDays = options.nearDays ?? DEFAULT_NEAR_DAYS;
  const dateOk = isIsoDate(options.reportDate);
  if (!dateOk) {
    problems.push({ severity: "fel", code: "grant.followup.reportDateInvalid", message: `Rapportdatumet "${options.reportDate}" är inget datum; skriv det som ÅÅÅÅ-MM-DD.`, ref: grantRef("reportDate") });
  }
  let through = options.throughMonth;
  if (through === undefined) {
    if (!dateOk) through = 12; // unknown: count every month rather than report each row as late
    else if (yearOf(options.reportDate) < outcomeYear) through = 0;
    else if (yearOf(options.reportDate) > outcomeYear) through = 12;
    else through = monthOf(options.reportDate);
  } else if (!Number.isInteger(through) || through < 0 || through > 12) {
    problems.push({ severity: "fel", code: "grant.followup.throughMonthInvalid", message: `Uppföljningen till och med månad ${String(through)} går inte; ange en månad 1–12.`, ref: grantRef("throughMonth") });
    through = Math.min(12, Math.max(0, Math.trunc(Number(through) || 0)));
  }
  const spendByOk = isIsoDate(g.spendBy);
  const spendMonths = spendByOk ? monthsToSpendBy(g.spendBy, outcomeYear) : 12;

  // Outcome per project number, with the rows that cannot count.
  const projectOf = new Map<string, number>();
  model.activities.forEach((a, i) => {
    const p = keyOf(a.projectNumber);
    if (p && !projectOf.has(p)) projectOf.set(p, i);
  });
  const ackOf = new Map<number, Decimal>();
  let unattributed = ZERO;
  model.outcomes.forEach((o, i) => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.outcomes, index: i, field });
    if (!Number.isInteger(o.month) || o.month < 1 || o.month > 12) {
      problems.push({ severity: "fel", code: "grant.outcome.monthInvalid", message: `Utfallet på ${row(i)} är bokat på månad ${String(o.month)}; en månad är 1–12.`, ref: ref("month") });
      return;
    }
    if (o.month > (through as number)) {
      problems.push({
        severity: "varning",
        code: "grant.outcome.afterReportMonth",
        message: `Utfallet på ${row(i)} (${kr(o.amount)}) är bokat på ${MONTH_NAMES_SV[o.month - 1]}, efter uppföljningens sista månad ${through ? MONTH_NAMES_SV[(through as number) - 1] : "(ingen månad ännu)"}; det räknas inte med.`,
        ref: ref("month"),
      });
      return;
    }
    const p = keyOf(o.projectNumber);
    if (!p) return; // reported by checkGrantModel
    const ai = projectOf.get(p);
    if (ai === undefined) {
      unattributed = unattributed.plus(o.amount);
      problems.push({
        severity: "varning",
        code: "grant.outcome.unknownProject",
        message: `Utfallet på ${row(i)} (${kr(o.amount)}) är bokat på projektnummer ${o.projectNumber}, som ingen aktivitet har; ange rätt projektnummer eller lägg till aktiviteten.`,
        ref: ref("projectNumber"),
      });
      return;
    }
    ackOf.set(ai, (ackOf.get(ai) ?? ZERO).plus(o.amount));
  });

  const activities: ActivityFollowUp[] = model.activities.map((a, i) => {
    const granted = a.status === "beviljad" ? (a.granted ?? ZERO) : ZERO;
    const ack = ackOf.get(i) ?? ZERO;
    let forecast: Decimal;
    let forecastAtSpendBy: Decimal;
    let basis: ForecastBasis;
    let explanation: string;
    if (a.forecast) {
      forecast = a.forecast;
      forecastAtSpendBy = a.forecast;
      basis = "inmatad";
      explanation = `Inmatad prognos ${kr(a.forecast)}.`;
    } else if (a.status !== "beviljad" && ack.isZero()) {
      forecast = ZERO;
      forecastAtSpendBy = ZERO;
      basis = "beviljat";
      explanation = `Inte beviljad; prognos ${kr(ZERO)}.`;
    } else if (through === 0) {
      forecast = granted;
      forecastAtSpendBy = granted;
      basis = "beviljat";
      explanation = `Ingen månad har gått ännu; prognosen är beviljat belopp ${kr(granted)}.`;
    } else if (ack.isZero()) {
      // Nothing booked yet is no evidence of money left over (a newly granted activity has not started): a run rate of 0 would take its money away.
      forecast = granted;
      forecastAtSpendBy = granted;
      basis = "beviljat";
      explanation = `Inget utfall bokat ännu; prognosen är beviljat belopp ${kr(granted)}. Ange en prognos om aktiviteten inte kommer att använda det.`;
    } else {
      const perMonth = ack.div(through as number);
      forecast = roundExcel(perMonth.times(12), 0);
      forecastAtSpendBy = spendMonths <= (through as number) ? ack : roundExcel(perMonth.times(spendMonths), 0);
      basis = "takt";
      explanation =
        `Takten hittills: ${kr(ack)} på ${through} ${through === 1 ? "månad" : "månader"} × 12 = ${kr(forecast)}, avrundat till hela kronor` +
        (spendMonths !== 12 ? `; till sista användningsdag (${spendMonths <= (through as number) ? "passerad" : `${spendMonths} månader`}) ${kr(forecastAtSpendBy)}.` : ".");
    }
    if (ack.gt(0) && a.status !== "beviljad") {
      problems.push({
        severity: "varning",
        code: "grant.outcome.notGranted",
        message: `Aktiviteten ${a.name} har utfall ${kr(ack)} men status ${ACTIVITY_STATUS_LABEL[a.status] ?? String(a.status)}; inget är beviljat för den.`,
        ref: { collection: COLLECTION.activities, index: i, field: "status" },
      });
    } else if (ack.gt(granted)) {
      problems.push({
        severity: "varning",
        code: "grant.outcome.overGranted",
        message: `Aktiviteten ${a.name} har utfall ${kr(ack)}, ${kr(ack.minus(granted))} mer än beviljade ${kr(granted)}.`,
        ref: { collection: COLLECTION.activities, index: i, field: "granted" },
      });
    } else if (a.status === "beviljad" && forecastAtSpendBy.gt(granted)) {
      problems.push({
        severity: "varning",
        code: "grant.forecast.overGranted",
        message: `Prognosen för ${a.name}, ${kr(forecastAtSpendBy)}, är ${kr(forecastAtSpendBy.minus(granted))} mer än beviljade ${kr(granted)}.`,
        ref: { collection: COLLECTION.activities, index: i, field: a.forecast ? "forecast" : "granted" },
      });
    }
    return {
      index: i,
      id: a.id,
      name: a.name,
      purposeId: a.purposeId,
      projectNumber: a.projectNumber,
      ...figures(granted, ack, forecast, forecastAtSpendBy),
      forecastBasis: basis,
      forecastExplanation: explanation,
    };
  });

  const purposes: PurposeFollowUp[] = g.purposes.map((p, index) => {
    const mine = activities.filter((a) => keyOf(a.purposeId) === keyOf(p.id));
    return { index, id: p.id, name: p.name, fixedAmount: p.fixedAmount, ...add(mine) };
  });

  const byActivities = add(activities);
  const granted = byActivities.granted;
  if (granted.gt(g.amount)) {
    problems.push({
      severity: "fel",
      code: "grant.granted.overGrant",
      message: `Aktiviteterna har beviljats ${kr(granted)}, ${kr(granted.minus(g.amount))} mer än statsbidragets ${kr(g.amount)}.`,
      ref: grantRef("amount"),
    });
  }
  // The grant's own leftover: what it gave minus what is forecast to be used, granted or not.
  const leftoverOfGrant = Decimal.max(ZERO, g.amount.minus(byActivities.forecastAtSpendBy));
  if (byActivities.forecastAtSpendBy.gt(g.amount)) {
    problems.push({
      severity: "varning",
      code: "grant.forecast.overGrant",
      message: `Prognosen för all användning, ${kr(byActivities.forecastAtSpendBy)}, är ${kr(byActivities.forecastAtSpendBy.minus(g.amount))} mer än statsbidragets ${kr(g.amount)}; mellanskillnaden bekostas inte av statsbidraget.`,
      ref: grantRef("amount"),
    });
  }
  const totals = {
    ...byActivities,
    amount: g.amount,
    notGranted: g.amount.minus(granted),
    unattributed,
    leftoverOfGrant,
  };

  // The spend-by date, with money still unused.
  const unused = g.amount.minus(byActivities.ack);
  if (dateOk && spendByOk && unused.gt(0)) {
    const days = daysBetween(options.reportDate, g.spendBy);
    if (days < 0) {
      problems.push({
        severity: "varning",
        code: "grant.spendBy.passed",
        message: `Sista dag att använda medlen, ${g.spendBy}, passerades för ${-days} ${days === -1 ? "dag" : "dagar"} sedan, och ${kr(unused)} av ${kr(g.amount)} är inte använt.`,
        ref: grantRef("spendBy"),
      });
    } else if (days <= nearDays) {
      problems.push({
        severity: "varning",
        code: "grant.spendBy.near",
        message: `Sista dag att använda medlen, ${g.spendBy}, är om ${days} ${days === 1 ? "dag" : "dagar"}, och ${kr(unused)} av ${kr(g.amount)} är ännu inte använt (prognos: ${kr(leftoverOfGrant)} blir över).`,
        ref: grantRef("spendBy"),
      });
    }
  }

  return {
    reportDate: options.reportDate,
    outcomeYear,
    throughMonth: through as number,
    activities,
    purposes,
    totals,
    leftover: leftoverOutcome(model, byActivities.forecast, leftoverOfGrant),
    problems,
  };
}

/** What the rule and the kind make of a forecast leftover. */
function leftoverOutcome(model: GrantModel, forecastYear: Decimal, leftover: Decimal): LeftoverOutcome {
  const g = model.grant;
  const year = outcomeYearOf(g);
  const used = Decimal.min(g.amount, forecastYear);
  const yearEnd =
    g.kind === "riktat"
      ? { year, kind: g.kind, income: used, liability: g.amount.minus(used) }
      : { year, kind: g.kind, income: g.amount, liability: ZERO };
  const to = g.deadlines.find((d) => d.kind === "aterbetalning");
  let explanation: string;
  if (leftover.isZero()) {
    explanation = "Enligt prognosen används hela statsbidraget; inget blir över.";
  } else if (g.leftoverRule === "aterbetala") {
    explanation = `Enligt prognosen blir ${kr(leftover)} över och ska återbetalas${to ? ` till ${to.to} (redovisning senast ${to.due})` : ""}.`;
  } else if (g.leftoverRule === "behall_med_plan") {
    explanation = `Enligt prognosen blir ${kr(leftover)} över; det får behållas om det finns en plan för användningen.`;
  } else {
    explanation = `Enligt prognosen blir ${kr(leftover)} över och förs över till kommande period.`;
  }
  const structure =
    g.kind === "riktat"
      ? ` Statsbidraget är riktat: vid årsskiftet ${year} redovisas ${kr(yearEnd.income)} som intäkt och ${kr(yearEnd.liability)} som skuld för ej använda medel.`
      : ` Statsbidraget är generellt och hela beloppet, ${kr(g.amount)}, är intäkt när det tas emot.`;
  return {
    rule: g.leftoverRule,
    leftover,
    repayment: g.leftoverRule === "aterbetala" ? leftover : ZERO,
    keptWithPlan: g.leftoverRule === "behall_med_plan" ? leftover : ZERO,
    carryOver: g.leftoverRule === "overfor" ? leftover : ZERO,
    yearEnd,
    explanation: explanation + structure,
  };
}
