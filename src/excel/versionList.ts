/**
 * The frozen versions in the workbook: what the task pane reads when it
 * opens, kept apart from the round commands (src/excel/rounds.ts), which load
 * only when a round is run.
 */
import { ModelId } from "../workbook/models/catalog";
import { VERSION_PREFIX } from "../workbook/versionName";
import { readWorkbookState } from "./read";

/** The version sheets, oldest first; with a model, only its versions. */
export async function listVersions(context: Excel.RequestContext, model?: ModelId): Promise<string[]> {
  const state = await readWorkbookState(context);
  const sheets = state.sheetNames.filter((n) => n.startsWith(VERSION_PREFIX)).sort();
  if (!model || sheets.length === 0) return sheets;
  // Each version names its model beside its mark in A1:B1: one more request for all of them.
  const marks = sheets.map((name) => context.workbook.worksheets.getItem(name).getRange("A1:B1").load("values"));
  await context.sync();
  return sheets.filter((_, i) => String(marks[i].values[0][1]) === model);
}
