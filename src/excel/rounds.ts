/**
 * Commands for budget rounds in shared workbooks: freeze a version, compare
 * versions, and protect the computed columns.
 */
import { isoFromParts } from "../domain/period";
import { LOG_SHEET, LOG_TABLE, excelSerialNow, logWrites } from "../workbook/log";
import { runModel } from "../workbook/model";
import { ModelId } from "../workbook/models/catalog";
import { loadModel } from "../workbook/models/load";
import { LocatedProblem, describeProblem } from "../workbook/problem";
import { parseRange, rangeAddress } from "../workbook/address";
import {
  COMPARISON_SHEET,
  Difference,
  compareModel,
  comparisonWrites,
  describeDifference,
  readVersion,
  versionSheetName,
  versionWrites,
} from "../workbook/version";
import { Write, createUndo } from "../workbook/writes";
import { applyOrRestore } from "./apply";
import { CommandEnv, CommandError, beforeWriting } from "./commands";
import { readTables, readWorkbookState } from "./read";

function definition(model: ModelId) {
  return loadModel(model);
}

function stamp(now: Date): { date: string; stamp: string } {
  const date = isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const time = `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
  return { date, stamp: `${date} ${time}` };
}

function refuse(title: string, problems: LocatedProblem[]): never {
  const errors = problems.filter((p) => p.severity === "fel");
  throw new CommandError(`${title}: ${errors.length} fel, inget har ändrats i arbetsboken.\n${errors.map(describeProblem).join("\n")}`, problems);
}

export interface RoundResult {
  sheet: string;
  syncs: number;
  differences?: Difference[];
  summary: string[];
  problems: LocatedProblem[];
}

/**
 * `Fastställ version`: copies the model's tables as values to a new dated,
 * protected sheet. A model with errors is not frozen.
 */
export async function freezeVersion(context: Excel.RequestContext, model: ModelId, env: CommandEnv = {}): Promise<RoundResult> {
  const def = await definition(model);
  const state = await readWorkbookState(context);
  const { tables, addresses } = await readTables(context, def.tables, state, [LOG_TABLE.name]);
  const run = runModel(def, tables, { sheetNames: state.sheetNames });
  if (!run.outcome) refuse(`Versionen fastställdes inte`, run.problems);
  const now = (env.now ?? (() => new Date()))();
  const { date, stamp: when } = stamp(now);
  const sheet = versionSheetName(date, state.sheetNames);
  const writes = versionWrites(sheet, { model, title: def.title, date, stamp: when, user: env.user }, def.tables, tables);
  const log = logWrites(
    { time: excelSerialNow(now), user: env.user, command: `Fastställ version (${sheet})`, model: def.title, cells: 0, errors: 0, warnings: run.problems.length },
    addresses.get(LOG_TABLE.name),
    state.sheetNames.includes(LOG_SHEET),
  );
  beforeWriting(env);
  const syncs = 2 + (await applyOrRestore(context, [...writes, ...log.writes], [...log.undo, ...createUndo(writes)]));
  return { sheet, syncs, summary: [`Fastställde ${def.title} som ${sheet}.`], problems: run.problems };
}

/** The version sheets in the workbook, oldest first by name. */
export { listVersions } from "./versionList";

/**
 * Compares two frozen versions, or a version (`from`) with the model as it
 * is now (`to` absent), and writes the differences to the sheet `Jämförelse`.
 */
export async function compareVersions(
  context: Excel.RequestContext,
  model: ModelId,
  from: string,
  to?: string,
  env: CommandEnv = {},
): Promise<RoundResult> {
  const def = await definition(model);
  const state = await readWorkbookState(context);
  const missing = [from, to].filter((s): s is string => s !== undefined && !state.sheetNames.includes(s));
  if (missing.length) {
    refuse(
      "Versionerna jämfördes inte",
      missing.map((s) => ({
        severity: "fel",
        code: "version.missing",
        message: `Versionen ${s} finns inte i arbetsboken.`,
        place: { sheet: s },
      })),
    );
  }
  const read = await readTables(context, to ? [] : def.tables, state, [LOG_TABLE.name], { usedRangesOf: to ? [from, to] : [from] });
  const before = readVersion(from, read.sheets.get(from)?.values ?? []);
  const after = to ? readVersion(to, read.sheets.get(to)?.values ?? []).tables : read.tables;
  const problems: LocatedProblem[] = [];
  if (before.model !== model) {
    problems.push({ severity: "fel", code: "version.notThisModel", message: `Bladet ${from} är ingen fastställd version av ${def.title}.`, place: { sheet: from } });
  }
  if (problems.length) refuse("Versionerna jämfördes inte", problems);
  const compared = compareModel(def, before.tables, after);
  const title = `Jämförelse: ${from} mot ${to ?? "nuläget"}`;
  const writes: Write[] = comparisonWrites(COMPARISON_SHEET, title, compared.differences, state.sheetNames.includes(COMPARISON_SHEET));
  const now = (env.now ?? (() => new Date()))();
  const log = logWrites(
    {
      time: excelSerialNow(now),
      user: env.user,
      command: `Jämför versioner (${from} mot ${to ?? "nuläget"})`,
      model: def.title,
      cells: 0,
      errors: 0,
      warnings: compared.problems.length,
      note: `${compared.differences.length} skillnader`,
    },
    read.addresses.get(LOG_TABLE.name),
    state.sheetNames.includes(LOG_SHEET),
  );
  // Undoing a comparison cannot bring a deleted old comparison back; it is a report and is written anew.
  beforeWriting(env);
  const syncs = 2 + (await applyOrRestore(context, [...writes, ...log.writes], [...log.undo, ...createUndo(writes)]));
  return {
    sheet: COMPARISON_SHEET,
    syncs,
    differences: compared.differences,
    summary: [title, ...compared.differences.map(describeDifference)],
    problems: compared.problems,
  };
}

/**
 * Locks the computed columns and protects the model's sheets, leaving the
 * input columns editable. The password is optional and is not stored.
 */
export async function protectModel(context: Excel.RequestContext, model: ModelId, password?: string): Promise<RoundResult> {
  const def = await definition(model);
  const state = await readWorkbookState(context);
  const { tables, protectedSheets } = await readTables(context, def.tables, state, [], { protectionOf: def.sheets });
  const writes: Write[] = [];
  for (const sheet of protectedSheets) writes.push({ kind: "unprotectSheet", sheet, password });
  for (const spec of def.tables) {
    const raw = tables.get(spec.name);
    if (!raw) continue;
    const r = parseRange(raw.address);
    const body = Math.max(raw.values.length, 1);
    raw.headers.forEach((h, j) => {
      const col = spec.columns.find((c) => c.header.toLowerCase() === h.toLowerCase());
      // Columns the user added are theirs: editable.
      const locked = col?.role === "computed";
      writes.push({ kind: "lock", sheet: raw.sheet, address: rangeAddress({ row: r.start.row + 1, col: r.start.col + j }, body, 1), locked });
    });
  }
  for (const sheet of def.sheets.filter((s) => state.sheetNames.includes(s))) writes.push({ kind: "protectSheet", sheet, password });
  const syncs = 2 + (await applyOrRestore(context, writes, []));
  return { sheet: def.sheets[0], syncs, summary: [`Formelkolumnerna i ${def.title} är låsta och bladet skyddat.`], problems: [] };
}

export async function unprotectModel(context: Excel.RequestContext, model: ModelId, password?: string): Promise<RoundResult> {
  const def = await definition(model);
  const state = await readWorkbookState(context);
  const { protectedSheets } = await readTables(context, [], state, [], { protectionOf: def.sheets });
  const writes: Write[] = [...protectedSheets].map((sheet) => ({ kind: "unprotectSheet", sheet, password }));
  const syncs = 2 + (await applyOrRestore(context, writes, []));
  return { sheet: def.sheets[0], syncs, summary: [`Skyddet av ${def.title} är borttaget.`], problems: [] };
}
