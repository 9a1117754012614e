/** Every model Ramkoll knows, by id. */
import { budgetModel } from "./budget";
import { grantModel } from "./grant";
import { reportModel } from "./report";
import { ModelDefinition } from "../model";

// The registry erases each model's own types; commands only pass them through the pipeline.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const MODELS: Record<string, ModelDefinition<any, any>> = {
  budget: budgetModel,
  manadsrapport: reportModel,
  stimulansmedel: grantModel,
};

export type ModelId = "budget" | "manadsrapport" | "stimulansmedel";

export function modelById(id: string) {
  const def = MODELS[id];
  if (!def) throw new Error(`unknown model ${id}`);
  return def;
}
