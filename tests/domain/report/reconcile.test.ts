import { Decimal } from "../../../src/domain/money";
import {
  Check,
  MonthlyReport,
  exact,
  findAdjustmentConventions,
  lineDeviation,
  ratioCheck,
  reconcileReport,
  sumCheck,
} from "../../../src/domain/report/index";
import { amount, kr, line, oktober, september, share } from "./fixtures";

const check = (r: ReturnType<typeof reconcileReport>, code: string): Check => {
  const found = r.checks.filter((c) => c.code === code);
  expect(found).toHaveLength(1);
  return found[0];
};
const codes = (r: ReturnType<typeof reconcileReport>) => r.problems.map((p) => p.code);

describe("Månadsrapport september 2020", () => {
  const r = reconcileReport(september());

  test("september 2020: no input problem and nothing that fails to add up", () => {
    expect(r.problems).toEqual([]);
  });

  test("september 2020: −119,3 Mkr is 17,3 Mkr worse than August, so August's tertial report stood at −102,0 Mkr", () => {
    expect(r.figures.avvikelse).toEqual({ value: kr("−119,3 Mkr"), implied: false });
    expect(r.figures.forandringAvvikelse).toEqual({ value: kr("−17,3 Mkr"), implied: false });
    // The document does not state August's figure: it is implied, and nothing can be checked.
    expect(r.figures.foregaendeAvvikelse).toEqual({ value: kr("−102,0 Mkr"), implied: true });
    expect(r.checks.some((c) => c.code === "report.reconcile.deviationChange")).toBe(false);
  });

  test("september 2020: forecast −165,9 Mkr, 1,8 Mkr better than August, implies −167,7 Mkr in August", () => {
    expect(r.figures.forandringPrognos!.value.toString()).toBe("1800000");
    expect(r.figures.foregaendePrognos).toEqual({ value: kr("−167,7 Mkr"), implied: true });
  });

  test("september 2020: −119,3 + 50,8 + 32,8 + 25,2 + 14,1 = +3,6 Mkr, the stated net, exactly; the pandemic costs stay out", () => {
    const net = check(r, "report.reconcile.net");
    expect(net.stated.toString()).toBe("3600000");
    expect(net.recomputed.toString()).toBe("3600000");
    expect(net.exact).toBe(true);
    expect(net.terms.map((t) => t.value.times(t.coefficient).div(1e6).toString())).toEqual(["-119.3", "50.8", "32.8", "25.2", "14.1"]);
    // Five rounded terms and the rounded net: 6 × 0,05 Mkr.
    expect(net.tolerance.toString()).toBe("300000");
  });

  test("september 2020: adding all five adjustments would give +64,0 Mkr, not +3,6", () => {
    const m = september();
    m.justeringar = m.justeringar.map((a) => ({ ...a, tecken: 1 }));
    const net = check(reconcileReport(m), "report.reconcile.net");
    expect(net.recomputed.toString()).toBe("64000000");
    expect(net.withinRounding).toBe(false);
  });

  test("september 2020: measures 86,7 Mkr against expected 114,9 Mkr are 28,2 Mkr short, 75,5 %", () => {
    expect(r.figures.atgarder!.avvikelse.toString()).toBe(kr("−28,2 Mkr").toString());
    expect(r.figures.atgarder!.uppfyllnad!.toDecimalPlaces(3).toString()).toBe("0.755");
  });

  test("september 2020: sick leave 6,0 %, 1,2 procentenheter above 2019, implies 4,8 % in 2019", () => {
    expect(r.figures.sjukfranvaro!.andelJamforelse).toEqual({ value: new Decimal("0.048"), implied: true });
    expect(r.figures.sjukfranvaro!.jamforelseAr).toBe(2019);
  });
});

describe("Månadsrapport oktober 2020", () => {
  const r = reconcileReport(oktober());

  test("oktober 2020: −131,6 Mkr is 12,3 Mkr worse than September's −119,3 Mkr", () => {
    const c = check(r, "report.reconcile.deviationChange");
    expect(c.recomputed.toString()).toBe(kr("−12,3 Mkr").toString());
    expect(c.exact).toBe(true);
    // Three figures stated to 0,1 Mkr: 3 × 0,05.
    expect(c.tolerance.toString()).toBe("150000");
    expect(c.terms.map((t) => t.ref)).toEqual([
      { collection: "rapport", index: 0, field: "avvikelse" },
      { collection: "foregaende", index: 0, field: "avvikelse" },
    ]);
  });

  test("oktober 2020: forecast −182,9 Mkr is 17,0 Mkr worse than September's −165,9 Mkr; the text's '17 Mkr' is stated to whole Mkr", () => {
    const c = check(r, "report.reconcile.forecastChange");
    expect(c.recomputed.toString()).toBe("-17000000");
    expect(c.exact).toBe(true);
    expect(c.statedStep.toString()).toBe("1000000");
    expect(c.tolerance.toString()).toBe("600000");
  });

  test("oktober 2020: the stated net +10,4 Mkr does not add up; the parts give +15,2 Mkr, 4,8 Mkr more", () => {
    const c = check(r, "report.reconcile.net");
    expect(c.recomputed.toString()).toBe("15200000");
    expect(c.difference.toString()).toBe("-4800000");
    expect(c.withinRounding).toBe(false);
    const p = r.problems.find((x) => x.code === "report.reconcile.net")!;
    expect(p.severity).toBe("varning");
    expect(p.ref).toEqual({ collection: "rapport", index: 0, field: "netto" });
    expect(p.message).toContain("+10,4\u00A0Mkr");
    expect(p.message).toContain("+15,2\u00A0Mkr");
    expect(p.message).toContain("−4,8\u00A0Mkr");
    expect(p.message).toContain("Ingen kombination av tecken");
  });

  test("oktober 2020: no combination of signs of the five adjustments gives +10,4 Mkr within rounding", () => {
    const m = oktober();
    const all = findAdjustmentConventions(m.avvikelse!, m.justeringar, m.netto!, { limit: 243 });
    expect(all).toHaveLength(243);
    expect(all.some((c) => c.withinRounding)).toBe(false);
    expect(r.nettoKonventioner![0].netto.toString()).toBe("9100000");
    // The reading the text describes (and September confirms) is fourth nearest.
    const described = all.findIndex((c) => c.tecken.join() === "1,0,1,1,1");
    expect(all[described].netto.toString()).toBe("15200000");
  });

  test("oktober 2020: the only problem is the net", () => {
    expect(codes(r)).toEqual(["report.reconcile.net"]);
  });
});

describe("the sign conventions of September 2020", () => {
  test("only one combination gives +3,6 Mkr within rounding: the four the text names, added, and the pandemic costs left out", () => {
    const m = september();
    const found = findAdjustmentConventions(m.avvikelse!, m.justeringar, m.netto!, { limit: 243 });
    const within = found.filter((c) => c.withinRounding);
    expect(within.map((c) => c.tecken)).toEqual([[1, 0, 1, 1, 1]]);
    expect(within[0].difference.isZero()).toBe(true);
  });

  test("the search refuses more than ten adjustments", () => {
    const m = september();
    const many = Array.from({ length: 11 }, () => m.justeringar[0]);
    expect(() => findAdjustmentConventions(m.avvikelse!, many, m.netto!)).toThrow(RangeError);
  });
});

describe("rounding tolerance", () => {
  test("a difference of half a unit per rounded figure is within rounding, a little more is not", () => {
    const terms = [
      { label: "a", value: kr("10,1 Mkr"), coefficient: 1 as const, uncertainty: new Decimal(50_000) },
      { label: "b", value: kr("20,2 Mkr"), coefficient: 1 as const, uncertainty: new Decimal(50_000) },
    ];
    const at = (stated: string) =>
      sumCheck({ code: "x", topic: "avvikelse", label: "x", quantity: "avvikelse", ref: { collection: "rapport", index: 0 }, stated: amount(stated), terms });
    expect(at("30,3 Mkr").exact).toBe(true);
    expect(at("30,4 Mkr")).toMatchObject({ exact: false, withinRounding: true });
    expect(at("30,4 Mkr").tolerance.toString()).toBe("150000");
    expect(at("30,5 Mkr").withinRounding).toBe(false);
    // Stated to whole Mkr, the same sum may differ by 0,5 + 2 × 0,05 = 0,6.
    expect(at("30 Mkr").withinRounding).toBe(true);
    expect(at("30 Mkr").tolerance.toString()).toBe("600000");
    expect(at("31 Mkr").withinRounding).toBe(false);
  });

  test("exact ledger amounts leave only the stated figure's rounding", () => {
    const at = (ledgerKr: number) =>
      sumCheck({
        code: "x",
        topic: "rader",
        label: "x",
        quantity: "avvikelse",
        ref: { collection: "rapport", index: 0 },
        stated: amount("−1,2 Mkr"),
        terms: [{ label: "rad", value: new Decimal(ledgerKr), coefficient: 1, uncertainty: new Decimal(0) }],
      });
    expect(at(-1_249_999).tolerance.toString()).toBe("50000");
    expect(at(-1_249_999).withinRounding).toBe(true);
    expect(at(-1_250_000).withinRounding).toBe(true);
    expect(at(-1_250_001).withinRounding).toBe(false);
  });

  test("a share within the interval its rounded amounts allow", () => {
    const spec = (stated: string, a: string, b: string) =>
      ratioCheck({
        code: "report.reconcile.agencyShare",
        topic: "stafett",
        label: "Stafettandelen",
        quantity: "andel",
        ref: { collection: "stafett", index: 0, field: "andel" },
        stated: share(stated),
        numerator: { label: "a", value: amount(a).value, coefficient: 1, uncertainty: amount(a).step.div(2) },
        denominator: { label: "b", value: amount(b).value, coefficient: 1, uncertainty: amount(b).step.div(2) },
      });
    // 12,3 / 80,8 = 15,2228 %; with both amounts ±0,05 Mkr the share may be 15,19 %–15,26 %.
    expect(spec("15,22 %", "12,3 Mkr", "80,8 Mkr").withinRounding).toBe(true);
    expect(spec("15,25 %", "12,3 Mkr", "80,8 Mkr").withinRounding).toBe(true);
    expect(spec("15,30 %", "12,3 Mkr", "80,8 Mkr").withinRounding).toBe(false);
    // From exact kronor only the stated share's own rounding is left.
    expect(spec("15,25 %", "12 300 000 kr", "80 800 000 kr").withinRounding).toBe(false);
  });
});

describe("each reconciliation rule", () => {
  function withLines(): MonthlyReport {
    const m = september();
    m.rader = [
      line("Primärvård", "Personal", "612,0 Mkr", "630,3 Mkr"),
      line("Primärvård", "Intäkter", "85,0 Mkr", "89,1 Mkr", "intakt"),
      line("Specialiserad vård", "Personal", "1 480,0 Mkr", "1 517,5 Mkr"),
      line("Specialiserad vård", "Läkemedel", "410,0 Mkr", "347,4 Mkr"),
    ];
    return m;
  }

  test("the deviation of a line: costs over budget are negative, income above budget positive", () => {
    expect(lineDeviation(line("A", "Personal", "100 Mkr", "120 Mkr")).toString()).toBe("-20000000");
    expect(lineDeviation(line("A", "Intäkter", "100 Mkr", "120 Mkr", "intakt")).toString()).toBe("20000000");
  });

  test("report.reconcile.lineDeviation: a stated line deviation against its budget and utfall", () => {
    const m = withLines();
    m.rader[0].avvikelse = amount("−18,3 Mkr");
    m.rader[2].avvikelse = amount("−37,0 Mkr");
    const r = reconcileReport(m);
    const lines = r.checks.filter((c) => c.code === "report.reconcile.lineDeviation");
    expect(lines.map((c) => c.withinRounding)).toEqual([true, false]);
    const p = r.problems.find((x) => x.code === "report.reconcile.lineDeviation")!;
    expect(p.ref).toEqual({ collection: "rader", index: 2, field: "avvikelse" });
    expect(p.message).toContain("Specialiserad vård, Personal");
    expect(p.message).toContain("1\u00A0480,0\u00A0Mkr − 1\u00A0517,5\u00A0Mkr");
  });

  test("report.reconcile.totalDeviation: the lines against the stated deviation to date", () => {
    const r = reconcileReport(withLines());
    const c = check(r, "report.reconcile.totalDeviation");
    // −18,3 + 4,1 − 37,5 + 62,6 = +10,9, far from −119,3.
    expect(c.recomputed.toString()).toBe("10900000");
    expect(c.withinRounding).toBe(false);
    expect(r.figures.avvikelse).toEqual({ value: kr("10,9 Mkr"), implied: false });
    expect(c.terms).toHaveLength(4);
    expect(r.problems.find((p) => p.code === "report.reconcile.totalDeviation")!.message).toContain("+10,9\u00A0Mkr");
  });

  test("report.reconcile.areaTotal and costTypeTotal: stated totals against their lines", () => {
    const m = withLines();
    m.summor = [
      { dimension: "omrade", namn: "primärvård", avvikelse: amount("−14,2 Mkr") },
      { dimension: "kostnadsslag", namn: "Personal", avvikelse: amount("−56,2 Mkr") },
    ];
    const r = reconcileReport(m);
    const area = check(r, "report.reconcile.areaTotal");
    expect(area.recomputed.toString()).toBe("-14200000");
    expect(area.withinRounding).toBe(true);
    const cost = check(r, "report.reconcile.costTypeTotal");
    expect(cost.recomputed.toString()).toBe("-55800000");
    // Two lines from budget and utfall stated to 0,1 Mkr, and the stated total: 4 × 0,05 + 0,05.
    expect(cost.tolerance.toString()).toBe("250000");
    expect(cost.withinRounding).toBe(false);
    expect(cost.terms.map((t) => t.ref?.index)).toEqual([0, 2]);
  });

  test("report.reconcile.totalForecast: the lines' forecasts against the stated forecast", () => {
    const m = withLines();
    const forecasts = ["−40,0 Mkr", "+5,0 Mkr", "−60,0 Mkr", "−70,9 Mkr"];
    m.rader.forEach((l, i) => (l.prognos = amount(forecasts[i])));
    const c = check(reconcileReport(m), "report.reconcile.totalForecast");
    expect(c.recomputed.toString()).toBe("-165900000");
    expect(c.exact).toBe(true);
  });

  test("report.reconcile.deviationChange: a stated change that does not follow from the two deviations", () => {
    const m = oktober();
    m.forandringAvvikelse = amount("−13,3 Mkr");
    const r = reconcileReport(m);
    expect(check(r, "report.reconcile.deviationChange").difference.toString()).toBe("-1000000");
    const p = r.problems.find((x) => x.code === "report.reconcile.deviationChange")!;
    expect(p.message).toContain("försämring med 13,3\u00A0Mkr");
    expect(p.message).toContain("försämring med 12,3\u00A0Mkr");
    // The text uses the recomputed change.
    expect(r.figures.forandringAvvikelse).toEqual({ value: kr("−12,3 Mkr"), implied: false });
  });

  test("report.reconcile.forecastChange: 'förbättring' where the figures show a försämring", () => {
    const m = oktober();
    m.forandringPrognos = amount("+17 Mkr");
    const r = reconcileReport(m);
    expect(check(r, "report.reconcile.forecastChange").withinRounding).toBe(false);
    expect(codes(r)).toContain("report.reconcile.forecastChange");
  });

  test("report.reconcile.agencyShare: the share recomputed from stafettkostnad and kostnad egen personal", () => {
    const m = september();
    m.stafett[0] = { ...m.stafett[0], stafettkostnad: exact(new Decimal(30_460_000)), kostnadEgenPersonal: exact(new Decimal(200_000_000)) };
    m.stafett[1] = { ...m.stafett[1], stafettkostnad: exact(new Decimal(9_000_000)), kostnadEgenPersonal: exact(new Decimal(300_000_000)) };
    const r = reconcileReport(m);
    const shares = r.checks.filter((c) => c.code === "report.reconcile.agencyShare");
    expect(shares.map((c) => c.recomputed.toString())).toEqual(["0.1523", "0.03"]);
    expect(shares.map((c) => c.withinRounding)).toEqual([true, false]);
    const p = r.problems.find((x) => x.code === "report.reconcile.agencyShare")!;
    expect(p.ref).toEqual({ collection: "stafett", index: 1, field: "andel" });
    expect(p.message).toContain("2,88\u00A0%");
    expect(p.message).toContain("3,0\u00A0%");
  });

  test("report.reconcile.sickLeaveChange: 6,0 % against 4,8 % in 2019 is 1,2 procentenheter", () => {
    const m = september();
    m.sjukfranvaro!.andelJamforelse = share("4,8 %");
    let c = check(reconcileReport(m), "report.reconcile.sickLeaveChange");
    expect(c.exact).toBe(true);
    // Read as a relative change ("1,2 % högre" than 5,93 %) it would not add up as percentage points.
    m.sjukfranvaro!.andelJamforelse = share("5,93 %");
    c = check(reconcileReport(m), "report.reconcile.sickLeaveChange");
    expect(c.withinRounding).toBe(false);
    expect(reconcileReport(m).problems[0].message).toContain("procentenheter");
  });

  test("report.reconcile.keyFigureChange: a change against this year's and last year's value", () => {
    const m = september();
    m.nyckeltal[0] = { ...m.nyckeltal[0], varde: amount("150 000"), jamforelse: amount("107 600") };
    const c = check(reconcileReport(m), "report.reconcile.keyFigureChange");
    expect(c.recomputed.toString()).toBe("42400");
    expect(c.withinRounding).toBe(true);
    m.nyckeltal[0] = { ...m.nyckeltal[0], jamforelse: amount("117 600") };
    expect(codes(reconcileReport(m))).toEqual(["report.reconcile.keyFigureChange"]);
  });

  test("no check runs on a figure with an input error", () => {
    const m = september();
    m.justeringar[0].tecken = 2 as never;
    const r = reconcileReport(m);
    expect(r.checks.some((c) => c.code === "report.reconcile.net")).toBe(false);
    expect(codes(r)).toEqual(["report.adjustment.signUnknown"]);
  });

  test("a figure is never corrected: the stated value stays in the model and the check", () => {
    const m = oktober();
    const r = reconcileReport(m);
    expect(m.netto!.value.toString()).toBe("10400000");
    expect(check(r, "report.reconcile.net").stated.toString()).toBe("10400000");
  });
});
