/**
 * Writing what admins decide into the knowledge folder: an accepted suggestion becomes
 * a rule in `vocabulary/learned.txt`, with a comment saying where it came from; a
 * rejected one a comment line in `vocabulary/rejected.txt`. Rejections live in the
 * knowledge folder, not beside the feedback log, because they are part of what the
 * admins decided: they travel with the knowledge (git, `hvem publish`) to every
 * instance and every admin, and are undone by deleting a line. That file holds only
 * comments, so it adds no rule.
 *
 * Every write goes through one validated path: the new text is written to a hidden
 * temporary file (the loader skips dot-files), the knowledge is checked with it, and
 * only then is it renamed over the old file, so nothing half-written or broken is
 * ever read by the bot or its watcher.
 */
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import type { Problem } from "../knowledge/problem.js";
import { parseVocabularyFile } from "../knowledge/vocabulary-file.js";
import { vocabularyProblems } from "../search/check-vocabulary.js";
import { LEARNED_FILE, ruleLine, type Suggestion } from "./suggestions.js";

export const REJECTED_FILE = "vocabulary/rejected.txt";

const LEARNED_HEADER = [
  "# Regler lært af brug: forslag fra hvem suggest eller forslag i Teams, godkendt af en administrator.",
  "# Over hver regel: forslagets id, datoen og hvor mange forskellige brugere der valgte enheden.",
  "# Regler her kan rettes eller slettes som alle andre; kør hvem check bagefter.",
];
const REJECTED_HEADER = [
  "# Afviste forslag: Hvem foreslår dem ikke igen. Filen har kun kommentarer og tilføjer ingen regler.",
  "# Slet en linje for at få forslaget foreslået igen.",
];
const REJECTED_LINE = /^#\s*afvist\s+([0-9a-f]{8})\b/;

export type WriteOutcome = { ok: true } | { ok: false; problems: Problem[] };

/** The ids of rejected suggestions. */
export async function rejectedIds(knowledgeDir: string): Promise<Set<string>> {
  const text = await readOptional(join(knowledgeDir, REJECTED_FILE));
  return new Set(text.split(/\r?\n/).flatMap((line) => REJECTED_LINE.exec(line)?.[1] ?? []));
}

/** Adds the suggestion's rule to learned.txt, if the knowledge stays valid with it. */
export async function writeAccepted(knowledgeDir: string, suggestion: Suggestion, now = new Date()): Promise<WriteOutcome> {
  const entry = [
    `# forslag ${suggestion.id}, ${day(now)}, ${suggestion.users} brugere valgte ${suggestion.unit} (${suggestion.unitId})`,
    ruleLine(suggestion.from, suggestion.to),
  ];
  return appendValidated(knowledgeDir, LEARNED_FILE, LEARNED_HEADER, entry);
}

/** Remembers the suggestion as rejected. */
export async function writeRejected(knowledgeDir: string, suggestion: Suggestion, now = new Date()): Promise<WriteOutcome> {
  const entry = [`# afvist ${suggestion.id} ${day(now)}: ${ruleLine(suggestion.from, suggestion.to)} (${suggestion.unitId})`];
  return appendValidated(knowledgeDir, REJECTED_FILE, REJECTED_HEADER, entry);
}

async function appendValidated(knowledgeDir: string, file: string, header: string[], entry: string[]): Promise<WriteOutcome> {
  const target = join(knowledgeDir, file);
  const old = await readOptional(target);
  const text = `${old ? `${old.replace(/\n*$/, "")}\n\n` : `${header.join("\n")}\n\n`}${entry.join("\n")}\n`;
  await mkdir(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  await writeFile(temporary, text);
  const problems = await problemsWith(knowledgeDir, file, await readFile(temporary, "utf8"));
  if (problems.length > 0) {
    await unlink(temporary);
    return { ok: false, problems };
  }
  await rename(temporary, target);
  return { ok: true };
}

/** The errors the knowledge would have with `file` holding `text`. */
async function problemsWith(knowledgeDir: string, file: string, text: string): Promise<Problem[]> {
  const knowledge = await loadKnowledge(knowledgeDir);
  const parsed = parseVocabularyFile(text, file);
  const candidate = { ...knowledge, rules: [...knowledge.rules.filter((r) => r.file !== file), ...parsed.rules] };
  return [...knowledge.problems.filter((p) => p.file !== file), ...parsed.problems, ...vocabularyProblems(candidate)].filter(
    (p) => p.severity === "error",
  );
}

async function readOptional(path: string): Promise<string> {
  return readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
