// Everything a person reads in the task pane and the ribbon command's message,
// in Swedish (the default) and English (when Office's display language is English).
// What the models themselves say (summaries, problems) is Swedish in both.
import type { CommandPhase } from "../excel/commands";

export type Language = "sv" | "en";

export interface Strings {
  language: Language;
  /** BCP 47 tag for number formatting and the lang attribute. */
  locale: string;
  title: string;
  intro: string;
  /** A model's title; models without one of their own in this language keep their Swedish title. */
  modelTitles: Record<string, string>;
  modelLabel: string;
  createHeading: string;
  withExamples: string;
  withExamplesHint: string;
  create: string;
  recompute: string;
  recomputeHint: string;
  /** Versions and protection: a budget round for the budget, versions for the others. */
  roundHeading: (model: string) => string;
  proposalHeading: string;
  acceptProposal: string;
  acceptedTitle: string;
  freeze: string;
  compare: string;
  compareFrom: string;
  compareTo: string;
  now: string;
  noVersions: string;
  password: string;
  passwordHint: string;
  protect: string;
  unprotect: string;
  running: string;
  phase: Record<CommandPhase, string>;
  cancel: string;
  cannotCancel: string;
  cancelledTitle: string;
  cancelledBody: string;
  createdTitle: string;
  recomputedTitle: string;
  frozenTitle: string;
  comparedTitle: string;
  protectedTitle: string;
  unprotectedTitle: string;
  fixedTitle: string;
  cellsWritten: (n: number) => string;
  /** The amount formatted the Swedish way, in both languages. */
  moved: (amount: string) => string;
  syncs: (n: number) => string;
  flagged: (errors: number, warnings: number) => string;
  differences: (n: number) => string;
  sheetWritten: (sheet: string) => string;
  nothingChanged: string;
  problemsTitle: (n: number) => string;
  noProblems: string;
  severity: { fel: string; varning: string };
  fix: (label: string, place: string) => string;
  refusedTitle: string;
  refusedBody: string;
  failedTitle: string;
  restoredBody: string;
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
  /** Several models, some recomputed and some not. */
  commandPartlyTitle: string;
  commandNoModelTitle: string;
  commandNoModelBody: string;
  moreProblems: (n: number) => string;
  close: string;
}

const sv: Strings = {
  language: "sv",
  locale: "sv-SE",
  title: "Ramkoll",
  intro: "Skriver modellerna i arbetsbokens tabeller, räknar om dem exakt och pekar ut varje problem med blad och cell.",
  modelTitles: {},
  modelLabel: "Modell",
  createHeading: "Skapa",
  withExamples: "Fyll med exempeldata",
  withExamplesHint: "Nya tabeller får exempelrader som du kan skriva över.",
  create: "Skapa modellen",
  recompute: "Räkna om",
  recomputeHint: "Räknar om, stämmer av och skriver uppföljningsrapporterna.",
  roundHeading: (model) => (model === "budget" ? "Budgetomgång" : "Versioner och skydd"),
  proposalHeading: "Förslag",
  acceptProposal: "Godkänn förslaget",
  acceptedTitle: "Förslaget är godkänt",
  freeze: "Fastställ version",
  compare: "Jämför",
  compareFrom: "Version",
  compareTo: "Jämför med",
  now: "Nuläget",
  noVersions: "Inga fastställda versioner ännu.",
  password: "Lösenord för skyddet (valfritt)",
  passwordHint: "Används för att skydda, ta bort skyddet och räkna om på skyddade blad. Sparas inte.",
  protect: "Skydda",
  unprotect: "Ta bort skydd",
  running: "Arbetar …",
  phase: { läser: "Läser arbetsboken …", räknar: "Räknar …", skriver: "Skriver i arbetsboken …" },
  cancel: "Avbryt",
  cannotCancel: "Skrivningen har börjat och avslutas.",
  cancelledTitle: "Avbrutet",
  cancelledBody: "Inget har ändrats i arbetsboken.",
  createdTitle: "Modellen är skapad",
  recomputedTitle: "Omräkningen är klar",
  frozenTitle: "Versionen är fastställd",
  comparedTitle: "Jämförelsen är klar",
  protectedTitle: "Modellen är skyddad",
  unprotectedTitle: "Skyddet är borttaget",
  fixedTitle: "Rättelsen är gjord",
  cellsWritten: (n) => (n === 1 ? "1 cell skriven" : `${count(n, "sv-SE")} celler skrivna`),
  moved: (amount) => `${amount} flyttas eller fördelas`,
  syncs: (n) => (n === 1 ? "1 synkronisering med Excel" : `${count(n, "sv-SE")} synkroniseringar med Excel`),
  flagged: (errors, warnings) =>
    errors + warnings === 0
      ? "Inga problem flaggade"
      : `${count(errors, "sv-SE")} fel och ${count(warnings, "sv-SE")} ${warnings === 1 ? "varning" : "varningar"} flaggade`,
  differences: (n) => (n === 1 ? "1 skillnad" : `${count(n, "sv-SE")} skillnader`),
  sheetWritten: (sheet) => `Skrivet på bladet ${sheet}`,
  nothingChanged: "Inget behövde ändras.",
  problemsTitle: (n) => `Problem (${count(n, "sv-SE")})`,
  noProblems: "Inga problem.",
  severity: { fel: "Fel", varning: "Varning" },
  fix: (label, place) => `${label} i ${place}`,
  refusedTitle: "Ramkoll skrev ingenting",
  refusedBody: "Rätta problemen nedan och försök igen.",
  failedTitle: "Kommandot kunde inte köras",
  restoredBody: "Det som hann skrivas är återställt.",
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
  commandPartlyTitle: "Ramkoll: en del av omräkningen gick inte",
  commandNoModelTitle: "Ramkoll: ingen modell att räkna om",
  commandNoModelBody: "Arbetsboken har ingen Ramkoll-modell. Öppna Ramkoll med Visa Ramkoll och skapa en.",
  moreProblems: (n) => `… och ${count(n, "sv-SE")} till. Öppna Ramkoll för att se alla.`,
  close: "Stäng",
};

const en: Strings = {
  language: "en",
  locale: "en-US",
  title: "Ramkoll",
  intro: "Writes the models into the workbook's tables, recomputes them exactly and points out every problem by sheet and cell.",
  modelTitles: {
    budget: "Budget frames and reallocations",
    manadsrapport: "Monthly report",
    stimulansmedel: "State grants",
  },
  modelLabel: "Model",
  createHeading: "Create",
  withExamples: "Fill with example data",
  withExamplesHint: "New tables get example rows that you can type over.",
  create: "Create the model",
  recompute: "Recompute",
  recomputeHint: "Recomputes, reconciles and writes the follow-up reports.",
  roundHeading: (model) => (model === "budget" ? "Budget round" : "Versions and protection"),
  proposalHeading: "Proposal",
  acceptProposal: "Accept the proposal",
  acceptedTitle: "The proposal is accepted",
  freeze: "Freeze version",
  compare: "Compare",
  compareFrom: "Version",
  compareTo: "Compare with",
  now: "Now",
  noVersions: "No frozen versions yet.",
  password: "Protection password (optional)",
  passwordHint: "Used to protect, unprotect and recompute on protected sheets. Not stored.",
  protect: "Protect",
  unprotect: "Unprotect",
  running: "Working …",
  phase: { läser: "Reading the workbook …", räknar: "Computing …", skriver: "Writing to the workbook …" },
  cancel: "Cancel",
  cannotCancel: "Writing has begun and will finish.",
  cancelledTitle: "Cancelled",
  cancelledBody: "Nothing in the workbook has changed.",
  createdTitle: "The model is created",
  recomputedTitle: "Recomputed",
  frozenTitle: "The version is frozen",
  comparedTitle: "Compared",
  protectedTitle: "The model is protected",
  unprotectedTitle: "Protection removed",
  fixedTitle: "Corrected",
  cellsWritten: (n) => (n === 1 ? "1 cell written" : `${count(n, "en-US")} cells written`),
  moved: (amount) => `${amount} moved or allocated`,
  syncs: (n) => (n === 1 ? "1 sync with Excel" : `${count(n, "en-US")} syncs with Excel`),
  flagged: (errors, warnings) =>
    errors + warnings === 0
      ? "No problems flagged"
      : `${count(errors, "en-US")} ${errors === 1 ? "error" : "errors"} and ${count(warnings, "en-US")} ${warnings === 1 ? "warning" : "warnings"} flagged`,
  differences: (n) => (n === 1 ? "1 difference" : `${count(n, "en-US")} differences`),
  sheetWritten: (sheet) => `Written to the sheet ${sheet}`,
  nothingChanged: "Nothing needed to change.",
  problemsTitle: (n) => `Problems (${count(n, "en-US")})`,
  noProblems: "No problems.",
  severity: { fel: "Error", varning: "Warning" },
  fix: (label, place) => `${label} in ${place}`,
  refusedTitle: "Ramkoll wrote nothing",
  refusedBody: "Fix the problems below and try again.",
  failedTitle: "The command could not run",
  restoredBody: "What had been written is restored.",
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
  commandPartlyTitle: "Ramkoll: part of the recompute did not go through",
  commandNoModelTitle: "Ramkoll: no model to recompute",
  commandNoModelBody: "The workbook holds no Ramkoll model. Open Ramkoll with Show Ramkoll and create one.",
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
