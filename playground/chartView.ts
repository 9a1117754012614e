/**
 * What a chart of the simulated workbook shows: its categories and series,
 * read from its source range as Excel reads it (header row and label column;
 * series by columns or by rows). Pure: the values come through `valueAt`.
 */
import { CellPos, cellAddress, quoteSheet, splitSheet } from "../src/workbook/address";
import { chartLayout } from "../src/workbook/plan";

export interface ChartData {
  categories: string[];
  /** `hidden`: drawn without fill or outline (a bridge's base); `colour`: the fill set on the series. */
  series: { name: string; values: (number | null)[]; hidden?: boolean; colour?: string }[];
}

/** The series' fills as the simulator records them ("none", "#RRGGBB" or "automatic"), onto the data read from the cells. */
export function withFills(data: ChartData, fills: readonly string[]): ChartData {
  return {
    ...data,
    series: data.series.map((s, i) => {
      const fill = fills[i];
      if (fill === "none") return { ...s, hidden: true };
      return fill && fill.startsWith("#") ? { ...s, colour: fill } : s;
    }),
  };
}

/** Whether a chart type stacks its series (ColumnStacked, BarStacked, …, not the 100 % kinds). */
export function isStacked(type: string): boolean {
  return /Stacked$/.test(type);
}

/**
 * Stacked columns as Excel and LibreOffice stack them: per category, positive
 * values up from zero and negative values down from zero, each series on the
 * ones before it. Per series and category the segment [from, to]; null for no value.
 */
export function stackSegments(data: ChartData): ({ from: number; to: number } | null)[][] {
  const up = data.categories.map(() => 0);
  const down = data.categories.map(() => 0);
  return data.series.map((s) =>
    s.values.map((v, k) => {
      if (v === null) return null;
      const ends = v >= 0 ? up : down;
      const from = ends[k];
      ends[k] = from + v;
      return { from, to: ends[k] };
    }),
  );
}

export function chartData(source: string, seriesBy: string, valueAt: (address: string) => unknown): ChartData {
  const { sheet } = splitSheet(source);
  const layout = chartLayout(source, seriesBy);
  const at = (p: CellPos) => valueAt(`${sheet ? `${quoteSheet(sheet)}!` : ""}${cellAddress(p)}`);
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return {
    categories: layout.categories.map((p) => text(at(p))),
    series: layout.series.map(({ name, points }) => ({
      name: text(at(name)),
      values: points.map((p) => {
        const v = at(p);
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      }),
    })),
  };
}

/** The value axis: from the lowest to the highest value (of the stacks, when stacked), zero always included. */
export function valueRange(data: ChartData, stacked = false): { min: number; max: number } {
  const values = stacked
    ? stackSegments(data).flatMap((s) => s.flatMap((seg) => (seg ? [seg.from, seg.to] : [])))
    : data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  return min === max ? { min, max: min + 1 } : { min, max };
}
