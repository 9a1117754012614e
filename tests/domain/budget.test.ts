import { BudgetModel, computeBudget, Omdisponering } from "../../src/domain/budget";
import { Decimal } from "../../src/domain/money";

const mkr = (n: number) => new Decimal(n).times(1_000_000);

/** HSN/1222/2023: 4,5 mkr a year from HSN's frame to RS from 2024-01-01, for good (frames invented). */
function vns(overrides: Partial<Omdisponering> = {}): Omdisponering {
  return {
    diarienummer: "HSN/1222/2023",
    from: "HSN",
    to: "RS",
    amount: new Decimal(4_500_000),
    validFrom: "2024-01-01",
    varaktighet: "permanent",
    status: "beslutad",
    beslutandeOrgan: "RF",
    beslutsdatum: "2023-11-28",
    ...overrides,
  };
}

function model(omdisp: Omdisponering[]): BudgetModel {
  const frames = [];
  for (const year of [2024, 2025, 2026]) {
    frames.push({ organ: "HSN", year, ram: mkr(5200) }, { organ: "RS", year, ram: mkr(900) }, { organ: "RUN", year, ram: mkr(400) });
  }
  return { frames, omdisponeringar: omdisp };
}

const frame = (r: ReturnType<typeof computeBudget>, organ: string, year: number) =>
  r.frames.find((f) => f.organ === organ && f.year === year)!;

describe("HSN/1222/2023: extended ward service made permanent", () => {
  test("a decided move lowers HSN's frame by 4 500 000 kr and raises RS's by the same, every year from 2024", () => {
    const r = computeBudget(model([vns()]));
    expect(r.problems).toEqual([]);
    for (const year of [2024, 2025, 2026]) {
      expect(frame(r, "HSN", year).justeradRam.toString()).toBe(mkr(5200).minus(4_500_000).toString());
      expect(frame(r, "RS", year).justeradRam.toString()).toBe(mkr(900).plus(4_500_000).toString());
      expect(frame(r, "RUN", year).justeradRam.eq(mkr(400))).toBe(true);
    }
  });

  test("as HSN's proposal to regionfullmäktige it changes only the frame if the proposals pass", () => {
    const r = computeBudget(model([vns({ status: "forslag", beslutsdatum: undefined })]));
    expect(r.problems).toEqual([]);
    const hsn = frame(r, "HSN", 2024);
    expect(hsn.justeradRam.eq(hsn.ram)).toBe(true);
    expect(hsn.forslag.toString()).toBe("-4500000");
    expect(hsn.ramOmForslagenBifalls.toString()).toBe(mkr(5200).minus(4_500_000).toString());
  });

  test("a one-off move applies only in its first year", () => {
    const r = computeBudget(model([vns({ varaktighet: "engang" })]));
    expect(frame(r, "HSN", 2024).beslutade.toString()).toBe("-4500000");
    expect(frame(r, "HSN", 2025).beslutade.toString()).toBe("0");
  });

  test("the total of all frames is unchanged by any omdisponering", () => {
    const r = computeBudget(model([vns(), vns({ diarienummer: "RS/1/2024", from: "RS", to: "RUN", amount: new Decimal("123456.78") })]));
    const total = (k: "ram" | "justeradRam") => r.frames.reduce((a, f) => a.plus(f[k]), new Decimal(0));
    expect(total("justeradRam").eq(total("ram"))).toBe(true);
  });
});

describe("checks, each with a reason", () => {
  const codes = (o: Omdisponering[], m = model(o)) => computeBudget(m).problems.map((p) => p.code);
  test.each<[string, Partial<Omdisponering>, string]>([
    ["unknown organ", { to: "Regionservice" }, "budget.omdisp.unknownOrgan"],
    ["from equal to to", { to: "HSN" }, "budget.omdisp.sameOrgan"],
    ["amount zero", { amount: new Decimal(0) }, "budget.omdisp.amountNotPositive"],
    ["amount negative", { amount: new Decimal(-1) }, "budget.omdisp.amountNotPositive"],
    ["valid from before the plan", { validFrom: "2023-01-01" }, "budget.omdisp.outsidePlan"],
    ["valid from after the plan", { validFrom: "2027-01-01" }, "budget.omdisp.outsidePlan"],
    ["decided without a decision date", { beslutsdatum: undefined }, "budget.omdisp.decidedWithoutDate"],
  ])("%s", (_name, overrides, code) => {
    expect(codes([vns(overrides)])).toContain(code);
  });

  test("a duplicate diarienummer", () => {
    const r = computeBudget(model([vns(), vns({ from: "RS", to: "RUN" })]));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: "budget.omdisp.duplicate", ref: { collection: "omdisponeringar", index: 1 } });
    expect(r.problems[0].message).toContain("rad 1");
  });

  test("a frame that would go below zero", () => {
    const r = computeBudget(model([vns({ amount: mkr(901), from: "RS", to: "HSN" })]));
    expect(r.problems.map((p) => p.code)).toContain("budget.frame.belowZero");
    expect(r.problems.find((p) => p.code === "budget.frame.belowZero")!.message).toContain("RSs ram för 2024");
  });

  test("a proposal that would take a frame below zero is a warning", () => {
    const r = computeBudget(model([vns({ amount: mkr(901), from: "RS", to: "HSN", status: "forslag" })]));
    expect(r.problems.every((p) => p.severity === "varning")).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain("budget.frame.belowZeroIfProposed");
  });

  test("a duplicate frame and a negative frame", () => {
    const m = model([]);
    m.frames.push({ organ: "hsn", year: 2024, ram: mkr(-1) });
    expect(computeBudget(m).problems.map((p) => p.code).sort()).toEqual(["budget.frame.duplicate", "budget.frame.negative"]);
  });

  test("an organ without a frame in a year the move reaches", () => {
    const m = model([vns()]);
    m.frames = m.frames.filter((f) => !(f.organ === "RS" && f.year === 2026));
    expect(computeBudget(m).problems.map((p) => p.code)).toEqual(["budget.omdisp.noFrameForYear"]);
  });
});
