/**
 * Avstämning: every total a report states is kept as stated and recomputed
 * from its parts. A difference is listed with its amount, its place and the
 * figures it came from; a figure that does not add up is flagged, never
 * corrected.
 *
 * Rounding tolerance. A figure stated to a step s (0,1 Mkr for "−119,3 Mkr")
 * stands for some exact value within s/2 of it (Excel's ROUND, half away from
 * zero, can land exactly on s/2, so the bound is inclusive). A stated total T
 * and stated parts P1…Pn therefore agree "within rounding" when some exact
 * values within those bounds satisfy the relation exactly. For a sum that is
 *   |T − ΣPi| ≤ sT/2 + Σ si/2,
 * half a unit of the last stated digit per rounded figure, summed; an exact
 * figure (ledger kronor, step 0) adds nothing. For a share a/b the stated
 * share's interval must meet the interval a/b sweeps over its bounds. The
 * check reports the exact difference (stated − recomputed) beside the
 * tolerance, so a reader sees both.
 */
import { Decimal, ZERO, sum } from "../money";
import { DomainProblem, EntityRef } from "../problem";
import { findAdjustmentConventions, ConventionCandidate } from "./conventions";
import {
  COLLECTION,
  LineKind,
  MonthlyReport,
  ReportLine,
  Stated,
  TotalDimension,
  adjustmentName,
  monthName,
  previousReportLabel,
} from "./report";
import { formatCount, formatExactAmount, formatPoints, formatShare, halfStep } from "./stated";
import { isUsable, validateReport } from "./validate";

/** How a check's figures are read and written: an avvikelse is written with its sign ("+3,6 Mkr"), as the papers do. */
export type CheckQuantity = "avvikelse" | "belopp" | "forandring" | "andel" | "procentenheter" | "antal";

/** The paragraph of the report text a check belongs to. */
export type CheckTopic = "rader" | "avvikelse" | "prognos" | "netto" | "stafett" | "sjukfranvaro" | "nyckeltal";

export interface CheckTerm {
  /** Swedish, e.g. "Avvikelsen ack" or "Primärvård, Personal". */
  label: string;
  value: Decimal;
  /** +1 or −1 in a sum; in a share, +1 for the numerator and −1 for the denominator. */
  coefficient: 1 | -1;
  /** How far the exact value can lie from `value`: half its step, or the summed half steps of a figure computed from rounded ones. */
  uncertainty: Decimal;
  ref?: EntityRef;
}

export interface Check {
  /** Stable code, shared with the problem raised when it does not add up. */
  code: string;
  topic: CheckTopic;
  /** Swedish: what is checked, e.g. "Avvikelsen netto efter justeringar". */
  label: string;
  quantity: CheckQuantity;
  relation: "summa" | "kvot";
  /** The place of the stated figure. */
  ref: EntityRef;
  stated: Decimal;
  statedStep: Decimal;
  recomputed: Decimal;
  /** Stated − recomputed, exactly. */
  difference: Decimal;
  /** The largest difference rounding of the stated figures can explain, on the side of the difference. */
  tolerance: Decimal;
  exact: boolean;
  withinRounding: boolean;
  terms: CheckTerm[];
  /** Unit word for counts ("timmar"). */
  unit?: string;
}

/** A figure the text uses, and whether it was only implied by others. */
export interface Derived {
  value: Decimal;
  /** True when the document does not state it and it follows from figures that it does. */
  implied: boolean;
}

export interface GroupDeviation {
  namn: string;
  avvikelse: Decimal;
  /** The kind of the group's lines, when they all agree. */
  slag?: LineKind;
}

/** The figures the report text uses: recomputed from the parts when the parts are there. */
export interface ReportFigures {
  /** Deviation to date: the sum of the lines when there are lines, else as stated. */
  avvikelse?: Derived;
  foregaendeAvvikelse?: Derived;
  /** Change against the previous report; positive is förbättring. */
  forandringAvvikelse?: Derived;
  prognos?: Derived;
  foregaendePrognos?: Derived;
  forandringPrognos?: Derived;
  /** Net deviation after the adjustments with their signs. */
  netto?: Derived;
  perKostnadsslag: GroupDeviation[];
  perOmrade: GroupDeviation[];
  stafett: { yrke: string; andel: Derived }[];
  atgarder?: { utfall: Decimal; forvantat: Decimal; avvikelse: Decimal; uppfyllnad?: Decimal };
  sjukfranvaro?: { andel: Decimal; forandring?: Derived; andelJamforelse?: Derived; jamforelseAr: number };
}

export interface ReportResult {
  figures: ReportFigures;
  /** Every reconciliation made, whether it adds up or not. */
  checks: Check[];
  /** Input problems, then a warning for each check beyond rounding. */
  problems: DomainProblem[];
  /** When the net does not add up: the sign conventions that come nearest. */
  nettoKonventioner?: ConventionCandidate[];
}

const ref = (collection: string, index: number, field?: string): EntityRef => ({ collection, index, field });
const rap = (field: string) => ref(COLLECTION.rapport, 0, field);

/** Deviation of a line under the board's sign convention: negative is worse. */
export function lineDeviation(line: Pick<ReportLine, "slag" | "budget" | "utfall">): Decimal {
  return line.slag === "intakt" ? line.utfall.value.minus(line.budget.value) : line.budget.value.minus(line.utfall.value);
}

function stateTerm(label: string, s: Stated, coefficient: 1 | -1, r?: EntityRef): CheckTerm {
  return { label, value: s.value, coefficient, uncertainty: halfStep(s), ref: r };
}

interface CheckSpec {
  code: string;
  topic: CheckTopic;
  label: string;
  quantity: CheckQuantity;
  ref: EntityRef;
  stated: Stated;
  terms: CheckTerm[];
  unit?: string;
}

/** stated = Σ coefficient·term, within the summed half steps. */
export function sumCheck(spec: CheckSpec): Check {
  const recomputed = sum(spec.terms.map((t) => t.value.times(t.coefficient)));
  const difference = spec.stated.value.minus(recomputed);
  const tolerance = halfStep(spec.stated).plus(sum(spec.terms.map((t) => t.uncertainty)));
  return {
    code: spec.code,
    topic: spec.topic,
    label: spec.label,
    quantity: spec.quantity,
    relation: "summa",
    ref: spec.ref,
    stated: spec.stated.value,
    statedStep: spec.stated.step,
    recomputed,
    difference,
    tolerance,
    exact: difference.isZero(),
    withinRounding: difference.abs().lte(tolerance),
    terms: spec.terms,
    unit: spec.unit,
  };
}

/**
 * stated = numerator / denominator, where each lies within its uncertainty:
 * the recomputed share sweeps [lo, hi] and the stated one [S − s/2, S + s/2].
 */
export function ratioCheck(spec: Omit<CheckSpec, "terms"> & { numerator: CheckTerm; denominator: CheckTerm }): Check {
  const a = spec.numerator;
  const b = spec.denominator;
  const recomputed = a.value.div(b.value);
  const difference = spec.stated.value.minus(recomputed);
  const bLo = b.value.minus(b.uncertainty);
  const aLo = Decimal.max(ZERO, a.value.minus(a.uncertainty));
  const aHi = a.value.plus(a.uncertainty);
  const hi = bLo.gt(0) ? aHi.div(bLo) : new Decimal(Infinity);
  const lo = aLo.div(b.value.plus(b.uncertainty));
  const side = difference.isNeg() ? recomputed.minus(lo) : hi.minus(recomputed);
  const tolerance = side.plus(halfStep(spec.stated));
  return {
    code: spec.code,
    topic: spec.topic,
    label: spec.label,
    quantity: spec.quantity,
    relation: "kvot",
    ref: spec.ref,
    stated: spec.stated.value,
    statedStep: spec.stated.step,
    recomputed,
    difference,
    tolerance,
    exact: difference.isZero(),
    withinRounding: difference.abs().lte(tolerance),
    terms: [a, { ...b, coefficient: -1 }],
  };
}

// ---------- Messages ----------

/** A figure of a check, the way the papers would write it. */
export function formatCheckValue(check: Pick<Check, "quantity" | "unit">, value: Decimal, opts: { signed?: boolean } = {}): string {
  switch (check.quantity) {
    case "avvikelse":
      return formatExactAmount(value, { signed: true });
    case "belopp":
      return formatExactAmount(value, opts);
    case "forandring":
      if (value.isZero()) return "oförändrat";
      return `${value.isNeg() ? "försämring" : "förbättring"} med ${formatExactAmount(value.abs())}`;
    case "andel":
      return formatShare(value, opts);
    case "procentenheter":
      return formatPoints(value, opts);
    case "antal":
      return formatCount(value, check.unit, opts);
  }
}

const MAX_TERMS_SHOWN = 6;

/** "−131,6 Mkr + 54,9 Mkr + …", or "summan av 12 rader". */
export function describeTerms(check: Check): string {
  const plain = check.quantity === "forandring" || check.quantity === "avvikelse" ? "belopp" : check.quantity;
  const fmt = (v: Decimal) => formatCheckValue({ quantity: plain, unit: check.unit }, v);
  if (check.relation === "kvot") return `${fmt(check.terms[0].value)} / ${fmt(check.terms[1].value)}`;
  if (check.terms.length > MAX_TERMS_SHOWN) return `summan av ${check.terms.length} delar`;
  return check.terms
    .map((t, i) => {
      const v = t.value.times(t.coefficient);
      if (i === 0) return fmt(v);
      return v.isNeg() ? `− ${fmt(v.abs())}` : `+ ${fmt(v)}`;
    })
    .join(" ");
}

function discrepancy(check: Check): DomainProblem {
  const fmt = (v: Decimal, signed = false) => formatCheckValue(check, v, { signed });
  const asAmount = check.quantity === "forandring" || check.quantity === "avvikelse";
  const diff = asAmount ? formatExactAmount(check.difference, { signed: true }) : fmt(check.difference, true);
  const tol = asAmount ? formatExactAmount(check.tolerance) : fmt(check.tolerance);
  return {
    severity: "varning",
    code: check.code,
    message: `${check.label}: rapporten anger ${fmt(check.stated)}, men ${describeTerms(check)} ger ${fmt(check.recomputed)}. Skillnaden ${diff} är större än avrundningen av de angivna talen förklarar (högst ${tol}).`,
    ref: check.ref,
  };
}

// ---------- The reconciliation ----------

function groupBy(lines: readonly ReportLine[], dim: TotalDimension): GroupDeviation[] {
  const groups = new Map<string, { namn: string; avvikelse: Decimal; kinds: Set<LineKind> }>();
  for (const l of lines) {
    const k = l[dim].trim().toLocaleUpperCase("sv-SE");
    const g = groups.get(k) ?? { namn: l[dim].trim(), avvikelse: ZERO, kinds: new Set<LineKind>() };
    g.avvikelse = g.avvikelse.plus(lineDeviation(l));
    g.kinds.add(l.slag);
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => ({ namn: g.namn, avvikelse: g.avvikelse, slag: g.kinds.size === 1 ? [...g.kinds][0] : undefined }));
}

/** The deviation of a line as a term of a sum: as stated if stated, else from budget and utfall. */
function lineTerm(l: ReportLine, i: number): CheckTerm {
  const label = `${l.omrade}, ${l.kostnadsslag}`;
  if (isUsable(l.avvikelse)) return stateTerm(label, l.avvikelse, 1, ref(COLLECTION.rader, i, "avvikelse"));
  return { label, value: lineDeviation(l), coefficient: 1, uncertainty: halfStep(l.budget).plus(halfStep(l.utfall)), ref: ref(COLLECTION.rader, i) };
}

/**
 * Recomputes every figure of the report from its parts and checks it against
 * what the report states. Input problems come first; a check is made only
 * where all its figures are usable.
 */
export function reconcileReport(report: MonthlyReport): ReportResult {
  const problems = validateReport(report);
  const broken = new Set(problems.filter((p) => p.severity === "fel" && p.ref).map((p) => `${p.ref!.collection}/${p.ref!.index}`));
  const checks: Check[] = [];
  const period = `${monthName(report.period?.month)} ${report.period?.year}`;

  // Lines: each stated deviation against its budget and utfall.
  const lines = report.rader.filter((_, i) => !broken.has(`${COLLECTION.rader}/${i}`));
  const lineIndex = new Map(lines.map((l) => [l, report.rader.indexOf(l)]));
  for (const l of lines) {
    const i = lineIndex.get(l)!;
    if (!isUsable(l.avvikelse)) continue;
    const intakt = l.slag === "intakt";
    checks.push(
      sumCheck({
        code: "report.reconcile.lineDeviation",
        topic: "rader",
        label: `Avvikelsen för ${l.omrade}, ${l.kostnadsslag}`,
        quantity: "avvikelse",
        ref: ref(COLLECTION.rader, i, "avvikelse"),
        stated: l.avvikelse,
        terms: [
          stateTerm(intakt ? "Utfall" : "Budget", intakt ? l.utfall : l.budget, 1, ref(COLLECTION.rader, i, intakt ? "utfall" : "budget")),
          stateTerm(intakt ? "Budget" : "Utfall", intakt ? l.budget : l.utfall, -1, ref(COLLECTION.rader, i, intakt ? "budget" : "utfall")),
        ],
      }),
    );
  }

  // Stated totals per area and cost type against their lines.
  report.summor.forEach((t, i) => {
    if (broken.has(`${COLLECTION.summor}/${i}`) || !isUsable(t.avvikelse)) return;
    const parts = lines.filter((l) => l[t.dimension].trim().toLocaleUpperCase("sv-SE") === t.namn.trim().toLocaleUpperCase("sv-SE"));
    if (parts.length === 0) return;
    checks.push(
      sumCheck({
        code: t.dimension === "omrade" ? "report.reconcile.areaTotal" : "report.reconcile.costTypeTotal",
        topic: "rader",
        label: `Avvikelsen för ${t.dimension === "omrade" ? "området" : "kostnadsslaget"} ${t.namn}`,
        quantity: "avvikelse",
        ref: ref(COLLECTION.summor, i, "avvikelse"),
        stated: t.avvikelse,
        terms: parts.map((l) => lineTerm(l, lineIndex.get(l)!)),
      }),
    );
  });

  // The deviation to date: all lines (their stated deviations where stated) against the stated total.
  // The figures the text uses are recomputed from budget and utfall; a line's own check flags a stated line that differs.
  const allLinesUsable = report.rader.length > 0 && lines.length === report.rader.length;
  const linesTotal = allLinesUsable ? sum(lines.map(lineDeviation)) : undefined;
  if (allLinesUsable && isUsable(report.avvikelse)) {
    checks.push(
      sumCheck({
        code: "report.reconcile.totalDeviation",
        topic: "avvikelse",
        label: `Avvikelsen ack ${period}`,
        quantity: "avvikelse",
        ref: rap("avvikelse"),
        stated: report.avvikelse,
        terms: lines.map((l) => lineTerm(l, lineIndex.get(l)!)),
      }),
    );
  }
  if (allLinesUsable && isUsable(report.prognos) && lines.every((l) => isUsable(l.prognos))) {
    checks.push(
      sumCheck({
        code: "report.reconcile.totalForecast",
        topic: "prognos",
        label: "Prognosen för helåret",
        quantity: "avvikelse",
        ref: rap("prognos"),
        stated: report.prognos,
        terms: lines.map((l) => stateTerm(`${l.omrade}, ${l.kostnadsslag}`, l.prognos!, 1, ref(COLLECTION.rader, lineIndex.get(l)!, "prognos"))),
      }),
    );
  }

  const figures: ReportFigures = {
    perKostnadsslag: groupBy(lines, "kostnadsslag"),
    perOmrade: groupBy(lines, "omrade"),
    stafett: [],
  };
  const avvikelseStated = isUsable(report.avvikelse) ? report.avvikelse : undefined;
  if (linesTotal !== undefined) figures.avvikelse = { value: linesTotal, implied: avvikelseStated === undefined };
  else if (avvikelseStated) figures.avvikelse = { value: avvikelseStated.value, implied: false };

  // Change against the previous report, of the deviation and of the forecast.
  const prev = broken.has(`${COLLECTION.foregaende}/0`) ? undefined : report.foregaende;
  const prevLabel = prev ? previousReportLabel(prev) : "";
  const changeOf = (
    which: "avvikelse" | "prognos",
    current: Stated | undefined,
    currentFigure: Derived | undefined,
    previous: Stated | undefined,
    change: Stated | undefined,
  ): { previous?: Derived; change?: Derived } => {
    const out: { previous?: Derived; change?: Derived } = {};
    const field = which === "avvikelse" ? "forandringAvvikelse" : "forandringPrognos";
    if (isUsable(previous)) out.previous = { value: previous.value, implied: false };
    if (current && isUsable(previous) && isUsable(change)) {
      checks.push(
        sumCheck({
          code: which === "avvikelse" ? "report.reconcile.deviationChange" : "report.reconcile.forecastChange",
          topic: which,
          label: `Förändringen av ${which === "avvikelse" ? "avvikelsen" : "prognosen"} mot ${prevLabel}`,
          quantity: "forandring",
          ref: rap(field),
          stated: change,
          terms: [
            stateTerm(which === "avvikelse" ? `Avvikelsen ack ${period}` : "Prognosen", current, 1, rap(which)),
            stateTerm(`${which === "avvikelse" ? "Avvikelsen" : "Prognosen"} i ${prevLabel}`, previous, -1, ref(COLLECTION.foregaende, 0, which)),
          ],
        }),
      );
    }
    if (currentFigure && isUsable(previous)) {
      out.change = { value: currentFigure.value.minus(previous.value), implied: !isUsable(change) };
    } else if (isUsable(change)) {
      out.change = { value: change.value, implied: false };
      if (currentFigure) out.previous = { value: currentFigure.value.minus(change.value), implied: true };
    }
    return out;
  };
  if (prev) {
    const a = changeOf("avvikelse", avvikelseStated, figures.avvikelse, prev.avvikelse, report.forandringAvvikelse);
    figures.foregaendeAvvikelse = a.previous;
    figures.forandringAvvikelse = a.change;
  }
  const prognosStated = isUsable(report.prognos) ? report.prognos : undefined;
  if (prognosStated) figures.prognos = { value: prognosStated.value, implied: false };
  if (prev) {
    const p = changeOf("prognos", prognosStated, figures.prognos, prev.prognos, report.forandringPrognos);
    figures.foregaendePrognos = p.previous;
    figures.forandringPrognos = p.change;
  }

  // Net deviation: the gross deviation plus each adjustment with its sign.
  const adjustments = report.justeringar.filter((_, i) => !broken.has(`${COLLECTION.justeringar}/${i}`));
  let nettoKonventioner: ConventionCandidate[] | undefined;
  if (figures.avvikelse && adjustments.length === report.justeringar.length && adjustments.length > 0) {
    const grossTerm: CheckTerm = avvikelseStated
      ? stateTerm(`Avvikelsen ack ${period}`, avvikelseStated, 1, rap("avvikelse"))
      : { label: `Avvikelsen ack ${period}`, value: figures.avvikelse.value, coefficient: 1, uncertainty: sum(lines.map((l) => halfStep(l.budget).plus(halfStep(l.utfall)))) };
    const terms = [grossTerm];
    report.justeringar.forEach((a, i) => {
      if (a.tecken !== 0) terms.push(stateTerm(adjustmentName(a), a.belopp, a.tecken, ref(COLLECTION.justeringar, i, "belopp")));
    });
    const recomputed = sum(terms.map((t) => t.value.times(t.coefficient)));
    figures.netto = { value: recomputed, implied: !isUsable(report.netto) };
    if (isUsable(report.netto)) {
      const check = sumCheck({
        code: "report.reconcile.net",
        topic: "netto",
        label: "Avvikelsen netto efter justeringar",
        quantity: "avvikelse",
        ref: rap("netto"),
        stated: report.netto,
        terms,
      });
      checks.push(check);
      if (!check.withinRounding && avvikelseStated) {
        nettoKonventioner = findAdjustmentConventions(avvikelseStated, report.justeringar, report.netto);
      }
    }
  }

  // Agency staff share from its two amounts.
  report.stafett.forEach((s, i) => {
    if (broken.has(`${COLLECTION.stafett}/${i}`) || !isUsable(s.andel)) return;
    const canRecompute = isUsable(s.stafettkostnad) && isUsable(s.kostnadEgenPersonal);
    if (canRecompute) {
      const check = ratioCheck({
        code: "report.reconcile.agencyShare",
        topic: "stafett",
        label: `Stafettandelen för ${s.yrke}`,
        quantity: "andel",
        ref: ref(COLLECTION.stafett, i, "andel"),
        stated: s.andel,
        numerator: stateTerm("Stafettkostnad", s.stafettkostnad!, 1, ref(COLLECTION.stafett, i, "stafettkostnad")),
        denominator: stateTerm("Kostnad egen personal", s.kostnadEgenPersonal!, 1, ref(COLLECTION.stafett, i, "kostnadEgenPersonal")),
      });
      checks.push(check);
      figures.stafett.push({ yrke: s.yrke, andel: { value: check.recomputed, implied: false } });
    } else {
      figures.stafett.push({ yrke: s.yrke, andel: { value: s.andel.value, implied: false } });
    }
  });

  // Measures: outcome against expected.
  const m = report.atgarder;
  if (m && isUsable(m.utfall) && isUsable(m.forvantat) && !broken.has(`${COLLECTION.atgarder}/0`)) {
    figures.atgarder = {
      utfall: m.utfall.value,
      forvantat: m.forvantat.value,
      avvikelse: m.utfall.value.minus(m.forvantat.value),
      uppfyllnad: m.forvantat.value.gt(0) ? m.utfall.value.div(m.forvantat.value) : undefined,
    };
  }

  // Sick leave: the change in percentage points against the two shares.
  const sl = report.sjukfranvaro;
  if (sl && isUsable(sl.andel) && !broken.has(`${COLLECTION.sjukfranvaro}/0`)) {
    const jamforelseAr = sl.jamforelseAr ?? report.period.year - 1;
    const out: NonNullable<ReportFigures["sjukfranvaro"]> = { andel: sl.andel.value, jamforelseAr };
    if (isUsable(sl.andelJamforelse)) {
      out.andelJamforelse = { value: sl.andelJamforelse.value, implied: false };
      out.forandring = { value: sl.andel.value.minus(sl.andelJamforelse.value), implied: !isUsable(sl.forandring) };
      if (isUsable(sl.forandring)) {
        checks.push(
          sumCheck({
            code: "report.reconcile.sickLeaveChange",
            topic: "sjukfranvaro",
            label: `Sjukfrånvarons förändring mot ${jamforelseAr}`,
            quantity: "procentenheter",
            ref: ref(COLLECTION.sjukfranvaro, 0, "forandring"),
            stated: sl.forandring,
            terms: [
              stateTerm(`Sjukfrånvaron ${report.period.year}`, sl.andel, 1, ref(COLLECTION.sjukfranvaro, 0, "andel")),
              stateTerm(`Sjukfrånvaron ${jamforelseAr}`, sl.andelJamforelse, -1, ref(COLLECTION.sjukfranvaro, 0, "andelJamforelse")),
            ],
          }),
        );
      }
    } else if (isUsable(sl.forandring)) {
      out.forandring = { value: sl.forandring.value, implied: false };
      out.andelJamforelse = { value: sl.andel.value.minus(sl.forandring.value), implied: true };
    }
    figures.sjukfranvaro = out;
  }

  // Key figures: the change against this year's and the compared value.
  report.nyckeltal.forEach((k, i) => {
    if (broken.has(`${COLLECTION.nyckeltal}/${i}`)) return;
    if (!isUsable(k.forandring) || !isUsable(k.varde) || !isUsable(k.jamforelse)) return;
    const amount = k.enhet === "kr";
    checks.push(
      sumCheck({
        code: "report.reconcile.keyFigureChange",
        topic: "nyckeltal",
        label: `Förändringen för ${k.benamning.trim().toLocaleLowerCase("sv-SE")}`,
        quantity: amount ? "belopp" : "antal",
        unit: amount ? undefined : k.enhet,
        ref: ref(COLLECTION.nyckeltal, i, "forandring"),
        stated: k.forandring,
        terms: [
          stateTerm("Värde", k.varde, 1, ref(COLLECTION.nyckeltal, i, "varde")),
          stateTerm("Jämförelsevärde", k.jamforelse, -1, ref(COLLECTION.nyckeltal, i, "jamforelse")),
        ],
      }),
    );
  });

  for (const c of checks) if (!c.withinRounding) problems.push(discrepancy(c));
  if (nettoKonventioner) {
    const p = problems.find((x) => x.code === "report.reconcile.net");
    if (p) p.message += " " + describeConventions(nettoKonventioner, report);
  }
  return { figures, checks, problems, nettoKonventioner };
}

/** One sentence on which signs of the adjustments would give the stated net. */
function describeConventions(candidates: readonly ConventionCandidate[], report: MonthlyReport): string {
  const within = candidates.filter((c) => c.withinRounding);
  const signsText = (c: ConventionCandidate) =>
    c.tecken
      .map((t, i) => `${t === 1 ? "+" : t === -1 ? "−" : "utan"} ${adjustmentName(report.justeringar[i])}`)
      .join(", ");
  if (within.length > 0) {
    return `Med tecknen ${signsText(within[0])} stämmer nettot inom avrundningen.`;
  }
  const best = candidates[0];
  if (!best) return "";
  return `Ingen kombination av tecken (+, − eller utanför nettot) för justeringarna ger det angivna nettot inom avrundningen; närmast kommer ${signsText(best)}, som ger ${formatExactAmount(best.netto, { signed: true })}.`;
}
