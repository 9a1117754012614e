/**
 * The example months from seeds/reports/*.json as the rows a controller
 * would type: amounts in kronor, each with the rounding the document states
 * it to. They then take the sheet's own path (seedTable → readTable → build).
 */
import { Decimal } from "../../../domain/money";
import { MonthlyReport, Stated, reportFromSeed } from "../../../domain/report";
import september from "../../../../seeds/reports/2020-09.json";
import october from "../../../../seeds/reports/2020-10.json";
import { SeedRow, seedTable } from "../../build";
import { ColumnSpec, choiceLabel, column } from "../../schema";
import { RawTable } from "../../table";
import { CHOICE_OF_SIGN, FIGURE_CHOICES, FigureKey, JUSTERINGAR, NYCKELTAL, RADER, RAPPORTER, SJUKFRANVARO, STAFETT, SUMMOR, UPPGIFTER } from "./schema";

export const SEED_REPORTS: readonly unknown[] = [september, october];

const label = (spec: ColumnSpec, value: string) => choiceLabel(spec, value);
const num = (s: Stated | undefined): number | null => (s ? s.value.toNumber() : null);

/** The one rounding of a row's figures; a row whose figures are stated to different steps cannot be one row. */
function stepOf(where: string, ...figures: (Stated | undefined)[]): number | null {
  const steps = figures.filter((s): s is Stated => s !== undefined).map((s) => s.step.toString());
  const distinct = [...new Set(steps)];
  if (distinct.length > 1) throw new Error(`seed ${where}: figures stated to different steps (${distinct.join(", ")})`);
  return distinct.length && !new Decimal(distinct[0]).isZero() ? Number(distinct[0]) : null;
}

function source(...figures: (Stated | undefined)[]): string | null {
  return figures.find((s) => s?.source)?.source ?? null;
}

/** Rows of every table for one month's report. */
function rowsOf(report: MonthlyReport): Record<string, SeedRow[]> {
  const period = report.period.year * 100 + report.period.month;
  const prev = report.foregaende;
  const figures: Partial<Record<FigureKey, Stated | undefined>> = {
    avvikelseAck: report.avvikelse,
    forandringAvvikelse: report.forandringAvvikelse,
    prognosHelar: report.prognos,
    forandringPrognos: report.forandringPrognos,
    avvikelseNetto: report.netto,
    foregaendeAvvikelse: prev?.avvikelse,
    foregaendePrognos: prev?.prognos,
    atgarderUtfall: report.atgarder?.utfall,
    atgarderForvantat: report.atgarder?.forvantat,
  };
  const sl = report.sjukfranvaro;
  return {
    [RAPPORTER.name]: [
      {
        period,
        organisation: report.organisation,
        foregaendePeriod: prev ? prev.period.year * 100 + prev.period.month : null,
        foregaendeTyp: prev ? label(column(RAPPORTER, "foregaendeTyp"), prev.typ) : null,
        prognosAvgransning: report.prognosAvgransning ?? null,
        source: report.source ?? null,
      },
    ],
    [UPPGIFTER.name]: FIGURE_CHOICES.flatMap((c) => {
      const s = figures[c.value];
      return s ? [{ period, uppgift: c.label, angivet: num(s), avrundning: stepOf(c.label, s), source: s.source ?? null }] : [];
    }),
    [RADER.name]: report.rader.map((l) => ({
      period,
      omrade: l.omrade,
      kostnadsslag: l.kostnadsslag,
      slag: label(column(RADER, "slag"), l.slag),
      budget: num(l.budget),
      utfall: num(l.utfall),
      avvikelse: num(l.avvikelse),
      prognos: num(l.prognos),
      avrundning: stepOf(`${l.omrade}, ${l.kostnadsslag}`, l.budget, l.utfall, l.avvikelse, l.prognos),
      source: source(l.budget, l.utfall, l.avvikelse, l.prognos),
    })),
    [SUMMOR.name]: report.summor.map((t) => ({
      period,
      dimension: label(column(SUMMOR, "dimension"), t.dimension),
      namn: t.namn,
      avvikelse: num(t.avvikelse),
      avrundning: stepOf(t.namn, t.avvikelse),
      source: source(t.avvikelse),
    })),
    [JUSTERINGAR.name]: report.justeringar.map((a) => ({
      period,
      typ: label(column(JUSTERINGAR, "typ"), a.typ),
      benamning: a.benamning ?? null,
      belopp: num(a.belopp),
      tecken: label(column(JUSTERINGAR, "tecken"), CHOICE_OF_SIGN[String(a.tecken)]),
      avrundning: stepOf(a.typ, a.belopp),
      source: source(a.belopp),
    })),
    [STAFETT.name]: report.stafett.map((s) => ({
      period,
      yrke: s.yrke,
      andel: num(s.andel),
      stafettkostnad: num(s.stafettkostnad),
      kostnadEgenPersonal: num(s.kostnadEgenPersonal),
      avrundning: stepOf(s.yrke, s.andel),
      source: source(s.andel, s.stafettkostnad, s.kostnadEgenPersonal),
    })),
    [SJUKFRANVARO.name]: sl
      ? [
          {
            period,
            andel: num(sl.andel),
            forandring: num(sl.forandring),
            andelJamforelse: num(sl.andelJamforelse),
            jamforelseAr: sl.jamforelseAr ?? null,
            avrundning: stepOf("sjukfrånvaro", sl.andel, sl.forandring, sl.andelJamforelse),
            sjuktimmarForandring: num(sl.sjuktimmarForandring),
            source: source(sl.andel, sl.forandring, sl.andelJamforelse),
          },
        ]
      : [],
    [NYCKELTAL.name]: report.nyckeltal.map((k) => ({
      period,
      grupp: label(column(NYCKELTAL, "grupp"), k.grupp),
      benamning: k.benamning,
      enhet: k.enhet || null,
      forandring: num(k.forandring),
      varde: num(k.varde),
      jamforelse: num(k.jamforelse),
      avrundning: stepOf(k.benamning, k.forandring, k.varde, k.jamforelse),
      ungefar: k.ungefar ? label(column(NYCKELTAL, "ungefar"), "ja") : null,
      jamfortMed: k.jamfortMed ?? null,
      source: source(k.forandring, k.varde, k.jamforelse),
    })),
  };
}

/** Every seeded month, read by the domain's seed reader, as the raw tables of the input sheet. */
export function exampleTables(seeds: readonly unknown[] = SEED_REPORTS): RawTable[] {
  const rows = new Map<string, SeedRow[]>();
  for (const seed of seeds) {
    const { report, problems } = reportFromSeed(seed);
    if (!report) throw new Error(`seed report cannot be read: ${problems.map((p) => p.message).join("; ")}`);
    for (const [table, r] of Object.entries(rowsOf(report))) rows.set(table, [...(rows.get(table) ?? []), ...r]);
  }
  return [RAPPORTER, UPPGIFTER, RADER, SUMMOR, JUSTERINGAR, STAFETT, SJUKFRANVARO, NYCKELTAL].map((spec) => seedTable(spec, rows.get(spec.name) ?? []));
}
