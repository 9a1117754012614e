import { Decimal } from "../../../src/domain/money";
import { DomainProblem, EntityRef, hasErrors } from "../../../src/domain/problem";
import { MonthlyReport, reconcileReport, validateReport } from "../../../src/domain/report";
import { amount, adjustment, line, oktober, september, share } from "./fixtures";

type Case = [name: string, change: (m: MonthlyReport) => void, code: string, ref: EntityRef, severity: "fel" | "varning", words: string[]];

const lines = (m: MonthlyReport) => {
  m.rader = [line("Primärvård", "Personal", "612,0 Mkr", "630,3 Mkr"), line("Primärvård", "Intäkter", "85,0 Mkr", "89,1 Mkr", "intakt")];
};

const cases: Case[] = [
  ["month 13", (m) => (m.period.month = 13), "report.period.monthInvalid", { collection: "rapport", index: 0, field: "month" }, "fel", ["13", "1 (januari) till 12"]],
  ["month 0", (m) => (m.period.month = 0), "report.period.monthInvalid", { collection: "rapport", index: 0, field: "month" }, "fel", ["0"]],
  ["month missing", (m) => (m.period.month = undefined as never), "report.period.monthMissing", { collection: "rapport", index: 0, field: "month" }, "fel", ["saknar månad"]],
  ["year missing", (m) => (m.period.year = undefined as never), "report.period.yearMissing", { collection: "rapport", index: 0, field: "year" }, "fel", ["saknar år"]],
  ["year 20 (two digits)", (m) => (m.period.year = 20), "report.period.yearInvalid", { collection: "rapport", index: 0, field: "year" }, "fel", ["året 20", "1990"]],
  ["organisation missing", (m) => (m.organisation = " "), "report.organisation.missing", { collection: "rapport", index: 0, field: "organisation" }, "fel", ["organisation"]],
  ["unit label 'tkr'", (m) => (m.unitLabel = "tkr" as never), "report.unitLabel.unknown", { collection: "rapport", index: 0, field: "unitLabel" }, "fel", ["tkr", "Mkr"]],
  [
    "no deviation and no lines",
    (m) => {
      delete m.avvikelse;
    },
    "report.deviation.missing",
    { collection: "rapport", index: 0, field: "avvikelse" },
    "fel",
    ["ingen avvikelse"],
  ],
  ["a deviation that is no number", (m) => (m.avvikelse = { value: NaN as never, step: new Decimal(0) }), "report.figure.invalid", { collection: "rapport", index: 0, field: "avvikelse" }, "fel", ["inget tal"]],
  ["a negative rounding step", (m) => (m.prognos = { value: new Decimal(-1), step: new Decimal(-1) }), "report.figure.stepInvalid", { collection: "rapport", index: 0, field: "prognos" }, "fel", ["avrundningssteget"]],
  [
    "previous report of a later period",
    (m) => (m.foregaende = { period: { year: 2020, month: 10 }, typ: "manadsrapport" }),
    "report.previous.notEarlier",
    { collection: "foregaende", index: 0, field: "month" },
    "fel",
    ["oktober 2020", "september 2020"],
  ],
  [
    "previous report of the same period",
    (m) => (m.foregaende = { period: { year: 2020, month: 9 }, typ: "manadsrapport" }),
    "report.previous.notEarlier",
    { collection: "foregaende", index: 0, field: "month" },
    "fel",
    ["inte ligger före"],
  ],
  [
    "previous report of the year before",
    (m) => (m.foregaende = { period: { year: 2019, month: 12 }, typ: "delarsrapport" }),
    "report.previous.otherYear",
    { collection: "foregaende", index: 0, field: "year" },
    "varning",
    ["2019", "januari"],
  ],
  ["previous report of an unknown kind", (m) => (m.foregaende!.typ = "kvartalsrapport" as never), "report.previous.kindUnknown", { collection: "foregaende", index: 0, field: "typ" }, "fel", ["kvartalsrapport"]],
  [
    "a change stated without a previous report",
    (m) => {
      delete m.foregaende;
      delete m.forandringPrognos;
    },
    "report.change.withoutPrevious",
    { collection: "rapport", index: 0, field: "forandringAvvikelse" },
    "fel",
    ["föregående rapport"],
  ],
  [
    "a forecast change without a forecast",
    (m) => {
      delete m.prognos;
    },
    "report.forecastChange.withoutForecast",
    { collection: "rapport", index: 0, field: "prognos" },
    "fel",
    ["ingen prognos"],
  ],
  [
    "duplicate line area + cost type",
    (m) => {
      lines(m);
      m.rader.push(line("primärvård ", "personal", "1 Mkr", "1 Mkr"));
    },
    "report.line.duplicate",
    { collection: "rader", index: 2, field: "kostnadsslag" },
    "fel",
    ["rad 1"],
  ],
  [
    "line without area",
    (m) => {
      lines(m);
      m.rader[1].omrade = "";
    },
    "report.line.areaMissing",
    { collection: "rader", index: 1, field: "omrade" },
    "fel",
    ["Rad 2", "område"],
  ],
  [
    "line without cost type",
    (m) => {
      lines(m);
      m.rader[0].kostnadsslag = "";
    },
    "report.line.costTypeMissing",
    { collection: "rader", index: 0, field: "kostnadsslag" },
    "fel",
    ["kostnadsslag"],
  ],
  [
    "line of unknown kind",
    (m) => {
      lines(m);
      m.rader[0].slag = "utgift" as never;
    },
    "report.line.kindUnknown",
    { collection: "rader", index: 0, field: "slag" },
    "fel",
    ["utgift", "Kostnad eller Intäkt"],
  ],
  [
    "line with a negative budget",
    (m) => {
      lines(m);
      m.rader[0].budget = amount("−612,0 Mkr");
    },
    "report.line.negativeAmount",
    { collection: "rader", index: 0, field: "budget" },
    "varning",
    ["−612,0\u00A0Mkr", "positiva"],
  ],
  [
    "line without utfall",
    (m) => {
      lines(m);
      m.rader[0].utfall = undefined as never;
    },
    "report.figure.missing",
    { collection: "rader", index: 0, field: "utfall" },
    "fel",
    ["Utfallet på rad 1 saknas"],
  ],
  [
    "stated total of an area that has no lines",
    (m) => {
      lines(m);
      m.summor = [{ dimension: "omrade", namn: "Tandvård", avvikelse: amount("−1,0 Mkr") }];
    },
    "report.total.noLines",
    { collection: "summor", index: 0, field: "namn" },
    "varning",
    ["Tandvård"],
  ],
  [
    "stated total of an unknown dimension",
    (m) => (m.summor = [{ dimension: "division" as never, namn: "X", avvikelse: amount("1 Mkr") }]),
    "report.total.dimensionUnknown",
    { collection: "summor", index: 0, field: "dimension" },
    "fel",
    ["division"],
  ],
  [
    "the same total twice",
    (m) => (m.summor = [0, 1].map(() => ({ dimension: "kostnadsslag" as const, namn: "Läkemedel", avvikelse: amount("−38,4 Mkr") }))),
    "report.total.duplicate",
    { collection: "summor", index: 1, field: "namn" },
    "fel",
    ["Läkemedel", "rad 1"],
  ],
  ["adjustment with unknown sign", (m) => (m.justeringar[2].tecken = "?" as never), "report.adjustment.signUnknown", { collection: "justeringar", index: 2, field: "tecken" }, "fel", ['"?"', "+", "−", "0"]],
  ["adjustment of unknown kind", (m) => (m.justeringar[0].typ = "skatt" as never), "report.adjustment.kindUnknown", { collection: "justeringar", index: 0, field: "typ" }, "fel", ["skatt"]],
  [
    "two adjustments for sick pay",
    (m) => m.justeringar.push(adjustment("sjukloner", "1,0 Mkr", 1)),
    "report.adjustment.duplicateKind",
    { collection: "justeringar", index: 5, field: "typ" },
    "fel",
    ["sjuklönekompensation", "rad 5"],
  ],
  ["an other adjustment without a name", (m) => m.justeringar.push(adjustment("ovrig", "1,0 Mkr", -1)), "report.adjustment.labelMissing", { collection: "justeringar", index: 5, field: "benamning" }, "fel", ["benämning"]],
  ["adjustment with a negative amount", (m) => (m.justeringar[0].belopp = amount("−50,8 Mkr")), "report.adjustment.negativeAmount", { collection: "justeringar", index: 0, field: "belopp" }, "fel", ["−50,8\u00A0Mkr", "positivt"]],
  ["a net without adjustments", (m) => (m.justeringar = []), "report.net.withoutAdjustments", { collection: "rapport", index: 0, field: "netto" }, "varning", ["inga justeringar"]],
  ["agency share above 100 %", (m) => (m.stafett[0].andel = share("15,23")), "report.agency.shareAbove100", { collection: "stafett", index: 0, field: "andel" }, "fel", ["1\u00A0523", "15,23\u00A0%"]],
  ["agency share negative", (m) => (m.stafett[1].andel = share("−2,88 %")), "report.agency.shareNegative", { collection: "stafett", index: 1, field: "andel" }, "fel", ["−2,88\u00A0%"]],
  ["agency share without profession", (m) => (m.stafett[1].yrke = ""), "report.agency.professionMissing", { collection: "stafett", index: 1, field: "yrke" }, "fel", ["yrke"]],
  ["the same profession twice", (m) => (m.stafett[1].yrke = "Läkare"), "report.agency.duplicate", { collection: "stafett", index: 1, field: "yrke" }, "fel", ["Läkare", "rad 1"]],
  [
    "own staff cost zero",
    (m) => Object.assign(m.stafett[0], { stafettkostnad: amount("30 Mkr"), kostnadEgenPersonal: amount("0 kr") }),
    "report.agency.ownCostNotPositive",
    { collection: "stafett", index: 0, field: "kostnadEgenPersonal" },
    "fel",
    ["större än noll"],
  ],
  [
    "agency cost negative",
    (m) => Object.assign(m.stafett[0], { stafettkostnad: amount("−30 Mkr"), kostnadEgenPersonal: amount("200 Mkr") }),
    "report.agency.agencyCostNegative",
    { collection: "stafett", index: 0, field: "stafettkostnad" },
    "fel",
    ["negativ"],
  ],
  [
    "only one of the agency amounts",
    (m) => Object.assign(m.stafett[0], { stafettkostnad: amount("30 Mkr") }),
    "report.agency.amountsIncomplete",
    { collection: "stafett", index: 0, field: "kostnadEgenPersonal" },
    "varning",
    ["kostnaden för egen personal"],
  ],
  ["expected measures negative", (m) => (m.atgarder!.forvantat = amount("−114,9 Mkr")), "report.measures.expectedNegative", { collection: "atgarder", index: 0, field: "forvantat" }, "fel", ["−114,9\u00A0Mkr"]],
  ["expected measures zero", (m) => (m.atgarder!.forvantat = amount("0 Mkr")), "report.measures.expectedZero", { collection: "atgarder", index: 0, field: "forvantat" }, "varning", ["0 Mkr"]],
  ["measures with a negative outcome", (m) => (m.atgarder!.utfall = amount("−86,7 Mkr")), "report.measures.outcomeNegative", { collection: "atgarder", index: 0, field: "utfall" }, "varning", ["tecknet"]],
  ["sick leave above 100 %", (m) => (m.sjukfranvaro!.andel = share("6,0")), "report.sickLeave.shareOutOfRange", { collection: "sjukfranvaro", index: 0, field: "andel" }, "fel", ["600,0\u00A0%"]],
  ["sick leave change beyond 100 points", (m) => (m.sjukfranvaro!.forandring = share("1,2")), "report.sickLeave.changeOutOfRange", { collection: "sjukfranvaro", index: 0, field: "forandring" }, "fel", ["procentenheter"]],
  ["sick leave compared with a later year", (m) => (m.sjukfranvaro!.jamforelseAr = 2021), "report.sickLeave.comparisonYearInvalid", { collection: "sjukfranvaro", index: 0, field: "jamforelseAr" }, "fel", ["2021", "2020"]],
  ["key figure without a name", (m) => (m.nyckeltal[0].benamning = ""), "report.keyFigure.labelMissing", { collection: "nyckeltal", index: 0, field: "benamning" }, "fel", ["benämning"]],
  ["key figure in an unknown group", (m) => (m.nyckeltal[1].grupp = "ekonomi" as never), "report.keyFigure.groupUnknown", { collection: "nyckeltal", index: 1, field: "grupp" }, "fel", ["ekonomi"]],
  ["the same key figure twice", (m) => m.nyckeltal.push({ ...m.nyckeltal[0] }), "report.keyFigure.duplicate", { collection: "nyckeltal", index: 2, field: "benamning" }, "fel", ["rad 1"]],
];

describe("bad input, each with a Swedish reason and its place", () => {
  test.each(cases)("%s", (_name, change, code, ref, severity, words) => {
    const m = september();
    change(m);
    const problems = validateReport(m);
    const p: DomainProblem | undefined = problems.find((x) => x.code === code);
    expect(p).toBeDefined();
    expect(p!.ref).toEqual(ref);
    expect(p!.severity).toBe(severity);
    for (const w of words) expect(p!.message).toContain(w);
    // A sentence, in Swedish: it ends with a full stop or a question mark.
    expect(p!.message).toMatch(/[.?]$/);
  });

  test(`there are at least 20 distinct codes among the ${cases.length} cases`, () => {
    expect(new Set(cases.map((c) => c[2])).size).toBeGreaterThanOrEqual(20);
  });

  test("the documents' own figures raise no input problem", () => {
    expect(validateReport(september())).toEqual([]);
    expect(validateReport(oktober())).toEqual([]);
  });

  test("warnings do not stop the report; errors do", () => {
    const m = september();
    m.atgarder!.forvantat = amount("0 Mkr");
    expect(hasErrors(reconcileReport(m).problems)).toBe(false);
    m.period.month = 13;
    expect(hasErrors(reconcileReport(m).problems)).toBe(true);
  });

  test("a stated total that does not add up is a warning with its place, not an input error", () => {
    const m = september();
    m.netto = amount("+4,0 Mkr");
    const r = reconcileReport(m);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: "varning", code: "report.reconcile.net", ref: { collection: "rapport", index: 0, field: "netto" } });
    expect(r.problems[0].message).toContain("+4,0\u00A0Mkr");
    expect(r.problems[0].message).toContain("+3,6\u00A0Mkr");
  });
});
