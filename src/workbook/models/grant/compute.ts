/**
 * Runs each grant through the domain: the model's checks, its allocation
 * rule, the follow-up at the report date, the proposal for the leftovers and
 * the återredovisning text. The domain names entities of one grant ("the
 * activity at index 3"); here each is placed at its row in the workbook's
 * shared tables.
 */
import { Decimal, ZERO, formatKr } from "../../../domain/money";
import { DomainProblem, EntityRef, hasErrors } from "../../../domain/problem";
import {
  Activity,
  AllocationLine,
  GrantFollowUp,
  GrantModel,
  GrantNote,
  GrantReportText,
  LeftoverProposal,
  acceptMoves,
  allocateByKey,
  allocateByRank,
  allocateFixed,
  checkGrantModel,
  draftGrantReportText,
  followUp,
  keyOf,
  proposeLeftoverMoves,
} from "../../../domain/grant";
import { KEY_CHOICES, MONTHS } from "./schema";
import { Collection, GrantBook, GrantEntry } from "./build";

export interface GrantRun {
  /** The activities as the rule granted them: what the follow-up, the proposal and the text use. */
  allocated: GrantModel;
  /** Per activity, in the grant's order: the rule's amount and why. */
  activityLines: AllocationLine[];
  /** Per purpose, for fixed amounts per purpose. */
  purposeLines?: AllocationLine[];
  /** Facts to show: a stated total that is a rounding of the exact one, a split that uses the whole grant. */
  notes: GrantNote[];
  followup: GrantFollowUp;
  proposal: LeftoverProposal;
  /** The activities if every proposed move were accepted. */
  afterMoves: Activity[];
  text: GrantReportText;
  /** This grant's warnings, placed in the workbook. */
  warnings: DomainProblem[];
}

export interface GrantBookResult {
  /** Per grant, in book order; absent where the grant has errors. */
  runs: (GrantRun | undefined)[];
  /** Every grant's problems, each naming its grant, with references into the workbook's tables. */
  problems: DomainProblem[];
}

const DOMAIN_TO_SHEET: Record<string, Record<string, string>> = {
  grant: {
    id: "id",
    year: "year",
    amount: "amount",
    statedAmount: "stated",
    spendBy: "spendBy",
    outcomeYear: "outcomeYear",
    leftoverRule: "leftoverRule",
    kind: "kind",
    decision: "decisionDate",
    purposes: "id",
    reportDate: "reportDate",
    throughMonth: "throughMonth",
    capPerArea: "capPerArea",
  },
  purposes: { id: "id", name: "name", fixedAmount: "fixed" },
  deadlines: { kind: "kind", due: "due", to: "to" },
  activities: {
    id: "id",
    name: "name",
    area: "area",
    purposeId: "purpose",
    asked: "asked",
    rank: "rank",
    status: "status",
    projectNumber: "projectNumber",
    owner: "owner",
    forecast: "forecast",
    ...Object.fromEntries(KEY_CHOICES.map((c) => [`keys.${c.label}`, c.value])),
  },
  outcomes: { projectNumber: "projectNumber" },
};

const isFixed = (entry: GrantEntry) => entry.settings.rule === "fastSyfte" || entry.settings.rule === "fastAktivitet";

/** A domain reference of one grant as a reference into the workbook's tables. */
export function mapRef(entry: GrantEntry, ref: EntityRef | undefined): EntityRef {
  const grantRow = { collection: "statsbidrag", index: entry.row };
  if (!ref) return grantRow;
  const field = (collection: string) => (ref.field === undefined ? undefined : DOMAIN_TO_SHEET[collection][ref.field]);
  switch (ref.collection) {
    case "grant":
      return { ...grantRow, field: field("grant") };
    case "purposes": {
      const pos = entry.purposeRows[ref.index];
      return pos === undefined ? grantRow : { collection: "syften", index: pos, field: field("purposes") };
    }
    case "deadlines": {
      const pos = entry.deadlineRows[ref.index];
      return pos === undefined ? grantRow : { collection: "tidpunkter", index: pos, field: field("deadlines") };
    }
    case "activities": {
      const pos = entry.activityRows[ref.index];
      if (pos === undefined) return grantRow;
      // A rule's own amount is the computed Beviljat; a decided amount is the one typed.
      const granted = ref.field === "granted" ? (isFixed(entry) ? "decided" : "granted") : undefined;
      return { collection: "aktiviteter", index: pos, field: granted ?? field("activities") };
    }
    case "outcomes": {
      const at = entry.outcomeRows[ref.index];
      if (!at) return grantRow;
      const monthKey = MONTHS[at.month - 1].key;
      return { collection: "utfall", index: at.row, field: ref.field === "projectNumber" ? "projectNumber" : monthKey };
    }
    default:
      return grantRow;
  }
}

/** The domain numbers rows within one grant ("rad 3"); the sheet numbers them within the table. */
function renumber(message: string, entry: GrantEntry, book: GrantBook, ref: EntityRef | undefined): string {
  const positions: Partial<Record<string, { c: Collection; rows: number[] }>> = {
    purposes: { c: "syften", rows: entry.purposeRows },
    deadlines: { c: "tidpunkter", rows: entry.deadlineRows },
    activities: { c: "aktiviteter", rows: entry.activityRows },
    outcomes: { c: "utfall", rows: entry.outcomeRows.map((o) => o.row) },
  };
  const p = ref && positions[ref.collection];
  if (!p) return message;
  return message.replace(/\b([Rr]ad) (\d+)\b/g, (whole, word: string, n: string) => {
    const pos = p.rows[Number(n) - 1];
    return pos === undefined ? whole : `${word} ${book.tableRows[p.c][pos] + 1}`;
  });
}

/** The activities the rule decides: under rank order and a key, status and Beslutat belopp are the rule's output, not its input. */
function ruleInput(entry: GrantEntry): GrantModel {
  if (isFixed(entry)) return entry.model;
  const activities = entry.model.activities.map((a): Activity => {
    const out: Activity = { ...a, status: a.status === "avslagen" ? "avslagen" : "forslag" };
    delete out.granted;
    return out;
  });
  return { ...entry.model, activities };
}

function allocate(entry: GrantEntry, model: GrantModel): { lines: AllocationLine[]; purposeLines?: AllocationLine[]; problems: DomainProblem[]; notes: GrantNote[] } {
  const s = entry.settings;
  switch (s.rule) {
    case "fastSyfte": {
      const purposes = allocateFixed(model, "syfte");
      // Each activity keeps its decided amount within its purpose; the sums are the purposes' and the follow-up's to check.
      const activities = allocateFixed(model, "aktivitet");
      return { lines: activities.lines, purposeLines: purposes.lines, problems: purposes.problems, notes: purposes.notes };
    }
    case "fastAktivitet": {
      const r = allocateFixed(model, "aktivitet");
      return { lines: r.lines, problems: r.problems, notes: r.notes };
    }
    case "rang": {
      const r = allocateByRank(model, s.rank);
      return { lines: r.lines, problems: r.problems, notes: r.notes };
    }
    case "nyckel": {
      const r = allocateByKey(model, { key: s.key!.name, unit: s.key!.unit });
      return { lines: r.lines, problems: r.problems, notes: r.notes };
    }
  }
}

/** One grant through the domain; its problems with references into the workbook. */
export function computeGrant(entry: GrantEntry, book: GrantBook): { run?: GrantRun; problems: DomainProblem[] } {
  const problems: DomainProblem[] = [];
  const name = entry.model.grant.name;
  const place = (list: readonly DomainProblem[]) => {
    for (const p of list) {
      problems.push({ severity: p.severity, code: p.code, message: `${name}: ${renumber(p.message, entry, book, p.ref)}`, ref: mapRef(entry, p.ref) });
    }
  };
  const input = ruleInput(entry);
  place(checkGrantModel(input));
  if (hasErrors(problems)) return { problems };

  const allocation = allocate(entry, input);
  place(allocation.problems);
  if (hasErrors(problems)) return { problems };

  const activities = input.activities.map((a, i): Activity => {
    const line = allocation.lines[i];
    const status = line.status ?? a.status;
    const out: Activity = { ...a, status };
    if (status === "beviljad" || line.amount.gt(0)) out.granted = line.amount;
    else delete out.granted;
    return out;
  });
  const allocated: GrantModel = { ...entry.model, activities };
  if (!isFixed(entry)) {
    // What the rule grants must still fit the purposes' fixed amounts and be followed on a project number.
    place(checkGrantModel(allocated).filter((p) => p.code === "grant.activity.projectMissing" || p.code === "grant.purpose.grantedOverFixed"));
    entry.model.activities.forEach((a, i) => {
      if (a.granted === undefined || a.granted.eq(allocation.lines[i].amount)) return;
      problems.push({
        severity: "varning",
        code: "grant.sheet.decidedDiffers",
        message: `${name}: Aktiviteten ${a.name} har beslutat belopp ${formatKr(a.granted)}, men ${entry.settings.rule === "rang" ? "rangordningen" : "fördelningsnyckeln"} ger ${formatKr(allocation.lines[i].amount)}; rätta beloppet eller välj fördelningsregeln Fast per aktivitet om beslutet ska gälla.`,
        ref: { collection: "aktiviteter", index: entry.activityRows[i], field: "decided" },
      });
    });
  }

  const followup = followUp(allocated, { reportDate: entry.settings.reportDate, throughMonth: entry.settings.throughMonth });
  // Outcome on a project number no activity has: one warning per row of Utfall, not per month.
  place(followup.problems.filter((p) => p.code !== "grant.outcome.unknownProject"));
  const projects = new Set(allocated.activities.map((a) => keyOf(a.projectNumber)).filter(Boolean));
  for (const o of entry.outcomeTotals) {
    if (projects.has(keyOf(o.projectNumber))) continue;
    problems.push({
      severity: "varning",
      code: "grant.outcome.unknownProject",
      message: `${name}: Utfallet på rad ${book.tableRows.utfall[o.row] + 1} (${formatKr(o.total)}) är bokat på projektnummer ${o.projectNumber}, som ingen aktivitet i statsbidraget har; det räknas inte som använt. Ange rätt projektnummer eller lägg till aktiviteten.`,
      ref: { collection: "utfall", index: o.row, field: "projectNumber" },
    });
  }
  if (hasErrors(problems)) return { problems };

  const proposal = proposeLeftoverMoves(allocated, followup);
  place(proposal.problems);
  const run: GrantRun = {
    allocated,
    activityLines: allocation.lines,
    purposeLines: allocation.purposeLines,
    notes: allocation.notes,
    followup,
    proposal,
    afterMoves: acceptMoves(allocated.activities, proposal.moves),
    text: draftGrantReportText(allocated, followup),
    warnings: problems.filter((p) => p.severity === "varning"),
  };
  return { run, problems };
}

export function computeGrants(book: GrantBook): GrantBookResult {
  const problems: DomainProblem[] = [];
  const runs = book.grants.map((entry) => {
    const r = computeGrant(entry, book);
    problems.push(...r.problems);
    return r.run;
  });
  return { runs, problems };
}

/** The sum of a list, or zero. */
export const total = (values: readonly Decimal[]) => values.reduce((a, v) => a.plus(v), ZERO);
