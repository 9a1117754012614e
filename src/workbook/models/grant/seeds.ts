/**
 * The example grants from seeds/grants/*.json as the rows a controller would
 * type into the tables: figures as the seed writes them ("3 100 000 kr"),
 * choices by their labels. They then take the sheet's own path
 * (seedTable → readTable → build), so the examples are read exactly as a
 * workbook is.
 *
 * A seed holds what its document says; what a follow-up also needs and the
 * document does not say (the report date, the allocation rule, a short name
 * for the report sheet) is set here, per grant, and said so in the grant's
 * Anmärkning.
 */
import { Decimal, parseAmount } from "../../../domain/money";
import psykiskHalsa from "../../../../seeds/grants/psykisk-halsa-2019.json";
import professionsmiljarden from "../../../../seeds/grants/professionsmiljarden-2016.json";
import { SeedRow, seedTable } from "../../build";
import { RawTable } from "../../table";
import { AKTIVITETER, MONTHS, STATSBIDRAG, SYFTEN, TIDPUNKTER, UTFALL } from "./schema";

type Json = Record<string, unknown>;

export const SEED_GRANTS: readonly unknown[] = [psykiskHalsa, professionsmiljarden];

/** What the follow-up needs of each example grant beyond its document. */
export interface ExampleSettings {
  shortName: string;
  rule: string;
  reportDate: string;
  throughMonth?: number;
  why: string;
}

export const EXAMPLE_SETTINGS: Record<string, ExampleSettings> = {
  "psykisk-halsa-2019": {
    shortName: "PH2019",
    rule: "Fast per syfte",
    reportDate: "2020-09-30",
    why: "rapportdatum 2020-09-30 (utfallet till och med september, före återredovisningen till SVOM i oktober)",
  },
  "professionsmiljarden-2016": {
    shortName: "PM2016",
    rule: "Rangordning",
    reportDate: "2016-11-28",
    throughMonth: 10,
    why: "rapportdatum 2016-11-28 (dokumentets datum) med utfall till och med oktober",
  },
};

/** A seed value is either plain or { value, source }. */
const valueOf = (v: unknown): unknown => (v && typeof v === "object" && !Array.isArray(v) && "value" in (v as Json) ? (v as Json).value : v);
const sourceOf = (v: unknown): string | undefined =>
  v && typeof v === "object" && !Array.isArray(v) && typeof (v as Json).source === "string" ? ((v as Json).source as string) : undefined;
const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(valueOf(v)));
const num = (v: unknown): number | null => (v === undefined || v === null ? null : Number(valueOf(v)));

const FIELD_LABEL: Record<string, string> = {
  year: "År",
  outcomeYear: "Utfallsår",
  amount: "Belopp",
  statedAmount: "Belopp enligt underlaget",
  spendBy: "Sista användningsdag",
  leftoverRule: "Överblivna medel",
  kind: "Typ",
};

/** The grant's own notes: every figure whose source is not the document itself, and the settings made for the example. */
function noteOf(data: Json, settings: ExampleSettings): string {
  const g = data.grant as Json;
  const src = data.source as Json;
  const parts: string[] = [];
  if (typeof src.note === "string") parts.push(`Källan: ${src.note}`);
  for (const [key, label] of Object.entries(FIELD_LABEL)) {
    const s = sourceOf(g[key]);
    const plain = [String(src.document), `${String(src.document)}, ${String(src.date)}`];
    if (s && !plain.includes(s)) parts.push(`${label}: ${s}`);
  }
  parts.push(`Fördelningsregel, kortnamn och ${settings.why}: valda för exemplet`);
  return `${parts.join(". ")}.`;
}

function grantRow(data: Json): SeedRow {
  const g = data.grant as Json;
  const src = data.source as Json;
  const d = g.decision as Json | undefined;
  const settings = EXAMPLE_SETTINGS[String(g.id)];
  if (!settings) throw new Error(`no example settings for grant ${String(g.id)}`);
  return {
    id: str(g.id),
    shortName: settings.shortName,
    name: str(g.name),
    year: num(g.year),
    outcomeYear: num(g.outcomeYear),
    recipient: str(g.recipient),
    amount: str(g.amount),
    stated: str(g.statedAmount),
    agreement: str(g.agreement),
    source: str(src.document),
    sourceDate: str(src.date),
    decisionOrgan: d ? str(d.organ) : null,
    decisionDate: d ? str(d.date) : null,
    decisionDateText: d ? str(d.dateText) : null,
    decisionParagraph: d ? str(d.paragraph) : null,
    decisionWhat: d ? str(d.what) : null,
    spendBy: str(g.spendBy),
    leftoverRule: str(g.leftoverRule),
    kind: str(g.kind),
    rule: settings.rule,
    capPerArea: null,
    partial: null,
    key: null,
    unit: null,
    reportDate: settings.reportDate,
    throughMonth: settings.throughMonth ?? null,
    note: noteOf(data, settings),
  };
}

/** The seed's outcome, one row per project number with its months side by side. */
function outcomeRows(grant: string, outcomes: Json[]): SeedRow[] {
  const rows = new Map<string, { months: Map<number, Decimal>; sources: Set<string> }>();
  for (const o of outcomes) {
    const project = String(o.projectNumber);
    const parsed = parseAmount(o.amount);
    if (!parsed.ok) throw new Error(`seed outcome ${project}: ${parsed.reason}`);
    const row = rows.get(project) ?? { months: new Map(), sources: new Set() };
    const month = Number(o.month);
    row.months.set(month, (row.months.get(month) ?? new Decimal(0)).plus(parsed.value));
    if (typeof o.source === "string") row.sources.add(o.source);
    rows.set(project, row);
  }
  return [...rows.entries()].map(([projectNumber, r]) => {
    const out: SeedRow = { grant, projectNumber, source: [...r.sources].join("; ") || null };
    for (const m of MONTHS) out[m.key] = r.months.has(m.month) ? r.months.get(m.month)!.toNumber() : null;
    return out;
  });
}

/** Every table's rows for one seed. */
export function rowsOfSeed(data: Json): Record<string, SeedRow[]> {
  const g = data.grant as Json;
  const grant = String(g.id);
  return {
    [STATSBIDRAG.name]: [grantRow(data)],
    [SYFTEN.name]: (data.purposes as Json[]).map((p) => ({ grant, id: str(p.id), name: str(p.name), fixed: str(p.fixedAmount), source: str(p.source) })),
    [TIDPUNKTER.name]: ((data.deadlines as Json[]) ?? []).map((d) => ({
      grant,
      kind: str(d.kind),
      to: str(d.to),
      due: str(d.due),
      precision: d.precision === "månad" ? "Månad" : "Dag",
      dueText: str(d.dueText),
      done: str(d.done),
      source: str(d.source),
    })),
    [AKTIVITETER.name]: (data.activities as Json[]).map((a) => {
      const keys = (a.keys as Json | undefined) ?? {};
      const source = [str(a.source), a.nameSource ? `namnet: ${String(a.nameSource)}` : null, sourceOf(a.granted) ? `beviljat: ${sourceOf(a.granted)}` : null];
      return {
        grant,
        id: str(a.id),
        name: str(a.name),
        area: str(a.area),
        purpose: str(a.purpose),
        asked: str(a.asked),
        rank: num(a.rank),
        status: str(a.status),
        decided: str(a.granted),
        projectNumber: str(a.projectNumber),
        owner: str(a.owner),
        aa: str(keys["ÅA"]),
        invanare: str(keys["Invånare"]),
        forecast: str(a.forecast),
        source: source.filter(Boolean).join("; ") || null,
      };
    }),
    [UTFALL.name]: outcomeRows(grant, data.outcomes as Json[]),
  };
}

/** Every seeded grant as the raw tables of the sheets. */
export function exampleTables(seeds: readonly unknown[] = SEED_GRANTS): RawTable[] {
  const rows = new Map<string, SeedRow[]>();
  for (const seed of seeds) {
    for (const [table, r] of Object.entries(rowsOfSeed(seed as Json))) rows.set(table, [...(rows.get(table) ?? []), ...r]);
  }
  return [STATSBIDRAG, SYFTEN, TIDPUNKTER, AKTIVITETER, UTFALL].map((spec) => seedTable(spec, rows.get(spec.name) ?? []));
}
