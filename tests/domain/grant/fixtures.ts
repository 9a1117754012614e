/** Small builders for grant models in tests: a valid model, changed only where a test says. */
import { Decimal } from "../../../src/domain/money";
import { Activity, Grant, GrantModel, Outcome } from "../../../src/domain/grant";

export const kr = (n: number | string) => new Decimal(n);

export function grant(overrides: Partial<Grant> = {}): Grant {
  return {
    id: "test-2016",
    name: "Testbidrag 2016",
    year: 2016,
    recipient: "regionen",
    amount: kr(1_000_000),
    agreement: "en överenskommelse",
    source: { document: "TEST/1/2016", date: "2016-01-15" },
    purposes: [
      { id: "a", name: "Syfte A" },
      { id: "b", name: "Syfte B" },
    ],
    spendBy: "2016-12-31",
    leftoverRule: "aterbetala",
    kind: "riktat",
    deadlines: [],
    ...overrides,
  };
}

let next = 0;
export function activity(overrides: Partial<Activity> = {}): Activity {
  next += 1;
  return {
    id: `X${next}`,
    name: `Aktivitet ${next}`,
    area: "Område 1",
    purposeId: "a",
    asked: kr(100_000),
    status: "forslag",
    ...overrides,
  };
}

export function model(activities: Activity[] = [], outcomes: Outcome[] = [], g: Partial<Grant> = {}): GrantModel {
  return { grant: grant(g), activities, outcomes };
}

/** A granted activity with its project number. */
export function granted(amount: number, projectNumber: string, overrides: Partial<Activity> = {}): Activity {
  return activity({ asked: kr(amount), granted: kr(amount), status: "beviljad", projectNumber, ...overrides });
}

export const out = (projectNumber: string, month: number, amount: number | string): Outcome => ({ projectNumber, month, amount: kr(amount) });

/** Writes expected Swedish text with plain spaces: no-break spaces go in as money.ts writes them (thousands, before kr/tkr/mkr and %). */
export const nb = (s: string): string => s.replace(/(\d) (?=\d{3}(?!\d))/g, "$1\u00A0").replace(/(\d) (kr|tkr|mkr|%)/g, "$1\u00A0$2");
