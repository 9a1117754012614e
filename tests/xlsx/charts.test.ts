/**
 * The chart XML builders: references and caches from the plan's cells,
 * escaping, the drawing element's place in the sheet and the bridge
 * (waterfall) drawn as stacked columns.
 */
import {
  addContentTypes,
  addRelationship,
  bridgeSteps,
  chartData,
  chartXml,
  drawingRelsXml,
  drawingXml,
  insertDrawing,
  sheetCells,
  stackedParts,
} from "../../src/xlsx/charts";
import { ChartPlan, PlanCell, SheetPlan } from "../../src/workbook/plan";

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

/** The monthly report's bridge for October 2020: from −131,6 Mkr, four additions, to the stated net +10,4 Mkr. */
function bridgeSheet(): SheetPlan {
  const m = (v: number) => cell(v * 1_000_000);
  return {
    name: "Månadsrapport",
    tables: [],
    blocks: [
      {
        anchor: "J43",
        rows: [
          [cell("Steg"), cell("Förändring"), cell("Efter steget")],
          [cell("Avvikelse ack"), cell(""), m(-131.6)],
          [cell("+ nationella satsningar"), m(54.9), m(-76.7)],
          [cell("+ provtagningar"), m(47.5), m(-29.2)],
          [cell("+ tillgänglighet"), m(29.2), m(0)],
          [cell("− sjuklönekompensation"), m(-15.2), m(-15.2)],
          [cell("Netto enligt rapporten"), cell(""), m(10.4)],
        ],
      },
    ],
    charts: [],
  };
}

const bridge: ChartPlan = {
  name: "Brygga 2020-10",
  type: "Waterfall",
  title: "Från brutto till netto, oktober 2020",
  source: "J43:L49",
  seriesBy: "Columns",
  from: "N42",
  to: "R58",
};

test("a bridge's steps: totals from zero where a step has no change, changes from the running level", () => {
  const sheet = bridgeSheet();
  const steps = bridgeSteps(chartData(sheet.name, bridge, sheetCells(sheet)));
  const mkr = steps.map((s) => s && { ...s, from: Math.round(s.from / 1e5) / 10, to: Math.round(s.to / 1e5) / 10 });
  expect(mkr).toEqual([
    { kind: "total", from: 0, to: -131.6 },
    { kind: "rise", from: -131.6, to: -76.7 },
    { kind: "rise", from: -76.7, to: -29.2 },
    { kind: "rise", from: -29.2, to: 0 },
    { kind: "fall", from: 0, to: -15.2 },
    { kind: "total", from: 0, to: 10.4 },
  ]);
});

test("a stacked bar: an invisible base to the near end, the rest split at zero", () => {
  expect(stackedParts({ kind: "rise", from: 10, to: 25 })).toEqual({ base: 10, above: 15, below: 0 });
  expect(stackedParts({ kind: "rise", from: -30, to: -10 })).toEqual({ base: -10, above: 0, below: -20 });
  expect(stackedParts({ kind: "fall", from: -10, to: -30 })).toEqual({ base: -10, above: 0, below: -20 });
  expect(stackedParts({ kind: "rise", from: -5, to: 8 })).toEqual({ base: 0, above: 8, below: -5 });
  expect(stackedParts({ kind: "total", from: 0, to: -131 })).toEqual({ base: 0, above: 0, below: -131 });
});

test("a waterfall is a stacked column chart: an invisible base, rises, falls and totals computed from the source", async () => {
  const sheet = bridgeSheet();
  const xml = chartXml(sheet.name, bridge, sheetCells(sheet));
  const { doc, plotArea } = await parse(xml);
  const title = doc["c:chartSpace"]["c:chart"][0]["c:title"][0]["c:tx"][0]["c:rich"][0]["a:p"][0]["a:r"][0]["a:t"][0];
  expect(title).toBe("Brygga: Från brutto till netto, oktober 2020");
  const bar = plotArea["c:barChart"][0];
  expect(bar["c:barDir"][0].$.val).toBe("col");
  expect(bar["c:grouping"][0].$.val).toBe("stacked");
  expect(bar["c:overlap"][0].$.val).toBe("100");
  const series = bar["c:ser"].map((s: Xml) => ({
    name: s["c:tx"][0]["c:v"][0],
    hidden: "a:noFill" in s["c:spPr"][0],
    cat: f(s["c:cat"][0]["c:strRef"][0]),
    mkr: Object.fromEntries(Object.entries(pts(s["c:val"][0]["c:numLit"][0])).map(([i, v]) => [i, Number(v) / 1e6])),
  }));
  expect(series.every((s: { cat: string }) => s.cat === "'Månadsrapport'!$J$44:$J$49")).toBe(true);
  expect(series.map((s: { name: string; hidden: boolean }) => [s.name, s.hidden])).toEqual([
    ["Bas", true],
    ["Ökning", false],
    ["Minskning", false],
    ["Summa", false],
    ["Summa", false],
  ]);
  const [base, rise, fall, totalAbove, totalBelow] = series.map((s: { mkr: Record<string, number> }) => s.mkr);
  expect(base).toEqual({ 1: -76.7, 2: -29.2 });
  expect(rise).toEqual({ 1: -54.9, 2: -47.5, 3: -29.2 });
  expect(fall).toEqual({ 4: -15.2 });
  expect(totalAbove).toEqual({ 5: 10.4 });
  expect(totalBelow).toEqual({ 0: -131.6 });
  // The legend names rises, falls and totals once; the base is not in it.
  const hidden = doc["c:chartSpace"]["c:chart"][0]["c:legend"][0]["c:legendEntry"].map((e: Xml) => e["c:idx"][0].$.val);
  expect(hidden).toEqual(["0", "4"]);
});
