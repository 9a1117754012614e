/**
 * Professionsmiljarden 2016: the money must be used within the year, and
 * what some activities will not use goes to others that fit the purposes
 * ("några aktiviteter har blivit billigare och några dyrare"). Ramkoll
 * proposes the moves; nothing moves until the controller accepts, and then
 * the decision is written into the activities and recomputed in one command.
 */
import Decimal from "decimal.js";
import { ExcelSimulator } from "../excel-sim";
import { WriteFailed } from "../../src/excel/apply";
import { acceptProposal, createModel, recomputeModel } from "../../src/excel/commands";

async function grantWorkbook() {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
  const shown = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
  return { sim, shown };
}

function column(sim: ExcelSimulator, table: string, header: string): unknown[] {
  const t = sim.table(table);
  const at = t.headers.indexOf(header);
  return t.rows.map((r) => r[at]);
}

function grantedByActivity(sim: ExcelSimulator): Map<string, number> {
  const ids = column(sim, "Aktiviteter", "Id");
  const grants = column(sim, "Aktiviteter", "Statsbidrag");
  const granted = column(sim, "Aktiviteter", "Beviljat");
  return new Map(ids.map((id, i) => [`${String(grants[i])} ${String(id)}`, Number(granted[i] || 0)]));
}

function withoutChartIds(snapshot: string): unknown {
  const parsed = JSON.parse(snapshot) as { sheets: { charts?: { id?: unknown }[] }[] };
  for (const sheet of parsed.sheets) for (const chart of sheet.charts ?? []) delete chart.id;
  return parsed;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, v) => a.plus(v), new Decimal(0)).toNumber();

describe("accepting the proposal to move a grant's leftovers", () => {
  test("the recompute shows one proposal, for professionsmiljarden, and writes nothing of it", async () => {
    const { sim, shown } = await grantWorkbook();
    expect(shown.cellsWritten).toBe(0);
    expect(shown.proposals).toHaveLength(1);
    const [proposal] = shown.proposals!;
    expect(proposal.title).toMatch(/^Professionsmiljarden 2016: flytta \d[\d\s]*\skr av överblivna medel$/);
    expect(proposal.lines.length).toBeGreaterThan(1);
    expect(proposal.lines[proposal.lines.length - 1]).toBe("Fördelningsregeln blir Fast per aktivitet (nu Rangordning): de beslutade beloppen gäller från och med nu.");
    expect(column(sim, "Statsbidrag", "Fördelningsregel")).toContain("Rangordning");
  });

  test("accepted, the moves become decided amounts, the grant stays whole, and a second recompute writes nothing", async () => {
    const { sim, shown } = await grantWorkbook();
    const before = grantedByActivity(sim);
    const logRows = sim.table("Logg").rows.length;
    const accepted = await sim.run((ctx) => acceptProposal(ctx, "stimulansmedel", shown.proposals![0].id));
    expect(accepted.syncs).toBe(3);
    expect(accepted.summary[0]).toBe(`Godkänt: ${shown.proposals![0].title}.`);
    const after = grantedByActivity(sim);
    // Money moves between activities of the grant; none appears or disappears.
    expect(total(after)).toBe(total(before));
    const changed = [...after].filter(([k, v]) => before.get(k) !== v);
    expect(changed.length).toBeGreaterThanOrEqual(2);
    // The rule is now the decided amounts, typed where the controller would type them.
    const rules = column(sim, "Statsbidrag", "Fördelningsregel");
    const names = column(sim, "Statsbidrag", "Namn");
    expect(rules[names.findIndex((n) => String(n).startsWith("Professionsmiljarden"))]).toBe("Fast per aktivitet");
    const decided = column(sim, "Aktiviteter", "Beslutat belopp");
    const granted = column(sim, "Aktiviteter", "Beviljat");
    const statuses = column(sim, "Aktiviteter", "Status");
    statuses.forEach((s, i) => {
      if (s === "Beviljad") expect(decided[i]).toBe(granted[i]);
    });
    const log = sim.table("Logg").rows;
    expect(log).toHaveLength(logRows + 1);
    expect(log[log.length - 1][2]).toBe("Godkänn förslag");
    const again = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(again.cellsWritten).toBe(0);
    expect(again.problems.filter((p) => p.severity === "fel")).toEqual([]);
    // Accepted, nothing more is proposed: the newly granted activities have booked nothing yet and are forecast to use their grant.
    expect(again.proposals).toEqual([]);
  });

  test("a proposal that no longer follows from the inputs is refused and nothing is written", async () => {
    const { sim, shown } = await grantWorkbook();
    const before = sim.snapshot();
    await expect(sim.run((ctx) => acceptProposal(ctx, "stimulansmedel", `${shown.proposals![0].id}x`))).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: "proposal.stale", message: expect.stringMatching(/^Förslaget finns inte längre/) })],
    });
    expect(sim.snapshot()).toBe(before);
  });

  test("a lost connection while accepting leaves the workbook as it was", async () => {
    const { sim, shown } = await grantWorkbook();
    const before = sim.snapshot();
    const failWrites = (phase: string) => phase === "skriver" && sim.failNextSync();
    await expect(sim.run((ctx) => acceptProposal(ctx, "stimulansmedel", shown.proposals![0].id, { onProgress: failWrites }))).rejects.toBeInstanceOf(WriteFailed);
    // Every cell, format and chart as it was; a report's chart is drawn anew from the same ranges, so only its internal id differs.
    expect(withoutChartIds(sim.snapshot())).toEqual(withoutChartIds(before));
  });
});
