/**
 * The demo workbook as written: every planned chart is a chart part,
 * referenced from its sheet's drawing, and ExcelJS still reads the file
 * with its cells and tables.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demo } from "../../src/cli/main";
import { CellPos, cellAddress, parseCell } from "../../src/workbook/address";
import { PlanCell, WorkbookPlan } from "../../src/workbook/plan";

let plan: WorkbookPlan;
let path: string;
let zip: JSZip;

beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), "ramkoll-charts-")), "ramkoll-demo.xlsx");
  ({ plan } = await demo(path));
  zip = await JSZip.loadAsync(readFileSync(path));
}, 60_000);

const text = (p: string) => zip.file(p)!.async("string");
const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** A part's relationships: id → the target's path in the package. */
async function relationships(part: string): Promise<Map<string, string>> {
  const dir = part.slice(0, part.lastIndexOf("/"));
  const file = zip.file(`${dir}/_rels/${part.slice(dir.length + 1)}.rels`);
  const out = new Map<string, string>();
  if (!file) return out;
  for (const m of (await file.async("string")).matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], "Target")!;
    out.set(attr(m[0], "Id")!, target.startsWith("/") ? target.slice(1) : new URL(target, `file:///${dir}/`).pathname.slice(1));
  }
  return out;
}

/** Sheet name → the charts its drawing holds, in order: each chart's name on the sheet and its part. */
async function chartsBySheet(): Promise<Map<string, { name: string; part: string }[]>> {
  const workbook = await text("xl/workbook.xml");
  const sheets = await relationships("xl/workbook.xml");
  const out = new Map<string, { name: string; part: string }[]>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const sheetPart = sheets.get(attr(m[0], "r:id")!)!;
    const drawingId = /<drawing\b[^>]*r:id="([^"]*)"/.exec(await text(sheetPart))?.[1];
    if (!drawingId) continue;
    const drawingPart = (await relationships(sheetPart)).get(drawingId)!;
    const drawing = await text(drawingPart);
    const charts = await relationships(drawingPart);
    const anchors = [...drawing.matchAll(/<xdr:twoCellAnchor>[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((a) => ({
      name: attr(a[0], "name")!,
      part: charts.get(/<c:chart\b[^>]*r:id="([^"]*)"/.exec(a[0])![1])!,
    }));
    out.set(attr(m[0], "name")!, anchors);
  }
  return out;
}

test("every planned chart is a chart part, referenced from its sheet's drawing", async () => {
  const planned = plan.sheets.filter((s) => s.charts.length);
  expect(planned.flatMap((s) => s.charts).length).toBeGreaterThanOrEqual(4);
  const written = await chartsBySheet();
  expect([...written.keys()].sort()).toEqual(planned.map((s) => s.name).sort());
  for (const sheet of planned) {
    const charts = written.get(sheet.name)!;
    expect(charts.map((c) => c.name)).toEqual(sheet.charts.map((c) => c.name));
    for (const [i, c] of charts.entries()) {
      const xml = await text(c.part);
      expect(xml).toContain("<c:chartSpace");
      expect(xml).toContain(`<a:t>${sheet.charts[i].title}</a:t>`);
    }
  }
  const parts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  expect(parts).toHaveLength(planned.flatMap((s) => s.charts).length);
  const types = await text("[Content_Types].xml");
  for (const p of parts) expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
  for (const p of Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))) {
    expect(types).toContain(`<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  }
});

/** ExcelJS reads a date-formatted serial as a Date. */
const EPOCH = Date.UTC(1899, 11, 30);

function expectCell(ws: ExcelJS.Worksheet, at: CellPos, c: PlanCell): void {
  const read = ws.getCell(cellAddress(at)).value;
  const v = read instanceof Date ? (read.getTime() - EPOCH) / 86_400_000 : read;
  if (c.formula) expect(v).toMatchObject({ formula: c.formula.slice(1) });
  else expect(v).toBe(c.value === "" ? null : c.value);
}

test("ExcelJS reads the workbook back with its cells and tables", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).sort()).toEqual(sheet.tables.map((t) => t.name).sort());
    for (const t of sheet.tables) {
      const o = parseCell(t.anchor);
      t.columns.forEach((c, j) => expect(ws.getCell(cellAddress({ row: o.row, col: o.col + j })).value).toBe(c.header));
      t.rows.forEach((row, i) => row.forEach((c, j) => expectCell(ws, { row: o.row + 1 + i, col: o.col + j }, c)));
    }
    for (const b of sheet.blocks) {
      const o = parseCell(b.anchor);
      b.rows.forEach((row, i) => row.forEach((c, j) => expectCell(ws, { row: o.row + i, col: o.col + j }, c)));
    }
  }
});
