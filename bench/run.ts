/**
 * Speed and memory of the main paths, on generated models of controller
 * scale and beyond. Prints medians; nothing here asserts time.
 */
import { performance } from "node:perf_hooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { budgetModel } from "../src/workbook/models/budget";
import { generatedBudget } from "../tests/support/generate";
import { ExcelSimulator } from "../tests/excel-sim";
import { createFromTables, recomputeModel } from "../src/excel/commands";
import { runModel } from "../src/workbook/model";
import { createWrites, recomputeWrites } from "../src/workbook/writes";
import { writePlanToFile } from "../src/xlsx/writePlan";
import { RawTable } from "../src/workbook/table";

async function time(label: string, runs: number, fn: () => unknown | Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const heap = process.memoryUsage().heapUsed / 1024 / 1024;
  console.log(`${label.padEnd(64)} median ${median.toFixed(1).padStart(8)} ms   heap ${heap.toFixed(0)} MB`);
}

/** The Office.js path end to end, against the Excel simulator (HyperFormula computes its formulas). */
async function simulated(n: number): Promise<void> {
  const sim = new ExcelSimulator();
  const t0 = performance.now();
  await sim.run((ctx) => createFromTables(ctx, "budget", generatedBudget(n)));
  const created = { ms: performance.now() - t0, syncs: sim.stats.syncs, bytes: Math.max(...sim.stats.requests.map((r) => r.bytes)) };
  sim.setCell("Budget!F4", null);
  sim.resetStats();
  const t1 = performance.now();
  const result = await sim.run((ctx) => recomputeModel(ctx, "budget"));
  const ms = performance.now() - t1;
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  console.log(
    `simulator, ${n} omdisponeringar: create ${created.ms.toFixed(0)} ms in ${created.syncs} request(s), largest ${kb(created.bytes)}; ` +
      `recompute ${ms.toFixed(0)} ms in ${sim.stats.syncs} requests, ${result.cellsWritten} cell(s) written`,
  );
}

async function main(): Promise<void> {
  console.log(`Ramkoll bench, node ${process.version}`);
  const dir = mkdtempSync(join(tmpdir(), "ramkoll-bench-"));
  for (const n of [10, 1_000, 10_000]) {
    const tables = generatedBudget(n);
    const map = new Map(tables.map((t) => [t.name, t]));
    await time(`budget: parse + compute + plan, ${n} omdisponeringar`, 5, () => runModel(budgetModel, map, { seed: true }));
    const out = runModel(budgetModel, map, { seed: true }).outcome!;
    await time(`budget: writes for a new model, ${n} omdisponeringar`, 5, () => createWrites(out.plan));
    const current = new Map(
      out.plan.sheets[0].tables.map((t, k) => [
        t.name,
        {
          ...tables[k],
          values: t.rows.map((r) => r.map((c) => c.value)),
          formulas: t.rows.map((r) => r.map((c) => c.formula ?? c.value)),
        } as RawTable,
      ]),
    );
    await time(`budget: recompute diff (nothing changed), ${n} omdisponeringar`, 5, () => recomputeWrites(out.plan, current, out.tableRows));
    await time(`budget: write .xlsx through ExcelJS, ${n} omdisponeringar`, 3, () => writePlanToFile(out.plan, join(dir, `b${n}.xlsx`)));
  }
  for (const n of [10, 10_000]) await simulated(n);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
