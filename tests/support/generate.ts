/** Generated budget models of any size, for the sync-count, size and speed tests. */
import { SeedRow, seedTable } from "../../src/workbook/build";
import { BUDGETRAMAR, OMDISPONERINGAR } from "../../src/workbook/models/budget";
import { RawTable } from "../../src/workbook/table";

/** Frames for four organs over 2024–2026 and `n` omdisponeringar between them, every field varied. */
export function generatedBudget(n: number, motiveringLength = 0): RawTable[] {
  const organs = ["HSN", "RS", "RUN", "PN"];
  const frames: SeedRow[] = [];
  for (const year of [2024, 2025, 2026]) for (const organ of organs) frames.push({ organ, year, ram: "9 000 mkr" });
  const omd: SeedRow[] = Array.from({ length: n }, (_, i) => ({
    diarienummer: `HSN/${1000 + i}/2023`,
    from: organs[i % 4],
    to: organs[(i + 1) % 4],
    amount: `${(i % 97) + 1} ${String(i % 1000).padStart(3, "0")},50 kr`,
    validFrom: `${2024 + (i % 3)}-0${(i % 9) + 1}-01`,
    varaktighet: i % 2 ? "Engång" : "Permanent",
    status: i % 3 ? "Beslutad" : "Förslag",
    beslutandeOrgan: "RF",
    beslutsdatum: "2023-11-28",
    motivering: `Omdisponering nummer ${i + 1}`.padEnd(motiveringLength, " enligt beslut"),
  }));
  return [seedTable(BUDGETRAMAR, frames), seedTable(OMDISPONERINGAR, omd)];
}
