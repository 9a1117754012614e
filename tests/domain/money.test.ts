import {
  Decimal,
  formatKr,
  formatMkr,
  formatNumber,
  formatPercent,
  formatTkr,
  parseAmount,
  parsePercent,
  parseQuantity,
  roundExcel,
  splitByWeights,
  sum,
} from "../../src/domain/money";
import fc from "fast-check";

const kr = (s: string) => {
  const r = parseAmount(s);
  if (!r.ok) throw new Error(r.reason);
  return r.value.toString();
};

describe("parsing what controllers type", () => {
  test.each([
    ["4,5 mkr", "4500000"],
    ["4 500 tkr", "4500000"],
    ["1 209 812 kr", "1209812"],
    ["1\u00A0209\u00A0812\u00A0kr", "1209812"],
    ["1\u202F209\u202F812", "1209812"],
    ["1\u2009209\u2009812", "1209812"],
    ["\u2212119,3 Mkr", "-119300000"],
    ["-4,5", "-4.5"],
    ["+3,6 Mkr", "3600000"],
    ["25 miljoner kronor", "25000000"],
    ["6,2 miljoner", "6200000"],
    ["6209812", "6209812"],
    ["4.5", "4.5"],
    ["100:-", "100"],
  ])("%s is %s kr", (input, expected) => {
    expect(kr(input)).toBe(expected);
  });

  test("numbers from cells are taken as they are", () => {
    expect(parseAmount(4500000)).toEqual({ ok: true, value: new Decimal(4500000) });
    expect(parseAmount(0.1 + 0.2).ok && (parseAmount(0.1 + 0.2) as { value: Decimal }).value.toString()).toBe(
      "0.30000000000000004",
    );
  });

  test("a plain number in a tkr column is thousands", () => {
    const r = parseAmount("4 500", "tkr");
    expect(r.ok && r.value.toString()).toBe("4500000");
  });

  test.each([
    ["", "tom"],
    ["fyra miljoner", "inget tal"],
    ["4,5 mkrr", "okänd enhet"],
    ["86,7 Mkr Mkr", "står 2 gånger"],
    ["45 00", "grupperade"],
    ["1.500", "tvetydigt"],
    ["15,23 %", "procentsats är inget belopp"],
    ["#VÄRDEFEL!", "felet"],
  ])("%j is refused with a reason (%s)", (input, reason) => {
    const r = parseAmount(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  test("booleans and nulls are no amounts", () => {
    expect(parseAmount(true).ok).toBe(false);
    expect(parseAmount(null).ok).toBe(false);
    expect(parseAmount(Number.NaN).ok).toBe(false);
  });

  test("percentages: 15,23 % for physicians in September 2020", () => {
    const r = parsePercent("15,23 %");
    expect(r.ok && r.value.toString()).toBe("0.1523");
    const cell = parsePercent(0.0288);
    expect(cell.ok && cell.value.toString()).toBe("0.0288");
    expect(parseQuantity("2,88 %")).toEqual({ ok: true, value: { kind: "percent", fraction: new Decimal("0.0288") } });
  });
});

describe("Swedish formatting", () => {
  test("amounts as the board papers write them", () => {
    expect(formatKr(new Decimal(1209812))).toBe("1\u00A0209\u00A0812\u00A0kr");
    expect(formatMkr(new Decimal(4500000))).toBe("4,5\u00A0mkr");
    expect(formatMkr(new Decimal(-119300000))).toBe("\u2212119,3\u00A0mkr");
    expect(formatMkr(new Decimal(3600000), { signed: true })).toBe("+3,6\u00A0mkr");
    expect(formatTkr(new Decimal(4500000))).toBe("4\u00A0500\u00A0tkr");
    expect(formatPercent(new Decimal("0.1523"))).toBe("15,23\u00A0%");
  });

  test("agrees with Intl.NumberFormat('sv-SE') on every value it can hold", () => {
    const intl = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        const value = new Decimal(ore).div(100);
        expect(formatNumber(value, 2)).toBe(intl.format(value.toNumber()));
      }),
    );
  });

  test("formats exactly beyond float precision", () => {
    expect(formatNumber(new Decimal("12345678901234567.89"), 2)).toBe(
      "12\u00A0345\u00A0678\u00A0901\u00A0234\u00A0567,89",
    );
  });

  test("a negative amount that rounds to zero shows no minus", () => {
    expect(formatMkr(new Decimal(-10))).toBe("0,0\u00A0mkr");
  });
});

describe("rounding like Excel's ROUND", () => {
  test.each([
    ["1.005", 2, "1.01"],
    ["2.675", 2, "2.68"],
    ["-2.5", 0, "-3"],
    ["2.5", 0, "3"],
    ["1234.5", -1, "1230"],
    ["1235", -1, "1240"],
    ["-1235", -1, "-1240"],
    ["6209812", -5, "6200000"],
  ])("ROUND(%s; %d) = %s", (v, d, expected) => {
    expect(roundExcel(new Decimal(v), d).toString()).toBe(new Decimal(expected).toString());
  });
});

describe("exact splits (largest remainder)", () => {
  test("25 000 000 kr over three purposes with equal weights sums exactly", () => {
    const parts = splitByWeights(new Decimal(25_000_000), [1, 1, 1].map((w) => new Decimal(w)));
    expect(parts.map(String)).toEqual(["8333334", "8333333", "8333333"]);
    expect(sum(parts).toString()).toBe("25000000");
  });

  test("a split at tkr gives whole thousands", () => {
    const parts = splitByWeights(new Decimal(25_000_000), [3, 7, 11].map((w) => new Decimal(w)), new Decimal(1000));
    expect(parts.every((p) => p.mod(1000).isZero())).toBe(true);
    expect(sum(parts).toString()).toBe("25000000");
  });

  test("property: parts sum to the whole, never negative, each within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 120 }),
        fc.constantFrom(1, 100, 1000),
        (totalUnits, rawWeights, unitNum) => {
          fc.pre(rawWeights.some((w) => w > 0));
          const unit = new Decimal(unitNum);
          const total = new Decimal(totalUnits).times(unit);
          const weights = rawWeights.map((w) => new Decimal(w));
          const parts = splitByWeights(total, weights, unit);
          expect(sum(parts).eq(total)).toBe(true);
          const wsum = sum(weights);
          parts.forEach((p, i) => {
            expect(p.isNeg()).toBe(false);
            expect(p.mod(unit).isZero()).toBe(true);
            const exact = total.times(weights[i]).div(wsum);
            expect(p.minus(exact).abs().lt(unit)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("refuses what cannot be split exactly", () => {
    expect(() => splitByWeights(new Decimal(10), [])).toThrow();
    expect(() => splitByWeights(new Decimal(10), [new Decimal(0)])).toThrow();
    expect(() => splitByWeights(new Decimal(10), [new Decimal(-1), new Decimal(2)])).toThrow();
    expect(() => splitByWeights(new Decimal(6_209_812), [new Decimal(1)], new Decimal(1000))).toThrow();
  });
});
