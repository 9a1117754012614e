/**
 * The plan of the monthly report: the input tables with their computed
 * columns (formulas, with the exact engine's results), and the report sheet
 * `Månadsrapport`, which Ramkoll owns: the months side by side, each with its
 * figures, its avstämning, the bridge from gross to net deviation with a
 * chart, and the draft text; above them the deviation and forecast month by
 * month with a line chart.
 */
import { Decimal, ZERO, sum } from "../../../domain/money";
import { Check, ReportResult, adjustmentName, describeTerms, formatExactAmount, isUsable, lineDeviation, previousReportLabel } from "../../../domain/report";
import { cellAddress, rangeAddress } from "../../address";
import { formulaCell, planTable } from "../../build";
import { BlockPlan, ChartPlan, PlanCell, SheetPlan, TablePlan, WorkbookPlan } from "../../plan";
import { CellValue, TypedValue } from "../../table";
import { BRIDGE_FILLS, BRIDGE_SERIES, BridgeBar, bridgeFormulas, bridgeParts } from "./bridge";
import { COLLECTIONS, Collection, ReportBook, locate, periodLabel, periodText } from "./build";
import { ReportBookResult, checkStatus, mapRef } from "./compute";
import { ALL_TABLES, INPUT_SHEET, NUMBER_FORMAT, REPORT_SHEET, SIGN_OF_CHOICE, TABLE_TITLES } from "./schema";

type Row = Record<string, TypedValue>;
type Value = CellValue | Decimal;

const dec = (v: TypedValue): Decimal | undefined => (v instanceof Decimal ? v : undefined);
const same = (a: TypedValue, b: TypedValue) => a !== undefined && a === b;
/** SUMIFS compares text without regard to case. */
const sameText = (a: TypedValue, b: TypedValue) =>
  typeof a === "string" && typeof b === "string" && a.toLocaleUpperCase("sv-SE") === b.toLocaleUpperCase("sv-SE");

// ---------- The computed columns, as their formulas compute them ----------

/** Rapportrader: budget − utfall for a cost, utfall − budget otherwise. */
export function lineDeviationOf(row: Row): Decimal | undefined {
  const budget = dec(row.budget);
  const utfall = dec(row.utfall);
  if (!budget || !utfall) return undefined;
  return lineDeviation({ slag: row.slag === "kostnad" ? "kostnad" : "intakt", budget: { value: budget, step: ZERO }, utfall: { value: utfall, step: ZERO } });
}

function adjustmentContribution(row: Row): Decimal | undefined {
  const belopp = dec(row.belopp);
  if (!belopp) return undefined;
  return belopp.times(SIGN_OF_CHOICE[String(row.tecken)] ?? 0);
}

function difference(row: Row, a: string, b: string): Decimal | undefined {
  const x = dec(row[a]);
  const y = dec(row[b]);
  return x && y ? x.minus(y) : undefined;
}

/** Every input table's rows with their computed columns, exactly. */
export function computedColumns(book: ReportBook): Record<Collection, Record<string, Value | undefined>[]> {
  const { inputs } = book;
  const lineDeviations = inputs.rader.map(lineDeviationOf);
  const linesOf = (period: TypedValue) => inputs.rader.map((r, i) => ({ r, d: lineDeviations[i] })).filter((x) => same(x.r.period, period));
  const contributions = inputs.justeringar.map(adjustmentContribution);
  const rapporter = inputs.rapporter.map((row) => {
    if (row.period === undefined) return { ...row, avvikelseRader: undefined, nettoBeraknat: undefined };
    const lines = linesOf(row.period);
    const avvikelseRader = lines.length ? sum(lines.flatMap((x) => (x.d ? [x.d] : []))) : undefined;
    const adjustments = inputs.justeringar.map((r, i) => ({ r, c: contributions[i] })).filter((x) => same(x.r.period, row.period));
    const grossRows = inputs.uppgifter.filter((u) => same(u.period, row.period) && u.uppgift === "avvikelseAck");
    const gross = grossRows.length ? sum(grossRows.flatMap((u) => (dec(u.angivet) ? [dec(u.angivet)!] : []))) : avvikelseRader;
    const nettoBeraknat = adjustments.length && gross ? gross.plus(sum(adjustments.flatMap((x) => (x.c ? [x.c] : [])))) : undefined;
    return { ...row, avvikelseRader, nettoBeraknat };
  });
  return {
    rapporter,
    uppgifter: inputs.uppgifter,
    rader: inputs.rader.map((row, i) => ({ ...row, avvikelseBeraknad: lineDeviations[i] })),
    summor: inputs.summor.map((row) => {
      if (row.namn === undefined) return { ...row, enligtRaderna: undefined };
      const key = row.dimension === "kostnadsslag" ? "kostnadsslag" : "omrade";
      const parts = linesOf(row.period).filter((x) => sameText(x.r[key], row.namn));
      return { ...row, enligtRaderna: sum(parts.flatMap((x) => (x.d ? [x.d] : []))) };
    }),
    justeringar: inputs.justeringar.map((row, i) => ({ ...row, bidrag: contributions[i] })),
    stafett: inputs.stafett.map((row) => {
      const a = dec(row.stafettkostnad);
      const o = dec(row.kostnadEgenPersonal);
      return { ...row, andelBeraknad: a && o && !o.isZero() ? a.div(o) : undefined };
    }),
    sjukfranvaro: inputs.sjukfranvaro.map((row) => ({ ...row, forandringBeraknad: difference(row, "andel", "andelJamforelse") })),
    nyckeltal: inputs.nyckeltal.map((row) => ({ ...row, forandringBeraknad: difference(row, "varde", "jamforelse") })),
  };
}

function inputTables(book: ReportBook): TablePlan[] {
  const computed = computedColumns(book);
  return (Object.keys(COLLECTIONS) as Collection[]).map((c) => planTable(COLLECTIONS[c], computed[c]));
}

function inputSheet(book: ReportBook): SheetPlan {
  const blocks: BlockPlan[] = [];
  for (const t of ALL_TABLES) {
    const { title, hint } = TABLE_TITLES[t.name];
    const anchor = t.anchor.replace(/\d+$/, "");
    blocks.push({ anchor: `${anchor}1`, rows: [[{ value: title }]], bold: true, fontSize: 14 });
    if (hint) blocks.push({ anchor: `${anchor}2`, rows: [[{ value: hint }]] });
  }
  return { name: INPUT_SHEET, role: "input", tables: inputTables(book), blocks, charts: [] };
}

// ---------- The report sheet ----------

const COLUMN_WIDTHS = [300, 85, 85, 85, 85, 95, 300, 115];
/** Columns of one month on the report sheet, and the empty one after them. */
const BAND = COLUMN_WIDTHS.length + 1;

type Cell = PlanCell & { format?: string };

const text = (value: string): Cell => ({ value });
const num = (value: Decimal | undefined, format: string): Cell => (value === undefined ? { value: "" } : { value: value.toNumber(), format });
const blank: Cell = { value: "" };

class ReportSheet {
  readonly blocks: BlockPlan[] = [];
  readonly charts: ChartPlan[] = [];

  /** A block of cells with their formats, at a 0-based row and column. */
  put(row: number, col: number, cells: Cell[][], opts: Omit<BlockPlan, "anchor" | "rows" | "numberFormats"> = {}): void {
    if (!cells.length) return;
    const rows = cells.map((r) => r.map(({ value, formula }) => (formula ? { value, formula } : { value })));
    const formats = cells.map((r) => r.map((c) => c.format));
    const block: BlockPlan = { anchor: cellAddress({ row, col }), rows, ...opts };
    if (formats.some((r) => r.some((f) => f !== undefined))) block.numberFormats = formats;
    this.blocks.push(block);
  }

  heading(row: number, col: number, title: string, size?: number): void {
    this.put(row, col, [[text(title)]], size ? { bold: true, fontSize: size } : { bold: true });
  }

  /** A header row: bold, one block per cell when widths are given (a block sets the width of its first column). */
  header(row: number, col: number, titles: string[], widths?: number[]): void {
    if (!widths) {
      this.put(row, col, [titles.map(text)], { bold: true });
      return;
    }
    titles.forEach((t, j) => this.put(row, col + j, [[text(t)]], { bold: true, width: widths[j] }));
  }
}

const a1 = (row: number, col: number) => cellAddress({ row, col });

function checkFormats(c: Check): { value: string; tolerance: string } {
  switch (c.quantity) {
    case "avvikelse":
    case "forandring":
    case "belopp":
      return { value: NUMBER_FORMAT.mkrSigned, tolerance: NUMBER_FORMAT.mkr };
    case "andel":
    case "procentenheter":
      return { value: NUMBER_FORMAT.step, tolerance: NUMBER_FORMAT.step };
    case "antal":
      return { value: NUMBER_FORMAT.countSigned, tolerance: NUMBER_FORMAT.count };
  }
}

interface MonthSeries {
  label: string;
  avvikelse?: Decimal;
  prognos?: Decimal;
  netto?: Decimal;
  note: string;
}

/** Every month in the book, and the previous reports they name that the book lacks, with the figures they imply. */
function monthByMonth(book: ReportBook, result: ReportBookResult): MonthSeries[] {
  const have = new Set(book.periods.map((m) => m.period));
  const rows = new Map<number, MonthSeries>();
  book.periods.forEach((m, i) => {
    const f = result.periods[i].result.figures;
    rows.set(m.period, { label: periodText(m.period), avvikelse: f.avvikelse?.value, prognos: f.prognos?.value, netto: f.netto?.value, note: "" });
    const prev = m.report.foregaende;
    if (!prev) return;
    const p = prev.period.year * 100 + prev.period.month;
    if (have.has(p) || rows.has(p) || (!f.foregaendeAvvikelse && !f.foregaendePrognos)) return;
    const implied = f.foregaendeAvvikelse?.implied || f.foregaendePrognos?.implied;
    rows.set(p, {
      label: periodText(p),
      avvikelse: f.foregaendeAvvikelse?.value,
      prognos: f.foregaendePrognos?.value,
      note: `${previousReportLabel(prev)}, ${implied ? "härledd ur förändringen i" : "enligt"} rapporten för ${periodLabel(m.period)}`,
    });
  });
  return [...rows.entries()].sort((x, y) => x[0] - y[0]).map(([, r]) => r);
}

function band(sheet: ReportSheet, top: number, col: number, book: ReportBook, result: ReportBookResult, i: number): void {
  const month = book.periods[i];
  const report = month.report;
  const res: ReportResult = result.periods[i].result;
  const f = res.figures;
  const label = periodLabel(month.period);
  const S = NUMBER_FORMAT.mkrSigned;
  let r = top;

  sheet.heading(r, col, `Månadsrapport ${label}`, 14);
  r++;
  sheet.put(r, col, [[text([report.organisation, report.source ? `Källa: ${report.source}` : ""].filter(Boolean).join(". "))]]);
  r += 2;

  // The figures.
  const prevLabel = report.foregaende ? previousReportLabel(report.foregaende) : "föregående rapport";
  const note = (d: { implied: boolean } | undefined, how: string) => (d?.implied ? how : "");
  const stated = (s: typeof report.avvikelse) => (isUsable(s) ? s.value : undefined);
  sheet.heading(r++, col, "Siffror");
  sheet.header(r++, col, ["Uppgift", "Enligt rapporten", "Enligt Ramkoll", "Anmärkning"]);
  const figureRows: Cell[][] = [
    [text("Avvikelse ack"), num(stated(report.avvikelse), S), num(f.avvikelse?.value, S), text(report.rader.length ? "summan av raderna" : "")],
    [text(`Förändring mot ${prevLabel}`), num(stated(report.forandringAvvikelse), S), num(f.forandringAvvikelse?.value, S), text(note(f.forandringAvvikelse, "härledd"))],
    [text(`Avvikelse i ${prevLabel}`), num(stated(report.foregaende?.avvikelse), S), num(f.foregaendeAvvikelse?.value, S), text(note(f.foregaendeAvvikelse, "härledd ur förändringen"))],
    [text("Prognos helår"), num(stated(report.prognos), S), num(f.prognos?.value, S), blank],
    [text("Förändring av prognosen"), num(stated(report.forandringPrognos), S), num(f.forandringPrognos?.value, S), text(note(f.forandringPrognos, "härledd"))],
    [text(`Prognos i ${prevLabel}`), num(stated(report.foregaende?.prognos), S), num(f.foregaendePrognos?.value, S), text(note(f.foregaendePrognos, "härledd ur förändringen"))],
    [text("Avvikelse netto"), num(stated(report.netto), S), num(f.netto?.value, S), text(f.netto ? "efter justeringarna med sina tecken" : "")],
  ];
  sheet.put(r, col, figureRows);
  r += figureRows.length + 1;

  // The avstämning: every check, whether it adds up or not.
  sheet.heading(r++, col, "Avstämning");
  sheet.header(r++, col, ["Kontroll", "Angivet", "Beräknat", "Skillnad", "Tolerans", "Status", "Underlag", "Indatacell"], COLUMN_WIDTHS);
  if (!res.checks.length) {
    sheet.put(r++, col, [[text("Rapporten anger inga summor som kan stämmas av mot sina delar.")]]);
  } else {
    const rows = res.checks.map((c, k): Cell[] => {
      const fmt = checkFormats(c);
      const at = mapRef(month, c.ref);
      const place = locate(book.locators[at.collection as Collection], at.index, at.field);
      return [
        text(c.label),
        num(c.stated, fmt.value),
        num(c.recomputed, fmt.value),
        { ...formulaCell(`=${a1(r + k, col + 1)}-${a1(r + k, col + 2)}`, c.difference), format: fmt.value },
        num(c.tolerance, fmt.tolerance),
        text(checkStatus(c)),
        text(describeTerms(c)),
        text(`${place.sheet}!${place.cell}`),
      ];
    });
    sheet.put(r, col, rows);
    r += rows.length;
  }
  r++;

  // From gross to net: the adjustments with their signs, step by step.
  const gross = isUsable(report.avvikelse) ? report.avvikelse.value : f.avvikelse?.value;
  if (f.netto && gross !== undefined && report.justeringar.length) {
    sheet.heading(r++, col, "Från brutto till netto");
    const headerRow = r;
    sheet.header(r++, col, ["Steg", "Förändring", "Efter steget"]);
    const steps: Cell[][] = [[text("Avvikelse ack"), blank, num(gross, S)]];
    const bars: BridgeBar[] = [{ kind: "level", level: gross }];
    let level = gross;
    for (const a of report.justeringar) {
      if (a.tecken === 0) continue;
      const change = a.belopp.value.times(a.tecken);
      bars.push({ kind: "step", from: level, to: level.plus(change) });
      level = level.plus(change);
      const at = r + steps.length;
      steps.push([text(`${a.tecken > 0 ? "+" : "−"} ${adjustmentName(a)}`), num(change, S), { ...formulaCell(`=${a1(at - 1, col + 2)}+${a1(at, col + 1)}`, level), format: S }]);
    }
    if (isUsable(report.netto)) {
      steps.push([text("Netto enligt rapporten"), blank, num(report.netto.value, S)]);
      bars.push({ kind: "level", level: report.netto.value });
    }
    sheet.put(r, col, steps);
    const first = r;
    r += steps.length;
    const notes: Cell[][] = [];
    const left = report.justeringar.filter((a) => a.tecken === 0);
    if (left.length) {
      notes.push([text(`Ingår inte i nettot: ${left.map((a) => `${adjustmentName(a)} ${formatExactAmount(a.belopp.value)}`).join(", ")}.`)]);
    }
    const net = res.problems.find((p) => p.code === "report.reconcile.net");
    if (net) notes.push([text(net.message)]);
    if (notes.length) sheet.put(r, col, notes, { wrap: true });
    // Room for both notes whether they are there or not, so that the bars below keep their cells when a note comes or goes.
    r += 2 + 1;

    // The chart's bars, from the levels above: each as an invisible base and the visible part, split at zero.
    sheet.heading(r++, col, "Bryggans staplar");
    sheet.put(r++, col, [[text("Basen ritas osynlig, så att varje steg svävar från nivån före till nivån efter; Ramkoll skriver kolumnerna ur stegen ovan.")]], { wrap: true });
    const barsHeader = r;
    sheet.header(r++, col, ["Stapel", ...BRIDGE_SERIES]);
    const barRows = bars.map((bar, k): Cell[] => {
      const row = first + k;
      const after = a1(row, col + 2);
      const formulas = bridgeFormulas(bar.kind === "level" ? { kind: "level", level: after } : { kind: "step", from: a1(row - 1, col + 2), to: after });
      const parts = bridgeParts(bar);
      return [
        formulaCell(`=${a1(row, col)}`, steps[k][0].value),
        ...formulas.map((f, j): Cell => (f === undefined ? blank : { ...formulaCell(f, parts[j]!), format: S })),
      ];
    });
    sheet.put(r, col, barRows);
    r += barRows.length;
    sheet.charts.push({
      name: `Brygga ${periodText(month.period)}`,
      type: "ColumnStacked",
      title: `Från brutto till netto, ${label}`,
      source: rangeAddress({ row: barsHeader, col }, barRows.length + 1, BRIDGE_SERIES.length + 1),
      seriesBy: "Columns",
      fills: [...BRIDGE_FILLS],
      legend: false,
      from: a1(headerRow - 1, col + 5),
      to: a1(headerRow + 15, col + 8),
    });
    r = Math.max(r, headerRow + 16) + 1;
  }

  // The draft text, carrying the report's figures.
  const draft = result.periods[i].text;
  if (draft) {
    sheet.heading(r++, col, "Utkast till text");
    sheet.put(r++, col, [[text(draft.rubrik)]], { bold: true });
    sheet.put(r, col, draft.paragraphs.map((p) => [text(p.text)]), { wrap: true });
  }
}

function reportSheet(book: ReportBook, result: ReportBookResult): SheetPlan {
  const sheet = new ReportSheet();
  sheet.heading(0, 0, "Månadsrapporter", 14);
  sheet.put(1, 0, [[text(`Ramkoll skriver bladet ur tabellerna på bladet ${INPUT_SHEET}. Ändra där och välj Räkna om; det som skrivs här skrivs över.`)]]);

  const series = monthByMonth(book, result);
  sheet.heading(3, 0, "Avvikelse och prognos månad för månad");
  sheet.header(4, 0, ["Period", "Avvikelse ack", "Prognos helår", "Netto beräknat", "Anmärkning"]);
  const S = NUMBER_FORMAT.mkrSigned;
  sheet.put(5, 0, series.map((m) => [text(m.label), num(m.avvikelse, S), num(m.prognos, S), num(m.netto, S), text(m.note)]));
  if (series.length) {
    sheet.charts.push({
      name: "Avvikelse och prognos",
      type: "Line",
      title: "Avvikelse ack och prognos helår per månad",
      source: rangeAddress({ row: 4, col: 0 }, series.length + 1, 3),
      seriesBy: "Columns",
      from: "F4",
      to: "M19",
    });
  }
  const top = Math.max(20, 5 + series.length + 1) + 1;
  book.periods.forEach((_, i) => band(sheet, top, i * BAND, book, result, i));
  return { name: REPORT_SHEET, role: "report", tables: [], blocks: sheet.blocks, charts: sheet.charts };
}

export function planReports(book: ReportBook, result: ReportBookResult): WorkbookPlan {
  return { model: "manadsrapport", sheets: [inputSheet(book), reportSheet(book, result)] };
}
