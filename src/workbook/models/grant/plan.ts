/**
 * The plan of stimulansmedel: the input tables with their computed columns
 * (formulas with the exact engine's results, and the values a rule decides),
 * and one report sheet per grant, `Återredovisning <kortnamn>`, which
 * Ramkoll owns: the grant's facts, the figures per purpose (with a chart of
 * granted against outcome) and per activity, the totals and what the
 * leftover rule makes of the forecast leftover, the deadlines, the proposal
 * for the leftovers, the checks, and the draft text.
 */
import { Decimal, ZERO, formatKr, sum } from "../../../domain/money";
import { isIsoDate } from "../../../domain/period";
import {
  ACTIVITY_STATUS_LABEL,
  DEADLINE_KIND_LABEL,
  Deadline,
  UseFigures,
  outcomeYearOf,
} from "../../../domain/grant";
import { daysBetween, formatDateSv, upperFirst } from "../../../domain/grant/text";
import { cellAddress, rangeAddress } from "../../address";
import { formulaCell, planTable } from "../../build";
import { BlockPlan, ChartPlan, PlanCell, SheetPlan, WorkbookPlan } from "../../plan";
import { choiceLabel, column } from "../../schema";
import { CellValue, TypedValue } from "../../table";
import { COLLECTIONS, Collection, GrantBook, GrantEntry, throughLabel } from "./build";
import { GrantBookResult, GrantRun } from "./compute";
import {
  ACTIVITY_SHEET,
  AKTIVITETER,
  ALL_TABLES,
  GRANT_SHEET,
  MONTHS,
  NUMBER_FORMAT,
  OUTCOME_SHEET,
  RULE_CHOICES,
  STATSBIDRAG,
  STATUS_CHOICES,
  TABLE_TITLES,
  TIDPUNKTER,
} from "./schema";

type Row = Record<string, TypedValue | CellValue | Decimal>;

const statusLabel = (status: string) => STATUS_CHOICES.find((c) => c.value === status)?.label ?? status;
const ruleLabel = (rule: string) => RULE_CHOICES.find((c) => c.value === rule)?.label ?? rule;

/** Where a deadline stands at the report date. */
export function deadlineStatus(d: Deadline, reportDate: string): string {
  if (d.done) return `Klart ${d.done}`;
  if (!isIsoDate(d.due) || !isIsoDate(reportDate)) return "";
  const days = daysBetween(reportDate, d.due);
  if (days < 0) return `Passerad för ${-days} ${days === -1 ? "dag" : "dagar"} sedan`;
  if (days === 0) return "I dag";
  return `Om ${days} ${days === 1 ? "dag" : "dagar"}`;
}

/** How an activity or a purpose stands: in words, from its figures. */
export function useStatus(f: UseFigures): string {
  if (f.granted.isZero() && f.ack.isZero()) return "Inget beviljat";
  if (f.ack.gt(f.granted)) return `Överskridet med ${formatKr(f.ack.minus(f.granted))}`;
  if (f.overrun.gt(0)) return `Prognosen ${formatKr(f.overrun)} över beviljat`;
  if (f.leftoverAtSpendBy.gt(0)) return `${formatKr(f.leftoverAtSpendBy)} blir över enligt prognosen`;
  return "Används enligt plan";
}

// ---------- The input tables ----------

/** The entry and position within it of each parsed row of a collection. */
function positions(book: GrantBook, rowsOf: (e: GrantEntry) => number[]): Map<number, { entry: number; k: number }> {
  const out = new Map<number, { entry: number; k: number }>();
  book.grants.forEach((e, i) => rowsOf(e).forEach((pos, k) => out.set(pos, { entry: i, k })));
  return out;
}

function inputTables(book: GrantBook, result: GrantBookResult): Record<Collection, Row[]> {
  const runOf = (i: number) => result.runs[i] as GrantRun;
  const statsbidrag = book.inputs.statsbidrag.map((row, pos): Row => {
    const i = book.grantOf.statsbidrag[pos]!;
    const entry = book.grants[i];
    const g = entry.model.grant;
    const f = runOf(i).followup;
    const t = f.totals;
    return {
      ...row,
      statedValue: g.statedAmount?.value,
      statedStep: g.statedAmount?.step,
      statedDiff: g.statedAmount ? g.amount.minus(g.statedAmount.value) : "",
      purposeSum: sum(g.purposes.map((p) => p.fixedAmount ?? ZERO)),
      granted: t.granted,
      notGranted: g.amount.minus(t.granted),
      ack: t.ack,
      left: g.amount.minus(t.ack),
      shareUsed: t.shareUsed ?? "",
      forecast: t.forecastAtSpendBy,
      leftover: t.leftoverOfGrant,
      followedThrough: throughLabel(f.throughMonth, f.outcomeYear),
      reportSheet: entry.settings.sheetName,
    };
  });
  const purposeAt = positions(book, (e) => e.purposeRows);
  const syften = book.inputs.syften.map((row, pos): Row => {
    const { entry, k } = purposeAt.get(pos)!;
    const run = runOf(entry);
    const p = run.followup.purposes[k];
    return { ...row, granted: p.granted, ack: p.ack, left: p.remaining, shareUsed: p.shareUsed ?? "", explanation: run.purposeLines?.[k].explanation ?? "" };
  });
  const deadlineAt = positions(book, (e) => e.deadlineRows);
  const tidpunkter = book.inputs.tidpunkter.map((row, pos): Row => {
    const { entry, k } = deadlineAt.get(pos)!;
    const e = book.grants[entry];
    return { ...row, status: deadlineStatus(e.model.grant.deadlines[k], e.settings.reportDate) };
  });
  const activityAt = positions(book, (e) => e.activityRows);
  const aktiviteter = book.inputs.aktiviteter.map((row, pos): Row => {
    const { entry, k } = activityAt.get(pos)!;
    const run = runOf(entry);
    const f = run.followup.activities[k];
    return {
      ...row,
      granted: f.granted,
      ruleStatus: statusLabel(run.allocated.activities[k].status),
      explanation: run.activityLines[k].explanation,
      ack: f.ack,
      left: f.remaining,
      shareUsed: f.shareUsed ?? "",
      forecastAtSpendBy: f.forecastAtSpendBy,
    };
  });
  const utfall = book.inputs.utfall.map((row): Row => ({ ...row, total: sum(MONTHS.map((m) => (row[m.key] instanceof Decimal ? (row[m.key] as Decimal) : ZERO))) }));
  return { statsbidrag, syften, tidpunkter, aktiviteter, utfall };
}

function inputSheets(book: GrantBook, result: GrantBookResult): SheetPlan[] {
  const records = inputTables(book, result);
  const sheets = [GRANT_SHEET, ACTIVITY_SHEET, OUTCOME_SHEET];
  return sheets.map((name): SheetPlan => {
    const specs = ALL_TABLES.filter((t) => t.sheet === name);
    const blocks: BlockPlan[] = [];
    for (const t of specs) {
      const { title, hint } = TABLE_TITLES[t.name];
      const col = t.anchor.replace(/\d+$/, "");
      blocks.push({ anchor: `${col}1`, rows: [[{ value: title }]], bold: true, fontSize: 14 });
      blocks.push({ anchor: `${col}2`, rows: [[{ value: hint }]] });
    }
    const tables = specs.map((t) => {
      const c = (Object.keys(COLLECTIONS) as Collection[]).find((k) => COLLECTIONS[k].name === t.name)!;
      return planTable(t, records[c]);
    });
    return { name, role: "input", tables, blocks, charts: [] };
  });
}

// ---------- The report sheet ----------

type Cell = PlanCell & { format?: string };

const text = (value: string): Cell => ({ value });
const kr = (value: Decimal | undefined): Cell => (value === undefined ? { value: "" } : { value: value.toNumber(), format: NUMBER_FORMAT.kr });
const blank: Cell = { value: "" };
const a1 = (row: number, col: number) => cellAddress({ row, col });

/** Column widths of the report sheet in points: names in A, figures after. */
const WIDTHS = [330, 105, 105, 105, 90, 105, 105, 115, 190, 190, 320, 420];

class ReportSheet {
  readonly blocks: BlockPlan[] = [];
  readonly charts: ChartPlan[] = [];
  row = 0;

  /** Cells at a row from column A, with their formats; moves on below them. */
  put(cells: Cell[][], opts: Omit<BlockPlan, "anchor" | "rows" | "numberFormats"> = {}, col = 0): number {
    const at = this.row;
    if (!cells.length) return at;
    const rows = cells.map((r) => r.map(({ value, formula }) => (formula ? { value, formula } : { value })));
    const formats = cells.map((r) => r.map((c) => c.format));
    const block: BlockPlan = { anchor: a1(at, col), rows, ...opts };
    if (formats.some((r) => r.some((f) => f !== undefined))) block.numberFormats = formats;
    this.blocks.push(block);
    this.row += cells.length;
    return at;
  }

  heading(title: string, size?: number): void {
    this.put([[text(title)]], size ? { bold: true, fontSize: size } : { bold: true });
  }

  /** A bold header row; with widths, one block per cell (a block sets the width of its first column). */
  header(titles: string[], widths?: readonly number[]): number {
    const at = this.row;
    if (!widths) return this.put([titles.map(text)], { bold: true });
    titles.forEach((t, j) => this.blocks.push({ anchor: a1(at, j), rows: [[{ value: t }]], bold: true, width: widths[j] }));
    this.row++;
    return at;
  }

  gap(): void {
    this.row++;
  }
}

const kvar = (row: number, granted: number, ack: number, value: Decimal): Cell => ({ ...formulaCell(`=${a1(row, granted)}-${a1(row, ack)}`, value), format: NUMBER_FORMAT.kr });
const shareOf = (row: number, granted: number, ack: number, value: Decimal | undefined): Cell => ({
  ...formulaCell(`=IF(${a1(row, granted)}>0,${a1(row, ack)}/${a1(row, granted)},"")`, value ?? ""),
  format: NUMBER_FORMAT.share,
});

function facts(sheet: ReportSheet, entry: GrantEntry, run: GrantRun): void {
  const g = entry.model.grant;
  const f = run.followup;
  const d = g.decision;
  const rows: Cell[][] = [
    [text("Belopp"), kr(g.amount)],
    [text("Enligt underlaget"), text(g.statedAmount ? g.statedAmount.text : "")],
    [text("Mottagare"), text(g.recipient)],
    [text("Överenskommelse"), text(g.agreement)],
    [text("Beslut"), text(d ? `${d.organ} ${d.dateText ?? d.date}${d.paragraph ? ` ${d.paragraph}` : ""}` : "")],
    [text("Fördelningsregel"), text(ruleLabel(entry.settings.rule))],
    [text("Typ"), text(g.kind === "riktat" ? "Riktat statsbidrag" : "Generellt statsbidrag")],
    [text("Överblivna medel"), text(choiceLabel(column(STATSBIDRAG, "leftoverRule"), g.leftoverRule))],
    [text("Sista användningsdag"), text(g.spendBy)],
    [text("Rapportdatum"), text(entry.settings.reportDate)],
    [text("Utfall räknat"), text(throughLabel(f.throughMonth, outcomeYearOf(g)))],
    [text("Källa"), text([g.source.document, g.source.date].filter(Boolean).join(", "))],
  ];
  sheet.heading("Statsbidraget");
  sheet.put(rows);
}

function purposes(sheet: ReportSheet, run: GrantRun): { header: number; last: number } {
  const list = run.followup.purposes;
  sheet.heading("Per syfte");
  const header = sheet.header(["Syfte", "Beviljat", "Utfall ack", "Kvar", "Andel använd", "Prognos", "Blir över", "Fast belopp", "Läge"]);
  const first = sheet.row;
  const rows = list.map((p, k): Cell[] => {
    const r = first + k;
    return [
      text(upperFirst(p.name)),
      kr(p.granted),
      kr(p.ack),
      kvar(r, 1, 2, p.remaining),
      shareOf(r, 1, 2, p.shareUsed),
      kr(p.forecastAtSpendBy),
      kr(p.leftoverAtSpendBy),
      kr(p.fixedAmount),
      text(useStatus(p)),
    ];
  });
  sheet.put(rows);
  const last = sheet.row - 1;
  if (list.length) {
    const r = sheet.row;
    const col = (j: number, values: Decimal[]): Cell => ({ ...formulaCell(`=SUM(${a1(first, j)}:${a1(last, j)})`, sum(values)), format: NUMBER_FORMAT.kr });
    const granted = sum(list.map((p) => p.granted));
    const ack = sum(list.map((p) => p.ack));
    const fixed = list.filter((p) => p.fixedAmount !== undefined);
    sheet.put(
      [
        [
          text("Summa"),
          col(1, list.map((p) => p.granted)),
          col(2, list.map((p) => p.ack)),
          kvar(r, 1, 2, granted.minus(ack)),
          shareOf(r, 1, 2, granted.gt(0) ? ack.div(granted) : undefined),
          col(5, list.map((p) => p.forecastAtSpendBy)),
          col(6, list.map((p) => p.leftoverAtSpendBy)),
          fixed.length ? col(7, fixed.map((p) => p.fixedAmount!)) : blank,
        ],
      ],
      { bold: true },
    );
  }
  return { header, last };
}

function activities(sheet: ReportSheet, run: GrantRun): void {
  sheet.heading("Per aktivitet");
  sheet.header(
    ["Aktivitet", "Beviljat", "Utfall ack", "Kvar", "Andel använd", "Prognos", "Blir över", "Status", "Id och syfte", "Läge", "Prognosens grund", "Fördelning enligt regeln"],
    WIDTHS,
  );
  const first = sheet.row;
  const rows = run.followup.activities.map((f, k): Cell[] => {
    const a = run.allocated.activities[k];
    const r = first + k;
    return [
      text(a.name),
      kr(f.granted),
      kr(f.ack),
      kvar(r, 1, 2, f.remaining),
      shareOf(r, 1, 2, f.shareUsed),
      kr(f.forecastAtSpendBy),
      kr(f.leftoverAtSpendBy),
      text(upperFirst(ACTIVITY_STATUS_LABEL[a.status])),
      text(`${a.id}, ${a.purposeId}`),
      text(a.status === "beviljad" || f.ack.gt(0) ? useStatus(f) : ""),
      text(f.forecastExplanation),
      text(run.activityLines[k].explanation),
    ];
  });
  if (!rows.length) sheet.put([[text("Statsbidraget har inga aktiviteter ännu.")]]);
  sheet.put(rows);
}

function totals(sheet: ReportSheet, entry: GrantEntry, run: GrantRun): void {
  const g = entry.model.grant;
  const t = run.followup.totals;
  const lo = run.followup.leftover;
  sheet.heading("Totalt och överblivna medel");
  const top = sheet.row;
  const rows: Cell[][] = [
    [text("Statsbidraget"), kr(g.amount)],
    [text("Beviljat till aktiviteter"), kr(t.granted)],
    [text("Ej fördelat"), { ...formulaCell(`=${a1(top, 1)}-${a1(top + 1, 1)}`, t.notGranted), format: NUMBER_FORMAT.kr }],
    [text("Utfall ack"), kr(t.ack)],
    [text("Kvar av statsbidraget"), { ...formulaCell(`=${a1(top, 1)}-${a1(top + 3, 1)}`, g.amount.minus(t.ack)), format: NUMBER_FORMAT.kr }],
    [text("Bokat på projektnummer utan aktivitet"), kr(t.unattributed)],
    [text(`Prognos till och med ${g.spendBy}`), kr(t.forecastAtSpendBy)],
    [text("Blir över enligt prognosen"), kr(t.leftoverOfGrant)],
    [text("Återbetalas"), kr(lo.repayment)],
    [text("Behålls med plan"), kr(lo.keptWithPlan)],
    [text("Förs över"), kr(lo.carryOver)],
    [text(`Intäkt vid årsskiftet ${lo.yearEnd.year}`), kr(lo.yearEnd.income)],
    [text(`Skuld vid årsskiftet ${lo.yearEnd.year}`), kr(lo.yearEnd.liability)],
  ];
  sheet.put(rows);
  sheet.put([[text(lo.explanation)]], { wrap: true });
}

function deadlines(sheet: ReportSheet, entry: GrantEntry): void {
  const g = entry.model.grant;
  sheet.heading("Tidpunkter");
  if (!g.deadlines.length) {
    sheet.put([[text(`Inga tidpunkter är angivna; lägg in återredovisningen i tabellen ${TIDPUNKTER.name}.`)]]);
    return;
  }
  sheet.header(["Tidpunkt", "Till", "Senast", "Klart", "Läge vid rapportdatum"]);
  const sorted = g.deadlines.slice().sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  sheet.put(
    sorted.map((d) => [
      text(upperFirst(DEADLINE_KIND_LABEL[d.kind])),
      text(d.to),
      text(d.dueText ?? (d.precision === "manad" ? `i ${formatDateSv(d.due, "manad")}` : d.due)),
      text(d.done ?? ""),
      text(deadlineStatus(d, entry.settings.reportDate)),
    ]),
  );
}

function proposal(sheet: ReportSheet, run: GrantRun): void {
  const p = run.proposal;
  const acts = run.allocated.activities;
  sheet.heading("Förslag till omfördelning av överblivna medel");
  sheet.put(
    [
      [
        text(
          `Ett förslag: inget flyttas förrän det beslutas. Godtas det, välj Godkänn förslaget i Ramkoll: beloppen i kolumnen Beviljat efter förslaget förs in som Beslutat belopp (med status Beviljad) i tabellen ${AKTIVITETER.name}, fördelningsregeln blir Fast per aktivitet och modellen räknas om.`,
        ),
      ],
    ],
    { wrap: true },
  );
  sheet.put([
    [text("Överblivet enligt prognosen och ej fördelat"), kr(p.available)],
    [text("Föreslaget att flytta"), kr(p.proposed)],
    [text("Kvar efter förslaget"), kr(p.remaining)],
  ]);
  if (!p.moves.length) {
    sheet.put([[text(p.available.isZero() ? "Inget blir över enligt prognosen; inget att flytta." : "Ingen aktivitet behöver mer än beviljat, och ingen står på väntelista; inget föreslås.")]]);
    for (const t of p.targets) sheet.put([[text(t.explanation)]]);
    return;
  }
  sheet.gap();
  sheet.header(["Flytta från", "Belopp", "Till", "Förklaring"]);
  sheet.put(p.moves.map((m) => [text(m.from === undefined ? "Ej fördelade medel" : acts[m.from].name), kr(m.amount), text(acts[m.to].name), text(m.explanation)]));
  sheet.gap();
  sheet.header(["Aktivitet", "Beviljat nu", "Ändring", "Beviljat efter förslaget", "Status efter förslaget"]);
  const changed = acts.map((_, i) => i).filter((i) => p.moves.some((m) => m.from === i || m.to === i));
  const first = sheet.row;
  sheet.put(
    changed.map((i, k) => {
      const before = acts[i].status === "beviljad" ? (acts[i].granted ?? ZERO) : ZERO;
      const after = run.afterMoves[i].granted ?? ZERO;
      return [
        text(acts[i].name),
        kr(before),
        { ...kr(after.minus(before)), format: '+#,##0 "kr";-#,##0 "kr";0 "kr"' },
        { ...formulaCell(`=${a1(first + k, 1)}+${a1(first + k, 2)}`, after), format: NUMBER_FORMAT.kr },
        text(statusLabel(run.afterMoves[i].status)),
      ];
    }),
  );
  sheet.gap();
  sheet.put(p.targets.map((t) => [text(t.explanation)]));
}

function checks(sheet: ReportSheet, run: GrantRun): void {
  const lines = [...run.notes.map((n) => n.message), ...run.warnings.map((w) => `Varning: ${w.message}`)];
  sheet.heading("Avstämning");
  sheet.put((lines.length ? lines : ["Inget att anmärka: beloppen stämmer och inga varningar finns."]).map((l) => [text(l)]), { wrap: true });
}

function reportSheet(entry: GrantEntry, run: GrantRun): SheetPlan {
  const sheet = new ReportSheet();
  const g = entry.model.grant;
  sheet.put([[text(`Återredovisning – ${g.name}`)]], { bold: true, fontSize: 14, width: WIDTHS[0] });
  sheet.put([[text(`Ramkoll skriver bladet ur tabellerna på bladen ${GRANT_SHEET}, ${ACTIVITY_SHEET} och ${OUTCOME_SHEET}. Ändra där och välj Räkna om; det som skrivs här skrivs över.`)]]);
  sheet.gap();
  facts(sheet, entry, run);
  // The chart of the purposes stands to the right of the facts.
  sheet.row = Math.max(sheet.row, 20) + 1;
  const { header, last } = purposes(sheet, run);
  if (last > header) {
    sheet.charts.push({
      name: "Beviljat och utfall per syfte",
      type: "ColumnClustered",
      title: `Beviljat och utfall per syfte, ${g.name}`,
      source: rangeAddress({ row: header, col: 0 }, last - header + 1, 3),
      seriesBy: "Columns",
      from: "D4",
      to: "K20",
    });
  }
  sheet.gap();
  activities(sheet, run);
  sheet.gap();
  totals(sheet, entry, run);
  sheet.gap();
  deadlines(sheet, entry);
  sheet.gap();
  proposal(sheet, run);
  sheet.gap();
  checks(sheet, run);
  sheet.gap();
  sheet.heading("Utkast till återredovisning");
  sheet.put([[text(run.text.rubrik)]], { bold: true });
  sheet.put(run.text.paragraphs.map((p) => [text(p.text)]), { wrap: true });
  return { name: entry.settings.sheetName, role: "report", tables: [], blocks: sheet.blocks, charts: sheet.charts };
}

export function planGrants(book: GrantBook, result: GrantBookResult): WorkbookPlan {
  const reports = book.grants.map((entry, i) => reportSheet(entry, result.runs[i] as GrantRun));
  return { model: "stimulansmedel", sheets: [...inputSheets(book, result), ...reports] };
}
