import { formatKr } from "../../../src/domain/money";
import { draftGrantReportText, followUp, grantReportTextToString, parseStatedAmount } from "../../../src/domain/grant";
import { granted, kr, model, nb } from "./fixtures";
import { loadSeed } from "./seedModel";

test("psykisk hälsa 2019: the återredovisning written from the figures", () => {
  const m = loadSeed("psykisk-halsa-2019.json");
  const text = grantReportTextToString(draftGrantReportText(m, followUp(m, { reportDate: "2020-09-30" })));
  expect(text).toBe(
    [
      "Återredovisning – Psykisk hälsa 2019",
      nb("För 2019 tilldelades länet 6 209 812 kr (i underlaget avrundat till ") + "6,2 miljoner kronor) utifrån den nationella överenskommelsen om psykisk hälsa.",
      nb(
        "Medlen fördelades på sju syften: stärka barns och ungas psykiska hälsa (3 100 000 kr), stärka det suicidpreventiva arbetet (600 000 kr), " +
          "förbättra bemötandet av personer med psykisk ohälsa (300 000 kr), stärkt brukarmedverkan (200 000 kr), förbättra omhändertagandet av särskilt utsatta grupper (500 000 kr), " +
          "stärka äldres psykiska hälsa (300 000 kr) och regional samordning (1 209 812 kr). Hälso- och sjukvårdsnämnden godkände SVOM:s förslag till användning 2020-04-02, § 26.",
      ),
      nb(
        "Av beviljade medel, 6 209 812 kr, har 4 155 000 kr (66,9 %) använts till och med september 2020. " +
          "Prognosen är att 5 563 146 kr används till och med 2020-12-31, vilket lämnar 646 666 kr av statsbidraget oanvänt.",
      ),
      nb(
        "Använt per syfte: stärka barns och ungas psykiska hälsa 2 000 000 kr av 3 100 000 kr (64,5 %); stärka det suicidpreventiva arbetet 445 000 kr av 600 000 kr (74,2 %); " +
          "förbättra bemötandet av personer med psykisk ohälsa 150 000 kr av 300 000 kr (50,0 %); stärkt brukarmedverkan 135 000 kr av 200 000 kr (67,5 %); " +
          "förbättra omhändertagandet av särskilt utsatta grupper 370 000 kr av 500 000 kr (74,0 %); stärka äldres psykiska hälsa 155 000 kr av 300 000 kr (51,7 %); " +
          "regional samordning 900 000 kr av 1 209 812 kr (74,4 %).",
      ),
      nb(
        "Medel som inte används får behållas under förutsättning att det finns en plan för användningen. Enligt prognosen behålls 646 666 kr med plan. " +
          "Statsbidraget är riktat och redovisas som intäkt i takt med att det används; vid årsskiftet 2020 beräknas 5 563 146 kr redovisas som intäkt och 646 666 kr som skuld för ej använda medel.",
      ),
      "Medlen återredovisades till SVOM 2020-10-09.",
    ].join("\n\n"),
  );
});

test("professionsmiljarden 2016: proposals, use per purpose, repayment and deadlines", () => {
  const m = loadSeed("professionsmiljarden-2016.json");
  const t = draftGrantReportText(m, followUp(m, { reportDate: "2016-10-31" }));
  expect(t.rubrik).toBe("Återredovisning – Professionsmiljarden 2016");
  const p = Object.fromEntries(t.paragraphs.map((x) => [x.key, x.text]));
  expect(Object.keys(p)).toEqual(["tilldelning", "fordelning", "aktiviteter", "anvandning", "syften", "overblivet", "tidpunkter"]);
  expect(p.tilldelning).toBe(
    nb("För 2016 tilldelades Region Jämtland Härjedalen 25 000 000 kr utifrån överenskommelsen mellan staten och SKL om stöd till bättre resursutnyttjande i hälso- och sjukvården."),
  );
  expect(p.fordelning).toBe(
    "Medlen får användas till tre syften: IT-stöd och processer för förenklad administration och bättre tillgång till information för vårdens medarbetare, " +
      "smartare användning av medarbetarnas kompetens och stöd till planering av långsiktig kompetensförsörjning. " +
      "Regionstyrelsen godkände förslaget till fördelning av tilldelade medel 2016-05-24—25, § 131.",
  );
  expect(p.aktiviteter).toBe(nb("14 förslag har lämnats in; tio har beviljats med sammanlagt 25 000 000 kr, tre står på väntelista och ett har avslagits."));
  expect(p.anvandning).toBe(
    nb("Av beviljade medel, 25 000 000 kr, har 18 720 000 kr (74,9 %) använts till och med oktober 2016. Prognosen är att 23 852 000 kr används till och med 2016-12-31, vilket lämnar 1 148 000 kr av statsbidraget oanvänt."),
  );
  expect(p.overblivet).toMatch(/^Medel som inte används senast 2016-12-31 ska återbetalas\. Enligt prognosen återbetalas 1\u00A0148\u00A0000\u00A0kr\. Statsbidraget är riktat/);
  expect(p.tidpunkter).toBe(
    "En uppföljningsrapport lämnades till regionstyrelsen 2016-11-28. Medlen ska rekvireras från Kammarkollegiet senast 2016-12-01. " +
      "Ej använda medel återbetalas till Kammarkollegiet, och återbetalningen redovisas senast 2017-03-31.",
  );
});

test("the text repeats the follow-up's figures, and the same input gives the same text", () => {
  const m = loadSeed("professionsmiljarden-2016.json");
  const f = followUp(m, { reportDate: "2016-09-30" });
  const a = grantReportTextToString(draftGrantReportText(m, f));
  expect(a).toBe(grantReportTextToString(draftGrantReportText(m, followUp(m, { reportDate: "2016-09-30" }))));
  for (const v of [f.totals.granted, f.totals.ack, f.totals.forecastAtSpendBy, f.totals.leftoverOfGrant]) expect(a).toContain(formatKr(v));
  expect(a).toContain("till och med september 2016");
});

test("a stated total beyond its rounding, and purposes that do not add up, get an avstämning", () => {
  const s = parseStatedAmount("1,2 mkr");
  const m = model([granted(400_000, "P1")], [], {
    statedAmount: s.ok ? s.value : undefined,
    purposes: [
      { id: "a", name: "Syfte A", fixedAmount: kr(600_000) },
      { id: "b", name: "Syfte B", fixedAmount: kr(300_000) },
    ],
  });
  const t = draftGrantReportText(m, followUp(m, { reportDate: "2016-03-31" }));
  const check = t.paragraphs.find((p) => p.key === "avstamning")!.text;
  expect(check).toBe(
    "Avstämning: underlaget anger 1,2 mkr, men " +
      nb("beloppet är 1 000 000 kr; skillnaden är 200 000 kr. Avstämning: syftenas belopp summerar till 900 000 kr, 100 000 kr mindre än statsbidragets 1 000 000 kr."),
  );
  expect(t.paragraphs[0].text).not.toContain("avrundat");
});

test("before any outcome, and with a generellt grant kept with a plan", () => {
  const m = model([granted(1_000_000, "P1")], [], { leftoverRule: "behall_med_plan", kind: "generellt", deadlines: [{ kind: "aterredovisning", to: "SVOM", due: "2016-10-01", precision: "manad" }] });
  const t = draftGrantReportText(m, followUp(m, { reportDate: "2015-12-01" }));
  const p = Object.fromEntries(t.paragraphs.map((x) => [x.key, x.text]));
  expect(p.anvandning).toBe(nb("Inget utfall är ännu bokfört för 2016. Prognosen är att 1 000 000 kr används till och med 2016-12-31, vilket är hela statsbidraget."));
  expect(p.overblivet).toBe(
    "Medel som inte används får behållas under förutsättning att det finns en plan för användningen. Enligt prognosen används hela statsbidraget. Statsbidraget är generellt och redovisas som intäkt när det tas emot.",
  );
  expect(p.tidpunkter).toBe("Medlen ska återredovisas till SVOM i oktober 2016.");
});
