/**
 * Bringing a report sheet up to date: the generic rules every report sheet
 * follows (the monthly report's is the first), on plain data.
 */
import { SheetPlan } from "../../src/workbook/plan";
import { SheetContent, Write, reportSheetWrites } from "../../src/workbook/writes";

const MKR = '#,##0.0,, "Mkr"';

function sheet(rows: { value: string | number; formula?: string }[][], charts: string[] = []): SheetPlan {
  return {
    name: "Rapport",
    role: "report",
    tables: [],
    blocks: [
      { anchor: "A1", rows: [[{ value: "Rubrik" }]], bold: true, fontSize: 14 },
      { anchor: "A2", rows, numberFormats: rows.map((r) => r.map((c) => (typeof c.value === "number" ? MKR : undefined))) },
    ],
    charts: charts.map((name) => ({ name, type: "Line", title: name, source: "A2:B3", seriesBy: "Columns", from: "D1", to: "H10" })),
  };
}

function content(values: (string | number)[][], charts: string[] = []): SheetContent {
  return { values, formulas: values, charts };
}

const kinds = (writes: Write[]) => writes.map((w) => `${w.kind} ${"address" in w ? w.address : "name" in w ? w.name : "chart" in w ? w.chart.name : ""}`);

describe("a report sheet brought up to date", () => {
  test("an unchanged sheet gets no write", () => {
    const plan = sheet([[{ value: "Netto" }, { value: 3_600_000 }]], ["Brygga"]);
    const { writes } = reportSheetWrites(plan, content([["Rubrik", ""], ["Netto", 3_600_000]], ["Brygga"]));
    expect(writes).toEqual([]);
  });

  test("a changed cell gets its content, its number format and its font, since cells move when a report grows", () => {
    const plan = sheet([
      [{ value: "Avvikelse" }, { value: -119_300_000 }],
      [{ value: "Netto" }, { value: 3_600_000 }],
    ]);
    // Before: the heading stood where the first row is now, and a share where the net is.
    const { writes, undo } = reportSheetWrites(plan, content([["Rubrik", ""], ["Avvikelse", -119_300_000], ["Andel", 0.1523]]));
    expect(kinds(writes)).toEqual(["cells A3", "cells B3", "numberFormat A3", "numberFormat B3", "font A3", "font B3"]);
    expect(writes).toContainEqual({ kind: "cells", sheet: "Rapport", address: "B3", cells: [[3_600_000]] });
    expect(writes).toContainEqual({ kind: "numberFormat", sheet: "Rapport", address: "B3", format: MKR });
    expect(writes).toContainEqual({ kind: "numberFormat", sheet: "Rapport", address: "A3", format: "General" });
    expect(writes).toContainEqual({ kind: "font", sheet: "Rapport", address: "A3", bold: false, size: 11, wrap: false });
    // The undo puts back content and number format (the share's format was not read here, so General).
    expect(undo).toEqual([
      { kind: "cells", sheet: "Rapport", address: "A3", cells: [["Andel"]] },
      { kind: "numberFormat", sheet: "Rapport", address: "A3", format: "General" },
      { kind: "cells", sheet: "Rapport", address: "B3", cells: [[0.1523]] },
      { kind: "numberFormat", sheet: "Rapport", address: "B3", format: "General" },
    ]);
    const known = reportSheetWrites(plan, { ...content([["Rubrik", ""], ["Avvikelse", -119_300_000], ["Andel", 0.1523]]), numberFormats: [[], [], ["General", "0.0%"]] });
    expect(known.undo).toContainEqual({ kind: "numberFormat", sheet: "Rapport", address: "B3", format: "0.0%" });
  });

  test("a cell no longer planned is cleared and looks like one never written", () => {
    const plan = sheet([[{ value: "Netto" }, { value: 1 }]]);
    const { writes } = reportSheetWrites(plan, content([["Rubrik", ""], ["Netto", 1], ["Steg", ""]]));
    expect(writes).toEqual([
      { kind: "cells", sheet: "Rapport", address: "A3", cells: [[""]] },
      { kind: "numberFormat", sheet: "Rapport", address: "A3", format: "General" },
      { kind: "font", sheet: "Rapport", address: "A3", bold: false, size: 11, wrap: false },
    ]);
  });

  test("alike formats and fonts of a column run go in one write", () => {
    const plan: SheetPlan = {
      name: "Rapport",
      role: "report",
      tables: [],
      blocks: [{ anchor: "B2", rows: [[{ value: 1 }], [{ value: 2 }], [{ value: 3 }]], numberFormats: [[MKR], [MKR], [MKR]] }],
      charts: [],
    };
    const { writes } = reportSheetWrites(plan, content([]));
    expect(writes).toEqual([
      { kind: "cells", sheet: "Rapport", address: "B2:B4", cells: [[1], [2], [3]] },
      { kind: "numberFormat", sheet: "Rapport", address: "B2:B4", format: MKR },
      { kind: "font", sheet: "Rapport", address: "B2:B4", bold: false, size: 11, wrap: false },
    ]);
  });

  test("a share that changes by less than an öre is written: constants are compared exactly", () => {
    const plan = sheet([[{ value: "Andel" }, { value: 0.1524 }]]);
    const { writes } = reportSheetWrites(plan, content([["Rubrik", ""], ["Andel", 0.1523]]));
    expect(writes).toContainEqual({ kind: "cells", sheet: "Rapport", address: "B2", cells: [[0.1524]] });
    // A float that Excel stored to 15 digits is the same constant.
    expect(reportSheetWrites(plan, content([["Rubrik", ""], ["Andel", 0.15240000000000001]])).writes).toEqual([]);
  });

  test("a chart no longer planned goes, and the planned ones are drawn anew", () => {
    const plan = sheet([[{ value: "Netto" }, { value: 1 }]], ["Brygga 2020-10"]);
    const { writes } = reportSheetWrites(plan, content([["Rubrik", ""], ["Netto", 1]], ["Brygga 2020-09", "Brygga 2020-10"]));
    expect(kinds(writes)).toEqual(["deleteChart Brygga 2020-09", "deleteChart Brygga 2020-10", "chart Brygga 2020-10"]);
  });
});
