import { followUp } from "../../../src/domain/grant";
import { activity, granted, kr, model, nb, out } from "./fixtures";

describe("forecast", () => {
  test("run rate: ack / months × 12, rounded to whole kronor the way Excel's ROUND does", () => {
    const m = model([granted(200_000, "P1"), granted(2_000_000, "P2")], [out("P1", 3, 100_001), out("P2", 1, 1_000_003)]);
    const f9 = followUp(m, { reportDate: "2016-09-30" });
    expect(f9.throughMonth).toBe(9);
    // 100 001 / 9 × 12 = 133 334,67
    expect(f9.activities[0].forecast.toString()).toBe("133335");
    expect(f9.activities[0].forecastBasis).toBe("takt");
    expect(f9.activities[0].forecastExplanation).toBe(nb("Takten hittills: 100 001 kr på 9 månader × 12 = 133 335 kr, avrundat till hela kronor."));
    // 1 000 003 / 8 × 12 = 1 500 004,5: half away from zero, as ROUND.
    const f8 = followUp(m, { reportDate: "2016-08-31" });
    expect(f8.activities[1].forecast.toString()).toBe("1500005");
  });

  test("an entered forecast wins over the run rate", () => {
    const m = model([granted(500_000, "P1", { forecast: kr(480_000) })], [out("P1", 1, 10_000)]);
    const a = followUp(m, { reportDate: "2016-06-30" }).activities[0];
    expect(a.forecast.toString()).toBe("480000");
    expect(a.forecastBasis).toBe("inmatad");
    expect(a.leftoverAtSpendBy.toString()).toBe("20000");
  });

  test("before the first month, the forecast is the granted amount", () => {
    const m = model([granted(500_000, "P1")], []);
    const f = followUp(m, { reportDate: "2015-12-15" });
    expect(f.throughMonth).toBe(0);
    expect(f.activities[0]).toMatchObject({ forecastBasis: "beviljat" });
    expect(f.activities[0].forecast.toString()).toBe("500000");
  });

  test("a granted activity with nothing booked yet is forecast to use its grant, not zero: it has not started, and its money is no leftover", () => {
    const m = model([granted(500_000, "P1"), granted(300_000, "P2")], [out("P1", 1, 40_000)]);
    const f = followUp(m, { reportDate: "2016-09-30" });
    expect(f.activities[1]).toMatchObject({ forecastBasis: "beviljat" });
    expect(f.activities[1].forecast.toString()).toBe("300000");
    expect(f.activities[1].leftoverAtSpendBy.toString()).toBe("0");
    expect(f.activities[1].forecastExplanation).toBe(nb("Inget utfall bokat ännu; prognosen är beviljat belopp 300 000 kr. Ange en prognos om aktiviteten inte kommer att använda det."));
  });

  test("the forecast at the spend-by date runs the rate to that month; for the year, to December", () => {
    const m = model([granted(600_000, "P1")], [out("P1", 1, 30_000), out("P1", 2, 30_000), out("P1", 3, 30_000)], { spendBy: "2016-06-30" });
    const a = followUp(m, { reportDate: "2016-03-31" }).activities[0];
    expect(a.forecast.toString()).toBe("360000");
    expect(a.forecastAtSpendBy.toString()).toBe("180000");
    expect(a.leftoverAtSpendBy.toString()).toBe("420000");
    expect(a.forecastExplanation).toBe(nb("Takten hittills: 90 000 kr på 3 månader × 12 = 360 000 kr, avrundat till hela kronor; till sista användningsdag (6 månader) 180 000 kr."));
  });

  test("a spend-by date in the next year counts its months too; a passed one counts only the outcome", () => {
    const m = model([granted(600_000, "P1")], [out("P1", 1, 10_000), out("P1", 2, 10_000)], { spendBy: "2017-06-30" });
    expect(followUp(m, { reportDate: "2016-02-29" }).activities[0].forecastAtSpendBy.toString()).toBe("180000"); // 5 000 × 18
    const passed = model([granted(600_000, "P1")], [out("P1", 1, 10_000), out("P1", 8, 10_000)], { spendBy: "2016-06-30" });
    expect(followUp(passed, { reportDate: "2016-08-31" }).activities[0].forecastAtSpendBy.toString()).toBe("20000");
  });
});

describe("figures", () => {
  test("per activity, per purpose and for the grant: granted, ack, remaining, share used", () => {
    const m = model(
      [granted(400_000, "P1"), granted(100_000, "P2", { purposeId: "b" }), granted(300_000, "P3"), activity({ status: "vantelista", rank: 4 })],
      [out("P1", 1, 100_000), out("P2", 2, 25_000), out("P3", 2, 60_000), out("P9", 2, 5_000)],
    );
    const f = followUp(m, { reportDate: "2016-02-29" });
    expect(f.activities[0]).toMatchObject({ id: m.activities[0].id });
    expect(f.activities[0].remaining.toString()).toBe("300000");
    expect(f.activities[0].shareUsed!.toString()).toBe("0.25");
    expect(f.activities[3].shareUsed).toBeUndefined();
    const [a, b] = f.purposes;
    expect([a.granted.toString(), a.ack.toString(), a.remaining.toString()]).toEqual(["700000", "160000", "540000"]);
    expect([b.granted.toString(), b.ack.toString()]).toEqual(["100000", "25000"]);
    expect(f.totals.granted.toString()).toBe("800000");
    expect(f.totals.notGranted.toString()).toBe("200000");
    expect(f.totals.ack.toString()).toBe("185000");
    // Booked on an unknown project: reported, not counted.
    expect(f.totals.unattributed.toString()).toBe("5000");
    const unknown = f.problems.filter((p) => p.code === "grant.outcome.unknownProject");
    expect(unknown.map((p) => p.ref)).toEqual([{ collection: "outcomes", index: 3, field: "projectNumber" }]);
  });
});

describe("what the leftover rule makes of the leftover", () => {
  const base = () => model([granted(600_000, "P1", { forecast: kr(450_000) })], [out("P1", 1, 100_000)]);

  test("återbetala: the grant's leftover, granted or not, is repaid; riktat: unused is a liability at year end", () => {
    const f = followUp(base(), { reportDate: "2016-01-31" });
    expect(f.leftover.leftover.toString()).toBe("550000"); // 1 000 000 − 450 000
    expect(f.leftover.repayment.toString()).toBe("550000");
    expect(f.leftover.keptWithPlan.isZero() && f.leftover.carryOver.isZero()).toBe(true);
    expect(f.leftover.yearEnd).toMatchObject({ year: 2016, kind: "riktat" });
    expect(f.leftover.yearEnd.income.toString()).toBe("450000");
    expect(f.leftover.yearEnd.liability.toString()).toBe("550000");
    expect(f.leftover.explanation).toBe(
      nb("Enligt prognosen blir 550 000 kr över och ska återbetalas. Statsbidraget är riktat: vid årsskiftet 2016 redovisas 450 000 kr som intäkt och 550 000 kr som skuld för ej använda medel."),
    );
  });

  test("behåll med plan and överför; a generellt grant is income at once", () => {
    const kept = base();
    kept.grant.leftoverRule = "behall_med_plan";
    kept.grant.kind = "generellt";
    const f = followUp(kept, { reportDate: "2016-01-31" });
    expect(f.leftover.keptWithPlan.toString()).toBe("550000");
    expect(f.leftover.yearEnd.liability.isZero()).toBe(true);
    expect(f.leftover.yearEnd.income.toString()).toBe("1000000");
    const moved = base();
    moved.grant.leftoverRule = "overfor";
    expect(followUp(moved, { reportDate: "2016-01-31" }).leftover.carryOver.toString()).toBe("550000");
  });

  test("the repayment names Kammarkollegiet and the date when a deadline says so", () => {
    const m = base();
    m.grant.deadlines = [{ kind: "aterbetalning", to: "Kammarkollegiet", due: "2017-03-31", precision: "dag" }];
    expect(followUp(m, { reportDate: "2016-01-31" }).leftover.explanation).toMatch(/^Enligt prognosen blir 550\u00A0000\u00A0kr över och ska återbetalas till Kammarkollegiet \(redovisning senast 2017-03-31\)\./);
  });

  test("a forecast above the grant is a warning, and nothing is left over", () => {
    const m = model([granted(1_000_000, "P1", { forecast: kr(1_050_000) })], []);
    const f = followUp(m, { reportDate: "2016-05-31" });
    expect(f.leftover.leftover.isZero()).toBe(true);
    expect(f.problems.map((p) => p.code)).toEqual(["grant.forecast.overGranted", "grant.forecast.overGrant"]);
  });
});

test("the outcome year: money kept from 2019 and used in 2020 is followed in 2020's months", () => {
  const m = model([granted(300_000, "P1")], [out("P1", 2, 50_000)], { year: 2019, outcomeYear: 2020, spendBy: "2020-12-31" });
  expect(followUp(m, { reportDate: "2019-12-31" }).throughMonth).toBe(0);
  const f = followUp(m, { reportDate: "2020-03-31" });
  expect(f.outcomeYear).toBe(2020);
  expect(f.throughMonth).toBe(3);
  expect(f.totals.ack.toString()).toBe("50000");
});

test("the spend-by warning counts days from the report date and respects the chosen window", () => {
  const m = model([granted(500_000, "P1")], [], { spendBy: "2016-12-31" });
  expect(followUp(m, { reportDate: "2016-10-31" }).problems.map((p) => p.code)).toEqual([]); // 61 days
  expect(followUp(m, { reportDate: "2016-11-01" }).problems.map((p) => p.code)).toEqual(["grant.spendBy.near"]); // 60 days
  expect(followUp(m, { reportDate: "2016-10-31", nearDays: 90 }).problems.map((p) => p.code)).toEqual(["grant.spendBy.near"]);
  // Nothing left: no warning, even past the date.
  const used = model([granted(1_000_000, "P1")], [out("P1", 6, 1_000_000)], { spendBy: "2016-12-31" });
  expect(followUp(used, { reportDate: "2017-01-15" }).problems).toEqual([]);
});
