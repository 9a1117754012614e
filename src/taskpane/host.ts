// What the task pane needs from a workbook. The real one (excel.ts) runs the
// commands through Excel.run; the playground hands the same components one that
// runs them against a simulated workbook.
import type { CommandPhase, CommandResult, LocatedProblem, ModelId, Place } from "../excel/commands";
import type { RoundResult } from "../excel/rounds";

export type { CommandPhase, RoundResult };

/** How a person can follow and stop a command while it runs. */
export interface RunOptions {
  /** Aborted before the writes start: the command stops and nothing is written. */
  signal?: AbortSignal;
  /** Told as the command moves from reading to computing to writing. */
  onProgress?: (phase: CommandPhase) => void;
  /** For sheets protected with a password; never stored. */
  password?: string;
}

export interface RamkollHost {
  /** Writes a model's sheets and tables; rejects with a CommandError when it refuses (nothing written). */
  create(model: ModelId, opts: { withExamples: boolean }, run?: RunOptions): Promise<CommandResult>;
  /** Recomputes, reconciles and writes the reports; rejects with a CommandError when it refuses (nothing written). */
  recompute(model: ModelId, run?: RunOptions): Promise<CommandResult>;
  /** Accepts a proposal the last recompute showed: writes its inputs and recomputes; rejects when it is stale (nothing written). */
  acceptProposal(model: ModelId, proposalId: string, run?: RunOptions): Promise<CommandResult>;
  /** Freezes the model as a dated, protected version sheet. */
  freeze(model: ModelId, run?: RunOptions): Promise<RoundResult>;
  /** The version sheets in the workbook, oldest first; with a model, only its versions. */
  listVersions(model?: ModelId): Promise<string[]>;
  /** Compares a version with another (`to`) or with the model as it is now (`to` absent). */
  compare(model: ModelId, from: string, to: string | undefined, run?: RunOptions): Promise<RoundResult>;
  /** Locks the computed columns and protects the model's sheets. */
  protect(model: ModelId, password?: string): Promise<RoundResult>;
  unprotect(model: ModelId, password?: string): Promise<RoundResult>;
  /** Applies the corrections the person chose; resolves with the number of cells written. */
  applyFixes(problems: readonly LocatedProblem[], run?: RunOptions): Promise<number>;
  /** The models the open workbook holds, so the pane opens on the one in use. */
  findModels?(): Promise<ModelId[]>;
  /** Shows a problem's place in the workbook. */
  select(place: Place): Promise<void>;
}
