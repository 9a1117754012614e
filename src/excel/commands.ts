/**
 * The commands a controller runs, on the open workbook. Each reads what it
 * needs, runs the model's pipeline, and writes only if nothing stood in the
 * way: a command that cannot finish changes nothing.
 */
import type { Decimal } from "../domain/money";
import { seedTable } from "../workbook/build";
import { LOG_SHEET, LOG_TABLE, LogEntry, excelSerialNow, logWrites } from "../workbook/log";
import { runModel } from "../workbook/model";
import { ModelId, modelsInWorkbook } from "../workbook/models/catalog";
import { AnyModel, loadModel } from "../workbook/models/load";
import { LocatedProblem, describeProblem } from "../workbook/problem";
import { checkSchema, schemaSettingKey } from "../workbook/schemaVersion";
import { parseWritten, recordOfPlan, recordWrites, writtenSettingKey } from "../workbook/written";
import { CellValue, RawTable } from "../workbook/table";
import { Write, cellsWritten, createUndo, createWrites, guardText, recomputeWrites, reportSheetWrites } from "../workbook/writes";
import { applyOrRestore, applyWrites } from "./apply";
import { TablesRead, WorkbookState, readTables, readWorkbookState } from "./read";

export type { ModelId } from "../workbook/models/catalog";
export type { LocatedProblem, Place } from "../workbook/problem";

export interface CommandResult {
  command: "create" | "recompute" | "accept";
  model: ModelId;
  /** Cells of the model written; the log row is not counted. */
  cellsWritten: number;
  syncs: number;
  problems: LocatedProblem[];
  summary: string[];
  /** Kronor the model moves or allocates (omdisponeringar, a grant split, an accepted proposal), where it does. */
  moved?: number;
  /** Changes of input the model proposes, for the user to accept with `acceptProposal`. */
  proposals?: { id: string; title: string; lines: string[] }[];
}

/** What the host knows that the workbook does not: the clock, and the user where Office tells it. */
export interface CommandEnv {
  now?: () => Date;
  user?: string;
  /** For sheets protected with a password: used to lift and restore the protection around the writes, never stored. */
  password?: string;
  /** Aborted before the writes start: the command stops and nothing is written. Once writing has begun it finishes (or is undone). */
  signal?: AbortSignal;
  /** Told as the command moves from reading to computing to writing, for a progress indicator. */
  onProgress?: (phase: CommandPhase) => void;
}

export type CommandPhase = "läser" | "räknar" | "skriver";

/** The user cancelled before anything was written. */
export class CommandCancelled extends Error {
  constructor() {
    super("Avbrutet: inget har ändrats i arbetsboken.");
    this.name = "CommandCancelled";
  }
}

/** The last point at which a command may stop without having written anything. */
export function beforeWriting(env: CommandEnv): void {
  if (env.signal?.aborted) throw new CommandCancelled();
  env.onProgress?.("skriver");
}

/** The command refused; nothing was written. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly problems: LocatedProblem[],
  ) {
    super(message);
    this.name = "CommandError";
  }
}

function refuse(title: string, problems: LocatedProblem[]): never {
  const errors = problems.filter((p) => p.severity === "fel");
  throw new CommandError(`${title}: ${errors.length} fel, inget har ändrats i arbetsboken.\n${errors.map(describeProblem).join("\n")}`, problems);
}

function definition(model: ModelId) {
  return loadModel(model);
}

function countCells(writes: readonly Write[]): number {
  return writes.reduce((n, w) => n + cellsWritten(w), 0);
}

function logEntry(env: CommandEnv, command: string, title: string, cells: number, problems: LocatedProblem[], moved?: LogEntry["moved"]): LogEntry {
  return {
    time: excelSerialNow((env.now ?? (() => new Date()))()),
    user: env.user,
    command,
    model: title,
    cells,
    moved,
    errors: problems.filter((p) => p.severity === "fel").length,
    warnings: problems.filter((p) => p.severity === "varning").length,
  };
}

function hasSheet(state: WorkbookState, name: string): boolean {
  return state.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
}

/**
 * Creates the model's sheets and tables, empty or filled with the example
 * models. Refuses if any of its sheets or tables already exists, so that
 * nobody's work is overwritten.
 */
export async function createModel(
  context: Excel.RequestContext,
  model: ModelId,
  opts: { withExamples: boolean },
  env: CommandEnv = {},
): Promise<CommandResult> {
  const def = await definition(model);
  env.onProgress?.("läser");
  const state = await readWorkbookState(context);
  let syncs = 1;
  const clashes: LocatedProblem[] = [];
  for (const sheet of def.sheets) {
    if (hasSheet(state, sheet)) {
      clashes.push({
        severity: "fel",
        code: "create.sheetExists",
        message: `Bladet ${sheet} finns redan. Modellen skapas inte ovanpå befintliga blad; använd Räkna om, eller byt namn på bladet.`,
        place: { sheet },
      });
    }
  }
  for (const t of def.tables) {
    if (state.tableNames.some((n) => n.toLowerCase() === t.name.toLowerCase())) {
      clashes.push({
        severity: "fel",
        code: "create.tableExists",
        message: `Det finns redan en tabell som heter ${t.name} i arbetsboken. Byt namn på den för att skapa modellen.`,
        place: { sheet: t.sheet, table: t.name },
      });
    }
  }
  if (clashes.length) refuse(`${def.title} skapades inte`, clashes);

  env.onProgress?.("räknar");
  const raws = opts.withExamples ? await def.examples() : def.tables.map((t) => seedTable(t, []));
  const run = runModel(def, new Map(raws.map((r) => [r.name, r])), { seed: true });
  if (!run.outcome) refuse(`${def.title} skapades inte`, run.problems);
  let logAddress: string | undefined;
  if (state.tableNames.includes(LOG_TABLE.name)) {
    const { addresses } = await readTables(context, [], state, [LOG_TABLE.name]);
    logAddress = addresses.get(LOG_TABLE.name);
    syncs++;
  }
  const writes = [...createWrites(run.outcome.plan), { kind: "setting", key: schemaSettingKey(model), value: def.schemaVersion ?? 1 } as Write];
  writes.push(...recordWrites(model, undefined, recordOfPlan(run.outcome.plan, def.keys)).writes);
  const cells = countCells(writes);
  const moved = def.moved?.(run.outcome.model, run.outcome.result);
  const entry = logEntry(env, opts.withExamples ? "Skapa med exempel" : "Skapa", def.title, cells, run.problems, moved);
  const log = logWrites(entry, logAddress, hasSheet(state, LOG_SHEET));
  beforeWriting(env);
  syncs += await applyOrRestore(context, [...writes, ...log.writes], [...log.undo, ...createUndo(writes)]);
  return {
    command: "create",
    model,
    cellsWritten: cells,
    syncs,
    problems: run.problems,
    summary: def.summary(run.outcome.model, run.outcome.result),
    moved: moved?.toNumber(),
  };
}

/**
 * Writes a new model from tables given as data (an import, a generated
 * model), without the checks and the log row of `createModel`: for callers
 * that have made sure its sheets and tables do not exist.
 */
export async function createFromTables(context: Excel.RequestContext, model: ModelId, raws: readonly RawTable[]): Promise<CommandResult> {
  const def = await definition(model);
  const run = runModel(def, new Map(raws.map((r) => [r.name, r])), { seed: true });
  if (!run.outcome) refuse(`${def.title} skapades inte`, run.problems);
  const writes = createWrites(run.outcome.plan);
  const syncs = await applyWrites(context, writes);
  return {
    command: "create",
    model,
    cellsWritten: countCells(writes),
    syncs,
    problems: run.problems,
    summary: def.summary(run.outcome.model, run.outcome.result),
  };
}

/**
 * Reads the model's tables, recomputes it exactly, and writes the computed
 * cells whose formula or value differs, and nothing else, with the log row.
 * Three requests: which tables exist, their contents, the writes.
 */
export async function recomputeModel(context: Excel.RequestContext, model: ModelId, env: CommandEnv = {}): Promise<CommandResult> {
  const def = await definition(model);
  env.onProgress?.("läser");
  const { state, read } = await readModel(context, def);
  env.onProgress?.("räknar");
  return writeRecompute(context, model, def, state, read, read.tables, env, { command: "recompute", logAs: "Räkna om" });
}

/** Which tables exist, then the model's tables, report sheets and protection: two requests. */
async function readModel(context: Excel.RequestContext, def: AnyModel): Promise<{ state: WorkbookState; read: TablesRead }> {
  const state = await readWorkbookState(context);
  const read = await readTables(context, def.tables, state, [LOG_TABLE.name], {
    protectionOf: def.sheets,
    usedRangesOf: state.sheetNames.filter((n) => def.reportSheets?.includes(n) || def.isReportSheet?.(n)),
  });
  return { state, read };
}

/** What a command that recomputes adds of its own: input cells the user asked for, a name for the log, lines for the summary. */
interface RecomputeExtra {
  /** What the result calls the command, and the log. */
  command: CommandResult["command"];
  logAs: string;
  writes?: Write[];
  undo?: Write[];
  summary?: string[];
  moved?: Decimal;
}

/**
 * Recomputes the model from `tables` (what was read, or that with the
 * user's accepted edits) and writes the computed cells that differ from
 * what the workbook holds, the report sheets, `extra`'s input cells and the
 * log row, in one request that is undone whole if it fails.
 */
async function writeRecompute(
  context: Excel.RequestContext,
  model: ModelId,
  def: AnyModel,
  state: WorkbookState,
  read: TablesRead,
  tables: ReadonlyMap<string, RawTable>,
  env: CommandEnv,
  extra: RecomputeExtra,
): Promise<CommandResult> {
  const { addresses, protectedSheets } = read;
  let syncs = 2;
  const schema = checkSchema(model, def.title, def.sheets[0], def.schemaVersion ?? 1, state.settings.get(schemaSettingKey(model)), def.migrations);
  if (schema.problems.length) refuse(`${def.title} räknades inte om`, schema.problems);
  const run = runModel(def, tables, { sheetNames: state.sheetNames });
  if (!run.outcome) refuse(`${def.title} räknades inte om`, run.problems);
  const storedRecord = state.settings.get(writtenSettingKey(model));
  const recomputed = recomputeWrites(run.outcome.plan, tables, run.outcome.tableRows, { written: parseWritten(storedRecord), keys: def.keys });
  const { problems } = recomputed;
  const record = recordWrites(model, storedRecord, recomputed.written);
  const writes = [...schema.writes, ...(extra.writes ?? []), ...recomputed.writes, ...record.writes];
  const undo = [...(extra.undo ?? []), ...recomputed.undo, ...record.undo];
  for (const sheet of run.outcome.plan.sheets.filter((s) => s.role === "report")) {
    const current = read.sheets.get(sheet.name);
    if (!current) {
      // A report the workbook does not have yet (a new grant, a new month, a deleted sheet): written whole.
      const created = createWrites({ model: run.outcome.plan.model, sheets: [sheet] }).filter((w) => w.kind !== "activate");
      writes.push(...created);
      undo.push(...createUndo(created));
      continue;
    }
    const report = reportSheetWrites(sheet, current);
    writes.push(...report.writes);
    undo.push(...report.undo);
  }
  const all = [...run.problems, ...problems];
  const cells = countCells(writes);
  const moved = extra.moved ?? def.moved?.(run.outcome.model, run.outcome.result);
  const entry = logEntry(env, extra.logAs, def.title, cells, all, moved);
  const log = logWrites(entry, addresses.get(LOG_TABLE.name), hasSheet(state, LOG_SHEET));
  // A protected model sheet is unprotected for the writes and protected again in the same request.
  const touched = [...protectedSheets].filter((sheet) => writes.some((w) => "sheet" in w && w.sheet === sheet));
  const guarded: Write[] = [
    ...touched.map((sheet): Write => ({ kind: "unprotectSheet", sheet, password: env.password })),
    ...writes,
    ...touched.map((sheet): Write => ({ kind: "protectSheet", sheet, password: env.password })),
  ];
  const restore: Write[] = [...log.undo, ...undo, ...touched.map((sheet): Write => ({ kind: "protectSheet", sheet, password: env.password }))];
  beforeWriting(env);
  syncs += await applyOrRestore(context, [...guarded, ...log.writes], touched.length ? [...touched.map((sheet): Write => ({ kind: "unprotectSheet", sheet, password: env.password })), ...restore] : restore);
  return {
    command: extra.command,
    model,
    cellsWritten: cells,
    syncs,
    problems: all,
    summary: [...(extra.summary ?? []), ...schema.notes, ...def.summary(run.outcome.model, run.outcome.result)],
    moved: moved?.toNumber(),
    proposals: run.outcome.proposals.map(({ id, title, lines }) => ({ id, title, lines })),
  };
}

/**
 * Accepts a proposal the last recompute showed (a grant's leftovers moved):
 * writes its input cells, at the user's request, and recomputes with them,
 * in one request with the log row. A proposal that is no longer what the
 * inputs give (someone changed them since) is refused, and nothing written.
 */
export async function acceptProposal(context: Excel.RequestContext, model: ModelId, proposalId: string, env: CommandEnv = {}): Promise<CommandResult> {
  const def = await definition(model);
  env.onProgress?.("läser");
  const { state, read } = await readModel(context, def);
  env.onProgress?.("räknar");
  const run = runModel(def, read.tables, { sheetNames: state.sheetNames });
  if (!run.outcome) refuse("Förslaget godkändes inte", run.problems);
  const proposal = run.outcome.proposals.find((p) => p.id === proposalId);
  if (!proposal) {
    refuse("Förslaget godkändes inte", [
      {
        severity: "fel",
        code: "proposal.stale",
        message: "Förslaget finns inte längre: uppgifterna har ändrats sedan det visades. Räkna om och granska det nya förslaget innan du godkänner det.",
        place: { sheet: def.sheets[0] },
      },
    ]);
  }
  // The tables as they will be, so that the recompute sees the accepted inputs and writes only what then differs.
  const tables = new Map(read.tables);
  for (const name of new Set(proposal.edits.map((e) => e.table))) {
    const raw = read.tables.get(name)!;
    tables.set(name, { ...raw, values: raw.values.map((r) => [...r]), formulas: raw.formulas?.map((r) => [...r]) });
  }
  const writes: Write[] = [];
  const undo: Write[] = [];
  for (const edit of proposal.edits) {
    const table = tables.get(edit.table)!;
    const before = table.formulas?.[edit.tableRow]?.[edit.column] ?? table.values[edit.tableRow][edit.column];
    table.values[edit.tableRow][edit.column] = edit.value;
    if (table.formulas) table.formulas[edit.tableRow][edit.column] = edit.value;
    const at = { kind: "cells", sheet: edit.place.sheet, address: edit.place.cell! } as const;
    writes.push({ ...at, cells: [[typeof edit.value === "string" ? guardText(edit.value) : edit.value]] });
    undo.push({ ...at, cells: [[before]] });
  }
  return writeRecompute(context, model, def, state, read, tables, env, {
    command: "accept",
    logAs: "Godkänn förslag",
    writes,
    undo,
    moved: proposal.moved,
    summary: [`Godkänt: ${proposal.title}.`, ...proposal.lines],
  });
}

/** The models the open workbook holds, in catalog order: one request. */
export async function findModels(context: Excel.RequestContext): Promise<ModelId[]> {
  const state = await readWorkbookState(context);
  return modelsInWorkbook(state.sheetNames, state.settings.keys());
}

/** One model's part of a whole-workbook recompute: its result, or why it was refused or failed. */
export type ModelRecompute = { model: ModelId; result: CommandResult } | { model: ModelId; error: unknown };

/**
 * Recomputes every model the workbook holds, one after the other (the
 * ribbon's "Räkna om"). Each model's recompute is its own command: one that
 * is refused changes nothing of its own and does not stop the others.
 * An empty list means the workbook holds no model.
 */
export async function recomputeWorkbook(context: Excel.RequestContext, env: CommandEnv = {}): Promise<ModelRecompute[]> {
  const models = await findModels(context);
  const out: ModelRecompute[] = [];
  for (const model of models) {
    try {
      out.push({ model, result: await recomputeModel(context, model, env) });
    } catch (error) {
      if (error instanceof CommandCancelled) throw error;
      out.push({ model, error });
    }
  }
  return out;
}

/** Shows a problem's cell to the user. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}

/**
 * Applies the corrections the user chose from the problems list: each writes
 * one input cell, at the user's request. Logged like every command; a write
 * that fails puts the cells back. Resolves with the number of cells written.
 */
export async function applyFixes(context: Excel.RequestContext, problems: readonly LocatedProblem[], env: CommandEnv = {}): Promise<number> {
  const fixes = problems.filter((p) => p.fix && p.place?.cell);
  if (!fixes.length) return 0;
  const state = await readWorkbookState(context);
  // What each cell holds now, read with the log's address, so that a write that fails is undone.
  const current = fixes.map((p) => context.workbook.worksheets.getItem(p.place!.sheet).getRange(p.place!.cell!).load("formulas"));
  const { addresses } = await readTables(context, [], state, [LOG_TABLE.name]);
  const writes: Write[] = [];
  const undo: Write[] = [];
  fixes.forEach((p, i) => {
    const at = { kind: "cells", sheet: p.place!.sheet, address: p.place!.cell! } as const;
    writes.push({ ...at, cells: [[p.fix!.formula ? p.fix!.value : guardText(p.fix!.value)]] });
    undo.push({ ...at, cells: [[current[i].formulas[0][0] as CellValue]] });
  });
  const log = logWrites(
    logEntry(env, "Rätta", fixes.map((p) => `${p.place!.sheet}!${p.place!.cell}`).join(", "), fixes.length, []),
    addresses.get(LOG_TABLE.name),
    hasSheet(state, LOG_SHEET),
  );
  beforeWriting(env);
  await applyOrRestore(context, [...writes, ...log.writes], [...log.undo, ...undo.reverse()]);
  return fixes.length;
}
