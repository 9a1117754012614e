/**
 * Entry of the playground (`npm run playground`): a simulated workbook in the
 * browser, Office's globals installed over it, and the task pane's real code
 * (App, the Excel host, the commands in src/excel) running against it.
 *
 *   ?lang=en       English, as when Office's display language is English
 *   ?latency=800   milliseconds per sync (default 150, about Excel on the web)
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelSimulator, installGlobals } from "../tests/excel-sim";
import { excelHost } from "../src/taskpane/excel";
import { officeDisplayLanguage, stringsFor } from "../src/taskpane/i18n";
import { addLatency } from "./latency";
import { Playground } from "./Playground";

const params = new URLSearchParams(window.location.search);
const english = (params.get("lang") ?? "").toLowerCase().startsWith("en");
const latencyMs = Math.max(0, Math.min(10_000, Number(params.get("latency") ?? 150) || 0));

// An empty workbook, as Excel opens a new one.
const sim = new ExcelSimulator({
  platform: "web",
  userName: "Prova",
  locale: english ? "en-US" : "sv-SE",
  displayLanguage: english ? "en-US" : "sv-SE",
});
installGlobals(sim);
addLatency(sim, latencyMs);
// For the end-to-end tests and the curious: the workbook behind the grid.
(window as unknown as { ramkoll: unknown }).ramkoll = { sim };

void Office.onReady(() => {
  const strings = stringsFor(officeDisplayLanguage());
  document.documentElement.lang = strings.locale;
  const container = document.getElementById("container");
  if (!container) throw new Error("index.html has no #container");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Playground sim={sim} host={excelHost} strings={strings} latencyMs={latencyMs} />
    </FluentProvider>,
  );
});
