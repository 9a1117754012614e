/** Shared pieces for planning tables and reading seeds by the schema. */
import { Decimal } from "../domain/money";
import { isIsoDate, isoToSerial } from "../domain/period";
import { parseCell, rangeAddress } from "./address";
import { PlanCell, PlanColumn, TablePlan } from "./plan";
import { ColumnSpec, TableRefs, TableSpec, choiceLabel, tableRefs } from "./schema";
import { CellValue, RawTable, TypedValue } from "./table";

export const TABLE_STYLE = "TableStyleMedium2";

/** The cell a typed input value is written as: amounts as numbers, dates as serials, choices by label. */
export function inputCell(spec: ColumnSpec, value: TypedValue): PlanCell {
  if (value === undefined) return { value: "" };
  if (value instanceof Decimal) return { value: value.toNumber() };
  if (spec.type === "date" && typeof value === "string" && isIsoDate(value)) return { value: isoToSerial(value) };
  if (spec.type === "choice" && typeof value === "string") return { value: choiceLabel(spec, value) };
  return { value };
}

export function formulaCell(formula: string, value: CellValue | Decimal): PlanCell {
  return { formula, value: value instanceof Decimal ? value.toNumber() : value };
}

/**
 * Plans a table from one record per row. Computed columns that declare a
 * formula get it in every cell; the record gives the exact result.
 */
export function planTable(
  spec: TableSpec,
  rows: readonly Record<string, TypedValue | CellValue | Decimal>[],
): TablePlan {
  const refs = tableRefs(spec);
  const columns: PlanColumn[] = spec.columns.map((c) => ({
    key: c.key,
    header: c.header,
    role: c.role,
    numberFormat: c.numberFormat,
    width: c.width,
    choices: c.choices?.map((ch) => ch.label),
  }));
  const planRows = rows.map((record) =>
    spec.columns.map((c): PlanCell => {
      const v = record[c.key];
      if (c.role === "computed") {
        const value = v === undefined ? "" : v;
        return c.formula ? formulaCell(c.formula(refs), value as CellValue | Decimal) : inputCell(c, value as TypedValue);
      }
      return inputCell(c, v as TypedValue);
    }),
  );
  if (planRows.length === 0) {
    // An Excel table has at least one row: an empty one, whose formulas show blanks.
    planRows.push(spec.columns.map((c) => (c.role === "computed" && c.formula ? formulaCell(c.formula(refs), "") : { value: "" })));
  }
  return { name: spec.name, anchor: spec.anchor, columns, rows: planRows, style: TABLE_STYLE };
}

/** `IF(key="","",expr)`: computed cells stay blank on rows the controller has not filled in yet. */
export function blankUnless(refs: TableRefs, key: string, expr: string): string {
  return `IF(${refs.row(key)}="","",${expr})`;
}

export type SeedRow = Record<string, string | number | null>;

/** A seed's rows (keyed by column key) as the raw table a person would have typed. */
export function seedTable(spec: TableSpec, rows: readonly SeedRow[]): RawTable {
  const headers = spec.columns.map((c) => c.header);
  const values: CellValue[][] = rows.map((row) => {
    for (const key of Object.keys(row)) {
      if (!spec.columns.some((c) => c.key === key)) {
        throw new Error(`seed for ${spec.name} has an unknown field ${key}`);
      }
    }
    return spec.columns.map((c) => {
      const v = row[c.key];
      if (v === null || v === undefined || c.role === "computed") return "";
      // Seeds write dates as ISO text; a person's workbook holds them as date serials.
      return c.type === "date" && typeof v === "string" && isIsoDate(v) ? isoToSerial(v) : v;
    });
  });
  const start = parseCell(spec.anchor);
  return {
    name: spec.name,
    sheet: spec.sheet,
    address: rangeAddress(start, Math.max(values.length, 1) + 1, headers.length),
    headers,
    values,
  };
}
