/**
 * Reading a table's rows into typed values by its schema, with every problem
 * located. Adapters deliver a RawTable (what Excel, a file or a seed holds);
 * nothing here knows where it came from.
 */
import { Decimal, parseAmount, parsePercent, parseQuantity } from "../domain/money";
import { IsoDate, isIsoDate, serialToIso } from "../domain/period";
import { Parsed } from "../domain/money";
import { CellPos, cellAddress, parseRange } from "./address";
import { ColumnSpec, TableSpec } from "./schema";
import { LocatedProblem, Place } from "./problem";

export type CellValue = string | number | boolean;

export interface RawTable {
  name: string;
  sheet: string;
  /** The table's whole range, header row included, without the sheet: "A3:G10". */
  address: string;
  headers: string[];
  /** Data rows, as values (formula results). */
  values: CellValue[][];
  /** Data rows, as formulas (constants where a cell has none). Absent for seeds. */
  formulas?: CellValue[][];
}

export type TypedValue = string | number | Decimal | undefined;

export interface ParsedRow {
  /** 0-based index of the data row in the table. */
  tableRow: number;
  get(key: string): TypedValue;
  text(key: string): string | undefined;
  amount(key: string): Decimal | undefined;
  number(key: string): number | undefined;
  date(key: string): IsoDate | undefined;
  decimal(key: string): Decimal | undefined;
}

export interface ParsedTable {
  spec: TableSpec;
  raw: RawTable;
  rows: ParsedRow[];
  /** Position of each schema column in the sheet's table, by key. */
  columnPositions: Map<string, number>;
  problems: LocatedProblem[];
}

function isBlank(v: CellValue | undefined | null): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

export function tableOrigin(raw: RawTable): CellPos {
  return parseRange(raw.address).start;
}

export function cellPlace(raw: RawTable, dataRow: number, col: number, header?: string): Place {
  const origin = tableOrigin(raw);
  return {
    sheet: raw.sheet,
    table: raw.name,
    row: dataRow + 1,
    column: header ?? raw.headers[col],
    cell: cellAddress({ row: origin.row + 1 + dataRow, col: origin.col + col }),
  };
}

export function describeFound(v: CellValue): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  return String(v).replace(".", ",");
}

/** Parses one cell by its column's type. */
export function parseCellValue(spec: ColumnSpec, v: CellValue): Parsed<TypedValue> {
  if (typeof v === "string" && v.startsWith("#")) return { ok: false, reason: `cellen visar felet ${v}` };
  switch (spec.type) {
    case "text":
      return { ok: true, value: String(v).trim() };
    case "amount":
      return parseAmount(v);
    case "percent":
      return parsePercent(v);
    case "number": {
      const q = parseQuantity(v);
      if (!q.ok) return { ok: false, reason: q.reason };
      if (q.value.kind !== "number") return { ok: false, reason: "ange ett tal utan enhet" };
      return { ok: true, value: q.value.value };
    }
    case "integer": {
      const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n)) return { ok: false, reason: "ange ett heltal, t.ex. 2024" };
      return { ok: true, value: n };
    }
    case "date": {
      if (typeof v === "number") {
        const iso = serialToIso(v);
        if (!iso || !Number.isInteger(v)) return { ok: false, reason: "talet är inget datum" };
        return { ok: true, value: iso };
      }
      if (typeof v === "string" && isIsoDate(v.trim())) {
        return { ok: false, reason: "datumet är skrivet som text; skriv det som ett datum i cellen (ÅÅÅÅ-MM-DD) så att Excel kan räkna med det" };
      }
      return { ok: false, reason: "ange ett datum, t.ex. 2024-01-01" };
    }
    case "choice": {
      const text = String(v).trim().toLocaleLowerCase("sv-SE");
      const c = spec.choices?.find((ch) => ch.label.toLocaleLowerCase("sv-SE") === text || ch.value === text);
      if (!c) {
        const labels = (spec.choices ?? []).map((ch) => ch.label).join(", ");
        return { ok: false, reason: `välj ett av: ${labels}` };
      }
      return { ok: true, value: c.value };
    }
  }
}

/**
 * Maps the table's headers to the schema, then parses every input cell.
 * A missing or renamed column stops the reading of this table; a wholly
 * empty row is an error unless it is the one row of an empty table.
 */
export function readTable(spec: TableSpec, raw: RawTable, seed = false): ParsedTable {
  const problems: LocatedProblem[] = [];
  const columnPositions = new Map<string, number>();
  const tablePlace: Place = { sheet: raw.sheet, table: raw.name };
  const normalized = raw.headers.map((h) => String(h).trim().toLocaleLowerCase("sv-SE"));
  const origin = tableOrigin(raw);

  for (const col of spec.columns) {
    const at = normalized.indexOf(col.header.toLocaleLowerCase("sv-SE"));
    if (at < 0) {
      const unknown = raw.headers.filter(
        (h) => !spec.columns.some((c) => c.header.toLocaleLowerCase("sv-SE") === String(h).trim().toLocaleLowerCase("sv-SE")),
      );
      problems.push({
        severity: "fel",
        code: "sheet.column.missing",
        message:
          `Kolumnen "${col.header}" saknas i tabellen ${raw.name}.` +
          (unknown.length ? ` Okända kolumner: ${unknown.map((h) => `"${h}"`).join(", ")}; har kolumnen bytt namn?` : "") +
          ` Ge kolumnen namnet "${col.header}" igen.`,
        place: { ...tablePlace, column: col.header, cell: undefined },
      });
      continue;
    }
    columnPositions.set(col.key, at);
  }
  if (problems.length) return { spec, raw, rows: [], columnPositions, problems };

  const inputCols = spec.columns.filter((c) => c.role === "input");
  const rows: ParsedRow[] = [];
  const rowCount = raw.values.length;
  raw.values.forEach((cells, r) => {
    const blank = inputCols.every((c) => isBlank(cells[columnPositions.get(c.key)!]));
    if (blank) {
      if (rowCount === 1) return; // an empty table still has one row in Excel
      problems.push({
        severity: "fel",
        code: "sheet.row.empty",
        message: `Raden är tom. Fyll i den eller ta bort raden ur tabellen.`,
        place: { ...tablePlace, row: r + 1, cell: `${cellAddress({ row: origin.row + 1 + r, col: origin.col })}` },
      });
      return;
    }
    const typed = new Map<string, TypedValue>();
    for (const col of inputCols) {
      const at = columnPositions.get(col.key)!;
      const v = cells[at];
      if (isBlank(v)) {
        if (col.required) {
          problems.push({
            severity: "fel",
            code: "sheet.cell.required",
            message: `Värde saknas; kolumnen ${col.header} måste fyllas i.`,
            place: cellPlace(raw, r, at),
          });
        }
        continue;
      }
      const parsed = parseCellValue(col, v);
      if (!parsed.ok) {
        problems.push({
          severity: "fel",
          code: `sheet.cell.${col.type}`,
          message: `${describeFound(v)} går inte att läsa: ${parsed.reason}.`,
          place: seed ? { ...cellPlace(raw, r, at), cell: undefined } : cellPlace(raw, r, at),
        });
        continue;
      }
      if (!seed && typeof v === "string" && parsed.value instanceof Decimal && ["amount", "percent", "number"].includes(col.type)) {
        // The exact engine can read "4,5 mkr", but Excel's own formulas count text as 0: the sheet would show wrong sums.
        const value = parsed.value.toNumber();
        problems.push({
          severity: "fel",
          code: "sheet.cell.numberAsText",
          message: `${describeFound(v)} står som text, och Excels formler räknar text som 0. Skriv talet ${String(value).replace(".", ",")} i cellen, eller välj Rätta.`,
          place: cellPlace(raw, r, at),
          fix: { value, label: `Skriv ${String(value).replace(".", ",")}` },
        });
        continue;
      }
      typed.set(col.key, parsed.value);
    }
    rows.push(makeRow(r, typed));
  });
  return { spec, raw, rows, columnPositions, problems };
}

function makeRow(tableRow: number, typed: Map<string, TypedValue>): ParsedRow {
  const get = (key: string) => typed.get(key);
  return {
    tableRow,
    get,
    text: (key) => {
      const v = get(key);
      return v === undefined ? undefined : String(v);
    },
    amount: (key) => get(key) as Decimal | undefined,
    decimal: (key) => get(key) as Decimal | undefined,
    number: (key) => get(key) as number | undefined,
    date: (key) => get(key) as IsoDate | undefined,
  };
}

/** The place of a schema column's cell for a parsed row. */
export function placeOf(table: ParsedTable, tableRow: number, key?: string): Place {
  if (key === undefined || !table.columnPositions.has(key)) {
    const origin = tableOrigin(table.raw);
    return {
      sheet: table.raw.sheet,
      table: table.raw.name,
      row: tableRow + 1,
      cell: cellAddress({ row: origin.row + 1 + tableRow, col: origin.col }),
    };
  }
  return cellPlace(table.raw, tableRow, table.columnPositions.get(key)!);
}
