/**
 * The models Ramkoll knows, by id, title and first sheet: all the task pane
 * and the ribbon need before a model is used, so the models' own code loads
 * only when it is used.
 */
export type ModelId = "budget" | "manadsrapport" | "stimulansmedel";

export const MODEL_TITLES: Record<ModelId, string> = {
  budget: "Budgetramar och omdisponeringar",
  manadsrapport: "Månadsrapport",
  stimulansmedel: "Stimulansmedel",
};

/** Each model's first sheet, where its input starts; the models' schemas take their sheet names from here. */
export const MODEL_SHEETS: Record<ModelId, string> = {
  budget: "Budget",
  manadsrapport: "Rapportdata",
  stimulansmedel: "Stimulansmedel",
};

export const MODEL_IDS = Object.keys(MODEL_TITLES) as ModelId[];

/** The setting in which a workbook records the schema version of a model it holds. */
export function schemaSettingKey(model: string): string {
  return `ramkoll.schema.${model}`;
}

/**
 * The models a workbook holds, in catalog order: those whose schema version it
 * records (as every model Ramkoll creates does) or whose first sheet it has
 * (a model typed or copied in by hand). Sheet names compare as Excel compares
 * them, without regard to case.
 */
export function modelsInWorkbook(sheetNames: readonly string[], settingKeys: Iterable<string>): ModelId[] {
  const sheets = new Set(sheetNames.map((n) => n.toLowerCase()));
  const keys = new Set(settingKeys);
  return MODEL_IDS.filter((id) => keys.has(schemaSettingKey(id)) || sheets.has(MODEL_SHEETS[id].toLowerCase()));
}
