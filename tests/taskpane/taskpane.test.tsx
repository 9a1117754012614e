import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CommandResult, LocatedProblem } from "../../src/excel/commands";
import { App } from "../../src/taskpane/App";
import type { RamkollHost } from "../../src/taskpane/host";
import { pickLanguage, strings, stringsFor } from "../../src/taskpane/i18n";
import { MODEL_IDS, MODEL_TITLES } from "../../src/workbook/models/catalog";
import {
  cellReference,
  commandOutcome,
  errorMessage,
  fixOutcome,
  formatPlace,
  formatProblem,
  isCancelled,
  isRefusal,
  placeDetails,
  refusalHeadline,
  resultLines,
  roundOutcome,
  wasRestored,
} from "../../src/taskpane/outcome";

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
    expect(stringsFor("en-US").create).toBe("Create the model");
    expect(stringsFor("sv-SE").create).toBe("Skapa modellen");
  });

  it("has every text in both languages", () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(en)).toEqual(keys(sv));
    expect(keys(en.place)).toEqual(keys(sv.place));
    expect(keys(en.phase)).toEqual(keys(sv.phase));
    expect(keys(en.phase)).toEqual(["läser", "räknar", "skriver"]);
    // Every model known has an English title; Swedish uses the catalog's own.
    expect(keys(en.modelTitles)).toEqual([...MODEL_IDS].sort());
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

describe("what a run changed", () => {
  it("says what a command wrote and flagged, before the model's own lines", () => {
    const outcome = commandOutcome(result, sv);
    expect(outcome.title).toBe("Omräkningen är klar");
    expect(outcome.changes).toEqual(["1\u00a0234 celler skrivna", "2 synkroniseringar med Excel", "1 fel och 0 varningar flaggade"]);
    expect(outcome.summary).toEqual(result.summary);
    expect(outcome.problems).toEqual([problem]);
    const quiet = commandOutcome({ ...result, command: "create", cellsWritten: 0, problems: [] }, en);
    expect(quiet.title).toBe("The model is created");
    expect(quiet.changes).toEqual(["0 cells written", "2 syncs with Excel", "No problems flagged", "Nothing needed to change."]);
    const warnings = commandOutcome({ ...result, problems: [{ ...problem, severity: "varning" }, { ...problem, severity: "varning" }] }, sv);
    expect(warnings.changes[2]).toBe("0 fel och 2 varningar flaggade");
    // The amounts moved, the Swedish way in both languages.
    expect(commandOutcome({ ...result, moved: 4_850_000 }, sv).changes).toContain("4\u00a0850\u00a0000\u00a0kr flyttas eller fördelas");
    expect(commandOutcome({ ...result, moved: 25_000_000 }, en).changes).toContain("25\u00a0000\u00a0000\u00a0kr moved or allocated");
  });

  it("says where a round wrote and how many differences it found", () => {
    const compared = roundOutcome(
      "compare",
      { sheet: "Jämförelse", syncs: 3, differences: [{ table: "Budgetramar", key: "HSN 2024", change: "ny" }], summary: ["Jämförelse: A mot nuläget"], problems: [] },
      sv,
    );
    expect(compared).toEqual({
      title: "Jämförelsen är klar",
      changes: ["Skrivet på bladet Jämförelse", "1 skillnad", "3 synkroniseringar med Excel", "Inga problem flaggade"],
      summary: ["Jämförelse: A mot nuläget"],
      problems: [],
    });
    const protectedModel = roundOutcome("protect", { sheet: "Budget", syncs: 3, summary: ["Låst"], problems: [] }, en);
    expect(protectedModel.title).toBe("The model is protected");
    expect(protectedModel.changes).toEqual(["3 syncs with Excel", "No problems flagged"]);
    expect(fixOutcome(1, [problem], sv)).toEqual({ title: "Rättelsen är gjord", changes: ["1 cell skriven"], summary: [], problems: [problem] });
  });

  it("names a cell as Excel writes it, with the table, row and column after it", () => {
    expect(cellReference(problem.place!)).toBe("Budget!C5");
    expect(cellReference({ sheet: "Återredovisning 2019", cell: "B2" })).toBe("'Återredovisning 2019'!B2");
    expect(cellReference({ sheet: "Återredovisning", cell: "B2" })).toBe("Återredovisning!B2");
    expect(cellReference({ sheet: "Kim's", cell: "A1" })).toBe("'Kim''s'!A1");
    expect(cellReference({ sheet: "Budget" })).toBe("Budget");
    expect(placeDetails(problem.place!, sv)).toBe("tabell Ramar, rad 5, kolumn Belopp");
    expect(placeDetails({ sheet: "Budget", cell: "A1" }, en)).toBe("");
  });

  it("tells a cancelled command and a restored write from other errors", () => {
    const cancelled = Object.assign(new Error("Avbrutet: inget har ändrats i arbetsboken."), { name: "CommandCancelled" });
    expect(isCancelled(cancelled)).toBe(true);
    expect(isCancelled(new Error("x"))).toBe(false);
    expect(wasRestored(Object.assign(new Error("lost"), { name: "WriteFailed", restored: true }))).toBe(true);
    expect(wasRestored(Object.assign(new Error("lost"), { name: "WriteFailed", restored: false }))).toBe(false);
  });
});

describe("App", () => {
  const round = { sheet: "Budget", syncs: 1, summary: [], problems: [] };
  const host: RamkollHost = {
    create: () => Promise.resolve({ ...result, command: "create" }),
    recompute: () => Promise.resolve(result),
    acceptProposal: () => Promise.resolve(result),
    freeze: () => Promise.resolve(round),
    listVersions: () => Promise.resolve([]),
    compare: () => Promise.resolve(round),
    protect: () => Promise.resolve(round),
    unprotect: () => Promise.resolve(round),
    applyFixes: () => Promise.resolve(0),
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
    expect(html).toContain("Skapa modellen");
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
    expect(html).toContain("Create the model");
    expect(html).toContain("Fill with example data");
    expect(html).toContain("Budget frames and reallocations");
    expect(html).toContain("Freeze version");
  });

  it("offers every model in the catalog, each with versions and protection", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <App host={host} strings={sv} />
      </FluentProvider>,
    );
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
    expect(options).toEqual(MODEL_IDS.map((id) => [id, MODEL_TITLES[id]]));
    for (const label of ["Budgetomgång", "Fastställ version", "Skydda", "Ta bort skydd", "Lösenord för skyddet (valfritt)"]) expect(html).toContain(label);
    const grants = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <App host={host} strings={sv} model="stimulansmedel" />
      </FluentProvider>,
    );
    expect(grants).toContain("Skapa modellen");
    expect(grants).toContain("Versioner och skydd");
    expect(grants).toContain("Fastställ version");
    expect(grants).not.toContain("Budgetomgång");
  });
});
