import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem } from "../knowledge/problem.js";
import { toRecords } from "../knowledge/records.js";
import { vocabularyProblems } from "../search/check-vocabulary.js";
import type { Output } from "./output.js";

export const checkUsage = "hvem check [mappe]   validerer vidensmappen (standard: knowledge)";

/** `hvem check [dir]`: every problem with file, line and field; exit 1 on any error. */
export async function checkCommand(args: string[], out: Output): Promise<number> {
  const dir = args[0] ?? defaultKnowledgeDir();
  const knowledge = await loadKnowledge(dir);
  const problems = [...knowledge.problems, ...vocabularyProblems(knowledge)];
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
