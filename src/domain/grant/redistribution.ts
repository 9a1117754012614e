/**
 * (d) Omfördelning: moving the forecast leftovers of granted activities, and
 * money never granted, to the activities that need it, in rank order. First
 * to granted activities forecast to cost more than granted (as the
 * professionsmiljarden paper describes: "några aktiviteter har blivit
 * billigare och några dyrare"), then to the waiting list.
 *
 * The result is a proposal: a list of moves the user accepts or not. Nothing
 * is moved until `acceptMoves` is called with the accepted ones.
 */
import { Decimal, ZERO, formatKr, sum } from "../money";
import { DomainProblem } from "../problem";
import { Activity, COLLECTION, GrantModel, keyOf } from "./grant";
import { GrantFollowUp } from "./followup";
import { rankOrder } from "./allocation";

export interface RedistributionOptions {
  /** Fund a target in part when the leftovers do not cover it all (true, the default) or not at all. */
  partial?: boolean;
  /** Move money only between activities of the same purpose (syfte). Money never granted then stays. */
  withinPurpose?: boolean;
  /** Cover granted activities forecast above their grant first (true, the default). */
  coverOverruns?: boolean;
}

export interface LeftoverSource {
  /** The activity the money comes from; absent for money never granted to any activity. */
  from?: number;
  name: string;
  amount: Decimal;
}

export interface LeftoverTarget {
  index: number;
  id: string;
  name: string;
  reason: "overskridande" | "vantelista";
  /** What it lacks: its overrun, or asked − granted for the waiting list. */
  need: Decimal;
  proposed: Decimal;
  explanation: string;
}

export interface LeftoverMove {
  /** Activity index; absent for money never granted. */
  from?: number;
  to: number;
  amount: Decimal;
  explanation: string;
}

export interface LeftoverProposal {
  available: Decimal;
  proposed: Decimal;
  /** available − proposed */
  remaining: Decimal;
  sources: LeftoverSource[];
  targets: LeftoverTarget[];
  moves: LeftoverMove[];
  problems: DomainProblem[];
}

const kr = (v: Decimal) => formatKr(v, { decimals: v.isInteger() ? 0 : 2 });
const UNGRANTED = "ej fördelade medel";

/** The proposal; never moves more than a source's forecast leftover, nor more than a target lacks. */
export function proposeLeftoverMoves(model: GrantModel, followup: GrantFollowUp, options: RedistributionOptions = {}): LeftoverProposal {
  const partial = options.partial ?? true;
  const coverOverruns = options.coverOverruns ?? true;
  const acts = model.activities;
  const problems: DomainProblem[] = [];
  const poolOf = (i: number | undefined) => (options.withinPurpose && i !== undefined ? keyOf(acts[i].purposeId) : "*");

  // Sources: money never granted first (it is free), then the largest leftovers.
  const sources: LeftoverSource[] = [];
  const notGranted = followup.totals.notGranted;
  if (notGranted.gt(0) && !options.withinPurpose) sources.push({ name: UNGRANTED, amount: notGranted });
  followup.activities
    .filter((f) => acts[f.index].status === "beviljad" && f.leftoverAtSpendBy.gt(0))
    .sort((a, b) => b.leftoverAtSpendBy.comparedTo(a.leftoverAtSpendBy) || a.index - b.index)
    .forEach((f) => sources.push({ from: f.index, name: f.name, amount: f.leftoverAtSpendBy }));
  const left = sources.map((s) => s.amount);

  // Targets in order.
  const overruns = coverOverruns ? rankOrder(acts, followup.activities.filter((f) => acts[f.index].status === "beviljad" && f.overrun.gt(0)).map((f) => f.index)) : [];
  const waiting = rankOrder(
    acts,
    acts.map((a, i) => (a.status === "vantelista" ? i : -1)).filter((i) => i >= 0),
  );
  for (const i of waiting) {
    if (!Number.isInteger(acts[i].rank)) {
      problems.push({
        severity: "varning",
        code: "grant.move.rankMissing",
        message: `${acts[i].name} står på väntelistan utan rang och kommer därför sist; ange en rang.`,
        ref: { collection: COLLECTION.activities, index: i, field: "rank" },
      });
    }
  }

  const targets: LeftoverTarget[] = [];
  const moves: LeftoverMove[] = [];
  const blockedBy = new Map<string, string>();
  const label = (i: number) => (Number.isInteger(acts[i].rank) ? `rang ${acts[i].rank}` : "utan rang");
  const plan = (i: number, reason: LeftoverTarget["reason"], need: Decimal) => {
    const a = acts[i];
    const pool = poolOf(i);
    const what = reason === "vantelista" ? `${label(i)} på väntelistan, ansökt ${kr(need)}` : `prognosen överskrider beviljat med ${kr(need)}`;
    const head = `${a.name} (${what})`;
    const target: LeftoverTarget = { index: i, id: a.id, name: a.name, reason, need, proposed: ZERO, explanation: "" };
    targets.push(target);
    const blocker = blockedBy.get(pool);
    if (blocker) {
      target.explanation = `${head}: inget föreslås; medlen räckte inte för ${blocker}, och rangordningen följs.`;
      return;
    }
    const open = sources.map((_, k) => k).filter((k) => left[k].gt(0) && (pool === "*" || poolOf(sources[k].from) === pool));
    const available = sum(open.map((k) => left[k]));
    const give = available.gte(need) ? need : partial ? available : ZERO;
    if (give.lt(need)) blockedBy.set(pool, a.name);
    if (give.isZero()) {
      target.explanation = `${head}: inget föreslås; ${available.isZero() ? "inga överblivna medel finns" : `${kr(available)} räcker inte till hela behovet`}.`;
      return;
    }
    let still = give;
    for (const k of open) {
      if (still.isZero()) break;
      const take = Decimal.min(left[k], still);
      left[k] = left[k].minus(take);
      still = still.minus(take);
      const s = sources[k];
      const fromText =
        s.from === undefined
          ? UNGRANTED
          : `${s.name} (prognos ${kr(followup.activities[s.from].forecastAtSpendBy)} av beviljade ${kr(followup.activities[s.from].granted)})`;
      moves.push({ from: s.from, to: i, amount: take, explanation: `Flytta ${kr(take)} från ${fromText} till ${head}.` });
    }
    target.proposed = give;
    target.explanation = give.eq(need) ? `${head}: ${kr(give)} föreslås, hela behovet.` : `${head}: ${kr(give)} av ${kr(need)} föreslås; mer finns inte.`;
  };
  for (const i of overruns) plan(i, "overskridande", followup.activities[i].overrun);
  for (const i of waiting) {
    const need = acts[i].asked.minus(acts[i].granted ?? ZERO);
    if (need.gt(0)) plan(i, "vantelista", need);
  }

  const available = sum(sources.map((s) => s.amount));
  const proposed = sum(moves.map((m) => m.amount));
  return { available, proposed, remaining: available.minus(proposed), sources, targets, moves, problems };
}

/**
 * The activities after the accepted moves: the source's beviljat goes down,
 * the target's goes up and a waiting-list target becomes beviljad.
 */
export function acceptMoves(activities: readonly Activity[], moves: readonly LeftoverMove[]): Activity[] {
  const out = activities.map((a) => ({ ...a }));
  for (const m of moves) {
    if (m.from !== undefined) out[m.from].granted = (out[m.from].granted ?? ZERO).minus(m.amount);
    const to = out[m.to];
    to.granted = (to.granted ?? ZERO).plus(m.amount);
    to.status = "beviljad";
  }
  return out;
}
