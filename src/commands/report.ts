// What the ribbon's "Räkna om" tells the person, as plain data for message.html.
import type { CommandResult, LocatedProblem, ModelRecompute } from "../excel/commands";
import { MODEL_TITLES } from "../workbook/models/catalog";
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

/**
 * What the ribbon's "Räkna om" of the whole workbook tells: one model is
 * reported as the task pane would; several get a line each with their title,
 * their outcome and their first problems. The dialog speaks of the worst.
 */
export function describeWorkbook(outcomes: readonly ModelRecompute[], t: Strings): CommandMessage {
  if (outcomes.length === 0) {
    return { kind: "warning", lang: t.locale, title: t.commandNoModelTitle, lines: [t.commandNoModelBody], close: t.close };
  }
  if (outcomes.length === 1) {
    const only = outcomes[0];
    return "result" in only ? describeResult(only.result, t) : describeError(only.error, t);
  }
  const messages = outcomes.map((o) => ({
    title: t.modelTitles[o.model] ?? MODEL_TITLES[o.model],
    message: "result" in o ? describeResult({ ...o.result, summary: [] }, t) : describeError(o.error, t),
    failed: !("result" in o),
  }));
  const rank = { ok: 0, warning: 1, error: 2 } as const;
  const kind = messages.reduce<CommandMessage["kind"]>((k, m) => (rank[m.message.kind] > rank[k] ? m.message.kind : k), "ok");
  const failures = messages.filter((m) => m.failed).length;
  return {
    kind,
    lang: t.locale,
    title: failures === 0 ? t.commandDoneTitle : failures === messages.length ? t.commandRefusedTitle : t.commandPartlyTitle,
    lines: messages.flatMap((m) => [`${m.title}: ${m.failed ? m.message.title.replace(/^Ramkoll: /, "") : m.message.lines[0]}`, ...m.message.lines.slice(1).map((l) => `  ${l}`)]),
    close: t.close,
  };
}
