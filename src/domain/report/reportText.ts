/**
 * A draft of the report's text in Swedish, in the style of the board papers.
 * It uses the recomputed figures and says so where the stated ones differ,
 * so the text never repeats a figure that does not add up without a word.
 * Deterministic: the same report gives the same text.
 */
import { Decimal } from "../money";
import { Check, GroupDeviation, ReportResult, describeTerms, formatCheckValue, reconcileReport } from "./reconcile";
import {
  ADJUSTMENT_SHORT_NAME,
  Adjustment,
  KeyFigure,
  MonthlyReport,
  UnitLabel,
  adjustmentName,
  monthName,
  previousReportLabel,
} from "./report";
import { formatCount, formatPoints, formatReportMkr, formatShare } from "./stated";
import { isUsable } from "./validate";

export type ParagraphKey =
  | "avvikelse"
  | "kostnadsslag"
  | "stafett"
  | "atgarder"
  | "justeringar"
  | "prognos"
  | "personal"
  | "sjukfranvaro"
  | "produktion";

export interface ReportParagraph {
  key: ParagraphKey;
  text: string;
}

export interface ReportText {
  /** "Månadsrapport september 2020" */
  rubrik: string;
  paragraphs: ReportParagraph[];
}

/** How many cost types the sentence on the largest deviations names. */
export const LARGEST_DEVIATIONS = 4;

/** "a, b och c" */
export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function lowerFirst(text: string): string {
  // Keep acronyms such as "HSN" or "Ssk"-style abbreviations with a capital second letter.
  if (text.length > 1 && text[1] === text[1].toLocaleUpperCase("sv-SE") && text[1] !== text[1].toLocaleLowerCase("sv-SE")) return text;
  return text.charAt(0).toLocaleLowerCase("sv-SE") + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

/** The sentence that flags a stated figure the parts do not give. */
function note(check: Check): string {
  const fmt = (v: Decimal) => formatCheckValue(check, v);
  return `Avstämning: ${lowerFirst(check.label)} anges till ${fmt(check.stated)}, men ${describeTerms(check)} ger ${fmt(check.recomputed)}.`;
}

function notesFor(result: ReportResult, topics: readonly Check["topic"][], only: (c: Check) => boolean = () => true): string[] {
  return result.checks.filter((c) => !c.withinRounding && topics.includes(c.topic) && only(c)).map(note);
}

/** Decimals of a share in per cent: as many as it was stated with, at least one. */
function percentDecimals(step: Decimal | undefined, fallback: number): number {
  if (!step || step.isZero()) return fallback;
  return Math.max(1, step.times(100).decimalPlaces());
}

function adjustmentPhrase(a: Adjustment, amount: string): string {
  switch (a.typ) {
    case "statsbidrag":
      return `upparbetade kostnader på ${amount} som ska bekostas av statliga stimulansmedel`;
    case "pandemi":
      return `kostnader på ${amount} som är kopplade till pandemin`;
    case "provtagning":
      return `intäkter för provtagningar på ${amount}`;
    case "tillganglighet":
      return `tillgänglighetsersättningar på ${amount}`;
    case "sjukloner":
      return `ersättning för sjuklöner på ${amount}`;
    case "ovrig":
      return `${lowerFirst(adjustmentName(a))} på ${amount}`;
  }
}

function keyFigureSentence(k: KeyFigure, unitLabel: UnitLabel): string {
  const v = k.forandring.value;
  const versus = k.jamfortMed ?? "föregående år";
  if (v.isZero()) return `${upperFirst(k.benamning)} är oförändrad mot ${versus}.`;
  const size = k.enhet === "kr" ? formatReportMkr(v.abs(), { unitLabel }) : formatCount(v.abs(), k.enhet);
  return `${upperFirst(k.benamning)} har ${v.isNeg() ? "minskat" : "ökat"} med ${k.ungefar ? "ca " : ""}${size} mot ${versus}.`;
}

function largestDeviations(groups: readonly GroupDeviation[], mkr: (v: Decimal, signed?: boolean) => string): string[] {
  const byName = (a: GroupDeviation, b: GroupDeviation) => a.namn.localeCompare(b.namn, "sv-SE");
  const negative = groups.filter((g) => g.avvikelse.isNeg()).sort((a, b) => a.avvikelse.comparedTo(b.avvikelse) || byName(a, b));
  const positive = groups.filter((g) => g.avvikelse.gt(0)).sort((a, b) => b.avvikelse.comparedTo(a.avvikelse) || byName(a, b));
  const name = (g: GroupDeviation) => `${lowerFirst(g.namn)} (${mkr(g.avvikelse, true)})`;
  const out: string[] = [];
  if (negative.length) out.push(`Största avvikelserna mot budget avser ${listSv(negative.slice(0, LARGEST_DEVIATIONS).map(name))}.`);
  if (positive.length) out.push(`Positiv avvikelse mot budget visar ${listSv(positive.slice(0, LARGEST_DEVIATIONS).map(name))}.`);
  return out;
}

/**
 * The draft text; pass the reconciliation if it is already made. Meant for a
 * report without input errors (see `hasErrors`): a figure with an error is
 * left out of the text rather than guessed.
 */
export function draftReportText(report: MonthlyReport, result: ReportResult = reconcileReport(report)): ReportText {
  const unitLabel = report.unitLabel ?? "Mkr";
  const mkr = (v: Decimal, signed = false) => formatReportMkr(v, { signed, unitLabel });
  const month = monthName(report.period.month);
  const period = `${month} ${report.period.year}`;
  const f = result.figures;
  const paragraphs: ReportParagraph[] = [];
  const push = (key: ParagraphKey, sentences: string[]) => {
    if (sentences.length) paragraphs.push({ key, text: sentences.join(" ") });
  };
  // The papers: "en försämring mot augustis tertialrapport", "en förbättring av årsprognosen sedan augustis tertialrapport".
  const changePhrase = (change: Decimal, what: string, prevLabel: string) =>
    change.isZero() ? `vilket är oförändrat mot ${prevLabel}` : `vilket är en ${change.isNeg() ? "försämring" : "förbättring"} ${what}${prevLabel} med ${mkr(change.abs())}`;
  const prevLabel = report.foregaende ? previousReportLabel(report.foregaende) : undefined;

  // The deviation to date and its change.
  if (f.avvikelse) {
    let s = `Avvikelsen för ${report.organisation} uppgick för perioden ack ${period} till ${mkr(f.avvikelse.value)}`;
    if (f.forandringAvvikelse && prevLabel) s += `, ${changePhrase(f.forandringAvvikelse.value, "mot ", prevLabel)}`;
    push("avvikelse", [`${s}.`, ...notesFor(result, ["avvikelse"])]);
  }

  // The largest deviations by cost type, from the lines.
  if (f.perKostnadsslag.length) push("kostnadsslag", [...largestDeviations(f.perKostnadsslag, mkr), ...notesFor(result, ["rader"])]);

  // Agency staff.
  if (f.stafett.length) {
    const parts = f.stafett.map((s) => `${formatShare(s.andel.value, { decimals: 2 })} för ${s.yrke}`);
    push("stafett", [`Andelen stafettkostnader i förhållande till kostnad egen personal är efter ${month} ${listSv(parts)}.`, ...notesFor(result, ["stafett"])]);
  }

  // Result-improving measures.
  if (f.atgarder) {
    const a = f.atgarder;
    let s = `Utfallet av de resultatförbättrande åtgärderna är t.o.m. ${month} ${mkr(a.utfall)} mot förväntade ${mkr(a.forvantat)}`;
    if (!a.avvikelse.isZero()) {
      s += `, vilket är ${mkr(a.avvikelse.abs())} ${a.avvikelse.isNeg() ? "lägre" : "högre"} än förväntat`;
      if (a.uppfyllnad) s += ` (${formatShare(a.uppfyllnad, { decimals: 1 })} av det förväntade)`;
    }
    push("atgarder", [`${s}.`]);
  }

  // Adjustments and the net.
  const adj = report.justeringar.filter((a) => isUsable(a.belopp));
  if (adj.length) {
    const sentences = [`I utfallet finns ${listSv(adj.map((a) => adjustmentPhrase(a, mkr(a.belopp.value))))}.`];
    if (f.netto) {
      const name = (a: Adjustment) => lowerFirst(adjustmentName(a));
      const plus = adj.filter((a) => a.tecken === 1).map(name);
      const minus = adj.filter((a) => a.tecken === -1).map(name);
      const what = [plus.length ? `justeringar för ${listSv(plus)}` : "", minus.length ? `avdrag för ${listSv(minus)}` : ""].filter(Boolean);
      const inclusive = what.length ? `Netto inklusive ${what.join(" samt ")}` : "Netto";
      sentences.push(`${inclusive} är avvikelsen mot budget ${mkr(f.netto.value, true)}.`);
      const left = adj.filter((a) => a.tecken === 0);
      if (left.length) {
        const names = left.map((a) => (a.typ === "ovrig" ? adjustmentName(a) : ADJUSTMENT_SHORT_NAME[a.typ]));
        sentences.push(`${upperFirst(listSv(names))} ingår inte i nettot.`);
      }
    }
    push("justeringar", [...sentences, ...notesFor(result, ["netto"])]);
  }

  // The forecast.
  if (f.prognos) {
    const scope = report.prognosAvgransning?.trim() ? ` ${report.prognosAvgransning.trim()}` : "";
    let s = `Prognosen${scope} är lagd till ${mkr(f.prognos.value)}`;
    if (f.forandringPrognos && prevLabel) s += `, ${changePhrase(f.forandringPrognos.value, "av årsprognosen sedan ", prevLabel)}`;
    push("prognos", [`${s}.`, ...notesFor(result, ["prognos"])]);
  }

  // Staff figures, sick leave, production.
  const figuresOf = (grupp: KeyFigure["grupp"]) => report.nyckeltal.filter((k) => k.grupp === grupp && isUsable(k.forandring));
  const inGroup = (grupp: KeyFigure["grupp"]) => (c: Check) => report.nyckeltal[c.ref.index]?.grupp === grupp;
  push("personal", [...figuresOf("personal").map((k) => keyFigureSentence(k, unitLabel)), ...notesFor(result, ["nyckeltal"], inGroup("personal"))]);

  const sl = f.sjukfranvaro;
  if (sl) {
    let s = `Sjukfrånvaron är ack ${period} ${formatShare(sl.andel, { decimals: percentDecimals(report.sjukfranvaro?.andel.step, 1) })} totalt`;
    if (sl.forandring) {
      const v = sl.forandring.value;
      s += v.isZero()
        ? `, vilket är oförändrat jämfört med motsvarande period ${sl.jamforelseAr}`
        : `, vilket är ${formatPoints(v.abs(), { decimals: percentDecimals(report.sjukfranvaro?.forandring?.step, 1) })} ${v.isNeg() ? "lägre" : "högre"} jämfört med motsvarande period ${sl.jamforelseAr}`;
    }
    const sentences = [`${s}.`];
    const hours = report.sjukfranvaro?.sjuktimmarForandring;
    if (isUsable(hours) && !hours.value.isZero()) {
      sentences.push(`Totalt har antalet sjuktimmar ${hours.value.isNeg() ? "minskat" : "ökat"} med ${formatCount(hours.value.abs(), "timmar")} mot föregående år.`);
    }
    push("sjukfranvaro", [...sentences, ...notesFor(result, ["sjukfranvaro"])]);
  }

  push("produktion", [...figuresOf("produktion").map((k) => keyFigureSentence(k, unitLabel)), ...notesFor(result, ["nyckeltal"], inGroup("produktion"))]);

  return { rubrik: `Månadsrapport ${period}`, paragraphs };
}

/** The text as the paper prints it: heading, then paragraphs separated by a blank line. */
export function reportTextToString(text: ReportText): string {
  return [text.rubrik, ...text.paragraphs.map((p) => p.text)].join("\n\n");
}
