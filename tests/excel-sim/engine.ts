/* eslint-disable @typescript-eslint/no-explicit-any -- HyperFormula's plugin internals are untyped */
/**
 * The calculation engine: HyperFormula (GPL-3.0, test-only: never import this from src/),
 * one HyperFormula sheet per worksheet, configured to agree with Excel (en-US, 1900 date system).
 *
 * Configuration follows HyperFormula's guide "Compatibility with Microsoft Excel":
 * leapYear1900 + nullDate 1899-12-31 (serial 45292 = 2024-01-01, serial 60 = the fictitious 1900-02-29),
 * evaluateNullToZero (=A1 of an empty cell is 0), array arithmetic, case-insensitive and accent-sensitive
 * text comparison, wildcards in criteria, TRUE/FALSE as constants.
 * precisionRounding 14: results are reported to 15 significant digits, Excel's documented precision.
 *
 * Functions replaced because HyperFormula computes them differently from Excel:
 * - ROUND, ROUNDUP, ROUNDDOWN (and TRUNC, an alias of ROUNDDOWN): HyperFormula multiplies floats
 *   (ROUND(1.005;2) = 1); Excel rounds the decimal representation (1.01).
 * - INT: HyperFormula truncates towards zero (INT(-8.9) = -8); Excel rounds down (-9).
 * - TEXT: HyperFormula misreads "#,##0.00"; the simulator formats with format.ts (en-US only).
 * - DATEDIF: HyperFormula takes the unit only in capitals; "MD" is refused (Microsoft warns it is unreliable).
 * Checked against Excel's documented results and found to agree (see engine.test.ts): SUM, SUMIFS with
 * criteria strings ("<="&A1, "Beslutad", case-insensitive), SUMPRODUCT, INDEX/MATCH, IF, IFERROR,
 * MIN/MAX, YEAR, MONTH, DAY, DATE (serials), text concatenation.
 * Known differences that the simulator refuses instead of computing: circular references (Excel shows 0
 * and warns; HyperFormula gives #CYCLE!), functions HyperFormula does not implement (Excel computes
 * them; HyperFormula would give #NAME?) and formulas whose result is an array (dynamic-array spilling).
 */
import {
  AlwaysSparse,
  CellError,
  DetailedCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
} from 'hyperformula';
import { notSimulated, OfficeError } from './errors';
import { dateToSerial, formatValue, serialToDate, type DisplayLocale } from './format';
import { excelInt, excelRound, type CellValue, type Content } from './values';

type RoundMode = 'half' | 'up' | 'down';

class ExcelRoundingPlugin extends FunctionPlugin {
  private roundWith(ast: any, state: any, name: string, mode: RoundMode) {
    const self = this as any;
    return self.runFunction(ast.args, state, self.metadata(name), (x: number, d: number) => excelRound(x, d, mode));
  }
  round(ast: any, state: any) {
    return this.roundWith(ast, state, 'ROUND', 'half');
  }
  roundup(ast: any, state: any) {
    return this.roundWith(ast, state, 'ROUNDUP', 'up');
  }
  rounddown(ast: any, state: any) {
    return this.roundWith(ast, state, 'ROUNDDOWN', 'down');
  }
  intFunc(ast: any, state: any) {
    const self = this as any;
    return self.runFunction(ast.args, state, self.metadata('INT'), (x: number) => excelInt(x));
  }
  /**
   * TEXT(value, format): HyperFormula misreads thousands separators (TEXT(1234.5;"#,##0.00") gives
   * "1235,##0.00"). Excel reads the format code in the user's locale; the simulator supports en-US only.
   */
  textFunc(ast: any, state: any) {
    const self = this as any;
    const locale: DisplayLocale = (self.config.context as { locale?: DisplayLocale } | undefined)?.locale ?? 'en-US';
    return self.runFunction(ast.args, state, self.metadata('TEXT'), (v: unknown, fmt: string) => {
      if (locale !== 'en-US') return refusal('TEXT with a display locale other than en-US (Excel reads its format in the user locale)');
      try {
        return formatValue(v as number | string | boolean, fmt, false, 'en-US');
      } catch (e) {
        if (e instanceof OfficeError) return refusal(`TEXT: ${e.message}`);
        throw e;
      }
    });
  }
  /** DATEDIF: Excel takes the unit in any case; HyperFormula only in capitals ("m" gives #NUM!). */
  datedif(ast: any, state: any) {
    const self = this as any;
    return self.runFunction(ast.args, state, self.metadata('DATEDIF'), (start: number, end: number, unit: string) => {
      const s0 = Math.floor(start);
      const e0 = Math.floor(end);
      if (s0 > e0) return new CellError(ErrorType.NUM);
      const a = serialToDate(s0);
      const b = serialToDate(e0);
      const beforeDay = b.d < a.d;
      const beforeMonthDay = b.m < a.m || (b.m === a.m && b.d < a.d);
      switch (unit.toUpperCase()) {
        case 'D':
          return e0 - s0;
        case 'M':
          return (b.y - a.y) * 12 + (b.m - a.m) - (beforeDay ? 1 : 0);
        case 'Y':
          return b.y - a.y - (beforeMonthDay ? 1 : 0);
        case 'YM':
          return (12 + (b.m - a.m) - (beforeDay ? 1 : 0)) % 12;
        case 'YD':
          return e0 - dateToSerial(beforeMonthDay ? b.y - 1 : b.y, a.m, a.d);
        case 'MD':
          return refusal('DATEDIF with "MD" (Microsoft documents that it can give wrong results)');
        default:
          return new CellError(ErrorType.NUM);
      }
    });
  }
}

const REFUSAL = 'SIMULATOR: ';
function refusal(what: string): CellError {
  return new CellError(ErrorType.VALUE, REFUSAL + what);
}

const NUMBER_AND_DIGITS = [
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
];

(ExcelRoundingPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
  ROUND: { method: 'round', parameters: NUMBER_AND_DIGITS },
  ROUNDUP: { method: 'roundup', parameters: NUMBER_AND_DIGITS },
  ROUNDDOWN: { method: 'rounddown', parameters: NUMBER_AND_DIGITS },
  INT: { method: 'intFunc', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
  TEXT: { method: 'textFunc', parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }] },
  DATEDIF: {
    method: 'datedif',
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.STRING },
    ],
  },
};

let registered = false;
function registerExcelFunctions(): void {
  if (registered) return;
  for (const id of ['ROUND', 'ROUNDUP', 'ROUNDDOWN', 'INT', 'TEXT', 'DATEDIF']) {
    HyperFormula.unregisterFunction(id);
    HyperFormula.registerFunction(id, ExcelRoundingPlugin as any);
  }
  registered = true;
}

let knownFunctions: Set<string> | null = null;
export function isKnownFunction(name: string): boolean {
  if (!knownFunctions) knownFunctions = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  return knownFunctions.has(name.toUpperCase());
}

export const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  chooseAddressMappingPolicy: new AlwaysSparse(),
  functionArgSeparator: ',',
  decimalSeparator: '.' as const,
  thousandSeparator: '' as const,
  arrayColumnSeparator: ',' as const,
  arrayRowSeparator: ';' as const,
  dateFormats: ['MM/DD/YYYY', 'MM/DD/YY', 'YYYY/MM/DD'],
  timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
  nullYear: 30,
  caseSensitive: false,
  accentSensitive: true,
  ignorePunctuation: false,
  localeLang: 'en-US',
  useWildcards: true,
  useRegularExpressions: false,
  matchWholeCell: true,
  useArrayArithmetic: true,
  ignoreWhiteSpace: 'any' as const,
  evaluateNullToZero: true,
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  smartRounding: true,
  precisionRounding: 14,
  maxRows: 1048576,
  maxColumns: 16384,
  undoLimit: 0,
};

export interface EngineValue {
  value: CellValue;
  isError: boolean;
}

export class Engine {
  readonly hf: HyperFormula;
  private suspended = false;

  constructor(locale: DisplayLocale = 'en-US') {
    registerExcelFunctions();
    this.hf = HyperFormula.buildEmpty({ ...ENGINE_CONFIG, context: { locale } });
    this.hf.addNamedExpression('TRUE', '=TRUE()');
    this.hf.addNamedExpression('FALSE', '=FALSE()');
  }

  private write(): void {
    if (!this.suspended) {
      this.hf.suspendEvaluation();
      this.suspended = true;
    }
  }

  private read(): void {
    if (this.suspended) {
      this.hf.resumeEvaluation();
      this.suspended = false;
    }
  }

  addSheet(name: string): number {
    this.write();
    const n = this.hf.addSheet(name);
    return this.hf.getSheetId(n)!;
  }

  removeSheet(id: number): void {
    this.write();
    this.hf.removeSheet(id);
  }

  renameSheet(id: number, name: string): void {
    this.write();
    this.hf.renameSheet(id, name);
  }

  /** Writes raw engine contents (numbers, booleans, "'text", "=formula", null) at a top-left corner. */
  setContents(sheet: number, row: number, col: number, data: RawCellContent[][]): void {
    if (data.length === 0 || data[0].length === 0) return;
    this.write();
    this.hf.setCellContents({ sheet, row, col }, data);
  }

  /** Cells and ranges a formula cell refers to, as [engine sheet id, rectangle]. */
  precedents(sheet: number, row: number, col: number): [number, { r0: number; c0: number; r1: number; c1: number }][] {
    this.read();
    const out: [number, { r0: number; c0: number; r1: number; c1: number }][] = [];
    for (const p of this.hf.getCellPrecedents({ sheet, row, col })) {
      if ('start' in p) out.push([p.start.sheet, { r0: p.start.row, c0: p.start.col, r1: p.end.row, c1: p.end.col }]);
      else if (p.sheet >= 0) out.push([p.sheet, { r0: p.row, c0: p.col, r1: p.row, c1: p.col }]);
    }
    return out;
  }

  /** Whether HyperFormula can parse a formula (already translated to A1). */
  canParse(formula: string): boolean {
    return this.hf.validateFormula(formula);
  }

  value(sheet: number, row: number, col: number, location: string): EngineValue {
    this.read();
    if (this.hf.getCellType({ sheet, row, col }) === 'ARRAYFORMULA') {
      throw notSimulated('a formula whose result is an array (it would spill into neighbouring cells)', location);
    }
    const v = this.hf.getCellValue({ sheet, row, col });
    if (v instanceof DetailedCellError) {
      if (v.message.startsWith(REFUSAL)) throw notSimulated(v.message.slice(REFUSAL.length), location);
      if (v.value === '#CYCLE!') {
        throw notSimulated('a circular reference (Excel shows 0 and warns; the simulator refuses)', location);
      }
      if (v.value === '#ERROR!') {
        throw notSimulated(`HyperFormula could not evaluate the formula: ${v.message}`, location);
      }
      if (v.value === '#NAME?' && /not recognized/i.test(v.message) && !/named expression/i.test(v.message)) {
        // unknown function: Excel also gives #NAME? for a function it does not know
        return { value: '#NAME?', isError: true };
      }
      return { value: v.value, isError: true };
    }
    if (v === null) return { value: 0, isError: false };
    if (typeof v === 'number') return { value: Object.is(v, -0) ? 0 : v, isError: false };
    return { value: v as CellValue, isError: false };
  }
}

/** The engine's raw content for a cell's content (text is forced with a leading apostrophe). */
export function rawFor(c: Content | undefined, translatedFormula?: string): RawCellContent {
  if (!c) return null;
  switch (c.t) {
    case 'n':
      return c.v;
    case 'b':
      return c.v;
    case 's':
      return `'${c.v}`;
    case 'e':
      return c.v === '#N/A' ? '=NA()' : `=${c.v}`;
    case 'f':
      return translatedFormula ?? c.f;
  }
}
