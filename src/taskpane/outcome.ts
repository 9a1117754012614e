// Turns a command's result or error into what a person reads. Shared by the task
// pane and the ribbon command; free of Office.js so a playground can use it too.
import type { CommandResult, LocatedProblem, Place } from "../excel/commands";
import type { RoundResult } from "../excel/rounds";
import { Decimal, formatKr } from "../domain/money";
import type { Strings } from "./i18n";

/** A refused command: its message and the problems that made it refuse. */
export interface Refusal {
  message: string;
  problems: LocatedProblem[];
}

/**
 * True for a CommandError (duck-typed, so this module does not load the Excel
 * adapter and works across bundles): an Error that carries located problems.
 */
export function isRefusal(error: unknown): error is Error & Refusal {
  return error instanceof Error && Array.isArray((error as Partial<Refusal>).problems);
}

/**
 * The headline of a refusal: its message's first line. The lines after it
 * repeat the problems, which are shown as a list of their own.
 */
export function refusalHeadline(refusal: Refusal): string {
  return refusal.message.split("\n")[0].trim();
}

/** True for a CommandCancelled: the person cancelled before anything was written. */
export function isCancelled(error: unknown): error is Error {
  return error instanceof Error && error.name === "CommandCancelled";
}

/** True for a WriteFailed whose partial writes were put back. */
export function wasRestored(error: unknown): boolean {
  return error instanceof Error && error.name === "WriteFailed" && (error as { restored?: unknown }).restored === true;
}

/** "blad Budget, tabell Ramar, rad 5, kolumn Belopp, cell C5" */
export function formatPlace(place: Place, t: Strings): string {
  const parts = [t.place.sheet(place.sheet)];
  if (place.table) parts.push(t.place.table(place.table));
  if (place.row !== undefined) parts.push(t.place.row(place.row));
  if (place.column) parts.push(t.place.column(place.column));
  if (place.cell) parts.push(t.place.cell(place.cell));
  return parts.join(", ");
}

/** The cell as Excel writes it: "Budget!N4", "'Min flik'!A1"; a sheet alone without a cell. */
export function cellReference(place: Place): string {
  const sheet = /^[A-Za-z_\u00c0-\u024f][A-Za-z0-9_.\u00c0-\u024f]*$/.test(place.sheet) ? place.sheet : `'${place.sheet.replace(/'/g, "''")}'`;
  return place.cell ? `${sheet}!${place.cell}` : place.sheet;
}

/** The rest of a place after its cell reference: "tabell Ramar, rad 5, kolumn Belopp". */
export function placeDetails(place: Place, t: Strings): string {
  const parts: string[] = [];
  if (place.table) parts.push(t.place.table(place.table));
  if (place.row !== undefined) parts.push(t.place.row(place.row));
  if (place.column) parts.push(t.place.column(place.column));
  return parts.join(", ");
}

/** One line for a problem: "Fel – blad Budget, cell C5: Beloppet saknas". */
export function formatProblem(problem: LocatedProblem, t: Strings): string {
  const where = problem.place ? ` – ${formatPlace(problem.place, t)}` : "";
  return `${t.severity[problem.severity] ?? problem.severity}${where}: ${problem.message}`;
}

/** A message for any thrown value, with Office's error code when it has one. */
export function errorMessage(error: unknown, t: Strings): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message || t.unknownError;
    return typeof code === "string" && code && !message.includes(code) ? `${message} (${code})` : message;
  }
  if (typeof error === "string" && error) return error;
  return t.unknownError;
}

/** What a command changed: cells, syncs, `between` (the problems flagged, in the pane), whether nothing changed, the amount moved. */
function changeLines(result: CommandResult, t: Strings, between: string[] = []): string[] {
  const lines = [t.cellsWritten(result.cellsWritten), t.syncs(result.syncs), ...between];
  if (result.cellsWritten === 0) lines.push(t.nothingChanged);
  if (result.moved !== undefined) lines.push(t.moved(formatKr(new Decimal(result.moved))));
  return lines;
}

/** The lines that say what a command changed: counts first, then its own summary. */
export function resultLines(result: CommandResult, t: Strings): string[] {
  return changeLines(result, t).concat(result.summary);
}

/** What the task pane shows after a run: a heading, what changed, the command's own lines, the problems. */
export interface Outcome {
  title: string;
  changes: string[];
  summary: string[];
  problems: LocatedProblem[];
  /** Changes of input the model proposes; each can be accepted from the pane. */
  proposals?: { id: string; title: string; lines: string[] }[];
}

export type RoundCommand = "freeze" | "compare" | "protect" | "unprotect";

function flagged(problems: readonly LocatedProblem[], t: Strings): string {
  const errors = problems.filter((p) => p.severity === "fel").length;
  return t.flagged(errors, problems.length - errors);
}

export function commandOutcome(result: CommandResult, t: Strings): Outcome {
  const titles: Record<CommandResult["command"], string> = { create: t.createdTitle, recompute: t.recomputedTitle, accept: t.acceptedTitle };
  return {
    title: titles[result.command],
    changes: changeLines(result, t, [flagged(result.problems, t)]),
    summary: result.summary,
    problems: result.problems,
    proposals: result.proposals,
  };
}

export function roundOutcome(command: RoundCommand, result: RoundResult, t: Strings): Outcome {
  const titles: Record<RoundCommand, string> = {
    freeze: t.frozenTitle,
    compare: t.comparedTitle,
    protect: t.protectedTitle,
    unprotect: t.unprotectedTitle,
  };
  const changes: string[] = [];
  if (command === "freeze" || command === "compare") changes.push(t.sheetWritten(result.sheet));
  if (result.differences) changes.push(t.differences(result.differences.length));
  changes.push(t.syncs(result.syncs), flagged(result.problems, t));
  return { title: titles[command], changes, summary: result.summary, problems: result.problems };
}

export function fixOutcome(cells: number, remaining: LocatedProblem[], t: Strings): Outcome {
  return { title: t.fixedTitle, changes: [t.cellsWritten(cells)], summary: [], problems: remaining };
}
