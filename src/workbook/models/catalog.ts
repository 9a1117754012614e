/**
 * The models Ramkoll knows, by id and title: all the task pane needs before
 * the user picks one, so the models' own code loads only when it is used.
 */
export type ModelId = "budget" | "manadsrapport" | "stimulansmedel";

export const MODEL_TITLES: Record<ModelId, string> = {
  budget: "Budgetramar och omdisponeringar",
  manadsrapport: "Månadsrapport",
  stimulansmedel: "Stimulansmedel",
};

export const MODEL_IDS = Object.keys(MODEL_TITLES) as ModelId[];
