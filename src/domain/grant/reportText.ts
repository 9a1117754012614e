/**
 * The återredovisning as Swedish text, ready to paste into a tjänsteskrivelse:
 * written from the figures of the model and its follow-up, never typed, so
 * it cannot disagree with them. Where a stated figure does not add up, the
 * text says so. Deterministic: the same model and follow-up give the same text.
 */
import { Decimal, formatKr } from "../money";
import { MONTH_NAMES_SV } from "../period";
import { Deadline, GrantModel } from "./grant";
import { GrantFollowUp } from "./followup";
import { formatDateSv, formatShare, listSv, lowerFirst, upperFirst } from "./text";

export type GrantParagraphKey = "tilldelning" | "fordelning" | "aktiviteter" | "anvandning" | "syften" | "overblivet" | "tidpunkter" | "avstamning";

export interface GrantReportText {
  rubrik: string;
  paragraphs: { key: GrantParagraphKey; text: string }[];
}

const kr = (v: Decimal) => formatKr(v, { decimals: v.isInteger() ? 0 : 2 });
const WORDS = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
/** "sju syften", "ett syfte"; digits from 13. */
function count(n: number, one: string, many: string): string {
  return `${n < WORDS.length ? WORDS[n] : String(n)} ${n === 1 ? one : many}`;
}

function when(d: Deadline): string {
  if (d.dueText) return d.dueText;
  return d.precision === "manad" ? `i ${formatDateSv(d.due, "manad")}` : `senast ${d.due}`;
}

function deadlineSentence(d: Deadline): string {
  switch (d.kind) {
    case "aterredovisning":
      return d.done ? `Medlen återredovisades till ${d.to} ${d.done}.` : `Medlen ska återredovisas till ${d.to} ${when(d)}.`;
    case "rekvisition":
      return d.done ? `Medlen rekvirerades från ${d.to} ${d.done}.` : `Medlen ska rekvireras från ${d.to} ${when(d)}.`;
    case "aterbetalning":
      return d.done
        ? `Återbetalningen redovisades till ${d.to} ${d.done}.`
        : `Ej använda medel återbetalas till ${d.to}, och återbetalningen redovisas ${when(d)}.`;
    case "uppfoljning":
      return d.done ? `En uppföljningsrapport lämnades till ${d.to} ${d.done}.` : `En uppföljningsrapport ska lämnas till ${d.to} ${when(d)}.`;
  }
}

/** The draft text of the återredovisning. */
export function draftGrantReportText(model: GrantModel, f: GrantFollowUp): GrantReportText {
  const g = model.grant;
  const paragraphs: GrantReportText["paragraphs"] = [];
  const push = (key: GrantParagraphKey, sentences: string[]) => {
    const text = sentences.filter(Boolean).join(" ");
    if (text) paragraphs.push({ key, text });
  };
  const checks: string[] = [];

  // What was granted, and how the document states it.
  let rounded = "";
  if (g.statedAmount && !g.statedAmount.value.eq(g.amount)) {
    const diff = g.amount.minus(g.statedAmount.value);
    if (diff.abs().lte(g.statedAmount.step.div(2))) rounded = ` (i underlaget avrundat till ${g.statedAmount.text})`;
    else checks.push(`Underlaget anger ${g.statedAmount.text}, men beloppet är ${kr(g.amount)}; skillnaden är ${kr(diff.abs())}.`);
  }
  push("tilldelning", [`För ${g.year} tilldelades ${g.recipient} ${kr(g.amount)}${rounded} utifrån ${g.agreement}.`]);

  // The split over purposes and the decision.
  const fixed = g.purposes.every((p) => p.fixedAmount !== undefined) && g.purposes.length > 0;
  const purposeSentence = fixed
    ? `Medlen fördelades på ${count(g.purposes.length, "syfte", "syften")}: ${listSv(g.purposes.map((p) => `${lowerFirst(p.name)} (${kr(p.fixedAmount as Decimal)})`))}.`
    : `Medlen får användas till ${count(g.purposes.length, "syfte", "syften")}: ${listSv(g.purposes.map((p) => lowerFirst(p.name)))}.`;
  const d = g.decision;
  const decisionSentence = d ? `${upperFirst(d.organ)} ${d.what ?? "godkände fördelningen"} ${d.dateText ?? d.date}${d.paragraph ? `, ${d.paragraph}` : ""}.` : "";
  push("fordelning", [purposeSentence, decisionSentence]);
  if (fixed) {
    const purposesSum = g.purposes.reduce((acc, p) => acc.plus(p.fixedAmount as Decimal), new Decimal(0));
    const diff = purposesSum.minus(g.amount);
    if (!diff.isZero()) {
      checks.push(`Syftenas belopp summerar till ${kr(purposesSum)}, ${kr(diff.abs())} ${diff.isNeg() ? "mindre" : "mer"} än statsbidragets ${kr(g.amount)}.`);
    }
  }

  // The proposals.
  const acts = model.activities;
  const n = (s: string) => acts.filter((a) => a.status === s).length;
  const granted = f.totals.granted;
  if (acts.length && acts.some((a) => a.status !== "beviljad")) {
    const parts = [`${count(n("beviljad"), "har", "har")} beviljats med sammanlagt ${kr(granted)}`];
    if (n("vantelista")) parts.push(`${count(n("vantelista"), "står", "står")} på väntelista`);
    if (n("avslagen")) parts.push(`${count(n("avslagen"), "har", "har")} avslagits`);
    if (n("forslag")) parts.push(`${count(n("forslag"), "är", "är")} ännu inte prövade`);
    push("aktiviteter", [`${upperFirst(count(acts.length, "förslag", "förslag"))} har lämnats in; ${listSv(parts)}.`]);
  }
  if (f.totals.notGranted.gt(0) && acts.length) {
    const last = paragraphs[paragraphs.length - 1];
    const s = `${kr(f.totals.notGranted)} av statsbidraget är ännu inte fördelat på aktiviteter.`;
    if (last.key === "aktiviteter") last.text += ` ${s}`;
    else push("aktiviteter", [s]);
  }

  // Use to date and the forecast.
  const t = f.totals;
  const period = f.throughMonth ? `till och med ${MONTH_NAMES_SV[f.throughMonth - 1]} ${f.outcomeYear}` : "";
  const use: string[] = [];
  if (!f.throughMonth) use.push(`Inget utfall är ännu bokfört för ${f.outcomeYear}.`);
  else if (t.shareUsed) use.push(`Av beviljade medel, ${kr(granted)}, har ${kr(t.ack)} (${formatShare(t.shareUsed)}) använts ${period}.`);
  else use.push(`Utfallet ${period} är ${kr(t.ack)}.`);
  if (t.unattributed.gt(0)) use.push(`Därutöver är ${kr(t.unattributed)} bokat på projektnummer som inte hör till någon aktivitet.`);
  const forecastOverGrant = t.forecastAtSpendBy.minus(t.amount);
  use.push(
    `Prognosen är att ${kr(t.forecastAtSpendBy)} används till och med ${g.spendBy}, ` +
      (forecastOverGrant.gt(0)
        ? `vilket är ${kr(forecastOverGrant)} mer än statsbidraget.`
        : t.leftoverOfGrant.isZero()
          ? "vilket är hela statsbidraget."
          : `vilket lämnar ${kr(t.leftoverOfGrant)} av statsbidraget oanvänt.`),
  );
  push("anvandning", use);

  // Per purpose.
  const withMoney = f.purposes.filter((p) => p.granted.gt(0));
  if (g.purposes.length > 1 && withMoney.length) {
    const items = withMoney.map((p) => `${lowerFirst(p.name)} ${kr(p.ack)} av ${kr(p.granted)} (${formatShare(p.shareUsed as Decimal)})`);
    push("syften", [`Använt per syfte: ${items.join("; ")}.`]);
  }

  // The leftover rule and the books.
  const lo = f.leftover;
  const rule: string[] = [];
  if (g.leftoverRule === "behall_med_plan") {
    rule.push("Medel som inte används får behållas under förutsättning att det finns en plan för användningen.");
    rule.push(lo.keptWithPlan.gt(0) ? `Enligt prognosen behålls ${kr(lo.keptWithPlan)} med plan.` : "Enligt prognosen används hela statsbidraget.");
  } else if (g.leftoverRule === "aterbetala") {
    rule.push(`Medel som inte används senast ${g.spendBy} ska återbetalas.`);
    rule.push(lo.repayment.gt(0) ? `Enligt prognosen återbetalas ${kr(lo.repayment)}.` : "Enligt prognosen används hela statsbidraget och inget återbetalas.");
  } else {
    rule.push("Medel som inte används förs över till kommande period.");
    rule.push(lo.carryOver.gt(0) ? `Enligt prognosen förs ${kr(lo.carryOver)} över.` : "Enligt prognosen används hela statsbidraget.");
  }
  rule.push(
    lo.yearEnd.kind === "riktat"
      ? `Statsbidraget är riktat och redovisas som intäkt i takt med att det används; vid årsskiftet ${lo.yearEnd.year} beräknas ${kr(lo.yearEnd.income)} redovisas som intäkt och ${kr(lo.yearEnd.liability)} som skuld för ej använda medel.`
      : "Statsbidraget är generellt och redovisas som intäkt när det tas emot.",
  );
  push("overblivet", rule);

  // Deadlines in date order.
  const deadlines = g.deadlines.slice().sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  push("tidpunkter", deadlines.map(deadlineSentence));

  push("avstamning", checks.map((c) => `Avstämning: ${lowerFirst(c)}`));
  return { rubrik: `Återredovisning – ${g.name}`, paragraphs };
}

/** Heading and paragraphs separated by a blank line, as pasted into a document. */
export function grantReportTextToString(text: GrantReportText): string {
  return [text.rubrik, ...text.paragraphs.map((p) => p.text)].join("\n\n");
}
