/**
 * Reads a report written as plain data (the seeds in seeds/reports/*.json)
 * into the domain model. Figures are written as the document states them
 * ("−119,3 Mkr", "15,23 %", "+51 076"), so that the step each was stated to
 * is kept; a change is written with the document's word,
 * { "försämring": "17,3 Mkr" }. Every figure that fails to parse is a problem
 * with its place, never a silent zero.
 */
import { DomainProblem, EntityRef } from "../problem";
import { Parsed } from "../money";
import {
  Adjustment,
  AdjustmentKind,
  AdjustmentSign,
  COLLECTION,
  KeyFigure,
  LineKind,
  MonthlyReport,
  PreviousReportKind,
  Stated,
  TotalDimension,
} from "./report";
import { statedAmount, statedCount, statedPercent } from "./stated";

type Json = Record<string, unknown>;
type FigureKind = "belopp" | "andel" | "antal";

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** "+", "plus" → 1; "−", "-", "minus" → −1; "0", "ingår ej" → 0. */
export function parseAdjustmentSign(input: unknown): AdjustmentSign | undefined {
  if (input === 1 || input === -1 || input === 0) return input;
  if (typeof input !== "string") return undefined;
  const t = input.trim().toLocaleLowerCase("sv-SE");
  if (t === "+" || t === "plus" || t === "+1") return 1;
  if (["-", "\u2212", "\u2013", "minus", "-1", "\u22121"].includes(t)) return -1;
  if (["0", "ingår ej", "ingår inte", "utanför nettot"].includes(t)) return 0;
  return undefined;
}

const KIND_ALIASES: Record<string, AdjustmentKind> = {
  statsbidrag: "statsbidrag",
  stimulansmedel: "statsbidrag",
  "nationella satsningar": "statsbidrag",
  pandemi: "pandemi",
  corona: "pandemi",
  provtagning: "provtagning",
  provtagningar: "provtagning",
  tillganglighet: "tillganglighet",
  tillgänglighet: "tillganglighet",
  sjukloner: "sjukloner",
  sjuklöner: "sjukloner",
  ovrig: "ovrig",
  övrig: "ovrig",
};

/** The kind of an adjustment from its code or its Swedish name. */
export function parseAdjustmentKind(input: unknown): AdjustmentKind | undefined {
  return typeof input === "string" ? KIND_ALIASES[input.trim().toLocaleLowerCase("sv-SE")] : undefined;
}

/** "Kostnad" → kostnad, "Intäkt" → intakt. */
export function parseLineKind(input: unknown): LineKind | undefined {
  if (typeof input !== "string") return undefined;
  const t = input.trim().toLocaleLowerCase("sv-SE");
  if (t === "kostnad" || t === "kostnader") return "kostnad";
  if (t === "intäkt" || t === "intakt" || t === "intäkter") return "intakt";
  return undefined;
}

class Reader {
  readonly problems: DomainProblem[] = [];

  fail(code: string, message: string, ref: EntityRef): undefined {
    this.problems.push({ severity: "fel", code, message, ref });
    return undefined;
  }

  /** A figure: "−119,3 Mkr" or { "value": "−119,3 Mkr", "source": "…" }; a row's source applies when the figure has none. */
  figure(input: unknown, kind: FigureKind, ref: EntityRef, rowSource?: string, unit?: string): Stated | undefined {
    if (input === undefined || input === null) return undefined;
    let value: unknown = input;
    let source = rowSource;
    if (isObject(input)) {
      value = input.value;
      if (typeof input.source === "string") source = input.source;
    }
    const opts = source !== undefined ? { source } : {};
    const parsed: Parsed<Stated> =
      kind === "belopp" ? statedAmount(value, opts) : kind === "andel" ? statedPercent(value, opts) : statedCount(value, { ...opts, unit });
    if (!parsed.ok) return this.fail("report.seed.figure", `"${String(value)}" kan inte läsas: ${parsed.reason}.`, ref);
    return parsed.value;
  }

  /** { "försämring": "17,3 Mkr" } → −17,3 Mkr; { "förbättring": "1,8 Mkr" } → +1,8 Mkr. */
  change(input: unknown, ref: EntityRef): Stated | undefined {
    if (input === undefined || input === null) return undefined;
    if (!isObject(input)) {
      return this.fail("report.seed.change", `Förändringen ${JSON.stringify(input)} anges som { "försämring": "17,3 Mkr" } eller { "förbättring": "1,8 Mkr" }.`, ref);
    }
    const words = Object.keys(input).filter((k) => k === "försämring" || k === "förbättring");
    if (words.length !== 1) {
      return this.fail("report.seed.change", `Förändringen ska ha precis ett av orden försämring eller förbättring, hittade ${words.length}.`, ref);
    }
    const s = this.figure({ value: input[words[0]], source: input.source }, "belopp", ref);
    if (!s) return undefined;
    if (s.value.isNeg()) return this.fail("report.seed.change", `Beloppet för ${words[0]} anges utan tecken; ordet ger riktningen.`, ref);
    return words[0] === "försämring" ? { ...s, value: s.value.negated() } : s;
  }

  list(input: unknown, collection: string): Json[] {
    if (input === undefined || input === null) return [];
    if (!Array.isArray(input)) {
      this.fail("report.seed.shape", `${collection} ska vara en lista.`, { collection, index: 0 });
      return [];
    }
    return input.map((row, index) => {
      if (isObject(row)) return row;
      this.fail("report.seed.shape", `Rad ${index + 1} i ${collection} är ingen post.`, { collection, index });
      return {};
    });
  }
}

const text = (v: unknown): string => (typeof v === "string" ? v : "");
const optText = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const period = (v: unknown) => (isObject(v) ? { year: v.year as number, month: v.month as number } : (undefined as never));

/**
 * The report in `data`, or only problems when a figure cannot be read. The
 * returned report is not yet checked: run `reconcileReport` on it.
 */
export function reportFromSeed(data: unknown): { report?: MonthlyReport; problems: DomainProblem[] } {
  const r = new Reader();
  if (!isObject(data)) {
    r.fail("report.seed.shape", "Rapporten ska vara en post med organisation, period och belopp.", { collection: COLLECTION.rapport, index: 0 });
    return { problems: r.problems };
  }
  const rap = (field: string): EntityRef => ({ collection: COLLECTION.rapport, index: 0, field });
  const report: MonthlyReport = {
    organisation: text(data.organisation),
    period: period(data.period),
    source: optText(data.source),
    unitLabel: data.unitLabel as MonthlyReport["unitLabel"],
    avvikelse: r.figure(data.avvikelse, "belopp", rap("avvikelse")),
    prognos: r.figure(data.prognos, "belopp", rap("prognos")),
    prognosAvgransning: optText(data.prognosAvgransning),
    forandringAvvikelse: r.change(data.forandringAvvikelse, rap("forandringAvvikelse")),
    forandringPrognos: r.change(data.forandringPrognos, rap("forandringPrognos")),
    netto: r.figure(data.netto, "belopp", rap("netto")),
    rader: [],
    summor: [],
    justeringar: [],
    stafett: [],
    nyckeltal: [],
  };
  for (const k of Object.keys(report) as (keyof MonthlyReport)[]) if (report[k] === undefined) delete report[k];

  if (isObject(data.foregaende)) {
    const f = data.foregaende;
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.foregaende, index: 0, field });
    report.foregaende = {
      period: period(f.period),
      typ: f.typ as PreviousReportKind,
      avvikelse: r.figure(f.avvikelse, "belopp", ref("avvikelse")),
      prognos: r.figure(f.prognos, "belopp", ref("prognos")),
    };
  }

  report.rader = r.list(data.rader, COLLECTION.rader).map((l, index) => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.rader, index, field });
    const src = optText(l.source);
    const slag = parseLineKind(l.slag);
    if (!slag) r.fail("report.line.kindUnknown", `Rad ${index + 1} har slaget "${String(l.slag)}"; ange kostnad eller intäkt.`, ref("slag"));
    return {
      omrade: text(l.omrade),
      kostnadsslag: text(l.kostnadsslag),
      slag: slag as LineKind,
      budget: r.figure(l.budget, "belopp", ref("budget"), src) as Stated,
      utfall: r.figure(l.utfall, "belopp", ref("utfall"), src) as Stated,
      avvikelse: r.figure(l.avvikelse, "belopp", ref("avvikelse"), src),
      prognos: r.figure(l.prognos, "belopp", ref("prognos"), src),
    };
  });

  report.summor = r.list(data.summor, COLLECTION.summor).map((t, index) => ({
    dimension: t.dimension as TotalDimension,
    namn: text(t.namn),
    avvikelse: r.figure(t.avvikelse, "belopp", { collection: COLLECTION.summor, index, field: "avvikelse" }, optText(t.source)) as Stated,
  }));

  report.justeringar = r.list(data.justeringar, COLLECTION.justeringar).map((a, index): Adjustment => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.justeringar, index, field });
    const typ = parseAdjustmentKind(a.typ);
    if (!typ) r.fail("report.adjustment.kindUnknown", `Justeringen på rad ${index + 1} har typen "${String(a.typ)}".`, ref("typ"));
    const tecken = parseAdjustmentSign(a.tecken);
    if (tecken === undefined) {
      r.fail("report.adjustment.signUnknown", `Justeringen på rad ${index + 1} har tecknet "${String(a.tecken)}"; ange +, − eller 0.`, ref("tecken"));
    }
    return {
      typ: typ as AdjustmentKind,
      benamning: optText(a.benamning),
      belopp: r.figure(a.belopp, "belopp", ref("belopp"), optText(a.source)) as Stated,
      tecken: tecken as AdjustmentSign,
    };
  });

  report.stafett = r.list(data.stafett, COLLECTION.stafett).map((s, index) => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.stafett, index, field });
    const src = optText(s.source);
    return {
      yrke: text(s.yrke),
      andel: r.figure(s.andel, "andel", ref("andel"), src) as Stated,
      stafettkostnad: r.figure(s.stafettkostnad, "belopp", ref("stafettkostnad"), src),
      kostnadEgenPersonal: r.figure(s.kostnadEgenPersonal, "belopp", ref("kostnadEgenPersonal"), src),
    };
  });

  if (isObject(data.atgarder)) {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.atgarder, index: 0, field });
    report.atgarder = {
      utfall: r.figure(data.atgarder.utfall, "belopp", ref("utfall")) as Stated,
      forvantat: r.figure(data.atgarder.forvantat, "belopp", ref("forvantat")) as Stated,
    };
  }

  if (isObject(data.sjukfranvaro)) {
    const s = data.sjukfranvaro;
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.sjukfranvaro, index: 0, field });
    report.sjukfranvaro = {
      andel: r.figure(s.andel, "andel", ref("andel")) as Stated,
      forandring: r.figure(s.forandring, "andel", ref("forandring")),
      andelJamforelse: r.figure(s.andelJamforelse, "andel", ref("andelJamforelse")),
      jamforelseAr: typeof s.jamforelseAr === "number" ? s.jamforelseAr : undefined,
      sjuktimmarForandring: r.figure(s.sjuktimmarForandring, "antal", ref("sjuktimmarForandring"), undefined, "timmar"),
    };
  }

  report.nyckeltal = r.list(data.nyckeltal, COLLECTION.nyckeltal).map((k, index): KeyFigure => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.nyckeltal, index, field });
    const enhet = text(k.enhet);
    const kind: FigureKind = enhet === "kr" ? "belopp" : "antal";
    const src = optText(k.source);
    return {
      grupp: k.grupp as KeyFigure["grupp"],
      benamning: text(k.benamning),
      enhet,
      forandring: r.figure(k.forandring, kind, ref("forandring"), src, enhet) as Stated,
      varde: r.figure(k.varde, kind, ref("varde"), src, enhet),
      jamforelse: r.figure(k.jamforelse, kind, ref("jamforelse"), src, enhet),
      ungefar: k.ungefar === true ? true : undefined,
      jamfortMed: optText(k.jamfortMed),
    };
  });

  return r.problems.length ? { problems: r.problems } : { report, problems: [] };
}
