/**
 * The catalogue of bad inputs for the budget model: each is what a person
 * could do to the sheet, and each must give a located Swedish message and
 * leave the workbook exactly as it was.
 */
import { BadInput, expectRefusedUnchanged, typeInto as type, viaApi as api } from "../support/badInputs";

// Budget sheet: Budgetramar A3:H15 (A Organ, B År, C Ram enligt RF …), Omdisponeringar K3:W5
// (K Diarienummer, L Från, M Till, N Belopp per år, O Gäller från, P Varaktighet, Q Status,
//  R Beslutande organ, S Beslutsdatum, T Motivering, U Källa, V Första år, W Sista år).
const B = "Budget";
export const budgetBadInputs: BadInput[] = [
  { name: "an amount with a misspelt unit", edit: type("Budget!N4", "4,5 mkrr"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4", column: "Belopp per år" }, says: /okänd enhet "mkrr"/ },
  { name: "an amount in words", edit: type("Budget!N4", "fyra och en halv miljon"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /inget tal/ },
  { name: "the unit twice, as in the September report", edit: type("Budget!N4", "86,7 Mkr Mkr"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /står 2 gånger/ },
  { name: "thousands grouped wrongly", edit: type("Budget!N4", "'45 00"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /grupperade/ },
  { name: "an ambiguous point", edit: type("Budget!N4", "'4.500"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /tvetydigt/ },
  { name: "a percentage as an amount", edit: type("Budget!N4", "'15 %"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /procentsats/ },
  { name: "an error value in an amount", edit: type("Budget!N4", "=1/0"), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /#DIV\/0!/ },
  { name: "TRUE in an amount", edit: type("Budget!N4", true), code: "sheet.cell.amount", place: { sheet: B, cell: "N4" }, says: /SANT/ },
  { name: "a frame without its amount", edit: type("Budget!C6", null), code: "sheet.cell.required", place: { sheet: B, cell: "C6", column: "Ram enligt RF" } },
  { name: "a frame without its organ", edit: type("Budget!A7", null), code: "sheet.cell.required", place: { sheet: B, cell: "A7", column: "Organ" } },
  { name: "a year with letters", edit: type("Budget!B5", "2024a"), code: "sheet.cell.integer", place: { sheet: B, cell: "B5", column: "År" } },
  { name: "a year with decimals", edit: type("Budget!B5", 2024.5), code: "sheet.cell.integer", place: { sheet: B, cell: "B5" } },
  { name: "a date typed as text", edit: type("Budget!O4", "'2024-01-01"), code: "sheet.cell.date", place: { sheet: B, cell: "O4", column: "Gäller från" }, says: /skrivet som text/ },
  { name: "a date in words", edit: type("Budget!O4", "'1 januari 2024"), code: "sheet.cell.date", place: { sheet: B, cell: "O4" } },
  { name: "a date serial with a time of day", edit: type("Budget!O4", 45292.5), code: "sheet.cell.date", place: { sheet: B, cell: "O4" } },
  { name: "a decision date as text", edit: type("Budget!S5", "'20 feb 2024"), code: "sheet.cell.date", place: { sheet: B, cell: "S5", column: "Beslutsdatum" } },
  { name: "a duration not on the list", edit: type("Budget!P4", "För alltid"), code: "sheet.cell.choice", place: { sheet: B, cell: "P4", column: "Varaktighet" }, says: /Permanent, Engång/ },
  { name: "a status not on the list", edit: type("Budget!Q4", "Klar"), code: "sheet.cell.choice", place: { sheet: B, cell: "Q4", column: "Status" } },
  { name: "a renamed column", edit: type("Budget!N3", "Belopp"), code: "sheet.column.missing", place: { sheet: B, table: "Omdisponeringar", column: "Belopp per år" }, says: /Okända kolumner: "Belopp"/ },
  { name: "a deleted column", edit: api((ctx) => ctx.workbook.tables.getItem("Omdisponeringar").columns.getItem("Gäller från").delete()), code: "sheet.column.missing", place: { sheet: B, table: "Omdisponeringar", column: "Gäller från" } },
  { name: "an emptied row", edit: (sim) => { for (const c of "KLMNOPQRSTU") sim.setCell(`Budget!${c}4`, null); }, code: "sheet.row.empty", place: { sheet: B, cell: "K4" } },
  { name: "a duplicate diarienummer", edit: type("Budget!K5", "HSN/1222/2023"), code: "budget.omdisp.duplicate", place: { sheet: B, cell: "K5", column: "Diarienummer" }, says: /rad 1/ },
  { name: "an organ with no frame", edit: type("Budget!M4", "Regionservice"), code: "budget.omdisp.unknownOrgan", place: { sheet: B, cell: "M4", column: "Till" } },
  { name: "from equal to to", edit: type("Budget!M4", "HSN"), code: "budget.omdisp.sameOrgan", place: { sheet: B, cell: "M4" } },
  { name: "a zero amount", edit: type("Budget!N4", 0), code: "budget.omdisp.amountNotPositive", place: { sheet: B, cell: "N4" } },
  { name: "a negative amount", edit: type("Budget!N4", -4_500_000), code: "budget.omdisp.amountNotPositive", place: { sheet: B, cell: "N4" } },
  { name: "an amount typed as text, which Excel's formulas would count as 0", edit: type("Budget!N4", "\u22124,5 mkr"), code: "sheet.cell.numberAsText", place: { sheet: B, cell: "N4" }, says: /Skriv talet −4500000|Skriv talet -4500000/ },
  { name: "valid from after the plan", edit: type("Budget!O4", 47484), code: "budget.omdisp.outsidePlan", place: { sheet: B, cell: "O4" }, says: /2024–2026/ },
  { name: "decided without a decision date", edit: type("Budget!Q4", "Beslutad"), code: "budget.omdisp.decidedWithoutDate", place: { sheet: B, cell: "S4" } },
  { name: "a frame that would go below zero", edit: (sim) => { sim.setCell("Budget!L5", "PN"); sim.setCell("Budget!M5", "RUN"); sim.setCell("Budget!N5", 7_000_000); }, code: "budget.frame.belowZero", place: { sheet: B, cell: "C7", column: "Ram enligt RF" }, says: /PNs ram för 2024 blir −800\s000\skr/ },
  { name: "a frame entered twice", edit: type("Budget!A5", "HSN"), code: "budget.frame.duplicate", place: { sheet: B, cell: "A5" } },
  { name: "a negative frame", edit: type("Budget!C9", -5_000_000), code: "budget.frame.negative", place: { sheet: B, cell: "C9" } },
  { name: "an organ without a frame in a year the move reaches", edit: type("Budget!A13", "RSS"), code: "budget.omdisp.noFrameForYear", place: { sheet: B, cell: "M4" }, says: /2026/ },
  { name: "the sheet renamed by a user", edit: api((ctx) => { ctx.workbook.worksheets.getItem("Budget").name = "Budget 2024"; }), code: "sheet.renamed", place: { sheet: "Budget 2024", table: "Budgetramar" }, says: /Ge bladet namnet Budget igen/ },
  { name: "a table renamed", edit: api((ctx) => { ctx.workbook.tables.getItem("Omdisponeringar").name = "Omdisp2024"; }), code: "sheet.table.missing", place: { sheet: B, table: "Omdisponeringar" }, says: /bytt namn/ },
  { name: "a table deleted", edit: api((ctx) => ctx.workbook.tables.getItem("Omdisponeringar").delete()), code: "sheet.table.missing", place: { sheet: B, table: "Omdisponeringar" } },
];

describe("bad inputs to the budget model", () => {
  test("the catalogue holds at least 30 cases", () => {
    expect(budgetBadInputs.length).toBeGreaterThanOrEqual(30);
  });

  test.each(budgetBadInputs.map((c) => [c.name, c] as const))("%s: a located Swedish message, the workbook unchanged", (_name, c) =>
    expectRefusedUnchanged("budget", c),
  );
});
