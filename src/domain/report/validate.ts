/**
 * Checks a monthly report's input before anything is recomputed: each problem
 * says what was found and what was expected, and points at the entity and
 * field it concerns.
 */
import { Decimal } from "../money";
import { DomainProblem, EntityRef, Severity } from "../problem";
import {
  ADJUSTMENT_KINDS,
  AdjustmentKind,
  COLLECTION,
  KeyFigureGroup,
  LineKind,
  MonthlyReport,
  PREVIOUS_KIND_LABEL,
  ReportPeriod,
  Stated,
  TotalDimension,
  adjustmentName,
  comparePeriods,
  monthName,
} from "./report";
import { formatExactAmount, formatShare } from "./stated";

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** A stated figure the engine can compute with: a finite decimal and a step of zero or more. */
export function isUsable(s: Stated | undefined): s is Stated {
  return (
    s !== undefined &&
    s !== null &&
    s.value instanceof Decimal &&
    s.value.isFinite() &&
    s.step instanceof Decimal &&
    s.step.isFinite() &&
    !s.step.isNeg()
  );
}

const key = (text: string) => text.trim().toLocaleUpperCase("sv-SE");
const blank = (text: unknown) => typeof text !== "string" || text.trim() === "";

class Collector {
  readonly problems: DomainProblem[] = [];
  add(severity: Severity, code: string, message: string, ref: EntityRef): void {
    this.problems.push({ severity, code, message, ref });
  }
  /** A figure that must be a usable decimal when present (or always, if required). */
  figure(s: Stated | undefined, ref: EntityRef, what: string, required = false): s is Stated {
    if (s === undefined || s === null) {
      if (required) this.add("fel", "report.figure.missing", `${what} saknas; ange beloppet som rapporten anger det.`, ref);
      return false;
    }
    if (!(s.value instanceof Decimal) || !s.value.isFinite()) {
      this.add("fel", "report.figure.invalid", `${what} är inget tal (${String(s.value)}); ange ett belopp, en andel eller ett antal.`, ref);
      return false;
    }
    if (!(s.step instanceof Decimal) || !s.step.isFinite() || s.step.isNeg()) {
      this.add(
        "fel",
        "report.figure.stepInvalid",
        `${what} har avrundningssteget ${String(s.step)}; steget är noll (exakt) eller en positiv enhet, t.ex. 0,1 Mkr.`,
        ref,
      );
      return false;
    }
    return true;
  }
}

function checkPeriod(c: Collector, p: ReportPeriod | undefined, collection: string, what: string): boolean {
  const ref = (field: string): EntityRef => ({ collection, index: 0, field });
  if (!p || p.year === undefined || p.year === null || (typeof p.year === "number" && Number.isNaN(p.year))) {
    c.add("fel", "report.period.yearMissing", `${what} saknar år; ange året, t.ex. 2020.`, ref("year"));
    return false;
  }
  let ok = true;
  if (typeof p.year !== "number" || !Number.isInteger(p.year) || p.year < MIN_YEAR || p.year > MAX_YEAR) {
    c.add("fel", "report.period.yearInvalid", `${what} har året ${String(p.year)}; ett år är ett heltal mellan ${MIN_YEAR} och ${MAX_YEAR}.`, ref("year"));
    ok = false;
  }
  if (p.month === undefined || p.month === null) {
    c.add("fel", "report.period.monthMissing", `${what} saknar månad; ange månaden 1–12.`, ref("month"));
    return false;
  }
  if (typeof p.month !== "number" || !Number.isInteger(p.month) || p.month < 1 || p.month > 12) {
    c.add("fel", "report.period.monthInvalid", `${what} har månaden ${String(p.month)}; en månad är ett heltal från 1 (januari) till 12 (december).`, ref("month"));
    ok = false;
  }
  return ok;
}

const LINE_KINDS: readonly LineKind[] = ["kostnad", "intakt"];
const DIMENSIONS: readonly TotalDimension[] = ["omrade", "kostnadsslag"];
const GROUPS: readonly KeyFigureGroup[] = ["personal", "produktion"];

/** All input problems of a report; reconciliation adds the figures that do not add up. */
export function validateReport(report: MonthlyReport): DomainProblem[] {
  const c = new Collector();
  const rap = (field: string): EntityRef => ({ collection: COLLECTION.rapport, index: 0, field });

  if (blank(report.organisation)) {
    c.add("fel", "report.organisation.missing", "Rapporten saknar organisation; ange t.ex. Hälso- och sjukvårdsförvaltningen.", rap("organisation"));
  }
  const periodOk = checkPeriod(c, report.period, COLLECTION.rapport, "Rapporten");
  if (report.unitLabel !== undefined && report.unitLabel !== "Mkr" && report.unitLabel !== "mkr") {
    c.add("fel", "report.unitLabel.unknown", `Enheten "${String(report.unitLabel)}" är okänd; rapporttexten skriver Mkr eller mkr.`, rap("unitLabel"));
  }

  c.figure(report.avvikelse, rap("avvikelse"), "Avvikelsen ack");
  if (report.avvikelse === undefined && report.rader.length === 0) {
    c.add("fel", "report.deviation.missing", "Rapporten anger ingen avvikelse ack och har inga rader att räkna den från; ange avvikelsen, t.ex. −119,3 Mkr.", rap("avvikelse"));
  }
  c.figure(report.prognos, rap("prognos"), "Prognosen");
  c.figure(report.netto, rap("netto"), "Avvikelsen netto");
  c.figure(report.forandringAvvikelse, rap("forandringAvvikelse"), "Förändringen av avvikelsen");
  c.figure(report.forandringPrognos, rap("forandringPrognos"), "Förändringen av prognosen");

  // The previous report: earlier, and in the same year, since figures to date restart in January.
  const prev = report.foregaende;
  if (prev) {
    const pref = (field: string): EntityRef => ({ collection: COLLECTION.foregaende, index: 0, field });
    const prevOk = checkPeriod(c, prev.period, COLLECTION.foregaende, "Föregående rapport");
    if (!(prev.typ in PREVIOUS_KIND_LABEL)) {
      c.add("fel", "report.previous.kindUnknown", `Rapporttypen "${String(prev.typ)}" är okänd; ange månadsrapport, tertialrapport eller delårsrapport.`, pref("typ"));
    }
    if (prevOk && periodOk) {
      if (comparePeriods(prev.period, report.period) >= 0) {
        c.add(
          "fel",
          "report.previous.notEarlier",
          `Föregående rapport gäller ${monthName(prev.period.month)} ${prev.period.year}, som inte ligger före rapportens period ${monthName(report.period.month)} ${report.period.year}; jämför med en tidigare rapport.`,
          pref("month"),
        );
      } else if (prev.period.year !== report.period.year) {
        c.add(
          "varning",
          "report.previous.otherYear",
          `Föregående rapport gäller ${prev.period.year}, rapporten ${report.period.year}; ackumulerade avvikelser börjar om i januari, så förändringen mot ett annat år säger lite.`,
          pref("year"),
        );
      }
    }
    c.figure(prev.avvikelse, pref("avvikelse"), "Föregående rapports avvikelse");
    c.figure(prev.prognos, pref("prognos"), "Föregående rapports prognos");
  } else {
    if (report.forandringAvvikelse !== undefined) {
      c.add("fel", "report.change.withoutPrevious", "Rapporten anger en förändring av avvikelsen men ingen föregående rapport att jämföra med; ange vilken rapport förändringen avser.", rap("forandringAvvikelse"));
    }
    if (report.forandringPrognos !== undefined) {
      c.add("fel", "report.change.withoutPrevious", "Rapporten anger en förändring av prognosen men ingen föregående rapport att jämföra med; ange vilken rapport förändringen avser.", rap("forandringPrognos"));
    }
  }
  if (report.forandringPrognos !== undefined && report.prognos === undefined) {
    c.add("fel", "report.forecastChange.withoutForecast", "Rapporten anger en förändring av prognosen men ingen prognos; ange prognosen för helåret.", rap("prognos"));
  }

  // Lines: one per area and cost type.
  const seenLines = new Map<string, number>();
  report.rader.forEach((l, i) => {
    const ref = (field?: string): EntityRef => ({ collection: COLLECTION.rader, index: i, field });
    if (blank(l.omrade)) c.add("fel", "report.line.areaMissing", `Rad ${i + 1} saknar område; ange området, t.ex. Primärvård.`, ref("omrade"));
    if (blank(l.kostnadsslag)) c.add("fel", "report.line.costTypeMissing", `Rad ${i + 1} saknar kostnadsslag; ange t.ex. Personal eller Läkemedel.`, ref("kostnadsslag"));
    if (!LINE_KINDS.includes(l.slag)) {
      c.add("fel", "report.line.kindUnknown", `Rad ${i + 1} har slaget "${String(l.slag)}"; ange Kostnad eller Intäkt, så att avvikelsen får rätt tecken.`, ref("slag"));
    }
    if (!blank(l.omrade) && !blank(l.kostnadsslag)) {
      const k = `${key(l.omrade)}\u0000${key(l.kostnadsslag)}`;
      const first = seenLines.get(k);
      if (first !== undefined) {
        c.add("fel", "report.line.duplicate", `${l.omrade}, ${l.kostnadsslag} finns redan på rad ${first + 1}; varje område har en rad per kostnadsslag.`, ref("kostnadsslag"));
      } else seenLines.set(k, i);
    }
    for (const field of ["budget", "utfall"] as const) {
      const what = `${field === "budget" ? "Budgeten" : "Utfallet"} på rad ${i + 1}`;
      if (c.figure(l[field], ref(field), what, true) && l[field].value.isNeg()) {
        c.add(
          "varning",
          "report.line.negativeAmount",
          `${what} är ${formatExactAmount(l[field].value)}; belopp på raderna anges positiva och slaget (kostnad eller intäkt) ger avvikelsens tecken.`,
          ref(field),
        );
      }
    }
    c.figure(l.avvikelse, ref("avvikelse"), `Avvikelsen på rad ${i + 1}`);
    c.figure(l.prognos, ref("prognos"), `Prognosen på rad ${i + 1}`);
  });

  // Stated totals per area or cost type.
  const seenTotals = new Map<string, number>();
  report.summor.forEach((t, i) => {
    const ref = (field?: string): EntityRef => ({ collection: COLLECTION.summor, index: i, field });
    if (!DIMENSIONS.includes(t.dimension)) {
      c.add("fel", "report.total.dimensionUnknown", `Summan på rad ${i + 1} gäller "${String(t.dimension)}"; ange område eller kostnadsslag.`, ref("dimension"));
      return;
    }
    const what = t.dimension === "omrade" ? "området" : "kostnadsslaget";
    if (blank(t.namn)) {
      c.add("fel", "report.total.nameMissing", `Summan på rad ${i + 1} saknar namn på ${what}.`, ref("namn"));
      return;
    }
    const k = `${t.dimension}\u0000${key(t.namn)}`;
    const first = seenTotals.get(k);
    if (first !== undefined) {
      c.add("fel", "report.total.duplicate", `En summa för ${what} ${t.namn} finns redan på rad ${first + 1}; ange varje summa en gång.`, ref("namn"));
    } else seenTotals.set(k, i);
    c.figure(t.avvikelse, ref("avvikelse"), `Summan för ${what} ${t.namn}`, true);
    const field = t.dimension;
    if (report.rader.length > 0 && !report.rader.some((l) => typeof l[field] === "string" && key(l[field]) === key(t.namn))) {
      c.add("varning", "report.total.noLines", `Det finns ingen rad för ${what} ${t.namn}, så summan kan inte stämmas av; rätta namnet eller lägg till raderna.`, ref("namn"));
    }
  });

  // Adjustments.
  const seenKinds = new Map<AdjustmentKind, number>();
  report.justeringar.forEach((a, i) => {
    const ref = (field?: string): EntityRef => ({ collection: COLLECTION.justeringar, index: i, field });
    if (!ADJUSTMENT_KINDS.includes(a.typ)) {
      c.add(
        "fel",
        "report.adjustment.kindUnknown",
        `Justeringen på rad ${i + 1} har typen "${String(a.typ)}"; ange statsbidrag, pandemi, provtagning, tillgänglighet, sjuklöner eller övrig.`,
        ref("typ"),
      );
    } else if (a.typ === "ovrig") {
      if (blank(a.benamning)) c.add("fel", "report.adjustment.labelMissing", `Den övriga justeringen på rad ${i + 1} saknar benämning; skriv vad den avser.`, ref("benamning"));
    } else {
      const first = seenKinds.get(a.typ);
      if (first !== undefined) {
        c.add("fel", "report.adjustment.duplicateKind", `Justeringen för ${adjustmentName(a)} finns redan på rad ${first + 1}; ange varje sådan justering en gång, eller som övrig med egen benämning.`, ref("typ"));
      } else seenKinds.set(a.typ, i);
    }
    if (a.tecken !== 1 && a.tecken !== -1 && a.tecken !== 0) {
      c.add(
        "fel",
        "report.adjustment.signUnknown",
        `Justeringen på rad ${i + 1} har tecknet "${String(a.tecken)}"; ange + (läggs till avvikelsen), − (dras av) eller 0 (ingår inte i nettot).`,
        ref("tecken"),
      );
    }
    if (c.figure(a.belopp, ref("belopp"), `Beloppet för justeringen på rad ${i + 1}`, true) && a.belopp.value.isNeg()) {
      c.add(
        "fel",
        "report.adjustment.negativeAmount",
        `Justeringen på rad ${i + 1} har beloppet ${formatExactAmount(a.belopp.value)}; ange beloppet som rapporten skriver det, positivt, och riktningen i kolumnen för tecken.`,
        ref("belopp"),
      );
    }
  });
  if (report.netto !== undefined && report.justeringar.length === 0) {
    c.add("varning", "report.net.withoutAdjustments", "Rapporten anger en avvikelse netto men inga justeringar; lägg till justeringarna, annars kan nettot inte stämmas av.", rap("netto"));
  }

  // Agency staff shares.
  const seenProfessions = new Map<string, number>();
  report.stafett.forEach((s, i) => {
    const ref = (field?: string): EntityRef => ({ collection: COLLECTION.stafett, index: i, field });
    if (blank(s.yrke)) {
      c.add("fel", "report.agency.professionMissing", `Stafettandelen på rad ${i + 1} saknar yrke; ange t.ex. läkare eller sjuksköterskor.`, ref("yrke"));
    } else {
      const first = seenProfessions.get(key(s.yrke));
      if (first !== undefined) c.add("fel", "report.agency.duplicate", `Yrket ${s.yrke} har redan en stafettandel på rad ${first + 1}.`, ref("yrke"));
      else seenProfessions.set(key(s.yrke), i);
    }
    if (c.figure(s.andel, ref("andel"), `Stafettandelen på rad ${i + 1}`, true)) {
      if (s.andel.value.isNeg()) {
        c.add("fel", "report.agency.shareNegative", `Stafettandelen ${formatShare(s.andel.value)} är negativ; en andel är 0 % eller mer.`, ref("andel"));
      } else if (s.andel.value.gt(1)) {
        c.add(
          "fel",
          "report.agency.shareAbove100",
          `Stafettandelen ${formatShare(s.andel.value)} är över 100 %; skrev du ${formatShare(s.andel.value.div(100))} utan procenttecken? Ange t.ex. 15,23 %.`,
          ref("andel"),
        );
      }
    }
    const hasAgency = c.figure(s.stafettkostnad, ref("stafettkostnad"), `Stafettkostnaden på rad ${i + 1}`);
    const hasOwn = c.figure(s.kostnadEgenPersonal, ref("kostnadEgenPersonal"), `Kostnaden för egen personal på rad ${i + 1}`);
    if (hasAgency && s.stafettkostnad!.value.isNeg()) {
      c.add("fel", "report.agency.agencyCostNegative", `Stafettkostnaden ${formatExactAmount(s.stafettkostnad!.value)} är negativ; ange kostnaden för inhyrd personal, noll eller mer.`, ref("stafettkostnad"));
    }
    if (hasOwn && !s.kostnadEgenPersonal!.value.gt(0)) {
      c.add(
        "fel",
        "report.agency.ownCostNotPositive",
        `Kostnaden för egen personal ${formatExactAmount(s.kostnadEgenPersonal!.value)} är inte större än noll; andelen räknas mot den, så den måste vara positiv.`,
        ref("kostnadEgenPersonal"),
      );
    }
    if ((s.stafettkostnad === undefined) !== (s.kostnadEgenPersonal === undefined)) {
      const missing = s.stafettkostnad === undefined ? "stafettkostnaden" : "kostnaden för egen personal";
      c.add("varning", "report.agency.amountsIncomplete", `Rad ${i + 1} saknar ${missing}; med bara det ena beloppet kan andelen inte räknas om.`, ref(s.stafettkostnad === undefined ? "stafettkostnad" : "kostnadEgenPersonal"));
    }
  });

  // Result-improving measures.
  if (report.atgarder) {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.atgarder, index: 0, field });
    if (c.figure(report.atgarder.forvantat, ref("forvantat"), "Förväntat utfall av åtgärderna", true)) {
      const f = report.atgarder.forvantat.value;
      if (f.isNeg()) {
        c.add("fel", "report.measures.expectedNegative", `Förväntat utfall av de resultatförbättrande åtgärderna är ${formatExactAmount(f)}; en förväntad förbättring anges positiv, t.ex. 114,9 Mkr.`, ref("forvantat"));
      } else if (f.isZero()) {
        c.add("varning", "report.measures.expectedZero", "Förväntat utfall av åtgärderna är 0 Mkr; då går det inte att räkna hur stor del av det förväntade som nåtts.", ref("forvantat"));
      }
    }
    if (c.figure(report.atgarder.utfall, ref("utfall"), "Utfallet av åtgärderna", true) && report.atgarder.utfall.value.isNeg()) {
      c.add("varning", "report.measures.outcomeNegative", `Utfallet av de resultatförbättrande åtgärderna är ${formatExactAmount(report.atgarder.utfall.value)}; åtgärderna har då försämrat resultatet. Stämmer tecknet?`, ref("utfall"));
    }
  }

  // Sick leave.
  const sl = report.sjukfranvaro;
  if (sl) {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.sjukfranvaro, index: 0, field });
    for (const field of ["andel", "andelJamforelse"] as const) {
      const what = field === "andel" ? "Sjukfrånvaron" : "Sjukfrånvaron året före";
      if (c.figure(sl[field], ref(field), what, field === "andel")) {
        const v = sl[field]!.value;
        if (v.isNeg() || v.gt(1)) {
          c.add("fel", "report.sickLeave.shareOutOfRange", `${what} är ${formatShare(v)}; en andel ligger mellan 0 % och 100 %, t.ex. 6,0 %.`, ref(field));
        }
      }
    }
    if (c.figure(sl.forandring, ref("forandring"), "Sjukfrånvarons förändring") && sl.forandring!.value.abs().gt(1)) {
      c.add("fel", "report.sickLeave.changeOutOfRange", `Sjukfrånvarons förändring är ${formatShare(sl.forandring!.value)}; ange den i procentenheter, t.ex. 1,2 procentenheter.`, ref("forandring"));
    }
    c.figure(sl.sjuktimmarForandring, ref("sjuktimmarForandring"), "Förändringen av sjuktimmar");
    if (sl.jamforelseAr !== undefined && periodOk && (!Number.isInteger(sl.jamforelseAr) || sl.jamforelseAr >= report.period.year)) {
      c.add("fel", "report.sickLeave.comparisonYearInvalid", `Sjukfrånvaron jämförs med ${String(sl.jamforelseAr)}; jämförelseåret ligger före rapportens år ${report.period.year}.`, ref("jamforelseAr"));
    }
  }

  // Key figures.
  const seenFigures = new Map<string, number>();
  report.nyckeltal.forEach((k, i) => {
    const ref = (field?: string): EntityRef => ({ collection: COLLECTION.nyckeltal, index: i, field });
    if (!GROUPS.includes(k.grupp)) {
      c.add("fel", "report.keyFigure.groupUnknown", `Nyckeltalet på rad ${i + 1} hör till gruppen "${String(k.grupp)}"; ange personal eller produktion.`, ref("grupp"));
    }
    if (blank(k.benamning)) {
      c.add("fel", "report.keyFigure.labelMissing", `Nyckeltalet på rad ${i + 1} saknar benämning; skriv t.ex. De indirekta vårdkontakterna.`, ref("benamning"));
    } else {
      const first = seenFigures.get(key(k.benamning));
      if (first !== undefined) c.add("fel", "report.keyFigure.duplicate", `Nyckeltalet ${k.benamning} finns redan på rad ${first + 1}.`, ref("benamning"));
      else seenFigures.set(key(k.benamning), i);
    }
    c.figure(k.forandring, ref("forandring"), `Förändringen för ${k.benamning || `nyckeltalet på rad ${i + 1}`}`, true);
    c.figure(k.varde, ref("varde"), `Värdet för ${k.benamning}`);
    c.figure(k.jamforelse, ref("jamforelse"), `Jämförelsevärdet för ${k.benamning}`);
  });

  return c.problems;
}
