/**
 * The checks a grant model must pass before any rule runs: each problem says
 * what was found and what was expected, and points at its entity and field.
 * Checks that need a report date (outcome months, the spend-by date) are the
 * follow-up's; checks that belong to one rule (ranks, keys, fixed sums) are
 * that rule's.
 */
import { Decimal, ZERO, formatKr } from "../money";
import { isIsoDate, yearOf } from "../period";
import { DomainProblem, EntityRef, Severity } from "../problem";
import {
  ACTIVITY_STATUSES,
  ACTIVITY_STATUS_LABEL,
  COLLECTION,
  DEADLINE_KINDS,
  GRANT_KINDS,
  GrantModel,
  LEFTOVER_RULES,
  keyOf,
} from "./grant";
import { row } from "./text";

class Found {
  readonly problems: DomainProblem[] = [];
  add(severity: Severity, code: string, message: string, ref: EntityRef): void {
    this.problems.push({ severity, code, message, ref });
  }
}

const grantRef = (field: string): EntityRef => ({ collection: COLLECTION.grant, index: 0, field });

/** Every problem of the model itself; an empty list means the rules can run. */
export function checkGrantModel(model: GrantModel): DomainProblem[] {
  const f = new Found();
  const g = model.grant;

  if (!g.id || !g.id.trim()) f.add("fel", "grant.id.missing", "Statsbidraget saknar id; ange ett kort id, t.ex. psykisk-halsa-2019.", grantRef("id"));
  if (!Number.isInteger(g.year) || g.year < 1900 || g.year > 2200) {
    f.add("fel", "grant.year.invalid", `Året ${String(g.year)} är inget giltigt år; ange året medlen avser, t.ex. 2019.`, grantRef("year"));
  }
  if (!g.amount.isFinite() || g.amount.lte(0)) {
    f.add("fel", "grant.amount.notPositive", `Statsbidragets belopp är ${formatKr(g.amount)}; det ska vara större än noll.`, grantRef("amount"));
  }
  if (g.statedAmount && g.amount.isFinite()) {
    const diff = g.amount.minus(g.statedAmount.value);
    const half = g.statedAmount.step.div(2);
    if (diff.abs().gt(half)) {
      f.add(
        "varning",
        "grant.amount.statedMismatch",
        `Underlaget anger ${g.statedAmount.text}, men beloppet är ${formatKr(g.amount)}; skillnaden ${formatKr(diff.abs())} är större än avrundningen tillåter (${formatKr(half)}).`,
        grantRef("statedAmount"),
      );
    }
  }
  const spendByValid = isIsoDate(g.spendBy);
  if (!spendByValid) {
    f.add("fel", "grant.spendBy.invalid", `Sista dag att använda medlen, "${g.spendBy}", är inget datum; skriv det som ÅÅÅÅ-MM-DD.`, grantRef("spendBy"));
  } else if (Number.isInteger(g.year) && yearOf(g.spendBy) < g.year) {
    f.add("fel", "grant.spendBy.beforeYear", `Sista dag att använda medlen, ${g.spendBy}, ligger före bidragsåret ${g.year}; den kan tidigast vara ${g.year}-01-01.`, grantRef("spendBy"));
  }
  if (g.outcomeYear !== undefined) {
    const last = spendByValid ? yearOf(g.spendBy) : undefined;
    if (!Number.isInteger(g.outcomeYear) || g.outcomeYear < g.year || (last !== undefined && g.outcomeYear > last)) {
      f.add(
        "fel",
        "grant.outcomeYear.invalid",
        `Utfallsåret ${String(g.outcomeYear)} ligger utanför bidragsåret ${g.year} till året för sista användningsdag${last !== undefined ? ` (${last})` : ""}.`,
        grantRef("outcomeYear"),
      );
    }
  }
  if (!LEFTOVER_RULES.includes(g.leftoverRule)) {
    f.add(
      "fel",
      "grant.leftoverRule.unknown",
      `Regeln för överblivna medel "${String(g.leftoverRule)}" är okänd; ange återbetala, behåll med plan eller överför.`,
      grantRef("leftoverRule"),
    );
  }
  if (!GRANT_KINDS.includes(g.kind)) {
    f.add("fel", "grant.kind.unknown", `Typen "${String(g.kind)}" är okänd; ange generellt eller riktat statsbidrag.`, grantRef("kind"));
  }
  if (g.decision && !isIsoDate(g.decision.date)) {
    f.add("fel", "grant.decision.dateInvalid", `Beslutsdatumet "${g.decision.date}" är inget datum; skriv det som ÅÅÅÅ-MM-DD.`, grantRef("decision"));
  }

  g.deadlines.forEach((d, i) => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.deadlines, index: i, field });
    if (!DEADLINE_KINDS.includes(d.kind)) {
      f.add("fel", "grant.deadline.kindUnknown", `Tidpunkten på ${row(i)} har slaget "${String(d.kind)}"; ange återredovisning, rekvisition, återbetalning eller uppföljning.`, ref("kind"));
    }
    if (!isIsoDate(d.due)) {
      f.add("fel", "grant.deadline.dateInvalid", `Tidpunkten på ${row(i)}, "${d.due}", är inget datum; skriv det som ÅÅÅÅ-MM-DD.`, ref("due"));
    } else if (Number.isInteger(g.year) && yearOf(d.due) < g.year) {
      f.add("fel", "grant.deadline.beforeYear", `Tidpunkten ${d.due} för ${d.to} ligger före bidragsåret ${g.year}.`, ref("due"));
    }
    if (!d.to || !d.to.trim()) f.add("fel", "grant.deadline.toMissing", `Tidpunkten på ${row(i)} saknar mottagare; ange till vem, t.ex. SVOM eller Kammarkollegiet.`, ref("to"));
  });

  // Purposes.
  if (g.purposes.length === 0) {
    f.add("fel", "grant.purposes.none", "Statsbidraget har inga syften; ange minst ett syfte som medlen får användas till.", grantRef("purposes"));
  }
  const purposeRow = new Map<string, number>();
  g.purposes.forEach((p, i) => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.purposes, index: i, field });
    const id = keyOf(p.id);
    if (!id) {
      f.add("fel", "grant.purpose.idMissing", `Syftet på ${row(i)} saknar id; ge varje syfte ett kort id.`, ref("id"));
    } else if (purposeRow.has(id)) {
      f.add("fel", "grant.purpose.duplicate", `Syftet ${p.id} finns redan på ${row(purposeRow.get(id)!)}; varje syfte har ett eget id.`, ref("id"));
    } else {
      purposeRow.set(id, i);
    }
    if (p.fixedAmount && p.fixedAmount.isNeg()) {
      f.add("fel", "grant.purpose.fixedNegative", `Syftet ${p.name} har beloppet ${formatKr(p.fixedAmount)}; ett fast belopp är noll eller mer.`, ref("fixedAmount"));
    }
  });

  // Activities.
  const idRow = new Map<string, number>();
  const projectRow = new Map<string, number>();
  const grantedPerPurpose = new Map<string, Decimal>();
  model.activities.forEach((a, i) => {
    const ref = (field: string): EntityRef => ({ collection: COLLECTION.activities, index: i, field });
    const name = a.name?.trim() ? a.name : a.id;
    const id = keyOf(a.id);
    if (!id) {
      f.add("fel", "grant.activity.idMissing", `Aktiviteten på ${row(i)} saknar id; ge varje aktivitet ett eget id.`, ref("id"));
    } else if (idRow.has(id)) {
      f.add("fel", "grant.activity.duplicateId", `Id ${a.id} finns redan på ${row(idRow.get(id)!)}; varje aktivitet har ett eget id.`, ref("id"));
    } else {
      idRow.set(id, i);
    }
    if (!purposeRow.has(keyOf(a.purposeId))) {
      const known = g.purposes.map((p) => p.id).join(", ");
      f.add("fel", "grant.activity.purposeUnknown", `Aktiviteten ${name} anger syftet "${a.purposeId}", som inte finns; ange ett av ${known || "statsbidragets syften"}.`, ref("purposeId"));
    }
    if (a.asked.isNeg()) {
      f.add("fel", "grant.activity.askedNegative", `Aktiviteten ${name} har ansökt belopp ${formatKr(a.asked)}; ansökt belopp är noll eller mer.`, ref("asked"));
    }
    if (!ACTIVITY_STATUSES.includes(a.status)) {
      f.add("fel", "grant.activity.statusUnknown", `Aktiviteten ${name} har status "${String(a.status)}"; ange förslag, beviljad, avslagen eller väntelista.`, ref("status"));
    }
    const granted = a.granted ?? ZERO;
    if (granted.isNeg()) {
      f.add("fel", "grant.activity.grantedNegative", `Aktiviteten ${name} har beviljat belopp ${formatKr(granted)}; beviljat belopp är noll eller mer.`, ref("granted"));
    }
    if (granted.gt(a.asked) && !a.asked.isNeg()) {
      f.add(
        "varning",
        "grant.activity.grantedOverAsked",
        `Aktiviteten ${name} har beviljats ${formatKr(granted)}, vilket är ${formatKr(granted.minus(a.asked))} mer än ansökta ${formatKr(a.asked)}.`,
        ref("granted"),
      );
    }
    if (granted.gt(0) && a.status !== "beviljad" && ACTIVITY_STATUSES.includes(a.status)) {
      f.add(
        "fel",
        "grant.activity.grantedNotBeviljad",
        `Aktiviteten ${name} har beviljat belopp ${formatKr(granted)} men status ${ACTIVITY_STATUS_LABEL[a.status]}; sätt status beviljad eller ta bort beloppet.`,
        ref("status"),
      );
    }
    if (a.status === "beviljad" && a.granted === undefined) {
      f.add("fel", "grant.activity.beviljadWithoutAmount", `Aktiviteten ${name} är beviljad men saknar beviljat belopp; ange beloppet.`, ref("granted"));
    }
    const project = keyOf(a.projectNumber);
    if (project) {
      if (projectRow.has(project)) {
        f.add(
          "fel",
          "grant.activity.projectDuplicate",
          `Projektnumret ${a.projectNumber} används redan av aktiviteten på ${row(projectRow.get(project)!)}; utfallet kan då inte skiljas åt. Ge varje aktivitet ett eget projektnummer.`,
          ref("projectNumber"),
        );
      } else {
        projectRow.set(project, i);
      }
    } else if (a.status === "beviljad") {
      f.add("varning", "grant.activity.projectMissing", `Den beviljade aktiviteten ${name} saknar projektnummer; dess utfall kan inte följas upp.`, ref("projectNumber"));
    }
    if (a.rank !== undefined && (!Number.isInteger(a.rank) || a.rank < 1)) {
      f.add("fel", "grant.activity.rankInvalid", `Aktiviteten ${name} har rangen ${String(a.rank)}; rangen är ett heltal från 1 och uppåt.`, ref("rank"));
    }
    for (const [key, value] of Object.entries(a.keys ?? {})) {
      if (value.isNeg() || !value.isFinite()) {
        f.add("fel", "grant.activity.keyNegative", `Aktiviteten ${name} har ${key} = ${value.toString()}; en fördelningsnyckel är noll eller mer.`, ref(`keys.${key}`));
      }
    }
    if (a.forecast && a.forecast.isNeg()) {
      f.add("fel", "grant.activity.forecastNegative", `Aktiviteten ${name} har prognosen ${formatKr(a.forecast)}; en prognos för användningen är noll eller mer.`, ref("forecast"));
    }
    if (a.status === "beviljad" && granted.gt(0)) {
      const pk = keyOf(a.purposeId);
      grantedPerPurpose.set(pk, (grantedPerPurpose.get(pk) ?? ZERO).plus(granted));
    }
  });

  g.purposes.forEach((p, i) => {
    const granted = grantedPerPurpose.get(keyOf(p.id));
    if (p.fixedAmount && !p.fixedAmount.isNeg() && granted && granted.gt(p.fixedAmount)) {
      f.add(
        "fel",
        "grant.purpose.grantedOverFixed",
        `Aktiviteterna inom syftet ${p.name} har beviljats ${formatKr(granted)}, vilket är ${formatKr(granted.minus(p.fixedAmount))} mer än syftets ${formatKr(p.fixedAmount)}.`,
        { collection: COLLECTION.purposes, index: i, field: "fixedAmount" },
      );
    }
  });

  model.outcomes.forEach((o, i) => {
    if (!keyOf(o.projectNumber)) {
      f.add("fel", "grant.outcome.projectMissing", `Utfallet på ${row(i)} (${formatKr(o.amount)}) saknar projektnummer; ange projektet det är bokat på.`, {
        collection: COLLECTION.outcomes,
        index: i,
        field: "projectNumber",
      });
    }
  });

  return f.problems;
}
