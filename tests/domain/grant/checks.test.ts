import { DomainProblem, EntityRef, Severity } from "../../../src/domain/problem";
import {
  GrantModel,
  LeftoverRule,
  GrantKind,
  ActivityStatus,
  allocateByKey,
  allocateByRank,
  allocateFixed,
  checkGrantModel,
  followUp,
  parseStatedAmount,
} from "../../../src/domain/grant";
import { activity, kr, model, nb, out } from "./fixtures";

/**
 * A valid model: 1 000 000 kr, two purposes, two granted activities and one
 * on the waiting list, outcome in January and February 2016.
 */
function base(): GrantModel {
  return model(
    [
      activity({ id: "A1", name: "Första", asked: kr(400_000), granted: kr(400_000), status: "beviljad", projectNumber: "P1", rank: 1, keys: { Invånare: kr(100) } }),
      activity({ id: "A2", name: "Andra", purposeId: "b", asked: kr(300_000), granted: kr(300_000), status: "beviljad", projectNumber: "P2", rank: 2, keys: { Invånare: kr(50) } }),
      activity({ id: "A3", name: "Tredje", asked: kr(200_000), status: "vantelista", projectNumber: "P3", rank: 3, keys: { Invånare: kr(25) } }),
    ],
    [out("P1", 1, 50_000), out("P2", 2, 30_000)],
  );
}

type Check = (m: GrantModel) => DomainProblem[];
const check: Check = checkGrantModel;
const rank: Check = (m) => allocateByRank(m).problems;
const byKey: Check = (m) => allocateByKey(m, { key: "Invånare" }).problems;
const fixed: Check = (m) => allocateFixed(m, "syfte").problems;
const follow: Check = (m) => followUp(m, { reportDate: "2016-03-31" }).problems;

interface Case {
  name: string;
  change: (m: GrantModel) => void;
  run: Check;
  code: string;
  severity: Severity;
  ref: EntityRef;
  message: RegExp | string;
}

const act = (index: number, field?: string): EntityRef => ({ collection: "activities", index, field });
const grantField = (field: string): EntityRef => ({ collection: "grant", index: 0, field });

const cases: Case[] = [
  {
    name: "negative amount asked",
    change: (m) => (m.activities[2].asked = kr(-200_000)),
    run: check,
    code: "grant.activity.askedNegative",
    severity: "fel",
    ref: act(2, "asked"),
    message: nb("Aktiviteten Tredje har ansökt belopp −200 000 kr; ansökt belopp är noll eller mer."),
  },
  {
    name: "purpose unknown",
    change: (m) => (m.activities[0].purposeId = "x"),
    run: check,
    code: "grant.activity.purposeUnknown",
    severity: "fel",
    ref: act(0, "purposeId"),
    message: 'Aktiviteten Första anger syftet "x", som inte finns; ange ett av a, b.',
  },
  {
    name: "duplicate activity id",
    change: (m) => (m.activities[1].id = " a1 "),
    run: check,
    code: "grant.activity.duplicateId",
    severity: "fel",
    ref: act(1, "id"),
    message: "Id  a1  finns redan på rad 1; varje aktivitet har ett eget id.",
  },
  {
    name: "duplicate project number",
    change: (m) => (m.activities[2].projectNumber = "p1"),
    run: check,
    code: "grant.activity.projectDuplicate",
    severity: "fel",
    ref: act(2, "projectNumber"),
    message: /^Projektnumret p1 används redan av aktiviteten på rad 1; utfallet kan då inte skiljas åt/,
  },
  {
    name: "rank missing under the rank rule",
    change: (m) => (m.activities[1].rank = undefined),
    run: rank,
    code: "grant.rank.missing",
    severity: "fel",
    ref: act(1, "rank"),
    message: /^Aktiviteten Andra saknar giltig rang; rangordningsregeln kräver en rang 1, 2, 3/,
  },
  {
    name: "rank duplicate under the rank rule",
    change: (m) => (m.activities[2].rank = 1),
    run: rank,
    code: "grant.rank.duplicate",
    severity: "fel",
    ref: act(2, "rank"),
    message: "Rang 1 har redan Första; två förslag kan inte ha samma rang.",
  },
  {
    name: "key zero for all",
    change: (m) => m.activities.forEach((a) => (a.keys = { Invånare: kr(0) })),
    run: byKey,
    code: "grant.key.allZero",
    severity: "fel",
    ref: act(0, "keys.Invånare"),
    message: "Nyckeln Invånare är 0 för alla aktiviteter; då finns inget att fördela efter.",
  },
  {
    name: "key missing for one activity",
    change: (m) => (m.activities[1].keys = {}),
    run: byKey,
    code: "grant.key.missing",
    severity: "fel",
    ref: act(1, "keys.Invånare"),
    message: "Aktiviteten Andra saknar värde för nyckeln Invånare; ange ett tal (0 om den inte ska ha något).",
  },
  {
    name: "key that no activity has",
    change: (m) => m.activities.forEach((a) => (a.keys = { ÅA: kr(1) })),
    run: byKey,
    code: "grant.key.unknown",
    severity: "fel",
    ref: act(0, "keys.Invånare"),
    message: /^Ingen aktivitet har nyckeln "Invånare"/,
  },
  {
    name: "negative key under the key rule",
    change: (m) => (m.activities[2].keys = { Invånare: kr(-5) }),
    run: byKey,
    code: "grant.key.negative",
    severity: "fel",
    ref: act(2, "keys.Invånare"),
    message: "Aktiviteten Tredje har Invånare = -5; en nyckel är noll eller mer.",
  },
  {
    name: "total not a whole number of the unit",
    change: (m) => (m.grant.amount = kr(1_000_500)),
    run: (m) => allocateByKey(m, { key: "Invånare", unit: "tkr" }).problems,
    code: "grant.key.totalNotWholeUnits",
    severity: "fel",
    ref: grantField("amount"),
    message: nb("1 000 500 kr är inte ett helt antal tkr, så delarna kan inte bli hela tkr och ändå summera exakt; välj en mindre enhet eller fördela 1 000 000 kr och hantera 500 kr för sig."),
  },
  {
    name: "granted more than asked",
    change: (m) => (m.activities[0].granted = kr(450_000)),
    run: check,
    code: "grant.activity.grantedOverAsked",
    severity: "varning",
    ref: act(0, "granted"),
    message: nb("Aktiviteten Första har beviljats 450 000 kr, vilket är 50 000 kr mer än ansökta 400 000 kr."),
  },
  {
    name: "fixed amounts sum over the grant",
    change: (m) => m.grant.purposes.forEach((p, i) => (p.fixedAmount = kr(i === 0 ? 700_000 : 312_345))),
    run: fixed,
    code: "grant.fixed.overGrant",
    severity: "fel",
    ref: grantField("amount"),
    message: nb("Syftenas fasta belopp summerar till 1 012 345 kr, 12 345 kr mer än statsbidragets 1 000 000 kr; minska beloppen med 12 345 kr."),
  },
  {
    name: "fixed amounts sum under the grant",
    change: (m) => m.grant.purposes.forEach((p) => (p.fixedAmount = kr(400_000))),
    run: fixed,
    code: "grant.fixed.underGrant",
    severity: "varning",
    ref: grantField("amount"),
    message: nb("Syftenas fasta belopp summerar till 800 000 kr, 200 000 kr mindre än statsbidragets 1 000 000 kr; 200 000 kr är inte fördelat."),
  },
  {
    name: "a purpose without a fixed amount under the fixed rule",
    change: (m) => (m.grant.purposes[0].fixedAmount = kr(1_000_000)),
    run: fixed,
    code: "grant.fixed.missing",
    severity: "fel",
    ref: { collection: "purposes", index: 1, field: "fixedAmount" },
    message: "Syftet Syfte B saknar fast belopp; ange beloppet eller välj en annan fördelningsregel.",
  },
  {
    name: "outcome in month 13",
    change: (m) => (m.outcomes[1].month = 13),
    run: follow,
    code: "grant.outcome.monthInvalid",
    severity: "fel",
    ref: { collection: "outcomes", index: 1, field: "month" },
    message: "Utfallet på rad 2 är bokat på månad 13; en månad är 1–12.",
  },
  {
    name: "outcome after the report month",
    change: (m) => (m.outcomes[1].month = 4),
    run: follow,
    code: "grant.outcome.afterReportMonth",
    severity: "varning",
    ref: { collection: "outcomes", index: 1, field: "month" },
    message: nb("Utfallet på rad 2 (30 000 kr) är bokat på april, efter uppföljningens sista månad mars; det räknas inte med."),
  },
  {
    name: "outcome on a project number no activity has",
    change: (m) => (m.outcomes[0].projectNumber = "P9"),
    run: follow,
    code: "grant.outcome.unknownProject",
    severity: "varning",
    ref: { collection: "outcomes", index: 0, field: "projectNumber" },
    message: nb("Utfallet på rad 1 (50 000 kr) är bokat på projektnummer P9, som ingen aktivitet har; ange rätt projektnummer eller lägg till aktiviteten."),
  },
  {
    name: "outcome above granted",
    change: (m) => {
      m.outcomes.push(out("P2", 3, 280_000));
      m.activities[1].forecast = kr(310_000);
    },
    run: follow,
    code: "grant.outcome.overGranted",
    severity: "varning",
    ref: act(1, "granted"),
    message: nb("Aktiviteten Andra har utfall 310 000 kr, 10 000 kr mer än beviljade 300 000 kr."),
  },
  {
    name: "outcome on an activity that is not granted",
    change: (m) => m.outcomes.push(out("P3", 2, 1_000)),
    run: follow,
    code: "grant.outcome.notGranted",
    severity: "varning",
    ref: act(2, "status"),
    message: nb("Aktiviteten Tredje har utfall 1 000 kr men status väntelista; inget är beviljat för den."),
  },
  {
    name: "more granted than the grant",
    change: (m) => {
      m.activities[0].asked = kr(800_000);
      m.activities[0].granted = kr(800_000);
    },
    run: follow,
    code: "grant.granted.overGrant",
    severity: "fel",
    ref: grantField("amount"),
    message: nb("Aktiviteterna har beviljats 1 100 000 kr, 100 000 kr mer än statsbidragets 1 000 000 kr."),
  },
  {
    name: "spend-by date near with money left",
    change: (m) => (m.grant.spendBy = "2016-04-30"),
    run: follow,
    code: "grant.spendBy.near",
    severity: "varning",
    ref: grantField("spendBy"),
    message: /^Sista dag att använda medlen, 2016-04-30, är om 30 dagar, och 920\u00A0000\u00A0kr av 1\u00A0000\u00A0000\u00A0kr är ännu inte använt/,
  },
  {
    name: "spend-by date past with money left",
    change: (m) => (m.grant.spendBy = "2016-03-01"),
    run: follow,
    code: "grant.spendBy.passed",
    severity: "varning",
    ref: grantField("spendBy"),
    message: nb("Sista dag att använda medlen, 2016-03-01, passerades för 30 dagar sedan, och 920 000 kr av 1 000 000 kr är inte använt."),
  },
  {
    name: "spend-by date before the grant year",
    change: (m) => (m.grant.spendBy = "2015-12-31"),
    run: check,
    code: "grant.spendBy.beforeYear",
    severity: "fel",
    ref: grantField("spendBy"),
    message: "Sista dag att använda medlen, 2015-12-31, ligger före bidragsåret 2016; den kan tidigast vara 2016-01-01.",
  },
  {
    name: "spend-by date that is no date",
    change: (m) => (m.grant.spendBy = "2016-02-30"),
    run: check,
    code: "grant.spendBy.invalid",
    severity: "fel",
    ref: grantField("spendBy"),
    message: 'Sista dag att använda medlen, "2016-02-30", är inget datum; skriv det som ÅÅÅÅ-MM-DD.',
  },
  {
    name: "unknown leftover rule",
    change: (m) => (m.grant.leftoverRule = "spara" as LeftoverRule),
    run: check,
    code: "grant.leftoverRule.unknown",
    severity: "fel",
    ref: grantField("leftoverRule"),
    message: 'Regeln för överblivna medel "spara" är okänd; ange återbetala, behåll med plan eller överför.',
  },
  {
    name: "unknown grant kind",
    change: (m) => (m.grant.kind = "öronmärkt" as GrantKind),
    run: check,
    code: "grant.kind.unknown",
    severity: "fel",
    ref: grantField("kind"),
    message: 'Typen "öronmärkt" är okänd; ange generellt eller riktat statsbidrag.',
  },
  {
    name: "grant amount zero",
    change: (m) => {
      m.grant.amount = kr(0);
    },
    run: check,
    code: "grant.amount.notPositive",
    severity: "fel",
    ref: grantField("amount"),
    message: "Statsbidragets belopp är 0\u00A0kr; det ska vara större än noll.",
  },
  {
    name: "amount outside the rounding of the stated total",
    change: (m) => {
      const s = parseStatedAmount("1,1 mkr");
      if (s.ok) m.grant.statedAmount = s.value;
    },
    run: check,
    code: "grant.amount.statedMismatch",
    severity: "varning",
    ref: grantField("statedAmount"),
    // The stated text stays as typed, with its plain space.
    message: "Underlaget anger 1,1 mkr, men " + nb("beloppet är 1 000 000 kr; skillnaden 100 000 kr är större än avrundningen tillåter (50 000 kr)."),
  },
  {
    name: "unknown status",
    change: (m) => (m.activities[2].status = "pausad" as ActivityStatus),
    run: check,
    code: "grant.activity.statusUnknown",
    severity: "fel",
    ref: act(2, "status"),
    message: 'Aktiviteten Tredje har status "pausad"; ange förslag, beviljad, avslagen eller väntelista.',
  },
  {
    name: "an amount granted to a rejected activity",
    change: (m) => {
      m.activities[2].status = "avslagen";
      m.activities[2].granted = kr(100_000);
    },
    run: check,
    code: "grant.activity.grantedNotBeviljad",
    severity: "fel",
    ref: act(2, "status"),
    message: nb("Aktiviteten Tredje har beviljat belopp 100 000 kr men status avslagen; sätt status beviljad eller ta bort beloppet."),
  },
  {
    name: "beviljad without an amount",
    change: (m) => (m.activities[1].granted = undefined),
    run: check,
    code: "grant.activity.beviljadWithoutAmount",
    severity: "fel",
    ref: act(1, "granted"),
    message: "Aktiviteten Andra är beviljad men saknar beviljat belopp; ange beloppet.",
  },
  {
    name: "negative granted amount",
    change: (m) => {
      m.activities[1].granted = kr(-1);
    },
    run: check,
    code: "grant.activity.grantedNegative",
    severity: "fel",
    ref: act(1, "granted"),
    message: "Aktiviteten Andra har beviljat belopp −1\u00A0kr; beviljat belopp är noll eller mer.",
  },
  {
    name: "rank that is not a whole number from 1",
    change: (m) => (m.activities[0].rank = 0),
    run: check,
    code: "grant.activity.rankInvalid",
    severity: "fel",
    ref: act(0, "rank"),
    message: "Aktiviteten Första har rangen 0; rangen är ett heltal från 1 och uppåt.",
  },
  {
    name: "granted activity without a project number",
    change: (m) => (m.activities[1].projectNumber = " "),
    run: check,
    code: "grant.activity.projectMissing",
    severity: "varning",
    ref: act(1, "projectNumber"),
    message: "Den beviljade aktiviteten Andra saknar projektnummer; dess utfall kan inte följas upp.",
  },
  {
    name: "duplicate purpose id",
    change: (m) => (m.grant.purposes[1].id = "A"),
    run: (m) => checkGrantModel(m).filter((p) => p.code !== "grant.activity.purposeUnknown"),
    code: "grant.purpose.duplicate",
    severity: "fel",
    ref: { collection: "purposes", index: 1, field: "id" },
    message: "Syftet A finns redan på rad 1; varje syfte har ett eget id.",
  },
  {
    name: "negative fixed amount of a purpose",
    change: (m) => (m.grant.purposes[1].fixedAmount = kr(-5_000)),
    run: check,
    code: "grant.purpose.fixedNegative",
    severity: "fel",
    ref: { collection: "purposes", index: 1, field: "fixedAmount" },
    message: nb("Syftet Syfte B har beloppet −5 000 kr; ett fast belopp är noll eller mer."),
  },
  {
    name: "activities of a purpose granted more than its fixed amount",
    change: (m) => (m.grant.purposes[0].fixedAmount = kr(350_000)),
    run: check,
    code: "grant.purpose.grantedOverFixed",
    severity: "fel",
    ref: { collection: "purposes", index: 0, field: "fixedAmount" },
    message: nb("Aktiviteterna inom syftet Syfte A har beviljats 400 000 kr, vilket är 50 000 kr mer än syftets 350 000 kr."),
  },
  {
    name: "outcome without a project number",
    change: (m) => (m.outcomes[0].projectNumber = ""),
    run: check,
    code: "grant.outcome.projectMissing",
    severity: "fel",
    ref: { collection: "outcomes", index: 0, field: "projectNumber" },
    message: nb("Utfallet på rad 1 (50 000 kr) saknar projektnummer; ange projektet det är bokat på."),
  },
  {
    name: "negative forecast",
    change: (m) => (m.activities[0].forecast = kr(-10)),
    run: check,
    code: "grant.activity.forecastNegative",
    severity: "fel",
    ref: act(0, "forecast"),
    message: "Aktiviteten Första har prognosen −10\u00A0kr; en prognos för användningen är noll eller mer.",
  },
  {
    name: "deadline that is no date",
    change: (m) => m.grant.deadlines.push({ kind: "rekvisition", to: "Kammarkollegiet", due: "1 december", precision: "dag" }),
    run: check,
    code: "grant.deadline.dateInvalid",
    severity: "fel",
    ref: { collection: "deadlines", index: 0, field: "due" },
    message: 'Tidpunkten på rad 1, "1 december", är inget datum; skriv det som ÅÅÅÅ-MM-DD.',
  },
  {
    name: "outcome year before the grant year",
    change: (m) => (m.grant.outcomeYear = 2015),
    run: check,
    code: "grant.outcomeYear.invalid",
    severity: "fel",
    ref: grantField("outcomeYear"),
    message: "Utfallsåret 2015 ligger utanför bidragsåret 2016 till året för sista användningsdag (2016).",
  },
  {
    name: "a grant without purposes",
    change: (m) => {
      m.grant.purposes = [];
      m.activities = [];
    },
    run: check,
    code: "grant.purposes.none",
    severity: "fel",
    ref: grantField("purposes"),
    message: "Statsbidraget har inga syften; ange minst ett syfte som medlen får användas till.",
  },
  {
    name: "a cap below zero under the rank rule",
    change: () => undefined,
    run: (m) => allocateByRank(m, { capPerArea: kr(-1) }).problems,
    code: "grant.rank.capNegative",
    severity: "fel",
    ref: grantField("capPerArea"),
    message: "Taket för alla områden är −1\u00A0kr; ett tak är noll eller mer.",
  },
  {
    name: "more to distribute by rank than the grant",
    change: () => undefined,
    run: (m) => allocateByRank(m, { total: kr(1_200_000) }).problems,
    code: "grant.rank.totalOverGrant",
    severity: "fel",
    ref: grantField("amount"),
    message: nb("Beloppet att fördela, 1 200 000 kr, är 200 000 kr mer än statsbidragets 1 000 000 kr."),
  },
  {
    name: "a report date that is no date",
    change: () => undefined,
    run: (m) => followUp(m, { reportDate: "31/3 2016" }).problems,
    code: "grant.followup.reportDateInvalid",
    severity: "fel",
    ref: grantField("reportDate"),
    message: 'Rapportdatumet "31/3 2016" är inget datum; skriv det som ÅÅÅÅ-MM-DD.',
  },
];

test("the base model passes every check and rule", () => {
  const m = base();
  expect(checkGrantModel(m)).toEqual([]);
  expect(allocateByRank(m).problems).toEqual([]);
  expect(allocateByKey(m, { key: "Invånare" }).problems).toEqual([]);
  expect(follow(m)).toEqual([]);
});

test(`${cases.length} distinct bad inputs, each with its own code`, () => {
  expect(cases.length).toBeGreaterThanOrEqual(20);
  expect(new Set(cases.map((c) => c.code)).size).toBe(cases.length);
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  test(`gives ${c.code} with its place and a Swedish message, and nothing else`, () => {
    const m = base();
    c.change(m);
    const problems = c.run(m);
    expect(problems.map((p) => p.code)).toEqual([c.code]);
    const p = problems[0];
    expect(p.severity).toBe(c.severity);
    expect(p.ref).toEqual(c.ref);
    if (typeof c.message === "string") expect(p.message).toBe(c.message);
    else expect(p.message).toMatch(c.message);
  });
});

test("a missing key is never taken as zero: the key rule allocates nothing", () => {
  const m = base();
  m.activities[1].keys = {};
  const r = allocateByKey(m, { key: "Invånare" });
  expect(r.allocated.isZero()).toBe(true);
  expect(r.lines.every((l) => l.amount.isZero())).toBe(true);
});

test("the model check reports a negative key as well, wherever it is used", () => {
  const m = base();
  m.activities[0].keys = { ÅA: kr(-1) };
  expect(checkGrantModel(m)).toEqual([
    { severity: "fel", code: "grant.activity.keyNegative", message: "Aktiviteten Första har ÅA = -1; en fördelningsnyckel är noll eller mer.", ref: act(0, "keys.ÅA") },
  ]);
});
