/**
 * The catalogue of bad inputs for the monthly report: each is what a person
 * could type on the sheet Rapportdata, and each must give a located Swedish
 * message and leave the workbook exactly as it was.
 */
import { BadInput, Edit, expectRefusedUnchanged, viaApi as api } from "../support/badInputs";
import { cellAddress, parseCell } from "../../src/workbook/address";
import { TableSpec } from "../../src/workbook/schema";
import {
  INPUT_SHEET,
  JUSTERINGAR,
  NYCKELTAL,
  RADER,
  RAPPORTER,
  SJUKFRANVARO,
  STAFETT,
  SUMMOR,
  UPPGIFTER,
} from "../../src/workbook/models/report/schema";


/** A cell of a table: data row 1 is the first row below the header. */
function cell(spec: TableSpec, key: string, dataRow: number): { address: string; place: { sheet: string; cell: string; table: string; row: number; column: string } } {
  const o = parseCell(spec.anchor);
  const j = spec.columns.findIndex((c) => c.key === key);
  if (j < 0) throw new Error(`${spec.name} has no column ${key}`);
  const a = cellAddress({ row: o.row + dataRow, col: o.col + j });
  return { address: `${spec.sheet}!${a}`, place: { sheet: spec.sheet, cell: a, table: spec.name, row: dataRow, column: spec.columns[j].header } };
}

const type =
  (spec: TableSpec, key: string, dataRow: number, input: string | number | boolean | null): Edit =>
  (sim) =>
    sim.setCell(cell(spec, key, dataRow).address, input);
const types =
  (...edits: Edit[]): Edit =>
  async (sim) => {
    for (const e of edits) await e(sim);
  };
const at = (spec: TableSpec, key: string, dataRow: number) => cell(spec, key, dataRow).place;


// The seeded rows: Rapporter 1 September, 2 October. Rapportuppgifter 1–7 September (Avvikelse ack, Förändring av
// avvikelsen, Prognos helår, Förändring av prognosen, Avvikelse netto, Åtgärder utfall, Åtgärder förväntat), 8–16 October
// (the same five, Föregående avvikelse 13, Föregående prognos 14, Åtgärder 15–16). Rapportrader 1–12 September, 13–24
// October. Rapportjusteringar 1–5 and 6–10 (Statsbidrag, Pandemi, Provtagning, Tillgänglighet, Sjuklöner).
// Rapportstafett 1–2 and 3–4. Rapportsjukfranvaro 1–2. Rapportnyckeltal 1–2 and 3–6. Rapportsummor: one empty row.
export const reportBadInputs: BadInput[] = [
  { name: "a period that is no month", edit: type(RAPPORTER, "period", 1, 202013), code: "report.sheet.periodInvalid", place: at(RAPPORTER, "period", 1), says: /202013 är ingen månad; skriv den som ÅÅÅÅMM/ },
  { name: "a period that Excel turned into a date", edit: type(RADER, "period", 3, 44075), code: "report.sheet.periodInvalid", place: at(RADER, "period", 3), says: /ser ut som ett datum/ },
  { name: "a period written with a dash, as text", edit: type(UPPGIFTER, "period", 1, "'2020-09"), code: "sheet.cell.integer", place: at(UPPGIFTER, "period", 1) },
  { name: "the same month twice", edit: type(RAPPORTER, "period", 2, 202009), code: "report.sheet.periodDuplicate", place: at(RAPPORTER, "period", 2), says: /finns redan på rad 1/ },
  { name: "a line for a month that has no report", edit: type(RADER, "period", 1, 202011), code: "report.sheet.periodUnknown", place: at(RADER, "period", 1), says: /202011 har ingen rad i tabellen Rapporter/ },
  { name: "a figure not on the list", edit: type(UPPGIFTER, "uppgift", 1, "Avvikelse"), code: "sheet.cell.choice", place: at(UPPGIFTER, "uppgift", 1), says: /Avvikelse ack, Förändring av avvikelsen/ },
  { name: "the same figure twice in a month", edit: type(UPPGIFTER, "uppgift", 2, "Avvikelse ack"), code: "report.sheet.figureDuplicate", place: at(UPPGIFTER, "uppgift", 2), says: /Avvikelse ack för 202009 finns redan på rad 1/ },
  { name: "a negative rounding", edit: type(UPPGIFTER, "avrundning", 1, -100_000), code: "report.sheet.stepNegative", place: at(UPPGIFTER, "avrundning", 1), says: /negativ/ },
  { name: "a figure with more digits than its rounding", edit: type(UPPGIFTER, "angivet", 1, -119_350_000), code: "report.sheet.finerThanStep", place: at(UPPGIFTER, "angivet", 1), says: /−119,35\u00A0Mkr har fler siffror än avrundningen 0,1\u00A0Mkr/ },
  { name: "a stated figure typed as text, as the paper writes it", edit: type(UPPGIFTER, "angivet", 1, "\u2212119,3 Mkr"), code: "sheet.cell.numberAsText", place: at(UPPGIFTER, "angivet", 1), says: /Skriv talet −119300000|Skriv talet -119300000/ },
  { name: "a stated figure with a misspelt unit", edit: type(UPPGIFTER, "angivet", 5, "'+3,6 Mk"), code: "sheet.cell.amount", place: at(UPPGIFTER, "angivet", 5), says: /okänd enhet/ },
  { name: "a line kind not on the list", edit: type(RADER, "slag", 6, "Intäkter"), code: "sheet.cell.choice", place: at(RADER, "slag", 6), says: /Kostnad, Intäkt/ },
  { name: "a line without its budget", edit: type(RADER, "budget", 1, null), code: "sheet.cell.required", place: at(RADER, "budget", 1) },
  { name: "the same area and cost type twice in October", edit: type(RADER, "kostnadsslag", 14, "Personal"), code: "report.line.duplicate", place: at(RADER, "kostnadsslag", 14), says: /^Oktober 2020: Primärvård, Personal finns redan på rad 13;/ },
  { name: "an adjustment with a negative amount", edit: type(JUSTERINGAR, "belopp", 1, -50_800_000), code: "report.adjustment.negativeAmount", place: at(JUSTERINGAR, "belopp", 1), says: /rad 1 har beloppet −50,8/ },
  { name: "a sign not on the list", edit: type(JUSTERINGAR, "tecken", 3, "'+"), code: "sheet.cell.choice", place: at(JUSTERINGAR, "tecken", 3), says: /Läggs till, Dras av, Ingår inte/ },
  { name: "an other adjustment without a label", edit: type(JUSTERINGAR, "typ", 2, "Övrig"), code: "report.adjustment.labelMissing", place: at(JUSTERINGAR, "benamning", 2), says: /övriga justeringen på rad 2 saknar benämning/ },
  { name: "the same kind of adjustment twice in October", edit: type(JUSTERINGAR, "typ", 7, "Statsbidrag"), code: "report.adjustment.duplicateKind", place: at(JUSTERINGAR, "typ", 7), says: /finns redan på rad 6/ },
  { name: "an agency share typed without its per cent sign", edit: type(STAFETT, "andel", 1, 15.23), code: "report.agency.shareAbove100", place: at(STAFETT, "andel", 1), says: /skrev du 15,23/ },
  { name: "sick leave above 100 %", edit: type(SJUKFRANVARO, "andel", 1, 1.5), code: "report.sickLeave.shareOutOfRange", place: at(SJUKFRANVARO, "andel", 1), says: /mellan 0 % och 100 %/ },
  { name: "a comparison year that is not before the report", edit: type(SJUKFRANVARO, "jamforelseAr", 2, 2020), code: "report.sickLeave.comparisonYearInvalid", place: at(SJUKFRANVARO, "jamforelseAr", 2) },
  { name: "sick leave entered twice for a month", edit: type(SJUKFRANVARO, "period", 2, 202009), code: "report.sheet.sickLeaveDuplicate", place: at(SJUKFRANVARO, "period", 2), says: /finns redan på rad 1/ },
  { name: "a previous report after the month", edit: type(RAPPORTER, "foregaendePeriod", 2, 202011), code: "report.previous.notEarlier", place: at(RAPPORTER, "foregaendePeriod", 2), says: /inte ligger före rapportens period oktober 2020/ },
  { name: "a previous report without its kind", edit: type(RAPPORTER, "foregaendeTyp", 1, null), code: "report.sheet.previousKindMissing", place: at(RAPPORTER, "foregaendeTyp", 1) },
  {
    name: "October's previous figures without the previous report",
    edit: types(type(RAPPORTER, "foregaendePeriod", 2, null), type(RAPPORTER, "foregaendeTyp", 2, null)),
    code: "report.sheet.previousMissing",
    place: at(UPPGIFTER, "uppgift", 13),
    says: /Föregående avvikelse är angiven för 202010, men inte vilken rapport/,
  },
  {
    name: "a change against no previous report",
    edit: types(type(RAPPORTER, "foregaendePeriod", 1, null), type(RAPPORTER, "foregaendeTyp", 1, null)),
    code: "report.change.withoutPrevious",
    place: at(UPPGIFTER, "angivet", 2),
    says: /^September 2020: Rapporten anger en förändring av avvikelsen men ingen föregående rapport/,
  },
  { name: "measures without their expected outcome", edit: type(UPPGIFTER, "uppgift", 7, "Föregående prognos"), code: "report.figure.missing", place: { sheet: INPUT_SHEET, table: RAPPORTER.name, row: 1 }, says: /Förväntat utfall av åtgärderna saknas/ },
  { name: "a key figure group not on the list", edit: type(NYCKELTAL, "grupp", 1, "Ekonomi"), code: "sheet.cell.choice", place: at(NYCKELTAL, "grupp", 1), says: /Personal, Produktion/ },
  { name: "the same key figure twice in a month", edit: type(NYCKELTAL, "benamning", 2, "De indirekta vårdkontakterna"), code: "report.keyFigure.duplicate", place: at(NYCKELTAL, "benamning", 2), says: /finns redan på rad 1/ },
  { name: "a report without its organisation", edit: type(RAPPORTER, "organisation", 1, null), code: "sheet.cell.required", place: at(RAPPORTER, "organisation", 1) },
  {
    name: "a stated total without its amount",
    edit: types(type(SUMMOR, "period", 1, 202009), type(SUMMOR, "dimension", 1, "Område"), type(SUMMOR, "namn", 1, "Primärvård")),
    code: "sheet.cell.required",
    place: at(SUMMOR, "avvikelse", 1),
  },
  { name: "a stated total for an area without lines", edit: types(type(SUMMOR, "period", 1, 202009), type(SUMMOR, "dimension", 1, "Summa"), type(SUMMOR, "namn", 1, "Primärvård"), type(SUMMOR, "avvikelse", 1, -45_300_000)), code: "sheet.cell.choice", place: at(SUMMOR, "dimension", 1), says: /Område, Kostnadsslag/ },
  { name: "a renamed column", edit: (sim) => sim.setCell(`${INPUT_SHEET}!${cell(RADER, "budget", 0).place.cell}`, "Budget"), code: "sheet.column.missing", place: { sheet: INPUT_SHEET, table: RADER.name, column: "Budget ack" }, says: /Okända kolumner: "Budget"/ },
  { name: "the input sheet renamed", edit: api((ctx) => { ctx.workbook.worksheets.getItem(INPUT_SHEET).name = "Rapportdata 2020"; }), code: "sheet.renamed", place: { sheet: "Rapportdata 2020", table: RAPPORTER.name }, says: /Ge bladet namnet Rapportdata igen/ },
];

describe("bad inputs to the monthly report", () => {
  test("the catalogue holds at least 30 cases", () => {
    expect(reportBadInputs.length).toBeGreaterThanOrEqual(30);
  });

  test.each(reportBadInputs.map((c) => [c.name, c] as const))("%s: a located Swedish message, the workbook unchanged", (_name, c) =>
    expectRefusedUnchanged("manadsrapport", c),
  );
});
