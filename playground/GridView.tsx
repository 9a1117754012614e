/**
 * A grid view of the simulated workbook: sheet tabs, a formula bar and the
 * cells of the active sheet, the selected cell highlighted. Clicking selects a
 * cell as a person would in Excel; typing writes it as a person would
 * (`sim.setCell`), so a bad input can be provoked. Everything shown is read
 * from the simulator: the workbook is the only state.
 */
import * as React from "react";
import { parseRange, splitSheet } from "../src/workbook/address";
import type { ExcelSimulator } from "../tests/excel-sim";
import { ChartView } from "./ChartView";
import { chartData, withFills } from "./chartView";
import { type SheetView, readSheet } from "./sheetView";
import type { PlaygroundStrings } from "./strings";

export interface GridViewProps {
  sim: ExcelSimulator;
  /** Changes whenever the workbook may have changed. */
  version: number;
  strings: PlaygroundStrings;
  locale: string;
  /** Tells the page that the workbook or its selection changed. */
  onChange: () => void;
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function GridView({ sim, version, strings: p, locale, onChange }: GridViewProps) {
  const sheets = sim.sheetNames();
  const active = sim.activeSheetName();
  const { sheet: selectedSheet, range } = splitSheet(sim.selection());
  const start = parseRange(range).start;
  const onActive = !selectedSheet || selectedSheet.toLowerCase() === active.toLowerCase();
  const view: SheetView = React.useMemo(() => readSheet(sim, active, { locale }), [sim, version, active, locale]);
  const cell = onActive ? view.rows[start.row]?.[start.col] : undefined;
  const charts = React.useMemo(
    () =>
      sim.charts(active).map((c) => ({
        ...c,
        data: withFills(
          chartData(c.source, c.seriesBy, (a) => sim.getValue(a)),
          c.series.map((s) => s.fill),
        ),
      })),
    [sim, version, active],
  );
  const number = React.useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const address = cell?.address ?? "A1";

  const [draft, setDraft] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const formulaRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLTableElement>(null);
  /** Whether the keyboard is in the grid, so that focus follows the selection. */
  const keyboardInGrid = React.useRef(false);

  // The selected cell in view, and focused when the keyboard is in the grid.
  React.useEffect(() => {
    const td = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${address}"]`);
    if (!td) return;
    td.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (keyboardInGrid.current) td.focus();
  }, [address, active, version]);

  const run = (work: (context: Excel.RequestContext) => void) =>
    sim
      .run(async (context) => {
        work(context);
        await context.sync();
      })
      .then(() => setError(null), (e) => setError(message(e)))
      .finally(onChange);

  const select = (target: string) => {
    setDraft(null);
    void run((context) => context.workbook.worksheets.getItem(active).getRange(target).select());
  };

  const activate = (sheet: string) => {
    setDraft(null);
    void run((context) => context.workbook.worksheets.getItem(sheet).activate());
  };

  const write = (input: string | null) => {
    try {
      sim.setCell(`${quote(active)}!${address}`, input === "" ? null : input);
      setError(null);
    } catch (e) {
      setError(p.typingFailed(address, message(e)));
    }
    setDraft(null);
    onChange();
  };

  const commit = () => {
    if (draft !== null && draft !== (cell?.input ?? "")) write(draft);
    else setDraft(null);
  };

  const move = (dRow: number, dCol: number) => {
    const row = Math.max(0, start.row + dRow);
    const col = Math.max(0, start.col + dCol);
    const target = view.rows[row]?.[col]?.address;
    if (target) select(target);
  };

  const onGridKey = (event: React.KeyboardEvent) => {
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[event.key]) {
      event.preventDefault();
      move(...arrows[event.key]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      setDraft(cell?.input ?? "");
      formulaRef.current?.focus();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      write(null);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on a selected cell starts writing into it, as in Excel.
      event.preventDefault();
      setDraft(event.key);
      formulaRef.current?.focus();
    }
  };

  return (
    <section className="workbook" aria-label={p.workbookLabel}>
      <div className="tabs" role="tablist" aria-label={p.sheets}>
        {sheets.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === active}
            tabIndex={name === active ? 0 : -1}
            className={name === active ? "tab active" : "tab"}
            onClick={() => activate(name)}
            onKeyDown={(event) => {
              const i = sheets.indexOf(name);
              const next = event.key === "ArrowRight" ? sheets[i + 1] : event.key === "ArrowLeft" ? sheets[i - 1] : undefined;
              if (next) {
                event.preventDefault();
                activate(next);
              }
            }}
          >
            {name}
          </button>
        ))}
      </div>

      <div className="formula-bar">
        <output className="name-box" aria-label={p.nameBox} data-testid="name-box">
          {address}
        </output>
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          ref={formulaRef}
          id="formula"
          className="formula"
          aria-label={p.formulaBar(address)}
          aria-describedby="typing-hint"
          value={draft ?? cell?.input ?? ""}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            } else if (event.key === "Escape") {
              event.preventDefault();
              setDraft(null);
            }
          }}
          onBlur={commit}
        />
      </div>
      <p id="typing-hint" className="hint">
        {p.typingHint}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}

      <div className="grid-scroll">
        <table
          ref={gridRef}
          className="grid"
          role="grid"
          aria-label={`${p.workbookLabel}: ${active}`}
          onKeyDown={onGridKey}
          onFocus={() => (keyboardInGrid.current = true)}
          onBlur={() => (keyboardInGrid.current = false)}
        >
          <thead>
            <tr>
              <th className="corner" aria-hidden="true" />
              {view.columns.map((letter) => (
                <th key={letter} scope="col" className={cell && letter === address.replace(/\d+$/, "") ? "col current" : "col"}>
                  {letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((cells, row) => (
              <tr key={row}>
                <th scope="row" className={cell && row === start.row ? "row current" : "row"}>
                  {row + 1}
                </th>
                {cells.map((c) => {
                  const selected = c.address === cell?.address;
                  const classes = ["cell", c.kind, c.header ? "header" : c.table ? "table" : "", c.formula !== null ? "formula-cell" : "", selected ? "selected" : ""];
                  return (
                    <td
                      key={c.address}
                      role="gridcell"
                      data-cell={c.address}
                      aria-selected={selected}
                      tabIndex={selected ? 0 : -1}
                      title={c.formula ?? (c.text.length > 24 ? c.text : undefined)}
                      className={classes.filter(Boolean).join(" ")}
                      onMouseDown={(event) => {
                        // Select first; the focus follows on the next render.
                        event.preventDefault();
                        keyboardInGrid.current = true;
                        if (draft !== null) commit();
                        select(c.address);
                      }}
                      onDoubleClick={() => {
                        setDraft(c.input);
                        formulaRef.current?.focus();
                      }}
                    >
                      {c.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {view.hiddenRows > 0 ? <p className="hint">{p.moreRows(view.hiddenRows)}</p> : null}
      </div>
      {charts.length > 0 ? (
        <section className="charts" aria-label={p.charts(active)}>
          {charts.map((c) => (
            <ChartView key={c.name} title={c.title || c.name} type={c.type} data={c.data} legend={c.legend} format={(v) => number.format(v)} />
          ))}
        </section>
      ) : null}
    </section>
  );
}
