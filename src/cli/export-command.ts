import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem, hasErrors } from "../knowledge/problem.js";
import { toRecords } from "../knowledge/records.js";
import { UsageError } from "./cli-error.js";
import type { Output } from "./output.js";

export const exportUsage =
  "hvem export --json [mappe]   alle poster som JSON (opgaver, kontakter, mødepunkter)";

/** `hvem export --json [dir]`: every record as one JSON array, for tools outside the bot. */
export async function exportCommand(args: string[], out: Output): Promise<number> {
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  if (!json) throw new UsageError("hvem export kan kun skrive JSON: brug --json");
  if (rest.length > 1 || rest[0]?.startsWith("-"))
    throw new UsageError(`ukendt argument: ${rest.join(" ")}`);
  const knowledge = await loadKnowledge(rest[0] ?? defaultKnowledgeDir());
  if (hasErrors(knowledge.problems)) {
    for (const p of knowledge.problems.filter((p) => p.severity === "error"))
      out.error(formatProblem(p));
    out.error("Eksporten er stoppet: ret fejlene ovenfor (se hvem check).");
    return 1;
  }
  out.line(JSON.stringify(toRecords(knowledge), null, 2));
  return 0;
}
