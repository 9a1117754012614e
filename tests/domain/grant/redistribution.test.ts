import { acceptMoves, checkGrantModel, followUp, proposeLeftoverMoves } from "../../../src/domain/grant";
import { activity, granted, kr, model, nb } from "./fixtures";
import { loadSeed } from "./seedModel";

describe("professionsmiljarden 2016 in October: cheaper and dearer activities, then the waiting list", () => {
  const m = loadSeed("professionsmiljarden-2016.json");
  const f = followUp(m, { reportDate: "2016-10-31" });
  const name = (i: number | undefined) => (i === undefined ? "ej fördelat" : m.activities[i].id);

  test("covers the overrun first, then the waiting list in rank order, partly for the last", () => {
    const p = proposeLeftoverMoves(m, f);
    expect(p.problems).toEqual([]);
    expect(p.available.toString()).toBe("1298000");
    expect(p.proposed.toString()).toBe("1298000");
    expect(p.moves.map((mv) => [name(mv.from), name(mv.to), mv.amount.toString()])).toEqual([
      ["A03", "A06", "150000"],
      ["A03", "A11", "450000"],
      ["A01", "A11", "250000"],
      ["A09", "A11", "150000"],
      ["A04", "A11", "108000"],
      ["A08", "A11", "42000"],
      ["A08", "A12", "58000"],
      ["A02", "A12", "90000"],
    ]);
    expect(p.targets.map((t) => [t.id, t.proposed.toString()])).toEqual([
      ["A06", "150000"],
      ["A11", "1000000"],
      ["A12", "148000"],
      ["A13", "0"],
    ]);
    expect(p.moves[0].explanation).toBe(
      nb("Flytta 150 000 kr från NOVA – digital arbetsplattform kopplad till COSMIC (prognos 3 900 000 kr av beviljade 4 500 000 kr) till Utrustning till virtuella jourrum (prognosen överskrider beviljat med 150 000 kr)."),
    );
    expect(p.targets[2].explanation).toBe(nb("Introduktionsprogram för nya undersköterskor (rang 12 på väntelistan, ansökt 600 000 kr): 148 000 kr av 600 000 kr föreslås; mer finns inte."));
    expect(p.targets[3].explanation).toBe(
      nb("Distansmöten i hemsjukvården (rang 13 på väntelistan, ansökt 900 000 kr): inget föreslås; medlen räckte inte för Introduktionsprogram för nya undersköterskor, och rangordningen följs."),
    );
  });

  test("without partial funding, the first target that does not fit stops the list", () => {
    const p = proposeLeftoverMoves(m, f, { partial: false });
    expect(p.targets.map((t) => t.proposed.toString())).toEqual(["150000", "1000000", "0", "0"]);
    expect(p.remaining.toString()).toBe("148000");
  });

  test("accepting the moves changes only beviljat and status, keeps the total and leaves a valid model", () => {
    const p = proposeLeftoverMoves(m, f);
    const after = { ...m, activities: acceptMoves(m.activities, p.moves) };
    expect(m.activities[10].status).toBe("vantelista"); // the input is not changed
    expect(after.activities[10]).toMatchObject({ status: "beviljad" });
    expect(after.activities[10].granted!.toString()).toBe("1000000");
    expect(after.activities[2].granted!.toString()).toBe("3900000");
    // Covering the overrun grants A06 more than it asked for, which the check says; A12's part of its ask is fine.
    expect(checkGrantModel(after).map((c) => [c.code, c.severity, c.ref])).toEqual([
      ["grant.activity.grantedOverAsked", "varning", { collection: "activities", index: 5, field: "granted" }],
    ]);
    const f2 = followUp(after, { reportDate: "2016-10-31" });
    expect(f2.totals.granted.toString()).toBe("25000000");
    expect(f2.problems.map((p) => p.code)).not.toContain("grant.forecast.overGranted");
  });
});

test("money never granted moves first; within a purpose it stays", () => {
  const m = model(
    [granted(400_000, "P1", { forecast: kr(300_000) }), activity({ purposeId: "b", asked: kr(150_000), status: "vantelista", rank: 2 })],
    [],
    { amount: kr(450_000) },
  );
  const f = followUp(m, { reportDate: "2016-05-31" });
  const p = proposeLeftoverMoves(m, f);
  expect(p.moves.map((mv) => [mv.from, mv.to, mv.amount.toString()])).toEqual([
    [undefined, 1, "50000"],
    [0, 1, "100000"],
  ]);
  expect(p.moves[0].explanation).toBe(nb("Flytta 50 000 kr från ej fördelade medel till Aktivitet " + m.activities[1].name.split(" ")[1] + " (rang 2 på väntelistan, ansökt 150 000 kr)."));
  const within = proposeLeftoverMoves(m, f, { withinPurpose: true });
  expect(within.moves).toEqual([]);
  expect(within.targets[0].explanation).toMatch(/inget föreslås; inga överblivna medel finns\.$/);
});

test("a waiting proposal without a rank comes last, with a warning", () => {
  const m = model([granted(400_000, "P1", { forecast: kr(0) }), activity({ status: "vantelista" }), activity({ status: "vantelista", rank: 5 })], []);
  const f = followUp(m, { reportDate: "2016-05-31" });
  const p = proposeLeftoverMoves(m, f, { coverOverruns: false });
  expect(p.targets.map((t) => t.index)).toEqual([2, 1]);
  expect(p.problems.map((x) => [x.code, x.ref])).toEqual([["grant.move.rankMissing", { collection: "activities", index: 1, field: "rank" }]]);
});
