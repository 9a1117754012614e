/**
 * `Range.text`: a value shown through its number format.
 *
 * Supported: "General", "@", digit placeholders 0 # ?, "." and "," (thousands, and trailing commas
 * that scale by 1000), "%", scientific "0.00E+00", up to four sections (positive;negative;zero;text),
 * quoted literals, "\x", "_x", "*x", colours such as [Red], currency blocks such as [$kr-41D],
 * and dates/times with y, m, d, h, s, AM/PM.
 * Not supported (the simulator throws NotImplemented rather than guess): conditions such as [>100],
 * fractions, elapsed time [h], literals between digit placeholders (e.g. "000-000").
 *
 * Limits of "General" (Excel chooses digits by column width in the grid; Range.text does not depend on
 * width): integers below 1e11 are shown exactly; other numbers with at most 10 significant digits and
 * scientific notation from 1e11. Separators follow the locale: en-US "1,234.5"; sv-SE "1 234,5" with a
 * no-break space (U+00A0).
 */
import { notSimulated } from './errors';
import { excelRound, type CellValue } from './values';

export type DisplayLocale = 'en-US' | 'sv-SE';

interface LocaleInfo {
  decimal: string;
  group: string;
  months: string[];
  days: string[];
}

const LOCALES: Record<DisplayLocale, LocaleInfo> = {
  'en-US': {
    decimal: '.',
    group: ',',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
  'sv-SE': {
    decimal: ',',
    group: '\u00a0',
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    days: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  },
};

type Tok =
  | { k: 'lit'; s: string }
  | { k: 'digit'; c: '0' | '#' | '?' }
  | { k: 'dot' }
  | { k: 'comma' }
  | { k: 'pct' }
  | { k: 'exp'; sign: '+' | '-' }
  | { k: 'at' }
  | { k: 'date'; s: string }
  | { k: 'ampm'; s: string }
  | { k: 'general' };

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  let inB = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '\\' && !inQ && i + 1 < fmt.length) {
      cur += ch + fmt[i + 1];
      i++;
      continue;
    }
    if (ch === '"' && !inB) inQ = !inQ;
    else if (ch === '[' && !inQ) inB = true;
    else if (ch === ']' && !inQ) inB = false;
    if (ch === ';' && !inQ && !inB) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(section: string, fmt: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const lower = section.toLowerCase();
  while (i < section.length) {
    const ch = section[i];
    const rest = lower.slice(i);
    if (rest.startsWith('general')) {
      toks.push({ k: 'general' });
      i += 7;
    } else if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      if (j < 0) throw notSimulated(`unterminated quote in number format ${JSON.stringify(fmt)}`);
      toks.push({ k: 'lit', s: section.slice(i + 1, j) });
      i = j + 1;
    } else if (ch === '\\') {
      toks.push({ k: 'lit', s: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '_') {
      toks.push({ k: 'lit', s: ' ' });
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const j = section.indexOf(']', i);
      if (j < 0) throw notSimulated(`unterminated bracket in number format ${JSON.stringify(fmt)}`);
      const inner = section.slice(i + 1, j);
      if (/^(black|blue|cyan|green|magenta|red|white|yellow|color\s*\d+)$/i.test(inner)) {
        // colour: no effect on text
      } else if (inner.startsWith('$')) {
        const dash = inner.indexOf('-');
        const sym = dash >= 0 ? inner.slice(1, dash) : inner.slice(1);
        if (sym) toks.push({ k: 'lit', s: sym });
      } else {
        throw notSimulated(`number format part [${inner}] in ${JSON.stringify(fmt)}`);
      }
      i = j + 1;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      toks.push({ k: 'digit', c: ch });
      i++;
    } else if (ch === '.') {
      toks.push({ k: 'dot' });
      i++;
    } else if (ch === ',') {
      toks.push({ k: 'comma' });
      i++;
    } else if (ch === '%') {
      toks.push({ k: 'pct' });
      i++;
    } else if ((ch === 'E' || ch === 'e') && (section[i + 1] === '+' || section[i + 1] === '-')) {
      toks.push({ k: 'exp', sign: section[i + 1] as '+' | '-' });
      i += 2;
    } else if (ch === '@') {
      toks.push({ k: 'at' });
      i++;
    } else if (rest.startsWith('am/pm') || rest.startsWith('a/p')) {
      const len = rest.startsWith('am/pm') ? 5 : 3;
      toks.push({ k: 'ampm', s: section.slice(i, i + len) });
      i += len;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      toks.push({ k: 'date', s: lower.slice(i, j) });
      i = j;
    } else if (' $-+()/:!^&\'~{}<>=\u00a0kKrR€£'.includes(ch) || /\p{L}/u.test(ch)) {
      if (ch === '/') {
        const prev = toks[toks.length - 1];
        if (prev && prev.k === 'digit') throw notSimulated(`fractions in number format ${JSON.stringify(fmt)}`);
      }
      toks.push({ k: 'lit', s: ch });
      i++;
    } else {
      toks.push({ k: 'lit', s: ch });
      i++;
    }
  }
  return toks;
}

/** Formats a value as Excel shows it. `numberFormat` is the cell's format code. */
export function formatValue(value: CellValue, numberFormat: string, isError: boolean, locale: DisplayLocale = 'en-US'): string {
  if (value === '' && !isError) return '';
  if (isError) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const loc = LOCALES[locale];
  const fmt = numberFormat || 'General';
  const sections = splitSections(fmt);
  if (typeof value === 'string') {
    const textSection = sections.length >= 4 ? sections[3] : sections.length === 1 && sections[0].includes('@') ? sections[0] : null;
    if (textSection === null) return value;
    return tokenize(textSection, fmt)
      .map((t) => (t.k === 'at' ? value : t.k === 'lit' ? t.s : ''))
      .join('');
  }
  let section: string;
  let v = value;
  let signHandled = false;
  if (sections.length === 1) {
    section = sections[0];
  } else if (v < 0 && sections.length >= 2) {
    section = sections[1];
    v = -v;
    signHandled = true;
  } else if (v === 0 && sections.length >= 3) {
    section = sections[2];
  } else {
    section = sections[0];
  }
  const toks = tokenize(section, fmt);
  if (toks.some((t) => t.k === 'general')) {
    const body = generalNumber(v, loc);
    return toks.map((t) => (t.k === 'general' ? body : t.k === 'lit' ? t.s : '')).join('');
  }
  if (toks.some((t) => t.k === 'date' || t.k === 'ampm')) {
    if (v < 0) return '#'.repeat(11); // Excel shows hashes for negative dates
    return formatDate(v, toks, loc, fmt);
  }
  if (!toks.some((t) => t.k === 'digit')) {
    // Only literals (and perhaps @ or %): Excel shows the literals.
    return (v < 0 && !signHandled ? '-' : '') + toks.map((t) => (t.k === 'lit' ? t.s : t.k === 'pct' ? '%' : '')).join('');
  }
  return formatNumber(v, toks, loc, fmt, signHandled);
}

function generalNumber(v: number, loc: LocaleInfo): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v).replace('.', loc.decimal);
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e11 || (a < 1e-9 && a !== 0)) {
    const [m, e] = v.toExponential(5).split('e');
    const mant = m.replace(/\.?0+$/, '');
    const exp = Number(e);
    s = `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else {
    s = String(Number(v.toPrecision(10)));
    if (s.includes('e')) s = v.toFixed(10).replace(/\.?0+$/, '');
  }
  return s.replace('.', loc.decimal);
}

function formatNumber(v0: number, toks: Tok[], loc: LocaleInfo, fmt: string, signHandled: boolean): string {
  const firstDigit = toks.findIndex((t) => t.k === 'digit');
  let lastDigit = -1;
  toks.forEach((t, i) => {
    if (t.k === 'digit') lastDigit = i;
  });
  // The number block: digits, dots, commas (and an exponent) between the first and last placeholder.
  const block = toks.slice(firstDigit, lastDigit + 1);
  const expIdx = block.findIndex((t) => t.k === 'exp');
  for (const t of block) {
    if (t.k === 'lit' || t.k === 'at' || t.k === 'date' || t.k === 'ampm' || t.k === 'general' || t.k === 'pct') {
      throw notSimulated(`literals between digit placeholders in number format ${JSON.stringify(fmt)}`);
    }
  }
  const before = toks.slice(0, firstDigit);
  let after = toks.slice(lastDigit + 1);
  // trailing commas right after the block scale by 1000
  let scale = 0;
  while (after.length && after[0].k === 'comma') {
    scale++;
    after = after.slice(1);
  }
  const pctCount = toks.filter((t) => t.k === 'pct').length;
  let v = v0 * Math.pow(100, pctCount) / Math.pow(1000, scale);
  const neg = v < 0 && !signHandled;
  v = Math.abs(v);

  const mainBlock = expIdx >= 0 ? block.slice(0, expIdx) : block;
  const expBlock = expIdx >= 0 ? block.slice(expIdx + 1) : [];
  const dot = mainBlock.findIndex((t) => t.k === 'dot');
  const intToks = dot >= 0 ? mainBlock.slice(0, dot) : mainBlock;
  const fracToks = (dot >= 0 ? mainBlock.slice(dot + 1) : []).filter((t) => t.k === 'digit') as { k: 'digit'; c: string }[];
  const intDigits = intToks.filter((t) => t.k === 'digit') as { k: 'digit'; c: string }[];
  const grouping = intToks.some((t) => t.k === 'comma');
  const minInt = intDigits.filter((t) => t.c === '0').length;

  let exponent = 0;
  if (expIdx >= 0) {
    if (v !== 0) {
      exponent = Math.floor(Math.log10(v)) - (Math.max(intDigits.length, 1) - 1);
      v = v / Math.pow(10, exponent);
      if (excelRound(v, fracToks.length) >= Math.pow(10, Math.max(intDigits.length, 1))) {
        exponent += 1;
        v = v / 10;
      }
    }
  }
  const rounded = excelRound(v, fracToks.length);
  const fixed = rounded.toFixed(fracToks.length);
  const [intDigitsText, fracPart = ''] = fixed.split('.');
  let intPart = intDigitsText;
  if (intPart === '0' && minInt === 0) intPart = '';
  if (intPart.length < minInt) intPart = intPart.padStart(minInt, '0');
  if (grouping && intPart.length > 3) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, loc.group);
  // optional fraction digits: '#' drops trailing zeros, '?' turns them into spaces
  const fracChars = fracPart.split('');
  for (let i = fracToks.length - 1; i >= 0; i--) {
    if (fracChars[i] !== '0') break;
    if (fracToks[i].c === '#') fracChars.pop();
    else if (fracToks[i].c === '?') fracChars[i] = ' ';
    else break;
  }
  let num = intPart;
  if (dot >= 0) num += loc.decimal + fracChars.join('');
  if (expIdx >= 0) {
    const sign = exponent < 0 ? '-' : (block[expIdx] as { sign: string }).sign === '+' ? '+' : '';
    const expDigits = expBlock.filter((t) => t.k === 'digit').length;
    num += 'E' + sign + String(Math.abs(exponent)).padStart(expDigits, '0');
  }
  const isZero = rounded === 0;
  const pre = before.map((t) => (t.k === 'lit' ? t.s : t.k === 'pct' ? '%' : '')).join('');
  const post = after.map((t) => (t.k === 'lit' ? t.s : t.k === 'pct' ? '%' : '')).join('');
  return (neg && !isZero ? '-' : '') + pre + num + post;
}

/** Serial (1900 date system, with its fictitious 29 February 1900) to a calendar date. */
export function serialToDate(serial: number): { y: number; m: number; d: number; dow: number; h: number; mi: number; s: number } {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86400);
  if (secs >= 86400) {
    days += 1;
    secs -= 86400;
  }
  let y: number;
  let m: number;
  let d: number;
  if (days === 60) {
    y = 1900;
    m = 2;
    d = 29;
  } else {
    const offset = days < 60 ? days : days - 1; // skip the fictitious leap day
    const base = Date.UTC(1899, 11, 31);
    const dt = new Date(base + offset * 86400000);
    y = dt.getUTCFullYear();
    m = dt.getUTCMonth() + 1;
    d = dt.getUTCDate();
  }
  // Excel: serial 1 (1900-01-01) is a Sunday in its weekday numbering.
  const dow = (((days - 1) % 7) + 7) % 7;
  return { y, m, d, dow, h: Math.floor(secs / 3600), mi: Math.floor((secs % 3600) / 60), s: secs % 60 };
}

/** Calendar date to serial in the 1900 date system (Excel's DATE, including month/day overflow). */
export function dateToSerial(y: number, m: number, d: number): number {
  const t = Date.UTC(y, m - 1, d);
  const base = Date.UTC(1899, 11, 31);
  const days = Math.round((t - base) / 86400000);
  return days >= 60 ? days + 1 : days; // serial 60 is the fictitious 29 February 1900
}

function formatDate(v: number, toks: Tok[], loc: LocaleInfo, fmt: string): string {
  const dt = serialToDate(v);
  const hasAmPm = toks.some((t) => t.k === 'ampm');
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === 'lit') out.push(t.s);
    else if (t.k === 'ampm') out.push(dt.h < 12 ? (t.s.length === 3 ? 'A' : 'AM') : t.s.length === 3 ? 'P' : 'PM');
    else if (t.k === 'date') {
      const c = t.s[0];
      const n = t.s.length;
      if (c === 'y') out.push(n <= 2 ? String(dt.y % 100).padStart(2, '0') : String(dt.y));
      else if (c === 'd') {
        if (n === 1) out.push(String(dt.d));
        else if (n === 2) out.push(String(dt.d).padStart(2, '0'));
        else if (n === 3) out.push(loc.days[dt.dow].slice(0, 3));
        else out.push(loc.days[dt.dow]);
      } else if (c === 'h') {
        let h = dt.h;
        if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
        out.push(n >= 2 ? String(h).padStart(2, '0') : String(h));
      } else if (c === 's') out.push(n >= 2 ? String(dt.s).padStart(2, '0') : String(dt.s));
      else if (c === 'm') {
        // minutes when right after hours or right before seconds
        const prev = findDateNeighbour(toks, i, -1);
        const next = findDateNeighbour(toks, i, 1);
        const isMinute = n <= 2 && ((prev && prev.s[0] === 'h') || (next && next.s[0] === 's'));
        if (isMinute) out.push(n === 2 ? String(dt.mi).padStart(2, '0') : String(dt.mi));
        else if (n === 1) out.push(String(dt.m));
        else if (n === 2) out.push(String(dt.m).padStart(2, '0'));
        else if (n === 3) out.push(loc.months[dt.m - 1].slice(0, 3));
        else if (n === 5) out.push(loc.months[dt.m - 1][0]);
        else out.push(loc.months[dt.m - 1]);
      } else throw notSimulated(`date part ${t.s} in number format ${JSON.stringify(fmt)}`);
    } else if (t.k === 'digit' || t.k === 'dot') {
      throw notSimulated(`fractional seconds or digits in a date format ${JSON.stringify(fmt)}`);
    }
  }
  return out.join('');
}

function findDateNeighbour(toks: Tok[], i: number, dir: 1 | -1): { s: string } | null {
  for (let j = i + dir; j >= 0 && j < toks.length; j += dir) {
    const t = toks[j];
    if (t.k === 'date') return t;
  }
  return null;
}
