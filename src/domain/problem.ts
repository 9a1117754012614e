/**
 * A problem the domain finds in a model. It points at an entity and a field,
 * never at a cell: the workbook layer knows where that entity lives and turns
 * the reference into a sheet, table, row, column and cell address.
 */
export type Severity = "fel" | "varning";

export interface EntityRef {
  /** The collection in the model, e.g. "frames" or "omdisponeringar". */
  collection: string;
  /** Position in that collection, from 0. */
  index: number;
  /** The field, e.g. "amount"; absent when the whole row is meant. */
  field?: string;
}

export interface DomainProblem {
  severity: Severity;
  /** Stable code, for tests and for grouping in the task pane. */
  code: string;
  /** Swedish, complete as a sentence, with what was found and what was expected. */
  message: string;
  ref?: EntityRef;
}

export function hasErrors(problems: readonly { severity: Severity }[]): boolean {
  return problems.some((p) => p.severity === "fel");
}
