/**
 * The chart XML builders: references and caches from the plan's cells,
 * escaping, the drawing element's place in the sheet, and stacked columns
 * with an invisible series (the monthly report's bridge).
 */
import {
  addContentTypes,
  addRelationship,
  chartData,
  chartXml,
  drawingRelsXml,
  drawingXml,
  insertDrawing,
} from "../../src/xlsx/charts";
import { ChartPlan, PlanCell, SheetPlan, sheetCells } from "../../src/workbook/plan";

// xml2js (a dev dependency, without types) reads the XML back: well-formed, and its structure at hand.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<Xml> };

const cell = (value: string | number): PlanCell => ({ value });
const KR = '#,##0 "kr"';

/** A sheet with a block at A1: a header row, three purposes and two series. */
function purposesSheet(name = "Återredovisning PM2016"): SheetPlan {
  return {
    name,
    role: "report",
    tables: [],
    blocks: [
      {
        anchor: "A1",
        rows: [
          [cell("Syfte"), cell("Beviljat"), cell("Utfall")],
          [cell("Handledning"), cell(1000), cell(750.5)],
          [cell("Utbildning"), cell(2000), cell("")],
          [cell("Digitalisering"), cell(3000), cell(3100)],
        ],
        numberFormats: [[], [undefined, KR, KR], [undefined, KR, KR], [undefined, KR, KR]],
      },
    ],
    charts: [],
  };
}

const columnChart: ChartPlan = {
  name: "Beviljat och utfall per syfte",
  type: "ColumnClustered",
  title: "Beviljat och utfall per syfte",
  source: "A1:C4",
  seriesBy: "Columns",
  from: "E2",
  to: "L18",
};

/** The XML as xml2js reads it (so it is well-formed), with the chart's plot area at hand. */
async function parse(xml: string) {
  const doc = await parseStringPromise(xml);
  const plotArea = doc["c:chartSpace"]["c:chart"][0]["c:plotArea"][0];
  return { doc, plotArea };
}

const f = (ref: { "c:f": string[] }) => ref["c:f"][0];
const pts = (cache: { "c:pt"?: { $: { idx: string }; "c:v": string[] }[] }) =>
  Object.fromEntries((cache["c:pt"] ?? []).map((p) => [Number(p.$.idx), p["c:v"][0]]));

test("a clustered column chart of 3 categories and 2 series refers to its header, labels and values, with their values cached", async () => {
  const sheet = purposesSheet();
  const { plotArea } = await parse(chartXml(sheet.name, columnChart, sheetCells(sheet)));
  const bar = plotArea["c:barChart"][0];
  expect(bar["c:barDir"][0].$.val).toBe("col");
  expect(bar["c:grouping"][0].$.val).toBe("clustered");
  const series = bar["c:ser"];
  expect(series).toHaveLength(2);

  const names = series.map((s: Xml) => s["c:tx"][0]["c:strRef"][0]);
  expect(names.map(f)).toEqual(["'Återredovisning PM2016'!$B$1", "'Återredovisning PM2016'!$C$1"]);
  expect(names.map((n: Xml) => pts(n["c:strCache"][0])[0])).toEqual(["Beviljat", "Utfall"]);

  for (const s of series) {
    const cat = s["c:cat"][0]["c:strRef"][0];
    expect(f(cat)).toBe("'Återredovisning PM2016'!$A$2:$A$4");
    expect(cat["c:strCache"][0]["c:ptCount"][0].$.val).toBe("3");
    expect(pts(cat["c:strCache"][0])).toEqual({ 0: "Handledning", 1: "Utbildning", 2: "Digitalisering" });
  }
  const values = series.map((s: Xml) => s["c:val"][0]["c:numRef"][0]);
  expect(values.map(f)).toEqual(["'Återredovisning PM2016'!$B$2:$B$4", "'Återredovisning PM2016'!$C$2:$C$4"]);
  const caches = values.map((v: Xml) => v["c:numCache"][0]);
  expect(caches.map((c: Xml) => c["c:ptCount"][0].$.val)).toEqual(["3", "3"]);
  expect(caches.map((c: Xml) => c["c:formatCode"][0])).toEqual([KR, KR]);
  expect(pts(caches[0])).toEqual({ 0: "1000", 1: "2000", 2: "3000" });
  // A blank cell is a gap: no point, the count unchanged.
  expect(pts(caches[1])).toEqual({ 0: "750.5", 2: "3100" });

  expect(plotArea["c:catAx"][0]["c:axPos"][0].$.val).toBe("b");
  expect(plotArea["c:valAx"][0]["c:numFmt"][0].$.formatCode).toBe(KR);
});

test("the chart's title is its plan's", async () => {
  const sheet = purposesSheet();
  const { doc } = await parse(chartXml(sheet.name, columnChart, sheetCells(sheet)));
  const title = doc["c:chartSpace"]["c:chart"][0]["c:title"][0]["c:tx"][0]["c:rich"][0]["a:p"][0]["a:r"][0]["a:t"][0];
  expect(title).toBe("Beviljat och utfall per syfte");
});

test("series by rows: the label column names the series, the header row gives the categories", () => {
  const sheet = purposesSheet("Blad");
  const data = chartData(sheet.name, { ...columnChart, seriesBy: "Rows" }, sheetCells(sheet));
  expect(data.categories).toEqual({ ref: "'Blad'!$B$1:$C$1", texts: ["Beviljat", "Utfall"] });
  expect(data.series.map((s) => [s.name.ref, s.name.texts[0], s.values.ref, s.values.numbers])).toEqual([
    ["'Blad'!$A$2", "Handledning", "'Blad'!$B$2:$C$2", [1000, 750.5]],
    ["'Blad'!$A$3", "Utbildning", "'Blad'!$B$3:$C$3", [2000, undefined]],
    ["'Blad'!$A$4", "Digitalisering", "'Blad'!$B$4:$C$4", [3000, 3100]],
  ]);
});

test("a table's header and rows are cells a chart can draw from", () => {
  const sheet: SheetPlan = {
    name: "Budget",
    tables: [
      {
        name: "Ramar",
        anchor: "B3",
        style: "TableStyleMedium2",
        columns: [
          { key: "namn", header: "Nämnd", role: "input" },
          { key: "ram", header: "Ram", role: "input", numberFormat: KR },
        ],
        rows: [[cell("HSN"), cell(100)], [cell("RS"), { value: 40, formula: "=10*4" }]],
      },
    ],
    blocks: [],
    charts: [],
  };
  const data = chartData(sheet.name, { ...columnChart, source: "B3:C5" }, sheetCells(sheet));
  expect(data.categories.texts).toEqual(["HSN", "RS"]);
  expect(data.series[0].name.texts).toEqual(["Ram"]);
  expect(data.series[0].values).toEqual({ ref: "'Budget'!$C$4:$C$5", numbers: [100, 40], format: KR });
});

test("bar and line charts", async () => {
  const sheet = purposesSheet();
  const bar = (await parse(chartXml(sheet.name, { ...columnChart, type: "BarClustered" }, sheetCells(sheet)))).plotArea;
  expect(bar["c:barChart"][0]["c:barDir"][0].$.val).toBe("bar");
  expect(bar["c:catAx"][0]["c:axPos"][0].$.val).toBe("l");
  expect(bar["c:valAx"][0]["c:axPos"][0].$.val).toBe("b");
  const line = (await parse(chartXml(sheet.name, { ...columnChart, type: "Line" }, sheetCells(sheet)))).plotArea;
  expect(line["c:barChart"]).toBeUndefined();
  const sers = line["c:lineChart"][0]["c:ser"];
  expect(sers).toHaveLength(2);
  expect(f(sers[1]["c:val"][0]["c:numRef"][0])).toBe("'Återredovisning PM2016'!$C$2:$C$4");
});

test("XML's special characters are escaped in titles, labels, names and sheet references", async () => {
  const sheet = purposesSheet(`Kim's <&> "blad"`);
  sheet.blocks[0].rows[1][0] = cell("Vård & omsorg <nära>");
  sheet.blocks[0].rows[0][1] = cell('"Beviljat"');
  const chart = { ...columnChart, name: "A & B", title: "Utfall < budget & \"prognos\"" };
  const xml = chartXml(sheet.name, chart, sheetCells(sheet));
  expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  expect(xml).toContain("Vård &amp; omsorg &lt;nära&gt;");
  expect(xml).toContain("Utfall &lt; budget &amp; &quot;prognos&quot;");
  const { plotArea, doc } = await parse(xml);
  const ser = plotArea["c:barChart"][0]["c:ser"][0];
  // The sheet name quoted, its apostrophe doubled, as in an Excel formula.
  expect(f(ser["c:cat"][0]["c:strRef"][0])).toBe(`'Kim''s <&> "blad"'!$A$2:$A$4`);
  expect(pts(ser["c:tx"][0]["c:strRef"][0]["c:strCache"][0])[0]).toBe('"Beviljat"');
  expect(pts(ser["c:cat"][0]["c:strRef"][0]["c:strCache"][0])[0]).toBe("Vård & omsorg <nära>");
  expect(doc["c:chartSpace"]["c:chart"][0]["c:title"][0]["c:tx"][0]["c:rich"][0]["a:p"][0]["a:r"][0]["a:t"][0]).toBe(chart.title);

  const drawing = await parseStringPromise(drawingXml([chart]));
  expect(drawing["xdr:wsDr"]["xdr:twoCellAnchor"][0]["xdr:graphicFrame"][0]["xdr:nvGraphicFramePr"][0]["xdr:cNvPr"][0].$.name).toBe("A & B");
  expect(drawingRelsXml(["../charts/a&b.xml"])).toContain('Target="../charts/a&amp;b.xml"');
});

test("the drawing anchors each chart from the top-left of its from cell to the bottom-right of its to cell", async () => {
  const doc = await parseStringPromise(drawingXml([columnChart, { ...columnChart, name: "Andra", from: "A30", to: "C40" }]));
  const anchors = doc["xdr:wsDr"]["xdr:twoCellAnchor"];
  expect(anchors).toHaveLength(2);
  const at = (m: Record<string, string[]>) => [m["xdr:col"][0], m["xdr:row"][0]];
  // E2 → column 4, row 1; L18 → up to column 12, row 18.
  expect(at(anchors[0]["xdr:from"][0])).toEqual(["4", "1"]);
  expect(at(anchors[0]["xdr:to"][0])).toEqual(["12", "18"]);
  expect(at(anchors[1]["xdr:from"][0])).toEqual(["0", "29"]);
  const ids = anchors.map((a: Xml) => a["xdr:graphicFrame"][0]["a:graphic"][0]["a:graphicData"][0]["c:chart"][0].$["r:id"]);
  expect(ids).toEqual(["rId1", "rId2"]);
  expect(drawingRelsXml(["../charts/chart1.xml", "../charts/chart2.xml"])).toMatch(/Id="rId1"[^>]*Target="..\/charts\/chart1.xml".*Id="rId2"[^>]*Target="..\/charts\/chart2.xml"/);
});

const SHEET_HEAD =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>';
const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait"/>';

test("the drawing element lands after pageMargins and pageSetup and before tableParts", () => {
  const xml = insertDrawing(`${SHEET_HEAD}${MARGINS}<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`, "rId2");
  expect(xml).toBe(`${SHEET_HEAD}${MARGINS}<drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`);
});

test("the drawing element goes before legacyDrawing and extLst, or last when nothing follows it", () => {
  expect(insertDrawing(`${SHEET_HEAD}${MARGINS}<legacyDrawing r:id="rId1"/><extLst/></worksheet>`, "rId3")).toBe(
    `${SHEET_HEAD}${MARGINS}<drawing r:id="rId3"/><legacyDrawing r:id="rId1"/><extLst/></worksheet>`,
  );
  expect(insertDrawing(`${SHEET_HEAD}${MARGINS}</worksheet>`, "rId1")).toBe(`${SHEET_HEAD}${MARGINS}<drawing r:id="rId1"/></worksheet>`);
  // Without the r prefix declared on the worksheet, the element declares it.
  expect(insertDrawing('<worksheet xmlns="x"><sheetData/></worksheet>', "rId1")).toContain(
    '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>',
  );
  expect(() => insertDrawing(`${SHEET_HEAD}<drawing r:id="rId1"/></worksheet>`, "rId2")).toThrow(/redan en ritning/);
});

test("relationships get an unused id; content types an override per new part", () => {
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="a"/><Relationship Id="rId3" Type="t" Target="b"/></Relationships>';
  const added = addRelationship(rels, "d", "../drawings/drawing1.xml");
  expect(added.id).toBe("rId4");
  expect(added.xml).toContain('<Relationship Id="rId4" Type="d" Target="../drawings/drawing1.xml"/></Relationships>');
  expect(addRelationship(undefined, "d", "x").id).toBe("rId1");
  const types = addContentTypes('<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/></Types>', [
    { partName: "/xl/charts/chart1.xml", contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml" },
  ]);
  expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>');
});

/** A bridge's bars as the report sheet holds them: label, base, above and below zero, level (values in Mkr). */
function bridgeSheet(): SheetPlan {
  const m = (v: number | "") => cell(v === "" ? "" : v * 1_000_000);
  return {
    name: "Månadsrapport",
    tables: [],
    blocks: [
      {
        anchor: "J53",
        rows: [
          [cell("Stapel"), cell("Bas"), cell("Över noll"), cell("Under noll"), cell("Nivå")],
          [cell("Avvikelse ack"), m(""), m(""), m(""), m(-131.6)],
          [cell("+ nationella satsningar"), m(-76.7), m(0), m(-54.9), m("")],
          [cell("+ sjuklönekompensation"), m(0), m(15.2), m(0), m("")],
          [cell("Netto enligt rapporten"), m(""), m(""), m(""), m(10.4)],
        ],
        numberFormats: [[], ...Array.from({ length: 4 }, () => [undefined, MKR, MKR, MKR, MKR])],
      },
    ],
    charts: [],
  };
}

const MKR = '+#,##0.0##,, "Mkr";-#,##0.0##,, "Mkr";0.0 "Mkr"';

const bridge: ChartPlan = {
  name: "Brygga 2020-10",
  type: "ColumnStacked",
  title: "Från brutto till netto, oktober 2020",
  source: "J53:N57",
  seriesBy: "Columns",
  fills: ["none", "#4472c4", "#4472C4", "#7F7F7F"],
  legend: false,
  from: "O42",
  to: "R58",
};

test("stacked columns with an invisible first series: no fill and no outline for the base, the others in their colours, no legend", async () => {
  const sheet = bridgeSheet();
  const { doc, plotArea } = await parse(chartXml(sheet.name, bridge, sheetCells(sheet)));
  const bar = plotArea["c:barChart"][0];
  expect(bar["c:barDir"][0].$.val).toBe("col");
  expect(bar["c:grouping"][0].$.val).toBe("stacked");
  expect(bar["c:overlap"][0].$.val).toBe("100");
  const series = bar["c:ser"].map((s: Xml) => {
    const sp = s["c:spPr"][0];
    return {
      name: f(s["c:tx"][0]["c:strRef"][0]),
      fill: "a:noFill" in sp ? "none" : sp["a:solidFill"][0]["a:srgbClr"][0].$.val,
      outline: "a:noFill" in sp["a:ln"][0] ? "none" : "some",
      cat: f(s["c:cat"][0]["c:strRef"][0]),
      values: f(s["c:val"][0]["c:numRef"][0]),
      mkr: Object.fromEntries(Object.entries(pts(s["c:val"][0]["c:numRef"][0]["c:numCache"][0])).map(([i, v]) => [i, Number(v) / 1e6])),
    };
  });
  expect(series.map((s: Xml) => [s.name, s.fill, s.outline, s.values])).toEqual([
    ["'Månadsrapport'!$K$53", "none", "none", "'Månadsrapport'!$K$54:$K$57"],
    ["'Månadsrapport'!$L$53", "4472C4", "none", "'Månadsrapport'!$L$54:$L$57"],
    ["'Månadsrapport'!$M$53", "4472C4", "none", "'Månadsrapport'!$M$54:$M$57"],
    ["'Månadsrapport'!$N$53", "7F7F7F", "none", "'Månadsrapport'!$N$54:$N$57"],
  ]);
  expect(series.every((s: { cat: string }) => s.cat === "'Månadsrapport'!$J$54:$J$57")).toBe(true);
  expect(series.map((s: { mkr: Record<string, number> }) => s.mkr)).toEqual([{ 1: -76.7, 2: 0 }, { 1: 0, 2: 15.2 }, { 1: -54.9, 2: 0 }, { 0: -131.6, 3: 10.4 }]);
  expect(doc["c:chartSpace"]["c:chart"][0]["c:legend"]).toBeUndefined();
});

test("a chart without fills or legend setting keeps the engine's colours and a legend; clustered columns do not overlap", async () => {
  const sheet = purposesSheet();
  const { doc, plotArea } = await parse(chartXml(sheet.name, columnChart, sheetCells(sheet)));
  const bar = plotArea["c:barChart"][0];
  expect(bar["c:overlap"]).toBeUndefined();
  expect(bar["c:ser"].map((s: Xml) => s["c:spPr"])).toEqual([undefined, undefined]);
  expect(doc["c:chartSpace"]["c:chart"][0]["c:legend"][0]["c:legendPos"][0].$.val).toBe("b");
});
