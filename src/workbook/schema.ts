/**
 * The sheet schema: which tables a model has, where they stand, and each
 * column's header, role, type, number format and validation. A column is
 * declared once here; the parser, the planner and both adapters read it.
 */

export type ColumnRole = "input" | "computed";
export type ColumnType = "text" | "amount" | "integer" | "number" | "date" | "choice" | "percent";

export interface Choice {
  /** The value the domain uses. */
  value: string;
  /** What the controller sees and types. */
  label: string;
}

export interface ColumnSpec {
  key: string;
  header: string;
  role: ColumnRole;
  type: ColumnType;
  required?: boolean;
  choices?: readonly Choice[];
  /** Excel number format code (English codes: Excel shows them in the user's locale). */
  numberFormat?: string;
  /** Column width in points. */
  width?: number;
  /** For computed columns written as formulas. */
  formula?: (refs: TableRefs) => string;
}

export interface TableSpec {
  name: string;
  sheet: string;
  /** The top-left cell of the header row. */
  anchor: string;
  columns: readonly ColumnSpec[];
}

export const FORMAT = {
  kr: '#,##0 "kr";-#,##0 "kr";0 "kr"',
  krOre: '#,##0.00 "kr";-#,##0.00 "kr";0 "kr"',
  integer: "0",
  year: "0",
  date: "yyyy-mm-dd",
  percent: "0.00%",
  text: "@",
  general: "General",
} as const;

export function column(table: TableSpec, key: string): ColumnSpec {
  const c = table.columns.find((col) => col.key === key);
  if (!c) throw new Error(`table ${table.name} has no column ${key}`);
  return c;
}

export function choiceLabel(spec: ColumnSpec, value: string): string {
  const c = spec.choices?.find((ch) => ch.value === value);
  if (!c) throw new Error(`column ${spec.header} has no choice ${value}`);
  return c.label;
}

/** A column name inside a structured reference: the characters Excel escapes are escaped with an apostrophe. */
function escapeColumnName(header: string): string {
  return header.replace(/['#[\]]/g, (ch) => `'${ch}`);
}

const NEEDS_BRACKETS = /[\s,:.'#[\]"{}$^&*+=\-<>/()]/;

/**
 * Structured references in their file form, which Excel, LibreOffice and
 * ExcelJS all read alike: `Tabell[[#This Row],[Kolumn]]` and `Tabell[Kolumn]`.
 */
export interface TableRefs {
  /** This row's cell of a column of the same table. */
  row(key: string): string;
  /** A whole data column of any table of the model. */
  col(table: TableSpec, key: string): string;
}

export function tableRefs(table: TableSpec): TableRefs {
  return {
    row: (key) => `${table.name}[[#This Row],[${escapeColumnName(column(table, key).header)}]]`,
    col: (other, key) => {
      const name = escapeColumnName(column(other, key).header);
      // Excel wants the column name in its own brackets when it has special characters, spaces among them.
      return NEEDS_BRACKETS.test(name) ? `${other.name}[[${name}]]` : `${other.name}[${name}]`;
    },
  };
}

/** Quotes text for use inside a formula. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
