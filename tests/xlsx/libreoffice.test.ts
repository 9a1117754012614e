import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demo } from "../../src/cli/main";
import { findSoffice, recalculate } from "../support/libreoffice";
import { formulaCells, sameToOre } from "../support/planCells";

// LibreOffice is the independent engine: CI installs libreoffice-calc-nogui, so there it must be present.
const soffice = findSoffice();
if (!soffice && process.env.CI) throw new Error("CI needs LibreOffice: apt-get install libreoffice-calc-nogui");
const maybe = soffice ? test : test.skip;

maybe(
  "LibreOffice, recalculating the demo workbook, gives the exact engine's value in every formula cell",
  async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ramkoll-demo-")), "ramkoll-demo.xlsx");
    const { plan } = await demo(path);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(recalculate(path));
    const cells = formulaCells(plan);
    expect(cells.length).toBeGreaterThan(50);
    const disagreements = cells
      .map((c) => {
        const v = recalculated.getWorksheet(c.sheet)!.getCell(c.address).value as ExcelJS.CellFormulaValue | null;
        const result = v && typeof v === "object" && "formula" in v ? (v.result ?? (typeof c.expected === "number" ? 0 : "")) : v;
        return { ...c, result };
      })
      .filter((c) => !sameToOre(c.result, c.expected));
    expect(disagreements).toEqual([]);
  },
  180_000,
);
