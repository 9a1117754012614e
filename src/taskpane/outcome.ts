// Turns a command's result or error into what a person reads. Shared by the task
// pane and the ribbon command; free of Office.js so a playground can use it too.
import type { CommandResult, LocatedProblem, Place } from "../excel/commands";
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

/** "blad Budget, tabell Ramar, rad 5, kolumn Belopp, cell C5" */
export function formatPlace(place: Place, t: Strings): string {
  const parts = [t.place.sheet(place.sheet)];
  if (place.table) parts.push(t.place.table(place.table));
  if (place.row !== undefined) parts.push(t.place.row(place.row));
  if (place.column) parts.push(t.place.column(place.column));
  if (place.cell) parts.push(t.place.cell(place.cell));
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

/** The lines that say what a command changed: counts first, then its own summary. */
export function resultLines(result: CommandResult, t: Strings): string[] {
  const lines = [t.cellsWritten(result.cellsWritten), t.syncs(result.syncs)];
  if (result.cellsWritten === 0) lines.push(t.nothingChanged);
  return lines.concat(result.summary);
}
