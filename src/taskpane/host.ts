// What the task pane needs from a workbook. The real one (excel.ts) runs the
// commands through Excel.run; a browser playground can hand the same components
// one that runs them against a simulated workbook.
import type { CommandResult, ModelId, Place } from "../excel/commands";

export interface RamkollHost {
  /** Writes a model's sheets and tables; rejects with a CommandError when it refuses (nothing written). */
  create(model: ModelId, opts: { withExamples: boolean }): Promise<CommandResult>;
  /** Recomputes a model's computed cells; rejects with a CommandError when it refuses (nothing written). */
  recompute(model: ModelId): Promise<CommandResult>;
  /** Shows a problem's place in the workbook. */
  select(place: Place): Promise<void>;
}
