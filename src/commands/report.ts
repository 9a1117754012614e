// What the ribbon's "Räkna om" tells the person, as plain data for message.html.
import type { CommandResult, LocatedProblem } from "../excel/commands";
import type { Strings } from "../taskpane/i18n";
import { errorMessage, formatProblem, isRefusal, refusalHeadline, resultLines } from "../taskpane/outcome";
import type { CommandMessage } from "./message-url";

/** How many problems the dialog lists before pointing to the task pane. */
export const MAX_PROBLEMS = 8;

export function describeResult(result: CommandResult, t: Strings): CommandMessage {
  const errors = result.problems.filter((p) => p.severity === "fel").length;
  return {
    kind: errors > 0 ? "error" : result.problems.length > 0 ? "warning" : "ok",
    lang: t.locale,
    title: t.commandDoneTitle,
    lines: [...resultLines(result, t), ...problemLines(result.problems, t)],
    close: t.close,
  };
}

export function describeError(error: unknown, t: Strings): CommandMessage {
  if (isRefusal(error)) {
    return {
      kind: "error",
      lang: t.locale,
      title: t.commandRefusedTitle,
      lines: [refusalHeadline(error), t.refusedBody, ...problemLines(error.problems, t)].filter((line) => line !== ""),
      close: t.close,
    };
  }
  return { kind: "error", lang: t.locale, title: t.commandFailedTitle, lines: [errorMessage(error, t)], close: t.close };
}

function problemLines(problems: LocatedProblem[], t: Strings): string[] {
  if (problems.length === 0) return [];
  const lines = [t.problemsTitle(problems.length), ...problems.slice(0, MAX_PROBLEMS).map((p) => formatProblem(p, t))];
  if (problems.length > MAX_PROBLEMS) lines.push(t.moreProblems(problems.length - MAX_PROBLEMS));
  return lines;
}
