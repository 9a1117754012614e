// Everything a person reads in the task pane and the ribbon command's message,
// in Swedish (the default) and English (when Office's display language is English).

export type Language = "sv" | "en";

export interface Strings {
  language: Language;
  /** BCP 47 tag for number formatting and the lang attribute. */
  locale: string;
  title: string;
  intro: string;
  withExamples: string;
  withExamplesHint: string;
  create: string;
  recompute: string;
  running: string;
  createdTitle: string;
  recomputedTitle: string;
  cellsWritten: (n: number) => string;
  syncs: (n: number) => string;
  nothingChanged: string;
  problemsTitle: (n: number) => string;
  noProblems: string;
  severity: { fel: string; varning: string };
  refusedTitle: string;
  refusedBody: string;
  failedTitle: string;
  selectFailed: (place: string) => string;
  unknownError: string;
  goTo: (place: string) => string;
  place: {
    sheet: (name: string) => string;
    table: (name: string) => string;
    row: (n: number) => string;
    column: (name: string) => string;
    cell: (address: string) => string;
  };
  dismiss: string;
  notInExcel: string;
  /** The ribbon's "Räkna om" reports through a small dialog. */
  commandDoneTitle: string;
  commandFailedTitle: string;
  commandRefusedTitle: string;
  moreProblems: (n: number) => string;
  close: string;
}

const sv: Strings = {
  language: "sv",
  locale: "sv-SE",
  title: "Ramkoll",
  intro:
    "Skriver budgetmodellen i arbetsbokens tabeller, räknar om den exakt och pekar ut varje problem med blad och cell.",
  withExamples: "Fyll med exempeldata",
  withExamplesHint: "Nya tabeller får exempelrader som du kan skriva över.",
  create: "Skapa budgetmodell",
  recompute: "Räkna om",
  running: "Arbetar …",
  createdTitle: "Budgetmodellen är skapad",
  recomputedTitle: "Omräkningen är klar",
  cellsWritten: (n) => (n === 1 ? "1 cell skriven" : `${count(n, "sv-SE")} celler skrivna`),
  syncs: (n) => (n === 1 ? "1 synkronisering med Excel" : `${count(n, "sv-SE")} synkroniseringar med Excel`),
  nothingChanged: "Inget behövde ändras.",
  problemsTitle: (n) => `Problem (${count(n, "sv-SE")})`,
  noProblems: "Inga problem.",
  severity: { fel: "Fel", varning: "Varning" },
  refusedTitle: "Ramkoll skrev ingenting",
  refusedBody: "Rätta problemen nedan och försök igen.",
  failedTitle: "Kommandot kunde inte köras",
  selectFailed: (place) => `Kunde inte gå till ${place}`,
  unknownError: "Okänt fel",
  goTo: (place) => `Gå till ${place}`,
  place: {
    sheet: (name) => `blad ${name}`,
    table: (name) => `tabell ${name}`,
    row: (n) => `rad ${n}`,
    column: (name) => `kolumn ${name}`,
    cell: (address) => `cell ${address}`,
  },
  dismiss: "Stäng",
  notInExcel: "Ramkoll körs inuti Excel. Öppna arbetsboken i Excel och välj Visa Ramkoll på fliken Start.",
  commandDoneTitle: "Ramkoll: omräkningen är klar",
  commandFailedTitle: "Ramkoll: omräkningen misslyckades",
  commandRefusedTitle: "Ramkoll: omräkningen skrev ingenting",
  moreProblems: (n) => `… och ${count(n, "sv-SE")} till. Öppna Ramkoll för att se alla.`,
  close: "Stäng",
};

const en: Strings = {
  language: "en",
  locale: "en-US",
  title: "Ramkoll",
  intro:
    "Writes the budget model into the workbook's tables, recomputes it exactly and points out every problem by sheet and cell.",
  withExamples: "Fill with example data",
  withExamplesHint: "New tables get example rows that you can type over.",
  create: "Create budget model",
  recompute: "Recompute",
  running: "Working …",
  createdTitle: "The budget model is created",
  recomputedTitle: "Recomputed",
  cellsWritten: (n) => (n === 1 ? "1 cell written" : `${count(n, "en-US")} cells written`),
  syncs: (n) => (n === 1 ? "1 sync with Excel" : `${count(n, "en-US")} syncs with Excel`),
  nothingChanged: "Nothing needed to change.",
  problemsTitle: (n) => `Problems (${count(n, "en-US")})`,
  noProblems: "No problems.",
  severity: { fel: "Error", varning: "Warning" },
  refusedTitle: "Ramkoll wrote nothing",
  refusedBody: "Fix the problems below and try again.",
  failedTitle: "The command could not run",
  selectFailed: (place) => `Could not go to ${place}`,
  unknownError: "Unknown error",
  goTo: (place) => `Go to ${place}`,
  place: {
    sheet: (name) => `sheet ${name}`,
    table: (name) => `table ${name}`,
    row: (n) => `row ${n}`,
    column: (name) => `column ${name}`,
    cell: (address) => `cell ${address}`,
  },
  dismiss: "Dismiss",
  notInExcel: "Ramkoll runs inside Excel. Open the workbook in Excel and choose Show Ramkoll on the Home tab.",
  commandDoneTitle: "Ramkoll: recomputed",
  commandFailedTitle: "Ramkoll: recomputing failed",
  commandRefusedTitle: "Ramkoll: recomputing wrote nothing",
  moreProblems: (n) => `… and ${count(n, "en-US")} more. Open Ramkoll to see them all.`,
  close: "Close",
};

function count(n: number, locale: string): string {
  return n.toLocaleString(locale);
}

export const strings: Record<Language, Strings> = { sv, en };

/** English when Office's display language is English, Swedish otherwise. */
export function pickLanguage(displayLanguage: string | undefined | null): Language {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("en") ? "en" : "sv";
}

export function stringsFor(displayLanguage: string | undefined | null): Strings {
  return strings[pickLanguage(displayLanguage)];
}

/** Office's display language, or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  try {
    return typeof Office !== "undefined" && Office.context ? Office.context.displayLanguage : undefined;
  } catch {
    return undefined;
  }
}
