/**
 * Frozen versions of a budget round (`Fastställ version`): the model's
 * tables copied as values to a dated, protected sheet; and the comparison of
 * two versions, or of a version with today, row by row.
 */
import { Decimal, formatKr } from "../domain/money";
import { IsoDate } from "../domain/period";
import { cellAddress, parseCell, rangeAddress } from "./address";
import { ModelDefinition } from "./model";
import { LocatedProblem } from "./problem";
import { TableSpec } from "./schema";
import { CellValue, RawTable, describeFound, parseCellValue } from "./table";
import { VERSION_PREFIX } from "./versionName";
import { Write, guardText } from "./writes";

export { VERSION_PREFIX };
const TABLE_MARK = "Tabell:";
const MODEL_MARK = "Ramkoll-version:";

/** "Version 2024-05-01", or with a number when that name is taken. */
export function versionSheetName(date: IsoDate, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = `${VERSION_PREFIX}${date}`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export interface VersionMeta {
  model: string;
  title: string;
  date: IsoDate;
  /** "2024-05-01 10:32" */
  stamp: string;
  user?: string;
}

/**
 * The writes that freeze the tables as values on a new sheet: a heading
 * that says what and when, then each table under a `Tabell:` line, then
 * protection so nobody edits a decided round by mistake.
 */
export function versionWrites(sheet: string, meta: VersionMeta, specs: readonly TableSpec[], tables: ReadonlyMap<string, RawTable>): Write[] {
  const writes: Write[] = [{ kind: "addSheet", sheet }];
  writes.push({
    kind: "cells",
    sheet,
    address: "A1:B2",
    cells: [
      [MODEL_MARK, guardText(meta.model)],
      [guardText(`Fastställd version av ${meta.title}`), guardText(`${meta.stamp}${meta.user ? `, ${meta.user}` : ""}`)],
    ],
  });
  writes.push({ kind: "font", sheet, address: "A2", bold: true, size: 14 });
  let row = 3;
  for (const spec of specs) {
    const raw = tables.get(spec.name);
    if (!raw) continue;
    writes.push({ kind: "cells", sheet, address: cellAddress({ row, col: 0 }), cells: [[guardText(`${TABLE_MARK} ${spec.name}`)]] });
    writes.push({ kind: "font", sheet, address: cellAddress({ row, col: 0 }), bold: true });
    row++;
    const width = raw.headers.length;
    const body = raw.values.map((r) => r.map((v) => guardText(v)));
    writes.push({ kind: "cells", sheet, address: rangeAddress({ row, col: 0 }, body.length + 1, width), cells: [raw.headers.map(guardText), ...body] });
    writes.push({ kind: "font", sheet, address: rangeAddress({ row, col: 0 }, 1, width), bold: true });
    raw.headers.forEach((h, j) => {
      const col = spec.columns.find((c) => c.header.toLowerCase() === h.toLowerCase());
      if (col?.numberFormat && body.length) {
        writes.push({ kind: "numberFormat", sheet, address: rangeAddress({ row: row + 1, col: j }, body.length, 1), format: col.numberFormat });
      }
      if (col?.width) writes.push({ kind: "columnWidth", sheet, address: cellAddress({ row, col: j }), width: col.width });
    });
    row += body.length + 2;
  }
  writes.push({ kind: "protectSheet", sheet });
  return writes;
}

/** Reads a frozen version back from its sheet's values (the used range from A1). */
export function readVersion(sheet: string, values: readonly CellValue[][]): { model?: string; tables: Map<string, RawTable> } {
  const tables = new Map<string, RawTable>();
  const model = values[0]?.[0] === MODEL_MARK ? String(values[0][1]) : undefined;
  for (let r = 0; r < values.length; r++) {
    const first = values[r][0];
    if (typeof first !== "string" || !first.startsWith(TABLE_MARK)) continue;
    const name = first.slice(TABLE_MARK.length).trim();
    const headers = values[r + 1].map(String).filter((h, j, all) => h !== "" || all.slice(j).some((x) => x !== ""));
    const rows: CellValue[][] = [];
    let k = r + 2;
    while (k < values.length && values[k].slice(0, headers.length).some((v) => v !== "")) {
      rows.push(values[k].slice(0, headers.length));
      k++;
    }
    tables.set(name, {
      name,
      sheet,
      address: rangeAddress({ row: r + 1, col: 0 }, rows.length + 1, headers.length),
      headers,
      values: rows,
    });
    r = k;
  }
  return { model, tables };
}

export interface Difference {
  table: string;
  /** The row's key as the controller reads it, e.g. "HSN 2024" or "HSN/1222/2023". */
  key: string;
  change: "ny" | "borttagen" | "ändrad";
  column?: string;
  before?: CellValue;
  after?: CellValue;
  /** For amounts: after − before. */
  difference?: Decimal;
}

function keyOf(raw: RawTable, row: readonly CellValue[], keyHeaders: readonly string[]): string {
  return keyHeaders
    .map((h) => {
      const at = raw.headers.findIndex((x) => x.toLowerCase() === h.toLowerCase());
      return at < 0 ? "" : String(row[at]).trim();
    })
    .join(" ");
}

/**
 * Row-by-row differences of one table between two states, matched by the
 * model's key columns. Input columns are compared as typed; amounts, input
 * or computed, exactly, so the comparison shows what a change does to the
 * frames as well as the change itself.
 */
export function compareTable(spec: TableSpec, keys: readonly string[], before: RawTable, after: RawTable): Difference[] {
  const keyHeaders = keys.map((k) => spec.columns.find((c) => c.key === k)!.header);
  // An empty table keeps one blank row in Excel and none in a frozen copy: blank rows are no rows.
  const blank = (row: readonly CellValue[]) => row.every((v) => v === null || v === undefined || String(v).trim() === "");
  const index = (raw: RawTable) => new Map(raw.values.filter((row) => !blank(row)).map((row) => [keyOf(raw, row, keyHeaders), row] as const));
  const a = index(before);
  const b = index(after);
  const out: Difference[] = [];
  for (const [key, row] of b) {
    if (!a.has(key)) {
      out.push({ table: spec.name, key, change: "ny" });
      continue;
    }
    const old = a.get(key)!;
    for (const col of spec.columns) {
      const i = before.headers.findIndex((h) => h.toLowerCase() === col.header.toLowerCase());
      const j = after.headers.findIndex((h) => h.toLowerCase() === col.header.toLowerCase());
      if (i < 0 || j < 0) continue;
      const x = old[i];
      const y = row[j];
      if (col.type === "amount") {
        const px = parseCellValue(col, x === "" ? 0 : x);
        const py = parseCellValue(col, y === "" ? 0 : y);
        if (px.ok && py.ok && px.value instanceof Decimal && py.value instanceof Decimal) {
          if (!px.value.eq(py.value)) {
            out.push({ table: spec.name, key, change: "ändrad", column: col.header, before: x, after: y, difference: py.value.minus(px.value) });
          }
          continue;
        }
      }
      if (col.role === "input" && String(x) !== String(y)) {
        out.push({ table: spec.name, key, change: "ändrad", column: col.header, before: x, after: y });
      }
    }
  }
  for (const key of a.keys()) if (!b.has(key)) out.push({ table: spec.name, key, change: "borttagen" });
  return out;
}

export function compareModel<M, R>(
  def: ModelDefinition<M, R>,
  before: ReadonlyMap<string, RawTable>,
  after: ReadonlyMap<string, RawTable>,
): { differences: Difference[]; problems: LocatedProblem[] } {
  const differences: Difference[] = [];
  const problems: LocatedProblem[] = [];
  for (const spec of def.tables) {
    const keys = def.keys?.[spec.name];
    const a = before.get(spec.name);
    const b = after.get(spec.name);
    if (!keys) continue;
    if (!a || !b) {
      const missing = (!a ? before : after) === before ? "den äldre" : "den nyare";
      problems.push({
        severity: "varning",
        code: "version.tableMissing",
        message: `Tabellen ${spec.name} finns inte i ${missing} versionen och jämförs inte.`,
        place: { sheet: spec.sheet, table: spec.name },
      });
      continue;
    }
    differences.push(...compareTable(spec, keys, a, b));
  }
  return { differences, problems };
}

export const COMPARISON_SHEET = "Jämförelse";

/** The comparison as a report sheet: one row per difference. */
export function comparisonWrites(sheet: string, title: string, differences: readonly Difference[], exists: boolean): Write[] {
  const writes: Write[] = [];
  if (exists) writes.push({ kind: "deleteSheet", sheet });
  writes.push({ kind: "addSheet", sheet });
  const header = ["Tabell", "Rad", "Ändring", "Kolumn", "Före", "Efter", "Skillnad (kr)"];
  const rows: CellValue[][] = differences.map((d) => [
    d.table,
    guardText(d.key),
    d.change,
    d.column ?? "",
    d.before === undefined ? "" : guardText(d.before),
    d.after === undefined ? "" : guardText(d.after),
    d.difference ? d.difference.toNumber() : "",
  ]);
  writes.push({ kind: "cells", sheet, address: "A1", cells: [[guardText(title)]] }, { kind: "font", sheet, address: "A1", bold: true, size: 14 });
  const start = parseCell("A3");
  writes.push({ kind: "cells", sheet, address: rangeAddress(start, rows.length + 1, header.length), cells: [header, ...rows] });
  writes.push({ kind: "font", sheet, address: rangeAddress(start, 1, header.length), bold: true });
  if (rows.length) writes.push({ kind: "numberFormat", sheet, address: rangeAddress({ row: 3, col: 6 }, rows.length, 1), format: '#,##0 "kr";-#,##0 "kr";0 "kr"' });
  if (!rows.length) writes.push({ kind: "cells", sheet, address: "A5", cells: [["Inga skillnader."]] });
  [90, 140, 80, 160, 120, 120, 110].forEach((width, j) => writes.push({ kind: "columnWidth", sheet, address: cellAddress({ row: 2, col: j }), width }));
  return writes;
}

export function describeDifference(d: Difference): string {
  if (d.change === "ny") return `${d.table} ${d.key}: ny rad`;
  if (d.change === "borttagen") return `${d.table} ${d.key}: borttagen`;
  if (d.difference && typeof d.before === "number" && typeof d.after === "number") {
    const kr = (v: number) => formatKr(new Decimal(v));
    return `${d.table} ${d.key}, ${d.column}: ${kr(d.before)} → ${kr(d.after)} (${formatKr(d.difference, { signed: true })})`;
  }
  return `${d.table} ${d.key}, ${d.column}: ${describeFound(d.before ?? "")} → ${describeFound(d.after ?? "")}`;
}
