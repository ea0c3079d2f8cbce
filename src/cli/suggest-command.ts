import { parseArgs } from "node:util";
import { readConfig } from "../config/config.js";
import { feedbackSource } from "../feedback/feedback-source.js";
import { printable } from "../feedback/feedback-report.js";
import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem } from "../knowledge/problem.js";
import { suggestionDesk, type SuggestionDesk } from "../learning/suggestion-desk.js";
import type { Suggestion } from "../learning/suggestions.js";
import { createSearcher } from "../search/searcher.js";
import { UsageError } from "./cli-error.js";
import type { Output } from "./output.js";

export const suggestUsage =
  "hvem suggest [--json] [--log FIL] [--knowledge MAPPE]   |   hvem suggest accept ID   |   hvem suggest reject ID";

/**
 * `hvem suggest`: the pending suggestions from use; `accept ID` writes one into the
 * knowledge folder (validated), `reject ID` remembers it as rejected. Without --log
 * and --knowledge the server's configuration applies (FEEDBACK_LOG or Blob Storage,
 * KNOWLEDGE_DIR).
 */
export async function suggestCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      log: { type: "string" },
      knowledge: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    out.line(suggestUsage);
    return 0;
  }
  const read = readConfig(process.env);
  if (!read.ok) {
    out.error(read.message);
    return 1;
  }
  const [action, id, ...rest] = positionals;
  if (action !== undefined && action !== "accept" && action !== "reject") throw new UsageError(`ukendt handling "${action}"; brug accept ID eller reject ID`);
  if (action && (!id || rest.length > 0)) throw new UsageError(`skriv ét forslags id: hvem suggest ${action} ID`);
  const knowledgeDir = values.knowledge ?? (process.env.KNOWLEDGE_DIR ? read.config.KNOWLEDGE_DIR : defaultKnowledgeDir());
  const source = feedbackSource(read.config, values.log);
  const desk = suggestionDesk({ knowledgeDir, readEvents: source.read, minUsers: read.config.SUGGESTION_MIN_USERS });
  if (action && id) return decide(desk, action, id, knowledgeDir, out);
  const listed = await desk.list();
  if (!listed.ok) {
    for (const p of listed.problems.filter((p) => p.severity === "error")) out.error(formatProblem(p));
    out.error(listed.message);
    return 1;
  }
  if (values.json) out.line(JSON.stringify(listed.suggestions, null, 2));
  else if (listed.suggestions.length === 0) out.line(`Ingen ventende forslag (log: ${source.where}, mindst ${read.config.SUGGESTION_MIN_USERS} brugere).`);
  else out.line(listed.suggestions.map(describe).join("\n\n"));
  return 0;
}

function describe(s: Suggestion): string {
  return [
    `${s.id}  ${printable(s.unit)} (${s.unitId})`,
    `  tilføjer i ${s.file}:  ${printable(s.adds)}`,
    `  ${s.users} brugere valgte enheden, fx: ${s.examples.map((q) => `"${printable(q)}"`).join(", ")}`,
  ].join("\n");
}

async function decide(desk: SuggestionDesk, action: "accept" | "reject", id: string, knowledgeDir: string, out: Output) {
  const outcome = await (action === "accept" ? desk.accept(id) : desk.reject(id));
  if (!outcome.ok) {
    for (const p of (outcome.problems ?? []).filter((p) => p.severity === "error")) out.error(formatProblem(p));
    out.error(outcome.message);
    return 1;
  }
  const { suggestion } = outcome;
  if (action === "reject") {
    out.line(`Forslag ${suggestion.id} er afvist og bliver ikke foreslået igen.`);
    return 0;
  }
  out.line(`Forslag ${suggestion.id} er godkendt: "${printable(suggestion.adds)}" står nu i ${knowledgeDir}/${suggestion.file}.`);
  // The proof: the question that produced it, asked of the knowledge as it is now.
  const question = suggestion.examples[0] ?? suggestion.from;
  const first = createSearcher(await loadKnowledge(knowledgeDir)).ask(question, { organisation: suggestion.organisation }).answers[0];
  out.line(
    first?.unitId === suggestion.unitId
      ? `"${printable(question)}" besvares nu med ${printable(suggestion.unit)} først. Send genindlæs til botten (eller vent på filovervågningen).`
      : `"${printable(question)}" besvares stadig med ${printable(first?.unit ?? "?")} først; ret reglen i filen, hvis den skal virke stærkere.`,
  );
  return 0;
}
