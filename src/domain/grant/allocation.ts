/**
 * The allocation rules. Each is a pure function from the model and its options
 * to the amounts, one line per purpose or activity that says which rule gave
 * the amount and why (in Swedish), and the problems it found with their
 * places. Run `checkGrantModel` once for the model's own checks: a rule
 * reports only what is about the rule.
 */
import { Decimal, UNIT_FACTOR, Unit, ZERO, formatKr, formatNumber, roundExcel, splitByWeights, sum } from "../money";
import { DomainProblem, EntityRef } from "../problem";
import { ACTIVITY_STATUS_LABEL, Activity, ActivityStatus, COLLECTION, Grant, GrantModel, GrantNote, StatedAmount, keyOf } from "./grant";
import { formatShare } from "./text";

export type AllocationRule = "fast" | "rang" | "nyckel";
export const ALLOCATION_RULE_LABEL: Record<AllocationRule, string> = {
  fast: "fast belopp",
  rang: "rangordning",
  nyckel: "fördelningsnyckel",
};

export interface AllocationLine {
  /** The purpose or activity the amount is for. */
  ref: EntityRef;
  id: string;
  name: string;
  rule: AllocationRule;
  amount: Decimal;
  /** The activity's status after the rule; absent for purposes and when the rule leaves it. */
  status?: ActivityStatus;
  /** Swedish: which rule gave the amount and why. */
  explanation: string;
}

export interface AllocationResult {
  rule: AllocationRule;
  /** The money the rule distributed. */
  total: Decimal;
  allocated: Decimal;
  /** total − allocated; negative when the fixed amounts exceed the grant. */
  unallocated: Decimal;
  lines: AllocationLine[];
  /** Activity indexes on the waiting list, in rank order (rank rule only). */
  waitingList: number[];
  problems: DomainProblem[];
  notes: GrantNote[];
}

const grantRef = (field: string): EntityRef => ({ collection: COLLECTION.grant, index: 0, field });
const activityRef = (index: number, field?: string): EntityRef => ({ collection: COLLECTION.activities, index, field });
const kr = (v: Decimal) => formatKr(v, { decimals: v.isInteger() ? 0 : 2 });

function result(rule: AllocationRule, total: Decimal, lines: AllocationLine[], problems: DomainProblem[], notes: GrantNote[], waitingList: number[] = []): AllocationResult {
  const allocated = sum(lines.map((l) => l.amount));
  return { rule, total, allocated, unallocated: total.minus(allocated), lines, waitingList, problems, notes };
}

function decisionPhrase(grant: Grant): string {
  const d = grant.decision;
  if (!d) return "";
  return ` enligt beslut i ${d.organ} ${d.dateText ?? d.date}${d.paragraph ? ` ${d.paragraph}` : ""}`;
}

/** A stated total rounded to its own unit: 6 209 812 kr "avrundas till 6,2 mkr". */
function roundedAsStated(value: Decimal, stated: StatedAmount): string {
  const factor = UNIT_FACTOR[stated.unit];
  const decimals = Math.max(0, Math.round(Math.log10(factor.div(stated.step).toNumber())));
  return `${formatNumber(roundExcel(value.div(factor), decimals), decimals)}\u00A0${stated.unit}`;
}

/**
 * How a sum of parts relates to the total the document states in rounded
 * form: a note when the rounding explains the difference, a warning when it
 * does not. Never silent.
 */
export function compareWithStated(partsSum: Decimal, stated: StatedAmount, what: string): { note?: GrantNote; problem?: DomainProblem } {
  const diff = partsSum.minus(stated.value);
  const half = stated.step.div(2);
  const decimals = Math.max(0, Math.round(Math.log10(UNIT_FACTOR[stated.unit].div(stated.step).toNumber())));
  const precision = decimals === 0 ? `i hela ${stated.unit}` : decimals === 1 ? "med en decimal" : `med ${decimals} decimaler`;
  const base = `Underlaget anger totalt ${stated.text}. ${what}, ${kr(partsSum)}, avrundas till ${roundedAsStated(partsSum, stated)} ${precision}`;
  if (diff.isZero()) {
    return { note: { code: "grant.stated.exact", message: `Underlaget anger totalt ${stated.text}, och ${what.charAt(0).toLocaleLowerCase("sv-SE") + what.slice(1)} är exakt ${kr(partsSum)}.`, ref: grantRef("statedAmount") } };
  }
  const against = `skillnaden mot ${kr(stated.value)} är ${kr(diff.abs())}`;
  if (diff.abs().lte(half)) {
    return { note: { code: "grant.stated.rounded", message: `${base}; ${against}, vilket ryms i avrundningen (högst ${kr(half)}).`, ref: grantRef("statedAmount") } };
  }
  return {
    problem: {
      severity: "varning",
      code: "grant.stated.mismatch",
      message: `${base}; ${against}, mer än avrundningen förklarar (högst ${kr(half)}).`,
      ref: grantRef("statedAmount"),
    },
  };
}

/** Under, exact or over the grant, with the difference. Over is an error. */
function checkAgainstGrant(subject: string, partsSum: Decimal, grant: Grant, problems: DomainProblem[], notes: GrantNote[]): void {
  const diff = partsSum.minus(grant.amount);
  if (diff.isZero()) {
    notes.push({ code: "grant.fixed.exact", message: `${subject} summerar till ${kr(partsSum)}, exakt statsbidragets belopp.`, ref: grantRef("amount") });
  } else if (diff.isNeg()) {
    problems.push({
      severity: "varning",
      code: "grant.fixed.underGrant",
      message: `${subject} summerar till ${kr(partsSum)}, ${kr(diff.abs())} mindre än statsbidragets ${kr(grant.amount)}; ${kr(diff.abs())} är inte fördelat.`,
      ref: grantRef("amount"),
    });
  } else {
    problems.push({
      severity: "fel",
      code: "grant.fixed.overGrant",
      message: `${subject} summerar till ${kr(partsSum)}, ${kr(diff)} mer än statsbidragets ${kr(grant.amount)}; minska beloppen med ${kr(diff)}.`,
      ref: grantRef("amount"),
    });
  }
}

/**
 * (a) Fixed amounts, per purpose (the decided split over syften) or per
 * activity (the decided beviljat of each activity with status beviljad),
 * checked against the grant and, when the document states a rounded total,
 * against that.
 */
export function allocateFixed(model: GrantModel, level: "syfte" | "aktivitet" = "syfte"): AllocationResult {
  const g = model.grant;
  const problems: DomainProblem[] = [];
  const notes: GrantNote[] = [];
  const decided = decisionPhrase(g);
  const shareOfGrant = (v: Decimal) => (g.amount.gt(0) ? ` (${formatShare(v.div(g.amount))} av statsbidraget)` : "");
  let lines: AllocationLine[];
  let subject: string;
  if (level === "syfte") {
    subject = "Syftenas fasta belopp";
    lines = g.purposes.map((p, i) => {
      const ref: EntityRef = { collection: COLLECTION.purposes, index: i, field: "fixedAmount" };
      if (!p.fixedAmount) {
        problems.push({ severity: "fel", code: "grant.fixed.missing", message: `Syftet ${p.name} saknar fast belopp; ange beloppet eller välj en annan fördelningsregel.`, ref });
        return { ref, id: p.id, name: p.name, rule: "fast", amount: ZERO, explanation: "Inget fast belopp angivet för syftet." };
      }
      return { ref, id: p.id, name: p.name, rule: "fast", amount: p.fixedAmount, explanation: `Fast belopp för syftet${decided}: ${kr(p.fixedAmount)}${shareOfGrant(p.fixedAmount)}.` };
    });
  } else {
    subject = "De beviljade aktiviteternas belopp";
    lines = model.activities.map((a, i) => {
      const ref = activityRef(i, "granted");
      const base = { ref, id: a.id, name: a.name, rule: "fast" as const };
      if (a.status !== "beviljad") {
        return { ...base, amount: ZERO, status: a.status, explanation: `Inte beviljad (status ${ACTIVITY_STATUS_LABEL[a.status] ?? String(a.status)}); ${kr(ZERO)}.` };
      }
      if (!a.granted) {
        problems.push({ severity: "fel", code: "grant.fixed.missing", message: `Den beviljade aktiviteten ${a.name} saknar beviljat belopp; ange beloppet.`, ref });
        return { ...base, amount: ZERO, status: a.status, explanation: "Beviljad men utan belopp." };
      }
      return { ...base, amount: a.granted, status: a.status, explanation: `Fast beviljat belopp${decided}: ${kr(a.granted)}${shareOfGrant(a.granted)}.` };
    });
  }
  const partsSum = sum(lines.map((l) => l.amount));
  checkAgainstGrant(subject, partsSum, g, problems, notes);
  if (g.statedAmount) {
    const c = compareWithStated(partsSum, g.statedAmount, `Summan av ${level === "syfte" ? "syftenas" : "aktiviteternas"} belopp`);
    if (c.note) notes.push(c.note);
    if (c.problem) problems.push(c.problem);
  }
  return result("fast", g.amount, lines, problems, notes);
}

// ---------- (b) Rank order ----------

export interface RankOptions {
  /** The money to distribute; the grant's amount when absent. */
  total?: Decimal;
  /** A cap on what one area (område) may get in all, so money is spread broadly. */
  capPerArea?: Decimal;
  /** Caps for named areas, over `capPerArea`. */
  capByArea?: Record<string, Decimal>;
  /**
   * When the money or an area's cap does not cover an activity's ask: grant
   * what is left (true) or nothing (false, the default).
   */
  partial?: boolean;
  /** A partial grant is rounded down to whole units of this; kr by default. */
  partialUnit?: Unit;
}

/** Activities in rank order: by rank, unranked last, then by position, so the order is always defined. */
export function rankOrder(activities: readonly Activity[], indexes: readonly number[]): number[] {
  const r = (i: number) => (Number.isInteger(activities[i].rank) ? (activities[i].rank as number) : Number.POSITIVE_INFINITY);
  return indexes.slice().sort((x, y) => r(x) - r(y) || x - y);
}

/**
 * (b) Rank order until the money runs out. Rejected proposals take no part.
 * Without `partial`, the first proposal the money does not cover ends the
 * round: a lower-ranked proposal never gets money before a higher-ranked one
 * that did not fit, and the rest is left unallocated (for the waiting-list
 * rule to use later). An area's cap only moves that area's proposals to the
 * waiting list; the others go on.
 */
export function allocateByRank(model: GrantModel, options: RankOptions = {}): AllocationResult {
  const g = model.grant;
  const problems: DomainProblem[] = [];
  const notes: GrantNote[] = [];
  const total = options.total ?? g.amount;
  const unit = UNIT_FACTOR[options.partialUnit ?? "kr"];
  if (total.isNeg()) {
    problems.push({ severity: "fel", code: "grant.rank.totalNegative", message: `Beloppet att fördela är ${kr(total)}; det ska vara noll eller mer.`, ref: grantRef("amount") });
  } else if (total.gt(g.amount)) {
    problems.push({
      severity: "fel",
      code: "grant.rank.totalOverGrant",
      message: `Beloppet att fördela, ${kr(total)}, är ${kr(total.minus(g.amount))} mer än statsbidragets ${kr(g.amount)}.`,
      ref: grantRef("amount"),
    });
  }
  const caps = new Map<string, Decimal>();
  for (const [area, cap] of Object.entries(options.capByArea ?? {})) caps.set(keyOf(area), cap);
  const capOf = (area: string): Decimal | undefined => caps.get(keyOf(area)) ?? options.capPerArea;
  for (const [area, cap] of [["alla områden", options.capPerArea] as const, ...Object.entries(options.capByArea ?? {})]) {
    if (cap && cap.isNeg()) {
      problems.push({ severity: "fel", code: "grant.rank.capNegative", message: `Taket för ${area} är ${kr(cap)}; ett tak är noll eller mer.`, ref: grantRef("capPerArea") });
    }
  }

  const participants: number[] = [];
  const seenRank = new Map<number, number>();
  model.activities.forEach((a, i) => {
    if (a.status === "avslagen") return;
    participants.push(i);
    if (a.rank === undefined || !Number.isInteger(a.rank) || a.rank < 1) {
      problems.push({
        severity: "fel",
        code: "grant.rank.missing",
        message: `Aktiviteten ${a.name} saknar giltig rang${a.rank !== undefined ? ` (${String(a.rank)})` : ""}; rangordningsregeln kräver en rang 1, 2, 3 … för varje förslag som inte är avslaget.`,
        ref: activityRef(i, "rank"),
      });
      return;
    }
    const first = seenRank.get(a.rank);
    if (first !== undefined) {
      problems.push({
        severity: "fel",
        code: "grant.rank.duplicate",
        message: `Rang ${a.rank} har redan ${model.activities[first].name}; två förslag kan inte ha samma rang.`,
        ref: activityRef(i, "rank"),
      });
    } else {
      seenRank.set(a.rank, i);
    }
    if (caps.size && !a.area.trim()) {
      problems.push({ severity: "varning", code: "grant.rank.areaMissing", message: `Aktiviteten ${a.name} saknar område; taket per område kan inte tillämpas på den.`, ref: activityRef(i, "area") });
    }
  });

  const lines: AllocationLine[] = model.activities.map((a, i) => ({
    ref: activityRef(i, "granted"),
    id: a.id,
    name: a.name,
    rule: "rang",
    amount: ZERO,
    status: a.status === "avslagen" ? "avslagen" : a.status,
    explanation: "Avslagen; ingår inte i rangordningen.",
  }));
  const waitingList: number[] = [];
  const used = new Map<string, Decimal>();
  let remaining = total.isNeg() ? ZERO : total;
  let stoppedAt: string | undefined;
  const rankLabel = (a: Activity) => (Number.isInteger(a.rank) ? `Rang ${a.rank}` : "Utan rang");
  const floorToUnit = (v: Decimal) => v.div(unit).floor().times(unit);

  for (const i of rankOrder(model.activities, participants)) {
    const a = model.activities[i];
    const line = lines[i];
    const label = rankLabel(a);
    const wait = (why: string) => {
      waitingList.push(i);
      line.status = "vantelista";
      line.explanation = `${label}: väntelista (plats ${waitingList.length}); ${why}.`;
    };
    const grantAmount = (amount: Decimal, why: string) => {
      line.amount = amount;
      line.status = "beviljad";
      remaining = remaining.minus(amount);
      used.set(keyOf(a.area), (used.get(keyOf(a.area)) ?? ZERO).plus(amount));
      line.explanation = `${label}: ${why}; kvar att fördela ${kr(remaining)}.`;
    };
    if (!a.asked.gt(0)) {
      line.status = "forslag";
      line.explanation = `${label}: inget ansökt belopp; ${kr(ZERO)}.`;
      continue;
    }
    if (stoppedAt) {
      wait(`medlen räckte inte för ${stoppedAt}, och ett förslag längre ned i rangordningen går inte före`);
      continue;
    }
    const cap = capOf(a.area);
    const usedInArea = used.get(keyOf(a.area)) ?? ZERO;
    const capRoom = cap ? Decimal.max(ZERO, cap.minus(usedInArea)) : undefined;
    const moneyBinds = a.asked.gt(remaining) && (capRoom === undefined || capRoom.gte(remaining));
    if (a.asked.lte(remaining) && (capRoom === undefined || a.asked.lte(capRoom))) {
      grantAmount(a.asked, `beviljas hela ansökta beloppet ${kr(a.asked)}`);
    } else if (moneyBinds) {
      const part = floorToUnit(remaining);
      if (options.partial && part.gt(0)) {
        grantAmount(part, `beviljas ${kr(part)} av ansökta ${kr(a.asked)}, det som återstod av medlen${part.lt(remaining) ? " avrundat nedåt till hela " + (options.partialUnit ?? "kr") : ""}`);
      } else {
        wait(`ansökta ${kr(a.asked)} ryms inte i återstående ${kr(remaining)}`);
      }
      stoppedAt = label.toLocaleLowerCase("sv-SE");
    } else {
      const part = floorToUnit(capRoom as Decimal);
      const capText = `taket för ${a.area || "området"}, ${kr(cap as Decimal)}`;
      if (options.partial && part.gt(0)) {
        grantAmount(part, `beviljas ${kr(part)} av ansökta ${kr(a.asked)}; då är ${capText}, nått`);
      } else {
        wait(`${capText}, skulle överskridas: redan beviljat ${kr(usedInArea)}, ansökt ${kr(a.asked)}`);
      }
    }
  }

  const r = result("rang", total, lines, problems, notes, waitingList);
  notes.push({
    code: "grant.rank.summary",
    message:
      `Rangordningen fördelade ${kr(r.allocated)} av ${kr(total)}` +
      (r.unallocated.gt(0) ? `; ${kr(r.unallocated)} är inte fördelat` : "") +
      `; ${waitingList.length === 0 ? "inget förslag står" : `${waitingList.length} förslag står`} på väntelista.`,
  });
  return r;
}

// ---------- (c) Proportional to a key ----------

export interface KeyOptions {
  /** The name of the key column, e.g. "Invånare" or "ÅA". */
  key: string;
  /** The money to distribute; the grant's amount when absent. */
  total?: Decimal;
  /** Every part is a whole number of this unit; kr by default. */
  unit?: Unit;
}

function keyValue(a: Activity, key: string): Decimal | undefined {
  const wanted = keyOf(key);
  for (const [name, value] of Object.entries(a.keys ?? {})) if (keyOf(name) === wanted) return value;
  return undefined;
}

/**
 * (c) Proportional to a key, every part a whole number of the unit and the
 * parts summing exactly to the total (largest remainder). Rejected proposals
 * take no part. Any key missing or negative stops the rule: a missing key is
 * never taken as zero.
 */
export function allocateByKey(model: GrantModel, options: KeyOptions): AllocationResult {
  const g = model.grant;
  const problems: DomainProblem[] = [];
  const notes: GrantNote[] = [];
  const total = options.total ?? g.amount;
  const unitName = options.unit ?? "kr";
  const unit = UNIT_FACTOR[unitName];
  const participants = model.activities.map((a, i) => ({ a, i })).filter(({ a }) => a.status !== "avslagen");
  const lines: AllocationLine[] = model.activities.map((a, i) => ({
    ref: activityRef(i, "granted"),
    id: a.id,
    name: a.name,
    rule: "nyckel",
    amount: ZERO,
    explanation: a.status === "avslagen" ? "Avslagen; ingår inte i fördelningen." : "Ingen fördelning: se felen.",
  }));

  if (total.isNeg() || total.gt(g.amount)) {
    problems.push({
      severity: "fel",
      code: "grant.key.totalInvalid",
      message: `Beloppet att fördela är ${kr(total)}; det ska vara från ${kr(ZERO)} till statsbidragets ${kr(g.amount)}.`,
      ref: grantRef("amount"),
    });
  }
  if (!total.mod(unit).isZero()) {
    const whole = total.div(unit).floor().times(unit);
    problems.push({
      severity: "fel",
      code: "grant.key.totalNotWholeUnits",
      message: `${kr(total)} är inte ett helt antal ${unitName}, så delarna kan inte bli hela ${unitName} och ändå summera exakt; välj en mindre enhet eller fördela ${kr(whole)} och hantera ${kr(total.minus(whole))} för sig.`,
      ref: grantRef("amount"),
    });
  }
  if (participants.length === 0) {
    problems.push({ severity: "fel", code: "grant.key.noActivities", message: "Det finns inga aktiviteter att fördela på (alla är avslagna eller listan är tom).", ref: activityRef(0) });
    return result("nyckel", total, lines, problems, notes);
  }
  const values = participants.map(({ a }) => keyValue(a, options.key));
  if (values.every((v) => v === undefined)) {
    problems.push({
      severity: "fel",
      code: "grant.key.unknown",
      message: `Ingen aktivitet har nyckeln "${options.key}"; ange ett tal för nyckeln på varje aktivitet eller välj en annan nyckel.`,
      ref: activityRef(participants[0].i, `keys.${options.key}`),
    });
    return result("nyckel", total, lines, problems, notes);
  }
  values.forEach((v, k) => {
    const { a, i } = participants[k];
    if (v === undefined) {
      problems.push({ severity: "fel", code: "grant.key.missing", message: `Aktiviteten ${a.name} saknar värde för nyckeln ${options.key}; ange ett tal (0 om den inte ska ha något).`, ref: activityRef(i, `keys.${options.key}`) });
    } else if (v.isNeg() || !v.isFinite()) {
      problems.push({ severity: "fel", code: "grant.key.negative", message: `Aktiviteten ${a.name} har ${options.key} = ${v.toString()}; en nyckel är noll eller mer.`, ref: activityRef(i, `keys.${options.key}`) });
    }
  });
  const weights = values.map((v) => v ?? ZERO);
  const weightSum = sum(weights);
  if (problems.length === 0 && weightSum.isZero()) {
    problems.push({ severity: "fel", code: "grant.key.allZero", message: `Nyckeln ${options.key} är 0 för alla aktiviteter; då finns inget att fördela efter.`, ref: activityRef(participants[0].i, `keys.${options.key}`) });
  }
  if (problems.some((p) => p.severity === "fel")) return result("nyckel", total, lines, problems, notes);

  const parts = splitByWeights(total, weights, unit);
  const fmt = (v: Decimal) => formatNumber(v, Math.min(4, v.decimalPlaces()));
  let up = 0;
  parts.forEach((part, k) => {
    const { i } = participants[k];
    const w = weights[k];
    const line = lines[i];
    line.amount = part;
    if (w.isZero()) {
      line.explanation = `${options.key} är 0; ${kr(ZERO)}.`;
      return;
    }
    line.status = "beviljad";
    const exact = total.times(w).div(weightSum);
    const exactText = formatKr(exact, { decimals: exact.isInteger() ? 0 : 2 });
    const how = part.gt(exact) ? `avrundat uppåt till hela ${unitName}` : part.lt(exact) ? `avrundat nedåt till hela ${unitName}` : "jämnt";
    if (part.gt(exact)) up += 1;
    line.explanation = `${options.key} ${fmt(w)} av ${fmt(weightSum)} (${formatShare(w.div(weightSum))}) ger exakt ${exactText}; ${how}: ${kr(part)}.`;
  });
  notes.push({
    code: "grant.key.summary",
    message:
      `${kr(total)} fördelas efter ${options.key} i hela ${unitName} och summerar exakt till ${kr(sum(parts))}` +
      (up ? `; ${up === 1 ? "den del" : `de ${up} delar`} som avrundats uppåt hade störst rest (största restmetoden).` : "."),
  });
  return result("nyckel", total, lines, problems, notes);
}
