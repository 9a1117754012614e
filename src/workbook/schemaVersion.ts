/**
 * Each workbook records which version of a model's sheet schema it holds, in
 * the add-in's workbook settings. A recompute refuses a workbook made by a
 * newer Ramkoll, and brings an older one up to date before anything else.
 */
import { schemaSettingKey } from "./models/catalog";
import { LocatedProblem } from "./problem";
import { Write } from "./writes";

export { schemaSettingKey };

export interface Migration {
  /** Brings a workbook from version `from` to `from + 1`. */
  from: number;
  describe: string;
  writes(): Write[];
}

export interface SchemaCheck {
  problems: LocatedProblem[];
  writes: Write[];
  /** What was done, for the summary. */
  notes: string[];
}

/**
 * Compares the recorded version with the add-in's. Workbooks from before
 * versions were recorded count as version 0, whose sheets are those of
 * version 1, so their migration only records the version.
 */
export function checkSchema(
  model: string,
  title: string,
  sheet: string,
  current: number,
  recorded: unknown,
  migrations: readonly Migration[] = [],
): SchemaCheck {
  const key = schemaSettingKey(model);
  const found = typeof recorded === "number" ? recorded : recorded === undefined ? 0 : Number.NaN;
  if (Number.isNaN(found) || found > current) {
    return {
      problems: [
        {
          severity: "fel",
          code: "schema.newer",
          message: `Arbetsbokens ${title} är skapad med en nyare version av Ramkoll (schemaversion ${String(recorded)}, detta tillägg kan ${current}). Uppdatera tillägget innan du räknar om.`,
          place: { sheet },
        },
      ],
      writes: [],
      notes: [],
    };
  }
  if (found === current) return { problems: [], writes: [], notes: [] };
  const writes: Write[] = [];
  const notes: string[] = [];
  for (let v = found; v < current; v++) {
    const m = migrations.find((x) => x.from === v);
    if (m) {
      writes.push(...m.writes());
      notes.push(m.describe);
    }
  }
  writes.push({ kind: "setting", key, value: current });
  notes.push(`Arbetsboken uppdaterades från schemaversion ${found} till ${current}.`);
  return { problems: [], writes, notes };
}
