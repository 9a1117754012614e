/**
 * From the input tables to one MonthlyReport per period, with every figure
 * kept as stated (value and step) and every problem located at its cell.
 * The domain checks the reports; this file checks what only the sheet can
 * get wrong: periods, rows of a month that has no report, a figure given
 * twice, a rounding that does not fit the figure.
 */
import { Decimal } from "../../../domain/money";
import {
  Adjustment,
  AdjustmentKind,
  AgencyShare,
  KeyFigure,
  KeyFigureGroup,
  LineKind,
  MonthlyReport,
  PreviousReportKind,
  ReportLine,
  Stated,
  StatedTotal,
  TotalDimension,
  formatCount,
  formatExactAmount,
  formatShare,
  monthName,
} from "../../../domain/report";
import { MAX_YEAR, MIN_YEAR } from "../../../domain/report/validate";
import { CellPos, cellAddress } from "../../address";
import { Built } from "../../model";
import { LocatedProblem, Place } from "../../problem";
import { TableSpec } from "../../schema";
import { ParsedRow, ParsedTable, TypedValue, placeOf, tableOrigin } from "../../table";
import {
  FIGURE_LABEL,
  FigureKey,
  JUSTERINGAR,
  NYCKELTAL,
  RADER,
  RAPPORTER,
  SIGN_OF_CHOICE,
  SJUKFRANVARO,
  STAFETT,
  SUMMOR,
  UPPGIFTER,
} from "./schema";

/** The model's collections, one per input table. */
export const COLLECTIONS = {
  rapporter: RAPPORTER,
  uppgifter: UPPGIFTER,
  rader: RADER,
  summor: SUMMOR,
  justeringar: JUSTERINGAR,
  stafett: STAFETT,
  sjukfranvaro: SJUKFRANVARO,
  nyckeltal: NYCKELTAL,
} as const satisfies Record<string, TableSpec>;

export type Collection = keyof typeof COLLECTIONS;

/** Where a table's rows are in the sheet, to name a cell in the report. */
export interface Locator {
  sheet: string;
  table: string;
  origin: CellPos;
  /** Data row in the sheet's table of each parsed row. */
  tableRows: number[];
  /** Position of each schema column in the sheet's table. */
  columns: Record<string, number>;
  headers: string[];
}

/** One month: its report and the input rows it came from (positions among the parsed rows of each collection). */
export interface PeriodReport {
  /** ÅÅÅÅMM */
  period: number;
  report: MonthlyReport;
  rapportRow: number;
  figureRows: Partial<Record<FigureKey, number>>;
  lineRows: number[];
  totalRows: number[];
  adjustmentRows: number[];
  agencyRows: number[];
  sickLeaveRow?: number;
  keyFigureRows: number[];
}

export interface ReportBook {
  /** In period order. */
  periods: PeriodReport[];
  /** Each table's rows as read (input columns only), for planning them back. */
  inputs: Record<Collection, Record<string, TypedValue>[]>;
  locators: Record<Collection, Locator>;
}

/** "2020-09" */
export function periodText(period: number): string {
  return `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}`;
}

/** "september 2020" */
export function periodLabel(period: number): string {
  return `${monthName(period % 100)} ${Math.floor(period / 100)}`;
}

/** The place of a parsed row's cell, from a locator. */
export function locate(loc: Locator, position: number, key?: string): Place {
  const row = loc.tableRows[position];
  const col = key !== undefined ? loc.columns[key] : undefined;
  return {
    sheet: loc.sheet,
    table: loc.table,
    row: row + 1,
    column: col !== undefined ? loc.headers[col] : undefined,
    cell: cellAddress({ row: loc.origin.row + 1 + row, col: loc.origin.col + (col ?? 0) }),
  };
}

function locatorOf(table: ParsedTable): Locator {
  return {
    sheet: table.raw.sheet,
    table: table.raw.name,
    origin: tableOrigin(table.raw),
    tableRows: table.rows.map((r) => r.tableRow),
    columns: Object.fromEntries(table.columnPositions),
    headers: table.raw.headers,
  };
}

type Kind = "amount" | "share" | "count";

function describe(kind: Kind, value: Decimal): string {
  return kind === "amount" ? formatExactAmount(value) : kind === "share" ? formatShare(value) : formatCount(value);
}

class Builder {
  readonly problems: LocatedProblem[] = [];
  constructor(readonly tables: ReadonlyMap<string, ParsedTable>) {}

  table(c: Collection): ParsedTable {
    return this.tables.get(COLLECTIONS[c].name)!;
  }

  fail(c: Collection, row: ParsedRow, key: string | undefined, code: string, message: string): undefined {
    this.problems.push({ severity: "fel", code, message, place: placeOf(this.table(c), row.tableRow, key) });
    return undefined;
  }

  /** The period of a row: ÅÅÅÅMM with a month 1–12. */
  period(c: Collection, row: ParsedRow, key = "period"): number | undefined {
    const v = row.number(key);
    if (v === undefined) return undefined;
    const year = Math.floor(v / 100);
    const month = v % 100;
    if (year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12) return v;
    const looksLikeDate = v >= 1 && v < 100_000;
    return this.fail(
      c,
      row,
      key,
      "report.sheet.periodInvalid",
      looksLikeDate
        ? `Perioden ${v} ser ut som ett datum; skriv perioden som talet ÅÅÅÅMM, t.ex. 202009, i en cell utan datumformat.`
        : `Perioden ${v} är ingen månad; skriv den som ÅÅÅÅMM (år ${MIN_YEAR}–${MAX_YEAR}, månad 01–12), t.ex. 202009.`,
    );
  }

  /** A figure as stated: the cell's value, and the step from the row's Avrundning (blank: exact). */
  stated(c: Collection, row: ParsedRow, key: string, kind: Kind, stepKey: string | undefined = "avrundning"): Stated | undefined {
    const value = row.decimal(key);
    if (value === undefined) return undefined;
    const step = (stepKey !== undefined ? row.decimal(stepKey) : undefined) ?? new Decimal(0);
    if (step.isNeg()) {
      return this.fail(c, row, stepKey, "report.sheet.stepNegative", `Avrundningen ${describe(kind, step)} är negativ; ange en enhet i sista angivna siffran, t.ex. ${kind === "share" ? "0,01 %" : kind === "amount" ? "0,1 Mkr" : "1"}, eller lämna tomt för exakt.`);
    }
    if (step.gt(0) && !value.mod(step).isZero()) {
      return this.fail(
        c,
        row,
        key,
        "report.sheet.finerThanStep",
        `${describe(kind, value)} har fler siffror än avrundningen ${describe(kind, step)} tillåter; ange den avrundning som rapporten använder, eller rätta talet.`,
      );
    }
    const s: Stated = { value, step };
    const src = row.text("source");
    if (src) s.source = src;
    return s;
  }
}

const inputKeys = (spec: TableSpec) => spec.columns.filter((c) => c.role === "input").map((c) => c.key);

/** Reads the tables into one report per period; problems are located at their cells. */
export function buildReports(tables: ReadonlyMap<string, ParsedTable>): Built<ReportBook> {
  const b = new Builder(tables);
  const names = Object.keys(COLLECTIONS) as Collection[];
  const inputs = Object.fromEntries(
    names.map((c) => [c, b.table(c).rows.map((r) => Object.fromEntries(inputKeys(COLLECTIONS[c]).map((k) => [k, r.get(k)])))]),
  ) as ReportBook["inputs"];
  const locators = Object.fromEntries(names.map((c) => [c, locatorOf(b.table(c))])) as ReportBook["locators"];
  const rows = Object.fromEntries(names.map((c) => [c, { table: COLLECTIONS[c].name, tableRows: locators[c].tableRows }]));

  // The months: one row each in Rapporter.
  const periods = new Map<number, PeriodReport>();
  b.table("rapporter").rows.forEach((row, pos) => {
    const p = b.period("rapporter", row);
    if (p === undefined) return;
    const first = periods.get(p);
    if (first) {
      b.fail("rapporter", row, "period", "report.sheet.periodDuplicate", `Perioden ${p} finns redan på rad ${locators.rapporter.tableRows[first.rapportRow] + 1} i tabellen ${RAPPORTER.name}; varje månad har en rad.`);
      return;
    }
    const year = Math.floor(p / 100);
    const report: MonthlyReport = {
      organisation: row.text("organisation") ?? "",
      period: { year, month: p % 100 },
      rader: [],
      summor: [],
      justeringar: [],
      stafett: [],
      nyckeltal: [],
    };
    const src = row.text("source");
    if (src) report.source = src;
    const scope = row.text("prognosAvgransning");
    if (scope) report.prognosAvgransning = scope;
    periods.set(p, { period: p, report, rapportRow: pos, figureRows: {}, lineRows: [], totalRows: [], adjustmentRows: [], agencyRows: [], keyFigureRows: [], });
  });

  /** The month a row belongs to, which must have its row in Rapporter. */
  const monthOf = (c: Collection, row: ParsedRow): PeriodReport | undefined => {
    const p = b.period(c, row);
    if (p === undefined) return undefined;
    const month = periods.get(p);
    if (!month) {
      return b.fail(c, row, "period", "report.sheet.periodUnknown", `Perioden ${p} har ingen rad i tabellen ${RAPPORTER.name}; lägg till månaden där (period och organisation) eller rätta perioden.`);
    }
    return month;
  };

  // Headline figures, each as stated with its own rounding.
  b.table("uppgifter").rows.forEach((row, pos) => {
    const month = monthOf("uppgifter", row);
    const key = row.text("uppgift") as FigureKey;
    if (!month) return;
    const first = month.figureRows[key];
    if (first !== undefined) {
      b.fail("uppgifter", row, "uppgift", "report.sheet.figureDuplicate", `${FIGURE_LABEL[key]} för ${month.period} finns redan på rad ${locators.uppgifter.tableRows[first] + 1}; ange varje uppgift en gång per månad.`);
      return;
    }
    month.figureRows[key] = pos;
  });
  const figure = (month: PeriodReport, key: FigureKey): Stated | undefined => {
    const pos = month.figureRows[key];
    return pos === undefined ? undefined : b.stated("uppgifter", b.table("uppgifter").rows[pos], "angivet", "amount");
  };

  for (const month of periods.values()) {
    const r = month.report;
    const row = b.table("rapporter").rows[month.rapportRow];
    const assign = <K extends keyof MonthlyReport>(k: K, v: MonthlyReport[K] | undefined) => {
      if (v !== undefined) r[k] = v;
    };
    assign("avvikelse", figure(month, "avvikelseAck"));
    assign("forandringAvvikelse", figure(month, "forandringAvvikelse"));
    assign("prognos", figure(month, "prognosHelar"));
    assign("forandringPrognos", figure(month, "forandringPrognos"));
    assign("netto", figure(month, "avvikelseNetto"));

    // The previous report: which month and which kind, both or neither.
    const prevPeriod = row.get("foregaendePeriod") === undefined ? undefined : b.period("rapporter", row, "foregaendePeriod");
    const prevKind = row.text("foregaendeTyp") as PreviousReportKind | undefined;
    const prevFigures = (["foregaendeAvvikelse", "foregaendePrognos"] as const).filter((k) => month.figureRows[k] !== undefined);
    if (row.get("foregaendePeriod") !== undefined && prevKind === undefined) {
      b.fail("rapporter", row, "foregaendeTyp", "report.sheet.previousKindMissing", `Föregående rapport ${row.number("foregaendePeriod")} saknar typ; välj Månadsrapport, Tertialrapport eller Delårsrapport.`);
    } else if (prevKind !== undefined && row.get("foregaendePeriod") === undefined) {
      b.fail("rapporter", row, "foregaendePeriod", "report.sheet.previousPeriodMissing", `Föregående rapporttyp är angiven men inte vilken månad; skriv perioden som ÅÅÅÅMM, t.ex. 202008.`);
    } else if (prevPeriod !== undefined && prevKind !== undefined) {
      r.foregaende = { period: { year: Math.floor(prevPeriod / 100), month: prevPeriod % 100 }, typ: prevKind };
      const a = figure(month, "foregaendeAvvikelse");
      const p = figure(month, "foregaendePrognos");
      if (a) r.foregaende.avvikelse = a;
      if (p) r.foregaende.prognos = p;
    } else if (row.get("foregaendePeriod") === undefined) {
      for (const k of prevFigures) {
        const at = b.table("uppgifter").rows[month.figureRows[k]!];
        b.fail("uppgifter", at, "uppgift", "report.sheet.previousMissing", `${FIGURE_LABEL[k]} är angiven för ${month.period}, men inte vilken rapport den kommer från; fyll i Föregående rapport och rapporttyp i tabellen ${RAPPORTER.name}.`);
      }
    }

    // Measures.
    const utfall = figure(month, "atgarderUtfall");
    const forvantat = figure(month, "atgarderForvantat");
    if (month.figureRows.atgarderUtfall !== undefined || month.figureRows.atgarderForvantat !== undefined) {
      r.atgarder = { utfall: utfall as Stated, forvantat: forvantat as Stated };
    }
  }

  // Lines per area and cost type.
  b.table("rader").rows.forEach((row, pos) => {
    const month = monthOf("rader", row);
    if (!month) return;
    const line: ReportLine = {
      omrade: row.text("omrade") ?? "",
      kostnadsslag: row.text("kostnadsslag") ?? "",
      slag: row.text("slag") as LineKind,
      budget: b.stated("rader", row, "budget", "amount") as Stated,
      utfall: b.stated("rader", row, "utfall", "amount") as Stated,
    };
    const avvikelse = b.stated("rader", row, "avvikelse", "amount");
    const prognos = b.stated("rader", row, "prognos", "amount");
    if (avvikelse) line.avvikelse = avvikelse;
    if (prognos) line.prognos = prognos;
    month.report.rader.push(line);
    month.lineRows.push(pos);
  });

  b.table("summor").rows.forEach((row, pos) => {
    const month = monthOf("summor", row);
    if (!month) return;
    const total: StatedTotal = {
      dimension: row.text("dimension") as TotalDimension,
      namn: row.text("namn") ?? "",
      avvikelse: b.stated("summor", row, "avvikelse", "amount") as Stated,
    };
    month.report.summor.push(total);
    month.totalRows.push(pos);
  });

  b.table("justeringar").rows.forEach((row, pos) => {
    const month = monthOf("justeringar", row);
    if (!month) return;
    const a: Adjustment = {
      typ: row.text("typ") as AdjustmentKind,
      belopp: b.stated("justeringar", row, "belopp", "amount") as Stated,
      tecken: SIGN_OF_CHOICE[row.text("tecken") ?? ""],
    };
    const label = row.text("benamning");
    if (label) a.benamning = label;
    month.report.justeringar.push(a);
    month.adjustmentRows.push(pos);
  });

  b.table("stafett").rows.forEach((row, pos) => {
    const month = monthOf("stafett", row);
    if (!month) return;
    const s: AgencyShare = { yrke: row.text("yrke") ?? "", andel: b.stated("stafett", row, "andel", "share") as Stated };
    // The two amounts come from the ledger: exact.
    const agency = b.stated("stafett", row, "stafettkostnad", "amount", undefined);
    const own = b.stated("stafett", row, "kostnadEgenPersonal", "amount", undefined);
    if (agency) s.stafettkostnad = agency;
    if (own) s.kostnadEgenPersonal = own;
    month.report.stafett.push(s);
    month.agencyRows.push(pos);
  });

  b.table("sjukfranvaro").rows.forEach((row, pos) => {
    const month = monthOf("sjukfranvaro", row);
    if (!month) return;
    if (month.sickLeaveRow !== undefined) {
      b.fail("sjukfranvaro", row, "period", "report.sheet.sickLeaveDuplicate", `Sjukfrånvaron för ${month.period} finns redan på rad ${locators.sjukfranvaro.tableRows[month.sickLeaveRow] + 1}; ange den en gång per månad.`);
      return;
    }
    month.sickLeaveRow = pos;
    const sl: NonNullable<MonthlyReport["sjukfranvaro"]> = { andel: b.stated("sjukfranvaro", row, "andel", "share") as Stated };
    const change = b.stated("sjukfranvaro", row, "forandring", "share");
    const compared = b.stated("sjukfranvaro", row, "andelJamforelse", "share");
    const hours = b.stated("sjukfranvaro", row, "sjuktimmarForandring", "count", undefined);
    const year = row.number("jamforelseAr");
    if (change) sl.forandring = change;
    if (compared) sl.andelJamforelse = compared;
    if (hours) sl.sjuktimmarForandring = hours;
    if (year !== undefined) sl.jamforelseAr = year;
    month.report.sjukfranvaro = sl;
  });

  b.table("nyckeltal").rows.forEach((row, pos) => {
    const month = monthOf("nyckeltal", row);
    if (!month) return;
    const enhet = row.text("enhet") ?? "";
    const kind: Kind = enhet === "kr" ? "amount" : "count";
    const k: KeyFigure = {
      grupp: row.text("grupp") as KeyFigureGroup,
      benamning: row.text("benamning") ?? "",
      enhet,
      forandring: b.stated("nyckeltal", row, "forandring", kind) as Stated,
    };
    const varde = b.stated("nyckeltal", row, "varde", kind);
    const jamforelse = b.stated("nyckeltal", row, "jamforelse", kind);
    if (varde) k.varde = varde;
    if (jamforelse) k.jamforelse = jamforelse;
    if (row.text("ungefar") === "ja") k.ungefar = true;
    const versus = row.text("jamfortMed");
    if (versus) k.jamfortMed = versus;
    month.report.nyckeltal.push(k);
    month.keyFigureRows.push(pos);
  });

  return {
    model: { periods: [...periods.values()].sort((x, y) => x.period - y.period), inputs, locators },
    rows,
    problems: b.problems,
  };
}
