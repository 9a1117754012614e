/**
 * Computed columns that hold values, not formulas (what professionsmiljarden's
 * rank order grants each activity, and why): Ramkoll keeps a digest of what it
 * wrote, so a colleague's typing in such a cell is told from Ramkoll's own
 * older value. The typing is reported and kept until the user asks; Ramkoll's
 * own stale values are brought up to date.
 */
import { ExcelSimulator } from "../excel-sim";
import { applyFixes, createModel, recomputeModel } from "../../src/excel/commands";
import { cellAddress, parseRange, splitSheet } from "../../src/workbook/address";
import { writtenSettingKey } from "../../src/workbook/written";

async function grants(): Promise<ExcelSimulator> {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
  return sim;
}

/** The cell of `header` on the row whose Namn is `name`, in Aktiviteter. */
function activityCell(sim: ExcelSimulator, name: string, header: string): string {
  const t = sim.table("Aktiviteter");
  const row = t.rows.findIndex((r) => r[t.headers.indexOf("Namn")] === name);
  const col = t.headers.indexOf(header);
  expect([row, col].every((i) => i >= 0)).toBe(true);
  const start = parseRange(splitSheet(t.address).range).start;
  return `${t.sheet}!${cellAddress({ row: start.row + 1 + row, col: start.col + col })}`;
}

const settingOf = (sim: ExcelSimulator) => JSON.parse(sim.snapshot()).settings[writtenSettingKey("stimulansmedel")] as string | undefined;

describe("a value Ramkoll computes, typed over by a person", () => {
  test("creating the model records its value cells, and a recompute of it writes nothing, not even the record", async () => {
    const sim = await grants();
    const record = settingOf(sim);
    expect(record).toBeDefined();
    expect(Object.keys(JSON.parse(record!))).toEqual(expect.arrayContaining(["Statsbidrag", "Aktiviteter"]));
    const before = sim.snapshot();
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.cellsWritten).toBe(0);
    // Only the log row is new.
    const strip = (s: string) => {
      const w = JSON.parse(s);
      return JSON.stringify({ ...w, sheets: w.sheets.filter((x: { name: string }) => x.name !== "Logg"), tables: w.tables.filter((t: { name: string }) => t.name !== "Logg") });
    };
    expect(strip(sim.snapshot())).toBe(strip(before));
  });

  test("a granted amount typed over is reported at its cell and kept; asked for, Ramkoll's value comes back", async () => {
    const sim = await grants();
    const cell = activityCell(sim, "Kundtjänst", "Beviljat");
    const ramkolls = sim.getValue(cell);
    expect(ramkolls).toBe(2_400_000);
    sim.setCell(cell, 2_500_000);
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(sim.getValue(cell)).toBe(2_500_000);
    const problem = result.problems.find((p) => p.code === "computed.valueTypedOver")!;
    expect(problem).toMatchObject({
      severity: "varning",
      place: { sheet: "Aktiviteter", table: "Aktiviteter", column: "Beviljat", cell: splitSheet(cell).range },
      fix: { value: 2_400_000, label: "Skriv Ramkolls värde" },
    });
    expect(problem.message).toMatch(/^Ramkoll räknar fram värdet i cellen \(2\s400\s000\), men någon har skrivit 2\s500\s000 i den\./);
    // A second recompute still leaves it, and says so again.
    const again = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(again.cellsWritten).toBe(0);
    expect(again.problems.filter((p) => p.code === "computed.valueTypedOver")).toHaveLength(1);
    await sim.run((ctx) => applyFixes(ctx, [problem]));
    expect(sim.getValue(cell)).toBe(2_400_000);
    const fixed = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(fixed.problems.filter((p) => p.code === "computed.valueTypedOver")).toEqual([]);
    expect(fixed.cellsWritten).toBe(0);
  });

  test("Ramkoll's own older values are brought up to date when an input changes, with no problem", async () => {
    const sim = await grants();
    const explanation = activityCell(sim, "Kundtjänst", "Förklaring");
    const before = sim.getValue(explanation);
    // Kundtjänst asks for less: the rank order grants less and says why.
    sim.setCell(activityCell(sim, "Kundtjänst", "Ansökt"), 2_000_000);
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.problems.filter((p) => p.code === "computed.valueTypedOver")).toEqual([]);
    expect(sim.getValue(activityCell(sim, "Kundtjänst", "Beviljat"))).toBe(2_000_000);
    expect(sim.getValue(explanation)).not.toBe(before);
    const again = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(again.cellsWritten).toBe(0);
  });

  test("a workbook from before the record was kept trusts its values once, then keeps the record", async () => {
    const sim = await grants();
    await sim.run(async (ctx) => {
      ctx.workbook.settings.getItem(writtenSettingKey("stimulansmedel")).delete();
      await ctx.sync();
    });
    const cell = activityCell(sim, "Kundtjänst", "Beviljat");
    sim.setCell(cell, 1);
    const result = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(result.problems.filter((p) => p.code === "computed.valueTypedOver")).toEqual([]);
    expect(sim.getValue(cell)).toBe(2_400_000);
    expect(settingOf(sim)).toBeDefined();
    sim.setCell(cell, 1);
    const typed = await sim.run((ctx) => recomputeModel(ctx, "stimulansmedel"));
    expect(typed.problems.filter((p) => p.code === "computed.valueTypedOver")).toHaveLength(1);
  });
});
