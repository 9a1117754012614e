import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CommandResult, LocatedProblem } from "../../src/excel/commands";
import { App } from "../../src/taskpane/App";
import type { RamkollHost } from "../../src/taskpane/host";
import { pickLanguage, strings, stringsFor } from "../../src/taskpane/i18n";
import { errorMessage, formatPlace, formatProblem, isRefusal, refusalHeadline, resultLines } from "../../src/taskpane/outcome";

const sv = strings.sv;
const en = strings.en;

const problem: LocatedProblem = {
  severity: "fel",
  code: "test.missing",
  message: "Beloppet saknas",
  place: { sheet: "Budget", table: "Ramar", row: 5, column: "Belopp", cell: "C5" },
};

const result: CommandResult = {
  command: "recompute",
  model: "budget",
  cellsWritten: 1234,
  syncs: 2,
  problems: [problem],
  summary: ["Ramen summerar till 4 500 tkr"],
};

describe("i18n", () => {
  it("chooses English only for English display languages", () => {
    expect(pickLanguage("en-US")).toBe("en");
    expect(pickLanguage("en-GB")).toBe("en");
    expect(pickLanguage("EN-us")).toBe("en");
    expect(pickLanguage("sv-SE")).toBe("sv");
    expect(pickLanguage("fi-FI")).toBe("sv");
    expect(pickLanguage(undefined)).toBe("sv");
    expect(stringsFor("en-US").create).toBe("Create budget model");
    expect(stringsFor("sv-SE").create).toBe("Skapa budgetmodell");
  });

  it("has every text in both languages", () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(en)).toEqual(keys(sv));
    expect(keys(en.place)).toEqual(keys(sv.place));
    for (const [key, value] of Object.entries(sv)) {
      if (typeof value === "string") expect([key, value.length > 0]).toEqual([key, true]);
    }
  });

  it("counts in Swedish with a no-break space between thousands", () => {
    expect(sv.cellsWritten(1)).toBe("1 cell skriven");
    expect(sv.cellsWritten(1234)).toBe("1\u00a0234 celler skrivna");
    expect(en.cellsWritten(1234)).toBe("1,234 cells written");
  });
});

describe("outcome", () => {
  it("names a place from sheet to cell", () => {
    expect(formatPlace(problem.place!, sv)).toBe("blad Budget, tabell Ramar, rad 5, kolumn Belopp, cell C5");
    expect(formatPlace({ sheet: "Budget" }, en)).toBe("sheet Budget");
    expect(formatProblem(problem, sv)).toBe(
      "Fel – blad Budget, tabell Ramar, rad 5, kolumn Belopp, cell C5: Beloppet saknas",
    );
    expect(formatProblem({ severity: "varning", code: "test.empty", message: "Tom tabell" }, sv)).toBe("Varning: Tom tabell");
  });

  it("lists counts before the command's own summary", () => {
    expect(resultLines(result, sv)).toEqual([
      "1\u00a0234 celler skrivna",
      "2 synkroniseringar med Excel",
      "Ramen summerar till 4 500 tkr",
    ]);
    expect(resultLines({ ...result, cellsWritten: 0, summary: [] }, en)).toEqual([
      "0 cells written",
      "2 syncs with Excel",
      "Nothing needed to change.",
    ]);
  });

  it("recognises a refusal by its problems", () => {
    const refusal = Object.assign(new Error("Budgeten skapades inte: 1 fel.\nFel i blad Budget: Beloppet saknas"), {
      problems: [problem],
    });
    expect(isRefusal(refusal)).toBe(true);
    expect(refusalHeadline(refusal)).toBe("Budgeten skapades inte: 1 fel.");
    expect(isRefusal(new Error("x"))).toBe(false);
    expect(isRefusal({ problems: [] })).toBe(false);
  });

  it("keeps Office's error code in the message", () => {
    const officeError = Object.assign(new Error("The request payload size has exceeded the limit."), {
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(errorMessage(officeError, en)).toBe(
      "The request payload size has exceeded the limit. (RequestPayloadSizeLimitExceeded)",
    );
    expect(errorMessage("oops", sv)).toBe("oops");
    expect(errorMessage(undefined, sv)).toBe("Okänt fel");
  });
});

describe("App", () => {
  const host: RamkollHost = {
    create: () => Promise.resolve({ ...result, command: "create" }),
    recompute: () => Promise.resolve(result),
    select: () => Promise.resolve(),
  };

  it("renders its labelled controls in Swedish", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <App host={host} strings={sv} />
      </FluentProvider>,
    );
    expect(html).toContain("<h1");
    expect(html).toContain("Ramkoll");
    expect(html).toContain("Skapa budgetmodell");
    expect(html).toContain("Räkna om");
    expect(html).toContain("Fyll med exempeldata");
    // The checkbox is on by default and its label is tied to it.
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    const inputId = /<input type="checkbox" id="([^"]+)"/.exec(html)?.[1];
    expect(inputId).toBeTruthy();
    expect(html).toContain(`for="${inputId}"`);
  });

  it("renders in English", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <App host={host} strings={en} />
      </FluentProvider>,
    );
    expect(html).toContain("Create budget model");
    expect(html).toContain("Fill with example data");
  });
});
