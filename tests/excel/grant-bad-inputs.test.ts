/**
 * The catalogue of bad inputs for stimulansmedel: each is what a person
 * could type on the sheets Stimulansmedel, Aktiviteter and Utfall, and each
 * must give a located Swedish message and leave the workbook exactly as it
 * was. Outcome on a project number no activity has is a warning: reported
 * and located, not refused.
 */
import { ExcelSimulator } from "../excel-sim";
import { createModel, recomputeModel } from "../../src/excel/commands";
import { isoToSerial } from "../../src/domain/period";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { TableSpec } from "../../src/workbook/schema";
import { AKTIVITETER, ACTIVITY_SHEET, STATSBIDRAG, SYFTEN, TIDPUNKTER, UTFALL } from "../../src/workbook/models/grant/schema";
import { BadInput, Edit, expectRefusedUnchanged, typeInto, viaApi } from "../support/badInputs";

/** A cell of a table: data row 1 is the first row below the header. */
function cell(spec: TableSpec, key: string, dataRow: number) {
  const o = parseCell(spec.anchor);
  const j = spec.columns.findIndex((c) => c.key === key);
  if (j < 0) throw new Error(`${spec.name} has no column ${key}`);
  const a = cellAddress({ row: o.row + dataRow, col: o.col + j });
  return { address: `${spec.sheet}!${a}`, place: { sheet: spec.sheet, cell: a, table: spec.name, row: dataRow, column: spec.columns[j].header } };
}

const type = (spec: TableSpec, key: string, dataRow: number, input: string | number | boolean | null): Edit => typeInto(cell(spec, key, dataRow).address, input);
const types =
  (...edits: Edit[]): Edit =>
  async (sim) => {
    for (const e of edits) await e(sim);
  };
const at = (spec: TableSpec, key: string, dataRow: number) => cell(spec, key, dataRow).place;
const date = (iso: string) => isoToSerial(iso);

// The seeded rows: Statsbidrag 1 psykisk hälsa 2019, 2 professionsmiljarden 2016. Syften 1–7 and 8–10.
// Tidpunkter 1 (återredovisning to SVOM) and 2–4. Aktiviteter 1–7 (U1–U7, fixed per purpose) and 8–21 (A01–A14,
// rank order; A11–A13 on the waiting list, A14 rejected). Utfall 1–7 (72001–72007) and 8–17 (61001–61010).
const PM_ACTIVE_ROWS = Array.from({ length: 13 }, (_, k) => 8 + k);

export const grantBadInputs: BadInput[] = [
  { name: "an activity for a purpose the grant does not have", edit: type(AKTIVITETER, "purpose", 1, "barn"), code: "grant.activity.purposeUnknown", place: at(AKTIVITETER, "purpose", 1), says: /^Psykisk hälsa 2019: Aktiviteten Uppdrag: stärka barns och ungas psykiska hälsa anger syftet "barn", som inte finns; ange ett av barn-unga, suicidprevention/ },
  { name: "the same activity id twice in a grant", edit: type(AKTIVITETER, "id", 9, "A01"), code: "grant.activity.duplicateId", place: at(AKTIVITETER, "id", 9), says: /Id A01 finns redan på rad 8;/ },
  { name: "the same project number on two activities", edit: type(AKTIVITETER, "projectNumber", 2, "'72001"), code: "grant.activity.projectDuplicate", place: at(AKTIVITETER, "projectNumber", 2), says: /Projektnumret 72001 används redan av aktiviteten på rad 1; utfallet kan då inte skiljas åt/ },
  { name: "a rank missing under the rank rule", edit: type(AKTIVITETER, "rank", 8, null), code: "grant.rank.missing", place: at(AKTIVITETER, "rank", 8), says: /Mobilt närvårdsteam saknar giltig rang; rangordningsregeln kräver en rang 1, 2, 3/ },
  { name: "the same rank twice under the rank rule", edit: type(AKTIVITETER, "rank", 9, 1), code: "grant.rank.duplicate", place: at(AKTIVITETER, "rank", 9), says: /Rang 1 har redan Mobilt närvårdsteam; två förslag kan inte ha samma rang/ },
  { name: "a rank of zero", edit: type(AKTIVITETER, "rank", 10, 0), code: "grant.activity.rankInvalid", place: at(AKTIVITETER, "rank", 10), says: /rangen är ett heltal från 1 och uppåt/ },
  {
    name: "a key that is zero for every activity",
    edit: types(type(STATSBIDRAG, "rule", 2, "Nyckel"), type(STATSBIDRAG, "key", 2, "Invånare"), ...PM_ACTIVE_ROWS.map((r) => type(AKTIVITETER, "invanare", r, 0))),
    code: "grant.key.allZero",
    place: at(AKTIVITETER, "invanare", 8),
    says: /Nyckeln Invånare är 0 för alla aktiviteter; då finns inget att fördela efter/,
  },
  {
    name: "a key no activity has a value for",
    edit: types(type(STATSBIDRAG, "rule", 2, "Nyckel"), type(STATSBIDRAG, "key", 2, "Invånare")),
    code: "grant.key.unknown",
    place: at(AKTIVITETER, "invanare", 8),
    says: /Ingen aktivitet har nyckeln "Invånare"/,
  },
  { name: "the key rule without a key", edit: type(STATSBIDRAG, "rule", 2, "Nyckel"), code: "grant.sheet.keyMissing", place: at(STATSBIDRAG, "key", 2), says: /välj ÅA eller Invånare/ },
  { name: "fixed amounts per purpose that sum to more than the grant", edit: type(SYFTEN, "fixed", 1, 3_200_000), code: "grant.fixed.overGrant", place: at(STATSBIDRAG, "amount", 1), says: /Syftenas fasta belopp summerar till 6\s309\s812\skr, 100\s000\skr mer än statsbidragets 6\s209\s812\skr/ },
  { name: "an activity decided above its purpose's fixed amount", edit: type(AKTIVITETER, "decided", 2, 700_000), code: "grant.purpose.grantedOverFixed", place: at(SYFTEN, "fixed", 2), says: /inom syftet stärka det suicidpreventiva arbetet har beviljats 700\s000\skr, vilket är 100\s000\skr mer än syftets 600\s000\skr/ },
  { name: "a granted activity without its decided amount", edit: type(AKTIVITETER, "decided", 3, null), code: "grant.activity.beviljadWithoutAmount", place: at(AKTIVITETER, "decided", 3), says: /är beviljad men saknar beviljat belopp/ },
  { name: "a negative amount asked for", edit: type(AKTIVITETER, "asked", 12, -950_000), code: "grant.activity.askedNegative", place: at(AKTIVITETER, "asked", 12), says: /ansökt belopp är noll eller mer/ },
  { name: "a status not on the list", edit: type(AKTIVITETER, "status", 4, "Godkänd"), code: "sheet.cell.choice", place: at(AKTIVITETER, "status", 4), says: /välj ett av: Förslag, Beviljad, Avslagen, Väntelista/ },
  { name: "a month column renamed", edit: typeInto(`${UTFALL.sheet}!K3`, "Sept"), code: "sheet.column.missing", place: { sheet: UTFALL.sheet, table: UTFALL.name, column: "Sep" }, says: /Okända kolumner: "Sept"; har kolumnen bytt namn\? Ge kolumnen namnet "Sep" igen/ },
  { name: "an outcome typed as text, which Excel's formulas would count as 0", edit: type(UTFALL, "m9", 1, "305 000 kr"), code: "sheet.cell.numberAsText", place: at(UTFALL, "m9", 1), says: /Skriv talet 305000/ },
  { name: "an outcome in words", edit: type(UTFALL, "m2", 1, "tvåhundrafemtio tusen"), code: "sheet.cell.amount", place: at(UTFALL, "m2", 1), says: /inget tal i början/ },
  { name: "outcome after the month the follow-up counts to", edit: type(UTFALL, "m10", 1, 100_000), code: "grant.sheet.outcomeAfterMonth", place: at(UTFALL, "m10", 1), says: /Utfallet 100\s000\skr i oktober 2020 ligger efter uppföljningens sista månad \(september 2020\) för Psykisk hälsa 2019/ },
  { name: "a date typed as text", edit: type(STATSBIDRAG, "spendBy", 1, "'2020-12-31"), code: "sheet.cell.date", place: at(STATSBIDRAG, "spendBy", 1), says: /skrivet som text/ },
  { name: "a spend-by date before the grant's year", edit: type(STATSBIDRAG, "spendBy", 1, date("2018-12-31")), code: "grant.spendBy.beforeYear", place: at(STATSBIDRAG, "spendBy", 1), says: /2018-12-31, ligger före bidragsåret 2019; den kan tidigast vara 2019-01-01/ },
  { name: "an unknown leftover rule", edit: type(STATSBIDRAG, "leftoverRule", 2, "Behåll"), code: "sheet.cell.choice", place: at(STATSBIDRAG, "leftoverRule", 2), says: /välj ett av: Återbetala, Behåll med plan, Överför/ },
  { name: "an unknown allocation rule", edit: type(STATSBIDRAG, "rule", 2, "Lika delar"), code: "sheet.cell.choice", place: at(STATSBIDRAG, "rule", 2), says: /Fast per syfte, Fast per aktivitet, Rangordning, Nyckel/ },
  { name: "a stated amount that cannot be read", edit: type(STATSBIDRAG, "stated", 1, "sex miljoner"), code: "grant.sheet.statedInvalid", place: at(STATSBIDRAG, "stated", 1), says: /"sex miljoner" går inte att läsa som ett belopp/ },
  { name: "a month to follow up through that is no month", edit: type(STATSBIDRAG, "throughMonth", 2, 13), code: "grant.followup.throughMonthInvalid", place: at(STATSBIDRAG, "throughMonth", 2), says: /till och med månad 13 går inte; ange en månad 1–12/ },
  { name: "a year with letters", edit: type(STATSBIDRAG, "year", 1, "2019a"), code: "sheet.cell.integer", place: at(STATSBIDRAG, "year", 1) },
  { name: "an activity for a grant that does not exist", edit: type(AKTIVITETER, "grant", 1, "psykisk-halsa-2020"), code: "grant.sheet.grantUnknown", place: at(AKTIVITETER, "grant", 1), says: /Statsbidraget "psykisk-halsa-2020" finns inte i tabellen Statsbidrag; ange ett av psykisk-halsa-2019, professionsmiljarden-2016/ },
  { name: "the same grant twice", edit: type(STATSBIDRAG, "id", 2, "psykisk-halsa-2019"), code: "grant.sheet.grantDuplicate", place: at(STATSBIDRAG, "id", 2), says: /finns redan på rad 1/ },
  { name: "a short name too long to name a sheet", edit: type(STATSBIDRAG, "shortName", 1, "Psykisk hälsa 2019"), code: "grant.sheet.shortNameInvalid", place: at(STATSBIDRAG, "shortName", 1), says: /högst 31 tecken \(kortnamnet högst 15\)/ },
  { name: "two grants with one short name", edit: type(STATSBIDRAG, "shortName", 2, "ph2019"), code: "grant.sheet.shortNameDuplicate", place: at(STATSBIDRAG, "shortName", 2), says: /eget kortnamn/ },
  { name: "a decision without its date", edit: type(STATSBIDRAG, "decisionDate", 1, null), code: "grant.sheet.decisionDateMissing", place: at(STATSBIDRAG, "decisionDate", 1), says: /Beslutet av Hälso- och sjukvårdsnämnden saknar datum/ },
  { name: "a deadline before the grant's year", edit: type(TIDPUNKTER, "due", 1, date("2018-10-01")), code: "grant.deadline.beforeYear", place: at(TIDPUNKTER, "due", 1), says: /Tidpunkten 2018-10-01 för SVOM ligger före bidragsåret 2019/ },
  { name: "a purpose without its grant", edit: type(SYFTEN, "grant", 3, null), code: "sheet.cell.required", place: at(SYFTEN, "grant", 3) },
  { name: "the sheet Aktiviteter renamed", edit: viaApi((ctx) => { ctx.workbook.worksheets.getItem(ACTIVITY_SHEET).name = "Aktiviteter 2020"; }), code: "sheet.renamed", place: { sheet: "Aktiviteter 2020", table: AKTIVITETER.name }, says: /Ge bladet namnet Aktiviteter igen/ },
];

describe("bad inputs to stimulansmedel", () => {
  test("the catalogue holds at least 20 cases", () => {
    expect(grantBadInputs.length).toBeGreaterThanOrEqual(20);
  });

  test.each(grantBadInputs.map((c) => [c.name, c] as const))("%s: a located Swedish message, the workbook unchanged", async (_name, c) => {
    await expectRefusedUnchanged("stimulansmedel", c);
  });
});

test("outcome on a project number no activity has is a warning at its cell: the recompute goes on and the report shows it", async () => {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
  sim.setCell(cell(UTFALL, "projectNumber", 3).address, "'72099");
  const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
  const warning = result.problems.find((p) => p.code === "grant.outcome.unknownProject")!;
  expect(warning.severity).toBe("varning");
  expect(warning.place).toEqual(at(UTFALL, "projectNumber", 3));
  expect(warning.message).toBe(
    "Psykisk hälsa 2019: Utfallet på rad 3 (150\u00A0000\u00A0kr) är bokat på projektnummer 72099, som ingen aktivitet i statsbidraget har; det räknas inte som använt. Ange rätt projektnummer eller lägg till aktiviteten.",
  );
  // The uppdrag for bemötande has no outcome now, in Excel's formulas and on the report sheet; the 150 000 kr is shown apart.
  expect(sim.getValue(cell(AKTIVITETER, "ack", 3).address)).toBe(0);
  expect(sim.getValue("'Återredovisning PH2019'!C37")).toBe(0);
  expect(sim.getValue("'Återredovisning PH2019'!A49")).toBe("Bokat på projektnummer utan aktivitet");
  expect(sim.getValue("'Återredovisning PH2019'!B49")).toBe(150_000);
  expect(String(sim.getValue("'Återredovisning PH2019'!A79"))).toMatch(/Därutöver är 150\u00A0000\u00A0kr bokat på projektnummer som inte hör till någon aktivitet/);
});
