/**
 * Charts in the .xlsx file. ExcelJS writes no charts, so the package it
 * produces is patched afterwards: per sheet with charts a DrawingML drawing
 * with one anchor per chart, one chart part per chart, the relationships and
 * the content types. The builders are pure functions from plan data to XML
 * strings; addCharts is the one step that touches the zip.
 *
 * Every series refers to its cells on the sheet (so Excel follows edits)
 * and carries the plan's values as its cache (so a reader that does not
 * recalculate still draws them).
 */
import JSZip from "jszip";
import { CellPos, cellAddress, columnLetter, parseCell, parseRange } from "../workbook/address";
import { ChartPlan, SeriesFill, SheetCell, WorkbookPlan, chartLayout, sheetCells } from "../workbook/plan";
import { CellValue } from "../workbook/table";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escapes text for XML content and (double-quoted) attribute values; drops the control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** A reference in a chart formula: the sheet always quoted, the cells absolute, e.g. 'Återredovisning PM2016'!$A$5:$A$9. */
export function chartRef(sheet: string, start: CellPos, end: CellPos = start): string {
  const cell = (p: CellPos) => `$${columnLetter(p.col)}$${p.row + 1}`;
  const range = start.row === end.row && start.col === end.col ? cell(start) : `${cell(start)}:${cell(end)}`;
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

export interface TextRef {
  ref: string;
  texts: string[];
}

export interface NumberRef {
  ref: string;
  /** undefined where the cell is blank or not a number: a gap in the chart. */
  numbers: (number | undefined)[];
  format?: string;
}

export interface ChartSeries {
  name: TextRef;
  values: NumberRef;
}

/** What a chart draws from its source range: the labels and one series per value column (or row). */
export interface ChartData {
  categories: TextRef;
  series: ChartSeries[];
}

function text(v: CellValue | undefined): string {
  if (v === undefined || v === "") return "";
  return typeof v === "boolean" ? (v ? "SANT" : "FALSKT") : String(v);
}

export function chartData(sheetName: string, chart: ChartPlan, cells: Map<string, SheetCell>): ChartData {
  const src = parseRange(chart.source);
  if (src.rows < 2 || src.cols < 2) throw new Error(`Diagrammet ${chart.name} behöver en rubrikrad och en etikettkolumn: ${chart.source}`);
  const layout = chartLayout(chart.source, chart.seriesBy);
  const get = (p: CellPos) => cells.get(cellAddress(p));
  const span = (ps: CellPos[]) => chartRef(sheetName, ps[0], ps[ps.length - 1]);
  return {
    categories: { ref: span(layout.categories), texts: layout.categories.map((p) => text(get(p)?.value)) },
    series: layout.series.map(({ name, points }): ChartSeries => ({
      name: { ref: chartRef(sheetName, name), texts: [text(get(name)?.value)] },
      values: {
        ref: span(points),
        numbers: points.map((p) => {
          const v = get(p)?.value;
          return typeof v === "number" && Number.isFinite(v) ? v : undefined;
        }),
        format: points.map((p) => get(p)?.format).find((f) => f),
      },
    })),
  };
}

/** A number as a chart cache holds it: no float noise from sums. */
function num(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function strCache(texts: string[]): string {
  return `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numPoints(numbers: (number | undefined)[], format: string | undefined): string {
  const pts = numbers.map((n, i) => (n === undefined ? "" : `<c:pt idx="${i}"><c:v>${num(n)}</c:v></c:pt>`)).join("");
  return `<c:formatCode>${escapeXml(format ?? "General")}</c:formatCode><c:ptCount val="${numbers.length}"/>${pts}`;
}

function strRef(r: TextRef): string {
  return `<c:strRef><c:f>${escapeXml(r.ref)}</c:f>${strCache(r.texts)}</c:strRef>`;
}

function numRef(r: NumberRef): string {
  return `<c:numRef><c:f>${escapeXml(r.ref)}</c:f><c:numCache>${numPoints(r.numbers, r.format)}</c:numCache></c:numRef>`;
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="1400" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axesXml(horizontal: boolean, format: string | undefined): string {
  const numFmt = `<c:numFmt formatCode="${escapeXml(format ?? "General")}" sourceLinked="${format ? 0 : 1}"/>`;
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${numFmt}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function seriesHead(i: number, name: TextRef): string {
  return `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(name)}</c:tx>`;
}

/** A series' shape properties: no fill and no outline for an invisible one, a colour for the rest. */
function seriesShape(fill: SeriesFill | null | undefined, line: boolean): string {
  if (!fill) return "";
  const paint = fill === "none" ? "<a:noFill/>" : `<a:solidFill><a:srgbClr val="${escapeXml(fill.slice(1).toUpperCase())}"/></a:solidFill>`;
  return line ? `<c:spPr><a:ln w="28575">${paint}</a:ln></c:spPr>` : `<c:spPr>${paint}<a:ln><a:noFill/></a:ln></c:spPr>`;
}

/** Column and bar charts (clustered or stacked) and line charts: the series as the source range gives them. */
function plotXml(chart: ChartPlan, data: ChartData): string {
  const cat = `<c:cat>${strRef(data.categories)}</c:cat>`;
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const fill = (i: number) => chart.fills?.[i];
  if (chart.type === "Line") {
    const sers = data.series
      .map(
        (s, i) =>
          `<c:ser>${seriesHead(i, s.name)}${seriesShape(fill(i), true)}<c:marker><c:symbol val="${fill(i) === "none" ? "none" : "circle"}"/><c:size val="6"/></c:marker>` +
          `${cat}<c:val>${numRef(s.values)}</c:val><c:smooth val="0"/></c:ser>`,
      )
      .join("");
    return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/>${axIds}</c:lineChart>`;
  }
  const sers = data.series
    .map((s, i) => `<c:ser>${seriesHead(i, s.name)}${seriesShape(fill(i), false)}<c:invertIfNegative val="0"/>${cat}<c:val>${numRef(s.values)}</c:val></c:ser>`)
    .join("");
  const dir = chart.type === "BarClustered" ? "bar" : "col";
  const stacked = chart.type === "ColumnStacked";
  return (
    `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${sers}` +
    `<c:gapWidth val="150"/>${stacked ? '<c:overlap val="100"/>' : ""}${axIds}</c:barChart>`
  );
}

/** The chart part (c:chartSpace) for one planned chart. */
export function chartXml(sheetName: string, chart: ChartPlan, cells: Map<string, SheetCell>): string {
  const data = chartData(sheetName, chart, cells);
  const format = data.series.find((s) => s.values.format)?.values.format;
  const legend = chart.legend === false ? "" : `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title)}<c:plotArea><c:layout/>${plotXml(chart, data)}${axesXml(chart.type === "BarClustered", format)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part: one two-cell anchor per chart, from the top-left of
 * `from` to the bottom-right of `to` (as Office.js's setPosition places it).
 * The charts' relationship ids are rId1, rId2, … in order.
 */
export function drawingXml(charts: ChartPlan[]): string {
  const marker = (tag: string, p: CellPos) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map((ch, i) => {
    const to = parseCell(ch.to);
    return (
      `<xdr:twoCellAnchor>${marker("from", parseCell(ch.from))}${marker("to", { row: to.row + 1, col: to.col + 1 })}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(ch.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return XML_DECL + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`;
}

/** The drawing's relationships: rId1… to the chart parts, given as paths relative to xl/drawings/. */
export function drawingRelsXml(chartTargets: string[]): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS.rels}">` +
    chartTargets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${REL.chart}" Target="${escapeXml(t)}"/>`).join("") +
    `</Relationships>`
  );
}

/** What may follow <drawing> in CT_Worksheet (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The sheet with <drawing r:id="…"/> in its place: before the first element the schema puts after it. */
export function insertDrawing(sheetXml: string, relId: string): string {
  if (/<drawing[\s/>]/.test(sheetXml)) throw new Error("Bladet har redan en ritning; Ramkoll kan inte lägga till diagram i den.");
  const rAttr = /xmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet")))) ? "" : ` xmlns:r="${NS.r}"`;
  const element = `<drawing${rAttr} r:id="${escapeXml(relId)}"/>`;
  let at = sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("Bladets XML saknar </worksheet>.");
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(sheetXml);
    if (m && m.index < at) at = m.index;
  }
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Adds a relationship to a .rels part (or a new one), with an id not yet used. */
export function addRelationship(relsXml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = relsXml ?? `${XML_DECL}<Relationships xmlns="${NS.rels}"></Relationships>`;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const end = xml.lastIndexOf("</Relationships>");
  if (end < 0) return { xml: xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`), id };
  return { xml: xml.slice(0, end) + rel + xml.slice(end), id };
}

/** [Content_Types].xml with an Override for each new part. */
export function addContentTypes(typesXml: string, parts: { partName: string; contentType: string }[]): string {
  const add = parts
    .filter((p) => !typesXml.includes(`PartName="${p.partName}"`))
    .map((p) => `<Override PartName="${escapeXml(p.partName)}" ContentType="${p.contentType}"/>`)
    .join("");
  const end = typesXml.lastIndexOf("</Types>");
  if (end < 0) throw new Error("[Content_Types].xml saknar </Types>.");
  return typesXml.slice(0, end) + add + typesXml.slice(end);
}

/** Sheet name → its part's path in the package (e.g. xl/worksheets/sheet3.xml), from workbook.xml and its relationships. */
function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) {
      const t = unescapeXml(target);
      targets.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
    }
  }
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) parts.set(unescapeXml(name), path);
  }
  return parts;
}

function relsPath(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function nextNumber(zip: JSZip, folder: string, stem: string): number {
  let max = 0;
  const re = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`);
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

async function read(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

/** The .xlsx package with every chart of the plan drawn on its sheet. */
export async function addCharts(xlsx: Buffer | Uint8Array, plan: WorkbookPlan): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const withCharts = plan.sheets.filter((s) => s.charts.length);
  if (!withCharts.length) return Buffer.from(xlsx);
  const parts = sheetParts((await read(zip, "xl/workbook.xml")) ?? "", (await read(zip, "xl/_rels/workbook.xml.rels")) ?? "");
  const types: { partName: string; contentType: string }[] = [];
  let drawingNo = nextNumber(zip, "xl/drawings", "drawing");
  let chartNo = nextNumber(zip, "xl/charts", "chart");
  for (const sheet of withCharts) {
    const sheetPath = parts.get(sheet.name);
    const sheetXml = sheetPath ? await read(zip, sheetPath) : undefined;
    if (!sheetPath || sheetXml === undefined) throw new Error(`Bladet ${sheet.name} finns inte i arbetsboken.`);
    const cells = sheetCells(sheet);
    const chartTargets: string[] = [];
    for (const chart of sheet.charts) {
      const name = `chart${chartNo++}.xml`;
      zip.file(`xl/charts/${name}`, chartXml(sheet.name, chart, cells));
      types.push({ partName: `/xl/charts/${name}`, contentType: CONTENT_TYPE.chart });
      chartTargets.push(`../charts/${name}`);
    }
    const drawing = `drawing${drawingNo++}.xml`;
    zip.file(`xl/drawings/${drawing}`, drawingXml(sheet.charts));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, drawingRelsXml(chartTargets));
    types.push({ partName: `/xl/drawings/${drawing}`, contentType: CONTENT_TYPE.drawing });
    const rels = addRelationship(await read(zip, relsPath(sheetPath)), REL.drawing, `../drawings/${drawing}`);
    zip.file(relsPath(sheetPath), rels.xml);
    zip.file(sheetPath, insertDrawing(sheetXml, rels.id));
  }
  zip.file("[Content_Types].xml", addContentTypes((await read(zip, "[Content_Types].xml")) ?? "", types));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
