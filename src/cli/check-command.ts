import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { CONTACTS_FILE, routeContacts } from "../knowledge/contacts-file.js";
import { type Knowledge, loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem, type Problem } from "../knowledge/problem.js";
import { toRecords } from "../knowledge/records.js";
import { vocabularyProblems } from "../search/check-vocabulary.js";
import { slugify } from "../knowledge/slug.js";
import type { Output } from "./output.js";

export const checkUsage = "hvem check [mappe]   validerer vidensmappen (standard: knowledge)";

/** `hvem check [dir]`: every problem with file, line and field; exit 1 on any error. */
export async function checkCommand(args: string[], out: Output): Promise<number> {
  const dir = args[0] ?? defaultKnowledgeDir();
  const knowledge = await loadKnowledge(dir);
  const problems = [
    ...knowledge.problems,
    ...idsOutsideScheme([...knowledge.units, ...knowledge.meetings]),
    ...vocabularyProblems(knowledge),
  ];
  const unreachable = unreachableUnits(knowledge);
  if (unreachable.length > 0) problems.push(coverageWarning(unreachable, knowledge.units.length));
  for (const problem of problems) out.line(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const records = toRecords(knowledge);
  const count = (kind: string) => records.filter((r) => r.kind === kind).length;
  out.line(
    `${dir}: ${knowledge.units.length} enheder, ${count("task")} opgaver, ${count("contact")} kontakter (${unreachable.length} enheder uden kontakt), ` +
      `${count("meetingItem")} mødepunkter, ${knowledge.synonyms.length} synonymgrupper, ${knowledge.rules.length} ordregler; ` +
      `${errors} fejl, ${warnings} advarsler (version ${knowledge.version})`,
  );
  return errors > 0 ? 1 : 0;
}

/** Units a card can name no one for: no contact of their own, nor of their chief area or organisation. */
function unreachableUnits(knowledge: Knowledge) {
  return knowledge.units.filter(
    (u) => u.contacts.length === 0 && routeContacts(u, knowledge.organisationContacts).length === 0,
  );
}

/** One line for the whole gap, not one per unit: on a fresh import it is most units. */
function coverageWarning(units: readonly { name: string; organisation: string }[], total: number): Problem {
  const examples = units.slice(0, 3).map((u) => `${u.name} (${u.organisation})`);
  return {
    severity: "warning",
    file: ".",
    message:
      `${units.length} af ${total} enheder har ingen kontakt, heller ikke via chefområde eller organisation, fx ${examples.join(", ")}; ` +
      `tilføj kontakter med hvem import-contacts, i enhedens .additions.yaml eller i organisationens ${CONTACTS_FILE}`,
  };
}

/**
 * One id scheme: an id starts with its organisation's slug ("randers-kommune/…"), so ids of
 * two municipalities never collide and tell where a record belongs.
 */
function idsOutsideScheme(all: readonly { id: string; organisation: string; file: string }[]) {
  return all
    .filter(({ id, organisation }) => !id.startsWith(`${slugify(organisation)}/`))
    .map(
      ({ id, organisation, file }): Problem => ({
        severity: "warning",
        file,
        field: "id",
        message: `id "${id}" skal begynde med ${slugify(organisation)}/ (organisationen ${organisation}), så alle id'er følger samme mønster`,
      }),
    );
}
