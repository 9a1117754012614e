import * as fs from "fs";
import * as path from "path";
import { Decimal } from "../../../src/domain/money";
import {
  INVENTED_SOURCE,
  MonthlyReport,
  Stated,
  draftReportText,
  reconcileReport,
  reportFromSeed,
} from "../../../src/domain/report";
import { oktober, september } from "./fixtures";

const SEEDS = path.join(__dirname, "../../../seeds/reports");
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(SEEDS, name), "utf8"));
function load(name: string): MonthlyReport {
  const { report, problems } = reportFromSeed(read(name));
  expect(problems).toEqual([]);
  return report!;
}

/** Every stated figure in a report with the path it sits at. */
function figures(value: unknown, at = ""): [string, Stated][] {
  if (value && typeof value === "object" && "value" in value && "step" in value && (value as Stated).value instanceof Decimal) return [[at, value as Stated]];
  if (Array.isArray(value)) return value.flatMap((v, i) => figures(v, `${at}[${i}]`));
  if (value && typeof value === "object" && !(value instanceof Decimal)) return Object.entries(value).flatMap(([k, v]) => figures(v, at ? `${at}.${k}` : k));
  return [];
}
/** value and step of each figure, without texts and sources, to compare with the fixtures built in code. */
const essence = (m: MonthlyReport) =>
  figures(m)
    .map(([p, s]) => [p, s.value.toString(), s.step.toString()])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe.each([
  ["2020-09.json", september, "Månadsrapport september 2020"],
  ["2020-10.json", oktober, "Månadsrapport oktober 2020"],
])("seeds/reports/%s", (file, fixture, title) => {
  const m = load(file);

  test("reads without a problem and holds the document's figures as stated", () => {
    const expected = fixture();
    const withoutLines = { ...m, rader: [] };
    expect(essence(withoutLines)).toEqual(essence(expected));
    expect(m.organisation).toBe("Hälso- och sjukvårdsförvaltningen");
    expect(m.source).toBe(`HSN, dagordning hösten 2020, ${title}`);
  });

  test("amounts keep the text they were stated in", () => {
    expect(m.avvikelse!.text).toMatch(/^−1\d\d,\d Mkr$/);
    expect(m.netto!.text).toMatch(/^\+\d+,\d Mkr$/);
    expect(m.stafett[0].andel.text).toMatch(/^15,\d\d %$/);
  });

  test("only the lines are invented, and each of their figures says so", () => {
    const all = figures(m);
    const invented = all.filter(([, s]) => s.source === INVENTED_SOURCE).map(([p]) => p);
    expect(invented.length).toBe(m.rader.length * 2);
    expect(invented.every((p) => p.startsWith("rader["))).toBe(true);
    expect(all.filter(([p]) => p.startsWith("rader[")).every(([, s]) => s.source === INVENTED_SOURCE)).toBe(true);
  });

  test("the invented lines add up exactly to the stated deviation", () => {
    const r = reconcileReport(m);
    const total = r.checks.find((c) => c.code === "report.reconcile.totalDeviation")!;
    expect(total.exact).toBe(true);
    expect(r.figures.avvikelse!.value.eq(m.avvikelse!.value)).toBe(true);
  });

  test("the invented lines give the largest deviations the paper names, in its order", () => {
    const text = draftReportText(m).paragraphs.find((p) => p.key === "kostnadsslag")!.text;
    expect(text).toMatch(/avser personal \(.*\), läkemedel \(.*\), köp av verksamhet \(.*\) och inhyrd personal \(.*\)\./);
    expect(text).toMatch(/Positiv avvikelse mot budget visar intäkter \(\+(36|40),\d\u00A0Mkr\) och köpt vård/);
  });
});

test("seeds: September adds up; October's net does not, and that is the only problem", () => {
  expect(reconcileReport(load("2020-09.json")).problems).toEqual([]);
  expect(reconcileReport(load("2020-10.json")).problems.map((p) => p.code)).toEqual(["report.reconcile.net"]);
});

test("seeds: October's previous figures are September's, with September's paper as their source", () => {
  const m = load("2020-10.json");
  expect(m.foregaende!.avvikelse!.source).toBe("HSN, dagordning hösten 2020, Månadsrapport september 2020");
  expect(m.foregaende!.avvikelse!.value.eq(load("2020-09.json").avvikelse!.value)).toBe(true);
  expect(m.foregaende!.prognos!.value.eq(load("2020-09.json").prognos!.value)).toBe(true);
});

describe("reading a seed that is wrong", () => {
  const base = () => read("2020-09.json") as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  test.each<[string, (d: Record<string, any>) => void, string, object]>([ // eslint-disable-line @typescript-eslint/no-explicit-any
    ["an amount that is no amount", (d) => (d.avvikelse = "−119,3 apor"), "report.seed.figure", { collection: "rapport", index: 0, field: "avvikelse" }],
    ["a percentage where an amount belongs", (d) => (d.netto = "3,6 %"), "report.seed.figure", { collection: "rapport", index: 0, field: "netto" }],
    ["an amount where a share belongs", (d) => (d.stafett[1].andel = "2,88 Mkr"), "report.seed.figure", { collection: "stafett", index: 1, field: "andel" }],
    ["a change with both words", (d) => (d.forandringAvvikelse = { försämring: "17,3 Mkr", förbättring: "1 Mkr" }), "report.seed.change", { collection: "rapport", index: 0, field: "forandringAvvikelse" }],
    ["a change with a sign and a word", (d) => (d.forandringPrognos = { förbättring: "−1,8 Mkr" }), "report.seed.change", { collection: "rapport", index: 0, field: "forandringPrognos" }],
    ["a change as a bare amount", (d) => (d.forandringPrognos = "1,8 Mkr"), "report.seed.change", { collection: "rapport", index: 0, field: "forandringPrognos" }],
    ["an adjustment sign that is neither +, − nor 0", (d) => (d.justeringar[4].tecken = "ibland"), "report.adjustment.signUnknown", { collection: "justeringar", index: 4, field: "tecken" }],
    ["an adjustment kind nobody knows", (d) => (d.justeringar[0].typ = "lotteri"), "report.adjustment.kindUnknown", { collection: "justeringar", index: 0, field: "typ" }],
    ["a line that is neither cost nor income", (d) => (d.rader[3].slag = "utgift"), "report.line.kindUnknown", { collection: "rader", index: 3, field: "slag" }],
    ["lines that are no list", (d) => (d.rader = { a: 1 }), "report.seed.shape", { collection: "rader", index: 0 }],
  ])("%s", (_name, change, code, ref) => {
    const d = base();
    change(d);
    const { report, problems } = reportFromSeed(d);
    expect(report).toBeUndefined();
    expect(problems.map((p) => p.code)).toContain(code);
    const p = problems.find((x) => x.code === code)!;
    expect(p.ref).toEqual(ref);
    expect(p.severity).toBe("fel");
  });

  test("a report that is no record", () => {
    expect(reportFromSeed([1, 2]).problems.map((p) => p.code)).toEqual(["report.seed.shape"]);
  });

  test("signs in the seed's words: +, −, 0 and 'ingår ej'", () => {
    const d = base();
    d.justeringar[0].tecken = "−";
    d.justeringar[1].tecken = "ingår ej";
    d.justeringar[2].tecken = 1;
    const m = reportFromSeed(d).report!;
    expect(m.justeringar.map((a) => a.tecken)).toEqual([-1, 0, 1, 1, 1]);
  });
});
