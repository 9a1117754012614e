/**
 * From a plan to the writes a command makes, as plain data: everything for
 * a new model, and for a recompute only the computed cells whose content
 * differs from what the workbook holds. Adapters execute these writes; the
 * decisions (what to write, what to leave, what to report) are made here.
 */
import { cellAddress, parseCell, parseRange, rangeAddress } from "./address";
import { BlockPlan, ChartPlan, PlanCell, SheetPlan, TablePlan, WorkbookPlan } from "./plan";
import { LocatedProblem } from "./problem";
import { CellValue, RawTable, cellPlace, describeFound } from "./table";
import { WrittenRecord, digest, isValueColumn, keyColumnsOf, rowKey } from "./written";
import { Decimal, formatNumber } from "../domain/money";

export type Write =
  | { kind: "addSheet"; sheet: string }
  /** A 2D block of values and formulas; `null` leaves a cell as it is. */
  | { kind: "cells"; sheet: string; address: string; cells: (CellValue | null)[][] }
  /** One formula for every cell of a range (a table's calculated column). */
  | { kind: "fill"; sheet: string; address: string; formula: string; count: number }
  | { kind: "addTable"; sheet: string; address: string; name: string; style: string }
  /** Grows a table over rows written just below it (no TableRowCollection.add: it conflicts between co-authors). */
  | { kind: "resizeTable"; sheet: string; address: string; name: string }
  | { kind: "numberFormat"; sheet: string; address: string; format: string }
  | { kind: "listValidation"; sheet: string; address: string; choices: readonly string[] }
  | { kind: "columnWidth"; sheet: string; address: string; width: number }
  | { kind: "font"; sheet: string; address: string; bold?: boolean; size?: number; wrap?: boolean }
  | { kind: "chart"; sheet: string; chart: ChartPlan }
  | { kind: "deleteChart"; sheet: string; name: string }
  /** A per-workbook setting of the add-in, seen by every co-author. */
  | { kind: "setting"; key: string; value: string | number | boolean }
  | { kind: "activate"; sheet: string }
  | { kind: "deleteSheet"; sheet: string }
  /** Protection against accidental edits; the password is optional and never stored. */
  | { kind: "protectSheet"; sheet: string; password?: string }
  | { kind: "unprotectSheet"; sheet: string; password?: string }
  | { kind: "lock"; sheet: string; address: string; locked: boolean }
  /** Only in undo: removes a sheet this command added, if it got as far as adding it. */
  | { kind: "deleteSheetIfExists"; sheet: string };

/** Text that Excel would turn into a formula or a number is written with a leading apostrophe, which Excel keeps as text. */
export function guardText(value: CellValue): CellValue {
  if (typeof value !== "string" || value === "") return value;
  if (/^[=+\-@\t\r]/.test(value) || /^[\d\s.,:/%()-]+$/.test(value)) return `'${value}`;
  return value;
}

function cellContent(c: PlanCell): CellValue {
  return c.formula ?? guardText(c.value);
}

/** Rows per write: Microsoft suggests blocks of 5 000–20 000 rows for large ranges. */
export const ROWS_PER_BLOCK = 5_000;

function cellsInBlocks(sheet: string, anchorRow: number, anchorCol: number, rows: (CellValue | null)[][]): Write[] {
  const out: Write[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_BLOCK) {
    const block = rows.slice(i, i + ROWS_PER_BLOCK);
    out.push({
      kind: "cells",
      sheet,
      address: rangeAddress({ row: anchorRow + i, col: anchorCol }, block.length, block[0].length),
      cells: block,
    });
  }
  return out;
}

/** The table's cells and the table over them (Microsoft's advice: write the 2D array, then add the table; no row-by-row adds). */
function tableStructure(sheet: string, t: TablePlan): Write[] {
  const o = parseCell(t.anchor);
  const constants = t.rows.map((r) => r.map((c, j) => (t.columns[j].role === "computed" && c.formula ? null : cellContent(c))));
  return [
    ...cellsInBlocks(sheet, o.row, o.col, [t.columns.map((c) => c.header), ...constants]),
    { kind: "addTable", sheet, address: rangeAddress(o, t.rows.length + 1, t.columns.length), name: t.name, style: t.style },
  ];
}

/** Formulas, formats and lists of a table; after every table exists, since formulas refer to other tables by name. */
function tableColumns(sheet: string, t: TablePlan): Write[] {
  const o = parseCell(t.anchor);
  const height = t.rows.length;
  const writes: Write[] = [];
  t.columns.forEach((c, j) => {
    const body = rangeAddress({ row: o.row + 1, col: o.col + j }, height, 1);
    const formulas = new Set(t.rows.map((r) => r[j].formula));
    const [formula] = formulas;
    if (c.role === "computed" && formula && formulas.size === 1) {
      writes.push({ kind: "fill", sheet, address: body, formula, count: height });
    } else if (c.role === "computed") {
      writes.push(...cellsInBlocks(sheet, o.row + 1, o.col + j, t.rows.map((r) => [cellContent(r[j])])));
    }
    if (c.numberFormat) writes.push({ kind: "numberFormat", sheet, address: body, format: c.numberFormat });
    if (c.choices && c.role === "input") writes.push({ kind: "listValidation", sheet, address: body, choices: c.choices });
    if (c.width) writes.push({ kind: "columnWidth", sheet, address: body, width: c.width });
  });
  return writes;
}

function blockWrites(sheet: string, b: BlockPlan): Write[] {
  const o = parseCell(b.anchor);
  const width = Math.max(...b.rows.map((r) => r.length));
  const cells = b.rows.map((r) => Array.from({ length: width }, (_, j) => (r[j] ? cellContent(r[j]) : "")));
  const address = rangeAddress(o, b.rows.length, width);
  const writes: Write[] = [{ kind: "cells", sheet, address, cells }];
  b.numberFormats?.forEach((row, i) =>
    row.forEach((format, j) => {
      if (format) writes.push({ kind: "numberFormat", sheet, address: cellAddress({ row: o.row + i, col: o.col + j }), format });
    }),
  );
  if (b.bold || b.fontSize || b.wrap) writes.push({ kind: "font", sheet, address, bold: b.bold, size: b.fontSize, wrap: b.wrap });
  if (b.width) writes.push({ kind: "columnWidth", sheet, address: cellAddress(o), width: b.width });
  return writes;
}

/** Everything a new model writes, sheet by sheet; the first sheet is shown at the end. */
export function createWrites(plan: WorkbookPlan): Write[] {
  const writes: Write[] = [];
  for (const s of plan.sheets) {
    writes.push({ kind: "addSheet", sheet: s.name });
    for (const t of s.tables) writes.push(...tableStructure(s.name, t));
  }
  for (const s of plan.sheets) {
    for (const t of s.tables) writes.push(...tableColumns(s.name, t));
    for (const b of s.blocks) writes.push(...blockWrites(s.name, b));
    for (const c of s.charts) writes.push({ kind: "chart", sheet: s.name, chart: c });
  }
  if (plan.sheets.length) writes.push({ kind: "activate", sheet: plan.sheets[0].name });
  return writes;
}

/** What `range.formulas` returned, written back as it was. */
function restoreContent(before: CellValue): CellValue {
  return typeof before === "string" && before.startsWith("=") ? before : guardText(before);
}

/** Undoing a new model: the sheets it added go. */
export function createUndo(writes: readonly Write[]): Write[] {
  return writes.filter((w) => w.kind === "addSheet").map((w) => ({ kind: "deleteSheetIfExists", sheet: w.sheet }));
}

/**
 * Excel shows a formula in a table with the shorthand `[@Kolumn]`; we write
 * the file form `Tabell[[#This Row],[Kolumn]]`. Both mean the same cell, so
 * they are compared in one canonical spelling.
 */
export function canonicalFormula(formula: string, table: string): string {
  const own = new RegExp(`(?<![\\w.])${table}\\[`, "g");
  return formula
    .replace(own, "[")
    .replace(/\[\[#This Row\],\s*\[((?:[^\]']|'.)+)\]\]/gi, "[@$1]")
    .replace(/\[@\[((?:[^\]']|'.)+)\]\]/g, "[@$1]")
    .replace(/(\w)\[\[((?:[^\]'#]|'.)+)\]\]/g, "$1[$2]")
    .replace(/\s+/g, "");
}

export interface RecomputeWrites {
  writes: Write[];
  /** Writes that put back what `writes` overwrite, should a request fail half way. */
  undo: Write[];
  /** Computed cells a person typed over, and cells where Excel's value differs from the exact engine's. */
  problems: LocatedProblem[];
  cellsToWrite: number;
  /** What the value-computed cells hold of Ramkoll's after these writes (see written.ts). */
  written: WrittenRecord;
}

/** A value as a person reads it in a message: numbers with Swedish spacing and decimal comma. */
function shown(v: CellValue): string {
  return typeof v === "number" && Number.isFinite(v) ? formatNumber(new Decimal(v), Number.isInteger(v) ? 0 : 2) : describeFound(v);
}

function sameValue(current: CellValue, expected: CellValue): boolean {
  if (typeof expected === "number" && typeof current === "number") {
    // Excel computes in binary floats; agreement is to the öre.
    return Math.round(current * 100) === Math.round(expected * 100);
  }
  if (expected === "" || current === "") return (current ?? "") === (expected ?? "");
  return current === expected;
}

/**
 * The writes of a recompute: only computed cells, only where the workbook's
 * formula (or value) differs from the plan. A computed cell a person typed a
 * constant into is left as it is and reported.
 */
export function recomputeWrites(
  plan: WorkbookPlan,
  current: ReadonlyMap<string, RawTable>,
  tableRows: ReadonlyMap<string, number[]>,
  opts: { written?: WrittenRecord; keys?: Readonly<Record<string, readonly string[]>> } = {},
): RecomputeWrites {
  const written: WrittenRecord = {};
  const writes: Write[] = [];
  const undo: Write[] = [];
  const problems: LocatedProblem[] = [];
  const disagreements: LocatedProblem[] = [];
  let cellsToWrite = 0;
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const raw = current.get(t.name);
      if (!raw || !raw.formulas) continue;
      const origin = parseRange(raw.address).start;
      const rowsInSheet = tableRows.get(t.name) ?? t.rows.map((_, i) => i);
      const keyColumns = keyColumnsOf(t, opts.keys);
      const tableRecord = opts.written?.[t.name];
      t.columns.forEach((col, j) => {
        if (col.role !== "computed") return;
        const record: Record<string, string> = isValueColumn(t, j) ? ((written[t.name] ??= {})[col.key] = {}) : {};
        const at = raw.headers.findIndex((h) => String(h).trim().toLocaleLowerCase("sv-SE") === col.header.toLocaleLowerCase("sv-SE"));
        if (at < 0) return; // the structure guard refuses missing columns before this
        const pending: { row: number; content: CellValue; before: CellValue }[] = [];
        t.rows.forEach((r, i) => {
          const planned = r[j];
          const row = rowsInSheet[i];
          const formula = raw.formulas![row][at];
          const value = raw.values[row][at];
          if (planned.formula) {
            const isFormula = typeof formula === "string" && formula.startsWith("=");
            if (isFormula && canonicalFormula(formula, raw.name) === canonicalFormula(planned.formula, t.name)) {
              if (!sameValue(value, planned.value)) {
                disagreements.push({
                  severity: "varning",
                  code: "engine.disagrees",
                  message: `Excel visar ${describeFound(value)} men Ramkoll räknar exakt ${describeFound(planned.value)}. Räkna om arbetsboken (F9) och kör Räkna om igen; kvarstår skillnaden, kontrollera cellens indata.`,
                  place: cellPlace(raw, row, at),
                });
              }
              return;
            }
            if (!isFormula && formula !== "" && formula !== null) {
              problems.push({
                severity: "varning",
                code: "computed.typedOver",
                message: `Cellen ska räknas med en formel men någon har skrivit ${describeFound(formula)} i den. Ramkoll lämnar cellen orörd tills du väljer Återställ formeln (eller raderar värdet och räknar om).`,
                place: cellPlace(raw, row, at),
                fix: { value: planned.formula, label: "Återställ formeln", formula: true },
              });
              return;
            }
            pending.push({ row, content: planned.formula, before: formula });
          } else {
            const key = rowKey(r.map((c) => c.value), keyColumns, i);
            const recorded = tableRecord?.[col.key]?.[key];
            if (sameValue(value, planned.value)) {
              record[key] = digest(planned.value);
              return;
            }
            // Ramkoll's own older value (or an empty cell, or a workbook from before records were kept) is brought up to date.
            const ours =
              !tableRecord || value === "" || value === null || recorded === digest(value) || (typeof formula === "string" && formula.startsWith("="));
            if (ours) {
              pending.push({ row, content: guardText(planned.value), before: formula });
              record[key] = digest(planned.value);
              return;
            }
            problems.push({
              severity: "varning",
              code: "computed.valueTypedOver",
              message: `Ramkoll räknar fram värdet i cellen (${shown(planned.value)}), men någon har skrivit ${shown(value)} i den. Ramkoll lämnar cellen orörd tills du väljer Skriv Ramkolls värde.`,
              place: cellPlace(raw, row, at),
              fix: { value: planned.value ?? "", label: "Skriv Ramkolls värde" },
            });
            if (recorded !== undefined) record[key] = recorded;
          }
        });
        // Consecutive rows go in one write.
        let k = 0;
        while (k < pending.length) {
          let end = k;
          while (end + 1 < pending.length && pending[end + 1].row === pending[end].row + 1) end++;
          const run = pending.slice(k, end + 1);
          const address = rangeAddress({ row: origin.row + 1 + run[0].row, col: origin.col + at }, run.length, 1);
          writes.push({ kind: "cells", sheet: raw.sheet, address, cells: run.map((p) => [p.content]) });
          undo.push({ kind: "cells", sheet: raw.sheet, address, cells: run.map((p) => [restoreContent(p.before)]) });
          cellsToWrite += run.length;
          k = end + 1;
        }
      });
    }
  }
  // Excel's values are compared with the exact engine's only when every formula is intact and in place:
  // otherwise cells downstream of a missing or typed-over one differ for that reason alone.
  if (!writes.length && !problems.length) problems.push(...disagreements);
  return { writes, undo, problems, cellsToWrite, written };
}

/** What a report sheet holds now, as read: its values and formulas from A1, and its charts. */
export interface SheetContent {
  values: CellValue[][];
  formulas: CellValue[][];
  /** Where known, so that an undo puts back the formats a report write changed ("General" where absent). */
  numberFormats?: CellValue[][];
  charts: string[];
}

/** A constant written by Ramkoll reads back as written; a float stored by Excel may differ in the 15th digit. */
function sameConstant(current: CellValue, expected: CellValue): boolean {
  if (typeof expected === "number" && typeof current === "number") {
    return current === expected || Math.abs(current - expected) <= 1e-12 * Math.max(Math.abs(current), Math.abs(expected));
  }
  return (current ?? "") === (expected ?? "");
}

/** How a planned cell of a report sheet looks: its block's number format and font. */
interface CellStyle {
  format: string;
  bold: boolean;
  size: number;
  wrap: boolean;
}

/** Excel's default font size, for cells of blocks that set none. */
const DEFAULT_FONT_SIZE = 11;

/** A cleared cell looks like one never written. */
const CLEARED: CellStyle = { format: "General", bold: false, size: DEFAULT_FONT_SIZE, wrap: false };

/**
 * The writes that bring a report sheet up to date: block cells whose
 * content differs, cells outside tables and blocks that are no longer
 * planned cleared, and its charts drawn anew if anything changed (their
 * ranges may have grown; charts no longer planned go). A changed cell also
 * gets its planned number format and font (a cleared one the defaults),
 * since a report that grew moves cells to where others stood. An unchanged sheet gets no write at all.
 * Constants are compared exactly (to the float's precision), not to the
 * öre: a report shows shares as fractions.
 */
export function reportSheetWrites(sheet: SheetPlan, current: SheetContent | undefined): { writes: Write[]; undo: Write[] } {
  if (!current) return { writes: [], undo: [] };
  const planned = new Map<string, { cell: PlanCell; style: CellStyle }>();
  for (const b of sheet.blocks) {
    const o = parseCell(b.anchor);
    b.rows.forEach((row, i) =>
      row.forEach((c, j) =>
        planned.set(`${o.row + i},${o.col + j}`, {
          cell: c,
          style: { format: b.numberFormats?.[i]?.[j] ?? "General", bold: !!b.bold, size: b.fontSize ?? DEFAULT_FONT_SIZE, wrap: !!b.wrap },
        }),
      ),
    );
  }
  const inTable = (r: number, c: number) =>
    sheet.tables.some((t) => {
      const o = parseCell(t.anchor);
      return r >= o.row && r <= o.row + t.rows.length && c >= o.col && c < o.col + t.columns.length;
    });
  const writes: Write[] = [];
  const formats: Write[] = [];
  const fonts: Write[] = [];
  const undo: Write[] = [];
  const change = (r: number, c: number, content: CellValue, style?: CellStyle) => {
    const address = cellAddress({ row: r, col: c });
    const before = current.formulas[r]?.[c] ?? "";
    writes.push({ kind: "cells", sheet: sheet.name, address, cells: [[content]] });
    undo.push({ kind: "cells", sheet: sheet.name, address, cells: [[restoreContent(before)]] });
    if (style) {
      formats.push({ kind: "numberFormat", sheet: sheet.name, address, format: style.format });
      const format = current.numberFormats?.[r]?.[c];
      undo.push({ kind: "numberFormat", sheet: sheet.name, address, format: typeof format === "string" && format !== "" ? format : "General" });
      fonts.push({ kind: "font", sheet: sheet.name, address, bold: style.bold, size: style.size, wrap: style.wrap });
    }
  };
  for (const [key, { cell, style }] of planned) {
    const [r, c] = key.split(",").map(Number);
    const formula = current.formulas[r]?.[c] ?? "";
    const value = current.values[r]?.[c] ?? "";
    const same = cell.formula
      ? typeof formula === "string" && canonicalFormula(formula, "") === canonicalFormula(cell.formula, "")
      : !(typeof formula === "string" && formula.startsWith("=")) && sameConstant(value, cell.value);
    if (!same) change(r, c, cellContent(cell), style);
  }
  current.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "" && !planned.has(`${r},${c}`) && !inTable(r, c)) change(r, c, "", CLEARED);
    }),
  );
  const missingCharts = sheet.charts.filter((ch) => !current.charts.includes(ch.name));
  const goneCharts = current.charts.filter((name) => !sheet.charts.some((ch) => ch.name === name));
  if (writes.length || missingCharts.length || goneCharts.length) {
    for (const name of current.charts) writes.push({ kind: "deleteChart", sheet: sheet.name, name });
    for (const chart of sheet.charts) writes.push({ kind: "chart", sheet: sheet.name, chart });
  }
  return { writes: [...mergeRuns(writes), ...mergeRuns(formats), ...mergeRuns(fonts)], undo };
}

/** Adjacent single-cell writes in one column become one write of a column block; formats and fonts when they are alike. */
function mergeRuns(writes: Write[]): Write[] {
  const out: Write[] = [];
  const below = (last: Write, w: Write) => {
    if (!("address" in last) || !("address" in w) || last.sheet !== w.sheet || w.address.includes(":")) return undefined;
    const a = parseRange(last.address);
    const b = parseCell(w.address);
    return a.cols === 1 && b.col === a.start.col && b.row === a.start.row + a.rows ? rangeAddress(a.start, a.rows + 1, 1) : undefined;
  };
  for (const w of writes) {
    const last = out[out.length - 1];
    const address = last && below(last, w);
    if (address && w.kind === "cells" && last.kind === "cells" && w.cells.length === 1 && w.cells[0].length === 1) {
      out[out.length - 1] = { ...last, address, cells: [...last.cells, w.cells[0]] };
      continue;
    }
    if (address && w.kind === "numberFormat" && last.kind === "numberFormat" && w.format === last.format) {
      out[out.length - 1] = { ...last, address };
      continue;
    }
    if (address && w.kind === "font" && last.kind === "font" && w.bold === last.bold && w.size === last.size && w.wrap === last.wrap) {
      out[out.length - 1] = { ...last, address };
      continue;
    }
    out.push(w);
  }
  return out;
}

/** Cells a write changes, for the report to the user. */
export function cellsWritten(w: Write): number {
  if (w.kind === "cells") return w.cells.reduce((n, r) => n + r.filter((c) => c !== null).length, 0);
  if (w.kind === "fill") return w.count;
  return 0;
}

const encoder = new TextEncoder();

/** The request bytes a write costs, as JSON: what Excel on the web counts against its 5 MB limit. */
export function writeBytes(w: Write): number {
  return encoder.encode(JSON.stringify(w)).length;
}

/**
 * Groups writes into requests below `maxBytes` each, in order. A single
 * write above the limit is an error of the planner, which splits large
 * ranges into blocks of rows.
 */
export function batchWrites(writes: readonly Write[], maxBytes: number): Write[][] {
  const batches: Write[][] = [];
  let current: Write[] = [];
  let size = 0;
  for (const w of writes) {
    let bytes = writeBytes(w);
    if (bytes > maxBytes && w.kind === "cells" && w.cells.length > 1) {
      const half = Math.ceil(w.cells.length / 2);
      const r = parseRange(w.address);
      const parts: Write[] = [
        { ...w, address: rangeAddress(r.start, half, r.cols), cells: w.cells.slice(0, half) },
        { ...w, address: rangeAddress({ row: r.start.row + half, col: r.start.col }, w.cells.length - half, r.cols), cells: w.cells.slice(half) },
      ];
      for (const b of batchWrites(parts, maxBytes)) {
        for (const p of b) {
          bytes = writeBytes(p);
          if (size + bytes > maxBytes && current.length) {
            batches.push(current);
            current = [];
            size = 0;
          }
          current.push(p);
          size += bytes;
        }
      }
      continue;
    }
    if (bytes > maxBytes) throw new Error(`a single write of ${bytes} bytes exceeds the request limit`);
    if (size + bytes > maxBytes && current.length) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(w);
    size += bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}
