// The task pane's only Office.js code: runs the commands in src/excel/commands.ts
// inside Excel.run, one batch each.
import { createModel, recomputeModel, selectCell } from "../excel/commands";
import type { RamkollHost } from "./host";

export const excelHost: RamkollHost = {
  create(model, opts) {
    return Excel.run((context) => createModel(context, model, opts));
  },
  recompute(model) {
    return Excel.run((context) => recomputeModel(context, model));
  },
  select(place) {
    // A place without a cell (a whole sheet or table) is shown from its first cell.
    return Excel.run((context) => selectCell(context, place.sheet, place.cell ?? "A1"));
  },
};
