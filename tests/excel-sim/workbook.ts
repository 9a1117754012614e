/**
 * The workbook the simulator holds: sheets, cells, formats, tables, charts, validation, protection and
 * settings, with Excel's rules for changing them. Every method either applies a change completely or
 * throws an OfficeError without changing anything.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellCount,
  cellKey,
  cellName,
  colsOf,
  formatAddress,
  intersection,
  intersects,
  isEntireColumns,
  isEntireRows,
  keyCol,
  keyRow,
  looksLikeCellReference,
  rect as mkRect,
  rowsOf,
  type Rect,
} from './address';
import { Engine, isKnownFunction, rawFor } from './engine';
import { notSimulated, officeError } from './errors';
import { formatValue, type DisplayLocale } from './format';
import {
  a1References,
  canonicalStructured,
  fromR1C1,
  functionNames,
  toR1C1,
  renameColumnInFormula,
  renameSheetInFormula,
  renameTableInFormula,
  translateFormula,
  type TableInfo,
} from './formula-text';
import { classifyInput, contentFormula, type CellValue, type Content, type WriteResult } from './values';
import type { RawCellContent } from 'hyperformula';

/** Excel on the web refuses requests and responses over 5 MB; a read may cover at most 5 000 000 cells. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;

export interface CellFormat {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  underline: string;
  fontColor: string;
  fontSize: number;
  fontName: string;
  fill: string; // '' = no fill
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  locked: boolean;
  formulaHidden: boolean;
}

export type FormatKey = keyof CellFormat;

export const DEFAULT_FORMAT: CellFormat = {
  numberFormat: 'General',
  bold: false,
  italic: false,
  underline: 'None',
  fontColor: '#000000',
  fontSize: 11,
  fontName: 'Calibri',
  fill: '',
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  locked: true,
  formulaHidden: false,
};

/** Functions after which Excel formats a General cell as a date or time when the formula is entered. */
const DATE_FUNCTIONS = new Set(['DATE', 'TODAY', 'NOW', 'TIME', 'DATEVALUE', 'TIMEVALUE']);

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
export const DEFAULT_ROW_HEIGHT = 15;

export type ProtectionOptions = Record<string, boolean>;

export interface ValidationEntry {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt: Record<string, unknown> | null;
  errorAlert: Record<string, unknown> | null;
}

export interface ChartModel {
  id: number;
  name: string;
  type: string;
  sourceSheet: string;
  source: Rect;
  seriesBy: string;
  title: { text: string; visible: boolean };
  position: { startCell: string | null; endCell: string | null; top: number; left: number; width: number; height: number };
  legend: { visible: boolean; position: string };
  /**
   * Formats set on series, by series index: the fill ("none" after `ChartFill.clear()`, "#RRGGBB" after
   * `setSolidColor`) and the outline's `lineStyle`; a series not listed keeps the chart style's own.
   */
  seriesFormat: Record<number, { fill?: string; lineStyle?: string }>;
  deleted: boolean;
}

export const CHART_LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Grey25', 'Grey50', 'Grey75', 'Automatic', 'RoundDot'];

export class SheetModel {
  readonly contents = new Map<number, Content>();
  readonly cellFmt = new Map<number, Partial<CellFormat>>();
  readonly rowFmt = new Map<number, Partial<CellFormat>>();
  readonly colFmt = new Map<number, Partial<CellFormat>>();
  sheetFmt: Partial<CellFormat> = {};
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  defaultColWidth = DEFAULT_COLUMN_WIDTH;
  /** Engine formula text of cells whose formulas contain structured references (re-translated when tables change). */
  readonly structured = new Map<number, string>();
  protection: { protected: boolean; options: ProtectionOptions; password: string | null } = {
    protected: false,
    options: {},
    password: null,
  };
  validations: ValidationEntry[] = [];
  charts: ChartModel[] = [];
  freeze = { rows: 0, columns: 0 };
  tabColor = '';
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  deleted = false;

  constructor(
    readonly id: number,
    public name: string,
    readonly hfId: number,
  ) {}

  get guid(): string {
    return `{${String(this.id).padStart(8, '0')}-0001-0000-0000-000000000000}`;
  }

  format(r: number, c: number): CellFormat {
    const k = cellKey(r, c);
    return {
      ...DEFAULT_FORMAT,
      ...this.sheetFmt,
      ...this.colFmt.get(c),
      ...this.rowFmt.get(r),
      ...this.cellFmt.get(k),
    };
  }

  formatProp<K extends FormatKey>(r: number, c: number, key: K): CellFormat[K] {
    const cf = this.cellFmt.get(cellKey(r, c));
    if (cf && key in cf) return cf[key] as CellFormat[K];
    const rf = this.rowFmt.get(r);
    if (rf && key in rf) return rf[key] as CellFormat[K];
    const colf = this.colFmt.get(c);
    if (colf && key in colf) return colf[key] as CellFormat[K];
    if (key in this.sheetFmt) return this.sheetFmt[key] as CellFormat[K];
    return DEFAULT_FORMAT[key];
  }

  colWidth(c: number): number {
    return this.colWidths.get(c) ?? this.defaultColWidth;
  }
}

export interface TableColumnModel {
  id: number;
  name: string;
}

export class TableModel {
  showTotals = false;
  style = 'TableStyleMedium2';
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  deleted = false;

  constructor(
    readonly id: number,
    public name: string,
    public sheet: SheetModel,
    public rect: Rect,
    public columns: TableColumnModel[],
  ) {}

  get headerRow(): number {
    return this.rect.r0;
  }
  get dataRect(): Rect {
    return { r0: this.rect.r0 + 1, c0: this.rect.c0, r1: this.showTotals ? this.rect.r1 - 1 : this.rect.r1, c1: this.rect.c1 };
  }
  get headerRect(): Rect {
    return { r0: this.rect.r0, c0: this.rect.c0, r1: this.rect.r0, c1: this.rect.c1 };
  }
  get totalsRect(): Rect | null {
    return this.showTotals ? { r0: this.rect.r1, c0: this.rect.c0, r1: this.rect.r1, c1: this.rect.c1 } : null;
  }
  info(): TableInfo {
    return {
      id: this.id,
      name: this.name,
      sheetName: this.sheet.name,
      rect: this.rect,
      showTotals: this.showTotals,
      columns: this.columns.map((c) => c.name),
    };
  }
}

export interface WorkbookOptions {
  platform: 'web' | 'desktop';
  userName: string;
  locale: DisplayLocale;
}

const ILLEGAL_SHEET_CHARS = /[:\\/?*[\]]/;
const TABLE_STYLE = /^TableStyle(Light([1-9]|1[0-9]|2[0-1])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[0-1]))$/;

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  darkblue: '#00008B',
  darkgreen: '#006400',
  darkred: '#8B0000',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  navy: '#000080',
  teal: '#008080',
  silver: '#C0C0C0',
  maroon: '#800000',
  olive: '#808000',
  lime: '#00FF00',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  gold: '#FFD700',
};

/** "#rrggbb", "#rgb" or an HTML colour name → "#RRGGBB" (as Excel returns colours). */
export function normalizeColor(v: unknown, location: string): string {
  if (typeof v !== 'string') throw officeError('InvalidArgument', location);
  const s = v.trim();
  let m = /^#([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  m = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  throw officeError('InvalidArgument', location, `Not a colour Excel accepts: ${JSON.stringify(v)}`);
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];

export class WorkbookModel {
  readonly engine: Engine;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet!: SheetModel;
  selection!: { sheet: SheetModel; rect: Rect };
  properties: Record<string, string> = { title: '', subject: '', author: '', keywords: '', comments: '', category: '', manager: '', company: '' };
  calculationMode = 'Automatic';
  /** Cells written through values/formulas since the counter was last read (stats). */
  cellsWritten = 0;
  private nextSheetId = 1;
  private nextTableId = 1;
  private nextChartId = 1;
  private nextColumnId = 1;

  constructor(readonly options: WorkbookOptions) {
    this.engine = new Engine(options.locale);
    const s = this.addSheet('Sheet1');
    this.activeSheet = s;
    this.selection = { sheet: s, rect: mkRect(0, 0) };
    this.properties.author = options.userName;
  }

  // ---------------------------------------------------------------- sheets

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  findSheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  /** Worksheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe,
   * not "History" (reserved by Excel), unique ignoring case. */
  validateSheetName(name: unknown, location: string, except?: SheetModel): string {
    if (typeof name !== 'string') throw officeError('InvalidArgument', location, 'A sheet name must be a string');
    if (name.trim() === '' || name.length > 31 || ILLEGAL_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw officeError(
        'InvalidArgument',
        location,
        `Not a valid sheet name: ${JSON.stringify(name)} (1–31 characters, none of : \\ / ? * [ ], no apostrophe first or last)`,
      );
    }
    if (name.toLowerCase() === 'history') throw officeError('InvalidArgument', location, '"History" is reserved by Excel');
    const existing = this.findSheet(name);
    if (existing && existing !== except) {
      throw officeError('ItemAlreadyExists', location, `A sheet named ${JSON.stringify(existing.name)} already exists`);
    }
    return name;
  }

  addSheet(name?: string): SheetModel {
    let n: string;
    if (name === undefined || name === null) {
      let i = this.sheets.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    } else {
      n = this.validateSheetName(name, 'WorksheetCollection.add');
    }
    const hfId = this.engine.addSheet(n);
    const s = new SheetModel(this.nextSheetId++, n, hfId);
    this.sheets.push(s);
    return s;
  }

  deleteSheet(s: SheetModel): void {
    if (s.visibility === 'VeryHidden') {
      throw officeError('InvalidOperation', 'Worksheet.delete', 'A very hidden sheet cannot be deleted; make it visible first');
    }
    if (s.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw officeError('InvalidOperation', 'Worksheet.delete', 'A workbook must contain at least one visible worksheet');
    }
    for (const t of this.tables.filter((t) => t.sheet === s)) {
      t.deleted = true;
    }
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.sheets = this.sheets.filter((x) => x !== s);
    s.deleted = true;
    this.engine.removeSheet(s.hfId);
    if (this.activeSheet === s) this.activeSheet = this.visibleSheets()[0];
    if (this.selection.sheet === s) this.selection = { sheet: this.activeSheet, rect: mkRect(0, 0) };
    this.retranslateAll();
  }

  renameSheet(s: SheetModel, name: unknown): void {
    const n = this.validateSheetName(name, 'Worksheet.name', s);
    if (n === s.name) return;
    const old = s.name;
    this.engine.renameSheet(s.hfId, n);
    s.name = n;
    // Excel rewrites formulas that refer to the sheet.
    for (const sh of this.sheets) {
      for (const [k, c] of sh.contents) {
        if (c.t === 'f') {
          const f2 = renameSheetInFormula(c.f, old, n);
          if (f2 !== c.f) sh.contents.set(k, { t: 'f', f: f2 });
        }
      }
    }
    this.retranslateAll();
  }

  setSheetPosition(s: SheetModel, pos: unknown): void {
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= this.sheets.length) {
      throw officeError('InvalidArgument', 'Worksheet.position');
    }
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(pos, 0, s);
  }

  setVisibility(s: SheetModel, v: unknown): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw officeError('InvalidArgument', 'Worksheet.visibility');
    if (v !== 'Visible' && s.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw officeError('InvalidOperation', 'Worksheet.visibility', 'A workbook must contain at least one visible worksheet');
    }
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheet === s) this.activeSheet = this.visibleSheets()[0];
  }

  activate(s: SheetModel): void {
    if (s.visibility !== 'Visible') throw officeError('InvalidOperation', 'Worksheet.activate', 'A hidden sheet cannot be activated');
    if (this.activeSheet !== s) {
      this.activeSheet = s;
      this.selection = { sheet: s, rect: mkRect(0, 0) };
    }
  }

  select(s: SheetModel, r: Rect): void {
    this.activate(s);
    this.selection = { sheet: s, rect: r };
  }

  // ---------------------------------------------------------------- protection

  private requireUnlocked(s: SheetModel, r: Rect, location: string): void {
    if (!s.protection.protected) return;
    if (this.anyLocked(s, r)) {
      throw officeError(
        'AccessDenied',
        location,
        `${formatAddress(s.name, r)} contains locked cells on a protected sheet`,
      );
    }
  }

  private anyLocked(s: SheetModel, r: Rect): boolean {
    const sheetLocked = s.sheetFmt.locked ?? true;
    for (const [k, f] of s.cellFmt) {
      if ('locked' in f && f.locked) {
        const rr = keyRow(k);
        const cc = keyCol(k);
        if (rr >= r.r0 && rr <= r.r1 && cc >= r.c0 && cc <= r.c1) return true;
      }
    }
    // A cell without its own setting inherits row, then column, then sheet.
    const rowsWithSetting = [...s.rowFmt].filter(([, f]) => 'locked' in f);
    const colsWithSetting = [...s.colFmt].filter(([, f]) => 'locked' in f);
    if (rowsWithSetting.length === 0 && colsWithSetting.length === 0) {
      if (!sheetLocked) return false;
      // every cell without an explicit unlocked setting is locked
      const explicitUnlocked = [...s.cellFmt].filter(([k, f]) => {
        const rr = keyRow(k);
        const cc = keyCol(k);
        return f.locked === false && rr >= r.r0 && rr <= r.r1 && cc >= r.c0 && cc <= r.c1;
      }).length;
      return explicitUnlocked < cellCount(r);
    }
    if (cellCount(r) > 5_000_000) return true;
    for (let rr = r.r0; rr <= r.r1; rr++) {
      for (let cc = r.c0; cc <= r.c1; cc++) {
        if (s.formatProp(rr, cc, 'locked')) return true;
      }
    }
    return false;
  }

  private requireOption(s: SheetModel, option: string, location: string, what: string): void {
    if (s.protection.protected && !s.protection.options[option]) {
      throw officeError('AccessDenied', location, `${what} is not allowed on the protected sheet ${s.name}`);
    }
  }

  private requireUnprotected(s: SheetModel, location: string, what: string): void {
    if (s.protection.protected) {
      throw officeError('AccessDenied', location, `${what} is not allowed on the protected sheet ${s.name}`);
    }
  }

  protect(s: SheetModel, options: unknown, password: unknown): void {
    if (s.protection.protected) {
      throw officeError('InvalidOperation', 'WorksheetProtection.protect', 'The worksheet is already protected');
    }
    const opts: ProtectionOptions = {};
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw officeError('InvalidArgument', 'WorksheetProtection.protect');
      for (const [k, v] of Object.entries(options as Record<string, unknown>)) {
        if (!k.startsWith('allow') && k !== 'selectionMode') throw officeError('InvalidArgument', 'WorksheetProtection.protect');
        if (k === 'selectionMode') continue;
        if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'WorksheetProtection.protect');
        opts[k] = v;
      }
    }
    if (password !== undefined && password !== null && typeof password !== 'string') {
      throw officeError('InvalidArgument', 'WorksheetProtection.protect');
    }
    s.protection = { protected: true, options: opts, password: (password as string | undefined) || null };
  }

  unprotect(s: SheetModel, password: unknown): void {
    if (!s.protection.protected) return;
    if (s.protection.password !== null && password !== s.protection.password) {
      throw officeError('BadPassword', 'WorksheetProtection.unprotect');
    }
    s.protection = { protected: false, options: {}, password: null };
  }

  // ---------------------------------------------------------------- cell contents

  value(s: SheetModel, r: number, c: number, location = 'Range.values'): { value: CellValue; isError: boolean } {
    const content = s.contents.get(cellKey(r, c));
    if (!content) return { value: '', isError: false };
    switch (content.t) {
      case 'n':
      case 's':
      case 'b':
        return { value: content.v, isError: false };
      case 'e':
        return { value: content.v, isError: true };
      case 'f':
        return this.engine.value(s.hfId, r, c, `${location} (${formatAddress(s.name, mkRect(r, c))})`);
    }
  }

  checkReadSize(r: Rect, location: string): void {
    if (cellCount(r) > READ_CELL_LIMIT) {
      throw officeError('RangeExceedsLimit', location, `A read may cover at most ${READ_CELL_LIMIT} cells; this one has ${cellCount(r)}`);
    }
  }

  readGrid<T>(r: Rect, location: string, f: (row: number, col: number) => T): T[][] {
    this.checkReadSize(r, location);
    const out: T[][] = [];
    for (let rr = r.r0; rr <= r.r1; rr++) {
      const row: T[] = new Array(colsOf(r));
      for (let cc = r.c0; cc <= r.c1; cc++) row[cc - r.c0] = f(rr, cc);
      out.push(row);
    }
    return out;
  }

  values(s: SheetModel, r: Rect): CellValue[][] {
    return this.readGrid(r, 'Range.values', (rr, cc) => this.value(s, rr, cc).value);
  }

  formulas(s: SheetModel, r: Rect): CellValue[][] {
    return this.readGrid(r, 'Range.formulas', (rr, cc) => contentFormula(s.contents.get(cellKey(rr, cc))));
  }

  numberFormats(s: SheetModel, r: Rect): string[][] {
    return this.readGrid(r, 'Range.numberFormat', (rr, cc) => this.numberFormatOf(s, rr, cc, 'Range.numberFormat'));
  }

  /**
   * The number format of a cell. Excel gives a formula entered into a cell that has no number format of
   * its own the format of the cells it refers to (=B2*2 of a "#,##0 kr" cell shows "#,##0 kr"), or a date
   * format for date functions such as DATE and TODAY. The simulator does not reproduce that choice: reading
   * the format or text of such a cell is refused until a number format is set on it.
   */
  numberFormatOf(s: SheetModel, r: number, c: number, location: string): string {
    const nf = s.formatProp(r, c, 'numberFormat');
    if (nf === 'General' && this.inheritsFormat(s, r, c, new Set(), 0)) {
      throw notSimulated(
        `the number format Excel gives the formula in ${formatAddress(s.name, mkRect(r, c))} (taken from the cells it refers to); set numberFormat on it`,
        location,
      );
    }
    return nf;
  }

  private hasOwnNumberFormat(s: SheetModel, r: number, c: number): boolean {
    return (
      'numberFormat' in (s.cellFmt.get(cellKey(r, c)) ?? {}) ||
      'numberFormat' in (s.rowFmt.get(r) ?? {}) ||
      'numberFormat' in (s.colFmt.get(c) ?? {}) ||
      'numberFormat' in s.sheetFmt
    );
  }

  private inheritsFormat(s: SheetModel, r: number, c: number, seen: Set<string>, depth: number): boolean {
    const content = s.contents.get(cellKey(r, c));
    if (!content || content.t !== 'f' || this.hasOwnNumberFormat(s, r, c)) return false;
    const id = `${s.id}:${r}:${c}`;
    if (seen.has(id) || depth > 20) return false;
    seen.add(id);
    if (functionNames(content.f).some((n) => DATE_FUNCTIONS.has(n))) return true;
    for (const [hfId, rect] of this.engine.precedents(s.hfId, r, c)) {
      const sheet = this.sheets.find((x) => x.hfId === hfId);
      if (!sheet) continue;
      if (this.rectHasNumberFormat(sheet, rect)) return true;
      if (cellCount(rect) <= 10_000) {
        for (const k of sheet.contents.keys()) {
          const rr = keyRow(k);
          const cc = keyCol(k);
          if (rr >= rect.r0 && rr <= rect.r1 && cc >= rect.c0 && cc <= rect.c1 && this.inheritsFormat(sheet, rr, cc, seen, depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private rectHasNumberFormat(s: SheetModel, r: Rect): boolean {
    const nonGeneral = (f: Partial<CellFormat> | undefined) => f !== undefined && f.numberFormat !== undefined && f.numberFormat !== 'General';
    if (nonGeneral(s.sheetFmt)) return true;
    for (const [c, f] of s.colFmt) if (c >= r.c0 && c <= r.c1 && nonGeneral(f)) return true;
    for (const [rr, f] of s.rowFmt) if (rr >= r.r0 && rr <= r.r1 && nonGeneral(f)) return true;
    for (const [k, f] of s.cellFmt) {
      const rr = keyRow(k);
      const cc = keyCol(k);
      if (rr >= r.r0 && rr <= r.r1 && cc >= r.c0 && cc <= r.c1 && nonGeneral(f)) return true;
    }
    return false;
  }

  texts(s: SheetModel, r: Rect): string[][] {
    return this.readGrid(r, 'Range.text', (rr, cc) => {
      const v = this.value(s, rr, cc, 'Range.text');
      return formatValue(v.value, this.numberFormatOf(s, rr, cc, 'Range.text'), v.isError, this.options.locale);
    });
  }

  valueTypes(s: SheetModel, r: Rect): string[][] {
    return this.readGrid(r, 'Range.valueTypes', (rr, cc) => {
      const v = this.value(s, rr, cc, 'Range.valueTypes');
      if (v.isError) return 'Error';
      if (v.value === '' && !s.contents.has(cellKey(rr, cc))) return 'Empty';
      if (typeof v.value === 'number') return 'Double';
      if (typeof v.value === 'boolean') return 'Boolean';
      return 'String'; // a formula that returns "" is a string, not an empty cell
    });
  }

  /** Checks a 2-D array (or a single value) against a range; returns a getter per cell. */
  private shape(data: unknown, r: Rect, location: string): (i: number, j: number) => unknown {
    if (data === null || data === undefined) {
      throw officeError('InvalidArgument', location, 'null is not a valid value for the whole property');
    }
    if (!Array.isArray(data)) {
      // A single value applies to every cell of the range: older @types/office-js documented for
      // Range.values, formulas and numberFormat "When setting ... the value argument can be either a single
      // value ... or a two-dimensional array. If the argument is a single value, it will be applied to all
      // cells in the range".
      return () => data;
    }
    const rows = rowsOf(r);
    const cols = colsOf(r);
    const ok = data.length === rows && data.every((row) => Array.isArray(row) && row.length === cols);
    if (!ok) {
      throw officeError(
        'InvalidArgument',
        location,
        undefined,
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    return (i, j) => (data as unknown[][])[i][j];
  }

  /** Writes `values` or `formulas` (the same rules apply to both for constants). */
  writeContents(s: SheetModel, r: Rect, data: unknown, location: string): number {
    const get = this.shape(data, r, location);
    this.requireUnlocked(s, r, location);
    if (cellCount(r) > READ_CELL_LIMIT && !Array.isArray(data)) {
      throw notSimulated(`writing one value to ${cellCount(r)} cells`, location);
    }
    const changes: [number, number, WriteResult][] = [];
    let written = 0;
    for (let i = 0; i < rowsOf(r); i++) {
      for (let j = 0; j < colsOf(r); j++) {
        const rr = r.r0 + i;
        const cc = r.c0 + j;
        const raw = get(i, j);
        const w = classifyInput(raw, s.formatProp(rr, cc, 'numberFormat'), location);
        if (w === 'unchanged') continue;
        written++;
        changes.push([rr, cc, w]);
      }
    }
    this.checkCalculatedColumns(s, changes, location);
    this.applyContentChanges(s, changes, location);
    this.cellsWritten += written;
    return written;
  }

  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by default)
   * applies to API writes too (office-js issues #5909, #2093, #6745): a formula written into part of an
   * empty table column is copied into the rest of it, differing formulas written into one column are
   * replaced by one of them, and a new formula in a calculated column may replace the whole column. The
   * result depends on the user's options, so the simulator refuses such writes. Writing the same formula
   * (same in R1C1 terms) into every data cell of a column, or constants anywhere, is safe.
   */
  private checkCalculatedColumns(s: SheetModel, changes: [number, number, WriteResult][], location: string): void {
    const formulaCells = changes.filter(([, , w]) => typeof w === 'object' && w.t === 'f');
    if (formulaCells.length === 0) return;
    for (const t of this.tables) {
      if (t.sheet !== s) continue;
      const d = t.dataRect;
      const byCol = new Map<number, [number, number, WriteResult][]>();
      for (const ch of changes) {
        const [r, c] = ch;
        if (r >= d.r0 && r <= d.r1 && c >= d.c0 && c <= d.c1) {
          const list = byCol.get(c);
          if (list) list.push(ch);
          else byCol.set(c, [ch]);
        }
      }
      for (const [c, list] of byCol) {
        const formulas = list.filter(([, , w]) => typeof w === 'object' && w.t === 'f');
        if (formulas.length === 0) continue;
        const col = t.columns[c - t.rect.c0].name;
        const refuse = (why: string): never => {
          throw notSimulated(
            `${why} in column ${col} of table ${t.name}: Excel's calculated-column AutoCorrect (a per-user option) ` +
              'decides what happens. Write one formula into every data cell of the column instead.',
            location,
          );
        };
        const shapes = new Set(formulas.map(([r, cc, w]) => this.shapeOf(s, (w as { f: string }).f, r, cc)));
        if (shapes.size > 1) refuse('different formulas');
        const shape = [...shapes][0];
        const writtenRows = new Set(list.map(([r]) => r));
        const others: (Content | undefined)[] = [];
        for (let r = d.r0; r <= d.r1; r++) if (!writtenRows.has(r)) others.push(s.contents.get(cellKey(r, c)));
        if (others.length === 0) continue;
        if (others.every((o) => o === undefined)) refuse('a formula written into part of an empty column');
        const otherShapes = new Set<string>();
        let allFormulas = true;
        for (let r = d.r0; r <= d.r1; r++) {
          if (writtenRows.has(r)) continue;
          const o = s.contents.get(cellKey(r, c));
          if (!o || o.t !== 'f') {
            allFormulas = false;
            break;
          }
          otherShapes.add(this.shapeOf(s, o.f, r, c));
        }
        if (allFormulas && otherShapes.size === 1 && !otherShapes.has(shape)) refuse('a new formula in part of a calculated column');
      }
    }
  }

  /** A formula's shape: R1C1 with structured references in one spelling (what Excel compares). */
  private shapeOf(s: SheetModel, f: string, r: number, c: number): string {
    const t = this.tables.find((x) => x.sheet === s && r >= x.rect.r0 && r <= x.rect.r1 && c >= x.rect.c0 && c <= x.rect.c1);
    return toR1C1(canonicalStructured(f, t ? t.name : null), r, c);
  }

  /** A person typing into one cell (inspection API). */
  typeCell(s: SheetModel, r: number, c: number, input: string | number | boolean | null): void {
    const location = `typing into ${formatAddress(s.name, mkRect(r, c))}`;
    this.requireUnlocked(s, mkRect(r, c), location);
    const w: WriteResult = input === null ? 'clear' : classifyInput(input, s.formatProp(r, c, 'numberFormat'), location);
    if (w === 'unchanged') return;
    const grownRight = this.autoExpandForTyping(s, r, c, w, location);
    this.applyContentChanges(s, [[r, c, w], ...this.calculatedColumnFill(s, r, c, w)], location);
    if (grownRight) this.normalizeHeaders(s, [[grownRight.rect.r0, c]]);
  }

  /**
   * Typing a formula into a table column that is empty, or that is a calculated column (one formula in
   * every data cell), fills every data cell of the column with it (Excel's default AutoCorrect).
   */
  private calculatedColumnFill(s: SheetModel, r: number, c: number, w: WriteResult): [number, number, WriteResult][] {
    if (typeof w !== 'object' || w.t !== 'f') return [];
    const t = this.tables.find((x) => x.sheet === s && r >= x.dataRect.r0 && r <= x.dataRect.r1 && c >= x.rect.c0 && c <= x.rect.c1);
    if (!t) return [];
    const d = t.dataRect;
    const shapes = new Set<string>();
    let empty = true;
    for (let rr = d.r0; rr <= d.r1; rr++) {
      if (rr === r) continue;
      const o = s.contents.get(cellKey(rr, c));
      if (!o) {
        if (shapes.size) return [];
        continue;
      }
      empty = false;
      if (o.t !== 'f') return [];
      shapes.add(this.shapeOf(s, o.f, rr, c));
      if (shapes.size > 1) return [];
    }
    if (!empty && shapes.size !== 1) return [];
    if (!empty && [...Array(d.r1 - d.r0 + 1).keys()].some((i) => d.r0 + i !== r && !s.contents.has(cellKey(d.r0 + i, c)))) return [];
    const shape = toR1C1(w.f, r, c);
    const out: [number, number, WriteResult][] = [];
    for (let rr = d.r0; rr <= d.r1; rr++) if (rr !== r) out.push([rr, c, { t: 'f', f: fromR1C1(shape, rr, c) }]);
    return out;
  }

  /**
   * Excel's AutoCorrect option "Include new rows and columns in table" (on by default) grows a table when
   * a person types in the row right below it; calculated columns then fill the new row. It applies to
   * typing (setCell), not to the API: see the note on tables in index.ts.
   */
  private autoExpandForTyping(s: SheetModel, r: number, c: number, w: WriteResult, location: string): TableModel | null {
    if (w === 'clear') return null;
    const right = this.tables.find((t) => t.sheet === s && c === t.rect.c1 + 1 && r >= t.rect.r0 && r <= t.rect.r1);
    if (right && c < MAX_COLS) {
      // typing in the column right next to a table adds a column to it
      if (typeof w === 'object' && w.t === 'f' && r === right.rect.r0) {
        throw notSimulated('typing a formula next to a table header (Excel would add a column with that header)', location);
      }
      const grown = { ...right.rect, c1: c };
      if (this.tables.some((o) => o !== right && o.sheet === s && intersects(o.rect, grown))) return null;
      right.rect = grown;
      right.columns.push({ id: this.nextColumnId++, name: '' });
      this.retranslateAll();
      return right;
    }
    const t = this.tables.find((t) => t.sheet === s && !t.showTotals && r === t.rect.r1 + 1 && c >= t.rect.c0 && c <= t.rect.c1);
    if (!t) return null;
    const grown = { ...t.rect, r1: t.rect.r1 + 1 };
    if (this.tables.some((o) => o !== t && o.sheet === s && intersects(o.rect, grown))) return null;
    t.rect = grown;
    const fills: [number, number, WriteResult][] = [];
    for (let cc = t.rect.c0; cc <= t.rect.c1; cc++) {
      if (cc === c) continue;
      const f = this.calculatedColumnFormula(t, cc, r);
      if (f !== null && !s.contents.has(cellKey(r, cc))) fills.push([r, cc, { t: 'f', f }]);
    }
    this.applyContentChanges(s, fills, 'table auto-expansion');
    this.retranslateAll();
    return null;
  }

  /** The formula of a calculated column for a new row: every data cell above holds the same formula (R1C1). */
  private calculatedColumnFormula(t: TableModel, c: number, newRow: number): string | null {
    let shape: string | null = null;
    let lastRaw: string | null = null;
    for (let rr = t.rect.r0 + 1; rr < newRow; rr++) {
      const ct = t.sheet.contents.get(cellKey(rr, c));
      if (!ct || ct.t !== 'f') return null;
      const sh = this.shapeOf(t.sheet, ct.f, rr, c);
      if (shape === null) shape = sh;
      else if (shape !== sh) return null;
      lastRaw = toR1C1(ct.f, rr, c);
    }
    return lastRaw === null ? null : fromR1C1(lastRaw, newRow, c);
  }

  private tableInfos(): TableInfo[] {
    return this.tables.map((t) => t.info());
  }

  /** Validates and applies content changes (all or nothing), then updates table headers. */
  private applyContentChanges(s: SheetModel, changes: [number, number, WriteResult][], location: string): void {
    if (changes.length === 0) return;
    const infos = this.tableInfos();
    const headerTables = this.tables.filter((t) => t.sheet === s);
    const prepared: { k: number; r: number; c: number; content: Content | null; engineText?: string }[] = [];
    for (const [r, c, w] of changes) {
      const k = cellKey(r, c);
      if (w === 'clear') {
        prepared.push({ k, r, c, content: null });
        continue;
      }
      if (w === 'unchanged') continue;
      if (w.t === 'f') {
        if (headerTables.some((t) => r === t.headerRow && c >= t.rect.c0 && c <= t.rect.c1)) {
          throw officeError('InvalidArgument', location, 'A table header cannot hold a formula');
        }
        const tr = translateFormula(w.f, { tables: infos, sheetName: s.name, row: r, col: c, mode: 'write', location });
        for (const fn of functionNames(tr.text)) {
          if (!isKnownFunction(fn)) {
            throw notSimulated(`the function ${fn} (HyperFormula does not implement it; Excel may)`, location);
          }
        }
        if (!this.engine.canParse(tr.text)) {
          throw officeError('InvalidArgument', location, `Excel does not accept the formula ${w.f}`);
        }
        prepared.push({ k, r, c, content: w, engineText: tr.hasStructured ? tr.text : undefined });
      } else {
        prepared.push({ k, r, c, content: w });
      }
    }
    for (const p of prepared) {
      if (p.content === null) s.contents.delete(p.k);
      else s.contents.set(p.k, p.content);
      if (p.engineText !== undefined) s.structured.set(p.k, p.engineText);
      else s.structured.delete(p.k);
    }
    this.pushToEngine(s, prepared.map((p) => [p.r, p.c]));
    this.normalizeHeaders(s, prepared.map((p) => [p.r, p.c]));
  }

  /** Sends the current content of the given cells to the engine, in rectangular blocks where possible. */
  private pushToEngine(s: SheetModel, cells: [number, number][]): void {
    if (cells.length === 0) return;
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [r, c] of cells) {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    const box = (r1 - r0 + 1) * (c1 - c0 + 1);
    if (box <= cells.length * 2 + 16) {
      const data: RawCellContent[][] = [];
      for (let r = r0; r <= r1; r++) {
        const row: RawCellContent[] = [];
        for (let c = c0; c <= c1; c++) {
          const k = cellKey(r, c);
          row.push(rawFor(s.contents.get(k), s.structured.get(k)));
        }
        data.push(row);
      }
      this.engine.setContents(s.hfId, r0, c0, data);
    } else {
      for (const [r, c] of cells) {
        const k = cellKey(r, c);
        this.engine.setContents(s.hfId, r, c, [[rawFor(s.contents.get(k), s.structured.get(k))]]);
      }
    }
  }

  /** Re-translates every formula with structured references (tables moved, resized, renamed or deleted). */
  retranslateAll(): void {
    const infos = this.tableInfos();
    for (const s of this.sheets) {
      const changed: [number, number][] = [];
      for (const [k, old] of s.structured) {
        const c = s.contents.get(k);
        if (!c || c.t !== 'f') continue;
        const r = keyRow(k);
        const col = keyCol(k);
        const tr = translateFormula(c.f, { tables: infos, sheetName: s.name, row: r, col, mode: 'recalc', location: 'recalc' });
        if (tr.text !== old) {
          s.structured.set(k, tr.text);
          changed.push([r, col]);
        }
      }
      // formulas that gained structured meaning (e.g. a bare name that now is a table) are not tracked: Excel
      // would have refused them when written, as the simulator did.
      this.pushToEngine(s, changed);
    }
  }

  private rewriteAllFormulas(f: (formula: string, s: SheetModel, r: number, c: number) => string): void {
    for (const s of this.sheets) {
      for (const [k, c] of s.contents) {
        if (c.t !== 'f') continue;
        const f2 = f(c.f, s, keyRow(k), keyCol(k));
        if (f2 !== c.f) s.contents.set(k, { t: 'f', f: f2 });
      }
    }
  }

  // ---------------------------------------------------------------- clearing

  clear(s: SheetModel, r: Rect, applyTo: unknown): void {
    const mode = applyTo ?? 'All';
    const location = 'Range.clear';
    if (!['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(mode as string)) {
      throw officeError('InvalidArgument', location);
    }
    if (mode === 'Hyperlinks' || mode === 'RemoveHyperlinks') return;
    if (mode === 'All' || mode === 'Contents' || mode === 'ResetContents') this.requireUnlocked(s, r, location);
    if (mode === 'All' || mode === 'Formats') this.requireOption(s, 'allowFormatCells', location, 'Formatting cells');
    if (mode === 'All' || mode === 'Contents' || mode === 'ResetContents') {
      const cells: [number, number, WriteResult][] = [];
      for (const k of [...s.contents.keys()]) {
        const rr = keyRow(k);
        const cc = keyCol(k);
        if (rr >= r.r0 && rr <= r.r1 && cc >= r.c0 && cc <= r.c1) cells.push([rr, cc, 'clear']);
      }
      this.applyContentChanges(s, cells, location);
    }
    if (mode === 'All' || mode === 'Formats') {
      for (const key of Object.keys(DEFAULT_FORMAT) as FormatKey[]) this.setFormatLayer(s, r, key, undefined);
    }
  }

  // ---------------------------------------------------------------- formats

  /** Sets (or, with `undefined`, resets) one format property on a rectangle, layer-aware. */
  private setFormatLayer<K extends FormatKey>(s: SheetModel, r: Rect, key: K, value: CellFormat[K] | undefined): void {
    const put = (m: Map<number, Partial<CellFormat>>, k: number) => {
      const f = { ...(m.get(k) ?? {}) };
      if (value === undefined) delete f[key];
      else f[key] = value;
      if (Object.keys(f).length === 0) m.delete(k);
      else m.set(k, f);
    };
    const inRect = (k: number) => {
      const rr = keyRow(k);
      const cc = keyCol(k);
      return rr >= r.r0 && rr <= r.r1 && cc >= r.c0 && cc <= r.c1;
    };
    const dropCells = () => {
      for (const k of [...s.cellFmt.keys()]) if (inRect(k)) put(s.cellFmt, k);
    };
    const whole = isEntireColumns(r) && isEntireRows(r);
    if (whole) {
      if (value === undefined) delete s.sheetFmt[key];
      else s.sheetFmt[key] = value;
      for (const m of [s.rowFmt, s.colFmt, s.cellFmt]) for (const k of [...m.keys()]) {
        const f = { ...m.get(k)! };
        delete f[key];
        if (Object.keys(f).length === 0) m.delete(k);
        else m.set(k, f);
      }
      return;
    }
    if (isEntireColumns(r)) {
      const rowsWith = [...s.rowFmt].filter(([, f]) => key in f).map(([rr]) => rr);
      for (let c = r.c0; c <= r.c1; c++) {
        const f = { ...(s.colFmt.get(c) ?? {}) };
        if (value === undefined) delete f[key];
        else f[key] = value;
        if (Object.keys(f).length) s.colFmt.set(c, f);
        else s.colFmt.delete(c);
        // intersections with formatted rows take the newer column value
        for (const rr of rowsWith) put(s.cellFmt, cellKey(rr, c));
      }
      dropCells();
      if (value !== undefined) for (const rr of rowsWith) for (let c = r.c0; c <= r.c1; c++) {
        const f = { ...(s.cellFmt.get(cellKey(rr, c)) ?? {}), [key]: value };
        s.cellFmt.set(cellKey(rr, c), f);
      }
      return;
    }
    if (isEntireRows(r)) {
      const colsWith = [...s.colFmt].filter(([, f]) => key in f).map(([cc]) => cc);
      for (let rr = r.r0; rr <= r.r1; rr++) {
        const f = { ...(s.rowFmt.get(rr) ?? {}) };
        if (value === undefined) delete f[key];
        else f[key] = value;
        if (Object.keys(f).length) s.rowFmt.set(rr, f);
        else s.rowFmt.delete(rr);
      }
      dropCells();
      if (value !== undefined) for (let rr = r.r0; rr <= r.r1; rr++) for (const c of colsWith) {
        const f = { ...(s.cellFmt.get(cellKey(rr, c)) ?? {}), [key]: value };
        s.cellFmt.set(cellKey(rr, c), f);
      }
      return;
    }
    if (cellCount(r) > 2_000_000) throw notSimulated(`formatting ${cellCount(r)} cells one by one`, 'Range.format');
    for (let rr = r.r0; rr <= r.r1; rr++) {
      for (let c = r.c0; c <= r.c1; c++) {
        const k = cellKey(rr, c);
        if (value === undefined) {
          put(s.cellFmt, k);
          // an inherited row/column/sheet value would still show: reset explicitly to the default
          if (s.formatProp(rr, c, key) !== DEFAULT_FORMAT[key]) {
            s.cellFmt.set(k, { ...(s.cellFmt.get(k) ?? {}), [key]: DEFAULT_FORMAT[key] });
          }
        } else {
          s.cellFmt.set(k, { ...(s.cellFmt.get(k) ?? {}), [key]: value });
        }
      }
    }
  }

  /** Sets a format property after validating it and checking protection. */
  setFormat(s: SheetModel, r: Rect, key: FormatKey, raw: unknown, location: string): void {
    let value: unknown = raw;
    switch (key) {
      case 'bold':
      case 'italic':
      case 'wrapText':
      case 'locked':
      case 'formulaHidden':
        if (typeof raw !== 'boolean') throw officeError('InvalidArgument', location);
        break;
      case 'fontSize':
        if (typeof raw !== 'number' || !(raw >= 1 && raw <= 409)) throw officeError('InvalidArgument', location);
        break;
      case 'fontName':
        if (typeof raw !== 'string' || raw === '') throw officeError('InvalidArgument', location);
        break;
      case 'fontColor':
        value = normalizeColor(raw, location);
        break;
      case 'fill':
        value = raw === '' ? '' : normalizeColor(raw, location);
        break;
      case 'horizontalAlignment':
        if (!H_ALIGN.includes(raw as string)) throw officeError('InvalidArgument', location);
        break;
      case 'verticalAlignment':
        if (!V_ALIGN.includes(raw as string)) throw officeError('InvalidArgument', location);
        break;
      case 'underline':
        if (!UNDERLINE.includes(raw as string)) throw officeError('InvalidArgument', location);
        break;
      case 'numberFormat':
        throw new Error('use writeNumberFormat');
    }
    if (key === 'locked' || key === 'formulaHidden') {
      this.requireUnprotected(s, location, 'Changing cell protection');
    } else {
      this.requireOption(s, 'allowFormatCells', location, 'Formatting cells');
    }
    this.setFormatLayer(s, r, key, value as never);
  }

  /** `numberFormat` as a 2-D array or one value; null leaves a cell, '' resets it to General. */
  writeNumberFormat(s: SheetModel, r: Rect, data: unknown): void {
    const location = 'Range.numberFormat';
    const get = this.shape(data, r, location);
    this.requireOption(s, 'allowFormatCells', location, 'Formatting cells');
    if (!Array.isArray(data)) {
      if (typeof data !== 'string') throw officeError('InvalidArgument', location);
      this.setFormatLayer(s, r, 'numberFormat', data === '' ? 'General' : data);
      return;
    }
    const changes: [number, number, string | undefined][] = [];
    for (let i = 0; i < rowsOf(r); i++) {
      for (let j = 0; j < colsOf(r); j++) {
        const v = get(i, j);
        if (v === null || v === undefined) continue;
        if (typeof v !== 'string') throw officeError('InvalidArgument', location, 'A number format must be a string');
        changes.push([r.r0 + i, r.c0 + j, v === '' ? 'General' : v]);
      }
    }
    for (const [rr, cc, v] of changes) this.setFormatLayer(s, mkRect(rr, cc), 'numberFormat', v);
  }

  /** The range's value of a format property, or null when the cells differ (as Excel reports). */
  getFormat<K extends FormatKey>(s: SheetModel, r: Rect, key: K): CellFormat[K] | null {
    const whole = isEntireColumns(r) || isEntireRows(r) || cellCount(r) > 1_000_000;
    if (whole) {
      // decide from layers: any differing explicit value inside makes it mixed
      const base = s.formatProp(r.r0, r.c0, key);
      const layers = [...s.cellFmt, ...[...s.rowFmt].map(([rr, f]) => [cellKey(rr, r.c0), f] as [number, Partial<CellFormat>])];
      for (const [k, f] of layers) {
        if (key in f && f[key] !== base) {
          const rr = keyRow(k);
          if (rr >= r.r0 && rr <= r.r1) return null;
        }
      }
      for (const [c, f] of s.colFmt) if (c >= r.c0 && c <= r.c1 && key in f && f[key] !== base) return null;
      return base;
    }
    let first: CellFormat[K] | undefined;
    for (let rr = r.r0; rr <= r.r1; rr++) {
      for (let c = r.c0; c <= r.c1; c++) {
        const v = s.formatProp(rr, c, key);
        if (first === undefined) first = v;
        else if (v !== first) return null;
      }
    }
    return first as CellFormat[K];
  }

  setColumnWidth(s: SheetModel, r: Rect, w: unknown): void {
    const location = 'RangeFormat.columnWidth';
    if (typeof w !== 'number' || !(w >= 0) || w > 255 * 7.5) throw officeError('InvalidArgument', location);
    this.requireOption(s, 'allowFormatColumns', location, 'Formatting columns');
    if (colsOf(r) === MAX_COLS) {
      s.defaultColWidth = w;
      s.colWidths.clear();
      return;
    }
    for (let c = r.c0; c <= r.c1; c++) s.colWidths.set(c, w);
  }

  getColumnWidth(s: SheetModel, r: Rect): number | null {
    const first = s.colWidth(r.c0);
    if (colsOf(r) === MAX_COLS) {
      for (const v of s.colWidths.values()) if (v !== first) return null;
      return first;
    }
    for (let c = r.c0; c <= r.c1; c++) if (s.colWidth(c) !== first) return null;
    return first;
  }

  setRowHeight(s: SheetModel, r: Rect, h: unknown): void {
    const location = 'RangeFormat.rowHeight';
    if (typeof h !== 'number' || !(h >= 0) || h > 409) throw officeError('InvalidArgument', location);
    this.requireOption(s, 'allowFormatRows', location, 'Formatting rows');
    if (rowsOf(r) > 100_000) throw notSimulated('setting the height of more than 100 000 rows', location);
    for (let rr = r.r0; rr <= r.r1; rr++) s.rowHeights.set(rr, h);
  }

  getRowHeight(s: SheetModel, r: Rect): number | null {
    const first = s.rowHeights.get(r.r0) ?? DEFAULT_ROW_HEIGHT;
    if (rowsOf(r) > 100_000) return first;
    for (let rr = r.r0; rr <= r.r1; rr++) if ((s.rowHeights.get(rr) ?? DEFAULT_ROW_HEIGHT) !== first) return null;
    return first;
  }

  /**
   * Autofit: an approximation of Excel's measurement (which depends on fonts the simulator lacks):
   * 5.25 points per character of the widest displayed text, plus 6 points of padding; bold adds 10 %.
   * Columns without content keep their width.
   */
  autofitColumns(s: SheetModel, r: Rect): void {
    this.requireOption(s, 'allowFormatColumns', 'RangeFormat.autofitColumns', 'Formatting columns');
    const widest = new Map<number, number>();
    for (const k of s.contents.keys()) {
      const rr = keyRow(k);
      const c = keyCol(k);
      if (rr < r.r0 || rr > r.r1 || c < r.c0 || c > r.c1) continue;
      const v = this.value(s, rr, c, 'RangeFormat.autofitColumns');
      const text = formatValue(v.value, s.formatProp(rr, c, 'numberFormat'), v.isError, this.options.locale);
      const w = text.length * 5.25 * (s.formatProp(rr, c, 'bold') ? 1.1 : 1) + 6;
      widest.set(c, Math.max(widest.get(c) ?? 0, w));
    }
    for (const [c, w] of widest) s.colWidths.set(c, Math.round(w * 100) / 100);
  }

  // ---------------------------------------------------------------- used range

  usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const add = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    for (const k of s.contents.keys()) add(keyRow(k), keyCol(k));
    if (!valuesOnly) {
      for (const [k, f] of s.cellFmt) {
        if ((Object.keys(f) as FormatKey[]).some((key) => f[key] !== DEFAULT_FORMAT[key])) add(keyRow(k), keyCol(k));
      }
      for (const t of this.tables) if (t.sheet === s) {
        add(t.rect.r0, t.rect.c0);
        add(t.rect.r1, t.rect.c1);
      }
    }
    if (r1 < 0) return null;
    return { r0, c0, r1, c1 };
  }

  // ---------------------------------------------------------------- tables

  findTable(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k);
  }

  /** Table names: 1–255 characters; a letter, "_" or "\" first; then letters, digits, "." and "_";
   * no spaces; not a cell reference (A1, R1C1, "R", "C"); unique in the workbook ignoring case. */
  validateTableName(name: unknown, location: string, except?: TableModel): string {
    if (typeof name !== 'string' || name === '' || name.length > 255) {
      throw officeError('InvalidArgument', location, 'A table name must be 1–255 characters');
    }
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) {
      throw officeError(
        'InvalidArgument',
        location,
        `Not a valid table name: ${JSON.stringify(name)} (start with a letter, "_" or "\\"; then letters, digits, "." or "_"; no spaces)`,
      );
    }
    if (looksLikeCellReference(name)) {
      throw officeError('InvalidArgument', location, `A table name cannot look like a cell reference: ${JSON.stringify(name)}`);
    }
    const other = this.findTable(name);
    if (other && other !== except) {
      throw officeError('ItemAlreadyExists', location, `A table named ${JSON.stringify(other.name)} already exists`);
    }
    return name;
  }

  private headerText(s: SheetModel, r: number, c: number): string {
    const content = s.contents.get(cellKey(r, c));
    if (!content) return '';
    if (content.t === 's') return content.v;
    const v = this.value(s, r, c, 'table header');
    return formatValue(v.value, s.formatProp(r, c, 'numberFormat'), v.isError, this.options.locale);
  }

  /**
   * Column names from header texts: blanks become ColumnN, duplicates get 2, 3, … (ignoring case).
   * Columns whose header did not change (`keep[i]` equals the text) keep their names; a changed or new
   * header that collides is the one that gets the number, as when a person types a duplicate header.
   */
  private uniqueHeaders(texts: string[], keep: (string | null)[]): string[] {
    const out: (string | null)[] = texts.map((t, i) => (keep[i] !== null && t === keep[i] && t !== '' ? t : null));
    const taken = (n: string) => out.some((x) => x !== null && x.toLowerCase() === n.toLowerCase());
    texts.forEach((t, i) => {
      if (out[i] !== null) return;
      let name = t;
      if (name === '') {
        let n = i + 1;
        while (taken(`Column${n}`) || texts.some((x, j) => j > i && x.toLowerCase() === `column${n}`)) n++;
        name = `Column${n}`;
      } else if (taken(name)) {
        let n = 2;
        while (taken(`${t}${n}`)) n++;
        name = `${t}${n}`;
      }
      out[i] = name;
    });
    return out as string[];
  }

  addTable(s: SheetModel, r: Rect, hasHeaders: unknown): TableModel {
    const location = 'TableCollection.add';
    this.requireUnprotected(s, location, 'Adding a table');
    if (typeof hasHeaders !== 'boolean') throw officeError('InvalidArgument', location);
    if (!hasHeaders) {
      throw notSimulated(
        'tables.add with hasHeaders = false (Excel inserts a generated header row and shifts the data down); write the headers and pass true',
        location,
      );
    }
    if (isEntireColumns(r) || isEntireRows(r)) throw notSimulated('a table over entire rows or columns', location);
    let rr = r;
    if (rowsOf(rr) === 1) rr = { ...rr, r1: rr.r1 + 1 }; // a table always has at least one data row
    for (const t of this.tables) {
      if (t.sheet === s && intersects(t.rect, rr)) {
        throw officeError('InvalidArgument', location, undefined, "A table can't overlap another table.");
      }
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const texts: string[] = [];
    for (let c = rr.c0; c <= rr.c1; c++) texts.push(this.headerText(s, rr.r0, c));
    const names = this.uniqueHeaders(texts, texts.map(() => null));
    const t = new TableModel(
      this.nextTableId++,
      `Table${n}`,
      s,
      rr,
      names.map((name) => ({ id: this.nextColumnId++, name })),
    );
    this.tables.push(t);
    this.writeHeaderCells(t);
    this.retranslateAll();
    return t;
  }

  private writeHeaderCells(t: TableModel): void {
    const s = t.sheet;
    const cells: [number, number][] = [];
    t.columns.forEach((col, i) => {
      const k = cellKey(t.rect.r0, t.rect.c0 + i);
      const cur = s.contents.get(k);
      if (!cur || cur.t !== 's' || cur.v !== col.name) {
        s.contents.set(k, { t: 's', v: col.name });
        s.structured.delete(k);
        cells.push([t.rect.r0, t.rect.c0 + i]);
      }
    });
    this.pushToEngine(s, cells);
  }

  /** After cells in header rows change: rename columns (rewriting formulas), fill blanks, dedupe. */
  private normalizeHeaders(s: SheetModel, cells: [number, number][]): void {
    for (const t of this.tables) {
      if (t.sheet !== s) continue;
      if (!cells.some(([r, c]) => r === t.rect.r0 && c >= t.rect.c0 && c <= t.rect.c1)) continue;
      const texts: string[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) texts.push(this.headerText(s, t.rect.r0, c));
      const names = this.uniqueHeaders(texts, t.columns.map((c) => c.name));
      this.renameColumns(t, names);
      this.writeHeaderCells(t);
    }
  }

  private renameColumns(t: TableModel, names: string[]): void {
    names.forEach((name, i) => {
      const col = t.columns[i];
      if (col.name === name) return;
      const old = col.name;
      col.name = name;
      this.rewriteAllFormulas((f, s, r, c) =>
        renameColumnInFormula(
          f,
          t.name,
          old,
          name,
          s === t.sheet && r >= t.rect.r0 && r <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1,
        ),
      );
    });
    this.retranslateAll();
  }

  renameTable(t: TableModel, name: unknown): void {
    this.requireUnprotected(t.sheet, 'Table.name', 'Renaming a table');
    const n = this.validateTableName(name, 'Table.name', t);
    if (n === t.name) return;
    const old = t.name;
    t.name = n;
    this.rewriteAllFormulas((f) => renameTableInFormula(f, old, n));
    this.retranslateAll();
  }

  setTableStyle(t: TableModel, style: unknown): void {
    this.requireUnprotected(t.sheet, 'Table.style', 'Changing a table style');
    if (typeof style !== 'string' || !(style === '' || TABLE_STYLE.test(style))) {
      throw officeError('InvalidArgument', 'Table.style', `Not a built-in table style: ${JSON.stringify(style)}`);
    }
    t.style = style;
  }

  setTableFlag(t: TableModel, key: 'showBandedRows' | 'showBandedColumns' | 'showFilterButton' | 'highlightFirstColumn' | 'highlightLastColumn', v: unknown): void {
    if (typeof v !== 'boolean') throw officeError('InvalidArgument', `Table.${key}`);
    this.requireUnprotected(t.sheet, `Table.${key}`, 'Changing a table');
    t[key] = v;
  }

  /**
   * Turning the totals row on uses the row below the table: Excel puts "Total" in the first column and
   * =SUBTOTAL(109,Table[Last]) in the last. The simulator refuses when that row is not empty (Excel would
   * shift cells or ask) and when the row would overlap another table. Turning it off clears the row.
   */
  setShowTotals(t: TableModel, v: unknown): void {
    const location = 'Table.showTotals';
    if (typeof v !== 'boolean') throw officeError('InvalidArgument', location);
    this.requireUnprotected(t.sheet, location, 'Changing a table');
    if (v === t.showTotals) return;
    const s = t.sheet;
    if (v) {
      const row = t.rect.r1 + 1;
      if (row >= MAX_ROWS) throw officeError('InvalidOperation', location);
      const below = { r0: row, c0: t.rect.c0, r1: row, c1: t.rect.c1 };
      for (const k of s.contents.keys()) {
        const rr = keyRow(k);
        const c = keyCol(k);
        if (rr === row && c >= below.c0 && c <= below.c1) {
          throw notSimulated(`showing the totals row of ${t.name} while the row below it holds data`, location);
        }
      }
      if (this.tables.some((o) => o !== t && o.sheet === s && intersects(o.rect, below))) {
        throw officeError('InvalidArgument', location, undefined, "A table can't overlap another table.");
      }
      t.rect = { ...t.rect, r1: row };
      t.showTotals = true;
      this.retranslateAll();
      const last = t.columns[t.columns.length - 1].name;
      const changes: [number, number, WriteResult][] = [[row, t.rect.c0, { t: 's', v: 'Total' }]];
      if (t.columns.length > 1) {
        changes.push([row, t.rect.c1, { t: 'f', f: `=SUBTOTAL(109,${t.name}[${escapeForRef(last)}])` }]);
      }
      this.applyContentChanges(s, changes, location);
    } else {
      const row = t.rect.r1;
      const cells: [number, number, WriteResult][] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) if (s.contents.has(cellKey(row, c))) cells.push([row, c, 'clear']);
      t.showTotals = false;
      t.rect = { ...t.rect, r1: row - 1 };
      this.applyContentChanges(s, cells, location);
      this.retranslateAll();
    }
  }

  /** Resize: same sheet, the header stays in the same row, overlaps the old range, no other table. */
  resizeTable(t: TableModel, sheetName: string | undefined, r: Rect): void {
    const location = 'Table.resize';
    this.requireUnprotected(t.sheet, location, 'Resizing a table');
    if (sheetName !== undefined && sheetName.toLowerCase() !== t.sheet.name.toLowerCase()) {
      throw officeError('InvalidArgument', location, 'The new range must be on the same sheet');
    }
    if (t.showTotals) throw notSimulated('resizing a table that shows its totals row', location);
    if (r.r0 !== t.rect.r0) throw officeError('InvalidArgument', location, 'The header row must stay in the same row');
    if (!intersects(r, t.rect)) throw officeError('InvalidArgument', location, 'The new range must overlap the table');
    if (rowsOf(r) < 2) throw officeError('InvalidArgument', location, 'A table needs a header row and at least one data row');
    if (isEntireColumns(r) || isEntireRows(r)) throw officeError('InvalidArgument', location);
    if (this.tables.some((o) => o !== t && o.sheet === t.sheet && intersects(o.rect, r))) {
      throw officeError('InvalidArgument', location, undefined, "A table can't overlap another table.");
    }
    const s = t.sheet;
    const oldCols = new Map<number, TableColumnModel>();
    t.columns.forEach((col, i) => oldCols.set(t.rect.c0 + i, col));
    const texts: string[] = [];
    const keep: (string | null)[] = [];
    for (let c = r.c0; c <= r.c1; c++) {
      const old = oldCols.get(c);
      texts.push(old ? old.name : this.headerText(s, r.r0, c));
      keep.push(old ? old.name : null);
    }
    const names = this.uniqueHeaders(texts, keep);
    t.columns = names.map((name, i) => oldCols.get(r.c0 + i) ?? { id: this.nextColumnId++, name });
    t.rect = r;
    this.renameColumns(t, names);
    this.writeHeaderCells(t);
    this.retranslateAll();
  }

  /** Deleting a table removes it and its cells' contents; formulas that referred to it show #REF!. */
  deleteTable(t: TableModel): void {
    const location = 'Table.delete';
    this.requireUnprotected(t.sheet, location, 'Deleting a table');
    const s = t.sheet;
    this.tables = this.tables.filter((x) => x !== t);
    t.deleted = true;
    const cells: [number, number, WriteResult][] = [];
    for (const k of [...s.contents.keys()]) {
      const rr = keyRow(k);
      const c = keyCol(k);
      if (rr >= t.rect.r0 && rr <= t.rect.r1 && c >= t.rect.c0 && c <= t.rect.c1) cells.push([rr, c, 'clear']);
    }
    this.applyContentChanges(s, cells, location);
    this.retranslateAll();
  }

  /**
   * Deleting a table column removes its cells and shifts the cells to its right, in the table's rows,
   * one column left (Excel's "Delete Table Columns"). Excel then rewrites A1 references into the shifted
   * cells; the simulator refuses when any formula, validation or chart refers to them. Structured
   * references to the deleted column show #REF!.
   */
  deleteTableColumn(t: TableModel, index: number): void {
    const location = 'TableColumn.delete';
    this.requireUnprotected(t.sheet, location, 'Deleting a table column');
    if (t.columns.length === 1) throw officeError('InvalidOperation', location, 'A table needs at least one column');
    const s = t.sheet;
    const col = t.rect.c0 + index;
    const band: Rect = { r0: t.rect.r0, r1: t.rect.r1, c0: col, c1: MAX_COLS - 1 };
    for (const sh of this.sheets) {
      for (const [k, c] of sh.contents) {
        if (c.t !== 'f') continue;
        for (const ref of a1References(c.f)) {
          const target = ref.sheet === null ? sh : this.findSheet(ref.sheet);
          if (target === s && intersects(ref.rect, band)) {
            throw notSimulated(
              `deleting column ${t.columns[index].name} of ${t.name} while the formula in ${formatAddress(sh.name, mkRect(keyRow(k), keyCol(k)))} refers to cells that would move`,
              location,
            );
          }
        }
      }
      for (const ch of sh.charts) {
        if (ch.sourceSheet.toLowerCase() === s.name.toLowerCase() && intersects(ch.source, band)) {
          throw notSimulated(`deleting a table column under the source of chart ${ch.name}`, location);
        }
      }
    }
    if (s.validations.some((v) => intersects(v.rect, band) && !(v.rect.r0 >= band.r0 && v.rect.r1 <= band.r1))) {
      throw notSimulated('deleting a table column where data validation spans rows outside the table', location);
    }
    const inBand = (k: number) => keyRow(k) >= band.r0 && keyRow(k) <= band.r1 && keyCol(k) >= col;
    const touched: [number, number][] = [];
    const moveMap = <V>(m: Map<number, V>) => {
      const moved: [number, V][] = [];
      for (const [k, v] of [...m]) {
        if (!inBand(k)) continue;
        m.delete(k);
        touched.push([keyRow(k), keyCol(k)]);
        if (keyCol(k) > col) moved.push([cellKey(keyRow(k), keyCol(k) - 1), v]);
      }
      for (const [k, v] of moved) {
        m.set(k, v);
        touched.push([keyRow(k), keyCol(k)]);
      }
    };
    moveMap(s.contents);
    moveMap(s.cellFmt);
    moveMap(s.structured);
    s.validations = s.validations
      .filter((v) => !(intersects(v.rect, band) && v.rect.c0 <= col))
      .map((v) => (intersects(v.rect, band) ? { ...v, rect: { ...v.rect, c0: v.rect.c0 - 1, c1: v.rect.c1 - 1 } } : v));
    t.columns.splice(index, 1);
    t.rect = { ...t.rect, c1: t.rect.c1 - 1 };
    this.retranslateAll();
    this.pushToEngine(s, touched);
  }

  renameTableColumn(t: TableModel, index: number, name: unknown): void {
    const location = 'TableColumn.name';
    if (typeof name !== 'string') throw officeError('InvalidArgument', location);
    this.requireUnlocked(t.sheet, mkRect(t.rect.r0, t.rect.c0 + index), location);
    this.applyContentChanges(t.sheet, [[t.rect.r0, t.rect.c0 + index, name === '' ? 'clear' : { t: 's', v: name }]], location);
  }

  // ---------------------------------------------------------------- data validation

  setValidationRule(s: SheetModel, r: Rect, rule: unknown): void {
    const location = 'DataValidation.rule';
    this.requireUnprotected(s, location, 'Changing data validation');
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw officeError('InvalidArgument', location);
    const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
    const known = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];
    if (keys.length !== 1 || !known.includes(keys[0])) {
      throw officeError('InvalidArgument', location, `A rule needs exactly one of ${known.join(', ')}`);
    }
    const kind = keys[0];
    const body = (rule as Record<string, unknown>)[kind] as Record<string, unknown>;
    if (typeof body !== 'object' || body === null) throw officeError('InvalidArgument', location);
    const clean: Record<string, unknown> = {};
    if (kind === 'list') {
      if (typeof body.source !== 'string' || body.source === '') {
        throw officeError('InvalidArgument', location, 'list.source must be a string (a range reference or a comma-separated list)');
      }
      clean.list = { inCellDropDown: body.inCellDropDown === undefined ? true : !!body.inCellDropDown, source: body.source };
    } else if (kind === 'custom') {
      if (typeof body.formula !== 'string') throw officeError('InvalidArgument', location);
      clean.custom = { formula: body.formula };
    } else {
      const ops = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
      if (!ops.includes(body.operator as string)) throw officeError('InvalidArgument', location, 'operator is missing or invalid');
      if (body.formula1 === undefined || body.formula1 === null) throw officeError('InvalidArgument', location, 'formula1 is missing');
      const needs2 = body.operator === 'Between' || body.operator === 'NotBetween';
      if (needs2 && (body.formula2 === undefined || body.formula2 === null)) {
        throw officeError('InvalidArgument', location, 'formula2 is required for Between / NotBetween');
      }
      const v: Record<string, unknown> = { operator: body.operator, formula1: body.formula1 };
      if (needs2) v.formula2 = body.formula2;
      clean[kind] = v;
    }
    // Only one rule per cell: the simulator requires clear() first where a rule already exists
    // (Excel's own documentation never shows overwriting; this is stricter, never weaker).
    if (s.validations.some((v) => intersects(v.rect, r))) {
      throw officeError(
        'InvalidOperation',
        location,
        `${formatAddress(s.name, r)} already has data validation; call dataValidation.clear() first`,
      );
    }
    s.validations.push({ rect: r, rule: clean, ignoreBlanks: true, prompt: null, errorAlert: null });
  }

  clearValidation(s: SheetModel, r: Rect): void {
    this.requireUnprotected(s, 'DataValidation.clear', 'Changing data validation');
    const out: ValidationEntry[] = [];
    for (const v of s.validations) {
      const x = intersection(v.rect, r);
      if (!x) {
        out.push(v);
        continue;
      }
      // keep the parts of v outside r (up to four rectangles)
      const parts: Rect[] = [];
      if (v.rect.r0 < x.r0) parts.push({ ...v.rect, r1: x.r0 - 1 });
      if (v.rect.r1 > x.r1) parts.push({ ...v.rect, r0: x.r1 + 1 });
      if (v.rect.c0 < x.c0) parts.push({ r0: x.r0, r1: x.r1, c0: v.rect.c0, c1: x.c0 - 1 });
      if (v.rect.c1 > x.c1) parts.push({ r0: x.r0, r1: x.r1, c0: x.c1 + 1, c1: v.rect.c1 });
      for (const p of parts) out.push({ ...v, rect: p });
    }
    s.validations = out;
  }

  validationFor(s: SheetModel, r: Rect): ValidationEntry[] {
    return s.validations.filter((v) => intersects(v.rect, r));
  }

  // ---------------------------------------------------------------- charts

  addChart(s: SheetModel, type: unknown, srcSheet: SheetModel, src: Rect, seriesBy: unknown): ChartModel {
    const location = 'ChartCollection.add';
    this.requireOption(s, 'allowEditObjects', location, 'Adding a chart');
    if (typeof type !== 'string' || !CHART_TYPES.has(type)) throw officeError('InvalidArgument', location, `Unknown chart type ${String(type)}`);
    const sb = seriesBy ?? 'Auto';
    if (sb !== 'Auto' && sb !== 'Columns' && sb !== 'Rows') throw officeError('InvalidArgument', location);
    if (isEntireColumns(src) || isEntireRows(src)) throw notSimulated('a chart over entire rows or columns', location);
    let n = 1;
    while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
    const ch: ChartModel = {
      id: this.nextChartId++,
      name: `Chart ${n}`,
      type,
      sourceSheet: srcSheet.name,
      source: src,
      seriesBy: sb === 'Auto' ? (rowsOf(src) >= colsOf(src) ? 'Columns' : 'Rows') : (sb as string),
      title: { text: '', visible: false },
      position: { startCell: null, endCell: null, top: 0, left: 0, width: 360, height: 216 },
      legend: { visible: true, position: 'Right' },
      seriesFormat: {},
      deleted: false,
    };
    s.charts.push(ch);
    return ch;
  }

  /** Formats one series of a chart: its fill or its outline's line style. */
  formatChartSeries(s: SheetModel, ch: ChartModel, index: number, change: { fill?: string; lineStyle?: unknown }, location: string): void {
    this.requireOption(s, 'allowEditObjects', location, 'Formatting a chart');
    const f = { ...ch.seriesFormat[index] };
    if (change.fill !== undefined) f.fill = change.fill === 'none' ? 'none' : normalizeColor(change.fill, location);
    if (change.lineStyle !== undefined) {
      if (typeof change.lineStyle !== 'string' || !CHART_LINE_STYLES.includes(change.lineStyle)) throw officeError('InvalidArgument', location);
      f.lineStyle = change.lineStyle;
    }
    ch.seriesFormat = { ...ch.seriesFormat, [index]: f };
  }

  deleteChart(s: SheetModel, ch: ChartModel): void {
    this.requireOption(s, 'allowEditObjects', 'Chart.delete', 'Deleting a chart');
    s.charts = s.charts.filter((c) => c !== ch);
    ch.deleted = true;
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): string {
    const fmtDiff = (f: Partial<CellFormat>) => {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(f).sort() as FormatKey[]) if (f[k] !== DEFAULT_FORMAT[k]) o[k] = f[k];
      return o;
    };
    const sheets = this.sheets.map((s, position) => {
      const cells: Record<string, unknown> = {};
      const keys = new Set<number>([...s.contents.keys(), ...s.cellFmt.keys()]);
      for (const k of [...keys].sort((a, b) => a - b)) {
        const r = keyRow(k);
        const c = keyCol(k);
        const entry: Record<string, unknown> = {};
        const content = s.contents.get(k);
        if (content) {
          if (content.t === 'f') {
            entry.f = content.f;
            entry.v = this.value(s, r, c, 'snapshot').value;
          } else entry.v = content.v;
          if (content.t === 'e') entry.error = true;
        }
        const f = s.cellFmt.get(k);
        if (f) {
          const d = fmtDiff(f);
          if (Object.keys(d).length) entry.fmt = d;
        }
        if (Object.keys(entry).length) cells[cellName(r, c)] = entry;
      }
      const layer = (m: Map<number, Partial<CellFormat>>) =>
        Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([k, f]) => [String(k), fmtDiff(f)]));
      return {
        name: s.name,
        id: s.guid,
        position,
        visibility: s.visibility,
        tabColor: s.tabColor,
        protection: { ...s.protection, options: sortObj(s.protection.options) },
        freeze: s.freeze,
        sheetFormat: fmtDiff(s.sheetFmt),
        rowFormats: layer(s.rowFmt),
        columnFormats: layer(s.colFmt),
        defaultColumnWidth: s.defaultColWidth,
        columnWidths: Object.fromEntries([...s.colWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [String(c), w])),
        rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r), h])),
        cells,
        dataValidation: s.validations.map((v) => ({ address: formatAddress(s.name, v.rect), rule: v.rule })),
        charts: s.charts.map((c) => ({ ...c, source: formatAddress(c.sourceSheet, c.source) })),
      };
    });
    const tables = [...this.tables]
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
      .map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: formatAddress(t.sheet.name, t.rect),
        columns: t.columns.map((c) => c.name),
        style: t.style,
        showTotals: t.showTotals,
        showBandedRows: t.showBandedRows,
        showBandedColumns: t.showBandedColumns,
        showFilterButton: t.showFilterButton,
        highlightFirstColumn: t.highlightFirstColumn,
        highlightLastColumn: t.highlightLastColumn,
      }));
    const settings = Object.fromEntries([...this.settings].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    return JSON.stringify(
      {
        activeSheet: this.activeSheet.name,
        selection: formatAddress(this.selection.sheet.name, this.selection.rect),
        properties: sortObj(this.properties),
        sheets,
        tables,
        settings,
      },
      null,
      1,
    );
  }
}

function sortObj<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function escapeForRef(name: string): string {
  return name.replace(/['#[\]]/g, (m) => `'${m}`);
}

export const CHART_TYPES = new Set([
  'Invalid',
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  '3DColumnClustered',
  '3DColumnStacked',
  '3DColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  '3DBarClustered',
  '3DBarStacked',
  '3DBarStacked100',
  'LineStacked',
  'LineStacked100',
  'LineMarkers',
  'LineMarkersStacked',
  'LineMarkersStacked100',
  'PieOfPie',
  'PieExploded',
  '3DPieExploded',
  'BarOfPie',
  'XYScatterSmooth',
  'XYScatterSmoothNoMarkers',
  'XYScatterLines',
  'XYScatterLinesNoMarkers',
  'AreaStacked',
  'AreaStacked100',
  '3DAreaStacked',
  '3DAreaStacked100',
  'DoughnutExploded',
  'RadarMarkers',
  'RadarFilled',
  'Surface',
  'SurfaceWireframe',
  'SurfaceTopView',
  'SurfaceTopViewWireframe',
  'Bubble',
  'Bubble3DEffect',
  'StockHLC',
  'StockOHLC',
  'StockVHLC',
  'StockVOHLC',
  'CylinderColClustered',
  'CylinderColStacked',
  'CylinderColStacked100',
  'CylinderBarClustered',
  'CylinderBarStacked',
  'CylinderBarStacked100',
  'CylinderCol',
  'ConeColClustered',
  'ConeColStacked',
  'ConeColStacked100',
  'ConeBarClustered',
  'ConeBarStacked',
  'ConeBarStacked100',
  'ConeCol',
  'PyramidColClustered',
  'PyramidColStacked',
  'PyramidColStacked100',
  'PyramidBarClustered',
  'PyramidBarStacked',
  'PyramidBarStacked100',
  'PyramidCol',
  '3DColumn',
  'Line',
  '3DLine',
  '3DPie',
  'Pie',
  'XYScatter',
  '3DArea',
  'Area',
  'Doughnut',
  'Radar',
  'Histogram',
  'Boxwhisker',
  'Pareto',
  'RegionMap',
  'Treemap',
  'Waterfall',
  'Sunburst',
  'Funnel',
]);
