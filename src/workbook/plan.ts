/**
 * A WorkbookPlan is what a command wants the workbook to hold, as plain
 * data. Adapters apply it to Excel, to an .xlsx file or to the simulator;
 * none of them decides a number.
 */
import { CellPos, cellAddress, parseCell, parseRange } from "./address";
import type { CellValue } from "./table";

export interface PlanCell {
  /** For a formula cell: the exact engine's result, which Excel must agree with (and the cached value in a file). */
  value: CellValue;
  /** English, with comma separators, starting with "=". */
  formula?: string;
}

export interface PlanColumn {
  key: string;
  header: string;
  role: "input" | "computed";
  numberFormat?: string;
  width?: number;
  /** Labels for an in-cell drop-down list. */
  choices?: readonly string[];
}

export interface TablePlan {
  name: string;
  /** Header's top-left cell. */
  anchor: string;
  columns: PlanColumn[];
  rows: PlanCell[][];
  style: string;
}

/** Free cells beside the tables: titles, a report's text and figures. Always computed. */
export interface BlockPlan {
  anchor: string;
  rows: PlanCell[][];
  numberFormats?: (string | undefined)[][];
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
  /** Column width in points for the block's first column. */
  width?: number;
}

/** How a series is filled: "none" draws it invisible, "#RRGGBB" in that colour. */
export type SeriesFill = "none" | `#${string}`;

export interface ChartPlan {
  name: string;
  /** Excel.ChartType values. "ColumnStacked" stacks positive values up from zero and negative values down, each series on the one before. */
  type: "ColumnClustered" | "ColumnStacked" | "Line" | "BarClustered";
  title: string;
  /** Source range on the same sheet, header row and label column included. */
  source: string;
  seriesBy: "Columns" | "Rows";
  /**
   * Per series, 0-based in source order: how it is filled (a bridge's base is "none", so that the step on it floats);
   * null or missing, the engine's own colour.
   */
  fills?: (SeriesFill | null)[];
  /** false: the chart has no legend. */
  legend?: boolean;
  /** Where the chart stands: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface SheetPlan {
  name: string;
  /**
   * "input": people type on it; its free blocks (titles) are written once, at creation.
   * "report": Ramkoll owns every cell outside its tables; a recompute rewrites what changed and clears what is gone.
   */
  role?: "input" | "report";
  tables: TablePlan[];
  blocks: BlockPlan[];
  charts: ChartPlan[];
}

export interface WorkbookPlan {
  model: string;
  sheets: SheetPlan[];
}

export function countCells(plan: WorkbookPlan): number {
  let n = 0;
  for (const s of plan.sheets) {
    for (const t of s.tables) n += t.columns.length * (t.rows.length + 1);
    for (const b of s.blocks) n += b.rows.reduce((a, r) => a + r.length, 0);
  }
  return n;
}

/** A planned cell with its number format, as it will stand on the sheet. */
export type SheetCell = PlanCell & { format?: string };

/** A sheet plan's cells by address ("B5"): blocks and tables, table headers included. */
export function sheetCells(sheet: SheetPlan): Map<string, SheetCell> {
  const cells = new Map<string, SheetCell>();
  for (const b of sheet.blocks) {
    const o = parseCell(b.anchor);
    b.rows.forEach((row, i) => row.forEach((c, j) => cells.set(cellAddress({ row: o.row + i, col: o.col + j }), { ...c, format: b.numberFormats?.[i]?.[j] })));
  }
  for (const t of sheet.tables) {
    const o = parseCell(t.anchor);
    t.columns.forEach((col, j) => {
      cells.set(cellAddress({ row: o.row, col: o.col + j }), { value: col.header });
      t.rows.forEach((row, i) => cells.set(cellAddress({ row: o.row + 1 + i, col: o.col + j }), { ...(row[j] ?? { value: "" }), format: col.numberFormat }));
    });
  }
  return cells;
}

/**
 * Where a chart finds its data in its source range, as Excel reads it: a
 * header row and a label column; the categories along the label column and a
 * series per value column (seriesBy "Columns"), or the other way round.
 */
export interface ChartLayout {
  categories: CellPos[];
  series: { name: CellPos; points: CellPos[] }[];
}

export function chartLayout(source: string, seriesBy: string): ChartLayout {
  const { start, rows, cols } = parseRange(source);
  const byColumns = seriesBy !== "Rows";
  // Along: the categories' direction; across: the series'.
  const pos = (along: number, across: number): CellPos =>
    byColumns ? { row: start.row + along, col: start.col + across } : { row: start.row + across, col: start.col + along };
  const nAlong = Math.max(0, (byColumns ? rows : cols) - 1);
  const nAcross = Math.max(0, (byColumns ? cols : rows) - 1);
  return {
    categories: Array.from({ length: nAlong }, (_, i) => pos(i + 1, 0)),
    series: Array.from({ length: nAcross }, (_, s) => ({ name: pos(0, s + 1), points: Array.from({ length: nAlong }, (_, i) => pos(i + 1, s + 1)) })),
  };
}
