/** Problems with their place in the workbook, in the words a controller uses. */
import { Severity } from "../domain/problem";

export interface Place {
  sheet: string;
  table?: string;
  /** 1-based data row in the table (the header is row 0). */
  row?: number;
  column?: string;
  /** Cell address without the sheet, e.g. "C5". */
  cell?: string;
}

export interface LocatedProblem {
  severity: Severity;
  code: string;
  /** The sentence about what was found and what was expected, without the place. */
  message: string;
  place?: Place;
  /** A correction the user may choose to apply to the input cell at `place` (Ramkoll never applies it by itself). */
  fix?: { value: string | number | boolean; label: string; formula?: boolean };
}

/** "Budget!C5 (tabellen Omdisponeringar, rad 2, kolumnen Belopp)" */
export function describePlace(place: Place): string {
  const where = place.cell ? `${place.sheet}!${place.cell}` : `bladet ${place.sheet}`;
  const parts: string[] = [];
  if (place.table) parts.push(`tabellen ${place.table}`);
  if (place.row !== undefined) parts.push(`rad ${place.row}`);
  if (place.column) parts.push(`kolumnen ${place.column}`);
  return parts.length ? `${where} (${parts.join(", ")})` : where;
}

export function describeProblem(p: LocatedProblem): string {
  const label = p.severity === "fel" ? "Fel" : "Varning";
  return p.place ? `${label} i ${describePlace(p.place)}: ${p.message}` : `${label}: ${p.message}`;
}
