import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
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
  for (const problem of problems) out.line(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const records = toRecords(knowledge);
  const count = (kind: string) => records.filter((r) => r.kind === kind).length;
  out.line(
    `${dir}: ${knowledge.units.length} enheder, ${count("task")} opgaver, ${count("contact")} kontakter, ` +
      `${count("meetingItem")} mødepunkter, ${knowledge.synonyms.length} synonymgrupper, ${knowledge.rules.length} ordregler; ` +
      `${errors} fejl, ${warnings} advarsler (version ${knowledge.version})`,
  );
  return errors > 0 ? 1 : 0;
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
