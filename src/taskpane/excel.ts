// The task pane's only Office.js code: runs the commands in src/excel/ inside
// Excel.run, one batch each; the round commands (versions, protection) load
// when first used. The playground uses this same host against the Excel
// simulator's Excel.run.
import { acceptProposal, applyFixes, createModel, findModels, recomputeModel, selectCell, type CommandEnv } from "../excel/commands";
import { listVersions } from "../excel/versionList";
import type { RamkollHost, RunOptions } from "./host";

const rounds = () => import(/* webpackChunkName: "rounds" */ "../excel/rounds");

function env(run: RunOptions = {}): CommandEnv {
  return { signal: run.signal, onProgress: run.onProgress, password: run.password || undefined };
}

export const excelHost: RamkollHost = {
  create(model, opts, run) {
    return Excel.run((context) => createModel(context, model, opts, env(run)));
  },
  recompute(model, run) {
    return Excel.run((context) => recomputeModel(context, model, env(run)));
  },
  acceptProposal(model, proposalId, run) {
    return Excel.run((context) => acceptProposal(context, model, proposalId, env(run)));
  },
  async freeze(model, run) {
    const { freezeVersion } = await rounds();
    return Excel.run((context) => freezeVersion(context, model, env(run)));
  },
  listVersions(model) {
    return Excel.run((context) => listVersions(context, model));
  },
  async compare(model, from, to, run) {
    const { compareVersions } = await rounds();
    return Excel.run((context) => compareVersions(context, model, from, to, env(run)));
  },
  async protect(model, password) {
    const { protectModel } = await rounds();
    return Excel.run((context) => protectModel(context, model, password || undefined));
  },
  async unprotect(model, password) {
    const { unprotectModel } = await rounds();
    return Excel.run((context) => unprotectModel(context, model, password || undefined));
  },
  applyFixes(problems, run) {
    return Excel.run((context) => applyFixes(context, problems, env(run)));
  },
  findModels() {
    return Excel.run((context) => findModels(context));
  },
  select(place) {
    // A place without a cell (a whole sheet or table) is shown from its first cell.
    return Excel.run((context) => selectCell(context, place.sheet, place.cell ?? "A1"));
  },
};
