/**
 * LibreOffice as the second, independent formula engine: converts an .xlsx
 * to .xlsx with recalculation on load forced, so every formula cell of the
 * result holds LibreOffice's own value, not the cached one we wrote. It also
 * opens what we write as a real spreadsheet application would (charts too).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export function findSoffice(): string | undefined {
  for (const p of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"]) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

// OOXMLRecalcMode 0 = always recalculate files from Excel on load.
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

/**
 * Converts a file with LibreOffice (headless, a fresh profile), e.g. to "ods"
 * or "xlsx:Calc MS Excel 2007 XML", and returns the converted file's path.
 * With recalc, formulas in files from Excel are recalculated on load.
 */
export function convert(inputPath: string, format: string, options: { recalc?: boolean } = {}): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  const work = mkdtempSync(join(tmpdir(), "ramkoll-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  if (options.recalc) writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
  const outDir = join(work, "out");
  mkdirSync(outDir);
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, inputPath],
    { stdio: "pipe", timeout: 120_000 },
  );
  const extension = format.split(":")[0];
  const out = join(outDir, `${basename(inputPath).replace(/\.[^.]*$/, "")}.${extension}`);
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
  return out;
}

export function recalculate(inputPath: string): string {
  return convert(inputPath, "xlsx:Calc MS Excel 2007 XML", { recalc: true });
}
