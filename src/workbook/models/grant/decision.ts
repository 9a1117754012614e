/**
 * Omfördelning as a decision: the proposal to move forecast leftovers (rule
 * d) turned into the input cells that record it, for the user to accept.
 * Accepted, each activity of the grant keeps the amount it has after the
 * moves as its Beslutat belopp, with the status after the moves, and the
 * grant's rule becomes Fast per aktivitet, so the decided amounts are what
 * counts from then on (a rank order or key would otherwise split the grant
 * anew and undo the moves).
 */
import { ZERO, formatKr, sum } from "../../../domain/money";
import { InputEdit, InputProposal } from "../../model";
import { GrantBook } from "./build";
import { GrantBookResult } from "./compute";
import { RULE_CHOICES, STATUS_CHOICES } from "./schema";

const label = (choices: typeof STATUS_CHOICES, value: string) => choices.find((c) => c.value === value)?.label ?? value;

/** "omfordelning:PM2016:3>7=400000,…": names the grant and the very moves, so a stale proposal is never accepted. */
export function proposalId(grantId: string, moves: readonly { from?: number; to: number; amount: { toFixed(): string } }[]): string {
  return `omfordelning:${grantId}:${moves.map((m) => `${m.from ?? "-"}>${m.to}=${m.amount.toFixed()}`).join(",")}`;
}

export function leftoverProposals(book: GrantBook, result: GrantBookResult): InputProposal[] {
  const out: InputProposal[] = [];
  book.grants.forEach((entry, g) => {
    const run = result.runs[g];
    if (!run || run.proposal.moves.length === 0) return;
    const typed = entry.model.activities;
    const after = run.afterMoves;
    const edits: InputEdit[] = [];
    typed.forEach((a, i) => {
      const index = entry.activityRows[i];
      if (after[i].status !== a.status) edits.push({ collection: "aktiviteter", index, field: "status", value: label(STATUS_CHOICES, after[i].status) });
      if (after[i].status !== "beviljad") return;
      const amount = after[i].granted ?? ZERO;
      if (!a.granted || !a.granted.eq(amount)) edits.push({ collection: "aktiviteter", index, field: "decided", value: amount.toNumber() });
    });
    const lines = run.proposal.moves.map((m) => m.explanation);
    if (entry.settings.rule !== "fastAktivitet" && entry.settings.rule !== "fastSyfte") {
      edits.push({ collection: "statsbidrag", index: entry.row, field: "rule", value: label(RULE_CHOICES, "fastAktivitet") });
      lines.push(`Fördelningsregeln blir ${label(RULE_CHOICES, "fastAktivitet")} (nu ${label(RULE_CHOICES, entry.settings.rule)}): de beslutade beloppen gäller från och med nu.`);
    }
    const moved = sum(run.proposal.moves.map((m) => m.amount));
    out.push({
      id: proposalId(entry.model.grant.id, run.proposal.moves),
      title: `${entry.model.grant.name}: flytta ${formatKr(moved)} av överblivna medel`,
      lines,
      moved,
      edits,
    });
  });
  return out;
}
