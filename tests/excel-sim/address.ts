/** A1 addresses, rectangles and sheet-name quoting, following Excel's grid (1 048 576 × 16 384). */
import { officeError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1 = r0, c1 = c0): Rect {
  return { r0, c0, r1, c1 };
}

export function rowsOf(r: Rect): number {
  return r.r1 - r.r0 + 1;
}
export function colsOf(r: Rect): number {
  return r.c1 - r.c0 + 1;
}
export function cellCount(r: Rect): number {
  return rowsOf(r) * colsOf(r);
}
export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}
export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}
export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}
export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}
export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}
export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}
export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function colToLetters(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellName(r: number, c: number): string {
  return `${colToLetters(c)}${r + 1}`;
}

/** "A1", "A1:C3", "A:C" or "1:3" for a rectangle, without sheet (as Excel writes it). */
export function rectToA1(r: Rect): string {
  if (isEntireColumns(r) && !isEntireRows(r)) return `${colToLetters(r.c0)}:${colToLetters(r.c1)}`;
  if (isEntireRows(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = cellName(r.r0, r.c0);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${cellName(r.r1, r.c1)}`;
}

/** Absolute form ("$A$1:$C$3") used when translating structured references for the engine. */
export function rectToAbsoluteA1(r: Rect): string {
  const a = `$${colToLetters(r.c0)}$${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:$${colToLetters(r.c1)}$${r.r1 + 1}`;
}

const CELL_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;

/**
 * True when a name could be read as a cell reference, which Excel forbids for table names:
 * A1 style within the grid ("A1", "XFD1048576"), or R1C1 style including the bare "R" and "C"
 * ("R", "C", "R1", "C12", "RC", "R1C1").
 */
export function looksLikeCellReference(name: string): boolean {
  if (CELL_LIKE.test(name)) {
    const letters = name.match(/^[A-Za-z]+/)![0];
    const col = lettersToCol(letters);
    const row = Number(name.slice(letters.length));
    if (col < MAX_COLS && row >= 1 && row <= MAX_ROWS) return true;
  }
  return /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/**
 * Whether Excel writes a sheet name in quotes inside an address or formula.
 * Excel quotes names that contain anything but letters (any script, so "Återredovisning" is bare),
 * digits, "_" and ".", that start with a digit, or that read as a cell reference.
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  return looksLikeCellReference(name);
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function formatAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(r)}`;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?([0-9]{1,7})$/;

function parsePart(p: string): { kind: 'cell'; r: number; c: number } | { kind: 'col'; c: number } | { kind: 'row'; r: number } | null {
  let m = CELL_RE.exec(p);
  if (m) return { kind: 'cell', c: lettersToCol(m[1]), r: Number(m[2]) - 1 };
  m = COL_RE.exec(p);
  if (m) return { kind: 'col', c: lettersToCol(m[1]) };
  m = ROW_RE.exec(p);
  if (m) return { kind: 'row', r: Number(m[1]) - 1 };
  return null;
}

/** Splits an optional sheet prefix ("Budget!", "'Min flik'!") from an address. */
export function splitSheet(address: string): { sheet?: string; rest: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') return { rest: s };
    return { sheet: name, rest: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheet: s.slice(0, bang), rest: s.slice(bang + 1) };
  return { rest: s };
}

/** Parses an A1 address ("A1", "$A$1:C3", "A:C", "2:5", "Budget!A1", "'Min flik'!B2"). Throws InvalidArgument. */
export function parseAddress(address: string, location = 'Range'): ParsedAddress {
  if (typeof address !== 'string' || address.trim() === '') throw officeError('InvalidArgument', location);
  const { sheet, rest } = splitSheet(address);
  const parts = rest.split(':');
  if (parts.length > 2) throw officeError('InvalidArgument', location);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b || a.kind !== b.kind) throw officeError('InvalidArgument', location);
  let r: Rect;
  if (a.kind === 'cell' && b.kind === 'cell') {
    r = { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  } else if (a.kind === 'col' && b.kind === 'col') {
    if (parts.length !== 2) throw officeError('InvalidArgument', location);
    r = { r0: 0, c0: Math.min(a.c, b.c), r1: MAX_ROWS - 1, c1: Math.max(a.c, b.c) };
  } else if (a.kind === 'row' && b.kind === 'row') {
    if (parts.length !== 2) throw officeError('InvalidArgument', location);
    r = { r0: Math.min(a.r, b.r), c0: 0, r1: Math.max(a.r, b.r), c1: MAX_COLS - 1 };
  } else {
    throw officeError('InvalidArgument', location);
  }
  if (!inGrid(r)) throw officeError('InvalidArgument', location);
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}

export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}
export function keyRow(k: number): number {
  return Math.floor(k / MAX_COLS);
}
export function keyCol(k: number): number {
  return k % MAX_COLS;
}
