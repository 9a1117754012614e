/**
 * Shared workbooks: co-authors never lose a cell, every command is logged,
 * rounds can be frozen and compared, sheets can be protected, and a command
 * that fails half way leaves the workbook as it was.
 */
import { ExcelSimulator } from "../excel-sim";
import { CommandCancelled, createModel, recomputeModel } from "../../src/excel/commands";
import { WriteFailed } from "../../src/excel/apply";
import { compareVersions, freezeVersion, listVersions, protectModel, unprotectModel } from "../../src/excel/rounds";
import { cellAddress, parseRange, splitSheet } from "../../src/workbook/address";

const at = (iso: string) => () => new Date(`${iso}T10:32:00`);

async function budgetWorkbook(): Promise<ExcelSimulator> {
  const sim = new ExcelSimulator();
  await sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }, { now: at("2024-05-01"), user: "Karin" }));
  return sim;
}

describe("the log", () => {
  test("every command appends one row and the rows already there are never rewritten", async () => {
    const sim = await budgetWorkbook();
    const first = JSON.stringify(sim.table("Logg").rows);
    await sim.run((ctx) => recomputeModel(ctx, "budget", { now: at("2024-05-02"), user: "Anders" }));
    sim.setCell("Budget!F5", null);
    await sim.run((ctx) => recomputeModel(ctx, "budget", { now: at("2024-05-03") }));
    const rows = sim.table("Logg").rows;
    expect(rows).toHaveLength(3);
    expect(JSON.stringify([rows[0]])).toBe(first);
    expect(rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ["Karin", "Skapa med exempel", expect.any(Number)],
      ["Anders", "Räkna om", 0],
      ["", "Räkna om", 1],
    ]);
    expect(rows[1][5]).toBe(4_850_000); // the yearly amounts of both omdisponeringar
    expect(sim.getNumberFormat("Logg!A3")).toBe("yyyy-mm-dd hh:mm:ss");
  });

  test("a refused command logs nothing", async () => {
    const sim = await budgetWorkbook();
    sim.setCell("Budget!N4", "fyra");
    await expect(sim.run((ctx) => recomputeModel(ctx, "budget"))).rejects.toThrow(/inget har ändrats/);
    expect(sim.table("Logg").rows).toHaveLength(1);
  });
});

describe("a command that fails half way", () => {
  test("a lost connection during a recompute leaves the workbook as it was", async () => {
    const sim = await budgetWorkbook();
    for (const cell of ["E4", "F4", "F5", "H6", "V4"]) sim.setCell(`Budget!${cell}`, null);
    const before = sim.snapshot();
    let error: unknown;
    // The request that writes fails half way: Excel has applied its first operations.
    const failWrites = (phase: string) => phase === "skriver" && sim.failNextSync();
    await sim.run((ctx) => recomputeModel(ctx, "budget", { onProgress: failWrites })).catch((e) => (error = e));
    expect(error).toBeInstanceOf(WriteFailed);
    expect((error as WriteFailed).restored).toBe(true);
    expect((error as Error).message).toMatch(/Arbetsboken är återställd/);
    expect(sim.snapshot()).toBe(before);
  });

  test("a lost connection while creating a model removes what was half created", async () => {
    const sim = new ExcelSimulator();
    const before = sim.snapshot();
    const failWrites = (phase: string) => phase === "skriver" && sim.failNextSync();
    await expect(sim.run((ctx) => createModel(ctx, "budget", { withExamples: true }, { onProgress: failWrites }))).rejects.toBeInstanceOf(WriteFailed);
    expect(sim.sheetNames()).toEqual(JSON.parse(before).sheets.map((s: { name: string }) => s.name));
    expect(sim.tableNames()).toEqual([]);
  });

  test("cancelled before writing, nothing is written", async () => {
    const sim = await budgetWorkbook();
    sim.setCell("Budget!F4", null);
    const before = sim.snapshot();
    const ctl = new AbortController();
    const phases: string[] = [];
    await expect(
      sim.run((ctx) => recomputeModel(ctx, "budget", { signal: ctl.signal, onProgress: (p) => (phases.push(p), p === "räknar" && ctl.abort()) })),
    ).rejects.toBeInstanceOf(CommandCancelled);
    expect(phases).toEqual(["läser", "räknar"]);
    expect(sim.snapshot()).toBe(before);
  });
});

describe("versions of a budget round", () => {
  test("Fastställ version copies the tables as values to a dated, protected sheet", async () => {
    const sim = await budgetWorkbook();
    const result = await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-05-01"), user: "Karin" }));
    expect(result.sheet).toBe("Version 2024-05-01");
    expect(await sim.run((ctx) => listVersions(ctx))).toEqual(["Version 2024-05-01"]);
    expect(sim.getValue("'Version 2024-05-01'!A2")).toBe("Fastställd version av Budgetramar och omdisponeringar");
    expect(sim.getValue("'Version 2024-05-01'!A4")).toBe("Tabell: Budgetramar");
    expect(sim.getValue("'Version 2024-05-01'!H6")).toBe(5_175_500_000);
    expect(sim.getFormula("'Version 2024-05-01'!H6")).toBeNull(); // a value, not a formula
    const snapshot = JSON.parse(sim.snapshot());
    expect(snapshot.sheets.find((s: { name: string }) => s.name === "Version 2024-05-01").protection.protected).toBe(true);
    const again = await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-05-01") }));
    expect(again.sheet).toBe("Version 2024-05-01 (2)");
  });

  test("comparing a version with today lists the changed amount and the new omdisponering, row by row", async () => {
    const sim = await budgetWorkbook();
    await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-05-01") }));
    sim.setCell("Budget!N4", 5_000_000);
    sim.setCell("Budget!C6", 402_000_000);
    const result = await sim.run((ctx) => compareVersions(ctx, "budget", "Version 2024-05-01"));
    const lines = result.summary.slice(1);
    // The two inputs changed, and what they do to the frames: HSN's and RS's proposals in 2024–2026, RUN's frame in 2024.
    expect(lines).toHaveLength(16);
    expect(lines).toContain("Omdisponeringar HSN/1222/2023, Belopp per år: 4\u00A0500\u00A0000\u00A0kr → 5\u00A0000\u00A0000\u00A0kr (+500\u00A0000\u00A0kr)");
    expect(lines).toContain("Budgetramar RUN 2024, Ram enligt RF: 402\u00A0500\u00A0000\u00A0kr → 402\u00A0000\u00A0000\u00A0kr (\u2212500\u00A0000\u00A0kr)");
    expect(lines).toContain("Budgetramar HSN 2026, Ram om förslagen bifalls: 5\u00A0490\u00A0500\u00A0000\u00A0kr → 5\u00A0490\u00A0000\u00A0000\u00A0kr (\u2212500\u00A0000\u00A0kr)");
    expect(sim.getValue("Jämförelse!A1")).toBe("Jämförelse: Version 2024-05-01 mot nuläget");
    expect(sim.getValue("Jämförelse!D4")).toBe("Förslag till omdisponering");
    expect(sim.getValue("Jämförelse!G4")).toBe(-500_000);
  });

  test("two versions compared, a removed row is named", async () => {
    const sim = await budgetWorkbook();
    await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-05-01") }));
    sim.setCell("Budget!K5", "RUN/78/2024");
    await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-06-01") }));
    const result = await sim.run((ctx) => compareVersions(ctx, "budget", "Version 2024-05-01", "Version 2024-06-01"));
    expect(result.differences!.map((d) => `${d.key} ${d.change}`)).toEqual(["RUN/78/2024 ny", "RUN/77/2024 borttagen"]);
  });
});

describe("protection", () => {
  test("computed columns locked, input columns editable, and a recompute still works on the protected sheet", async () => {
    const sim = await budgetWorkbook();
    sim.setCell("Budget!F5", null); // a formula lost before protection; the recompute must restore it through the protection
    await sim.run((ctx) => protectModel(ctx, "budget", "hemligt"));
    const state = await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Budget");
      ws.protection.load("protected");
      const input = ws.getRange("N4").format.protection.load("locked");
      const computed = ws.getRange("F4").format.protection.load("locked");
      await ctx.sync();
      return { protected: ws.protection.protected, input: input.locked, computed: computed.locked };
    });
    expect(state).toEqual({ protected: true, input: false, computed: true });
    // An API write to a computed cell is refused while protected, as in Excel.
    await expect(sim.run(async (ctx) => { ctx.workbook.worksheets.getItem("Budget").getRange("F4").values = [[1]]; await ctx.sync(); })).rejects.toMatchObject({ code: "AccessDenied" });
    expect(() => sim.setCell("Budget!F6", 1)).toThrow(); // a person cannot type into a locked cell either
    const result = await sim.run((ctx) => recomputeModel(ctx, "budget", { password: "hemligt" }));
    expect(result.cellsWritten).toBe(1);
    expect(sim.getValue("Budget!F5")).toBe(912_400_000);
    const after = await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Budget").protection.load("protected");
      await ctx.sync();
      return p.protected;
    });
    expect(after).toBe(true);
    await sim.run((ctx) => unprotectModel(ctx, "budget", "hemligt"));
  });
});

describe("text from outside never becomes a formula", () => {
  test.each(["=HYPERLINK(\"http://example.com\")", "+46 63 15 39 09", "-1+2", "@SUM(A1)"])("%j stays text in a motivering", async (text) => {
    const sim = await budgetWorkbook();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Budget").getRange("T4").values = [[`'${text}`]];
      await ctx.sync();
    });
    await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-05-01") }));
    // Omdisponeringar's first row on the version sheet: row 21, Motivering in column J.
    expect(sim.getValue("'Version 2024-05-01'!J20")).toBe("Motivering");
    expect(sim.getFormula("'Version 2024-05-01'!J21")).toBeNull();
    expect(sim.getValue("'Version 2024-05-01'!J21")).toBe(text);
  });
});

describe("the schema version the workbook records", () => {
  test("a new model records its version; an older workbook is brought up to date; a newer one is refused", async () => {
    const sim = await budgetWorkbook();
    const setting = () => JSON.parse(sim.snapshot()).settings["ramkoll.schema.budget"];
    expect(setting()).toBe(1);
    await sim.run(async (ctx) => {
      ctx.workbook.settings.getItem("ramkoll.schema.budget").delete();
      await ctx.sync();
    });
    const migrated = await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(migrated.summary[0]).toBe("Arbetsboken uppdaterades från schemaversion 0 till 1.");
    expect(setting()).toBe(1);
    await sim.run(async (ctx) => {
      ctx.workbook.settings.add("ramkoll.schema.budget", 2);
      await ctx.sync();
    });
    const before = sim.snapshot();
    await expect(sim.run((ctx) => recomputeModel(ctx, "budget"))).rejects.toThrow(/nyare version av Ramkoll/);
    expect(sim.snapshot()).toBe(before);
  });

  test("extra columns a person adds to a table are left alone", async () => {
    const sim = await budgetWorkbook();
    sim.setCell("Budget!X3", "Min anteckning");
    sim.setCell("Budget!X4", "kolla med RF");
    expect(sim.table("Omdisponeringar").headers).toContain("Min anteckning");
    sim.setCell("Budget!V4", null);
    const result = await sim.run((ctx) => recomputeModel(ctx, "budget"));
    expect(result.cellsWritten).toBe(1);
    expect(sim.getValue("Budget!X4")).toBe("kolla med RF");
    expect(sim.getValue("Budget!V4")).toBe(2024);
  });
});

describe("versions of every model", () => {
  test("stimulansmedel: frozen, compared with today (nothing differs), then a granted amount changed is named", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
    const frozen = await sim.run((ctx) => freezeVersion(ctx, "stimulansmedel", { now: at("2016-10-01") }));
    const same = await sim.run((ctx) => compareVersions(ctx, "stimulansmedel", frozen.sheet));
    expect(same.differences).toEqual([]);
    const purposes = sim.table("Syften");
    const amount = purposes.headers.indexOf("Fast belopp");
    const row = purposes.rows.findIndex((r) => typeof r[amount] === "number");
    const { range } = splitSheet(purposes.address);
    const start = parseRange(range).start;
    const address = `${purposes.sheet}!${cellAddress({ row: start.row + 1 + row, col: start.col + amount })}`;
    const before = Number(sim.getValue(address));
    sim.setCell(address, before + 1000);
    const changed = await sim.run((ctx) => compareVersions(ctx, "stimulansmedel", frozen.sheet));
    expect(changed.differences!.filter((d) => d.table === "Syften").map((d) => [d.column, d.difference?.toNumber()])).toContainEqual(["Fast belopp", 1000]);
  });

  test("månadsrapport: a frozen version compared with today finds nothing, empty tables included", async () => {
    const sim = new ExcelSimulator();
    await sim.run((ctx) => createModel(ctx, "manadsrapport", { withExamples: true }));
    const frozen = await sim.run((ctx) => freezeVersion(ctx, "manadsrapport", { now: at("2020-11-20") }));
    const same = await sim.run((ctx) => compareVersions(ctx, "manadsrapport", frozen.sheet));
    expect(same.differences).toEqual([]);
  });

  test("each model lists only its own versions", async () => {
    const sim = await budgetWorkbook();
    await sim.run((ctx) => createModel(ctx, "stimulansmedel", { withExamples: true }));
    await sim.run((ctx) => freezeVersion(ctx, "budget", { now: at("2024-05-01") }));
    await sim.run((ctx) => freezeVersion(ctx, "stimulansmedel", { now: at("2024-05-01") }));
    expect(await sim.run((ctx) => listVersions(ctx))).toEqual(["Version 2024-05-01", "Version 2024-05-01 (2)"]);
    expect(await sim.run((ctx) => listVersions(ctx, "budget"))).toEqual(["Version 2024-05-01"]);
    expect(await sim.run((ctx) => listVersions(ctx, "stimulansmedel"))).toEqual(["Version 2024-05-01 (2)"]);
    expect(await sim.run((ctx) => listVersions(ctx, "manadsrapport"))).toEqual([]);
  });
});
