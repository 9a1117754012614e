/**
 * The bridge from gross to net deviation as a stacked column chart, which
 * every engine draws. A stacked chart stacks positive values up from zero and
 * negative values down from zero, each series on the one before; so each bar
 * is an invisible base from zero to the bar's near end and the visible part
 * after it, split at zero where the bar crosses it. A step then floats from
 * the level before to the level after; a level (the gross deviation first,
 * the net last) stands on zero.
 *
 * The parts are computed here exactly, and written as formulas of the cells
 * that hold the levels, so that Excel redraws the bridge when a level changes.
 */
import { Decimal, ZERO } from "../../../domain/money";

/** The chart's series, in order; the first is the invisible base. */
export const BRIDGE_SERIES = ["Bas", "Över noll", "Under noll", "Nivå"] as const;

/** One bar: a level from zero, or a step from one level to the next. */
export type BridgeBar = { kind: "level"; level: Decimal } | { kind: "step"; from: Decimal; to: Decimal };

/** The bar's part in each series of BRIDGE_SERIES; undefined where the bar has none (a blank cell, no bar). */
export function bridgeParts(bar: BridgeBar): (Decimal | undefined)[] {
  if (bar.kind === "level") return [undefined, undefined, undefined, bar.level];
  const lo = Decimal.min(bar.from, bar.to);
  const hi = Decimal.max(bar.from, bar.to);
  return [
    // The near end: the lower level when both are above zero, the higher when both are below, zero when the step crosses it.
    Decimal.max(lo, ZERO).plus(Decimal.min(hi, ZERO)),
    Decimal.max(hi, ZERO).minus(Decimal.max(lo, ZERO)),
    Decimal.min(lo, ZERO).minus(Decimal.min(hi, ZERO)),
    undefined,
  ];
}

/**
 * The same parts as formulas (English, with "="): of the cell holding the
 * level for a level; of the cells holding the levels before and after for a step.
 */
export function bridgeFormulas(bar: { kind: "level"; level: string } | { kind: "step"; from: string; to: string }): (string | undefined)[] {
  if (bar.kind === "level") return [undefined, undefined, undefined, `=${bar.level}`];
  const { from, to } = bar;
  const lo = `MIN(${from},${to})`;
  const hi = `MAX(${from},${to})`;
  return [`=MAX(${lo},0)+MIN(${hi},0)`, `=MAX(${from},${to},0)-MAX(${lo},0)`, `=MIN(${from},${to},0)-MIN(${hi},0)`, undefined];
}

/** How the chart fills each series: the base invisible, the steps in one colour (however they cross zero), the levels in another. */
export const BRIDGE_FILLS = ["none", "#4472C4", "#4472C4", "#7F7F7F"] as const;
