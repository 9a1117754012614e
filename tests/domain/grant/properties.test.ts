/**
 * Property tests of the allocation rules: parts sum exactly, nothing is
 * negative, rank order and caps hold, and a move never exceeds a leftover.
 */
import fc from "fast-check";
import { Decimal, UNIT_FACTOR, ZERO, sum } from "../../../src/domain/money";
import {
  Activity,
  acceptMoves,
  allocateByKey,
  allocateByRank,
  allocateFixed,
  followUp,
  keyOf,
  proposeLeftoverMoves,
} from "../../../src/domain/grant";
import { activity, kr, model } from "./fixtures";

const AREAS = ["Norr", "Söder", "Väster"];

/** Proposals with distinct ranks in a shuffled order, asks in whole kronor, some rejected. */
const proposals = fc
  .array(fc.record({ asked: fc.integer({ min: 0, max: 5_000_000 }), area: fc.constantFrom(...AREAS), rejected: fc.boolean() }), { minLength: 1, maxLength: 40 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray([...rows.keys()], { minLength: rows.length, maxLength: rows.length })))
  .map(([rows, order]) =>
    rows.map((r, i) =>
      activity({ asked: kr(r.asked), area: r.area, rank: order[i] + 1, status: r.rejected && i % 3 === 0 ? "avslagen" : "forslag" }),
    ),
  );

function byRank(acts: readonly Activity[]): number[] {
  return acts.map((_, i) => i).filter((i) => acts[i].status !== "avslagen").sort((a, b) => (acts[a].rank as number) - (acts[b].rank as number));
}

describe("rank order", () => {
  test("amounts are between 0 and the ask, sum to at most the total, rank order and caps hold", () => {
    fc.assert(
      fc.property(
        proposals,
        fc.integer({ min: 0, max: 60_000_000 }),
        fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom("kr", "tkr") as fc.Arbitrary<"kr" | "tkr">,
        (acts, total, cap, partial, partialUnit) => {
          const m = model(acts, [], { amount: kr(60_000_000) });
          const r = allocateByRank(m, { total: kr(total), capPerArea: cap === undefined ? undefined : kr(cap), partial, partialUnit });
          expect(r.problems).toEqual([]);
          // Exact bookkeeping.
          expect(r.allocated.plus(r.unallocated).eq(total)).toBe(true);
          expect(r.allocated.lte(total)).toBe(true);
          r.lines.forEach((l, i) => {
            expect(l.amount.isNeg()).toBe(false);
            expect(l.amount.lte(acts[i].asked)).toBe(true);
            if (acts[i].status === "avslagen") expect(l.amount.isZero()).toBe(true);
            if (!partial) expect(l.amount.isZero() || l.amount.eq(acts[i].asked)).toBe(true);
            else if (!l.amount.eq(acts[i].asked)) expect(l.amount.mod(UNIT_FACTOR[partialUnit]).isZero()).toBe(true);
          });
          // Caps.
          if (cap !== undefined) {
            for (const area of AREAS) {
              const inArea = r.lines.filter((_, i) => acts[i].area === area).map((l) => l.amount);
              expect(sum(inArea).lte(cap)).toBe(true);
            }
          }
          // Rank order: after the first proposal that waits for money (not for its area's cap), nobody gets anything.
          const order = byRank(acts);
          const firstShort = order.findIndex((i) => r.lines[i].amount.lt(acts[i].asked) && !r.lines[i].explanation.includes("taket"));
          if (firstShort >= 0) for (const i of order.slice(firstShort + 1)) expect(r.lines[i].amount.isZero()).toBe(true);
          // A proposal waits for its cap only if it truly would not fit under it.
          order.forEach((i, k) => {
            if (r.lines[i].status === "vantelista" && r.lines[i].explanation.includes("taket")) {
              const before = sum(order.slice(0, k).filter((j) => acts[j].area === acts[i].area).map((j) => r.lines[j].amount));
              expect(before.plus(acts[i].asked).gt(cap as number)).toBe(true);
            }
          });
          // The waiting list is in rank order.
          const ranks = r.waitingList.map((i) => acts[i].rank as number);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("when asks exceed the total and partial grants are allowed, the total is used to within one unit", () => {
    fc.assert(
      fc.property(proposals, fc.integer({ min: 0, max: 10_000_000 }), (acts, total) => {
        const asked = sum(acts.filter((a) => a.status !== "avslagen").map((a) => a.asked));
        fc.pre(asked.gte(total));
        const r = allocateByRank(model(acts, [], { amount: kr(10_000_000) }), { total: kr(total), partial: true });
        expect(r.unallocated.isNeg()).toBe(false);
        expect(r.unallocated.lt(1)).toBe(true);
      }),
    );
  });
});

describe("proportional to a key", () => {
  test("parts sum exactly to the total, are whole units, not negative, within a unit of the exact share and ordered like the keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.constantFrom("kr", "tkr", "mkr") as fc.Arbitrary<"kr" | "tkr" | "mkr">,
        (raw, scale, units, unit) => {
          fc.pre(raw.some((w) => w > 0));
          const step = UNIT_FACTOR[unit];
          const total = step.times(units);
          // Keys with up to four decimals: 1234567 at scale 3 is 1 234,567.
          const keys = raw.map((w) => new Decimal(w).div(new Decimal(10).pow(scale)));
          const m = model(keys.map((k) => activity({ keys: { Nyckel: k } })), [], { amount: total.gt(0) ? total : kr(1) });
          const r = allocateByKey(m, { key: "Nyckel", total, unit });
          expect(r.problems).toEqual([]);
          expect(sum(r.lines.map((l) => l.amount)).eq(total)).toBe(true);
          const W = sum(keys);
          r.lines.forEach((l, i) => {
            expect(l.amount.isNeg()).toBe(false);
            expect(l.amount.mod(step).isZero()).toBe(true);
            expect(l.amount.minus(total.times(keys[i]).div(W)).abs().lt(step)).toBe(true);
          });
          for (let i = 0; i < keys.length; i++)
            for (let j = 0; j < keys.length; j++) if (keys[i].gt(keys[j])) expect(r.lines[i].amount.gte(r.lines[j].amount)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("25 000 000 kr over 100 activities with any keys sums to exactly 25 000 000 kr", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000_007 }), { minLength: 100, maxLength: 100 }), fc.constantFrom("kr", "tkr") as fc.Arbitrary<"kr" | "tkr">, (raw, unit) => {
        fc.pre(raw.some((w) => w > 0));
        const m = model(raw.map((w) => activity({ keys: { ÅA: new Decimal(w).div(997) } })), [], { amount: kr(25_000_000) });
        const r = allocateByKey(m, { key: "ÅA", unit });
        expect(sum(r.lines.map((l) => l.amount)).toString()).toBe("25000000");
        expect(r.lines.every((l) => !l.amount.isNeg())).toBe(true);
      }),
    );
  });
});

describe("fixed amounts", () => {
  test("the lines are the fixed amounts; the sum is checked against the grant with the exact difference", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 500_000_000 }), (ore, grant) => {
        const fixed = ore.map((o) => new Decimal(o).div(100));
        const m = model([], [], { amount: kr(grant), purposes: fixed.map((f, i) => ({ id: `p${i}`, name: `Syfte ${i}`, fixedAmount: f })) });
        const r = allocateFixed(m, "syfte");
        const s = sum(fixed);
        expect(r.allocated.eq(s)).toBe(true);
        expect(r.unallocated.eq(kr(grant).minus(s))).toBe(true);
        const codes = [...r.problems.map((p) => p.code), ...r.notes.map((n) => n.code)];
        if (s.gt(grant)) expect(codes).toEqual(["grant.fixed.overGrant"]);
        else if (s.lt(grant)) expect(codes).toEqual(["grant.fixed.underGrant"]);
        else expect(codes).toEqual(["grant.fixed.exact"]);
      }),
    );
  });
});

describe("moving forecast leftovers", () => {
  /** Granted activities with entered forecasts, some waiting proposals, some money never granted. */
  const situation = fc
    .record({
      granted: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 3_000_000 }), forecast: fc.integer({ min: 0, max: 3_500_000 }), purpose: fc.constantFrom("a", "b") }), {
        minLength: 0,
        maxLength: 12,
      }),
      waiting: fc.array(fc.record({ asked: fc.integer({ min: 0, max: 2_000_000 }), purpose: fc.constantFrom("a", "b") }), { minLength: 0, maxLength: 12 }),
      spare: fc.integer({ min: 0, max: 2_000_000 }),
      partial: fc.boolean(),
      withinPurpose: fc.boolean(),
      coverOverruns: fc.boolean(),
    })
    .map((s) => {
      const acts: Activity[] = [
        ...s.granted.map((g, i) =>
          activity({ asked: kr(g.amount), granted: kr(g.amount), forecast: kr(g.forecast), status: "beviljad", projectNumber: `P${i}`, purposeId: g.purpose, rank: i + 1 }),
        ),
        ...s.waiting.map((w, i) => activity({ asked: kr(w.asked), status: "vantelista", purposeId: w.purpose, rank: 100 + ((i * 7) % 13) * 20 + i })),
      ];
      const amount = sum(acts.map((a) => a.granted ?? ZERO)).plus(s.spare);
      return { m: model(acts, [], { amount: amount.gt(0) ? amount : kr(1) }), options: { partial: s.partial, withinPurpose: s.withinPurpose, coverOverruns: s.coverOverruns } };
    });

  test("never more than a source's leftover, a target's need, or all that is available; in rank order", () => {
    fc.assert(
      fc.property(situation, ({ m, options }) => {
        const f = followUp(m, { reportDate: "2016-10-31" });
        const p = proposeLeftoverMoves(m, f, options);
        expect(p.moves.every((mv) => mv.amount.gt(0))).toBe(true);
        expect(p.proposed.lte(p.available)).toBe(true);
        expect(p.remaining.eq(p.available.minus(p.proposed))).toBe(true);
        // Per source.
        f.activities.forEach((a) => {
          const out = sum(p.moves.filter((mv) => mv.from === a.index).map((mv) => mv.amount));
          expect(out.lte(a.leftoverAtSpendBy)).toBe(true);
        });
        const fromUngranted = sum(p.moves.filter((mv) => mv.from === undefined).map((mv) => mv.amount));
        expect(fromUngranted.lte(Decimal.max(ZERO, f.totals.notGranted))).toBe(true);
        // Per target.
        for (const t of p.targets) {
          const into = sum(p.moves.filter((mv) => mv.to === t.index).map((mv) => mv.amount));
          expect(into.eq(t.proposed)).toBe(true);
          expect(t.proposed.lte(t.need)).toBe(true);
          if (!options.partial) expect(t.proposed.isZero() || t.proposed.eq(t.need)).toBe(true);
        }
        // Within a purpose when asked.
        if (options.withinPurpose) {
          for (const mv of p.moves) expect(mv.from !== undefined && keyOf(m.activities[mv.from].purposeId) === keyOf(m.activities[mv.to].purposeId)).toBe(true);
        }
        // Rank order: once a target in a pool is short, later targets in that pool get nothing.
        const pool = (i: number) => (options.withinPurpose ? m.activities[i].purposeId : "*");
        const short = new Set<string>();
        for (const t of p.targets) {
          if (short.has(pool(t.index))) expect(t.proposed.isZero()).toBe(true);
          if (t.proposed.lt(t.need)) short.add(pool(t.index));
        }
        // Accepting every move keeps the money: the total granted grows only by what was never granted.
        const after = acceptMoves(m.activities, p.moves);
        const before = sum(m.activities.map((a) => a.granted ?? ZERO));
        expect(sum(after.map((a) => a.granted ?? ZERO)).eq(before.plus(fromUngranted))).toBe(true);
        after.forEach((a, i) => {
          expect((a.granted ?? ZERO).isNeg()).toBe(false);
          if (m.activities[i].status === "beviljad" && p.moves.some((mv) => mv.from === i)) expect((a.granted as Decimal).gte(m.activities[i].forecast as Decimal)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
