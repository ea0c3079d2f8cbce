import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem, hasErrors } from "../knowledge/problem.js";
import { answerText } from "../presentation/answer-text.js";
import { detectLanguage } from "../analysis/language.js";
import { findOrganisation } from "../search/organisation-scope.js";
import { type AskOptions, createSearcher, type Searcher } from "../search/searcher.js";
import { UsageError } from "./cli-error.js";
import type { Output } from "./output.js";

export const askUsage =
  'hvem ask "<spørgsmål>" [--json] [--organisation "<navn>"] [--knowledge MAPPE]   |   hvem ask --batch < spørgsmål.jsonl';

/**
 * `hvem ask`: a question answered in the terminal, as JSON, or a batch of JSON Lines
 * (`{"id","q","organisation"?}` in, one result line out per question) for evaluation
 * from outside. The asker's organisation is honoured as when Teams tells it.
 */
export async function askCommand(
  args: string[],
  out: Output,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      batch: { type: "boolean", default: false },
      knowledge: { type: "string", default: defaultKnowledgeDir() },
      organisation: { type: "string" },
    },
  });
  const question = positionals.join(" ").trim();
  if (!values.batch && !question)
    throw new UsageError('skriv et spørgsmål, fx hvem ask "hvem laver lønsedler?"');
  const knowledge = await loadKnowledge(values.knowledge);
  if (hasErrors(knowledge.problems)) {
    for (const p of knowledge.problems.filter((p) => p.severity === "error"))
      out.error(formatProblem(p));
    out.error("Vidensmappen har fejl; ret dem først (se hvem check).");
    return 1;
  }
  const searcher = createSearcher(knowledge);
  if (values.batch) return batch(searcher, input, out);
  const result = searcher.ask(question, askOptions(values.organisation, searcher.organisations));
  out.line(
    values.json ? JSON.stringify(result, null, 2) : answerText(result, detectLanguage(question)),
  );
  return 0;
}

/** A bad line gets an error line of its own; the batch goes on and exits 0. */
async function batch(searcher: Searcher, input: NodeJS.ReadableStream, out: Output) {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const parsed = JSON.parse(line) as { id?: unknown; q?: unknown; organisation?: unknown };
      id = parsed.id ?? null;
      if (typeof parsed.q !== "string") throw new Error('feltet "q" skal være en tekst');
      if (parsed.organisation !== undefined && typeof parsed.organisation !== "string")
        throw new Error('feltet "organisation" skal være en tekst');
      const options = askOptions(parsed.organisation, searcher.organisations);
      const started = performance.now();
      const { confident, elsewhere, answers } = searcher.ask(parsed.q, options);
      const ms = Math.round((performance.now() - started) * 100) / 100;
      out.line(JSON.stringify({ id, q: parsed.q, confident, elsewhere, answers, ms }));
    } catch (error) {
      out.line(
        JSON.stringify({ id, error: `linjen kunne ikke læses: ${(error as Error).message}` }),
      );
    }
  }
  return 0;
}

/** The asker's organisation as the search takes it; a name the knowledge lacks is an error. */
function askOptions(name: string | undefined, organisations: readonly string[]): AskOptions {
  if (name === undefined) return {};
  const organisation = findOrganisation(name, organisations);
  if (!organisation)
    throw new UsageError(`ukendt organisation "${name}"; kendte: ${organisations.map((o) => `"${o}"`).join(", ")}`);
  return { organisation };
}
