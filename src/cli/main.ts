/**
 * The command line: `demo` runs every model on its example data, writes the
 * workbook through ExcelJS and prints a Swedish summary (or JSON).
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { MODELS } from "../workbook/models";
import { runModel } from "../workbook/model";
import { describeProblem } from "../workbook/problem";
import { WorkbookPlan, countCells } from "../workbook/plan";
import { writePlanToFile } from "../xlsx/writePlan";

interface Options {
  command: string;
  json: boolean;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { command: argv[0] ?? "demo", json: false, out: "out/ramkoll-demo.xlsx" };
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === "--json") opts.json = true;
    else if (argv[i] === "--out") opts.out = argv[++i];
    else throw new Error(`Okänt argument: ${argv[i]}. Använd: demo [--json] [--out fil.xlsx]`);
  }
  return opts;
}

export async function demo(out: string): Promise<{ plan: WorkbookPlan; lines: string[]; json: Record<string, unknown> }> {
  const merged: WorkbookPlan = { model: "demo", sheets: [] };
  const lines: string[] = [];
  const json: Record<string, unknown> = {};
  for (const def of Object.values(MODELS)) {
    const run = runModel(def, new Map((await def.examples()).map((t) => [t.name, t])), { seed: true });
    if (!run.outcome) {
      throw new Error(`Exemplet ${def.title} har fel:\n${run.problems.map(describeProblem).join("\n")}`);
    }
    const { model, result, plan } = run.outcome;
    merged.sheets.push(...plan.sheets);
    lines.push(`== ${def.title} ==`, ...def.summary(model, result));
    for (const p of run.problems) lines.push(describeProblem(p));
    lines.push("");
    json[def.id] = def.json(model, result);
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  await writePlanToFile(merged, out);
  lines.push(`Skrev ${out}: ${merged.sheets.length} blad, ${countCells(merged)} celler.`);
  return { plan: merged, lines, json };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.command !== "demo") throw new Error(`Okänt kommando: ${opts.command}. Använd: demo [--json] [--out fil.xlsx]`);
  const { lines, json } = await demo(opts.out);
  if (opts.json) process.stdout.write(JSON.stringify(json, null, 2) + "\n");
  else process.stdout.write(lines.join("\n") + "\n");
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
