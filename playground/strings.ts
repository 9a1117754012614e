// What the playground itself says around the task pane, in Swedish and English.
import type { Language } from "../src/taskpane/i18n";

export interface PlaygroundStrings {
  title: string;
  intro: string;
  language: string;
  languages: Record<Language, string>;
  restart: string;
  paneLabel: string;
  workbookLabel: string;
  sheets: string;
  nameBox: string;
  formulaBar: (cell: string) => string;
  typingHint: string;
  typingFailed: (cell: string, message: string) => string;
  moreRows: (n: number) => string;
  charts: (sheet: string) => string;
  latency: (ms: number) => string;
}

export const playgroundStrings: Record<Language, PlaygroundStrings> = {
  sv: {
    title: "Ramkoll – prova utan Excel",
    intro: "Till vänster Ramkolls åtgärdsfönster, till höger en simulerad arbetsbok. Inget sparas: ladda om sidan för en tom arbetsbok.",
    language: "Språk",
    languages: { sv: "Svenska", en: "English" },
    restart: "Börja om med tom arbetsbok",
    paneLabel: "Ramkoll",
    workbookLabel: "Simulerad arbetsbok",
    sheets: "Blad",
    nameBox: "Markerad cell",
    formulaBar: (cell) => `Innehåll i ${cell}`,
    typingHint: "Skriv i en cell: markera den, skriv i fältet ovanför rutnätet (eller börja skriva) och tryck Retur. Esc ångrar.",
    typingFailed: (cell, message) => `Kunde inte skriva i ${cell}: ${message}`,
    moreRows: (n) => `… och ${n.toLocaleString("sv-SE")} rader till`,
    charts: (sheet) => `Diagram på bladet ${sheet}`,
    latency: (ms) => `Varje synkronisering med den simulerade arbetsboken tar ${ms} ms, som i Excel på webben.`,
  },
  en: {
    title: "Ramkoll – try it without Excel",
    intro: "On the left Ramkoll's task pane, on the right a simulated workbook. Nothing is saved: reload the page for an empty workbook.",
    language: "Language",
    languages: { sv: "Svenska", en: "English" },
    restart: "Start again with an empty workbook",
    paneLabel: "Ramkoll",
    workbookLabel: "Simulated workbook",
    sheets: "Sheets",
    nameBox: "Selected cell",
    formulaBar: (cell) => `Contents of ${cell}`,
    typingHint: "Type into a cell: select it, type in the field above the grid (or just start typing) and press Enter. Esc undoes.",
    typingFailed: (cell, message) => `Could not write to ${cell}: ${message}`,
    moreRows: (n) => `… and ${n.toLocaleString("en-US")} more rows`,
    charts: (sheet) => `Charts on the sheet ${sheet}`,
    latency: (ms) => `Each sync with the simulated workbook takes ${ms} ms, as in Excel on the web.`,
  },
};
