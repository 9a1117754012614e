/**
 * Stimulansmedel in the workbook: the grants, their purposes, deadlines,
 * activities and monthly outcome in tables on the sheets `Stimulansmedel`,
 * `Aktiviteter` and `Utfall`, split by each grant's rule and followed up at
 * its report date; one report sheet per grant, `Återredovisning <kortnamn>`.
 */
import { MODEL_TITLES } from "./catalog";
import { Decimal, ZERO, formatKr, sum } from "../../domain/money";
import { DEADLINE_KIND_LABEL, grantReportTextToString } from "../../domain/grant";
import { formatShare, listSv, lowerFirst, upperFirst } from "../../domain/grant/text";
import { ModelDefinition } from "../model";
import { GrantBook, buildGrants, monthLabel } from "./grant/build";
import { GrantBookResult, GrantRun, computeGrants } from "./grant/compute";
import { leftoverProposals } from "./grant/decision";
import { deadlineStatus, planGrants } from "./grant/plan";
import { ALL_TABLES, ACTIVITY_SHEET, GRANT_SHEET, OUTCOME_SHEET, REPORT_PREFIX } from "./grant/schema";

export { ACTIVITY_SHEET, GRANT_SHEET, OUTCOME_SHEET, REPORT_PREFIX } from "./grant/schema";

const WORDS = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
const count = (n: number, one: string, many: string) => `${n < WORDS.length ? WORDS[n] : String(n)} ${n === 1 ? one : many}`;
const RULE_PHRASE: Record<string, string> = {
  fastSyfte: "fast belopp per syfte",
  fastAktivitet: "fast belopp per aktivitet",
  rang: "fördelat i rangordning",
  nyckel: "fördelat efter nyckel",
};
const STATUS_PHRASE: Record<string, [string, string]> = {
  beviljad: ["beviljad", "beviljade"],
  vantelista: ["på väntelista", "på väntelista"],
  avslagen: ["avslagen", "avslagna"],
  forslag: ["ej prövad", "ej prövade"],
};

/** How the grant was split, in one sentence. */
function splitSentence(book: GrantBook, i: number, run: GrantRun): string {
  const entry = book.grants[i];
  const g = entry.model.grant;
  const head = `${g.name} (${entry.settings.sheetName}): ${formatKr(g.amount)} till ${g.recipient}, ${RULE_PHRASE[entry.settings.rule]}`;
  if (entry.settings.rule === "fastSyfte") {
    const fixed = g.purposes.map((p) => `${lowerFirst(p.name)} ${formatKr(p.fixedAmount ?? ZERO)}`);
    const total = sum(g.purposes.map((p) => p.fixedAmount ?? ZERO));
    return `${head} på ${count(g.purposes.length, "syfte", "syften")}: ${fixed.join("; ")}; summa ${formatKr(total)}.`;
  }
  const acts = run.allocated.activities;
  const byStatus = ["beviljad", "vantelista", "avslagen", "forslag"]
    .map((s) => ({ s, n: acts.filter((a) => a.status === s).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.n} ${STATUS_PHRASE[x.s][x.n === 1 ? 0 : 1]}`);
  return `${head} på ${count(g.purposes.length, "syfte", "syften")} och ${acts.length} aktiviteter (${byStatus.join(", ")}); beviljat ${formatKr(run.followup.totals.granted)}.`;
}

function summary(book: GrantBook, result: GrantBookResult): string[] {
  const lines = [
    `Stimulansmedel: ${count(book.grants.length, "statsbidrag", "statsbidrag")}${book.grants.length ? ` (${book.grants.map((e) => e.model.grant.name).join(", ")})` : ""}.`,
  ];
  book.grants.forEach((entry, i) => {
    const run = result.runs[i];
    if (!run) return;
    const g = entry.model.grant;
    const f = run.followup;
    const t = f.totals;
    lines.push(splitSentence(book, i, run));
    for (const n of run.notes) lines.push(`  ${n.message}`);
    const used = t.shareUsed ? ` (${formatShare(t.shareUsed)})` : "";
    lines.push(
      `  Utfall till och med ${monthLabel(f.throughMonth, f.outcomeYear)}: ${formatKr(t.ack)} av beviljade ${formatKr(t.granted)}${used}; prognos ${formatKr(t.forecastAtSpendBy)} till ${g.spendBy}; ${t.leftoverOfGrant.isZero() ? "inget blir över" : `${formatKr(t.leftoverOfGrant)} blir över`}.`,
    );
    lines.push(`  ${f.leftover.explanation}`);
    const p = run.proposal;
    if (p.moves.length) {
      lines.push(`  Förslag (inget flyttas förrän det beslutas): flytta ${formatKr(p.proposed)} av ${formatKr(p.available)} i ${count(p.moves.length, "steg", "steg")}, till ${listSv([...new Set(p.targets.filter((x) => x.proposed.gt(0)).map((x) => x.name))])}.`);
    }
    const open = g.deadlines.filter((d) => !d.done);
    for (const d of open) lines.push(`  ${upperFirst(DEADLINE_KIND_LABEL[d.kind])} till ${d.to} senast ${d.due}: ${deadlineStatus(d, entry.settings.reportDate).toLocaleLowerCase("sv-SE")}.`);
  });
  return lines;
}

const str = (v: Decimal | undefined) => (v === undefined ? null : v.toString());

function json(book: GrantBook, result: GrantBookResult) {
  return {
    modell: "stimulansmedel",
    statsbidrag: book.grants.map((entry, i) => {
      const run = result.runs[i]!;
      const g = entry.model.grant;
      const f = run.followup;
      const t = f.totals;
      return {
        id: g.id,
        namn: g.name,
        blad: entry.settings.sheetName,
        år: g.year,
        utfallsår: f.outcomeYear,
        belopp: g.amount.toString(),
        angivetBelopp: g.statedAmount ? { text: g.statedAmount.text, värde: g.statedAmount.value.toString(), avrundning: g.statedAmount.step.toString() } : null,
        fördelningsregel: entry.settings.rule,
        rapportdatum: entry.settings.reportDate,
        utfallTillOchMedMånad: f.throughMonth,
        syften: f.purposes.map((p, k) => ({
          id: p.id,
          namn: p.name,
          fastBelopp: str(p.fixedAmount),
          beviljat: p.granted.toString(),
          utfallAck: p.ack.toString(),
          kvar: p.remaining.toString(),
          andelAnvänd: str(p.shareUsed),
          prognos: p.forecastAtSpendBy.toString(),
          blirÖver: p.leftoverAtSpendBy.toString(),
          förklaring: run.purposeLines?.[k].explanation ?? null,
        })),
        aktiviteter: f.activities.map((a, k) => ({
          id: a.id,
          namn: a.name,
          syfte: a.purposeId,
          status: run.allocated.activities[k].status,
          beviljat: a.granted.toString(),
          förklaring: run.activityLines[k].explanation,
          utfallAck: a.ack.toString(),
          kvar: a.remaining.toString(),
          prognos: a.forecastAtSpendBy.toString(),
          prognosgrund: a.forecastBasis,
        })),
        totalt: {
          beviljat: t.granted.toString(),
          ejFördelat: t.notGranted.toString(),
          utfallAck: t.ack.toString(),
          kvarAvBidraget: g.amount.minus(t.ack).toString(),
          prognos: t.forecastAtSpendBy.toString(),
          blirÖver: t.leftoverOfGrant.toString(),
        },
        överblivet: {
          regel: f.leftover.rule,
          återbetalas: f.leftover.repayment.toString(),
          behållsMedPlan: f.leftover.keptWithPlan.toString(),
          försÖver: f.leftover.carryOver.toString(),
          intäktVidÅrsskiftet: f.leftover.yearEnd.income.toString(),
          skuldVidÅrsskiftet: f.leftover.yearEnd.liability.toString(),
        },
        förslag: {
          tillgängligt: run.proposal.available.toString(),
          föreslaget: run.proposal.proposed.toString(),
          flyttar: run.proposal.moves.map((m) => ({
            från: m.from === undefined ? null : run.allocated.activities[m.from].id,
            till: run.allocated.activities[m.to].id,
            belopp: m.amount.toString(),
          })),
        },
        noteringar: run.notes.map((n) => n.message),
        text: grantReportTextToString(run.text),
      };
    }),
  };
}

export const grantModel: ModelDefinition<GrantBook, GrantBookResult> = {
  id: "stimulansmedel",
  title: MODEL_TITLES.stimulansmedel,
  tables: ALL_TABLES,
  sheets: [GRANT_SHEET, ACTIVITY_SHEET, OUTCOME_SHEET],
  isReportSheet: (name) => name.startsWith(REPORT_PREFIX),
  build: buildGrants,
  compute(book) {
    const result = computeGrants(book);
    return { result, problems: result.problems };
  },
  plan: planGrants,
  summary,
  json,
  schemaVersion: 1,
  keys: {
    Statsbidrag: ["id"],
    Syften: ["grant", "id"],
    Tidpunkter: ["grant", "kind", "to"],
    Aktiviteter: ["grant", "id"],
    Utfall: ["grant", "projectNumber"],
  },
  moved: (_book, result) => sum(result.runs.map((r) => r?.followup.totals.granted ?? ZERO)),
  proposals: leftoverProposals,
  examples: async () => (await import(/* webpackChunkName: "examples-stimulansmedel" */ "./grant/seeds")).exampleTables(),
};
