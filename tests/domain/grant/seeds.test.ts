import { Decimal, formatMkr, roundExcel, sum } from "../../../src/domain/money";
import { INVENTED, allocateByRank, allocateFixed, checkGrantModel, followUp } from "../../../src/domain/grant";
import { nb } from "./fixtures";
import { loadSeed, modelFromSeed, readSeed, sourceOf, valueOf } from "./seedModel";

const PSYK = "psykisk-halsa-2019.json";
const PROF = "professionsmiljarden-2016.json";
const HSN_SOURCE = "HSN 2020, dagordning hösten 2020, psykisk hälsa 2019";
const RS_SOURCE = "RS/176/2016, 2016-11-28";

describe("seeds/grants/psykisk-halsa-2019.json", () => {
  const m = loadSeed(PSYK);

  test("psykisk hälsa 2019 splits 6 209 812 kr over seven purposes", () => {
    const r = allocateFixed(m, "syfte");
    expect(r.lines.map((l) => l.amount.toString())).toEqual(["3100000", "600000", "300000", "200000", "500000", "300000", "1209812"]);
    expect(r.lines.map((l) => l.id)).toEqual(["barn-unga", "suicidprevention", "bemotande", "brukarmedverkan", "utsatta-grupper", "aldre", "samordning"]);
    expect(r.allocated.toString()).toBe("6209812");
    expect(r.unallocated.isZero()).toBe(true);
    expect(r.problems).toEqual([]);

    // The document says "6,2 miljoner kronor": the sum rounds to that at one decimal, 9 812 kr above 6 200 000 kr.
    expect(formatMkr(r.allocated, { decimals: 1 })).toBe("6,2\u00A0mkr");
    expect(roundExcel(r.allocated.div(1_000_000), 1).toString()).toBe("6.2");
    expect(r.allocated.minus(m.grant.statedAmount!.value).toString()).toBe("9812");
    const note = r.notes.find((n) => n.code === "grant.stated.rounded")!;
    expect(note.message).toBe(
      nb(
        "Underlaget anger totalt 6,2 miljoner kronor. Summan av syftenas belopp, 6 209 812 kr, avrundas till 6,2 mkr med en decimal; " +
          "skillnaden mot 6 200 000 kr är 9 812 kr, vilket ryms i avrundningen (högst 50 000 kr).",
      ),
    );
    expect(note.ref).toEqual({ collection: "grant", index: 0, field: "statedAmount" });
    expect(r.notes.map((n) => n.code)).toEqual(["grant.fixed.exact", "grant.stated.rounded"]);
  });

  test("each line says which rule and which decision gave the amount", () => {
    const r = allocateFixed(m, "syfte");
    expect(r.lines[6].explanation).toBe(
      nb("Fast belopp för syftet enligt beslut i Hälso- och sjukvårdsnämnden 2020-04-02 § 26: 1 209 812 kr (19,5 % av statsbidraget)."),
    );
    expect(r.lines.every((l) => l.rule === "fast" && l.ref.collection === "purposes")).toBe(true);
  });

  test("holds the document's facts: decision, leftover rule, report-back to SVOM", () => {
    const g = m.grant;
    expect(g.year).toBe(2019);
    expect(g.statedAmount!.value.toString()).toBe("6200000");
    expect(g.statedAmount!.step.toString()).toBe("100000");
    expect(g.decision).toMatchObject({ organ: "Hälso- och sjukvårdsnämnden", date: "2020-04-02", paragraph: "§ 26" });
    expect(g.leftoverRule).toBe("behall_med_plan");
    expect(g.deadlines).toEqual([{ kind: "aterredovisning", to: "SVOM", due: "2020-10-01", precision: "manad", done: "2020-10-09", source: HSN_SOURCE }]);
    expect(g.source.document).toBe(HSN_SOURCE);
    expect(g.fieldSources!.spendBy.startsWith(INVENTED)).toBe(true);
    expect(g.fieldSources!.kind.startsWith(INVENTED)).toBe(true);
  });

  test("the model passes every check, and the follow-up in September 2020 has no warning", () => {
    expect(checkGrantModel(m)).toEqual([]);
    expect(followUp(m, { reportDate: "2020-09-30" }).problems).toEqual([]);
  });
});

describe("seeds/grants/professionsmiljarden-2016.json", () => {
  const m = loadSeed(PROF);

  test("25 000 000 kr for 2016, three purposes, decided by RS 2016-05-24—25 § 131, to be used within 2016", () => {
    const g = m.grant;
    expect(g.amount.toString()).toBe("25000000");
    expect(g.purposes.map((p) => p.name)).toEqual([
      "IT-stöd och processer för förenklad administration och bättre tillgång till information för vårdens medarbetare",
      "Smartare användning av medarbetarnas kompetens",
      "Stöd till planering av långsiktig kompetensförsörjning",
    ]);
    expect(g.decision).toMatchObject({ organ: "Regionstyrelsen", date: "2016-05-24", dateText: "2016-05-24—25", paragraph: "§ 131" });
    expect(g.spendBy).toBe("2016-12-31");
    expect(g.source).toEqual({ document: "RS/176/2016", date: "2016-11-28" });
  });

  test("the six activities the document names are there, with invented amounts", () => {
    const raw = readSeed(PROF).activities as Record<string, unknown>[];
    const named = raw.filter((a) => a.nameSource === RS_SOURCE).map((a) => a.name);
    expect(named).toEqual([
      "Mobilt närvårdsteam",
      "Resursperson till utveckling av sjuksköterskans första år",
      "NOVA – digital arbetsplattform kopplad till COSMIC",
      "Kundtjänst",
      "Projektledare för nya arbetssätt kopplat till nya betalningsansvarslagen",
      "Utrustning till virtuella jourrum",
    ]);
    expect(raw.every((a) => a.source === INVENTED)).toBe(true);
  });

  test("the model passes every check; the granted activities use exactly the grant", () => {
    expect(checkGrantModel(m)).toEqual([]);
    const r = allocateFixed(m, "aktivitet");
    expect(r.problems).toEqual([]);
    expect(r.allocated.toString()).toBe("25000000");
  });

  test("the rank rule reproduces the seed's decisions: ranks 1–10 granted in full, 11–13 on the waiting list", () => {
    const r = allocateByRank(m);
    expect(r.problems).toEqual([]);
    r.lines.forEach((l, i) => {
      expect(l.amount.toString()).toBe((m.activities[i].granted ?? new Decimal(0)).toString());
      expect(l.status).toBe(m.activities[i].status);
    });
    expect(r.waitingList.map((i) => m.activities[i].id)).toEqual(["A11", "A12", "A13"]);
  });

  test("the October follow-up: one activity over its grant, and the spend-by date near at the paper's date", () => {
    const f = followUp(m, { reportDate: "2016-11-28", throughMonth: 10 });
    expect(f.problems.map((p) => p.code)).toEqual(["grant.outcome.overGranted", "grant.spendBy.near"]);
    expect(f.totals.ack.toString()).toBe("18720000");
    expect(f.totals.leftoverOfGrant.toString()).toBe("1148000");
    expect(f.leftover.repayment.toString()).toBe("1148000");
  });
});

describe.each([PSYK, PROF])("seeds/grants/%s: every figure has its source", (file) => {
  const data = readSeed(file);

  test("reads without an error", () => {
    expect(modelFromSeed(data).errors).toEqual([]);
  });

  test("every amount is a string in Swedish notation or a plain integer string", () => {
    const amounts: unknown[] = [];
    const g = data.grant as Record<string, unknown>;
    amounts.push(valueOf(g.amount));
    for (const p of data.purposes as Record<string, unknown>[]) if (p.fixedAmount !== undefined) amounts.push(p.fixedAmount);
    for (const a of data.activities as Record<string, unknown>[]) for (const k of ["asked", "granted", "forecast"]) if (a[k] !== undefined) amounts.push(valueOf(a[k]));
    for (const o of data.outcomes as Record<string, unknown>[]) amounts.push(o.amount);
    expect(amounts.length).toBeGreaterThan(10);
    for (const v of amounts) expect(v).toMatch(/^\d{1,3}(?: \d{3})*(?: kr)?$/);
  });

  test("each grant figure, purpose, deadline, activity and outcome names its source; invented ones say so", () => {
    const g = data.grant as Record<string, unknown>;
    for (const k of ["amount", "spendBy", "leftoverRule", "kind"]) expect(sourceOf(g[k])).toBeTruthy();
    expect(sourceOf(g.decision)).toBeTruthy();
    const rows = [
      ...(data.purposes as Record<string, unknown>[]),
      ...(data.deadlines as Record<string, unknown>[]),
      ...(data.activities as Record<string, unknown>[]),
      ...(data.outcomes as Record<string, unknown>[]),
    ];
    for (const r of rows) expect(typeof r.source).toBe("string");
    for (const o of data.outcomes as Record<string, unknown>[]) expect(o.source).toBe(INVENTED);
    const sources = rows.map((r) => r.source as string);
    expect(sources.every((s) => s === INVENTED || s.startsWith(file === PSYK ? HSN_SOURCE : RS_SOURCE))).toBe(true);
  });

  test("the model's outcome sums per project number are what the rows say", () => {
    const m = loadSeed(file);
    const total = sum(m.outcomes.map((o) => o.amount));
    const f = followUp(m, { reportDate: `${m.grant.outcomeYear ?? m.grant.year}-12-31` });
    expect(f.totals.ack.eq(total)).toBe(true);
  });
});
