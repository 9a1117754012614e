/**
 * The playground page: the task pane's own `App`, unchanged, beside a grid
 * view of the simulated workbook it works on.
 */
import * as React from "react";
import { App } from "../src/taskpane/App";
import type { RamkollHost } from "../src/taskpane/host";
import type { Strings } from "../src/taskpane/i18n";
import type { ExcelSimulator } from "../tests/excel-sim";
import { GridView } from "./GridView";
import { playgroundStrings } from "./strings";

export interface PlaygroundProps {
  sim: ExcelSimulator;
  /** The task pane's host: the real one, running against the simulator's Excel.run. */
  host: RamkollHost;
  strings: Strings;
  latencyMs: number;
}

/** A host that tells the page when a command has finished, so the grid reads the workbook again. */
export function observed(host: RamkollHost, changed: () => void): RamkollHost {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(host) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } finally {
        changed();
      }
    };
  }
  return wrapped as unknown as RamkollHost;
}

export function Playground({ sim, host, strings: t, latencyMs }: PlaygroundProps) {
  const p = playgroundStrings[t.language];
  const [version, setVersion] = React.useState(0);
  const changed = React.useCallback(() => setVersion((v) => v + 1), []);
  const paneHost = React.useMemo(() => observed(host, changed), [host, changed]);
  const other = t.language === "sv" ? "en" : "sv";

  return (
    <div className="playground">
      <aside className="pane" aria-label={p.paneLabel}>
        <App host={paneHost} strings={t} />
      </aside>
      <div className="side">
        <header className="bar">
          <h2 className="bar-title">{p.title}</h2>
          <nav aria-label={p.language} className="bar-links">
            <a href={`?lang=${other}`} lang={other === "en" ? "en" : "sv"} hrefLang={other}>
              {p.languages[other]}
            </a>
            <a href={`?lang=${t.language}`}>{p.restart}</a>
          </nav>
        </header>
        <p className="hint">
          {p.intro} {latencyMs > 0 ? p.latency(latencyMs) : null}
        </p>
        <GridView sim={sim} version={version} strings={p} locale={t.locale} onChange={changed} />
      </div>
    </div>
  );
}
