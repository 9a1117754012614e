/**
 * Reads the five tables into one grant model per grant: every row names its
 * grant, and the rows are split by it. What only the sheet can get wrong (a
 * grant that does not exist, a short name that cannot name a sheet, outcome
 * booked after the month the follow-up counts to) is found here and placed at
 * its cell; everything about the money is the domain's.
 */
import { Decimal, Unit, formatKr } from "../../../domain/money";
import { IsoDate, MONTH_NAMES_SV, monthOf, yearOf } from "../../../domain/period";
import {
  Activity,
  ActivityStatus,
  Deadline,
  DeadlineKind,
  Grant,
  GrantKind,
  GrantModel,
  LeftoverRule,
  Outcome,
  Purpose,
  RankOptions,
  keyOf,
  outcomeYearOf,
  parseStatedAmount,
} from "../../../domain/grant";
import { Built } from "../../model";
import { LocatedProblem } from "../../problem";
import { TableSpec, choiceLabel, column } from "../../schema";
import { ParsedRow, ParsedTable, TypedValue, placeOf } from "../../table";
import { AKTIVITETER, KEY_CHOICES, MONTHS, SHORT_NAME_MAX, STATSBIDRAG, SYFTEN, SheetRule, TIDPUNKTER, UTFALL, reportSheetName } from "./schema";

export type Collection = "statsbidrag" | "syften" | "tidpunkter" | "aktiviteter" | "utfall";

export const COLLECTIONS: Record<Collection, TableSpec> = {
  statsbidrag: STATSBIDRAG,
  syften: SYFTEN,
  tidpunkter: TIDPUNKTER,
  aktiviteter: AKTIVITETER,
  utfall: UTFALL,
};

/** What the sheet says of a grant beyond the domain's Grant: its rule with options, and the follow-up's date. */
export interface GrantSettings {
  shortName: string;
  sheetName: string;
  rule: SheetRule;
  rank: RankOptions;
  /** The key's name as the column is headed ("ÅA"), and the unit of the parts. */
  key?: { name: string; unit: Unit };
  reportDate: IsoDate;
  throughMonth?: number;
}

/** One grant with the positions, among each table's parsed rows, of the rows it came from. */
export interface GrantEntry {
  /** Position of the grant's row among Statsbidrag's parsed rows. */
  row: number;
  /** As typed: activities carry their status and Beslutat belopp as `granted`. */
  model: GrantModel;
  settings: GrantSettings;
  purposeRows: number[];
  deadlineRows: number[];
  activityRows: number[];
  /** Per domain outcome: the Utfall row and the month column it came from. */
  outcomeRows: { row: number; month: number }[];
  /** The Utfall rows of this grant, with their project number and total. */
  outcomeTotals: { row: number; projectNumber: string; total: Decimal }[];
}

export interface GrantBook {
  /** In the order of Statsbidrag. */
  grants: GrantEntry[];
  /** Each table's rows as read (input columns only), for planning them back. */
  inputs: Record<Collection, Record<string, TypedValue>[]>;
  /** Per table, the data row in the sheet of each parsed row. */
  tableRows: Record<Collection, number[]>;
  /** Per table, the grant entry of each parsed row (undefined where the grant is unknown). */
  grantOf: Record<Collection, (number | undefined)[]>;
}

/** The label of a month: "september 2020"; "ingen månad ännu" for 0. */
export function monthLabel(month: number, year: number): string {
  return month >= 1 && month <= 12 ? `${MONTH_NAMES_SV[month - 1]} ${year}` : "ingen månad ännu";
}

/** The months the follow-up counts, as a cell shows them: "till och med september 2020" (a bare "september 2020" Excel would take for a date). */
export function throughLabel(month: number, year: number): string {
  return month >= 1 && month <= 12 ? `till och med ${monthLabel(month, year)}` : `inget utfall räknat för ${year} ännu`;
}

/** The last month of outcome the follow-up counts, as `followUp` decides it. */
export function throughMonthOf(grant: Grant, settings: GrantSettings): number {
  const t = settings.throughMonth;
  if (t !== undefined) return Number.isInteger(t) && t >= 0 && t <= 12 ? t : 12;
  const year = outcomeYearOf(grant);
  const y = yearOf(settings.reportDate);
  return y < year ? 0 : y > year ? 12 : monthOf(settings.reportDate);
}

const FORBIDDEN_IN_SHEET_NAME = /[:\\/?*[\]]/;

class Builder {
  readonly problems: LocatedProblem[] = [];
  constructor(readonly tables: ReadonlyMap<string, ParsedTable>) {}

  table(c: Collection): ParsedTable {
    return this.tables.get(COLLECTIONS[c].name)!;
  }

  add(severity: "fel" | "varning", c: Collection, row: ParsedRow, key: string | undefined, code: string, message: string): undefined {
    this.problems.push({ severity, code, message, place: placeOf(this.table(c), row.tableRow, key) });
    return undefined;
  }
}

const inputKeys = (spec: TableSpec) => spec.columns.filter((c) => c.role === "input").map((c) => c.key);

/** Reads the tables into one model per grant; problems are placed at their cells. */
export function buildGrants(tables: ReadonlyMap<string, ParsedTable>): Built<GrantBook> {
  const b = new Builder(tables);
  const names = Object.keys(COLLECTIONS) as Collection[];
  const inputs = Object.fromEntries(
    names.map((c) => [c, b.table(c).rows.map((r) => Object.fromEntries(inputKeys(COLLECTIONS[c]).map((k) => [k, r.get(k)])))]),
  ) as GrantBook["inputs"];
  const tableRows = Object.fromEntries(names.map((c) => [c, b.table(c).rows.map((r) => r.tableRow)])) as GrantBook["tableRows"];
  const grantOf = Object.fromEntries(names.map((c) => [c, b.table(c).rows.map(() => undefined)])) as GrantBook["grantOf"];
  const dataRow = (c: Collection, pos: number) => tableRows[c][pos] + 1;

  // The grants, one row each.
  const grants: GrantEntry[] = [];
  const byId = new Map<string, number>();
  const byShortName = new Map<string, number>();
  b.table("statsbidrag").rows.forEach((row, pos) => {
    const id = row.text("id")!;
    const first = byId.get(keyOf(id));
    if (first !== undefined) {
      b.add("fel", "statsbidrag", row, "id", "grant.sheet.grantDuplicate", `Statsbidraget ${id} finns redan på rad ${dataRow("statsbidrag", grants[first].row)}; varje statsbidrag har en rad och ett eget id.`);
      return;
    }
    const shortName = row.text("shortName")!;
    const sheetName = reportSheetName(shortName);
    if (shortName.length > SHORT_NAME_MAX || FORBIDDEN_IN_SHEET_NAME.test(shortName) || shortName.startsWith("'") || shortName.endsWith("'")) {
      b.add(
        "fel",
        "statsbidrag",
        row,
        "shortName",
        "grant.sheet.shortNameInvalid",
        `Kortnamnet "${shortName}" kan inte ge bladnamnet "${sheetName}": ett bladnamn har högst 31 tecken (kortnamnet högst ${SHORT_NAME_MAX}) och inget av : \\ / ? * [ ]. Ange ett kortare namn, t.ex. PH2019.`,
      );
    } else if (byShortName.has(shortName.toLocaleLowerCase("sv-SE"))) {
      b.add("fel", "statsbidrag", row, "shortName", "grant.sheet.shortNameDuplicate", `Kortnamnet ${shortName} har redan statsbidraget på rad ${dataRow("statsbidrag", byShortName.get(shortName.toLocaleLowerCase("sv-SE"))!)}; varje statsbidrag får ett eget blad och behöver ett eget kortnamn.`);
    }
    byShortName.set(shortName.toLocaleLowerCase("sv-SE"), pos);

    let statedAmount: Grant["statedAmount"];
    const statedText = row.text("stated");
    if (statedText) {
      const parsed = parseStatedAmount(statedText);
      if (parsed.ok) statedAmount = parsed.value;
      else b.add("fel", "statsbidrag", row, "stated", "grant.sheet.statedInvalid", `"${statedText}" går inte att läsa som ett belopp: ${parsed.reason}.`);
    }

    const organ = row.text("decisionOrgan");
    const decisionDate = row.date("decisionDate");
    let decision: Grant["decision"];
    if (organ && decisionDate) {
      decision = { organ, date: decisionDate };
      const dateText = row.text("decisionDateText");
      const paragraph = row.text("decisionParagraph");
      const what = row.text("decisionWhat");
      if (dateText) decision.dateText = dateText;
      if (paragraph) decision.paragraph = paragraph;
      if (what) decision.what = what;
    } else if (organ) {
      b.add("fel", "statsbidrag", row, "decisionDate", "grant.sheet.decisionDateMissing", `Beslutet av ${organ} saknar datum; ange beslutsdatum, eller ta bort beslutande organ.`);
    } else if (decisionDate) {
      b.add("fel", "statsbidrag", row, "decisionOrgan", "grant.sheet.decisionOrganMissing", `Beslutsdatumet ${decisionDate} saknar beslutande organ; ange vem som beslutade, t.ex. Hälso- och sjukvårdsnämnden.`);
    }

    const rule = row.text("rule") as SheetRule;
    const keyValue = row.text("key");
    const unit = (row.text("unit") ?? "kr") as Unit;
    if (rule === "nyckel" && !keyValue) {
      b.add("fel", "statsbidrag", row, "key", "grant.sheet.keyMissing", `Fördelningsregeln Nyckel kräver en fördelningsnyckel; välj ${KEY_CHOICES.map((c) => c.label).join(" eller ")}.`);
    }
    const capPerArea = row.amount("capPerArea");
    if (rule !== "rang" && (capPerArea !== undefined || row.text("partial") !== undefined)) {
      b.add("varning", "statsbidrag", row, capPerArea !== undefined ? "capPerArea" : "partial", "grant.sheet.rankOptionUnused", `Tak per område och delbelopp gäller bara fördelningsregeln Rangordning; med ${choiceLabel(column(STATSBIDRAG, "rule"), rule)} används de inte.`);
    }

    const grant: Grant = {
      id,
      name: row.text("name")!,
      year: row.number("year")!,
      recipient: row.text("recipient")!,
      amount: row.amount("amount")!,
      agreement: row.text("agreement")!,
      source: { document: row.text("source") ?? "" },
      purposes: [],
      spendBy: row.date("spendBy")!,
      leftoverRule: row.text("leftoverRule") as LeftoverRule,
      kind: row.text("kind") as GrantKind,
      deadlines: [],
    };
    const outcomeYear = row.number("outcomeYear");
    if (outcomeYear !== undefined) grant.outcomeYear = outcomeYear;
    if (statedAmount) grant.statedAmount = statedAmount;
    const sourceDate = row.date("sourceDate");
    if (sourceDate) grant.source.date = sourceDate;
    if (decision) grant.decision = decision;

    const rank: RankOptions = {};
    if (capPerArea !== undefined) rank.capPerArea = capPerArea;
    if (row.text("partial") === "ja") rank.partial = true;
    if (row.text("unit")) rank.partialUnit = unit;
    const settings: GrantSettings = { shortName, sheetName, rule, rank, reportDate: row.date("reportDate")!, throughMonth: row.number("throughMonth") };
    if (keyValue) settings.key = { name: choiceLabel(column(STATSBIDRAG, "key"), keyValue), unit };
    byId.set(keyOf(id), grants.length);
    grantOf.statsbidrag[pos] = grants.length;
    grants.push({ row: pos, model: { grant, activities: [], outcomes: [] }, settings, purposeRows: [], deadlineRows: [], activityRows: [], outcomeRows: [], outcomeTotals: [] });
  });

  const known = () => grants.map((g) => g.model.grant.id).join(", ");
  /** The grant a row names, which must have its row in Statsbidrag. */
  const grantFor = (c: Collection, row: ParsedRow, pos: number): GrantEntry | undefined => {
    const id = row.text("grant")!;
    const at = byId.get(keyOf(id));
    if (at === undefined) {
      return b.add(
        "fel",
        c,
        row,
        "grant",
        "grant.sheet.grantUnknown",
        `Statsbidraget "${id}" finns inte i tabellen ${STATSBIDRAG.name}; ange ${grants.length ? `ett av ${known()}` : "ett statsbidrag som finns där"}, eller lägg till statsbidraget.`,
      );
    }
    grantOf[c][pos] = at;
    return grants[at];
  };

  b.table("syften").rows.forEach((row, pos) => {
    const entry = grantFor("syften", row, pos);
    if (!entry) return;
    const p: Purpose = { id: row.text("id")!, name: row.text("name")! };
    const fixed = row.amount("fixed");
    const src = row.text("source");
    if (fixed !== undefined) p.fixedAmount = fixed;
    if (src) p.source = src;
    entry.model.grant.purposes.push(p);
    entry.purposeRows.push(pos);
  });

  b.table("tidpunkter").rows.forEach((row, pos) => {
    const entry = grantFor("tidpunkter", row, pos);
    if (!entry) return;
    const d: Deadline = {
      kind: row.text("kind") as DeadlineKind,
      to: row.text("to")!,
      due: row.date("due")!,
      precision: row.text("precision") === "manad" ? "manad" : "dag",
    };
    const dueText = row.text("dueText");
    const done = row.date("done");
    const src = row.text("source");
    if (dueText) d.dueText = dueText;
    if (done) d.done = done;
    if (src) d.source = src;
    entry.model.grant.deadlines.push(d);
    entry.deadlineRows.push(pos);
  });

  b.table("aktiviteter").rows.forEach((row, pos) => {
    const entry = grantFor("aktiviteter", row, pos);
    if (!entry) return;
    const a: Activity = {
      id: row.text("id")!,
      name: row.text("name")!,
      area: row.text("area") ?? "",
      purposeId: row.text("purpose")!,
      asked: row.amount("asked")!,
      status: row.text("status") as ActivityStatus,
    };
    const keys: Record<string, Decimal> = {};
    for (const c of KEY_CHOICES) {
      const v = row.decimal(c.value);
      if (v !== undefined) keys[c.label] = v;
    }
    if (Object.keys(keys).length) a.keys = keys;
    const optional: [keyof Activity, TypedValue][] = [
      ["rank", row.number("rank")],
      ["granted", row.amount("decided")],
      ["projectNumber", row.text("projectNumber")],
      ["owner", row.text("owner")],
      ["forecast", row.amount("forecast")],
      ["source", row.text("source")],
    ];
    for (const [k, v] of optional) if (v !== undefined) (a as unknown as Record<string, TypedValue>)[k] = v;
    entry.model.activities.push(a);
    entry.activityRows.push(pos);
  });

  // The outcome: one domain outcome per filled month cell; none after the month the follow-up counts to.
  const seenProject = new Map<string, number>();
  b.table("utfall").rows.forEach((row, pos) => {
    const entry = grantFor("utfall", row, pos);
    if (!entry) return;
    const project = row.text("projectNumber")!;
    const key = `${keyOf(entry.model.grant.id)}\u0000${keyOf(project)}`;
    const first = seenProject.get(key);
    if (first !== undefined) {
      b.add("varning", "utfall", row, "projectNumber", "grant.sheet.outcomeProjectTwice", `Projektnumret ${project} har redan en rad för ${entry.model.grant.name} (rad ${dataRow("utfall", first)}); båda raderna räknas. Lägg gärna utfallet på en rad per projektnummer.`);
    } else {
      seenProject.set(key, pos);
    }
    const through = throughMonthOf(entry.model.grant, entry.settings);
    const year = outcomeYearOf(entry.model.grant);
    let total = new Decimal(0);
    for (const m of MONTHS) {
      const amount = row.amount(m.key);
      if (amount === undefined) continue;
      if (m.month > through && !amount.isZero()) {
        b.add(
          "fel",
          "utfall",
          row,
          m.key,
          "grant.sheet.outcomeAfterMonth",
          `Utfallet ${formatKr(amount)} i ${MONTH_NAMES_SV[m.month - 1]} ${year} ligger efter uppföljningens sista månad (${monthLabel(through, year)}) för ${entry.model.grant.name}. Flytta fram rapportdatumet eller Utfall till och med månad i tabellen ${STATSBIDRAG.name}, eller ta bort beloppet.`,
        );
        continue;
      }
      total = total.plus(amount);
      const o: Outcome = { projectNumber: project, month: m.month, amount };
      const src = row.text("source");
      if (src) o.source = src;
      entry.model.outcomes.push(o);
      entry.outcomeRows.push({ row: pos, month: m.month });
    }
    entry.outcomeTotals.push({ row: pos, projectNumber: project, total });
  });

  const rows = Object.fromEntries(names.map((c) => [c, { table: COLLECTIONS[c].name, tableRows: tableRows[c] }]));
  return { model: { grants, inputs, tableRows, grantOf }, rows, problems: b.problems };
}
