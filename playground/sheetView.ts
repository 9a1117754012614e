/**
 * What the playground's grid shows of one sheet of the simulated workbook,
 * read through the simulator's read-only inspection API (no request to the
 * simulated Excel, nothing changed).
 */
import { cellAddress, columnLetter, parseRange, splitSheet } from "../src/workbook/address";
import type { ExcelSimulator } from "../tests/excel-sim";

export interface GridCell {
  /** "N4", without the sheet. */
  address: string;
  /** The value as Excel shows it through the cell's number format. */
  text: string;
  /** The formula as written, or null for a constant or an empty cell. */
  formula: string | null;
  /** The value as a person would type it back ("4500000", "Text"); the formula for a formula cell. */
  input: string;
  kind: "empty" | "number" | "text" | "boolean" | "error";
  /** Header cell of an Excel table; `table` names the table of header and data cells. */
  header: boolean;
  table: string | null;
}

export interface SheetView {
  name: string;
  /** Column letters shown, from A. */
  columns: string[];
  rows: GridCell[][];
  /** Rows of the used range not shown (a very large sheet). */
  hiddenRows: number;
}

export interface ViewOptions {
  /** At least this many rows and columns, so an empty sheet still looks like a sheet. */
  minRows?: number;
  minCols?: number;
  /** Empty rows and columns after the used range. */
  margin?: number;
  /** At most this many rows (the used range of a generated model can be large). */
  maxRows?: number;
  locale?: string;
}

const ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA)$/;

/** A value without its number format: what the grid shows when the simulator cannot format it. */
export function plainText(value: unknown, locale: string): string {
  if (value === "" || value === null || value === undefined) return "";
  if (typeof value === "number") return value.toLocaleString(locale, { maximumFractionDigits: 10 });
  if (typeof value === "boolean") return locale.startsWith("sv") ? (value ? "SANT" : "FALSKT") : value ? "TRUE" : "FALSE";
  return String(value);
}

export function readSheet(sim: ExcelSimulator, sheet: string, opts: ViewOptions = {}): SheetView {
  const { minRows = 20, minCols = 8, margin = 2, maxRows = 400, locale = "sv-SE" } = opts;
  const used = sim.usedRange(sheet);
  const end = used ? parseRange(splitSheet(used).range) : { start: { row: 0, col: 0 }, rows: 0, cols: 0 };
  const lastRow = used ? end.start.row + end.rows - 1 : -1;
  const lastCol = used ? end.start.col + end.cols - 1 : -1;
  const rowCount = Math.max(minRows, lastRow + 1 + margin);
  const shown = Math.min(rowCount, maxRows);
  const colCount = Math.max(minCols, lastCol + 1 + margin);

  // Which cells belong to a table, and which are its headers.
  const tableAt = new Map<string, { table: string; header: boolean }>();
  for (const name of sim.tableNames()) {
    const t = sim.table(name);
    if (t.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const r = parseRange(splitSheet(t.address).range);
    for (let i = 0; i < r.rows && r.start.row + i < shown; i++) {
      for (let j = 0; j < r.cols; j++) tableAt.set(cellAddress({ row: r.start.row + i, col: r.start.col + j }), { table: name, header: i === 0 });
    }
  }

  const prefix = `'${sheet.replace(/'/g, "''")}'!`;
  const rows: GridCell[][] = [];
  for (let row = 0; row < shown; row++) {
    const cells: GridCell[] = [];
    for (let col = 0; col < colCount; col++) {
      const address = cellAddress({ row, col });
      const inTable = tableAt.get(address);
      const base = { address, header: inTable?.header ?? false, table: inTable?.table ?? null };
      if (row > lastRow || col > lastCol) {
        cells.push({ ...base, text: "", formula: null, input: "", kind: "empty" });
        continue;
      }
      const value = sim.getValue(prefix + address);
      const formula = sim.getFormula(prefix + address);
      let text: string;
      try {
        // Booleans as a Swedish Excel shows them (SANT, FALSKT); the simulator's Range.text is English there.
        text = typeof value === "boolean" ? plainText(value, locale) : sim.getText(prefix + address);
      } catch {
        // A format the simulator does not reproduce (or one Excel would take from the precedents): the plain value.
        text = plainText(value, locale);
      }
      const kind: GridCell["kind"] =
        typeof value === "number"
          ? "number"
          : typeof value === "boolean"
            ? "boolean"
            : value === ""
              ? "empty"
              : ERROR.test(String(value)) && formula !== null
                ? "error"
                : "text";
      const input = formula ?? (typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value));
      cells.push({ ...base, text, formula, input, kind });
    }
    rows.push(cells);
  }
  return {
    name: sheet,
    columns: Array.from({ length: colCount }, (_, c) => columnLetter(c)),
    rows,
    hiddenRows: rowCount - shown,
  };
}
