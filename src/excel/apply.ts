/**
 * Executes planned writes through Office.js, one request per batch. This is
 * the only place that turns a Write into Excel calls.
 */
import { Write, batchWrites } from "../workbook/writes";

/** Excel on the web refuses requests over 5 MB; a margin covers Office.js's own envelope. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

function queue(context: Excel.RequestContext, w: Write): void {
  const sheets = context.workbook.worksheets;
  switch (w.kind) {
    case "addSheet":
      sheets.add(w.sheet);
      return;
    case "activate":
      sheets.getItem(w.sheet).activate();
      return;
    case "chart": {
      const sheet = sheets.getItem(w.sheet);
      const chart = sheet.charts.add(w.chart.type as Excel.ChartType, sheet.getRange(w.chart.source), w.chart.seriesBy as Excel.ChartSeriesBy);
      chart.name = w.chart.name;
      chart.title.text = w.chart.title;
      chart.setPosition(w.chart.from, w.chart.to);
      return;
    }
    case "addTable": {
      const table = sheets.getItem(w.sheet).tables.add(w.address, true);
      table.name = w.name;
      table.style = w.style;
      return;
    }
    case "resizeTable":
      context.workbook.tables.getItem(w.name).resize(w.address);
      return;
    default:
      break;
  }
  const range = sheets.getItem(w.sheet).getRange(w.address);
  switch (w.kind) {
    case "cells":
      range.formulas = w.cells as unknown as string[][];
      return;
    case "fill":
      // One formula for the whole range, as Excel fills a calculated column; Office.js accepts a single value here.
      (range as unknown as { formulas: string }).formulas = w.formula;
      return;
    case "numberFormat":
      (range as unknown as { numberFormat: string }).numberFormat = w.format;
      return;
    case "listValidation":
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: w.choices.join(",") } };
      return;
    case "columnWidth":
      range.format.columnWidth = w.width;
      return;
    case "font":
      if (w.bold !== undefined) range.format.font.bold = w.bold;
      if (w.size !== undefined) range.format.font.size = w.size;
      if (w.wrap !== undefined) range.format.wrapText = w.wrap;
      return;
  }
}

/** Applies the writes in as few requests as the size limit allows; returns the number of syncs. */
export async function applyWrites(context: Excel.RequestContext, writes: readonly Write[]): Promise<number> {
  const batches = batchWrites(writes, MAX_REQUEST_BYTES);
  let syncs = 0;
  for (const batch of batches) {
    for (const w of batch) queue(context, w);
    // One request per batch is the point: the batches exist because one request may not exceed 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }
  return syncs;
}
