/**
 * The figures of "Månadsrapport september 2020" and "Månadsrapport oktober
 * 2020" (HSN, dagordning hösten 2020), built in code as the document states
 * them, independently of the seed files.
 */
import { Decimal } from "../../../src/domain/money";
import {
  Adjustment,
  AdjustmentKind,
  AdjustmentSign,
  MonthlyReport,
  ReportLine,
  Stated,
  statedAmount,
  statedCount,
  statedPercent,
} from "../../../src/domain/report";

function unwrap<T>(p: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!p.ok) throw new Error(p.reason);
  return p.value;
}

export const amount = (text: string): Stated => unwrap(statedAmount(text));
export const share = (text: string): Stated => unwrap(statedPercent(text));
export const count = (text: string): Stated => unwrap(statedCount(text));
export const kr = (text: string): Decimal => amount(text).value;

export function adjustment(typ: AdjustmentKind, belopp: string, tecken: AdjustmentSign, benamning?: string): Adjustment {
  return { typ, belopp: amount(belopp), tecken, ...(benamning ? { benamning } : {}) };
}

export function line(omrade: string, kostnadsslag: string, budget: string, utfall: string, slag: ReportLine["slag"] = "kostnad"): ReportLine {
  return { omrade, kostnadsslag, slag, budget: amount(budget), utfall: amount(utfall) };
}

const ORG = "Hälso- och sjukvårdsförvaltningen";

export function september(): MonthlyReport {
  return {
    organisation: ORG,
    period: { year: 2020, month: 9 },
    source: "HSN, dagordning hösten 2020, Månadsrapport september 2020",
    unitLabel: "Mkr",
    avvikelse: amount("−119,3 Mkr"),
    foregaende: { period: { year: 2020, month: 8 }, typ: "tertialrapport" },
    forandringAvvikelse: amount("−17,3 Mkr"),
    prognos: amount("−165,9 Mkr"),
    prognosAvgransning: "exkluderande nationella satsningar, corona och andra ersättningar som bokas mot Regionstyrelsen",
    forandringPrognos: amount("+1,8 Mkr"),
    rader: [],
    summor: [],
    justeringar: [
      adjustment("statsbidrag", "50,8 Mkr", 1),
      adjustment("pandemi", "60,4 Mkr", 0),
      adjustment("provtagning", "32,8 Mkr", 1),
      adjustment("tillganglighet", "25,2 Mkr", 1),
      adjustment("sjukloner", "14,1 Mkr", 1),
    ],
    netto: amount("+3,6 Mkr"),
    stafett: [
      { yrke: "läkare", andel: share("15,23 %") },
      { yrke: "sjuksköterskor", andel: share("2,88 %") },
    ],
    atgarder: { utfall: amount("86,7 Mkr"), forvantat: amount("114,9 Mkr") },
    sjukfranvaro: { andel: share("6,0 %"), forandring: share("1,2 %"), jamforelseAr: 2019, sjuktimmarForandring: count("+51 076") },
    nyckeltal: [
      { grupp: "produktion", benamning: "De indirekta vårdkontakterna", enhet: "st", forandring: count("+42 400"), ungefar: true },
      { grupp: "produktion", benamning: "Kostnaden för webbdoktorer", enhet: "kr", forandring: amount("+1,9 Mkr") },
    ],
  };
}

export function oktober(): MonthlyReport {
  return {
    ...september(),
    period: { year: 2020, month: 10 },
    source: "HSN, dagordning hösten 2020, Månadsrapport oktober 2020",
    avvikelse: amount("−131,6 Mkr"),
    foregaende: { period: { year: 2020, month: 9 }, typ: "manadsrapport", avvikelse: amount("−119,3 Mkr"), prognos: amount("−165,9 Mkr") },
    forandringAvvikelse: amount("−12,3 Mkr"),
    prognos: amount("−182,9 Mkr"),
    forandringPrognos: amount("−17 Mkr"),
    justeringar: [
      adjustment("statsbidrag", "54,9 Mkr", 1),
      adjustment("pandemi", "67,5 Mkr", 0),
      adjustment("provtagning", "47,5 Mkr", 1),
      adjustment("tillganglighet", "29,2 Mkr", 1),
      adjustment("sjukloner", "15,2 Mkr", 1),
    ],
    netto: amount("+10,4 Mkr"),
    stafett: [
      { yrke: "läkare", andel: share("15,07 %") },
      { yrke: "sjuksköterskor", andel: share("2,89 %") },
    ],
    atgarder: { utfall: amount("96,6 Mkr"), forvantat: amount("141,3 Mkr") },
    sjukfranvaro: { andel: share("6,0 %"), forandring: share("1,2 %"), jamforelseAr: 2019, sjuktimmarForandring: count("+54 949") },
    nyckeltal: [
      { grupp: "personal", benamning: "Den utförda tiden", enhet: "ÅA", forandring: count("−66"), jamfortMed: "motsvarande period föregående år" },
      { grupp: "personal", benamning: "Antalet månadsavlönade", enhet: "", forandring: count("−105"), jamfortMed: "motsvarande period föregående år" },
      { grupp: "produktion", benamning: "De indirekta vårdkontakterna", enhet: "st", forandring: count("+54 300"), ungefar: true },
      { grupp: "produktion", benamning: "Kostnaden för webbdoktorer", enhet: "kr", forandring: amount("+2,1 Mkr") },
    ],
  };
}

/** Replaces NBSP and U+2212 so that a document's "-119,3 Mkr" and our "−119,3 Mkr" compare. */
export function plain(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, " ").replace(/\u2212/g, "-");
}

/** The numbers in a sentence, signed, in order: "-119,3 Mkr … 17,3 Mkr" → ["-119.3", "17.3"]. Years are numbers too. */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  const re = /([-+]?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?/g;
  for (const m of plain(text).matchAll(re)) {
    out.push(new Decimal(`${m[1] === "-" ? "-" : ""}${m[2].replace(/ /g, "")}${m[3] ? "." + m[3] : ""}`).toString());
  }
  return out;
}
