/**
 * Excel simulator for tests: the part of the Excel JavaScript API (Office.js, `Excel.*`) that the
 * project's adapter uses, with Excel's rules, so code written against @types/office-js runs unchanged.
 * Where it cannot do what Excel does it throws (code NotImplemented, message "The Excel simulator cannot
 * reproduce this faithfully: …") instead of pretending. Formulas are computed by HyperFormula (GPL-3.0):
 * this folder is test-only and must never be imported from src/.
 *
 * Browser-safe: no Node-only APIs (no fs, no Buffer), so it can be bundled for a playground.
 *
 * Notes on rules that are easy to get wrong (sources in the files named):
 * - Excel.run calls a final `context.sync()` after the batch's promise resolves (Office.js
 *   `ClientRequestContext._runCommon`: `.then(runBodyResult => ctx.sync(runBodyResult))`); it is a round
 *   trip only when something is queued. If the batch rejects, nothing more is sent. A batch that returns
 *   no promise fails with RunMustReturnPromise. (client.ts)
 * - Writing values right below a table does not grow the table through the simulator's API: call
 *   `table.resize()`. In Excel the AutoCorrect option "Include new rows and columns in table" can grow the
 *   table on such writes, but it is a per-user option and misbehaves for large writes (office-js issues
 *   #3191 and #3013: only part of the rows end up in the table; #6745: AutoCorrect also rewrites formulas),
 *   so code must resize explicitly; resizing to the range Excel already grew to is harmless. `setCell`
 *   (a person typing) does grow the table by a row or a column, as Excel's default AutoCorrect does.
 * - Calculated columns: the same AutoCorrect family rewrites formulas written through the API into table
 *   columns (issues #5909, #2093); the simulator refuses the writes it would change. (workbook.ts)
 * - `failNextSync()` makes the next request fail after its first ⌊n/2⌋ actions ran (n = every queued
 *   action, including the instantiation of proxies), as a lost connection half way would: Excel keeps
 *   what was applied and does not roll back.
 */
import { cellKey, formatAddress, parseAddress, type Rect } from './address';
import { SimContext, chartSeries, type SyncStats } from './client';
import { OfficeError, officeError } from './errors';
import type { DisplayLocale } from './format';
import { contentFormula, type CellValue } from './values';
import { CHART_LINE_STYLES, CHART_TYPES, WorkbookModel, type SheetModel } from './workbook';

export { isOfficeError, OfficeError } from './errors';
export type { CellValue } from './values';
export type { SyncStats } from './client';

export interface SimulatorOptions {
  /** 'web' (default) enforces Excel on the web's 5 MB request and response limits. */
  platform?: 'web' | 'desktop';
  userName?: string;
  /** Locale of Range.text (separators, month names). Default en-US. */
  locale?: DisplayLocale;
  /** Office.context.displayLanguage given by installGlobals. Default sv-SE. */
  displayLanguage?: string;
}

export interface TableView {
  sheet: string;
  address: string;
  headers: string[];
  rows: CellValue[][];
}

/** A chart as `ExcelSimulator.charts` shows it. */
export interface ChartView {
  name: string;
  type: string;
  title: string;
  source: string;
  seriesBy: string;
  legend: boolean;
  series: { name: string; fill: string; lineStyle: string | null }[];
}

export class ExcelSimulator {
  readonly model: WorkbookModel;
  readonly platform: 'web' | 'desktop';
  readonly userName: string;
  readonly displayLanguage: string;
  readonly stats: SyncStats = { syncs: 0, requests: [], cellsWritten: 0 };
  private failure: { code: string; message: string } | null = null;

  constructor(opts: SimulatorOptions = {}) {
    this.platform = opts.platform ?? 'web';
    this.userName = opts.userName ?? 'Test User';
    this.displayLanguage = opts.displayLanguage ?? 'sv-SE';
    this.model = new WorkbookModel({ platform: this.platform, userName: this.userName, locale: opts.locale ?? 'en-US' });
  }

  /** Like Excel.run: runs the batch with a new request context, then a final sync. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new SimContext(this);
    try {
      const p = batch(ctx as unknown as Excel.RequestContext) as unknown;
      if (!p || typeof (p as Promise<T>).then !== 'function') throw officeError('RunMustReturnPromise', 'Excel.run');
      const result = await (p as Promise<T>);
      await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
      ctx._queue = [];
    }
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requests.length = 0;
    this.stats.cellsWritten = 0;
  }

  /** The next sync fails with this error after applying the first half of its actions. */
  failNextSync(error: { code: string; message: string } = { code: 'GeneralException', message: 'lost connection' }): void {
    this.failure = error;
  }

  takeFailure(): { code: string; message: string } | null {
    const f = this.failure;
    this.failure = null;
    return f;
  }

  private cell(address: string): { sheet: SheetModel; r: number; c: number } {
    const p = parseAddress(address, 'ExcelSimulator');
    const sheet = p.sheet === undefined ? this.model.activeSheet : this.model.findSheet(p.sheet);
    if (!sheet) throw officeError('ItemNotFound', 'ExcelSimulator', `No worksheet ${p.sheet}`);
    if (p.rect.r0 !== p.rect.r1 || p.rect.c0 !== p.rect.c1) throw officeError('InvalidArgument', 'ExcelSimulator', 'Give one cell');
    return { sheet, r: p.rect.r0, c: p.rect.c0 };
  }

  /** The computed value of a cell ("Budget!B5"): number, string, boolean, '' when empty, '#DIV/0!' etc. */
  getValue(address: string): CellValue {
    const { sheet, r, c } = this.cell(address);
    return this.model.value(sheet, r, c, `getValue(${address})`).value;
  }

  /** The formula as written (structured references as written), or null for a constant or empty cell. */
  getFormula(address: string): string | null {
    const { sheet, r, c } = this.cell(address);
    const content = sheet.contents.get(cellKey(r, c));
    return content && content.t === 'f' ? (contentFormula(content) as string) : null;
  }

  /** The number format of a cell. */
  getNumberFormat(address: string): string {
    const { sheet, r, c } = this.cell(address);
    return this.model.numberFormatOf(sheet, r, c, `getNumberFormat(${address})`);
  }

  /** Range.text of one cell: its value shown through its number format in the simulator's locale (read-only). */
  getText(address: string): string {
    const { sheet, r, c } = this.cell(address);
    return this.model.texts(sheet, { r0: r, c0: c, r1: r, c1: c })[0][0];
  }

  /** The used range of a sheet as `Worksheet.getUsedRange()` gives it ("Budget!A1:N5"), or null for an empty sheet (read-only). */
  usedRange(sheet: string): string | null {
    const s = this.model.findSheet(sheet);
    if (!s) throw officeError('ItemNotFound', 'ExcelSimulator.usedRange', `No worksheet ${sheet}`);
    const r = this.model.usedRect(s, false);
    return r ? formatAddress(s.name, r) : null;
  }

  /**
   * The charts of a sheet as the API shows them (read-only): name, type, title, the source range with its sheet,
   * whether the legend shows, and the series with the formats set on them: `fill` "none" (invisible), "#RRGGBB",
   * or "automatic" (the chart style's own); `lineStyle` of the outline, or null when never set.
   */
  charts(sheet: string): ChartView[] {
    const s = this.model.findSheet(sheet);
    if (!s) throw officeError('ItemNotFound', 'ExcelSimulator.charts', `No worksheet ${sheet}`);
    return s.charts.map((c) => ({
      name: c.name,
      type: c.type,
      title: c.title.text,
      source: formatAddress(c.sourceSheet, c.source),
      seriesBy: c.seriesBy,
      legend: c.legend.visible,
      series: chartSeries({ sheet: s, chart: c }, this.model).map((x) => ({
        name: x.name,
        fill: c.seriesFormat[x.index]?.fill ?? 'automatic',
        lineStyle: c.seriesFormat[x.index]?.lineStyle ?? null,
      })),
    }));
  }

  /** A person typing into a cell: '=…' becomes a formula, null clears. Bypasses the API (no sync). */
  setCell(address: string, input: string | number | boolean | null): void {
    const { sheet, r, c } = this.cell(address);
    this.model.typeCell(sheet, r, c, input);
  }

  /** Deterministic JSON of the whole workbook, for "workbook unchanged" assertions. */
  snapshot(): string {
    return this.model.snapshot();
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  tableNames(): string[] {
    return this.model.tables.map((t) => t.name);
  }

  table(name: string): TableView {
    const t = this.model.findTable(name);
    if (!t) throw officeError('ItemNotFound', 'ExcelSimulator.table', `No table ${name}`);
    const d: Rect = t.dataRect;
    return {
      sheet: t.sheet.name,
      address: formatAddress(t.sheet.name, t.rect),
      headers: t.columns.map((c) => c.name),
      rows: this.model.values(t.sheet, d),
    };
  }

  /** The selected range ("Budget!A1:B2") and the active sheet. */
  selection(): string {
    return formatAddress(this.model.selection.sheet.name, this.model.selection.rect);
  }
  activeSheetName(): string {
    return this.model.activeSheet.name;
  }
}

function enumOf(values: string[]): Record<string, string> {
  const o: Record<string, string> = {};
  for (const v of values) {
    const key = /^[0-9]/.test(v) ? `_${v}` : v.charAt(0).toLowerCase() + v.slice(1);
    o[key] = v;
  }
  return o;
}

/**
 * Installs minimal `Excel`, `Office` and `OfficeExtension` globals so code that calls the global
 * `Excel.run` works in jest (and in a browser bundle). Returns a function that restores the previous globals.
 */
export function installGlobals(sim: ExcelSimulator): () => void {
  const g = globalThis as Record<string, unknown>;
  const previous = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  const errorCodes = enumOf([
    'AccessDenied',
    'ApiNotFound',
    'Conflict',
    'GeneralException',
    'InvalidArgument',
    'InvalidOperation',
    'InvalidReference',
    'InvalidSelection',
    'ItemAlreadyExists',
    'ItemNotFound',
    'NotImplemented',
    'RangeExceedsLimit',
    'RequestPayloadSizeLimitExceeded',
    'ResponsePayloadSizeLimitExceeded',
    'UnsupportedOperation',
  ]);
  g.Excel = {
    run: (...args: unknown[]) => {
      const batch = args[args.length - 1];
      if (typeof batch !== 'function') return Promise.reject(officeError('InvalidArgument', 'Excel.run'));
      return sim.run(batch as (c: Excel.RequestContext) => Promise<unknown>);
    },
    ErrorCodes: errorCodes,
    ClearApplyTo: enumOf(['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents']),
    SheetVisibility: enumOf(['Visible', 'Hidden', 'VeryHidden']),
    ChartType: enumOf([...CHART_TYPES]),
    ChartSeriesBy: enumOf(['Auto', 'Columns', 'Rows']),
    HorizontalAlignment: enumOf(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed']),
    VerticalAlignment: enumOf(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']),
    RangeValueType: enumOf(['Unknown', 'Empty', 'String', 'Integer', 'Double', 'Boolean', 'Error', 'RichValue']),
    DataValidationType: enumOf(['None', 'WholeNumber', 'Decimal', 'List', 'Date', 'Time', 'TextLength', 'Custom', 'Inconsistent', 'MixedCriteria']),
    DataValidationOperator: enumOf([
      'Between',
      'NotBetween',
      'EqualTo',
      'NotEqualTo',
      'GreaterThan',
      'LessThan',
      'GreaterThanOrEqualTo',
      'LessThanOrEqualTo',
    ]),
    DataValidationAlertStyle: enumOf(['Stop', 'Warning', 'Information']),
    CalculationMode: enumOf(['Automatic', 'AutomaticExceptTables', 'Manual']),
    CalculationType: enumOf(['Recalculate', 'Full', 'FullRebuild']),
    ChartLineStyle: enumOf(CHART_LINE_STYLES),
    ChartLegendPosition: enumOf(['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom']),
    RangeUnderlineStyle: enumOf(['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant']),
  };
  g.OfficeExtension = {
    Error: OfficeError,
    ErrorCodes: errorCodes,
  };
  const info = { host: 'Excel', platform: sim.platform === 'web' ? 'OfficeOnline' : 'PC' };
  g.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    onReady: (cb?: (i: typeof info) => void) => {
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: sim.displayLanguage,
      contentLanguage: sim.displayLanguage,
      platform: info.platform,
      requirements: { isSetSupported: (_name: string, _version?: string) => true },
    },
  };
  return () => {
    g.Excel = previous.Excel;
    g.Office = previous.Office;
    g.OfficeExtension = previous.OfficeExtension;
  };
}
