/**
 * Makes the simulated Excel about as slow as Excel on the web: every
 * `context.sync()` waits before it runs, so the task pane's progress and its
 * Cancel button can be seen and used. Only the playground does this; the
 * simulator itself answers at once.
 */
import type { ExcelSimulator } from "../tests/excel-sim";

type Batch = (context: Excel.RequestContext) => Promise<unknown>;

export function addLatency(sim: ExcelSimulator, ms: number): void {
  if (ms <= 0) return;
  const excel = (globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
  excel.run = (...args: unknown[]) => {
    const batch = args[args.length - 1] as Batch;
    return sim.run((context) => {
      const ctx = context as unknown as { sync: (value?: unknown) => Promise<unknown> };
      const sync = ctx.sync.bind(ctx);
      ctx.sync = (value?: unknown) => delay(ms).then(() => sync(value));
      return batch(context);
    });
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
