/**
 * LibreOffice opens the demo workbook's charts: converted to .ods, every
 * planned chart is a chart object on its sheet, of its kind, with its title
 * and one series per value column, drawn from the source cells.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demo } from "../../src/cli/main";
import { cellAddress, parseRange } from "../../src/workbook/address";
import { ChartPlan, WorkbookPlan } from "../../src/workbook/plan";
import { planToXlsx } from "../../src/xlsx/writePlan";
import { convert, findSoffice } from "../support/libreoffice";

// CI installs libreoffice-calc-nogui, so there it must be present.
const soffice = findSoffice();
if (!soffice && process.env.CI) throw new Error("CI needs LibreOffice: apt-get install libreoffice-calc-nogui");
if (!soffice) console.warn("LibreOffice (soffice) is missing: the chart tests against LibreOffice are skipped. apt-get install libreoffice-calc-nogui");
const maybe = soffice ? test : test.skip;

interface OdsChart {
  sheet: string;
  kind: string;
  title: string;
  /** Each series' values range, quotes dropped: Blad.B2:Blad.B4. */
  series: string[];
}

/** The chart objects of an .ods, sheet by sheet. */
async function odsCharts(path: string): Promise<OdsChart[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const content = await zip.file("content.xml")!.async("string");
  const out: OdsChart[] = [];
  for (const table of content.split("<table:table ").slice(1)) {
    const sheet = /^table:name="([^"]*)"/.exec(table)![1];
    for (const m of table.matchAll(/<draw:object\b[^>]*xlink:href="\.\/([^"]*)"/g)) {
      const chart = await zip.file(`${m[1]}/content.xml`)!.async("string");
      out.push({
        sheet,
        kind: /<chart:chart\b[^>]*chart:class="chart:([^"]*)"/.exec(chart)![1],
        title: /<chart:title\b[^>]*>\s*<text:p>([^<]*)<\/text:p>/.exec(chart)?.[1] ?? "",
        series: [...chart.matchAll(/<chart:series\b[^>]*chart:values-cell-range-address="([^"]*)"/g)].map((s) => s[1].replace(/'|&apos;/g, "")),
      });
    }
  }
  return out;
}

function expected(plan: WorkbookPlan): OdsChart[] {
  const kind: Record<ChartPlan["type"], string> = { ColumnClustered: "bar", ColumnStacked: "bar", BarClustered: "bar", Line: "line" };
  return plan.sheets.flatMap((s) =>
    s.charts.map((c) => {
      const r = parseRange(c.source);
      const column = (j: number) =>
        `${s.name}.${cellAddress({ row: r.start.row + 1, col: r.start.col + j })}:${s.name}.${cellAddress({ row: r.start.row + r.rows - 1, col: r.start.col + j })}`;
      return { sheet: s.name, kind: kind[c.type], title: c.title, series: Array.from({ length: r.cols - 1 }, (_, j) => column(j + 1)) };
    }),
  );
}

maybe(
  "LibreOffice opens every chart of the demo workbook: on its sheet, of its kind, with its title and series",
  async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ramkoll-demo-")), "ramkoll-demo.xlsx");
    const { plan } = await demo(path);
    const charts = await odsCharts(convert(path, "ods"));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    expect(charts).toEqual(expected(plan));
  },
  180_000,
);

/** A chart object's styles by name: the chart and graphic properties of each. */
function styles(chart: string): Map<string, string> {
  return new Map([...chart.matchAll(/<style:style\b[^>]*style:name="([^"]*)"[^>]*>([\s\S]*?)<\/style:style>/g)].map((m) => [m[1], m[2]]));
}

maybe(
  "LibreOffice draws each month's bridge as stacked columns on an invisible base, with the steps and levels in their colours and no legend",
  async () => {
    const { plan } = await demo(join(mkdtempSync(join(tmpdir(), "ramkoll-demo-")), "ramkoll-demo.xlsx"));
    const sheets = plan.sheets
      .filter((s) => s.charts.some((c) => c.name.startsWith("Brygga")))
      .map((s) => ({ ...s, charts: s.charts.filter((c) => c.name.startsWith("Brygga")) }));
    expect(sheets.map((s) => s.charts.length)).toEqual([2]);
    const path = join(mkdtempSync(join(tmpdir(), "ramkoll-bridge-")), "brygga.xlsx");
    writeFileSync(path, await planToXlsx({ model: "report", sheets }));
    const ods = await JSZip.loadAsync(readFileSync(convert(path, "ods")));
    const content = await ods.file("content.xml")!.async("string");
    const objects = [...content.matchAll(/<draw:object\b[^>]*xlink:href="\.\/([^"]*)"/g)].map((m) => m[1]);
    expect(objects).toHaveLength(2);
    for (const object of objects) {
      const chart = await ods.file(`${object}/content.xml`)!.async("string");
      const style = styles(chart);
      expect(/<chart:chart\b[^>]*chart:class="chart:bar"/.test(chart)).toBe(true);
      const plotArea = /<chart:plot-area\b[^>]*chart:style-name="([^"]*)"/.exec(chart)![1];
      expect(style.get(plotArea)).toMatch(/chart:stacked="true"/);
      const series = [...chart.matchAll(/<chart:series\b[^>]*chart:style-name="([^"]*)"[^>]*chart:values-cell-range-address="([^"]*)"/g)].map((m) => ({
        graphic: /<style:graphic-properties\b[^>]*\/>/.exec(style.get(m[1]) ?? "")?.[0] ?? "",
        values: m[2],
      }));
      expect(series).toHaveLength(4);
      // The base: neither filled nor outlined. The steps above and below zero in one colour, the levels in another.
      expect(series[0].graphic).toMatch(/draw:fill="none"/);
      expect(series[0].graphic).toMatch(/draw:stroke="none"/);
      expect(series.slice(1).map((s) => /draw:fill-color="([^"]*)"/.exec(s.graphic)?.[1])).toEqual(["#4472c4", "#4472c4", "#7f7f7f"]);
      expect(series.slice(1).every((s) => !/draw:fill="none"/.test(s.graphic))).toBe(true);
      expect(chart).not.toMatch(/<chart:legend\b/);
    }
  },
  180_000,
);
