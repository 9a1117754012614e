import { Decimal } from "../../../src/domain/money";
import {
  formatCount,
  formatExactAmount,
  formatPoints,
  formatReportMkr,
  formatShare,
  statedAmount,
  statedCount,
  statedPercent,
} from "../../../src/domain/report";

const ok = <T>(p: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!p.ok) throw new Error(p.reason);
  return p.value;
};
const vs = (s: { value: Decimal; step: Decimal }) => [s.value.toString(), s.step.toString()];

describe("stated amounts keep the step they were stated to", () => {
  test.each<[unknown, object, string[]]>([
    ["−119,3 Mkr", {}, ["-119300000", "100000"]],
    ["-119,3 Mkr", {}, ["-119300000", "100000"]],
    ["+3,6 Mkr", {}, ["3600000", "100000"]],
    ["17 Mkr", {}, ["17000000", "1000000"]],
    ["15,23 mkr", {}, ["15230000", "10000"]],
    ["4 500 tkr", {}, ["4500000", "1000"]],
    ["1 209 812 kr", {}, ["1209812", "1"]],
    ["1\u00A0480,0 Mkr", {}, ["1480000000", "100000"]],
    [-119.3, { plainUnit: "mkr" }, ["-119300000", "100000"]],
    [-17, { plainUnit: "mkr" }, ["-17000000", "1000000"]],
    [-17, { plainUnit: "mkr", step: new Decimal(100000) }, ["-17000000", "100000"]],
    [1209812, {}, ["1209812", "1"]],
  ])("%p", (input, opts, expected) => {
    expect(vs(ok(statedAmount(input, opts)))).toEqual(expected);
  });

  test("the text and source travel with the figure", () => {
    expect(ok(statedAmount(" −119,3 Mkr ", { source: "HSN" }))).toMatchObject({ text: "−119,3 Mkr", source: "HSN" });
  });

  test.each([["−119,3 apor"], ["15,23 %"], [""], [null], ["45 00 kr"]])("refused: %p", (input) => {
    const p = statedAmount(input);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toContain("skriv t.ex.");
  });
});

describe("stated shares and counts", () => {
  test("15,23 % is 0,1523, to 0,0001", () => expect(vs(ok(statedPercent("15,23 %")))).toEqual(["0.1523", "0.0001"]));
  test("6,0 % is 0,06, to 0,001", () => expect(vs(ok(statedPercent("6,0 %")))).toEqual(["0.06", "0.001"]));
  test("1,2 procentenheter is 0,012", () => expect(vs(ok(statedPercent("1,2 procentenheter")))).toEqual(["0.012", "0.001"]));
  test("a cell's fraction 0.1523 is 15,23 %", () => expect(vs(ok(statedPercent(0.1523)))).toEqual(["0.1523", "0.0001"]));
  test("an amount is no share", () => expect(statedPercent("2,88 Mkr").ok).toBe(false));
  test("+51 076 timmar with its unit", () => expect(vs(ok(statedCount("+51 076 timmar", { unit: "timmar" })))).toEqual(["51076", "1"]));
  test("ca 42 400", () => expect(vs(ok(statedCount("ca 42 400")))).toEqual(["42400", "1"]));
  test("−66", () => expect(vs(ok(statedCount("−66")))).toEqual(["-66", "1"]));
  test("a count with an amount unit is refused", () => expect(statedCount("1,9 Mkr").ok).toBe(false));
});

describe("written the papers' way", () => {
  test("Mkr with one decimal, U+2212 and a no-break space; signed for a net", () => {
    expect(formatReportMkr(new Decimal(-119_300_000))).toBe("\u2212119,3\u00A0Mkr");
    expect(formatReportMkr(new Decimal(3_600_000), { signed: true })).toBe("+3,6\u00A0Mkr");
    expect(formatReportMkr(new Decimal(1_480_000_000))).toBe("1\u00A0480,0\u00A0Mkr");
    expect(formatReportMkr(new Decimal(4_500_000), { unitLabel: "mkr" })).toBe("4,5\u00A0mkr");
    // Half away from zero, as Excel's ROUND.
    expect(formatReportMkr(new Decimal(-119_350_000))).toBe("\u2212119,4\u00A0Mkr");
  });

  test("exact amounts in messages keep their digits", () => {
    expect(formatExactAmount(new Decimal(300_000))).toBe("0,3\u00A0Mkr");
    expect(formatExactAmount(new Decimal(250_000))).toBe("0,25\u00A0Mkr");
    expect(formatExactAmount(new Decimal(-4_800_000), { signed: true })).toBe("\u22124,8\u00A0Mkr");
    expect(formatExactAmount(new Decimal(3))).toBe("3\u00A0kr");
  });

  test("shares, points and counts", () => {
    expect(formatShare(new Decimal("0.1523"))).toBe("15,23\u00A0%");
    expect(formatShare(new Decimal("0.06"), { decimals: 1 })).toBe("6,0\u00A0%");
    expect(formatPoints(new Decimal("0.012"))).toBe("1,2\u00A0procentenheter");
    expect(formatCount(new Decimal(51076), "timmar")).toBe("51\u00A0076\u00A0timmar");
    expect(formatCount(new Decimal(-105))).toBe("\u2212105");
  });
});
