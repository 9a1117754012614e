import type { CommandResult, LocatedProblem } from "../../src/excel/commands";
import { strings } from "../../src/taskpane/i18n";
import { MAX_URL_LENGTH, messageUrl, readMessage } from "../../src/commands/message-url";
import { describeError, describeResult, MAX_PROBLEMS } from "../../src/commands/report";

const sv = strings.sv;

const problems: LocatedProblem[] = Array.from({ length: 12 }, (_, i) => ({
  severity: i === 0 ? "fel" : "varning",
  code: "test.problem",
  message: `Problem ${i + 1}`,
  place: { sheet: "Budget", cell: `C${i + 2}` },
}));

const ok: CommandResult = { command: "recompute", model: "budget", cellsWritten: 3, syncs: 2, problems: [], summary: ["Klart"] };

describe("the ribbon command's report", () => {
  it("reports a clean recompute", () => {
    expect(describeResult(ok, sv)).toEqual({
      kind: "ok",
      lang: "sv-SE",
      title: "Ramkoll: omräkningen är klar",
      lines: ["3 celler skrivna", "2 synkroniseringar med Excel", "Klart"],
      close: "Stäng",
    });
  });

  it("lists the first problems and points to the task pane for the rest", () => {
    const message = describeResult({ ...ok, problems }, sv);
    expect(message.kind).toBe("error");
    expect(message.lines).toContain("Problem (12)");
    expect(message.lines).toContain("Fel – blad Budget, cell C2: Problem 1");
    expect(message.lines.filter((l) => l.includes("blad Budget"))).toHaveLength(MAX_PROBLEMS);
    expect(message.lines[message.lines.length - 1]).toBe("… och 4 till. Öppna Ramkoll för att se alla.");
    expect(describeResult({ ...ok, problems: problems.slice(1, 2) }, sv).kind).toBe("warning");
  });

  it("reports a refusal with its problems and any other error with its message", () => {
    const refusal = Object.assign(new Error("Budgetbladet är ogiltigt.\nFel i blad Budget: Problem 1"), { problems: problems.slice(0, 1) });
    const refused = describeError(refusal, sv);
    expect(refused.title).toBe("Ramkoll: omräkningen skrev ingenting");
    expect(refused.lines).toEqual([
      "Budgetbladet är ogiltigt.",
      "Rätta problemen nedan och försök igen.",
      "Problem (1)",
      "Fel – blad Budget, cell C2: Problem 1",
    ]);
    const failed = describeError(Object.assign(new Error("Access denied"), { code: "AccessDenied" }), strings.en);
    expect(failed).toMatchObject({ kind: "error", title: "Ramkoll: recomputing failed", lines: ["Access denied (AccessDenied)"] });
  });
});

describe("the message dialog's URL", () => {
  const page = "https://localhost:3000/message.html";

  it("carries the message there and back", () => {
    const message = describeResult({ ...ok, problems: problems.slice(0, 3) }, sv);
    const url = messageUrl(page, message);
    expect(url.startsWith(`${page}?`)).toBe(true);
    expect(readMessage(new URL(url).search)).toEqual(message);
  });

  it("drops lines rather than exceed the length Office accepts", () => {
    const long = { kind: "error" as const, lang: "sv-SE", title: "T", close: "Stäng", lines: Array.from({ length: 80 }, (_, i) => `Rad ${i} med åäö och lite text`) };
    const url = messageUrl(page, long);
    expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    const back = readMessage(new URL(url).search);
    expect(back.lines.length).toBeGreaterThan(10);
    expect(back.lines).toEqual(long.lines.slice(0, back.lines.length));
    const one = messageUrl(page, { ...long, lines: ["x".repeat(5000)] });
    expect(one.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(readMessage(new URL(one).search).lines[0]).toMatch(/^x+…$/);
  });

  it("falls back to safe defaults for a bare URL", () => {
    expect(readMessage("")).toEqual({ kind: "ok", lang: "sv-SE", title: "Ramkoll", lines: [], close: "Stäng" });
  });
});
