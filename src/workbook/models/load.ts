/**
 * Loads a model's definition on demand. In the task pane each model is a
 * chunk of its own, fetched the first time it is used, which keeps what the
 * pane loads at start small; in Node this is a plain require.
 */
import { ModelDefinition } from "../model";
import { ModelId } from "./catalog";

// The registry erases each model's own types; commands only pass them through the pipeline.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = ModelDefinition<any, any>;

export async function loadModel(id: ModelId): Promise<AnyModel> {
  switch (id) {
    case "budget":
      return (await import(/* webpackChunkName: "model-budget" */ "./budget")).budgetModel;
    case "manadsrapport":
      return (await import(/* webpackChunkName: "model-manadsrapport" */ "./report")).reportModel;
    case "stimulansmedel":
      return (await import(/* webpackChunkName: "model-stimulansmedel" */ "./grant")).grantModel;
    default:
      throw new Error(`unknown model ${String(id)}`);
  }
}
