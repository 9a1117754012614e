/**
 * Money in kronor on decimal.js: parsing what controllers type, Swedish
 * formatting, Excel-compatible rounding and exact splitting.
 *
 * No JavaScript float holds an amount between two steps: cell numbers enter
 * through `Decimal(number)` (the shortest round-tripping decimal of the float,
 * which is what Excel shows) and leave as Decimals.
 */
import Decimal from "decimal.js";

export { Decimal };
export type Kronor = Decimal;

/** A parse that failed carries a Swedish reason, without a place: the caller knows the place. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ZERO = new Decimal(0);

export type Unit = "kr" | "tkr" | "mkr" | "mdkr";
export const UNIT_FACTOR: Record<Unit, Decimal> = {
  kr: new Decimal(1),
  tkr: new Decimal(1_000),
  mkr: new Decimal(1_000_000),
  mdkr: new Decimal(1_000_000_000),
};

const UNIT_ALIASES: Record<string, Unit> = {
  kr: "kr",
  kronor: "kr",
  ":-": "kr",
  tkr: "tkr",
  mkr: "mkr",
  mnkr: "mkr",
  miljoner: "mkr",
  "miljoner kronor": "mkr",
  mdkr: "mdkr",
  mdr: "mdkr",
  miljarder: "mdkr",
  "miljarder kronor": "mdkr",
};

/** Characters Swedish text uses between thousands: space, no-break space, narrow no-break space, thin space. */
const GROUP_SPACES = /[ \u00A0\u202F\u2009]/g;
const MINUS_SIGNS = /^[-\u2212\u2013]/;

export const EXAMPLES_OF_AMOUNTS = "4 500 000, 4,5 mkr eller 4 500 tkr";

interface NumberPart {
  value: Decimal;
  rest: string;
}

/**
 * Reads the leading signed number of `text` in Swedish notation and returns
 * the rest. Grouping must be by three digits, so a typo like "45 00" is
 * refused rather than read as 4 500.
 */
function readNumber(text: string): Parsed<NumberPart> {
  let s = text.trim();
  let negative = false;
  if (MINUS_SIGNS.test(s)) {
    negative = true;
    s = s.slice(1).trimStart();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trimStart();
  }
  const m = /^(\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+|\d+)(?:([,.])(\d+))?/.exec(s);
  if (!m) {
    return { ok: false, reason: "inget tal i början" };
  }
  const [whole, intPart, sep, frac] = m;
  if (sep === "." && frac !== undefined && frac.length === 3 && !intPart.match(GROUP_SPACES)) {
    return {
      ok: false,
      reason: `"${whole}" är tvetydigt: skriv decimaler med komma (${intPart},${frac}) eller tusental med mellanslag (${intPart} ${frac})`,
    };
  }
  const digits = intPart.replace(GROUP_SPACES, "") + (frac !== undefined ? "." + frac : "");
  let value = new Decimal(digits);
  if (negative) value = value.negated();
  const rest = s.slice(whole.length);
  if (/^\d/.test(rest.trimStart()) && rest.length > 0) {
    return { ok: false, reason: "siffrorna är felaktigt grupperade: tusental skrivs med tre siffror i varje grupp" };
  }
  return { ok: true, value: { value, rest } };
}

/** Everything typed in a cell: an amount in a unit, a percentage, or a plain number. */
export type Quantity =
  | { kind: "amount"; kronor: Decimal; unit: Unit }
  | { kind: "percent"; fraction: Decimal }
  | { kind: "number"; value: Decimal };

export function parseQuantity(input: unknown): Parsed<Quantity> {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, reason: "talet är inte ändligt" };
    return { ok: true, value: { kind: "number", value: new Decimal(input) } };
  }
  if (input instanceof Decimal) return { ok: true, value: { kind: "number", value: input } };
  if (typeof input === "boolean") return { ok: false, reason: `${input ? "SANT" : "FALSKT"} är inget tal` };
  if (input === null || input === undefined) return { ok: false, reason: "cellen är tom" };
  if (typeof input !== "string") return { ok: false, reason: "värdet är inget tal" };
  const text = input.trim();
  if (text === "") return { ok: false, reason: "cellen är tom" };
  if (text.startsWith("#")) return { ok: false, reason: `cellen visar felet ${text}` };
  const num = readNumber(text);
  if (!num.ok) return num;
  const unitText = num.value.rest.trim().toLowerCase().replace(/\.$/, "");
  if (unitText === "") return { ok: true, value: { kind: "number", value: num.value.value } };
  if (unitText === "%") {
    return { ok: true, value: { kind: "percent", fraction: num.value.value.div(100) } };
  }
  const unit = UNIT_ALIASES[unitText.replace(GROUP_SPACES, " ")];
  if (unit) {
    return { ok: true, value: { kind: "amount", kronor: num.value.value.times(UNIT_FACTOR[unit]), unit } };
  }
  const words = unitText.split(/\s+/);
  if (words.length > 1 && words.every((w) => UNIT_ALIASES[w] === UNIT_ALIASES[words[0]] && UNIT_ALIASES[w])) {
    return { ok: false, reason: `enheten "${words[0]}" står ${words.length} gånger` };
  }
  return { ok: false, reason: `okänd enhet "${num.value.rest.trim()}"` };
}

/**
 * An amount in kronor. A plain number is taken in `plainUnit` (kr unless the
 * column says tkr or mkr); a percentage is refused, since it is no amount.
 */
export function parseAmount(input: unknown, plainUnit: Unit = "kr"): Parsed<Decimal> {
  const q = parseQuantity(input);
  if (!q.ok) return { ok: false, reason: `${q.reason}; skriv t.ex. ${EXAMPLES_OF_AMOUNTS}` };
  switch (q.value.kind) {
    case "amount":
      return { ok: true, value: q.value.kronor };
    case "number":
      return { ok: true, value: q.value.value.times(UNIT_FACTOR[plainUnit]) };
    case "percent":
      return { ok: false, reason: "en procentsats är inget belopp" };
  }
}

/** A share, from `15,23 %` or a cell's fraction 0.1523. */
export function parsePercent(input: unknown): Parsed<Decimal> {
  const q = parseQuantity(input);
  if (!q.ok) return { ok: false, reason: `${q.reason}; skriv t.ex. 15,23 %` };
  switch (q.value.kind) {
    case "percent":
      return { ok: true, value: q.value.fraction };
    case "number":
      return { ok: true, value: q.value.value };
    case "amount":
      return { ok: false, reason: "ett belopp är ingen procentsats" };
  }
}

/** Excel's ROUND: half away from zero, on the decimal value. Negative digits round to tens, hundreds… */
export function roundExcel(value: Decimal, digits: number): Decimal {
  if (!Number.isInteger(digits)) throw new RangeError("digits must be an integer");
  if (digits >= 0) return value.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const step = new Decimal(10).pow(-digits);
  return value.div(step).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(step);
}

/** Rounds to a whole number of `unit` kronor (1, 1 000, 0,01 …), half away from zero. */
export function roundToUnit(value: Decimal, unit: Decimal): Decimal {
  return value.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/**
 * Splits `total` over `weights` so that every part is a whole number of
 * `unit` and the parts sum exactly to `total` (largest remainder, Hamilton's
 * method). Ties go to the larger weight, then to the earlier position, so the
 * result does not depend on anything but the input.
 */
export function splitByWeights(total: Decimal, weights: readonly Decimal[], unit: Decimal = new Decimal(1)): Decimal[] {
  if (weights.length === 0) throw new RangeError("no weights to split over");
  if (unit.lte(0)) throw new RangeError("the unit must be positive");
  if (weights.some((w) => w.isNeg() || !w.isFinite())) throw new RangeError("weights must be zero or positive");
  const weightSum = sum(weights);
  if (weightSum.isZero()) throw new RangeError("all weights are zero");
  if (!total.mod(unit).isZero()) throw new RangeError("the total is not a whole number of units");
  const sign = total.isNeg() ? -1 : 1;
  const units = total.abs().div(unit); // an integer
  const shares = weights.map((w) => units.times(w).div(weightSum));
  const floors = shares.map((s) => s.floor());
  let left = units.minus(sum(floors)).toNumber(); // < weights.length, so safe as a count
  const order = shares
    .map((s, i) => ({ i, rem: s.minus(floors[i]), w: weights[i] }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || b.w.comparedTo(a.w) || a.i - b.i);
  const parts = floors.slice();
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = parts[i].plus(1);
    left -= 1;
  }
  return parts.map((p) => p.times(unit).times(sign));
}

// ---------- Formatting ----------

const NBSP = "\u00A0";
const MINUS = "\u2212";

/**
 * Formats like `Intl.NumberFormat('sv-SE')` (no-break space between thousands,
 * decimal comma, U+2212 minus) but from the decimal itself, so that amounts
 * beyond 2^53 öre format exactly too.
 */
export function formatNumber(value: Decimal, decimals = 0, opts: { signed?: boolean } = {}): string {
  const fixed = value.abs().toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [intPart, fracPart] = fixed.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const body = fracPart ? `${grouped},${fracPart}` : grouped;
  const isZero = /^[0.]+$/.test(fixed);
  if (value.isNeg() && !isZero) return MINUS + body;
  if (opts.signed && !isZero) return "+" + body;
  return body;
}

/** `1 209 812 kr` */
export function formatKr(value: Decimal, opts: { signed?: boolean; decimals?: number } = {}): string {
  return `${formatNumber(value, opts.decimals ?? 0, opts)}${NBSP}kr`;
}

/** `4 500 tkr` */
export function formatTkr(value: Decimal, opts: { signed?: boolean; decimals?: number } = {}): string {
  return `${formatNumber(value.div(1_000), opts.decimals ?? 0, opts)}${NBSP}tkr`;
}

/** `4,5 mkr`, `−119,3 mkr` */
export function formatMkr(value: Decimal, opts: { signed?: boolean; decimals?: number } = {}): string {
  return `${formatNumber(value.div(1_000_000), opts.decimals ?? 1, opts)}${NBSP}mkr`;
}

/** `15,23 %` from the fraction 0.1523 */
export function formatPercent(fraction: Decimal, decimals = 2, opts: { signed?: boolean } = {}): string {
  return `${formatNumber(fraction.times(100), decimals, opts)}${NBSP}%`;
}
