/** Every model Ramkoll knows, by id, loaded at once: for the command line and tests. */
import { budgetModel } from "./budget";
import { grantModel } from "./grant";
import { reportModel } from "./report";
import { ModelId } from "./catalog";
import { AnyModel } from "./load";

export type { ModelId } from "./catalog";
export { MODEL_IDS, MODEL_TITLES } from "./catalog";

export const MODELS: Record<ModelId, AnyModel> = {
  budget: budgetModel,
  manadsrapport: reportModel,
  stimulansmedel: grantModel,
};
