/**
 * Test helper: builds the grant model from a seed in seeds/grants. Figures are
 * strings in Swedish notation, read with parseAmount; any that fails is
 * collected, never taken as zero. Reading files is not the domain's job, so
 * this lives with the tests.
 */
import * as fs from "fs";
import * as path from "path";
import { Decimal, parseAmount } from "../../../src/domain/money";
import {
  Activity,
  Deadline,
  Grant,
  GrantModel,
  Outcome,
  Purpose,
  parseActivityStatus,
  parseDeadlineKind,
  parseGrantKind,
  parseLeftoverRule,
  parseStatedAmount,
} from "../../../src/domain/grant";

export const SEEDS = path.join(__dirname, "../../../seeds/grants");
type Json = Record<string, unknown>;

export function readSeed(name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(SEEDS, name), "utf8")) as Json;
}

/** A seed value is either plain or { value, source }. */
export const valueOf = (v: unknown): unknown => (v && typeof v === "object" && !Array.isArray(v) && "value" in (v as Json) ? (v as Json).value : v);
export const sourceOf = (v: unknown): string | undefined =>
  v && typeof v === "object" && !Array.isArray(v) && typeof (v as Json).source === "string" ? ((v as Json).source as string) : undefined;

export function modelFromSeed(data: Json): { model: GrantModel; errors: string[] } {
  const errors: string[] = [];
  const amount = (v: unknown, where: string): Decimal => {
    const p = parseAmount(valueOf(v));
    if (!p.ok) {
      errors.push(`${where}: ${p.reason}`);
      return new Decimal(NaN);
    }
    return p.value;
  };
  const opt = (v: unknown, where: string) => (v === undefined || v === null ? undefined : amount(v, where));
  const g = data.grant as Json;
  const src = data.source as Json;
  const fieldSources: Record<string, string> = {};
  for (const [k, v] of Object.entries(g)) {
    const s = sourceOf(v);
    if (s) fieldSources[k] = s;
  }
  const statedText = valueOf(g.statedAmount);
  let statedAmount: Grant["statedAmount"];
  if (typeof statedText === "string") {
    const p = parseStatedAmount(statedText);
    if (p.ok) statedAmount = p.value;
    else errors.push(`grant.statedAmount: ${p.reason}`);
  }
  const leftoverRule = parseLeftoverRule(valueOf(g.leftoverRule));
  const kind = parseGrantKind(valueOf(g.kind));
  if (!leftoverRule) errors.push(`grant.leftoverRule: ${String(valueOf(g.leftoverRule))}`);
  if (!kind) errors.push(`grant.kind: ${String(valueOf(g.kind))}`);

  const purposes: Purpose[] = (data.purposes as Json[]).map((p, i) => ({
    id: p.id as string,
    name: p.name as string,
    fixedAmount: opt(p.fixedAmount, `purposes[${i}].fixedAmount`),
    source: p.source as string | undefined,
  }));
  const deadlines: Deadline[] = ((data.deadlines as Json[]) ?? []).map((d, i) => {
    const k = parseDeadlineKind(d.kind);
    if (!k) errors.push(`deadlines[${i}].kind: ${String(d.kind)}`);
    const dl: Deadline = { kind: k!, to: d.to as string, due: d.due as string, precision: d.precision === "månad" ? "manad" : "dag" };
    if (typeof d.dueText === "string") dl.dueText = d.dueText;
    if (typeof d.done === "string") dl.done = d.done;
    if (typeof d.source === "string") dl.source = d.source;
    return dl;
  });
  const dec = g.decision as Json | undefined;
  const grant: Grant = {
    id: g.id as string,
    name: g.name as string,
    year: valueOf(g.year) as number,
    outcomeYear: valueOf(g.outcomeYear) as number | undefined,
    recipient: g.recipient as string,
    amount: amount(g.amount, "grant.amount"),
    statedAmount,
    agreement: g.agreement as string,
    source: { document: src.document as string, ...(typeof src.date === "string" ? { date: src.date } : {}) },
    decision: dec
      ? { organ: dec.organ as string, date: dec.date as string, dateText: dec.dateText as string | undefined, paragraph: dec.paragraph as string | undefined, what: dec.what as string | undefined }
      : undefined,
    purposes,
    spendBy: valueOf(g.spendBy) as string,
    leftoverRule: leftoverRule!,
    kind: kind!,
    deadlines,
    fieldSources,
  };
  const activities: Activity[] = (data.activities as Json[]).map((a, i) => {
    const status = parseActivityStatus(a.status);
    if (!status) errors.push(`activities[${i}].status: ${String(a.status)}`);
    const keys: Record<string, Decimal> = {};
    for (const [k, v] of Object.entries((a.keys as Json) ?? {})) keys[k] = amount(v, `activities[${i}].keys.${k}`);
    return {
      id: a.id as string,
      name: a.name as string,
      area: a.area as string,
      purposeId: a.purpose as string,
      asked: amount(a.asked, `activities[${i}].asked`),
      rank: a.rank as number | undefined,
      status: status!,
      granted: opt(a.granted, `activities[${i}].granted`),
      projectNumber: a.projectNumber as string | undefined,
      owner: a.owner as string | undefined,
      keys,
      forecast: opt(a.forecast, `activities[${i}].forecast`),
      source: a.source as string | undefined,
    };
  });
  const outcomes: Outcome[] = (data.outcomes as Json[]).map((o, i) => ({
    projectNumber: o.projectNumber as string,
    month: o.month as number,
    amount: amount(o.amount, `outcomes[${i}].amount`),
    source: o.source as string | undefined,
  }));
  return { model: { grant, activities, outcomes }, errors };
}

export function loadSeed(name: string): GrantModel {
  const { model, errors } = modelFromSeed(readSeed(name));
  if (errors.length) throw new Error(`${name}: ${errors.join("; ")}`);
  return model;
}
