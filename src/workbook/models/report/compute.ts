/**
 * Reconciles every month's report with the domain and places each problem
 * at the input row it concerns: the domain names an entity of one report
 * ("rader", line 3), the workbook holds all months in shared tables.
 */
import { DomainProblem, EntityRef, hasErrors } from "../../../domain/problem";
import { ReportResult, ReportText, Stated, draftReportText, formatExactAmount, reconcileReport } from "../../../domain/report";
import { Collection, PeriodReport, ReportBook, locate, periodLabel } from "./build";
import { FIGURE_LABEL, FigureKey } from "./schema";

export interface PeriodResult {
  period: number;
  result: ReportResult;
  /** The draft text; absent when the month has input errors. */
  text?: ReportText;
}

export interface ReportBookResult {
  periods: PeriodResult[];
  /** The problems of every month, located in the workbook's collections. */
  problems: DomainProblem[];
}

const REPORT_FIGURES: Record<string, FigureKey> = {
  avvikelse: "avvikelseAck",
  prognos: "prognosHelar",
  netto: "avvikelseNetto",
  forandringAvvikelse: "forandringAvvikelse",
  forandringPrognos: "forandringPrognos",
};

/** The positions, among the parsed rows of a collection, of a report's entities of one domain collection. */
function positionsOf(month: PeriodReport, domainCollection: string): { collection: Collection; positions: number[] } | undefined {
  switch (domainCollection) {
    case "rader":
      return { collection: "rader", positions: month.lineRows };
    case "summor":
      return { collection: "summor", positions: month.totalRows };
    case "justeringar":
      return { collection: "justeringar", positions: month.adjustmentRows };
    case "stafett":
      return { collection: "stafett", positions: month.agencyRows };
    case "nyckeltal":
      return { collection: "nyckeltal", positions: month.keyFigureRows };
    case "sjukfranvaro":
      return month.sickLeaveRow === undefined ? undefined : { collection: "sjukfranvaro", positions: [month.sickLeaveRow] };
    default:
      return undefined;
  }
}

/** A domain reference of one month's report as a reference into the workbook's collections. */
export function mapRef(month: PeriodReport, ref: EntityRef): EntityRef {
  const atFigure = (key: FigureKey): EntityRef => {
    const pos = month.figureRows[key];
    return pos === undefined ? { collection: "rapporter", index: month.rapportRow } : { collection: "uppgifter", index: pos, field: "angivet" };
  };
  switch (ref.collection) {
    case "rapport":
      if (ref.field === "year" || ref.field === "month") return { collection: "rapporter", index: month.rapportRow, field: "period" };
      if (ref.field === "organisation") return { collection: "rapporter", index: month.rapportRow, field: "organisation" };
      if (ref.field && REPORT_FIGURES[ref.field]) return atFigure(REPORT_FIGURES[ref.field]);
      return { collection: "rapporter", index: month.rapportRow };
    case "foregaende":
      if (ref.field === "year" || ref.field === "month") return { collection: "rapporter", index: month.rapportRow, field: "foregaendePeriod" };
      if (ref.field === "typ") return { collection: "rapporter", index: month.rapportRow, field: "foregaendeTyp" };
      if (ref.field === "avvikelse") return atFigure("foregaendeAvvikelse");
      if (ref.field === "prognos") return atFigure("foregaendePrognos");
      return { collection: "rapporter", index: month.rapportRow, field: "foregaendePeriod" };
    case "atgarder":
      return atFigure(ref.field === "forvantat" ? "atgarderForvantat" : "atgarderUtfall");
    default: {
      const p = positionsOf(month, ref.collection);
      const pos = p?.positions[ref.index];
      if (!p || pos === undefined) return { collection: "rapporter", index: month.rapportRow };
      return { collection: p.collection, index: pos, field: ref.field };
    }
  }
}

/** The status the avstämning shows for a check. */
export function checkStatus(c: { exact: boolean; withinRounding: boolean }): "Stämmer" | "Inom avrundning" | "Stämmer inte" {
  return c.exact ? "Stämmer" : c.withinRounding ? "Inom avrundning" : "Stämmer inte";
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

/** The domain numbers rows within one report ("rad 3"); the sheet numbers them within the table. */
function renumber(message: string, book: ReportBook, month: PeriodReport, ref: EntityRef | undefined): string {
  const p = ref && positionsOf(month, ref.collection);
  if (!p) return message;
  const tableRows = book.locators[p.collection].tableRows;
  return message.replace(/\b([Rr]ad) (\d+)\b/g, (whole, word: string, n: string) => {
    const pos = p.positions[Number(n) - 1];
    return pos === undefined ? whole : `${word} ${tableRows[pos] + 1}`;
  });
}

/** A warning when a report's figure for the previous month differs from what that month's own report states. */
function previousDiffers(book: ReportBook, month: PeriodReport, byPeriod: Map<number, PeriodReport>): DomainProblem[] {
  const prev = month.report.foregaende;
  if (!prev) return [];
  const earlier = byPeriod.get(prev.period.year * 100 + prev.period.month);
  if (!earlier) return [];
  const out: DomainProblem[] = [];
  const pairs: [FigureKey, Stated | undefined, Stated | undefined, FigureKey][] = [
    ["foregaendeAvvikelse", prev.avvikelse, earlier.report.avvikelse, "avvikelseAck"],
    ["foregaendePrognos", prev.prognos, earlier.report.prognos, "prognosHelar"],
  ];
  for (const [key, stated, own, ownKey] of pairs) {
    if (!stated || !own || stated.value.eq(own.value)) continue;
    const at = locate(book.locators.uppgifter, earlier.figureRows[ownKey]!, "angivet");
    out.push({
      severity: "varning",
      code: "report.sheet.previousDiffers",
      message: `${FIGURE_LABEL[key]} ${formatExactAmount(stated.value, { signed: true })} skiljer sig från vad rapporten för ${periodLabel(earlier.period)} själv anger, ${formatExactAmount(own.value, { signed: true })} (${at.sheet}!${at.cell}); rätta den som är fel.`,
      ref: { collection: "uppgifter", index: month.figureRows[key]!, field: "angivet" },
    });
  }
  return out;
}

/** Reconciles each month; every problem is placed in the workbook and says which month it concerns. */
export function computeReports(book: ReportBook): ReportBookResult {
  const problems: DomainProblem[] = [];
  const byPeriod = new Map(book.periods.map((m) => [m.period, m]));
  const periods = book.periods.map((month): PeriodResult => {
    const result = reconcileReport(month.report);
    const label = upperFirst(periodLabel(month.period));
    for (const p of result.problems) {
      problems.push({
        severity: p.severity,
        code: p.code,
        message: `${label}: ${renumber(p.message, book, month, p.ref)}`,
        ref: p.ref ? mapRef(month, p.ref) : { collection: "rapporter", index: month.rapportRow },
      });
    }
    for (const p of previousDiffers(book, month, byPeriod)) problems.push({ ...p, message: `${label}: ${p.message}` });
    const out: PeriodResult = { period: month.period, result };
    if (!hasErrors(result.problems)) out.text = draftReportText(month.report, result);
    return out;
  });
  return { periods, problems };
}
