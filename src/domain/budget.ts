/**
 * Budget frames (budgetramar) per organ and year, as regionfullmäktige
 * decides them, and the ledger of omdisponeringar that move part of a frame
 * from one organ to another from a date, once or for good.
 */
import { Decimal, ZERO, formatKr } from "./money";
import { DomainProblem } from "./problem";
import { IsoDate, yearOf } from "./period";

export type Varaktighet = "permanent" | "engang";
export type OmdisponeringStatus = "forslag" | "beslutad";

export interface Budgetram {
  organ: string;
  year: number;
  /** The frame decided by regionfullmäktige, in kronor. */
  ram: Decimal;
  /** Where the figure comes from (decision, document). */
  source?: string;
}

export interface Omdisponering {
  diarienummer: string;
  from: string;
  to: string;
  /** Kronor a year. */
  amount: Decimal;
  validFrom: IsoDate;
  varaktighet: Varaktighet;
  status: OmdisponeringStatus;
  beslutandeOrgan?: string;
  beslutsdatum?: IsoDate;
  motivering?: string;
  source?: string;
}

export interface BudgetModel {
  frames: Budgetram[];
  omdisponeringar: Omdisponering[];
}

export interface AdjustedFrame {
  organ: string;
  year: number;
  ram: Decimal;
  /** Net of decided omdisponeringar: into the organ minus out of it. */
  beslutade: Decimal;
  justeradRam: Decimal;
  /** Net of pending proposals. */
  forslag: Decimal;
  ramOmForslagenBifalls: Decimal;
}

export interface OmdisponeringEffect {
  firstYear: number;
  /** The last year it applies; for good means the last year of the plan. */
  lastYear: number;
}

export interface BudgetResult {
  frames: AdjustedFrame[];
  effects: OmdisponeringEffect[];
  planYears: { first: number; last: number } | undefined;
  problems: DomainProblem[];
}

/** The year an omdisponering for good stops applying in formulas: beyond any plan. */
export const FOR_GOOD_LAST_YEAR = 9999;

export function effectOf(o: Pick<Omdisponering, "validFrom" | "varaktighet">): OmdisponeringEffect {
  const firstYear = yearOf(o.validFrom);
  return { firstYear, lastYear: o.varaktighet === "engang" ? firstYear : FOR_GOOD_LAST_YEAR };
}

export function appliesInYear(effect: OmdisponeringEffect, year: number): boolean {
  return effect.firstYear <= year && year <= effect.lastYear;
}

function frameKey(organ: string, year: number): string {
  return `${organ.toLocaleUpperCase("sv-SE")}\u0000${year}`;
}

/**
 * Computes each organ's adjusted frame per year (decided changes only) and,
 * separately, the frame if the pending proposals pass; and checks the model.
 */
export function computeBudget(model: BudgetModel): BudgetResult {
  const problems: DomainProblem[] = [];
  const frameIndex = new Map<string, number>();
  const organs = new Set<string>();

  model.frames.forEach((f, i) => {
    const key = frameKey(f.organ, f.year);
    const first = frameIndex.get(key);
    if (first !== undefined) {
      problems.push({
        severity: "fel",
        code: "budget.frame.duplicate",
        message: `${f.organ} har redan en ram för ${f.year} (rad ${first + 1}); varje organ har en ram per år.`,
        ref: { collection: "frames", index: i, field: "organ" },
      });
    } else {
      frameIndex.set(key, i);
    }
    if (f.ram.isNeg()) {
      problems.push({
        severity: "fel",
        code: "budget.frame.negative",
        message: `Ramen ${formatKr(f.ram)} är negativ; en budgetram är noll eller mer.`,
        ref: { collection: "frames", index: i, field: "ram" },
      });
    }
    organs.add(f.organ.toLocaleUpperCase("sv-SE"));
  });

  const years = model.frames.map((f) => f.year);
  const planYears = years.length ? { first: Math.min(...years), last: Math.max(...years) } : undefined;
  const effects = model.omdisponeringar.map(effectOf);
  const seen = new Map<string, number>();

  model.omdisponeringar.forEach((o, i) => {
    const ref = (field?: string) => ({ collection: "omdisponeringar", index: i, field });
    const dnr = o.diarienummer.trim().toLocaleUpperCase("sv-SE");
    const firstRow = seen.get(dnr);
    if (firstRow !== undefined) {
      problems.push({
        severity: "fel",
        code: "budget.omdisp.duplicate",
        message: `Diarienumret ${o.diarienummer} finns redan på rad ${firstRow + 1}; varje omdisponering har ett eget diarienummer.`,
        ref: ref("diarienummer"),
      });
    } else {
      seen.set(dnr, i);
    }
    for (const side of ["from", "to"] as const) {
      if (!organs.has(o[side].toLocaleUpperCase("sv-SE"))) {
        problems.push({
          severity: "fel",
          code: "budget.omdisp.unknownOrgan",
          message: `Organet ${o[side]} har ingen budgetram i tabellen över ramar; lägg till dess ram eller rätta namnet.`,
          ref: ref(side),
        });
      }
    }
    if (o.from.toLocaleUpperCase("sv-SE") === o.to.toLocaleUpperCase("sv-SE")) {
      problems.push({
        severity: "fel",
        code: "budget.omdisp.sameOrgan",
        message: `Från och till är båda ${o.from}; en omdisponering flyttar pengar mellan två olika organ.`,
        ref: ref("to"),
      });
    }
    if (o.amount.lte(0)) {
      problems.push({
        severity: "fel",
        code: "budget.omdisp.amountNotPositive",
        message: `Beloppet ${formatKr(o.amount)} är inte större än noll; ange beloppet som flyttas, riktningen ges av från och till.`,
        ref: ref("amount"),
      });
    }
    const y = effects[i].firstYear;
    if (planYears && (y < planYears.first || y > planYears.last)) {
      problems.push({
        severity: "fel",
        code: "budget.omdisp.outsidePlan",
        message: `Gäller från ${o.validFrom} ligger utanför planens år ${planYears.first}–${planYears.last}.`,
        ref: ref("validFrom"),
      });
    }
    if (o.status === "beslutad" && !o.beslutsdatum) {
      problems.push({
        severity: "fel",
        code: "budget.omdisp.decidedWithoutDate",
        message: "Omdisponeringen är beslutad men saknar beslutsdatum; ange datum för beslutet eller sätt status Förslag.",
        ref: ref("beslutsdatum"),
      });
    }
    if (planYears) {
      for (const side of ["from", "to"] as const) {
        if (!organs.has(o[side].toLocaleUpperCase("sv-SE"))) continue;
        for (let year = Math.max(y, planYears.first); year <= Math.min(effects[i].lastYear, planYears.last); year++) {
          if (!frameIndex.has(frameKey(o[side], year))) {
            problems.push({
              severity: "fel",
              code: "budget.omdisp.noFrameForYear",
              message: `${o[side]} saknar budgetram för ${year}, som omdisponeringen påverkar.`,
              ref: ref(side),
            });
          }
        }
      }
    }
  });

  const frames: AdjustedFrame[] = model.frames.map((f) => {
    let beslutade = ZERO;
    let forslag = ZERO;
    const organ = f.organ.toLocaleUpperCase("sv-SE");
    model.omdisponeringar.forEach((o, i) => {
      if (!appliesInYear(effects[i], f.year)) return;
      let net = ZERO;
      if (o.to.toLocaleUpperCase("sv-SE") === organ) net = net.plus(o.amount);
      if (o.from.toLocaleUpperCase("sv-SE") === organ) net = net.minus(o.amount);
      if (o.status === "beslutad") beslutade = beslutade.plus(net);
      else forslag = forslag.plus(net);
    });
    const justeradRam = f.ram.plus(beslutade);
    return {
      organ: f.organ,
      year: f.year,
      ram: f.ram,
      beslutade,
      justeradRam,
      forslag,
      ramOmForslagenBifalls: justeradRam.plus(forslag),
    };
  });

  frames.forEach((f, i) => {
    if (f.justeradRam.isNeg() && !f.ram.isNeg()) {
      problems.push({
        severity: "fel",
        code: "budget.frame.belowZero",
        message: `${f.organ}s ram för ${f.year} blir ${formatKr(f.justeradRam)} efter beslutade omdisponeringar; en ram kan inte bli negativ.`,
        ref: { collection: "frames", index: i, field: "ram" },
      });
    } else if (f.ramOmForslagenBifalls.isNeg() && !f.ram.isNeg()) {
      problems.push({
        severity: "varning",
        code: "budget.frame.belowZeroIfProposed",
        message: `${f.organ}s ram för ${f.year} blir ${formatKr(f.ramOmForslagenBifalls)} om förslagen bifalls.`,
        ref: { collection: "frames", index: i, field: "ram" },
      });
    }
  });

  return { frames, effects, planYears, problems };
}
