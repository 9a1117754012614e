/**
 * Executes planned writes through Office.js, one request per batch. This is
 * the only place that turns a Write into Excel calls.
 */
import { Write, batchWrites } from "../workbook/writes";

/** Excel on the web refuses requests over 5 MB; a margin covers Office.js's own envelope. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** What a person may still do on a protected model sheet: everything but editing locked cells. */
const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowFormatCells: true,
  allowInsertRows: true,
  allowDeleteRows: true,
};

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
      w.chart.fills?.forEach((fill, i) => {
        if (!fill) return;
        const format = chart.series.getItemAt(i).format;
        if (fill === "none") {
          // Invisible: no fill and no outline (a bridge's base, on which the step floats).
          format.fill.clear();
          format.line.lineStyle = "None";
        } else {
          format.fill.setSolidColor(fill);
        }
      });
      if (w.chart.legend === false) chart.legend.visible = false;
      return;
    }
    case "setting":
      context.workbook.settings.add(w.key, w.value);
      return;
    case "deleteChart":
      sheets.getItem(w.sheet).charts.getItem(w.name).delete();
      return;
    case "addTable": {
      const table = sheets.getItem(w.sheet).tables.add(w.address, true);
      table.name = w.name;
      table.style = w.style;
      return;
    }
    case "deleteSheet":
      sheets.getItem(w.sheet).delete();
      return;
    case "protectSheet":
      sheets.getItem(w.sheet).protection.protect(PROTECTION, w.password);
      return;
    case "unprotectSheet":
      sheets.getItem(w.sheet).protection.unprotect(w.password);
      return;
    case "deleteSheetIfExists":
      throw new Error("deleteSheetIfExists needs the sheet list; applyUndo handles it");
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
    case "lock":
      range.format.protection.locked = w.locked;
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

/**
 * Puts the workbook back after a request failed half way: Excel keeps the
 * operations of a failed request that ran before the failure, so the whole
 * undo is applied (it is idempotent). Sheets are deleted only if they exist.
 */
async function applyUndo(context: Excel.RequestContext, undo: readonly Write[]): Promise<void> {
  const deletions = undo.filter((w) => w.kind === "deleteSheetIfExists");
  if (deletions.length) {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const present = new Set(sheets.items.map((s) => s.name));
    for (const d of deletions) if (present.has(d.sheet)) context.workbook.worksheets.getItem(d.sheet).delete();
  }
  await applyWrites(
    context,
    undo.filter((w) => w.kind !== "deleteSheetIfExists"),
  );
  await context.sync();
}

export class WriteFailed extends Error {
  constructor(
    message: string,
    readonly cause: unknown,
    readonly restored: boolean,
  ) {
    super(message);
    this.name = "WriteFailed";
  }
}

function describeOfficeError(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: string; message?: string };
    return [o.code, o.message].filter(Boolean).join(": ");
  }
  return String(e);
}

/**
 * Applies the writes; if a request fails, applies the undo and throws, so
 * that a command that cannot finish leaves the workbook as it was.
 */
export async function applyOrRestore(context: Excel.RequestContext, writes: readonly Write[], undo: readonly Write[]): Promise<number> {
  try {
    return await applyWrites(context, writes);
  } catch (e) {
    try {
      await applyUndo(context, undo);
    } catch (undoError) {
      throw new WriteFailed(
        `Excel avbröt skrivningen (${describeOfficeError(e)}) och Ramkoll kunde inte återställa arbetsboken (${describeOfficeError(undoError)}). Stäng arbetsboken utan att spara, eller ångra ändringarna med Ctrl+Z.`,
        e,
        false,
      );
    }
    throw new WriteFailed(`Excel avbröt skrivningen (${describeOfficeError(e)}). Arbetsboken är återställd; inget har ändrats. Försök igen.`, e, true);
  }
}
