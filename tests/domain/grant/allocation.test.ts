import { Decimal, sum } from "../../../src/domain/money";
import { allocateByKey, allocateByRank, allocateFixed } from "../../../src/domain/grant";
import { activity, kr, model, nb } from "./fixtures";

/** Four proposals in two areas, asked 400, 300, 250 and 200 tkr, ranks 1–4. */
function four() {
  return model(
    [
      activity({ name: "Ett", area: "Norr", asked: kr(400_000), rank: 1 }),
      activity({ name: "Två", area: "Norr", asked: kr(300_000), rank: 2 }),
      activity({ name: "Tre", area: "Söder", asked: kr(250_000), rank: 3 }),
      activity({ name: "Fyra", area: "Söder", asked: kr(200_000), rank: 4 }),
    ],
    [],
    { amount: kr(800_000) },
  );
}
const amounts = (r: { lines: { amount: Decimal }[] }) => r.lines.map((l) => l.amount.toString());

describe("rank order", () => {
  test("grants in rank order until the money runs out; the rest waits in rank order", () => {
    const r = allocateByRank(four());
    expect(amounts(r)).toEqual(["400000", "300000", "0", "0"]);
    expect(r.lines.map((l) => l.status)).toEqual(["beviljad", "beviljad", "vantelista", "vantelista"]);
    expect(r.waitingList).toEqual([2, 3]);
    expect(r.unallocated.toString()).toBe("100000");
    expect(r.lines.map((l) => l.explanation)).toEqual([
      nb("Rang 1: beviljas hela ansökta beloppet 400 000 kr; kvar att fördela 400 000 kr."),
      nb("Rang 2: beviljas hela ansökta beloppet 300 000 kr; kvar att fördela 100 000 kr."),
      nb("Rang 3: väntelista (plats 1); ansökta 250 000 kr ryms inte i återstående 100 000 kr."),
      "Rang 4: väntelista (plats 2); medlen räckte inte för rang 3, och ett förslag längre ned i rangordningen går inte före.",
    ]);
    expect(r.notes[0].message).toBe(nb("Rangordningen fördelade 700 000 kr av 800 000 kr; 100 000 kr är inte fördelat; 2 förslag står på väntelista."));
  });

  test("with partial grants, the last one gets what is left, rounded down to the unit", () => {
    const m = four();
    m.grant.amount = kr(812_345);
    const r = allocateByRank(m, { partial: true, partialUnit: "tkr" });
    expect(amounts(r)).toEqual(["400000", "300000", "112000", "0"]);
    expect(r.lines[2].explanation).toBe(nb("Rang 3: beviljas 112 000 kr av ansökta 250 000 kr, det som återstod av medlen avrundat nedåt till hela tkr; kvar att fördela 345 kr."));
    expect(r.waitingList).toEqual([3]);
  });

  test("a cap per area spreads the money: a capped area waits, the others go on", () => {
    const r = allocateByRank(four(), { capPerArea: kr(500_000) });
    expect(amounts(r)).toEqual(["400000", "0", "250000", "0"]);
    expect(r.lines[1].explanation).toBe(nb("Rang 2: väntelista (plats 1); taket för Norr, 500 000 kr, skulle överskridas: redan beviljat 400 000 kr, ansökt 300 000 kr."));
    expect(r.lines[3].explanation).toBe(nb("Rang 4: väntelista (plats 2); ansökta 200 000 kr ryms inte i återstående 150 000 kr."));
  });

  test("a cap for a named area overrides the common one; partial fills up to the cap", () => {
    const r = allocateByRank(four(), { capPerArea: kr(1_000_000), capByArea: { norr: kr(550_000) }, partial: true });
    expect(amounts(r)).toEqual(["400000", "150000", "250000", "0"]);
    expect(r.lines[1].explanation).toBe(nb("Rang 2: beviljas 150 000 kr av ansökta 300 000 kr; då är taket för Norr, 550 000 kr, nått; kvar att fördela 250 000 kr."));
  });

  test("rejected proposals take no part; their line says so", () => {
    const m = four();
    m.activities[0].status = "avslagen";
    const r = allocateByRank(m);
    expect(amounts(r)).toEqual(["0", "300000", "250000", "200000"]);
    expect(r.lines[0]).toMatchObject({ status: "avslagen", explanation: "Avslagen; ingår inte i rangordningen." });
  });
});

describe("fixed amounts", () => {
  test("per activity: the granted amounts, checked against the grant with the difference", () => {
    const m = four();
    m.activities[0].status = "beviljad";
    m.activities[0].granted = kr(400_000);
    m.activities[2].status = "beviljad";
    m.activities[2].granted = kr(250_000);
    const r = allocateFixed(m, "aktivitet");
    expect(amounts(r)).toEqual(["400000", "0", "250000", "0"]);
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ["grant.fixed.underGrant", nb("De beviljade aktiviteternas belopp summerar till 650 000 kr, 150 000 kr mindre än statsbidragets 800 000 kr; 150 000 kr är inte fördelat.")],
    ]);
    expect(r.lines[1].explanation).toBe("Inte beviljad (status förslag); 0\u00A0kr.");
  });
});

describe("proportional to a key", () => {
  /** 100 activities with awkward keys: primes, thirds written to four decimals, zeros. */
  function hundred() {
    const acts = Array.from({ length: 100 }, (_, i) =>
      activity({ keys: { Invånare: kr(i % 7 === 0 ? 0 : ((i * 7919) % 1009) + 1), ÅA: kr(((i % 9) + 1) / 3).toDecimalPlaces(4) } }),
    );
    return model(acts, [], { amount: kr(25_000_000) });
  }

  test.each(["kr", "tkr"] as const)("25 000 000 kr over 100 activities sums to exactly 25 000 000 kr in whole %s", (unit) => {
    for (const key of ["Invånare", "ÅA"]) {
      const r = allocateByKey(hundred(), { key, unit });
      expect(r.problems).toEqual([]);
      expect(sum(r.lines.map((l) => l.amount)).toString()).toBe("25000000");
      expect(r.unallocated.isZero()).toBe(true);
      const step = unit === "kr" ? 1 : 1000;
      expect(r.lines.every((l) => l.amount.mod(step).isZero() && !l.amount.isNeg())).toBe(true);
    }
  });

  test("each line shows the key, its share, the exact amount and how it was rounded", () => {
    const m = model(
      [activity({ name: "Östersund", keys: { Invånare: kr(63_000) } }), activity({ name: "Krokom", keys: { Invånare: kr(15_000) } }), activity({ name: "Berg", keys: { Invånare: kr(7_000) } })],
      [],
      { amount: kr(1_000_000) },
    );
    const r = allocateByKey(m, { key: "invånare", unit: "tkr" });
    expect(amounts(r)).toEqual(["741000", "177000", "82000"]);
    expect(r.lines.map((l) => l.explanation)).toEqual([
      nb("invånare 63 000 av 85 000 (74,1 %) ger exakt 741 176,47 kr; avrundat nedåt till hela tkr: 741 000 kr."),
      nb("invånare 15 000 av 85 000 (17,6 %) ger exakt 176 470,59 kr; avrundat uppåt till hela tkr: 177 000 kr."),
      nb("invånare 7 000 av 85 000 (8,2 %) ger exakt 82 352,94 kr; avrundat nedåt till hela tkr: 82 000 kr."),
    ]);
    expect(r.notes[0].message).toBe(nb("1 000 000 kr fördelas efter invånare i hela tkr och summerar exakt till 1 000 000 kr; den del som avrundats uppåt hade störst rest (största restmetoden)."));
  });
});
