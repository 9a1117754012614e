/**
 * The monthly report (månadsrapport) in the workbook: the figures each
 * month's report states, on the sheet `Rapportdata`, reconciled against
 * their parts and written up on the report sheet `Månadsrapport`.
 */
import { MODEL_TITLES } from "./catalog";
import { Decimal } from "../../domain/money";
import { Check, formatCheckValue, formatExactAmount, reportTextToString } from "../../domain/report";
import { ModelDefinition } from "../model";
import { Collection, ReportBook, buildReports, locate, periodLabel, periodText } from "./report/build";
import { ReportBookResult, checkStatus, computeReports, mapRef } from "./report/compute";
import { planReports } from "./report/plan";
import { ALL_TABLES, INPUT_SHEET, REPORT_SHEET } from "./report/schema";

export { INPUT_SHEET, REPORT_SHEET } from "./report/schema";

const upperFirst = (t: string) => t.charAt(0).toLocaleUpperCase("sv-SE") + t.slice(1);

/** The difference and tolerance of a check in the papers' words. */
function amounts(c: Check): { difference: string; tolerance: string } {
  const asAmount = c.quantity === "forandring" || c.quantity === "avvikelse";
  return {
    difference: asAmount ? formatExactAmount(c.difference, { signed: true }) : formatCheckValue(c, c.difference, { signed: true }),
    tolerance: asAmount ? formatExactAmount(c.tolerance) : formatCheckValue(c, c.tolerance),
  };
}

function cellOf(book: ReportBook, monthIndex: number, c: Check): string {
  const at = mapRef(book.periods[monthIndex], c.ref);
  const place = locate(book.locators[at.collection as Collection], at.index, at.field);
  return `${place.sheet}!${place.cell}`;
}

function summary(book: ReportBook, result: ReportBookResult): string[] {
  const checks = result.periods.flatMap((p) => p.result.checks);
  const failing = checks.filter((c) => !c.withinRounding).length;
  const lines = [
    `Månadsrapporter: ${book.periods.length} ${book.periods.length === 1 ? "månad" : "månader"} (${book.periods.map((m) => periodLabel(m.period)).join(", ") || "inga"}), ${checks.length} avstämningar, ${failing === 0 ? "alla stämmer" : `${failing} stämmer inte`}.`,
  ];
  book.periods.forEach((month, i) => {
    const r = month.report;
    const f = result.periods[i].result.figures;
    const mkr = (v: Decimal | undefined, signed = false) => (v === undefined ? "saknas" : formatExactAmount(v, { signed }));
    const parts = [`avvikelse ack ${mkr(r.avvikelse?.value ?? f.avvikelse?.value)}`];
    if (r.forandringAvvikelse) parts.push(`förändring ${mkr(r.forandringAvvikelse.value, true)}`);
    if (r.prognos) parts.push(`prognos ${mkr(r.prognos.value)}`);
    if (r.forandringPrognos) parts.push(`förändring av prognosen ${mkr(r.forandringPrognos.value, true)}`);
    if (r.netto) parts.push(`netto ${mkr(r.netto.value, true)}`);
    lines.push(`${upperFirst(periodLabel(month.period))}: ${parts.join(", ")}.`);
    for (const c of result.periods[i].result.checks) {
      const fmt = (v: Decimal) => formatCheckValue(c, v);
      const { difference, tolerance } = amounts(c);
      const head = `  ${checkStatus(c)}: ${c.label}: angivet ${fmt(c.stated)}, beräknat ${fmt(c.recomputed)}`;
      lines.push(c.exact ? `${head}.` : `${head}, skillnad ${difference}, avrundningen förklarar högst ${tolerance} (${cellOf(book, i, c)}).`);
    }
  });
  const wrong = result.periods.flatMap((p, i) => p.result.checks.filter((c) => !c.withinRounding).map((c) => ({ c, i })));
  for (const { c, i } of wrong) {
    const fmt = (v: Decimal) => formatCheckValue(c, v);
    lines.push(
      `Stämmer inte, ${periodLabel(book.periods[i].period)}: ${c.label} anges till ${fmt(c.stated)} men delarna ger ${fmt(c.recomputed)} (skillnad ${amounts(c).difference}); se ${cellOf(book, i, c)}.`,
    );
  }
  return lines;
}

function json(book: ReportBook, result: ReportBookResult) {
  return {
    modell: "manadsrapport",
    månader: book.periods.map((month, i) => {
      const res = result.periods[i];
      return {
        period: periodText(month.period),
        organisation: month.report.organisation,
        avstämning: res.result.checks.map((c) => ({
          kontroll: c.label,
          angivet: c.stated.toString(),
          beräknat: c.recomputed.toString(),
          skillnad: c.difference.toString(),
          tolerans: c.tolerance.toString(),
          status: checkStatus(c),
          underlag: c.terms.map((t) => ({ del: t.label, värde: t.value.times(t.coefficient).toString() })),
          indatacell: cellOf(book, i, c),
        })),
        text: res.text ? reportTextToString(res.text) : null,
      };
    }),
  };
}

export const reportModel: ModelDefinition<ReportBook, ReportBookResult> = {
  id: "manadsrapport",
  title: MODEL_TITLES.manadsrapport,
  tables: ALL_TABLES,
  sheets: [INPUT_SHEET, REPORT_SHEET],
  reportSheets: [REPORT_SHEET],
  build: buildReports,
  compute(book) {
    const result = computeReports(book);
    return { result, problems: result.problems };
  },
  plan: planReports,
  summary,
  json,
  keys: {
    Rapporter: ["period"],
    Rapportuppgifter: ["period", "uppgift"],
    Rapportrader: ["period", "omrade", "kostnadsslag"],
    Rapportsummor: ["period", "dimension", "namn"],
    Rapportjusteringar: ["period", "typ", "benamning"],
    Rapportstafett: ["period", "yrke"],
    Rapportsjukfranvaro: ["period"],
    Rapportnyckeltal: ["period", "benamning"],
  },
  examples: async () => (await import(/* webpackChunkName: "examples-manadsrapport" */ "./report/seeds")).exampleTables(),
};
