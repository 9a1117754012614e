/**
 * What Ramkoll last wrote into the computed columns that hold values rather
 * than formulas (an amount a rank order granted, an explanation). A formula
 * a person typed over shows itself (a constant where a formula belongs); a
 * value does not. So the workbook keeps, in the add-in's settings, a short
 * digest of each such cell as Ramkoll wrote it, keyed by the row's key
 * columns and the column, so that sorting or inserting rows keeps it true.
 * A value that differs from the plan and from its digest was typed by a
 * person: it is reported and left until the user asks for Ramkoll's value.
 */
import type { TablePlan, WorkbookPlan } from "./plan";
import type { CellValue } from "./table";
import type { Write } from "./writes";

/** Per table, per column key, per row key: the digest of the value Ramkoll wrote. */
export type WrittenRecord = Record<string, Record<string, Record<string, string>>>;

export function writtenSettingKey(model: string): string {
  return `ramkoll.written.${model}`;
}

/** FNV-1a over the value's type and text: short, stable, and enough to tell a person's typing from Ramkoll's own value. */
export function digest(value: CellValue): string {
  const text = `${typeof value}:${value === null || value === undefined ? "" : String(value)}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The record as stored, or undefined when the workbook has none (made before records were kept, or not readable). */
export function parseWritten(stored: unknown): WrittenRecord | undefined {
  if (typeof stored !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(stored);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as WrittenRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Positions, in the planned table, of its key columns (the model's `keys`). */
export function keyColumnsOf(t: TablePlan, keys: Readonly<Record<string, readonly string[]>> = {}): number[] {
  return (keys[t.name] ?? []).map((k) => t.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
}

/** A computed column that holds values: no planned row has a formula in it. */
export function isValueColumn(t: TablePlan, j: number): boolean {
  return t.columns[j].role === "computed" && !t.rows.some((r) => r[j].formula);
}

/** The row's key as its key columns give it; the row's position when the table has no key columns. */
export function rowKey(values: readonly CellValue[], keyColumns: readonly number[], position: number): string {
  if (!keyColumns.length) return `#${position}`;
  return keyColumns.map((c) => String(values[c] ?? "").trim()).join("\u001f");
}

/** Every value-computed cell of a plan, as Ramkoll writes it: the record a new model starts with. */
export function recordOfPlan(plan: WorkbookPlan, keys: Readonly<Record<string, readonly string[]>> = {}): WrittenRecord {
  const record: WrittenRecord = {};
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const keyColumns = keyColumnsOf(t, keys);
      t.columns.forEach((col, j) => {
        if (!isValueColumn(t, j)) return;
        const cells: Record<string, string> = {};
        t.rows.forEach((r, i) => {
          cells[rowKey(r.map((c) => c.value), keyColumns, i)] = digest(r[j].value);
        });
        (record[t.name] ??= {})[col.key] = cells;
      });
    }
  }
  return record;
}

/**
 * The write that keeps the record, and its undo; none when it is unchanged,
 * so that an unchanged workbook gets no write at all, and none for a model
 * without value columns. `stored` is the setting as read (undefined if absent).
 */
export function recordWrites(model: string, stored: unknown, record: WrittenRecord): { writes: Write[]; undo: Write[] } {
  const key = writtenSettingKey(model);
  const value = JSON.stringify(record);
  const before = typeof stored === "string" ? stored : "{}";
  if (value === before) return { writes: [], undo: [] };
  return { writes: [{ kind: "setting", key, value }], undo: [{ kind: "setting", key, value: before }] };
}
