/**
 * What every model (budget, grants, monthly report) declares, and the one
 * pipeline that runs it: raw tables → parsed rows → domain model → results
 * → plan, with every problem located.
 */
import { Decimal } from "../domain/money";
import { DomainProblem, hasErrors } from "../domain/problem";
import { LocatedProblem, Place } from "./problem";
import type { Migration } from "./schemaVersion";
import { WorkbookPlan } from "./plan";
import { TableSpec } from "./schema";
import { ParsedTable, RawTable, placeOf, readTable } from "./table";

export interface Built<M> {
  model: M;
  /** For each domain collection, the table it comes from and each entity's data row there. */
  rows: Record<string, { table: string; tableRows: number[] }>;
  problems: LocatedProblem[];
}

/** An input cell a proposal would change: the entity (as domain problems refer to it), the column key, the new value as typed. */
export interface InputEdit {
  collection: string;
  index: number;
  field: string;
  value: string | number;
}

/**
 * A change of input the model proposes and the user accepts or not (a grant's
 * leftovers moved to the waiting list): nothing of it is written until the
 * user accepts it, and then as one command.
 */
export interface InputProposal {
  /** Stable while the inputs are unchanged: the command finds the proposal again by it. */
  id: string;
  title: string;
  lines: string[];
  moved: Decimal;
  edits: InputEdit[];
}

/** A proposal with its edits placed in the workbook's tables. */
export interface LocatedProposal extends Omit<InputProposal, "edits"> {
  edits: { place: Place; table: string; tableRow: number; column: number; value: string | number }[];
}

export interface ModelDefinition<M, R> {
  id: string;
  /** Swedish, for the task pane and the summary. */
  title: string;
  tables: readonly TableSpec[];
  /** Sheets in the order they are created; the first holds the input tables. */
  sheets: readonly string[];
  /** Of those, the sheets Ramkoll owns entirely (reports): a recompute reads them whole and brings them up to date. */
  reportSheets?: readonly string[];
  /** For reports whose sheets are named by their content (one per grant, per month): which existing sheets are this model's reports. */
  isReportSheet?(name: string): boolean;
  build(tables: ReadonlyMap<string, ParsedTable>): Built<M>;
  compute(model: M): { result: R; problems: DomainProblem[] };
  plan(model: M, result: R): WorkbookPlan;
  /** Swedish lines for the CLI and the task pane. */
  summary(model: M, result: R): string[];
  /** The version of this model's sheet schema; raise it with a migration when the sheets change. */
  schemaVersion?: number;
  migrations?: readonly Migration[];
  /** Per table, the input columns that identify a row, for comparing versions. */
  keys?: Readonly<Record<string, readonly string[]>>;
  /** The amount the model moves or allocates, for the log. */
  moved?(model: M, result: R): Decimal;
  /** Plain data for `--json`. */
  json(model: M, result: R): unknown;
  /** Changes of input the model proposes for the user to accept. */
  proposals?(model: M, result: R): InputProposal[];
  /** The example models from seeds/, as the tables a person would type; loaded on demand (a chunk of their own in the task pane). */
  examples(): Promise<RawTable[]>;
}

export interface ModelRun<M, R> {
  problems: LocatedProblem[];
  /** Present when no problem is an error. */
  outcome?: {
    model: M;
    result: R;
    plan: WorkbookPlan;
    /** Per plan table, the data row in the sheet of each planned row. */
    tableRows: Map<string, number[]>;
    proposals: LocatedProposal[];
  };
}

export function tableMissing(spec: TableSpec, sheetNames?: readonly string[]): LocatedProblem {
  const sheetGone = sheetNames !== undefined && !sheetNames.some((s) => s === spec.sheet);
  return {
    severity: "fel",
    code: sheetGone ? "sheet.missing" : "sheet.table.missing",
    message: sheetGone
      ? `Bladet ${spec.sheet} med tabellen ${spec.name} finns inte. Har bladet bytt namn? Ge det namnet ${spec.sheet} igen, eller skapa modellen.`
      : `Tabellen ${spec.name} finns inte på bladet ${spec.sheet}. Har tabellen bytt namn eller tagits bort? Ge den namnet ${spec.name} igen.`,
    place: { sheet: spec.sheet, table: spec.name },
  };
}

/**
 * Runs a model on the tables read from a workbook (or seeds). Stops before
 * computing when reading found errors, and before planning when the domain
 * did: a command that cannot finish must change nothing.
 */
export function runModel<M, R>(
  def: ModelDefinition<M, R>,
  raws: ReadonlyMap<string, RawTable>,
  opts: { seed?: boolean; sheetNames?: readonly string[] } = {},
): ModelRun<M, R> {
  const problems: LocatedProblem[] = [];
  const parsed = new Map<string, ParsedTable>();
  for (const spec of def.tables) {
    const raw = raws.get(spec.name);
    if (!raw) {
      problems.push(tableMissing(spec, opts.sheetNames));
      continue;
    }
    if (!opts.seed && raw.sheet !== spec.sheet) {
      problems.push({
        severity: "fel",
        code: "sheet.renamed",
        message: `Tabellen ${spec.name} ligger på bladet "${raw.sheet}" men ska ligga på bladet ${spec.sheet}. Ge bladet namnet ${spec.sheet} igen.`,
        place: { sheet: raw.sheet, table: raw.name },
      });
      continue;
    }
    const table = readTable(spec, raw, opts.seed);
    problems.push(...table.problems);
    parsed.set(spec.name, table);
  }
  if (hasErrors(problems)) return { problems };

  const built = def.build(parsed);
  problems.push(...built.problems);
  if (hasErrors(problems)) return { problems };

  const { result, problems: domainProblems } = def.compute(built.model);
  for (const p of domainProblems) {
    const located: LocatedProblem = { severity: p.severity, code: p.code, message: p.message };
    if (p.ref) {
      const rows = built.rows[p.ref.collection];
      const table = rows && parsed.get(rows.table);
      if (rows && table) located.place = placeOf(table, rows.tableRows[p.ref.index], p.ref.field);
    }
    problems.push(located);
  }
  if (hasErrors(problems)) return { problems };

  const plan = def.plan(built.model, result);
  const tableRows = new Map<string, number[]>();
  // A table without rows is planned with the one empty row an Excel table keeps: its first data row.
  for (const rows of Object.values(built.rows)) tableRows.set(rows.table, rows.tableRows.length ? rows.tableRows : [0]);
  const proposals = (def.proposals?.(built.model, result) ?? []).map((proposal): LocatedProposal => ({
    ...proposal,
    edits: proposal.edits.map((edit) => {
      const rows = built.rows[edit.collection];
      const table = rows && parsed.get(rows.table);
      const column = table?.columnPositions.get(edit.field);
      if (!rows || !table || column === undefined || rows.tableRows[edit.index] === undefined) {
        throw new Error(`proposal ${proposal.id} edits ${edit.collection}[${edit.index}].${edit.field}, which the tables do not have`);
      }
      const tableRow = rows.tableRows[edit.index];
      return { place: placeOf(table, tableRow, edit.field), table: rows.table, tableRow, column, value: edit.value };
    }),
  }));
  return { problems, outcome: { model: built.model, result, plan, tableRows, proposals } };
}
