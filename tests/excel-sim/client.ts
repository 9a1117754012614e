/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The client side of the simulator: proxy objects, a queue of actions and `sync()`, as in Office.js.
 *
 * Rules (from the Office.js client library, node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js,
 * and learn.microsoft.com "Application-specific API model"):
 * - Creating a proxy (getRange, getItem, tables.add, even `range.format`) queues an "instantiate" action;
 *   property sets, method calls and loads are queued too. Nothing reaches the workbook before `sync()`.
 * - `sync()` sends the queue as one request; an empty queue is no round trip and is not counted.
 * - Actions run in order. When one fails, the ones before it stay applied (Excel does not roll back),
 *   the rest are dropped, and `sync()` rejects with the error. Loaded values of a failed request are
 *   not delivered.
 * - Reading a scalar property before it was loaded and synced throws PropertyNotLoaded. Office.js keeps
 *   a value you set on the proxy and returns it unloaded; the simulator is stricter and refuses such
 *   reads too, because that value is the script's, not Excel's (e.g. "=1+1" instead of 2).
 * - After a sync in which an object was created, `isNullObject` is known without loading it (Office.js
 *   resolves it from the instantiate action; the docs say it is loaded automatically). Reading any other
 *   property of a null object returns undefined, as Office.js does.
 * - Setting a property or calling a method on a null object fails at sync (ItemNotFound).
 * - A ClientResult's `value` throws ValueNotLoaded until its sync.
 * - Objects of a finished Excel.run cannot be used again (InvalidObjectPath).
 * - Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded; nothing applied) and a
 *   response over 5 MB (ResponsePayloadSizeLimitExceeded); any platform refuses to read more than
 *   5 000 000 cells at once (RangeExceedsLimit). Request size = UTF-8 bytes of the JSON of the queued
 *   actions and their arguments.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellCount,
  colsOf,
  formatAddress,
  intersection,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  quoteSheetName,
  rect as mkRect,
  rectToAbsoluteA1,
  rowsOf,
  sheetNeedsQuotes,
  type Rect,
} from './address';
import { OfficeError, officeError, notSimulated, propertyNotLoaded } from './errors';
import {
  CHART_TYPES,
  PAYLOAD_LIMIT,
  normalizeColor as normalizeColorExport,
  type ChartModel,
  type FormatKey,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './workbook';

export interface SyncStats {
  syncs: number;
  requests: { bytes: number; cellsWritten: number }[];
  cellsWritten: number;
}

export interface SimHost {
  readonly model: WorkbookModel;
  readonly platform: 'web' | 'desktop';
  readonly stats: SyncStats;
  takeFailure(): { code: string; message: string } | null;
}

type Commit = (() => void) | void;

interface Action {
  kind: 'instantiate' | 'set' | 'method' | 'load';
  obj: SimObject;
  name: string;
  args: unknown[];
  run: () => Commit;
}

/** UTF-8 length without Buffer/TextEncoder allocation (runs in browsers too). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function argJson(v: unknown): unknown {
  if (v instanceof SimObject) return { _ObjectPathId: v._id };
  return v;
}

/**
 * Office.js sends a values/formulas/numberFormat array of more than 1500 cells as chunks of rows, each
 * through its own range object paths (setRangePropertiesInBulk in the client library); about 500 bytes of
 * object paths and actions per chunk.
 */
function chunkOverhead(a: Action): number {
  if (a.kind !== 'set' || !['values', 'formulas', 'numberFormat'].includes(a.name)) return 0;
  const v = a.args[0];
  if (!Array.isArray(v) || v.length === 0 || !Array.isArray(v[0])) return 0;
  const cols = (v[0] as unknown[]).length;
  if (v.length * cols <= 1500) return 0;
  const rowsPerChunk = Math.max(1, Math.round(1500 / cols));
  return Math.ceil(v.length / rowsPerChunk) * 500;
}

let nextObjectId = 1;

export class SimContext {
  readonly _host: SimHost;
  _queue: Action[] = [];
  _closed = false;
  /** True while a request runs or its results are delivered: objects created then queue nothing. */
  _processing = false;
  private _workbook: SimWorkbook | undefined;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  readonly debugInfo = {};

  constructor(host: SimHost) {
    this._host = host;
  }

  get workbook(): SimWorkbook {
    if (!this._workbook) this._workbook = new SimWorkbook(this);
    return this._workbook;
  }

  get application(): SimApplication {
    return this.workbook.application;
  }

  _enqueue(a: Action): void {
    if (this._closed) {
      throw officeError(
        'InvalidObjectPath',
        a.obj._className,
        'The Excel.run that created this object has finished',
        `The object path '${a.obj._className}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
      );
    }
    this._queue.push(a);
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this._queue;
    this._queue = [];
    try {
      this._execute(actions);
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.resolve(passThroughValue as T);
  }

  private _execute(actions: Action[]): void {
    if (actions.length === 0) return;
    const host = this._host;
    const model = host.model;
    const web = host.platform !== 'desktop';
    host.stats.syncs++;
    let bytes = 0;
    for (const a of actions) {
      bytes += utf8Length(JSON.stringify({ k: a.kind, o: a.obj._id, n: a.name, a: a.args.map(argJson) })) + 1;
      bytes += chunkOverhead(a);
    }
    const record = { bytes, cellsWritten: 0 };
    host.stats.requests.push(record);
    if (web && bytes > PAYLOAD_LIMIT) {
      throw officeError('RequestPayloadSizeLimitExceeded', undefined, `The request has ${bytes} bytes; the limit is ${PAYLOAD_LIMIT}`);
    }
    const failure = host.takeFailure();
    const limit = failure ? Math.floor(actions.length / 2) : actions.length;
    const commits: (() => void)[] = [];
    model.cellsWritten = 0;
    let responseBytes = 0;
    this._processing = true;
    try {
      for (let i = 0; i < limit; i++) {
        const a = actions[i];
        const c = a.run();
        if (a.kind === 'load' && typeof c === 'function') {
          responseBytes += (c as any)._bytes ?? 0;
          if (web && responseBytes > PAYLOAD_LIMIT) {
            throw officeError('ResponsePayloadSizeLimitExceeded', `${a.obj._className}.load`);
          }
        }
        if (typeof c === 'function') commits.push(c);
      }
    } finally {
      this._processing = false;
      record.cellsWritten = model.cellsWritten;
      host.stats.cellsWritten += model.cellsWritten;
      model.cellsWritten = 0;
    }
    if (failure) throw officeError(failure.code, undefined, 'failNextSync: the request failed half way', failure.message);
    this._processing = true;
    try {
      for (const c of commits) c();
    } finally {
      this._processing = false;
    }
  }
}

type Resolver<T> = () => T | null;

interface PropDef {
  get?: (target: any, self: any) => unknown;
  set?: (target: any, value: unknown, self: any) => void;
  /** Excluded from a parameterless load() (like numberFormatCategories in Office.js). */
  explicitOnly?: boolean;
}

export abstract class SimObject {
  readonly _ctx: SimContext;
  readonly _id = nextObjectId++;
  _target: any = undefined;
  _isNull: boolean | undefined = undefined;
  _loaded: Record<string, unknown> = {};
  private readonly _resolver: Resolver<any>;
  abstract get _className(): string;
  static _props: Record<string, PropDef> = {};
  static _nav: string[] = [];

  constructor(ctx: SimContext, resolver: Resolver<any>, prebound?: { target: any } | null, call?: { name: string; args: unknown[] }) {
    this._ctx = ctx;
    this._resolver = resolver;
    if (prebound) {
      this._target = prebound.target;
      this._isNull = prebound.target === null;
      return;
    }
    if (ctx._processing) return;
    ctx._enqueue({
      kind: 'instantiate',
      obj: this,
      name: call?.name ?? '',
      args: call?.args ?? [],
      run: () => {
        const t = this._resolveNow();
        return () => {
          this._isNull = t === null;
        };
      },
    });
  }

  get context(): SimContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._className, 'isNullObject');
    return this._isNull;
  }

  /** Server side: find the object in the workbook (once; the binding then follows the object). */
  _resolveNow(): any {
    if (this._target === undefined) {
      this._target = this._resolver();
    }
    if (this._target !== null) this._checkAlive(this._target);
    return this._target;
  }

  /** Server side: the object, or an error if it is a null object or no longer exists. */
  _require(): any {
    const t = this._resolveNow();
    if (t === null) {
      throw officeError('ItemNotFound', this._className, 'The object is a null object (an *OrNullObject method found nothing)');
    }
    return t;
  }

  protected _checkAlive(_t: any): void {
    // subclasses check that sheets/tables still exist
  }

  protected _props(): Record<string, PropDef> {
    return (this.constructor as typeof SimObject)._props;
  }

  _get(name: string): any {
    if (this._isNull === true) return undefined;
    if (!(name in this._loaded)) throw propertyNotLoaded(this._className, name);
    return this._loaded[name];
  }

  _set(name: string, value: unknown): void {
    const def = this._props()[name];
    this._ctx._enqueue({
      kind: 'set',
      obj: this,
      name,
      args: [value],
      run: () => {
        def.set!(this._require(), value, this);
      },
    });
  }

  _call<T>(name: string, args: unknown[], run: (target: any) => T, onResult?: (v: T) => void): void {
    this._ctx._enqueue({
      kind: 'method',
      obj: this,
      name,
      args,
      run: () => {
        const v = run(this._require());
        if (onResult) return () => onResult(v);
      },
    });
  }

  _result<T>(name: string, args: unknown[], run: (target: any) => T): SimClientResult<T> {
    const r = new SimClientResult<T>();
    this._call(name, args, run, (v) => r._resolve(v));
    return r;
  }

  /** Queues an action that fails at sync (Excel checks property names on the server). */
  protected _failAtSync(name: string, err: unknown): this {
    this._ctx._enqueue({
      kind: 'load',
      obj: this,
      name,
      args: [],
      run: () => {
        throw err;
      },
    });
    return this;
  }

  load(spec?: unknown): this {
    let parsed: ReturnType<typeof parseLoad>;
    try {
      parsed = parseLoad(spec, this._props(), (this.constructor as typeof SimObject)._nav, this._className);
    } catch (e) {
      return this._failAtSync('load', e);
    }
    const { scalars, nav } = parsed;
    for (const [n, sub] of nav) (this as any)[n].load(sub.length ? sub : undefined);
    if (scalars.length === 0 && nav.size > 0) return this;
    this._ctx._enqueue({
      kind: 'load',
      obj: this,
      name: 'load',
      args: [scalars],
      run: () => {
        const t = this._resolveNow();
        if (t === null) return () => {
          this._isNull = true;
        };
        const values: Record<string, unknown> = {};
        for (const p of scalars) values[p] = this._props()[p].get!(t, this);
        const commit = () => {
          this._isNull = false;
          Object.assign(this._loaded, values);
        };
        (commit as any)._bytes = utf8Length(JSON.stringify(values));
        return commit;
      },
    });
    return this;
  }

  /** Sets several properties at once (navigation properties recursively). */
  set(properties: Record<string, unknown>): void {
    if (properties instanceof SimObject) properties = properties.toJSON();
    for (const [k, v] of Object.entries(properties)) {
      const nav = (this.constructor as typeof SimObject)._nav;
      if (nav.includes(k) && v !== null && typeof v === 'object') (this as any)[k].set(v);
      else if (this._props()[k]?.set) (this as any)[k] = v;
      else throw officeError('InvalidArgument', `${this._className}.set`, `Unknown or read-only property ${k}`);
    }
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

function parseLoad(
  spec: unknown,
  props: Record<string, PropDef>,
  navNames: string[],
  className: string,
): { scalars: string[]; nav: Map<string, string[]> } {
  const scalars = new Set<string>();
  const nav = new Map<string, string[]>();
  const paths: string[] = [];
  if (spec === undefined || spec === null) {
    for (const [k, d] of Object.entries(props)) if (d.get && !d.explicitOnly) scalars.add(k);
    return { scalars: [...scalars], nav };
  }
  if (typeof spec === 'string') paths.push(...spec.split(','));
  else if (Array.isArray(spec)) for (const s of spec) paths.push(...String(s).split(','));
  else if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      if (typeof o.select === 'string') paths.push(...o.select.split(','));
      if (typeof o.expand === 'string') for (const e of o.expand.split(',')) nav.set(e.trim(), []);
    } else {
      const walk = (obj: Record<string, unknown>, prefix: string) => {
        for (const [k, v] of Object.entries(obj)) {
          if (k === '$all' && v) paths.push(prefix ? `${prefix}` : '*');
          else if (v === true) paths.push(prefix + k);
          else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
        }
      };
      walk(o, '');
    }
  } else throw officeError('InvalidArgument', `${className}.load`);
  for (const raw of paths) {
    const p = raw.trim();
    if (p === '' || p === '*') {
      if (p === '*') for (const [k, d] of Object.entries(props)) if (d.get && !d.explicitOnly) scalars.add(k);
      continue;
    }
    const [head, ...rest] = p.split('/');
    if (navNames.includes(head)) {
      const list = nav.get(head) ?? [];
      if (rest.length) list.push(rest.join('/'));
      nav.set(head, list);
    } else if (props[head]?.get) {
      if (rest.length) throw officeError('InvalidArgument', `${className}.load`, `${head} is not a navigation property`);
      scalars.add(head);
    } else {
      throw officeError('InvalidArgument', `${className}.load`, `The property '${head}' does not exist on ${className}`);
    }
  }
  return { scalars: [...scalars], nav };
}

/** Defines getters/setters for the scalar properties of a proxy class. */
function defineProps(cls: typeof SimObject & (new (...a: any[]) => SimObject), defs: Record<string, PropDef>, nav: string[] = []): void {
  cls._props = defs;
  cls._nav = nav;
  for (const [name, d] of Object.entries(defs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: SimObject) {
        return this._get(name);
      },
      set: d.set
        ? function (this: SimObject, v: unknown) {
            this._set(name, v);
          }
        : undefined,
    });
  }
}

export class SimClientResult<T> {
  private _loaded = false;
  private _value: T | undefined;
  get value(): T {
    if (!this._loaded) {
      throw officeError('ValueNotLoaded', 'clientResult.value');
    }
    return this._value as T;
  }
  _resolve(v: T): void {
    this._loaded = true;
    this._value = v;
  }
}

// ===================================================================== collections

abstract class SimCollection<Item extends SimObject> extends SimObject {
  protected abstract _itemTargets(t: any): any[];
  protected abstract _makeItem(target: any): Item;
  protected abstract get _itemClass(): typeof SimObject;

  get items(): Item[] {
    return this._get('items');
  }

  override load(spec?: unknown): this {
    // collection.load('name') means items/name; 'items' alone means all scalar properties of the items
    const itemProps = (this._itemClass as typeof SimObject)._props;
    const itemNav = (this._itemClass as typeof SimObject)._nav;
    const paths: string[] = [];
    let all = false;
    if (spec === undefined || spec === null) all = true;
    else if (typeof spec === 'string' || Array.isArray(spec)) {
      for (const p of (Array.isArray(spec) ? spec.join(',') : spec).split(',')) {
        const q = p.trim();
        if (q === '') continue;
        if (q === 'items') all = true;
        else if (q === 'count') paths.push('$count');
        else paths.push(q.startsWith('items/') ? q.slice(6) : q);
      }
    } else if (typeof spec === 'object') {
      const o = spec as Record<string, unknown>;
      if (typeof o.select === 'string') paths.push(...o.select.split(',').map((x) => x.trim().replace(/^items\//, '')));
      else all = true;
    }
    const wantCount = paths.includes('$count');
    const itemPaths = paths.filter((p) => p !== '$count');
    let parsed: ReturnType<typeof parseLoad>;
    try {
      parsed = parseLoad(all && itemPaths.length === 0 ? undefined : itemPaths, itemProps, itemNav, this._itemClass.name);
    } catch (e) {
      return this._failAtSync('load', e);
    }
    if (all && itemPaths.length === 0) parsed.nav.clear();
    this._ctx._enqueue({
      kind: 'load',
      obj: this,
      name: 'load',
      args: [paths.length ? paths : ['items']],
      run: () => {
        const t = this._require();
        const targets = this._itemTargets(t);
        const rows = targets.map((it) => {
          const probe = this._makeProbe(it);
          const vals: Record<string, unknown> = {};
          for (const p of parsed.scalars) vals[p] = itemProps[p].get!(it, probe);
          return vals;
        });
        const navValues = parsed.nav.size ? targets.map((it) => this._loadNav(it, parsed.nav)) : [];
        const commit = () => {
          this._isNull = false;
          const items = targets.map((it, i) => {
            const item = this._makeItem(it);
            Object.assign(item._loaded, rows[i]);
            if (navValues.length) navValues[i](item);
            return item;
          });
          if (!wantCount || itemPaths.length || all) this._loaded.items = items;
          this._loaded.count = items.length;
        };
        (commit as any)._bytes = utf8Length(JSON.stringify(rows));
        return commit;
      },
    });
    return this;
  }

  /** Reads navigation properties of items (e.g. items/worksheet/name) at the time of the load. */
  private _loadNav(it: any, nav: Map<string, string[]>): (item: Item) => void {
    const appliers: ((item: Item) => void)[] = [];
    for (const [name, sub] of nav) {
      const probe = this._makeProbe(it) as any;
      const child: SimObject = probe[name];
      const childCls = child.constructor as typeof SimObject;
      const childTarget = child._resolveNow();
      const { scalars } = parseLoad(sub.length ? sub : undefined, childCls._props, childCls._nav, child._className);
      const vals: Record<string, unknown> = {};
      for (const p of scalars) vals[p] = childCls._props[p].get!(childTarget, child);
      appliers.push((item) => {
        const c: SimObject = (item as any)[name];
        c._isNull = false;
        Object.assign(c._loaded, vals);
      });
    }
    return (item) => appliers.forEach((f) => f(item));
  }

  /** An item proxy bound to a target without queueing anything (used server side). */
  private _makeProbe(target: any): Item {
    return this._makeItem(target);
  }

  getCount(): SimClientResult<number> {
    return this._result('getCount', [], (t) => this._itemTargets(t).length);
  }

  get count(): number {
    return this._get('count');
  }
}

/** Creates an item proxy bound to its target during result processing (no instantiate action). */
function bound<T extends SimObject>(ctor: new (ctx: SimContext, r: Resolver<any>, p?: { target: any }) => T, ctx: SimContext, target: any): T {
  return new ctor(ctx, () => target, { target });
}

// ===================================================================== workbook, application

export class SimWorkbook extends SimObject {
  get _className() {
    return 'Workbook';
  }
  private _worksheets?: SimWorksheetCollection;
  private _tables?: SimTableCollection;
  private _settings?: SimSettingCollection;
  private _application?: SimApplication;
  private _properties?: SimDocumentProperties;

  constructor(ctx: SimContext) {
    super(ctx, () => ctx._host.model);
  }
  get worksheets(): SimWorksheetCollection {
    return (this._worksheets ??= new SimWorksheetCollection(this._ctx, () => this._require()));
  }
  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this._ctx, () => ({ model: this._require(), sheet: null })));
  }
  get settings(): SimSettingCollection {
    return (this._settings ??= new SimSettingCollection(this._ctx, () => this._require()));
  }
  get application(): SimApplication {
    return (this._application ??= new SimApplication(this._ctx, () => this._require()));
  }
  get properties(): SimDocumentProperties {
    return (this._properties ??= new SimDocumentProperties(this._ctx, () => this._require()));
  }
  getSelectedRange(): SimRange {
    return new SimRange(this._ctx, () => {
      const m: WorkbookModel = this._require();
      return { sheet: m.selection.sheet, rect: m.selection.rect };
    });
  }
  getActiveCell(): SimRange {
    return new SimRange(this._ctx, () => {
      const m: WorkbookModel = this._require();
      return { sheet: m.selection.sheet, rect: mkRect(m.selection.rect.r0, m.selection.rect.c0) };
    });
  }
}
defineProps(SimWorkbook, {
  name: { get: () => 'Book1.xlsx' },
  readOnly: { get: () => false },
}, ['worksheets', 'tables', 'settings', 'application', 'properties']);

export class SimApplication extends SimObject {
  get _className() {
    return 'Application';
  }
  calculate(calculationType: unknown): void {
    this._call('calculate', [calculationType], () => undefined);
  }
}
defineProps(SimApplication, {
  calculationMode: {
    get: (m: WorkbookModel) => m.calculationMode,
    set: (m: WorkbookModel, v) => {
      if (v !== 'Automatic' && v !== 'AutomaticExceptTables' && v !== 'Manual') throw officeError('InvalidArgument', 'Application.calculationMode');
      if (v !== 'Automatic') throw notSimulated('manual calculation (the simulator always recalculates)', 'Application.calculationMode');
      m.calculationMode = v;
    },
  },
});

export class SimDocumentProperties extends SimObject {
  get _className() {
    return 'DocumentProperties';
  }
}
const docProp = (k: string): PropDef => ({
  get: (m: WorkbookModel) => m.properties[k],
  set: (m: WorkbookModel, v) => {
    if (typeof v !== 'string') throw officeError('InvalidArgument', `DocumentProperties.${k}`);
    m.properties[k] = v;
  },
});
defineProps(SimDocumentProperties, {
  title: docProp('title'),
  subject: docProp('subject'),
  author: docProp('author'),
  keywords: docProp('keywords'),
  comments: docProp('comments'),
  category: docProp('category'),
  manager: docProp('manager'),
  company: docProp('company'),
});

// ===================================================================== worksheets

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  get _className() {
    return 'WorksheetCollection';
  }
  protected _itemTargets(m: WorkbookModel) {
    return m.sheets;
  }
  protected _makeItem(t: SheetModel) {
    return bound(SimWorksheet, this._ctx, t);
  }
  protected get _itemClass() {
    return SimWorksheet;
  }
  add(name?: string): SimWorksheet {
    return new SimWorksheet(this._ctx, () => (this._require() as WorkbookModel).addSheet(name), null, { name: 'add', args: [name ?? null] });
  }
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this._ctx, () => {
      const s = findSheetByKey(this._require(), key);
      if (!s) throw officeError('ItemNotFound', 'WorksheetCollection.getItem', `No worksheet ${JSON.stringify(key)}`);
      return s;
    });
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this._ctx, () => findSheetByKey(this._require(), key) ?? null);
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this._ctx, () => (this._require() as WorkbookModel).activeSheet);
  }
  getFirst(visibleOnly?: boolean): SimWorksheet {
    return new SimWorksheet(this._ctx, () => {
      const m: WorkbookModel = this._require();
      return (visibleOnly ? m.visibleSheets() : m.sheets)[0];
    });
  }
  getLast(visibleOnly?: boolean): SimWorksheet {
    return new SimWorksheet(this._ctx, () => {
      const m: WorkbookModel = this._require();
      const list = visibleOnly ? m.visibleSheets() : m.sheets;
      return list[list.length - 1];
    });
  }
  override getCount(visibleOnly?: boolean): SimClientResult<number> {
    return this._result('getCount', [visibleOnly], (m: WorkbookModel) => (visibleOnly ? m.visibleSheets() : m.sheets).length);
  }
}
defineProps(SimWorksheetCollection, { items: {}, count: { get: (m: WorkbookModel) => m.sheets.length } });

function findSheetByKey(m: WorkbookModel, key: unknown): SheetModel | undefined {
  if (typeof key !== 'string') throw officeError('InvalidArgument', 'WorksheetCollection.getItem');
  return m.findSheet(key) ?? m.sheets.find((s) => s.guid === key);
}

export class SimWorksheet extends SimObject {
  get _className() {
    return 'Worksheet';
  }
  private _tables?: SimTableCollection;
  private _charts?: SimChartCollection;
  private _protection?: SimWorksheetProtection;
  private _freeze?: SimFreezePanes;

  protected override _checkAlive(t: SheetModel): void {
    if (t.deleted) throw officeError('ItemNotFound', 'Worksheet', 'The worksheet was deleted');
  }
  private get _model(): WorkbookModel {
    return this._ctx._host.model;
  }
  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this._ctx, () => ({ model: this._model, sheet: this._require() })));
  }
  get charts(): SimChartCollection {
    return (this._charts ??= new SimChartCollection(this._ctx, () => this._require()));
  }
  get protection(): SimWorksheetProtection {
    return (this._protection ??= new SimWorksheetProtection(this._ctx, () => this._require()));
  }
  get freezePanes(): SimFreezePanes {
    return (this._freeze ??= new SimFreezePanes(this._ctx, () => this._require()));
  }
  getRange(address?: string): SimRange {
    return new SimRange(this._ctx, () => {
      const s: SheetModel = this._require();
      if (address === undefined || address === null || address === '') {
        return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      }
      const p = parseAddress(address, 'Worksheet.getRange');
      if (p.sheet !== undefined && (p.sheet.toLowerCase() !== s.name.toLowerCase() || sheetNeedsQuotes(s.name))) {
        // Excel takes its own sheet's name as a prefix, but fails for names such as "Sample-1"
        // (office-js issue #681); another sheet's name is not documented. The simulator accepts only the
        // sheet's own plain name.
        throw officeError('InvalidArgument', 'Worksheet.getRange', `Use the worksheet the address is on instead of the prefix in ${address}`);
      }
      return { sheet: s, rect: p.rect };
    }, null, { name: 'getRange', args: [address ?? null] });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return new SimRange(this._ctx, () => {
      const s: SheetModel = this._require();
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n)) && rowCount > 0 && columnCount > 0;
      const r = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (!ok || r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS) throw officeError('InvalidArgument', 'Worksheet.getRangeByIndexes');
      return { sheet: s, rect: r };
    });
  }
  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return new SimRange(this._ctx, () => {
      const s: SheetModel = this._require();
      return { sheet: s, rect: this._model.usedRect(s, !!valuesOnly) ?? mkRect(0, 0) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return new SimRange(this._ctx, () => {
      const s: SheetModel = this._require();
      const r = this._model.usedRect(s, !!valuesOnly);
      return r ? { sheet: s, rect: r } : null;
    });
  }
  activate(): void {
    this._call('activate', [], (s: SheetModel) => this._model.activate(s));
  }
  delete(): void {
    this._call('delete', [], (s: SheetModel) => this._model.deleteSheet(s));
  }
  calculate(markAllDirty?: boolean): void {
    this._call('calculate', [markAllDirty], () => undefined);
  }
}
defineProps(
  SimWorksheet,
  {
    name: { get: (s: SheetModel) => s.name, set: (s: SheetModel, v, self) => self._ctx._host.model.renameSheet(s, v) },
    id: { get: (s: SheetModel) => s.guid },
    position: {
      get: (s: SheetModel, self) => self._ctx._host.model.sheets.indexOf(s),
      set: (s: SheetModel, v, self) => self._ctx._host.model.setSheetPosition(s, v),
    },
    visibility: { get: (s: SheetModel) => s.visibility, set: (s: SheetModel, v, self) => self._ctx._host.model.setVisibility(s, v) },
    tabColor: {
      get: (s: SheetModel) => s.tabColor,
      set: (s: SheetModel, v) => {
        if (typeof v !== 'string') throw officeError('InvalidArgument', 'Worksheet.tabColor');
        s.tabColor = v === '' ? '' : normalizeColorExport(v, 'Worksheet.tabColor');
      },
    },
    standardWidth: { get: (s: SheetModel) => s.defaultColWidth },
  },
  ['tables', 'charts', 'protection', 'freezePanes'],
);


export class SimWorksheetProtection extends SimObject {
  get _className() {
    return 'WorksheetProtection';
  }
  protect(options?: unknown, password?: string): void {
    this._call('protect', [options ?? null, password ?? null], (s: SheetModel) => this._ctx._host.model.protect(s, options, password));
  }
  unprotect(password?: string): void {
    this._call('unprotect', [password ?? null], (s: SheetModel) => this._ctx._host.model.unprotect(s, password));
  }
}
defineProps(SimWorksheetProtection, {
  protected: { get: (s: SheetModel) => s.protection.protected },
  options: { get: (s: SheetModel) => ({ ...s.protection.options }) },
});

export class SimFreezePanes extends SimObject {
  get _className() {
    return 'WorksheetFreezePanes';
  }
  freezeRows(count?: number): void {
    this._call('freezeRows', [count ?? 1], (s: SheetModel) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw officeError('InvalidArgument', 'WorksheetFreezePanes.freezeRows');
      s.freeze = { rows: n, columns: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this._call('freezeColumns', [count ?? 1], (s: SheetModel) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_COLS) throw officeError('InvalidArgument', 'WorksheetFreezePanes.freezeColumns');
      s.freeze = { rows: 0, columns: n };
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (s: SheetModel) => {
      s.freeze = { rows: 0, columns: 0 };
    });
  }
}
defineProps(SimFreezePanes, {});

// ===================================================================== ranges

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function checkRangeAlive(t: RangeTarget): void {
  if (t.sheet.deleted) throw officeError('ItemNotFound', 'Range', 'The worksheet of this range was deleted');
}

function rangeArg(ctx: SimContext, arg: unknown, location: string): { sheetName?: string; target?: RangeTarget; rect: Rect } {
  if (arg instanceof SimRange) {
    if (arg._ctx !== ctx) throw officeError('InvalidRequestContext', location, 'Cannot use the object across different request contexts.');
    const t: RangeTarget = arg._require();
    return { target: t, sheetName: t.sheet.name, rect: t.rect };
  }
  if (typeof arg !== 'string') throw officeError('InvalidArgument', location);
  const p = parseAddress(arg, location);
  return { sheetName: p.sheet, rect: p.rect };
}

export class SimRange extends SimObject {
  get _className() {
    return 'Range';
  }
  private _format?: SimRangeFormat;
  private _dv?: SimDataValidation;
  private _ws?: SimWorksheet;

  protected override _checkAlive(t: RangeTarget): void {
    checkRangeAlive(t);
  }
  private get _model(): WorkbookModel {
    return this._ctx._host.model;
  }
  get format(): SimRangeFormat {
    return (this._format ??= new SimRangeFormat(this._ctx, () => this._require()));
  }
  get dataValidation(): SimDataValidation {
    return (this._dv ??= new SimDataValidation(this._ctx, () => this._require()));
  }
  get worksheet(): SimWorksheet {
    return (this._ws ??= new SimWorksheet(this._ctx, () => (this._require() as RangeTarget).sheet));
  }

  private _derive(name: string, f: (t: RangeTarget) => Rect | null, orNull = false): SimRange {
    return new SimRange(this._ctx, () => {
      const t: RangeTarget = this._require();
      const r = f(t);
      if (r === null) {
        if (orNull) return null;
        throw officeError('ItemNotFound', `Range.${name}`);
      }
      if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS || r.r0 > r.r1 || r.c0 > r.c1) {
        throw officeError('InvalidArgument', `Range.${name}`, 'The resulting range would be outside the worksheet');
      }
      return { sheet: t.sheet, rect: r };
    });
  }
  getCell(row: number, column: number): SimRange {
    return this._derive('getCell', (t) => intArgs(row, column) && mkRect(t.rect.r0 + row, t.rect.c0 + column));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derive('getResizedRange', (t) => intArgs(deltaRows, deltaColumns) && { ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive('getOffsetRange', (t) =>
      intArgs(rowOffset, columnOffset) && {
        r0: t.rect.r0 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        r1: t.rect.r1 + rowOffset,
        c1: t.rect.c1 + columnOffset,
      },
    );
  }
  getRow(row: number): SimRange {
    return this._derive('getRow', (t) => {
      if (!Number.isInteger(row) || row < 0 || row >= rowsOf(t.rect)) throw officeError('InvalidArgument', 'Range.getRow');
      return { ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row };
    });
  }
  getColumn(column: number): SimRange {
    return this._derive('getColumn', (t) => {
      if (!Number.isInteger(column) || column < 0 || column >= colsOf(t.rect)) throw officeError('InvalidArgument', 'Range.getColumn');
      return { ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column };
    });
  }
  getEntireColumn(): SimRange {
    return this._derive('getEntireColumn', (t) => ({ ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): SimRange {
    return this._derive('getEntireRow', (t) => ({ ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getLastRow(): SimRange {
    return this._derive('getLastRow', (t) => ({ ...t.rect, r0: t.rect.r1 }));
  }
  getLastColumn(): SimRange {
    return this._derive('getLastColumn', (t) => ({ ...t.rect, c0: t.rect.c1 }));
  }
  getLastCell(): SimRange {
    return this._derive('getLastCell', (t) => mkRect(t.rect.r1, t.rect.c1));
  }
  getRowsBelow(count = 1): SimRange {
    return this._derive('getRowsBelow', (t) => intArgs(count) && { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count });
  }
  getRowsAbove(count = 1): SimRange {
    return this._derive('getRowsAbove', (t) => intArgs(count) && { ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 });
  }
  getColumnsAfter(count = 1): SimRange {
    return this._derive('getColumnsAfter', (t) => intArgs(count) && { ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count });
  }
  getColumnsBefore(count = 1): SimRange {
    return this._derive('getColumnsBefore', (t) => intArgs(count) && { ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 });
  }
  getBoundingRect(anotherRange: SimRange | string): SimRange {
    return this._derive('getBoundingRect', (t) => {
      const o = this._other(anotherRange, t, 'Range.getBoundingRect');
      return { r0: Math.min(t.rect.r0, o.r0), c0: Math.min(t.rect.c0, o.c0), r1: Math.max(t.rect.r1, o.r1), c1: Math.max(t.rect.c1, o.c1) };
    });
  }
  getIntersection(anotherRange: SimRange | string): SimRange {
    return this._derive('getIntersection', (t) => intersection(t.rect, this._other(anotherRange, t, 'Range.getIntersection')));
  }
  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    return this._derive('getIntersectionOrNullObject', (t) => intersection(t.rect, this._other(anotherRange, t, 'Range.getIntersectionOrNullObject')), true);
  }
  private _other(arg: SimRange | string, t: RangeTarget, location: string): Rect {
    const o = rangeArg(this._ctx, arg, location);
    if (o.sheetName !== undefined && o.sheetName.toLowerCase() !== t.sheet.name.toLowerCase()) {
      throw officeError('InvalidArgument', location, 'The ranges are on different worksheets');
    }
    return o.rect;
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._derive('getUsedRange', (t) => {
      const u = this._model.usedRect(t.sheet, !!valuesOnly);
      const x = u && intersection(u, t.rect);
      if (!x) throw officeError('ItemNotFound', 'Range.getUsedRange', 'The range is empty');
      return x;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this._derive(
      'getUsedRangeOrNullObject',
      (t) => {
        const u = this._model.usedRect(t.sheet, !!valuesOnly);
        return u && intersection(u, t.rect);
      },
      true,
    );
  }
  select(): void {
    this._call('select', [], (t: RangeTarget) => this._model.select(t.sheet, t.rect));
  }
  clear(applyTo?: string): void {
    this._call('clear', [applyTo ?? 'All'], (t: RangeTarget) => this._model.clear(t.sheet, t.rect, applyTo));
  }
  calculate(): void {
    this._call('calculate', [], () => undefined);
  }
}

function intArgs(...n: number[]): true {
  if (!n.every((x) => Number.isInteger(x))) throw officeError('InvalidArgument', 'Range');
  return true;
}

const rangeRead = (f: (m: WorkbookModel, t: RangeTarget) => unknown): PropDef['get'] => (t: RangeTarget, self: SimObject) =>
  f(self._ctx._host.model, t);

defineProps(
  SimRange,
  {
    address: { get: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t: RangeTarget) => formatAddress(t.sheet.name, t.rect) },
    rowCount: { get: (t: RangeTarget) => rowsOf(t.rect) },
    columnCount: { get: (t: RangeTarget) => colsOf(t.rect) },
    rowIndex: { get: (t: RangeTarget) => t.rect.r0 },
    columnIndex: { get: (t: RangeTarget) => t.rect.c0 },
    cellCount: { get: (t: RangeTarget) => cellCount(t.rect) },
    isEntireColumn: { get: (t: RangeTarget) => isEntireColumns(t.rect) },
    isEntireRow: { get: (t: RangeTarget) => isEntireRows(t.rect) },
    values: {
      get: rangeRead((m, t) => m.values(t.sheet, t.rect)),
      set: (t: RangeTarget, v, self) => self._ctx._host.model.writeContents(t.sheet, t.rect, v, 'Range.values'),
    },
    formulas: {
      get: rangeRead((m, t) => m.formulas(t.sheet, t.rect)),
      set: (t: RangeTarget, v, self) => self._ctx._host.model.writeContents(t.sheet, t.rect, v, 'Range.formulas'),
    },
    formulasLocal: {
      explicitOnly: true,
      get: () => {
        throw notSimulated('formulasLocal (it depends on the user\'s language and separators); use formulas', 'Range.formulasLocal');
      },
      set: () => {
        throw notSimulated('formulasLocal (it depends on the user\'s language and separators); use formulas', 'Range.formulasLocal');
      },
    },
    numberFormat: {
      get: rangeRead((m, t) => m.numberFormats(t.sheet, t.rect)),
      set: (t: RangeTarget, v, self) => self._ctx._host.model.writeNumberFormat(t.sheet, t.rect, v),
    },
    text: { get: rangeRead((m, t) => m.texts(t.sheet, t.rect)) },
    valueTypes: { get: rangeRead((m, t) => m.valueTypes(t.sheet, t.rect)) },
  },
  ['format', 'dataValidation', 'worksheet'],
);

export class SimRangeFormat extends SimObject {
  get _className() {
    return 'RangeFormat';
  }
  private _font?: SimRangeFont;
  private _fill?: SimRangeFill;
  private _protection?: SimFormatProtection;
  protected override _checkAlive(t: RangeTarget): void {
    checkRangeAlive(t);
  }
  get font(): SimRangeFont {
    return (this._font ??= new SimRangeFont(this._ctx, () => this._require()));
  }
  get fill(): SimRangeFill {
    return (this._fill ??= new SimRangeFill(this._ctx, () => this._require()));
  }
  get protection(): SimFormatProtection {
    return (this._protection ??= new SimFormatProtection(this._ctx, () => this._require()));
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], (t: RangeTarget) => this._ctx._host.model.autofitColumns(t.sheet, t.rect));
  }
  autofitRows(): void {
    this._call('autofitRows', [], () => undefined);
  }
}

const fmtProp = (key: FormatKey, cls: string, prop: string): PropDef => ({
  get: (t: RangeTarget, self: SimObject) => self._ctx._host.model.getFormat(t.sheet, t.rect, key),
  set: (t: RangeTarget, v, self: SimObject) => self._ctx._host.model.setFormat(t.sheet, t.rect, key, v, `${cls}.${prop}`),
});

defineProps(
  SimRangeFormat,
  {
    columnWidth: {
      get: (t: RangeTarget, self) => self._ctx._host.model.getColumnWidth(t.sheet, t.rect),
      set: (t: RangeTarget, v, self) => self._ctx._host.model.setColumnWidth(t.sheet, t.rect, v),
    },
    rowHeight: {
      get: (t: RangeTarget, self) => self._ctx._host.model.getRowHeight(t.sheet, t.rect),
      set: (t: RangeTarget, v, self) => self._ctx._host.model.setRowHeight(t.sheet, t.rect, v),
    },
    wrapText: fmtProp('wrapText', 'RangeFormat', 'wrapText'),
    horizontalAlignment: fmtProp('horizontalAlignment', 'RangeFormat', 'horizontalAlignment'),
    verticalAlignment: fmtProp('verticalAlignment', 'RangeFormat', 'verticalAlignment'),
  },
  ['font', 'fill', 'protection'],
);

export class SimRangeFont extends SimObject {
  get _className() {
    return 'RangeFont';
  }
  protected override _checkAlive(t: RangeTarget): void {
    checkRangeAlive(t);
  }
}
defineProps(SimRangeFont, {
  bold: fmtProp('bold', 'RangeFont', 'bold'),
  italic: fmtProp('italic', 'RangeFont', 'italic'),
  color: fmtProp('fontColor', 'RangeFont', 'color'),
  size: fmtProp('fontSize', 'RangeFont', 'size'),
  name: fmtProp('fontName', 'RangeFont', 'name'),
  underline: fmtProp('underline', 'RangeFont', 'underline'),
});

export class SimRangeFill extends SimObject {
  get _className() {
    return 'RangeFill';
  }
  protected override _checkAlive(t: RangeTarget): void {
    checkRangeAlive(t);
  }
  clear(): void {
    this._call('clear', [], (t: RangeTarget) => this._ctx._host.model.setFormat(t.sheet, t.rect, 'fill', '', 'RangeFill.clear'));
  }
}
defineProps(SimRangeFill, {
  color: {
    // Excel reports "#FFFFFF" for cells without fill
    get: (t: RangeTarget, self) => {
      const v = self._ctx._host.model.getFormat(t.sheet, t.rect, 'fill');
      return v === '' ? '#FFFFFF' : v;
    },
    set: (t: RangeTarget, v, self) => self._ctx._host.model.setFormat(t.sheet, t.rect, 'fill', v, 'RangeFill.color'),
  },
});

export class SimFormatProtection extends SimObject {
  get _className() {
    return 'FormatProtection';
  }
  protected override _checkAlive(t: RangeTarget): void {
    checkRangeAlive(t);
  }
}
defineProps(SimFormatProtection, {
  locked: fmtProp('locked', 'FormatProtection', 'locked'),
  formulaHidden: fmtProp('formulaHidden', 'FormatProtection', 'formulaHidden'),
});

export class SimDataValidation extends SimObject {
  get _className() {
    return 'DataValidation';
  }
  protected override _checkAlive(t: RangeTarget): void {
    checkRangeAlive(t);
  }
  clear(): void {
    this._call('clear', [], (t: RangeTarget) => this._ctx._host.model.clearValidation(t.sheet, t.rect));
  }
}
function dvEntries(t: RangeTarget, self: SimObject) {
  return self._ctx._host.model.validationFor(t.sheet, t.rect);
}
defineProps(SimDataValidation, {
  rule: {
    get: (t: RangeTarget, self) => {
      const e = dvEntries(t, self);
      return e.length === 1 ? JSON.parse(JSON.stringify(e[0].rule)) : e.length === 0 ? {} : null;
    },
    set: (t: RangeTarget, v, self) => {
      let rule = v;
      if (rule && typeof rule === 'object') {
        const r = { ...(rule as Record<string, any>) };
        if (r.list && r.list.source instanceof SimRange) {
          const src: RangeTarget = r.list.source._require();
          r.list = { ...r.list, source: `=${quoteSheetName(src.sheet.name)}!${rectToAbsoluteA1(src.rect)}` };
        }
        rule = r;
      }
      self._ctx._host.model.setValidationRule(t.sheet, t.rect, rule);
    },
  },
  type: {
    get: (t: RangeTarget, self) => {
      const e = dvEntries(t, self);
      if (e.length === 0) return 'None';
      const kinds = new Set(e.map((x) => Object.keys(x.rule)[0]));
      if (kinds.size > 1) return 'Inconsistent';
      const k = [...kinds][0];
      return ({ wholeNumber: 'WholeNumber', decimal: 'Decimal', list: 'List', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom' } as Record<string, string>)[k];
    },
  },
  ignoreBlanks: {
    get: (t: RangeTarget, self) => {
      const e = dvEntries(t, self);
      return e.length ? e[0].ignoreBlanks : true;
    },
    set: (t: RangeTarget, v, self) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'DataValidation.ignoreBlanks');
      for (const e of dvEntries(t, self)) e.ignoreBlanks = v;
    },
  },
  prompt: {
    get: (t: RangeTarget, self) => dvEntries(t, self)[0]?.prompt ?? { showPrompt: false, title: '', message: '' },
    set: (t: RangeTarget, v, self) => {
      for (const e of dvEntries(t, self)) e.prompt = { ...(v as Record<string, unknown>) };
    },
  },
  errorAlert: {
    get: (t: RangeTarget, self) => dvEntries(t, self)[0]?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
    set: (t: RangeTarget, v, self) => {
      for (const e of dvEntries(t, self)) e.errorAlert = { ...(v as Record<string, unknown>) };
    },
  },
});

// ===================================================================== tables

interface TablesTarget {
  model: WorkbookModel;
  sheet: SheetModel | null;
}

export class SimTableCollection extends SimCollection<SimTable> {
  get _className() {
    return 'TableCollection';
  }
  protected _itemTargets(t: TablesTarget) {
    return t.sheet ? t.model.tables.filter((x) => x.sheet === t.sheet) : t.model.tables;
  }
  protected _makeItem(t: TableModel) {
    return bound(SimTable, this._ctx, t);
  }
  protected get _itemClass() {
    return SimTable;
  }
  add(address: SimRange | string, hasHeaders: boolean): SimTable {
    return new SimTable(this._ctx, () => {
      const t: TablesTarget = this._require();
      const a = rangeArg(this._ctx, address, 'TableCollection.add');
      let sheet: SheetModel;
      if (a.target) sheet = a.target.sheet;
      else if (a.sheetName !== undefined) {
        const s = t.model.findSheet(a.sheetName);
        if (!s) throw officeError('ItemNotFound', 'TableCollection.add', `No worksheet ${a.sheetName}`);
        sheet = s;
      } else sheet = t.sheet ?? t.model.activeSheet;
      if (t.sheet && sheet !== t.sheet) {
        throw officeError('InvalidArgument', 'TableCollection.add', 'The address is on another worksheet');
      }
      return t.model.addTable(sheet, a.rect, hasHeaders);
    }, null, { name: 'add', args: [address, hasHeaders] });
  }
  getItem(key: string): SimTable {
    return new SimTable(this._ctx, () => {
      const found = this._find(key);
      if (!found) throw officeError('ItemNotFound', 'TableCollection.getItem', `No table ${JSON.stringify(key)}`);
      return found;
    });
  }
  getItemOrNullObject(key: string): SimTable {
    return new SimTable(this._ctx, () => this._find(key) ?? null);
  }
  getItemAt(index: number): SimTable {
    return new SimTable(this._ctx, () => {
      const list = this._itemTargets(this._require());
      if (!Number.isInteger(index) || index < 0 || index >= list.length) throw officeError('InvalidArgument', 'TableCollection.getItemAt');
      return list[index];
    });
  }
  private _find(key: unknown): TableModel | undefined {
    const t: TablesTarget = this._require();
    if (typeof key !== 'string') throw officeError('InvalidArgument', 'TableCollection.getItem');
    return this._itemTargets(t).find((x) => x.name.toLowerCase() === key.toLowerCase() || String(x.id) === key);
  }
}
defineProps(SimTableCollection, { items: {}, count: { get: (t: TablesTarget, self: any) => self._itemTargets(t).length } });

export class SimTable extends SimObject {
  get _className() {
    return 'Table';
  }
  private _columns?: SimTableColumnCollection;
  private _rows?: SimTableRowCollection;
  private _ws?: SimWorksheet;
  protected override _checkAlive(t: TableModel): void {
    if (t.deleted) throw officeError('ItemNotFound', 'Table', 'The table was deleted');
  }
  private get _model(): WorkbookModel {
    return this._ctx._host.model;
  }
  get columns(): SimTableColumnCollection {
    return (this._columns ??= new SimTableColumnCollection(this._ctx, () => this._require()));
  }
  get rows(): SimTableRowCollection {
    return (this._rows ??= new SimTableRowCollection(this._ctx, () => this._require()));
  }
  get worksheet(): SimWorksheet {
    return (this._ws ??= new SimWorksheet(this._ctx, () => (this._require() as TableModel).sheet));
  }
  private _range(name: string, f: (t: TableModel) => Rect | null): SimRange {
    return new SimRange(this._ctx, () => {
      const t: TableModel = this._require();
      const r = f(t);
      if (!r) throw officeError('ItemNotFound', `Table.${name}`, 'The table shows no totals row');
      return { sheet: t.sheet, rect: r };
    });
  }
  getRange(): SimRange {
    return this._range('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): SimRange {
    return this._range('getHeaderRowRange', (t) => t.headerRect);
  }
  getDataBodyRange(): SimRange {
    return this._range('getDataBodyRange', (t) => t.dataRect);
  }
  getTotalRowRange(): SimRange {
    return this._range('getTotalRowRange', (t) => t.totalsRect);
  }
  resize(newRange: SimRange | string): void {
    this._call('resize', [newRange], (t: TableModel) => {
      const a = rangeArg(this._ctx, newRange, 'Table.resize');
      this._model.resizeTable(t, a.sheetName, a.rect);
    });
  }
  delete(): void {
    this._call('delete', [], (t: TableModel) => this._model.deleteTable(t));
  }
  convertToRange(): SimRange {
    throw notSimulated('Table.convertToRange', 'Table.convertToRange');
  }
  clearFilters(): void {
    this._call('clearFilters', [], () => undefined);
  }
}
const tableFlag = (k: 'showBandedRows' | 'showBandedColumns' | 'showFilterButton' | 'highlightFirstColumn' | 'highlightLastColumn'): PropDef => ({
  get: (t: TableModel) => t[k],
  set: (t: TableModel, v, self) => self._ctx._host.model.setTableFlag(t, k, v),
});
defineProps(
  SimTable,
  {
    name: { get: (t: TableModel) => t.name, set: (t: TableModel, v, self) => self._ctx._host.model.renameTable(t, v) },
    id: { get: (t: TableModel) => String(t.id) },
    legacyId: { get: (t: TableModel) => String(t.id) },
    style: { get: (t: TableModel) => t.style, set: (t: TableModel, v, self) => self._ctx._host.model.setTableStyle(t, v) },
    showTotals: { get: (t: TableModel) => t.showTotals, set: (t: TableModel, v, self) => self._ctx._host.model.setShowTotals(t, v) },
    showHeaders: {
      get: () => true,
      set: (_t: TableModel, v) => {
        if (v !== true) throw notSimulated('hiding the header row of a table', 'Table.showHeaders');
      },
    },
    showBandedRows: tableFlag('showBandedRows'),
    showBandedColumns: tableFlag('showBandedColumns'),
    showFilterButton: tableFlag('showFilterButton'),
    highlightFirstColumn: tableFlag('highlightFirstColumn'),
    highlightLastColumn: tableFlag('highlightLastColumn'),
  },
  ['columns', 'rows', 'worksheet'],
);

interface ColumnTarget {
  table: TableModel;
  id: number;
}
function colIndex(c: ColumnTarget): number {
  const i = c.table.columns.findIndex((x) => x.id === c.id);
  if (i < 0 || c.table.deleted) throw officeError('ItemNotFound', 'TableColumn', 'The column no longer exists');
  return i;
}

export class SimTableColumnCollection extends SimCollection<SimTableColumn> {
  get _className() {
    return 'TableColumnCollection';
  }
  protected _itemTargets(t: TableModel): ColumnTarget[] {
    return t.columns.map((c) => ({ table: t, id: c.id }));
  }
  protected _makeItem(t: ColumnTarget) {
    return bound(SimTableColumn, this._ctx, t);
  }
  protected get _itemClass() {
    return SimTableColumn;
  }
  private _find(key: unknown): ColumnTarget | null {
    const t: TableModel = this._require();
    let col;
    if (typeof key === 'number') col = t.columns.find((c) => c.id === key);
    else if (typeof key === 'string') col = t.columns.find((c) => c.name.toLowerCase() === key.toLowerCase() || String(c.id) === key);
    else throw officeError('InvalidArgument', 'TableColumnCollection.getItem');
    return col ? { table: t, id: col.id } : null;
  }
  getItem(key: number | string): SimTableColumn {
    return new SimTableColumn(this._ctx, () => {
      const c = this._find(key);
      if (!c) throw officeError('ItemNotFound', 'TableColumnCollection.getItem', `No column ${JSON.stringify(key)}`);
      return c;
    });
  }
  getItemOrNullObject(key: number | string): SimTableColumn {
    return new SimTableColumn(this._ctx, () => this._find(key));
  }
  getItemAt(index: number): SimTableColumn {
    return new SimTableColumn(this._ctx, () => {
      const t: TableModel = this._require();
      if (!Number.isInteger(index) || index < 0 || index >= t.columns.length) throw officeError('InvalidArgument', 'TableColumnCollection.getItemAt');
      return { table: t, id: t.columns[index].id };
    });
  }
  add(): SimTableColumn {
    throw notSimulated('TableColumnCollection.add; write the new header next to the table and call table.resize', 'TableColumnCollection.add');
  }
}
defineProps(SimTableColumnCollection, { items: {}, count: { get: (t: TableModel) => t.columns.length } });

export class SimTableColumn extends SimObject {
  get _className() {
    return 'TableColumn';
  }
  protected override _checkAlive(t: ColumnTarget): void {
    colIndex(t);
  }
  private _range(name: string, f: (t: TableModel, c: number) => Rect | null): SimRange {
    return new SimRange(this._ctx, () => {
      const ct: ColumnTarget = this._require();
      const c = ct.table.rect.c0 + colIndex(ct);
      const r = f(ct.table, c);
      if (!r) throw officeError('ItemNotFound', `TableColumn.${name}`, 'The table shows no totals row');
      return { sheet: ct.table.sheet, rect: r };
    });
  }
  getRange(): SimRange {
    return this._range('getRange', (t, c) => ({ ...t.rect, c0: c, c1: c }));
  }
  getHeaderRowRange(): SimRange {
    return this._range('getHeaderRowRange', (t, c) => mkRect(t.rect.r0, c));
  }
  getDataBodyRange(): SimRange {
    return this._range('getDataBodyRange', (t, c) => ({ ...t.dataRect, c0: c, c1: c }));
  }
  getTotalRowRange(): SimRange {
    return this._range('getTotalRowRange', (t, c) => (t.showTotals ? mkRect(t.rect.r1, c) : null));
  }
  delete(): void {
    this._call('delete', [], (c: ColumnTarget) => this._ctx._host.model.deleteTableColumn(c.table, colIndex(c)));
  }
}
defineProps(SimTableColumn, {
  id: { get: (c: ColumnTarget) => c.id },
  index: { get: (c: ColumnTarget) => colIndex(c) },
  name: {
    get: (c: ColumnTarget) => c.table.columns[colIndex(c)].name,
    set: (c: ColumnTarget, v, self) => self._ctx._host.model.renameTableColumn(c.table, colIndex(c), v),
  },
  values: {
    get: (c: ColumnTarget, self) => {
      const col = c.table.rect.c0 + colIndex(c);
      return self._ctx._host.model.values(c.table.sheet, { ...c.table.rect, c0: col, c1: col });
    },
  },
});

interface RowTarget {
  table: TableModel;
  index: number;
}

export class SimTableRowCollection extends SimCollection<SimTableRow> {
  get _className() {
    return 'TableRowCollection';
  }
  protected _itemTargets(t: TableModel): RowTarget[] {
    const n = rowsOf(t.dataRect);
    return Array.from({ length: n }, (_, i) => ({ table: t, index: i }));
  }
  protected _makeItem(t: RowTarget) {
    return bound(SimTableRow, this._ctx, t);
  }
  protected get _itemClass() {
    return SimTableRow;
  }
  getItemAt(index: number): SimTableRow {
    return new SimTableRow(this._ctx, () => {
      const t: TableModel = this._require();
      if (!Number.isInteger(index) || index < 0 || index >= rowsOf(t.dataRect)) throw officeError('InvalidArgument', 'TableRowCollection.getItemAt');
      return { table: t, index };
    });
  }
  add(): SimTableRow {
    throw notSimulated(
      'TableRowCollection.add (it causes merge conflicts for co-authors); write the rows just below the table and call table.resize',
      'TableRowCollection.add',
    );
  }
}
defineProps(SimTableRowCollection, { items: {}, count: { get: (t: TableModel) => rowsOf(t.dataRect) } });

export class SimTableRow extends SimObject {
  get _className() {
    return 'TableRow';
  }
  getRange(): SimRange {
    return new SimRange(this._ctx, () => {
      const rt: RowTarget = this._require();
      const r = rt.table.dataRect.r0 + rt.index;
      return { sheet: rt.table.sheet, rect: { ...rt.table.rect, r0: r, r1: r } };
    });
  }
}
defineProps(SimTableRow, {
  index: { get: (r: RowTarget) => r.index },
  values: {
    get: (rt: RowTarget, self) => {
      const r = rt.table.dataRect.r0 + rt.index;
      return self._ctx._host.model.values(rt.table.sheet, { ...rt.table.rect, r0: r, r1: r });
    },
  },
});

// ===================================================================== charts

export interface ChartTarget {
  sheet: SheetModel;
  chart: ChartModel;
}

export class SimChartCollection extends SimCollection<SimChart> {
  get _className() {
    return 'ChartCollection';
  }
  protected _itemTargets(s: SheetModel): ChartTarget[] {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  protected _makeItem(t: ChartTarget) {
    return bound(SimChart, this._ctx, t);
  }
  protected get _itemClass() {
    return SimChart;
  }
  add(type: string, sourceData: SimRange | string, seriesBy?: string): SimChart {
    return new SimChart(this._ctx, () => {
      const s: SheetModel = this._require();
      // The API takes a Range object here (@types/office-js: sourceData: Range), not an address.
      if (!(sourceData instanceof SimRange)) throw officeError('InvalidArgument', 'ChartCollection.add', 'sourceData must be a Range');
      const a = rangeArg(this._ctx, sourceData, 'ChartCollection.add');
      const src = a.target?.sheet ?? (a.sheetName ? this._ctx._host.model.findSheet(a.sheetName) : s);
      if (!src) throw officeError('InvalidArgument', 'ChartCollection.add', 'Unknown sheet in the source address');
      return { sheet: s, chart: this._ctx._host.model.addChart(s, type, src, a.rect, seriesBy) };
    });
  }
  getItem(name: string): SimChart {
    return new SimChart(this._ctx, () => {
      const s: SheetModel = this._require();
      const c = s.charts.find((x) => x.name === name);
      if (!c) throw officeError('ItemNotFound', 'ChartCollection.getItem', `No chart ${JSON.stringify(name)}`);
      return { sheet: s, chart: c };
    });
  }
  getItemOrNullObject(name: string): SimChart {
    return new SimChart(this._ctx, () => {
      const s: SheetModel = this._require();
      const c = s.charts.find((x) => x.name === name);
      return c ? { sheet: s, chart: c } : null;
    });
  }
  getItemAt(index: number): SimChart {
    return new SimChart(this._ctx, () => {
      const s: SheetModel = this._require();
      if (!Number.isInteger(index) || index < 0 || index >= s.charts.length) throw officeError('InvalidArgument', 'ChartCollection.getItemAt');
      return { sheet: s, chart: s.charts[index] };
    });
  }
}
defineProps(SimChartCollection, { items: {}, count: { get: (s: SheetModel) => s.charts.length } });

export class SimChart extends SimObject {
  get _className() {
    return 'Chart';
  }
  private _title?: SimChartTitle;
  private _legend?: SimChartLegend;
  private _series?: SimChartSeriesCollection;
  private _ws?: SimWorksheet;
  protected override _checkAlive(t: ChartTarget): void {
    if (t.chart.deleted || t.sheet.deleted) throw officeError('ItemNotFound', 'Chart', 'The chart was deleted');
  }
  get title(): SimChartTitle {
    return (this._title ??= new SimChartTitle(this._ctx, () => this._require()));
  }
  get legend(): SimChartLegend {
    return (this._legend ??= new SimChartLegend(this._ctx, () => this._require()));
  }
  get series(): SimChartSeriesCollection {
    return (this._series ??= new SimChartSeriesCollection(this._ctx, () => this._require()));
  }
  get worksheet(): SimWorksheet {
    return (this._ws ??= new SimWorksheet(this._ctx, () => (this._require() as ChartTarget).sheet));
  }
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this._call('setPosition', [startCell, endCell ?? null], (t: ChartTarget) => {
      const a = rangeArg(this._ctx, startCell, 'Chart.setPosition');
      const b = endCell === undefined ? null : rangeArg(this._ctx, endCell, 'Chart.setPosition');
      const name = (x: { sheetName?: string; rect: Rect }) => formatAddress(x.sheetName ?? t.sheet.name, x.rect);
      t.chart.position = { ...t.chart.position, startCell: name(a), endCell: b ? name(b) : null };
    });
  }
  setData(sourceData: SimRange | string, seriesBy?: string): void {
    this._call('setData', [sourceData, seriesBy ?? 'Auto'], (t: ChartTarget) => {
      if (Object.keys(t.chart.seriesFormat).length) throw notSimulated('new source data for a chart whose series are formatted', 'Chart.setData');
      const a = rangeArg(this._ctx, sourceData, 'Chart.setData');
      t.chart.source = a.rect;
      t.chart.sourceSheet = a.sheetName ?? t.sheet.name;
      if (seriesBy) t.chart.seriesBy = seriesBy === 'Auto' ? (rowsOf(a.rect) >= colsOf(a.rect) ? 'Columns' : 'Rows') : seriesBy;
    });
  }
  delete(): void {
    this._call('delete', [], (t: ChartTarget) => this._ctx._host.model.deleteChart(t.sheet, t.chart));
  }
}
const chartNum = (k: 'top' | 'left' | 'width' | 'height'): PropDef => ({
  get: (t: ChartTarget) => t.chart.position[k],
  set: (t: ChartTarget, v) => {
    if (typeof v !== 'number' || !(v >= 0)) throw officeError('InvalidArgument', `Chart.${k}`);
    t.chart.position = { ...t.chart.position, [k]: v };
  },
});
defineProps(
  SimChart,
  {
    name: {
      get: (t: ChartTarget) => t.chart.name,
      set: (t: ChartTarget, v) => {
        if (typeof v !== 'string' || v === '') throw officeError('InvalidArgument', 'Chart.name');
        t.chart.name = v;
      },
    },
    id: { get: (t: ChartTarget) => `{chart-${t.chart.id}}` },
    chartType: {
      get: (t: ChartTarget) => t.chart.type,
      set: (t: ChartTarget, v) => {
        if (typeof v !== 'string' || !CHART_TYPES.has(v)) throw officeError('InvalidArgument', 'Chart.chartType');
        t.chart.type = v;
      },
    },
    top: chartNum('top'),
    left: chartNum('left'),
    width: chartNum('width'),
    height: chartNum('height'),
  },
  ['title', 'legend', 'series', 'worksheet'],
);

export class SimChartTitle extends SimObject {
  get _className() {
    return 'ChartTitle';
  }
}
defineProps(SimChartTitle, {
  text: {
    get: (t: ChartTarget) => t.chart.title.text,
    set: (t: ChartTarget, v) => {
      if (typeof v !== 'string') throw officeError('InvalidArgument', 'ChartTitle.text');
      t.chart.title = { text: v, visible: v !== '' ? true : t.chart.title.visible };
    },
  },
  visible: {
    get: (t: ChartTarget) => t.chart.title.visible,
    set: (t: ChartTarget, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'ChartTitle.visible');
      t.chart.title = { ...t.chart.title, visible: v };
    },
  },
});

export class SimChartLegend extends SimObject {
  get _className() {
    return 'ChartLegend';
  }
}
defineProps(SimChartLegend, {
  visible: {
    get: (t: ChartTarget) => t.chart.legend.visible,
    set: (t: ChartTarget, v) => {
      if (typeof v !== 'boolean') throw officeError('InvalidArgument', 'ChartLegend.visible');
      t.chart.legend = { ...t.chart.legend, visible: v };
    },
  },
  position: {
    get: (t: ChartTarget) => t.chart.legend.position,
    set: (t: ChartTarget, v) => {
      if (!['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'].includes(v as string)) throw officeError('InvalidArgument', 'ChartLegend.position');
      t.chart.legend = { ...t.chart.legend, position: v as string };
    },
  },
});

export interface SeriesTarget {
  sheet: SheetModel;
  chart: ChartModel;
  index: number;
  name: string;
}

/**
 * Series of a chart, derived from its source range: one per column (seriesBy Columns) or row;
 * when the first row/column holds text it gives the names (and the first column/row the categories).
 * A minimal model: enough to count and name series.
 */
export function chartSeries(t: ChartTarget, model: WorkbookModel): SeriesTarget[] {
  const src = t.chart.source;
  const sheet = model.findSheet(t.chart.sourceSheet);
  if (!sheet) return [];
  const byCols = t.chart.seriesBy !== 'Rows';
  const lines = byCols ? colsOf(src) : rowsOf(src);
  const header = (i: number) => {
    const r = byCols ? src.r0 : src.r0 + i;
    const c = byCols ? src.c0 + i : src.c0;
    return model.value(sheet, r, c).value;
  };
  const firstIsLabel = lines > 1 && typeof header(0) === 'string';
  const namesFromHeader = typeof header(lines > 1 ? 1 : 0) === 'string';
  const out: SeriesTarget[] = [];
  for (let i = firstIsLabel ? 1 : 0; i < lines; i++) {
    const h = header(i);
    out.push({ sheet: t.sheet, chart: t.chart, index: out.length, name: namesFromHeader ? String(h) : `Series${out.length + 1}` });
  }
  return out;
}

export class SimChartSeriesCollection extends SimCollection<SimChartSeries> {
  get _className() {
    return 'ChartSeriesCollection';
  }
  protected _itemTargets(t: ChartTarget): SeriesTarget[] {
    return chartSeries(t, this._ctx._host.model);
  }
  protected _makeItem(t: SeriesTarget) {
    return bound(SimChartSeries, this._ctx, t);
  }
  protected get _itemClass() {
    return SimChartSeries;
  }
  getItemAt(index: number): SimChartSeries {
    return new SimChartSeries(this._ctx, () => {
      const list = chartSeries(this._require(), this._ctx._host.model);
      if (!Number.isInteger(index) || index < 0 || index >= list.length) throw officeError('InvalidArgument', 'ChartSeriesCollection.getItemAt');
      return list[index];
    });
  }
}
defineProps(SimChartSeriesCollection, { items: {}, count: { get: (t: ChartTarget, self: any) => chartSeries(t, self._ctx._host.model).length } });

function seriesAlive(t: SeriesTarget): void {
  if (t.chart.deleted || t.sheet.deleted) throw officeError('ItemNotFound', 'ChartSeries', 'The chart was deleted');
}

export class SimChartSeries extends SimObject {
  get _className() {
    return 'ChartSeries';
  }
  private _format?: SimChartSeriesFormat;
  protected override _checkAlive(t: SeriesTarget): void {
    seriesAlive(t);
  }
  get format(): SimChartSeriesFormat {
    return (this._format ??= new SimChartSeriesFormat(this._ctx, () => this._require()));
  }
}
defineProps(SimChartSeries, { name: { get: (s: SeriesTarget) => s.name } }, ['format']);

export class SimChartSeriesFormat extends SimObject {
  get _className() {
    return 'ChartSeriesFormat';
  }
  protected override _checkAlive(t: SeriesTarget): void {
    seriesAlive(t);
  }
  private _fill?: SimChartFill;
  private _line?: SimChartLineFormat;
  get fill(): SimChartFill {
    return (this._fill ??= new SimChartFill(this._ctx, () => this._require()));
  }
  get line(): SimChartLineFormat {
    return (this._line ??= new SimChartLineFormat(this._ctx, () => this._require()));
  }
}
defineProps(SimChartSeriesFormat, {}, ['fill', 'line']);

/** A series' fill: write-only here (`getSolidColor`, ExcelApi 1.16, is not simulated). */
export class SimChartFill extends SimObject {
  get _className() {
    return 'ChartFill';
  }
  protected override _checkAlive(t: SeriesTarget): void {
    seriesAlive(t);
  }
  /** No fill: the series is drawn invisible. */
  clear(): void {
    this._call('clear', [], (t: SeriesTarget) => this._ctx._host.model.formatChartSeries(t.sheet, t.chart, t.index, { fill: 'none' }, 'ChartFill.clear'));
  }
  setSolidColor(color: string): void {
    this._call('setSolidColor', [color], (t: SeriesTarget) => {
      if (typeof color !== 'string' || color.trim().toLowerCase() === 'none') throw officeError('InvalidArgument', 'ChartFill.setSolidColor');
      this._ctx._host.model.formatChartSeries(t.sheet, t.chart, t.index, { fill: color }, 'ChartFill.setSolidColor');
    });
  }
}
defineProps(SimChartFill, {});

/** A series' outline. Only `lineStyle` is simulated, and read only once set: the chart style's own is not known. */
export class SimChartLineFormat extends SimObject {
  get _className() {
    return 'ChartLineFormat';
  }
  protected override _checkAlive(t: SeriesTarget): void {
    seriesAlive(t);
  }
}
defineProps(SimChartLineFormat, {
  lineStyle: {
    get: (t: SeriesTarget) => {
      const v = t.chart.seriesFormat[t.index]?.lineStyle;
      if (v === undefined) throw notSimulated('the line style a chart style gives a series', 'ChartLineFormat.lineStyle');
      return v;
    },
    set: (t: SeriesTarget, v, self) => self._ctx._host.model.formatChartSeries(t.sheet, t.chart, t.index, { lineStyle: v }, 'ChartLineFormat.lineStyle'),
  },
});

// ===================================================================== settings

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

/** Settings hold JSON; Date values come back as Date objects (as Office.js does). */
function encodeSetting(v: unknown): unknown {
  if (v instanceof Date) return { __date__: v.toISOString() };
  if (Array.isArray(v)) return v.map(encodeSetting);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeSetting(x)]));
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
    throw officeError('InvalidArgument', 'Setting.value', 'A setting value must be JSON data');
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw officeError('InvalidArgument', 'Setting.value');
  return v;
}
function decodeSetting(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeSetting);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.__date__ === 'string' && Object.keys(o).length === 1) return new Date(o.__date__);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeSetting(x)]));
  }
  return v;
}

export class SimSettingCollection extends SimCollection<SimSetting> {
  get _className() {
    return 'SettingCollection';
  }
  protected _itemTargets(m: WorkbookModel): SettingTarget[] {
    return [...m.settings.keys()].map((key) => ({ model: m, key }));
  }
  protected _makeItem(t: SettingTarget) {
    return bound(SimSetting, this._ctx, t);
  }
  protected get _itemClass() {
    return SimSetting;
  }
  add(key: string, value: unknown): SimSetting {
    const encoded = (() => {
      try {
        return encodeSetting(value);
      } catch (e) {
        return e;
      }
    })();
    return new SimSetting(this._ctx, () => {
      const m: WorkbookModel = this._require();
      if (typeof key !== 'string' || key === '' || key.length > 255) throw officeError('InvalidArgument', 'SettingCollection.add');
      if (encoded instanceof OfficeError) throw encoded;
      m.settings.set(key, JSON.parse(JSON.stringify(encoded)));
      return { model: m, key };
    }, null, { name: 'add', args: [key, encoded instanceof OfficeError ? null : encoded] });
  }
  getItem(key: string): SimSetting {
    return new SimSetting(this._ctx, () => {
      const m: WorkbookModel = this._require();
      if (!m.settings.has(key)) throw officeError('ItemNotFound', 'SettingCollection.getItem', `No setting ${JSON.stringify(key)}`);
      return { model: m, key };
    });
  }
  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this._ctx, () => {
      const m: WorkbookModel = this._require();
      return m.settings.has(key) ? { model: m, key } : null;
    });
  }
}
defineProps(SimSettingCollection, { items: {}, count: { get: (m: WorkbookModel) => m.settings.size } });

export class SimSetting extends SimObject {
  get _className() {
    return 'Setting';
  }
  protected override _checkAlive(t: SettingTarget): void {
    if (!t.model.settings.has(t.key)) throw officeError('ItemNotFound', 'Setting', 'The setting was deleted');
  }
  delete(): void {
    this._call('delete', [], (t: SettingTarget) => {
      t.model.settings.delete(t.key);
    });
  }
}
defineProps(SimSetting, {
  key: { get: (t: SettingTarget) => t.key },
  value: {
    get: (t: SettingTarget) => decodeSetting(JSON.parse(JSON.stringify(t.model.settings.get(t.key)))),
    set: (t: SettingTarget, v) => {
      t.model.settings.set(t.key, JSON.parse(JSON.stringify(encodeSetting(v))));
    },
  },
});
