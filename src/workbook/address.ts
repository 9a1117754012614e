/** A1 addresses: column letters, cells and ranges, with sheet names quoted as Excel quotes them. */

export interface CellPos {
  /** 0-based row. */
  row: number;
  /** 0-based column. */
  col: number;
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(pos: CellPos): string {
  return `${columnLetter(pos.col)}${pos.row + 1}`;
}

export function parseCell(a1: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface RangePos {
  start: CellPos;
  rows: number;
  cols: number;
}

export function rangeAddress(start: CellPos, rows: number, cols: number): string {
  const end = { row: start.row + rows - 1, col: start.col + cols - 1 };
  return rows === 1 && cols === 1 ? cellAddress(start) : `${cellAddress(start)}:${cellAddress(end)}`;
}

/** Splits `'Min flik'!A1:C3` or `Budget!A1` into sheet and the range; the sheet is absent when not given. */
export function splitSheet(address: string): { sheet?: string; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

export function parseRange(range: string): RangePos {
  const { range: r } = splitSheet(range);
  const [a, b] = r.split(":");
  const start = parseCell(a);
  const end = b ? parseCell(b) : start;
  return { start, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}
