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
  const kind: Record<ChartPlan["type"], string> = { ColumnClustered: "bar", BarClustered: "bar", Line: "line", Waterfall: "bar" };
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

maybe(
  "LibreOffice opens a bridge drawn as stacked columns and keeps the chart with its title",
  async () => {
    const { plan } = await demo(join(mkdtempSync(join(tmpdir(), "ramkoll-demo-")), "ramkoll-demo.xlsx"));
    const sheets = plan.sheets
      .filter((s) => s.charts.some((c) => c.name.startsWith("Brygga")))
      .map((s) => ({ ...s, charts: s.charts.filter((c) => c.name.startsWith("Brygga")).map((c) => ({ ...c, type: "Waterfall" as const })) }));
    expect(sheets.length).toBe(1);
    const path = join(mkdtempSync(join(tmpdir(), "ramkoll-bridge-")), "brygga.xlsx");
    writeFileSync(path, await planToXlsx({ model: "report", sheets }));
    const charts = await odsCharts(convert(path, "ods"));
    // The stacked columns' values are literals (c:numLit), which Excel draws; LibreOffice
    // (7.4) keeps the chart, its kind and title, but draws only series that refer to cells.
    expect(charts.map(({ sheet, kind, title }) => ({ sheet, kind, title }))).toEqual(
      sheets[0].charts.map((c) => ({ sheet: sheets[0].name, kind: "bar", title: `Brygga: ${c.title}` })),
    );
  },
  180_000,
);
