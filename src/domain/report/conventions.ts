/**
 * Which signs turn the gross deviation into the stated net? The papers do not
 * print the signs of their adjustments, so this tries every combination of
 * added, subtracted and left out (3^n) and ranks them by how near they come.
 * It answers "does any reading of the text add up?", never picks a reading
 * silently: the report keeps the signs the user entered.
 */
import { Decimal, sum } from "../money";
import { Adjustment, AdjustmentSign, Stated } from "./report";
import { halfStep } from "./stated";

export interface ConventionCandidate {
  /** One sign per adjustment, in the report's order. */
  tecken: AdjustmentSign[];
  netto: Decimal;
  /** Stated net − this net. */
  difference: Decimal;
  /** Half steps of the stated net, the gross and the adjustments taken in. */
  tolerance: Decimal;
  withinRounding: boolean;
}

/** Beyond this many adjustments the 3^n search is refused: 3^10 is 59 049 combinations. */
export const MAX_SEARCHED_ADJUSTMENTS = 10;

const SIGNS: readonly AdjustmentSign[] = [1, 0, -1];

/**
 * All sign combinations, nearest first (then those with fewer adjustments
 * left out or subtracted, then in a fixed order), so the answer is
 * deterministic.
 */
export function findAdjustmentConventions(
  gross: Stated,
  adjustments: readonly Pick<Adjustment, "belopp">[],
  net: Stated,
  opts: { limit?: number } = {},
): ConventionCandidate[] {
  const n = adjustments.length;
  if (n > MAX_SEARCHED_ADJUSTMENTS) throw new RangeError(`at most ${MAX_SEARCHED_ADJUSTMENTS} adjustments can be searched`);
  const out: (ConventionCandidate & { rank: number; order: number })[] = [];
  const total = 3 ** n;
  for (let code = 0; code < total; code++) {
    const tecken: AdjustmentSign[] = [];
    let c = code;
    for (let i = 0; i < n; i++) {
      tecken.push(SIGNS[c % 3]);
      c = Math.floor(c / 3);
    }
    const taken = adjustments.filter((_, i) => tecken[i] !== 0);
    const netto = gross.value.plus(sum(adjustments.map((a, i) => a.belopp.value.times(tecken[i]))));
    const difference = net.value.minus(netto);
    const tolerance = halfStep(net).plus(halfStep(gross)).plus(sum(taken.map((a) => halfStep(a.belopp))));
    out.push({
      tecken,
      netto,
      difference,
      tolerance,
      withinRounding: difference.abs().lte(tolerance),
      rank: tecken.filter((t) => t !== 1).length,
      order: code,
    });
  }
  out.sort((a, b) => a.difference.abs().comparedTo(b.difference.abs()) || a.rank - b.rank || a.order - b.order);
  return out.slice(0, opts.limit ?? 10).map(({ tecken, netto, difference, tolerance, withinRounding }) => ({ tecken, netto, difference, tolerance, withinRounding }));
}
