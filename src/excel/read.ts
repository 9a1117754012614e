/** Reads a model's tables from the open workbook: two requests however many rows. */
import { parseRange, splitSheet } from "../workbook/address";
import { TableSpec } from "../workbook/schema";
import { CellValue, RawTable } from "../workbook/table";
import type { SheetContent } from "../workbook/writes";

export interface WorkbookState {
  sheetNames: string[];
  tableNames: string[];
  /** The add-in's settings stored in the workbook (`context.workbook.settings`), visible to every co-author. */
  settings: Map<string, unknown>;
}

/** Which sheets and tables exist: one request. */
export async function readWorkbookState(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const settings = context.workbook.settings.load("items/key, items/value");
  await context.sync();
  return {
    sheetNames: sheets.items.map((s) => s.name),
    tableNames: tables.items.map((t) => t.name),
    settings: new Map(settings.items.map((s) => [s.key, s.value as unknown])),
  };
}

function toRaw(name: string, address: string, values: CellValue[][], formulas: CellValue[][]): RawTable {
  const { sheet, range } = splitSheet(address);
  return {
    name,
    sheet: sheet ?? "",
    address: range,
    headers: values[0].map((h) => String(h)),
    values: values.slice(1),
    formulas: formulas.slice(1),
  };
}

/**
 * Reads the model's tables that exist (whole range: header and data, values
 * and formulas) in one request. Tables are matched by name case-insensitively,
 * as Excel names them.
 */
export interface TablesRead {
  tables: Map<string, RawTable>;
  /** Addresses (without the sheet) of the tables asked for by `addressesOf`. */
  addresses: Map<string, string>;
  /** The sheets asked for by `protectionOf` that are protected. */
  protectedSheets: Set<string>;
  /** The sheets asked for by `usedRangesOf` that exist, whole: values, formulas and number formats from A1, and chart names. */
  sheets: Map<string, SheetContent>;
}

export async function readTables(
  context: Excel.RequestContext,
  specs: readonly TableSpec[],
  state: WorkbookState,
  addressesOf: readonly string[] = [],
  opts: { protectionOf?: readonly string[]; usedRangesOf?: readonly string[] } = {},
): Promise<TablesRead> {
  const present = specs
    .map((s) => ({ spec: s, actual: state.tableNames.find((n) => n.toLowerCase() === s.name.toLowerCase()) }))
    .filter((p): p is { spec: TableSpec; actual: string } => p.actual !== undefined);
  const ranges = present.map((p) => context.workbook.tables.getItem(p.actual).getRange().load("address, values, formulas"));
  // Tables we only append to (the log): their address, not their contents.
  const others = addressesOf
    .filter((name) => state.tableNames.includes(name))
    .map((name) => ({ name, range: context.workbook.tables.getItem(name).getRange().load("address") }));
  const existing = (names: readonly string[] = []) => names.filter((n) => state.sheetNames.includes(n));
  const protections = existing(opts.protectionOf).map((name) => ({
    name,
    protection: context.workbook.worksheets.getItem(name).protection.load("protected"),
  }));
  const used = existing(opts.usedRangesOf).map((name) => ({
    name,
    range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("address, values, formulas, numberFormat"),
    charts: context.workbook.worksheets.getItem(name).charts.load("items/name"),
  }));
  await context.sync();
  const tables = new Map<string, RawTable>();
  present.forEach((p, i) => {
    const r = ranges[i];
    tables.set(p.spec.name, toRaw(p.actual, r.address, r.values as CellValue[][], r.formulas as CellValue[][]));
  });
  const sheets = new Map<string, SheetContent>();
  // Padded to start at A1, so that row and column indexes are the sheet's own.
  const fromA1 = (address: string, cells: CellValue[][]) => {
    const { start } = parseRange(address);
    const rows = cells.map((r) => [...Array<CellValue>(start.col).fill(""), ...r]);
    const width = rows[0]?.length ?? 0;
    return [...Array.from({ length: start.row }, () => Array<CellValue>(width).fill("")), ...rows];
  };
  for (const u of used) {
    const charts = u.charts.items.map((c) => c.name);
    const r = u.range;
    sheets.set(
      u.name,
      r.isNullObject
        ? { values: [], formulas: [], numberFormats: [], charts }
        : {
            values: fromA1(r.address, r.values as CellValue[][]),
            formulas: fromA1(r.address, r.formulas as CellValue[][]),
            numberFormats: fromA1(r.address, r.numberFormat as CellValue[][]),
            charts,
          },
    );
  }
  return {
    tables,
    addresses: new Map(others.map((o) => [o.name, splitSheet(o.range.address).range])),
    protectedSheets: new Set(protections.filter((p) => p.protection.protected).map((p) => p.name)),
    sheets,
  };
}
