/**
 * Stated figures: reading them with the precision they were stated in, and
 * writing them the way the board papers do ("−119,3 Mkr", "15,23 %").
 *
 * money.ts parses the value; this file adds the step (one unit of the last
 * stated digit), which money.ts does not keep, and the papers' unit label
 * "Mkr" (money.ts's formatMkr writes "mkr").
 */
import { Decimal, Parsed, UNIT_FACTOR, Unit, formatKr, formatNumber, parseQuantity } from "../money";
import { Stated, UnitLabel } from "./report";

const NBSP = "\u00A0";
const LEADING_NUMBER = /^\s*[-\u2212\u2013+]?\s*(?:\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)(?:[,.](\d+))?/;

export interface StatedOptions {
  /** The unit of a plain number (a cell formatted in Mkr); kr when absent. */
  plainUnit?: Unit;
  /** The step when the input does not show it, e.g. a cell shown with one decimal. */
  step?: Decimal;
  source?: string;
}

/** Decimals shown in the text's leading number, or in a cell's number. */
function decimalsOf(input: unknown): number | undefined {
  if (typeof input === "number" && Number.isFinite(input)) return new Decimal(input).decimalPlaces();
  if (input instanceof Decimal) return input.decimalPlaces();
  if (typeof input !== "string") return undefined;
  const m = LEADING_NUMBER.exec(input);
  if (!m) return undefined;
  return m[1] === undefined ? 0 : m[1].length;
}

function withMeta(value: Decimal, step: Decimal, input: unknown, source?: string): Stated {
  const s: Stated = { value, step };
  if (source !== undefined) s.source = source;
  if (typeof input === "string") s.text = input.trim();
  return s;
}

/** An amount as stated: "−119,3 Mkr" has the value −119 300 000 kr and the step 100 000 kr. */
export function statedAmount(input: unknown, opts: StatedOptions = {}): Parsed<Stated> {
  const q = parseQuantity(input);
  if (!q.ok) return { ok: false, reason: `${q.reason}; skriv t.ex. −119,3 Mkr` };
  let value: Decimal;
  let factor: Decimal;
  switch (q.value.kind) {
    case "amount":
      value = q.value.kronor;
      factor = UNIT_FACTOR[q.value.unit];
      break;
    case "number":
      factor = UNIT_FACTOR[opts.plainUnit ?? "kr"];
      value = q.value.value.times(factor);
      break;
    case "percent":
      return { ok: false, reason: "en procentsats är inget belopp; skriv t.ex. −119,3 Mkr" };
  }
  const step = opts.step ?? factor.times(new Decimal(10).pow(-(decimalsOf(input) ?? 0)));
  return { ok: true, value: withMeta(value, step, input, opts.source) };
}

/** A share as stated: "15,23 %" is 0,1523 with the step 0,0001; "1,2 procentenheter" reads as 0,012. */
export function statedPercent(input: unknown, opts: Omit<StatedOptions, "plainUnit"> = {}): Parsed<Stated> {
  let text = input;
  if (typeof input === "string") text = input.replace(/\s*(procentenheter|procentenhet|p\.e\.|pe)\s*$/i, " %");
  const q = parseQuantity(text);
  if (!q.ok) return { ok: false, reason: `${q.reason}; skriv t.ex. 15,23 %` };
  let step: Decimal;
  let value: Decimal;
  switch (q.value.kind) {
    case "percent":
      value = q.value.fraction;
      step = new Decimal(10).pow(-(decimalsOf(text) ?? 0)).div(100);
      break;
    case "number":
      value = q.value.value;
      step = new Decimal(10).pow(-(decimalsOf(text) ?? 0));
      break;
    case "amount":
      return { ok: false, reason: "ett belopp är ingen procentsats; skriv t.ex. 15,23 %" };
  }
  return { ok: true, value: withMeta(value, opts.step ?? step, input, opts.source) };
}

/** A count as stated: "+51 076" or "51 076 timmar" (the unit word given), "ca 42 400". */
export function statedCount(input: unknown, opts: Omit<StatedOptions, "plainUnit"> & { unit?: string } = {}): Parsed<Stated> {
  let text = input;
  if (typeof input === "string") {
    text = input.trim().replace(/^ca\.?\s+/i, "");
    const unit = opts.unit?.trim();
    if (unit) {
      const lower = (text as string).toLocaleLowerCase("sv-SE");
      const u = unit.toLocaleLowerCase("sv-SE");
      if (lower.endsWith(" " + u) || lower.endsWith("\u00A0" + u)) text = (text as string).slice(0, -(u.length + 1));
    }
  }
  const q = parseQuantity(text);
  if (!q.ok) return { ok: false, reason: `${q.reason}; skriv t.ex. 51 076` };
  if (q.value.kind !== "number") return { ok: false, reason: "ett antal skrivs utan enhet, t.ex. 51 076" };
  const step = opts.step ?? new Decimal(10).pow(-(decimalsOf(text) ?? 0));
  return { ok: true, value: withMeta(q.value.value, step, input, opts.source) };
}

/** A figure known exactly, e.g. a ledger amount in kronor. */
export function exact(value: Decimal, source?: string): Stated {
  return withMeta(value, new Decimal(0), undefined, source);
}

/** Half the step: how far the exact value can lie from the stated one. */
export function halfStep(s: Pick<Stated, "step">): Decimal {
  return s.step.div(2);
}

// ---------- Formatting the papers' way ----------

const MKR = new Decimal(1_000_000);

/** "−119,3 Mkr"; `signed` gives "+3,6 Mkr" as the papers write a net deviation. */
export function formatReportMkr(value: Decimal, opts: { signed?: boolean; decimals?: number; unitLabel?: UnitLabel } = {}): string {
  return `${formatNumber(value.div(MKR), opts.decimals ?? 1, { signed: opts.signed })}${NBSP}${opts.unitLabel ?? "Mkr"}`;
}

/**
 * An amount without losing digits, for differences and tolerances in
 * messages: in Mkr with as many decimals as it has (at least one, at most
 * three), otherwise in kronor.
 */
export function formatExactAmount(value: Decimal, opts: { signed?: boolean; unitLabel?: UnitLabel } = {}): string {
  const mkr = value.div(MKR);
  const dp = mkr.decimalPlaces();
  if (dp <= 3) return formatReportMkr(value, { ...opts, decimals: Math.max(1, dp) });
  return formatKr(value, { signed: opts.signed, decimals: Math.min(2, value.decimalPlaces()) });
}

/** "15,23 %", with at least the decimals the value has (up to four). */
export function formatShare(fraction: Decimal, opts: { signed?: boolean; decimals?: number } = {}): string {
  const decimals = opts.decimals ?? Math.min(4, Math.max(1, fraction.times(100).decimalPlaces()));
  return `${formatNumber(fraction.times(100), decimals, { signed: opts.signed })}${NBSP}%`;
}

/** "1,2 procentenheter" from the fraction 0,012. */
export function formatPoints(fraction: Decimal, opts: { signed?: boolean; decimals?: number } = {}): string {
  const decimals = opts.decimals ?? Math.min(4, Math.max(1, fraction.times(100).decimalPlaces()));
  return `${formatNumber(fraction.times(100), decimals, { signed: opts.signed })}${NBSP}procentenheter`;
}

/** "51 076 timmar", "105" */
export function formatCount(value: Decimal, unit = "", opts: { signed?: boolean } = {}): string {
  const n = formatNumber(value, Math.min(2, value.decimalPlaces()), opts);
  return unit ? `${n}${NBSP}${unit}` : n;
}
