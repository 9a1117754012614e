/**
 * The `Logg` sheet: every command appends one row (time, user where Office
 * tells it, command, model, cells written, amounts moved, problems). Rows are
 * only ever added below the last one; the add-in never rewrites them.
 */
import { Decimal } from "../domain/money";
import { parseRange, rangeAddress } from "./address";
import { TABLE_STYLE } from "./build";
import { FORMAT, TableSpec } from "./schema";
import { Write, guardText } from "./writes";

export const LOG_SHEET = "Logg";

export const LOG_TABLE: TableSpec = {
  name: "Logg",
  sheet: LOG_SHEET,
  anchor: "A1",
  columns: [
    { key: "time", header: "Tid", role: "input", type: "number", numberFormat: "yyyy-mm-dd hh:mm:ss", width: 120 },
    { key: "user", header: "Användare", role: "input", type: "text", width: 120 },
    { key: "command", header: "Kommando", role: "input", type: "text", width: 140 },
    { key: "model", header: "Modell", role: "input", type: "text", width: 180 },
    { key: "cells", header: "Celler skrivna", role: "input", type: "integer", numberFormat: FORMAT.integer, width: 80 },
    { key: "moved", header: "Belopp flyttade", role: "input", type: "amount", numberFormat: FORMAT.kr, width: 120 },
    { key: "errors", header: "Fel", role: "input", type: "integer", numberFormat: FORMAT.integer, width: 40 },
    { key: "warnings", header: "Varningar", role: "input", type: "integer", numberFormat: FORMAT.integer, width: 60 },
    { key: "note", header: "Kommentar", role: "input", type: "text", width: 320 },
  ],
};

export interface LogEntry {
  /** Excel serial of the local time the command ran. */
  time: number;
  user?: string;
  command: string;
  model: string;
  cells: number;
  moved?: Decimal;
  errors: number;
  warnings: number;
  note?: string;
}

/** A JavaScript date as an Excel serial in local time, since Excel has no time zones. */
export function excelSerialNow(now: Date): number {
  const local = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function row(e: LogEntry): (string | number)[] {
  return [
    e.time,
    guardText(e.user ?? "") as string,
    guardText(e.command) as string,
    guardText(e.model) as string,
    e.cells,
    e.moved ? e.moved.toNumber() : "",
    e.errors,
    e.warnings,
    guardText(e.note ?? "") as string,
  ];
}

/**
 * The writes that append `entry`: a new sheet and table the first time,
 * afterwards the row just below the table and the table grown over it.
 * `current` is the Logg table's address as read, without the sheet.
 */
export function logWrites(entry: LogEntry, current: string | undefined, sheetExists: boolean): { writes: Write[]; undo: Write[] } {
  const cols = LOG_TABLE.columns;
  const writes: Write[] = [];
  const undo: Write[] = [];
  let rowAt: { row: number; col: number };
  if (!current) {
    const table = rangeAddress({ row: 0, col: 0 }, 2, cols.length);
    if (!sheetExists) {
      writes.push({ kind: "addSheet", sheet: LOG_SHEET });
      undo.push({ kind: "deleteSheetIfExists", sheet: LOG_SHEET });
    }
    writes.push(
      { kind: "cells", sheet: LOG_SHEET, address: table, cells: [cols.map((c) => c.header), row(entry)] },
      { kind: "addTable", sheet: LOG_SHEET, address: table, name: LOG_TABLE.name, style: TABLE_STYLE },
    );
    cols.forEach((c, j) => {
      if (c.width) writes.push({ kind: "columnWidth", sheet: LOG_SHEET, address: rangeAddress({ row: 0, col: j }, 1, 1), width: c.width });
    });
    rowAt = { row: 1, col: 0 };
  } else {
    const r = parseRange(current);
    rowAt = { row: r.start.row + r.rows, col: r.start.col };
    writes.push(
      { kind: "cells", sheet: LOG_SHEET, address: rangeAddress(rowAt, 1, cols.length), cells: [row(entry)] },
      { kind: "resizeTable", sheet: LOG_SHEET, name: LOG_TABLE.name, address: rangeAddress(r.start, r.rows + 1, r.cols) },
    );
    undo.push(
      { kind: "resizeTable", sheet: LOG_SHEET, name: LOG_TABLE.name, address: current },
      { kind: "cells", sheet: LOG_SHEET, address: rangeAddress(rowAt, 1, cols.length), cells: [cols.map(() => "")] },
    );
  }
  cols.forEach((c, j) => {
    const cell = rangeAddress({ row: rowAt.row, col: rowAt.col + j }, 1, 1);
    if (!c.numberFormat) return;
    writes.push({ kind: "numberFormat", sheet: LOG_SHEET, address: cell, format: c.numberFormat });
    // The row below the table was empty, so General; a new log sheet goes whole.
    if (current) undo.push({ kind: "numberFormat", sheet: LOG_SHEET, address: cell, format: "General" });
  });
  return { writes, undo };
}
