/**
 * Cell contents and how Excel turns what is written through the API into them.
 *
 * Rules (sources in brackets):
 * - `null` in a written 2-D array leaves that cell unchanged; `''` clears it; `null` as the whole
 *   property value is invalid [learn.microsoft.com "Blank and null values in Excel add-ins"].
 * - A string starting with "=", "+" or "-" is interpreted as a formula
 *   [@types/office-js, Range.values: "If the returned value starts with a plus ("+"), minus ("-"),
 *   or equal sign ("="), Excel interprets this value as a formula."]; "-5" is still the number -5.
 * - A leading apostrophe stores the rest as text (what typing does; the apostrophe is not part of the value).
 * - A cell formatted as Text ("@") keeps any string as text, formulas included (what typing does).
 * - Other strings are parsed the way Excel parses typed input, in en-US for `values`
 *   [@types/office-js, Range.values: locale-shaped strings such as "19-8-2025" stay text; ISO dates become dates].
 *   Plain numbers ("123", "-1.5", "1E3") become numbers and TRUE/FALSE become booleans. Strings that Excel
 *   would turn into a date, time, percentage, currency, fraction or a number with separators also change
 *   the cell's number format; the simulator cannot know that format, so it refuses them (NotImplemented).
 * - At most 32 767 characters in a cell [Excel specifications and limits]; 8 192 in a formula.
 */
import { notSimulated, officeError } from './errors';

export type Content =
  | { t: 'n'; v: number }
  | { t: 's'; v: string }
  | { t: 'b'; v: boolean }
  | { t: 'e'; v: string }
  | { t: 'f'; f: string };

/** A computed value as Office.js returns it: number, string, boolean, '' for empty, '#DIV/0!' etc. for errors. */
export type CellValue = number | string | boolean;

export const ERROR_LITERALS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;

export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;

const PLAIN_NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
// English and Swedish month names: whether `values` parses in en-US or in the user's locale is not
// documented clearly, so both are treated as dates and refused.
const MONTHS = '(jan|feb|mar|apr|may|maj|jun|jul|aug|sep|sept|oct|okt|nov|dec)[a-zåäö]*\\.?';
// a month name with a day or year next to it ("1 jan", "Jan 2024", "15-Mar-24"); a bare "jan" stays text
const MONTH_DATE = new RegExp(
  `^\\s*(\\d{1,4}[\\s\\-/.,]*${MONTHS}([\\s\\-/.,]*\\d{1,4})?|${MONTHS}([\\s\\-/.,]*\\d{1,4}){1,2})\\s*$`,
  'i',
);
const AMPM_TIME = /^\s*\d{1,2}(:\d{1,2}){0,2}(\.\d+)?\s*(am|pm|a|p)\s*$/i;
const NUMERIC_SHAPED = /^[\s\d.,:/%$€£¥+\-()]*\d[\s\d.,:/%$€£¥+\-()]*$/;

export type WriteResult = Content | 'clear' | 'unchanged';

/**
 * What a written value becomes. `numberFormat` is the cell's current format ("@" keeps text).
 * Throws InvalidArgument for values Excel refuses and NotImplemented where Excel would guess a format.
 */
export function classifyInput(raw: unknown, numberFormat: string, location: string): WriteResult {
  if (raw === null || raw === undefined) return 'unchanged';
  if (numberFormat === '@' && (typeof raw === 'number' || typeof raw === 'boolean')) {
    throw notSimulated(
      `writing the ${typeof raw} ${String(raw)} into a cell formatted as Text ("@"): typing would store text, the API may store a ${typeof raw}; write a string`,
      location,
    );
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw officeError('InvalidArgument', location, `Not a finite number: ${raw}`);
    return { t: 'n', v: Object.is(raw, -0) ? 0 : raw };
  }
  if (typeof raw === 'boolean') return { t: 'b', v: raw };
  if (typeof raw !== 'string') {
    throw officeError('InvalidArgument', location, `Cell values must be string, number or boolean, got ${describe(raw)}`);
  }
  if (raw === '') return 'clear';
  if (raw.length > MAX_CELL_TEXT) {
    throw officeError('InvalidArgument', location, `A cell holds at most ${MAX_CELL_TEXT} characters`);
  }
  if (numberFormat === '@') return { t: 's', v: raw };
  if (raw.startsWith("'")) return { t: 's', v: raw.slice(1) };
  if (raw.startsWith('=')) {
    if (raw.length === 1) throw officeError('InvalidArgument', location, 'A formula cannot be just "="');
    if (raw.length > MAX_FORMULA_LENGTH) {
      throw officeError('InvalidArgument', location, `A formula holds at most ${MAX_FORMULA_LENGTH} characters`);
    }
    return { t: 'f', f: raw };
  }
  if (PLAIN_NUMBER.test(raw)) return { t: 'n', v: Number(raw.trim()) + 0 };
  if (raw.startsWith('+') || raw.startsWith('-')) return { t: 'f', f: `=${raw}` };
  const upper = raw.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { t: 'b', v: upper === 'TRUE' };
  const err = ERROR_LITERALS.find((e) => e === upper);
  if (err) return { t: 'e', v: err };
  if (NUMERIC_SHAPED.test(raw) || MONTH_DATE.test(raw) || AMPM_TIME.test(raw)) {
    throw notSimulated(
      `Excel would parse the string ${JSON.stringify(raw)} as a number, date, time, percentage or currency and change ` +
        'the number format of the cell. Write a number (and set numberFormat), or prefix the text with an apostrophe.',
      location,
    );
  }
  return { t: 's', v: raw };
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Date) return 'a Date';
  return typeof v;
}

/** Converts a value into the content a person typing it would produce (`setCell`). */
export function classifyTyped(input: string | number | boolean | null, numberFormat: string, location: string): WriteResult {
  if (input === null) return 'clear';
  return classifyInput(input, numberFormat, location);
}

/** What `formulas` returns for a cell: the formula as written, or the constant. */
export function contentFormula(c: Content | undefined): CellValue {
  if (!c) return '';
  switch (c.t) {
    case 'f':
      return c.f;
    case 'n':
    case 's':
    case 'b':
    case 'e':
      return c.v;
  }
}

/**
 * Excel's rounding: on the decimal representation of the number to 15 significant digits,
 * half away from zero. ROUND(1.005;2)=1.01, ROUND(2.675;2)=2.68, ROUND(-2.5;0)=-3, ROUND(1234.5;-1)=1230.
 * `mode` 'up'/'down' give ROUNDUP/ROUNDDOWN (away from / towards zero).
 */
export function excelRound(x: number, digits: number, mode: 'half' | 'up' | 'down' = 'half'): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const d = Math.trunc(digits);
  const neg = x < 0;
  // 15 significant digits, as Excel keeps them.
  const [mant, expStr] = Math.abs(x).toExponential(14).split('e');
  const exp = Number(expStr);
  const digitsStr = mant.replace('.', ''); // 15 digits, value = 0.d1d2... * 10^(exp+1)
  // Position (count of digits kept) = exp + 1 + d
  const keep = exp + 1 + d;
  if (keep >= digitsStr.length) return x;
  if (keep < 0) return mode === 'up' ? (neg ? -1 : 1) * Math.pow(10, -d) : 0;
  let kept = digitsStr.slice(0, Math.min(keep, digitsStr.length)).padEnd(Math.max(keep, 0), '0');
  const rest = keep < digitsStr.length ? digitsStr.slice(keep) : '';
  let bump = false;
  if (mode === 'half') bump = rest.length > 0 && rest.charCodeAt(0) >= 53; // '5'
  else if (mode === 'up') bump = /[1-9]/.test(rest);
  if (kept === '') kept = '0';
  let n = BigInt(kept);
  if (bump) n += 1n;
  // value = n * 10^(exp + 1 - keep) = n * 10^(-d)
  const s = n.toString();
  let out: number;
  if (d >= 0) out = Number(`${s}e-${d}`);
  else out = Number(`${s}e${-d}`);
  if (out === 0) return 0; // never -0
  return neg ? -out : out;
}

/** Excel's INT: rounds down towards negative infinity (HyperFormula truncates towards zero). */
export function excelInt(x: number): number {
  return Math.floor(x);
}
