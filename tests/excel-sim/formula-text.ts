/**
 * Reading formula text the way Excel writes it (English function names, "," separators):
 * finding sheet-qualified references and structured references, translating structured references
 * to A1 ranges for the engine, and rewriting names when a sheet, table or column is renamed.
 *
 * Structured reference syntax (Microsoft support: "Using structured references with Excel tables"):
 * - Table[Column], Table[[Col1]:[Col2]], Table[] and a bare table name (= its data body)
 * - special items #All, #Data, #Headers, #Totals, #This Row, combined as [[#Headers],[#Data],[Col]]
 * - Table[@Column], Table[@[Column name]], [@Column] and [Column] inside the table itself
 * - in column names the characters [ ] # ' are escaped with a leading apostrophe: Table[Belopp '[kr']]
 * Column and table names match case-insensitively. A reference to #Totals of a table without a totals
 * row, or to "this row" from a row outside the table's data, evaluates to #REF! / #VALUE! as in Excel.
 */
import { colToLetters, parseAddress, quoteSheetName, type Rect } from './address';
import { officeError } from './errors';

export interface SheetRefToken {
  kind: 'sheet';
  start: number;
  end: number; // index of the '!'
  name: string;
}

export interface StructRefToken {
  kind: 'struct';
  start: number;
  end: number; // exclusive
  /** Table name as written, or null for an unqualified [@Col] / [Col]. */
  table: string | null;
  tableSpan: [number, number] | null;
  specials: string[]; // normalised: '#All', '#Data', '#Headers', '#Totals', '#This Row'
  columns: { name: string; span: [number, number] }[]; // one column or a [from, to] pair
  thisRow: boolean;
}

/** A bare name (not a function, cell or sheet): may be a table name used alone, as in =SUM(Table1). */
export interface NameToken {
  kind: 'name';
  start: number;
  end: number;
  name: string;
}

export type Token = SheetRefToken | StructRefToken | NameToken;

const ID_START = /[\p{L}_\\]/u;
const ID_CHAR = /[\p{L}\p{N}_.\\]/u;

const SPECIALS: Record<string, string> = {
  '#all': '#All',
  '#data': '#Data',
  '#headers': '#Headers',
  '#totals': '#Totals',
  '#this row': '#This Row',
};

export class FormulaSyntaxError extends Error {}

/** Finds sheet-qualified references and structured references in a formula ("=..."). */
export function scanFormula(formula: string): Token[] {
  const s = formula;
  const out: Token[] = [];
  let i = s.startsWith('=') ? 1 : 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      if (i >= s.length) throw new FormulaSyntaxError('unterminated string');
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < s.length) {
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += s[j];
        j++;
      }
      if (s[j] !== "'" || s[j + 1] !== '!') throw new FormulaSyntaxError('quoted name without "!"');
      out.push({ kind: 'sheet', start: i, end: j + 1, name });
      i = j + 2;
      continue;
    }
    if (ch === '[') {
      const ref = parseStruct(s, i, null, null);
      out.push(ref);
      i = ref.end;
      continue;
    }
    if (ID_START.test(ch)) {
      let j = i + 1;
      while (j < s.length && ID_CHAR.test(s[j])) j++;
      const word = s.slice(i, j);
      if (s[j] === '!') {
        out.push({ kind: 'sheet', start: i, end: j, name: word });
        i = j + 1;
        continue;
      }
      if (s[j] === '[') {
        const ref = parseStruct(s, j, word, [i, j]);
        ref.start = i;
        out.push(ref);
        i = ref.end;
        continue;
      }
      let k = j;
      while (s[k] === ' ') k++;
      const prev = i > 0 ? s[i - 1] : '';
      if (s[k] !== '(' && s[j] !== '$' && s[j] !== ':' && prev !== '!' && prev !== ':' && prev !== '$' && !/^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(word) &&
        !/^(TRUE|FALSE)$/i.test(word)) {
        out.push({ kind: 'name', start: i, end: j, name: word });
      }
      i = j;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      // numbers and row/column parts: skip over digits, letters cannot start an identifier here
      let j = i + 1;
      while (j < s.length && /[0-9.eE]/.test(s[j])) {
        if ((s[j] === 'e' || s[j] === 'E') && !/[0-9+-]/.test(s[j + 1] ?? '')) break;
        j++;
      }
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

function readName(s: string, i: number): { name: string; end: number } {
  // reads until an unescaped ']' ; returns index of that ']'
  let name = '';
  let j = i;
  while (j < s.length) {
    const c = s[j];
    if (c === "'") {
      if (j + 1 >= s.length) throw new FormulaSyntaxError('dangling escape');
      name += s[j + 1];
      j += 2;
      continue;
    }
    if (c === ']') return { name, end: j };
    if (c === '[') throw new FormulaSyntaxError('unescaped "[" in a column name');
    name += c;
    j++;
  }
  throw new FormulaSyntaxError('unterminated structured reference');
}

function parseStruct(s: string, open: number, table: string | null, tableSpan: [number, number] | null): StructRefToken {
  const tok: StructRefToken = { kind: 'struct', start: open, end: open, table, tableSpan, specials: [], columns: [], thisRow: false };
  let j = open + 1;
  const addName = (raw: string, span: [number, number]) => {
    const key = raw.trim().toLowerCase();
    if (key.startsWith('#')) {
      const sp = SPECIALS[key.replace(/\s+/g, ' ')];
      if (!sp) throw new FormulaSyntaxError(`unknown special item ${raw}`);
      if (sp === '#This Row') tok.thisRow = true;
      tok.specials.push(sp);
    } else {
      tok.columns.push({ name: raw, span });
    }
  };
  if (s[j] === '@') {
    tok.thisRow = true;
    tok.specials.push('#This Row');
    j++;
    if (s[j] !== '[') {
      const { name, end } = readName(s, j);
      if (name.trim() === '') throw new FormulaSyntaxError('empty column after @');
      addName(name, [j, end]);
      tok.end = end + 1;
      return tok;
    }
  }
  if (s[j] === '[') {
    // list of bracketed items: [a],[b] or [a]:[b]
    let expectRange = false;
    while (true) {
      while (s[j] === ' ') j++;
      if (s[j] !== '[') throw new FormulaSyntaxError('expected "["');
      const { name, end } = readName(s, j + 1);
      if (expectRange) {
        const key = name.trim().toLowerCase();
        if (key.startsWith('#') || tok.columns.length === 0) throw new FormulaSyntaxError('bad column range');
        tok.columns.push({ name, span: [j + 1, end] });
      } else {
        addName(name, [j + 1, end]);
      }
      j = end + 1;
      while (s[j] === ' ') j++;
      if (s[j] === ':') {
        if (expectRange) throw new FormulaSyntaxError('bad column range');
        expectRange = true;
        j++;
        continue;
      }
      expectRange = false;
      if (s[j] === ',') {
        j++;
        continue;
      }
      if (s[j] === ']') {
        tok.end = j + 1;
        break;
      }
      throw new FormulaSyntaxError('expected "]"');
    }
  } else {
    const { name, end } = readName(s, j);
    if (name !== '') addName(name, [j, end]);
    tok.end = end + 1;
  }
  if (tok.columns.length > 2) throw new FormulaSyntaxError('too many columns');
  return tok;
}

/** Writes a column name inside brackets, escaping [ ] # ' with an apostrophe. */
export function escapeColumnName(name: string): string {
  return name.replace(/['#[\]]/g, (m) => `'${m}`);
}

export interface TableInfo {
  id: number;
  name: string;
  sheetName: string;
  rect: Rect; // including header row and totals row
  showTotals: boolean;
  columns: string[];
}

export interface TranslateContext {
  tables: TableInfo[];
  sheetName: string;
  row: number;
  col: number;
  /** 'write': unknown tables/columns are refused (InvalidArgument). 'recalc': they become #REF!. */
  mode: 'write' | 'recalc';
  location: string;
}

export interface Translation {
  text: string;
  tableIds: number[];
  hasStructured: boolean;
}

function findTable(ctx: TranslateContext, name: string | null): TableInfo | null {
  if (name === null) {
    return (
      ctx.tables.find(
        (t) =>
          t.sheetName.toLowerCase() === ctx.sheetName.toLowerCase() &&
          ctx.row >= t.rect.r0 &&
          ctx.row <= t.rect.r1 &&
          ctx.col >= t.rect.c0 &&
          ctx.col <= t.rect.c1,
      ) ?? null
    );
  }
  return ctx.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
}

function refuse(ctx: TranslateContext, why: string): never {
  throw officeError('InvalidArgument', ctx.location, why);
}

/** Replaces structured references with A1 ranges ('Sheet'!$C$2:$C$9) for the engine. */
export function translateFormula(formula: string, ctx: TranslateContext): Translation {
  let tokens: Token[];
  try {
    tokens = scanFormula(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) refuse(ctx, `Formula cannot be parsed: ${e.message}`);
    throw e;
  }
  const refs = tokens.filter(
    (t): t is StructRefToken | NameToken =>
      t.kind === 'struct' || (t.kind === 'name' && ctx.tables.some((tb) => tb.name.toLowerCase() === t.name.toLowerCase())),
  );
  if (refs.length === 0) return { text: formula, tableIds: [], hasStructured: false };
  let out = '';
  let pos = 0;
  const ids = new Set<number>();
  for (const t of refs) {
    out += formula.slice(pos, t.start);
    const st: StructRefToken =
      t.kind === 'struct'
        ? t
        : { kind: 'struct', start: t.start, end: t.end, table: t.name, tableSpan: [t.start, t.end], specials: [], columns: [], thisRow: false };
    out += translateOne(st, ctx, ids);
    pos = t.end;
  }
  out += formula.slice(pos);
  return { text: out, tableIds: [...ids], hasStructured: true };
}

function translateOne(t: StructRefToken, ctx: TranslateContext, ids: Set<number>): string {
  const table = findTable(ctx, t.table);
  if (!table) {
    if (ctx.mode === 'recalc') return '#REF!';
    refuse(
      ctx,
      t.table === null
        ? 'A structured reference without a table name must be inside a table'
        : `There is no table named ${t.table}`,
    );
  }
  ids.add(table.id);
  const colIndex = (name: string): number => {
    const k = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
    if (k < 0) {
      if (ctx.mode === 'recalc') return -1;
      refuse(ctx, `Table ${table.name} has no column ${name}`);
    }
    return k;
  };
  let c0 = table.rect.c0;
  let c1 = table.rect.c1;
  if (t.columns.length > 0) {
    const a = colIndex(t.columns[0].name);
    const b = t.columns.length === 2 ? colIndex(t.columns[1].name) : a;
    if (a < 0 || b < 0) return '#REF!';
    c0 = table.rect.c0 + Math.min(a, b);
    c1 = table.rect.c0 + Math.max(a, b);
  }
  const header = table.rect.r0;
  const dataStart = table.rect.r0 + 1;
  const totals = table.showTotals ? table.rect.r1 : -1;
  const dataEnd = table.showTotals ? table.rect.r1 - 1 : table.rect.r1;
  let r0: number;
  let r1: number;
  const sp = new Set(t.specials);
  if (t.thisRow) {
    if (sp.size > 1) refuse(ctx, '#This Row cannot be combined with other special items');
    if (ctx.sheetName.toLowerCase() !== table.sheetName.toLowerCase() || ctx.row < dataStart || ctx.row > dataEnd) {
      return '#VALUE!';
    }
    r0 = r1 = ctx.row;
  } else if (sp.has('#All')) {
    if (sp.size > 1) refuse(ctx, '#All cannot be combined with other special items');
    r0 = header;
    r1 = table.rect.r1;
  } else if (sp.size === 0 || (sp.size === 1 && sp.has('#Data'))) {
    r0 = dataStart;
    r1 = dataEnd;
  } else if (sp.size === 1 && sp.has('#Headers')) {
    r0 = r1 = header;
  } else if (sp.size === 1 && sp.has('#Totals')) {
    if (totals < 0) return '#REF!';
    r0 = r1 = totals;
  } else if (sp.size === 2 && sp.has('#Headers') && sp.has('#Data')) {
    r0 = header;
    r1 = dataEnd;
  } else if (sp.size === 2 && sp.has('#Data') && sp.has('#Totals')) {
    r0 = dataStart;
    r1 = totals < 0 ? dataEnd : totals;
  } else {
    refuse(ctx, `Unsupported combination of special items: ${t.specials.join(', ')}`);
  }
  const a = `$${colToLetters(c0)}$${r0 + 1}`;
  const b = `$${colToLetters(c1)}$${r1 + 1}`;
  return `${quoteSheetName(table.sheetName)}!${a === b ? a : `${a}:${b}`}`;
}

/** Applies text replacements given as [start, end, text], in any order. */
function applyEdits(s: string, edits: [number, number, string][]): string {
  const sorted = [...edits].sort((x, y) => y[0] - x[0]);
  let out = s;
  for (const [a, b, t] of sorted) out = out.slice(0, a) + t + out.slice(b);
  return out;
}

/** Rewrites references to a renamed sheet (as Excel updates formulas). */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  let tokens: Token[];
  try {
    tokens = scanFormula(formula);
  } catch {
    return formula;
  }
  const edits: [number, number, string][] = [];
  for (const t of tokens) {
    if (t.kind === 'sheet' && t.name.toLowerCase() === oldName.toLowerCase()) {
      edits.push([t.start, t.end, quoteSheetName(newName)]);
    }
  }
  return edits.length ? applyEdits(formula, edits) : formula;
}

/** Rewrites references to a renamed table. */
export function renameTableInFormula(formula: string, oldName: string, newName: string): string {
  let tokens: Token[];
  try {
    tokens = scanFormula(formula);
  } catch {
    return formula;
  }
  const edits: [number, number, string][] = [];
  for (const t of tokens) {
    if (t.kind === 'struct' && t.table !== null && t.tableSpan && t.table.toLowerCase() === oldName.toLowerCase()) {
      edits.push([t.tableSpan[0], t.tableSpan[1], newName]);
    } else if (t.kind === 'name' && t.name.toLowerCase() === oldName.toLowerCase()) {
      edits.push([t.start, t.end, newName]);
    }
  }
  return edits.length ? applyEdits(formula, edits) : formula;
}

/**
 * Rewrites references to a renamed column of a table. `unqualifiedIsThisTable` says whether
 * [Col] / [@Col] in this formula refer to the table (the formula cell is inside it).
 */
export function renameColumnInFormula(
  formula: string,
  tableName: string,
  oldCol: string,
  newCol: string,
  unqualifiedIsThisTable: boolean,
): string {
  let tokens: Token[];
  try {
    tokens = scanFormula(formula);
  } catch {
    return formula;
  }
  const edits: [number, number, string][] = [];
  for (const t of tokens) {
    if (t.kind !== 'struct') continue;
    const mine = t.table === null ? unqualifiedIsThisTable : t.table.toLowerCase() === tableName.toLowerCase();
    if (!mine) continue;
    for (const c of t.columns) {
      if (c.name.toLowerCase() === oldCol.toLowerCase()) edits.push([c.span[0], c.span[1], escapeColumnName(newCol)]);
    }
  }
  return edits.length ? applyEdits(formula, edits) : formula;
}

/** Function names used in a formula (upper case), outside string literals. */
export function functionNames(formula: string): string[] {
  const names: string[] = [];
  const s = formula;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length && !(s[i] === '"' && s[i + 1] !== '"')) i += s[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === "'") {
      i++;
      while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      while (i < s.length) {
        if (s[i] === "'") {
          i += 2;
          continue;
        }
        if (s[i] === '[') depth++;
        if (s[i] === ']') {
          depth--;
          if (depth === 0) break;
        }
        i++;
      }
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < s.length && /[A-Za-z0-9_.]/.test(s[j])) j++;
      if (s[j] === '(') names.push(s.slice(i, j).toUpperCase());
      i = j;
      continue;
    }
    i++;
  }
  return names;
}

/** Applies `f` to the parts of a formula outside strings, quoted sheet names and structured references. */
function mapOutsideLiterals(formula: string, f: (segment: string, offset: number) => string): string {
  let out = '';
  let seg = '';
  let segStart = 0;
  const flush = (i: number) => {
    out += f(seg, segStart);
    seg = '';
    segStart = i;
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      flush(i);
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      segStart = i;
      continue;
    }
    if (ch === '[') {
      flush(i);
      let depth = 0;
      let j = i;
      while (j < formula.length) {
        if (formula[j] === "'") {
          j += 2;
          continue;
        }
        if (formula[j] === '[') depth++;
        if (formula[j] === ']') {
          depth--;
          if (depth === 0) break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      segStart = i;
      continue;
    }
    seg += ch;
    i++;
  }
  flush(i);
  return out;
}

const A1_REF = /(?<![A-Za-z0-9_.$\\])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(])/g;
// Relative offsets are written R«-1»C«2» rather than R[-1]C[2]: square brackets belong to structured references.
const R1C1_REF = /(?<![A-Za-z0-9_.$\\])R(«-?\d+»|\d+)?C(«-?\d+»|\d+)?(?![A-Za-z0-9_.(])/g;

/** A1 references written relative to the cell (row, col) as R1C1, so formulas can be compared across rows. */
export function toR1C1(formula: string, row: number, col: number): string {
  return mapOutsideLiterals(formula, (seg) =>
    seg.replace(A1_REF, (_m, cAbs: string, letters: string, rAbs: string, digits: string) => {
      const c = lettersToColumn(letters);
      const r = Number(digits) - 1;
      const rr = rAbs ? `R${r + 1}` : r === row ? 'R' : `R«${r - row}»`;
      const cc = cAbs ? `C${c + 1}` : c === col ? 'C' : `C«${c - col}»`;
      return rr + cc;
    }),
  );
}

/** The inverse of toR1C1 for the cell (row, col). */
export function fromR1C1(formula: string, row: number, col: number): string {
  return mapOutsideLiterals(formula, (seg) =>
    seg.replace(R1C1_REF, (_m, rp: string | undefined, cp: string | undefined) => {
      const rowPart = rp === undefined ? `${row + 1}` : rp.startsWith('«') ? `${row + Number(rp.slice(1, -1)) + 1}` : `$${rp}`;
      const colIdx = cp === undefined ? col : cp.startsWith('«') ? col + Number(cp.slice(1, -1)) : Number(cp) - 1;
      const colPart = cp !== undefined && !cp.startsWith('«') ? `$${colToLetters(colIdx)}` : colToLetters(colIdx);
      return colPart + rowPart;
    }),
  );
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A formula with its structured references in one canonical spelling, so that Excel's equivalent forms
 * compare equal: Ramar[[#This Row],[Belopp]], Ramar[@Belopp] and [@Belopp] (inside Ramar) are one formula.
 */
export function canonicalStructured(formula: string, containingTable: string | null): string {
  let tokens: Token[];
  try {
    tokens = scanFormula(formula);
  } catch {
    return formula;
  }
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    if (t.kind !== 'struct') continue;
    const table = (t.table ?? containingTable ?? '').toLowerCase();
    const specials = [...new Set(t.specials)].sort().join(',').toLowerCase();
    const cols = t.columns.map((c) => c.name.toLowerCase()).join(':');
    out += formula.slice(pos, t.start) + `\u0001${table}{${specials}|${cols}}\u0001`;
    pos = t.end;
  }
  return out + formula.slice(pos);
}

const A1_RANGE =
  /(?<![A-Za-z0-9_.$\\])(\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}:\$?[0-9]{1,7})(?![A-Za-z0-9_.(])/g;

/** A1 references in a formula (outside strings and structured references), with their sheet if written. */
export function a1References(formula: string): { sheet: string | null; rect: Rect }[] {
  let sheets: Token[];
  try {
    sheets = scanFormula(formula).filter((t) => t.kind === 'sheet');
  } catch {
    return [];
  }
  const out: { sheet: string | null; rect: Rect }[] = [];
  mapOutsideLiterals(formula, (seg, offset) => {
    for (const m of seg.matchAll(A1_RANGE)) {
      const at = offset + (m.index ?? 0);
      let sheet: string | null = null;
      if (formula[at - 1] === '!') {
        const tok = sheets.find((t) => t.end === at - 1) as SheetRefToken | undefined;
        sheet = tok ? tok.name : null;
      }
      try {
        out.push({ sheet, rect: parseAddress(m[1].replace(/\$/g, '')).rect });
      } catch {
        // not an address after all (e.g. a name like LOG10)
      }
    }
    return seg;
  });
  return out;
}
