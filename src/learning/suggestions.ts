/**
 * Suggestions from use, as pure functions: when enough different users asked the same
 * question and picked the same other unit, propose a one-way vocabulary rule from the
 * question's words to a term that is distinctive for that unit. Nothing here applies
 * a suggestion; an admin accepts or rejects it (learned-vocabulary.ts).
 */
import { createHash } from "node:crypto";
import { z } from "zod/v4";
import { isStopWord } from "../analysis/stopwords.js";
import { tokenize } from "../analysis/tokenize.js";
import type { FeedbackEvent } from "../feedback/feedback-log.js";
import { questionKey } from "../feedback/feedback-report.js";
import { MASKS } from "../analysis/personal-data.js";
import type { UnitTerms } from "../search/check-vocabulary.js";

/** Where accepted rules are written, inside the knowledge folder. */
export const LEARNED_FILE = "vocabulary/learned.txt";

export const suggestionSchema = z.object({
  id: z.string().describe("Stable id: the same rule always has the same id."),
  kind: z.literal("rule").describe("A one-way vocabulary rule."),
  unitId: z.string(),
  unit: z.string().describe("The unit's display name."),
  organisation: z.string().describe("The unit's organisation: its users asked the question."),
  adds: z.string().describe("The line it would add, as written in the file."),
  file: z.string().describe("The file it would be added to, relative to the knowledge folder."),
  from: z.string().describe("The question's words: a phrase that counts only when all its words are asked."),
  to: z.string().describe("The catalogue term it brings: in the unit's texts, in few other units'."),
  users: z.number().int().describe("Distinct users who picked the unit for this question."),
  examples: z.array(z.string()).describe("The questions as asked (masked), at most three."),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A question and the unit several users picked for it. */
export interface PickGroup {
  question: string;
  unitId: string;
  users: number;
  examples: string[];
}

const MAX_EXAMPLES = 3;

/** Picks grouped by question and unit, kept when at least `minUsers` different users made them. */
export function groupPicks(events: readonly FeedbackEvent[], minUsers: number): PickGroup[] {
  const groups = new Map<string, { question: string; unitId: string; users: Set<string>; examples: Set<string> }>();
  for (const event of events) {
    if (event.kind !== "pick" || event.unitId === event.firstUnitId) continue;
    const key = `${questionKey(event.question)}\0${event.unitId}`;
    const group = groups.get(key) ?? { question: event.question, unitId: event.unitId, users: new Set(), examples: new Set() };
    group.users.add(event.user);
    if (group.examples.size < MAX_EXAMPLES) group.examples.add(event.question);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.users.size >= minUsers)
    .map((g) => ({ question: g.question, unitId: g.unitId, users: g.users.size, examples: [...g.examples] }))
    .sort((a, b) => b.users - a.users);
}

/**
 * The words of a question a rule would start from: every word but the function words
 * ("hvem", "tager", "sig", "af") and masked details, as one phrase, so the rule counts
 * only when a question has them all.
 */
export function questionPhrase(question: string): string {
  const masks = new Set(Object.values(MASKS).flatMap((m) => tokenize(m)));
  const words = tokenize(question.toLocaleLowerCase("da")).filter((w) => !isStopWord(w) && !masks.has(w));
  return [...new Set(words)].join(" ");
}

/**
 * The term a rule should bring: a word of the unit's matching task texts (best first)
 * that the unit has, the question lacks, and the fewest units share. Ties go to the
 * earlier word, from the task that matched best.
 */
export function distinctiveTerm(taskTexts: readonly string[], question: string, unitId: string, terms: UnitTerms): string | undefined {
  const asked = new Set(terms.analyse(question));
  let best: { word: string; units: number } | undefined;
  for (const text of taskTexts) {
    for (const word of tokenize(text.toLocaleLowerCase("da"))) {
      if (word.length < 4 || /\d/.test(word) || isStopWord(word)) continue;
      const analysed = terms.analyse(word);
      if (analysed.length === 0 || analysed.some((t) => asked.has(t)) || !terms.unitHas(unitId, analysed)) continue;
      const units = terms.unitsWith(analysed);
      if (!best || units < best.units) best = { word, units };
    }
  }
  return best?.word;
}

/** A rule's id: a short hash of what it says, so it survives restarts and re-reads of the log. */
export function suggestionId(from: string, to: string): string {
  return createHash("sha256").update(`rule\0${from}\0${to}`).digest("hex").slice(0, 8);
}

/** A rule as its file has it. */
export function ruleLine(from: string, to: string): string {
  return `${from} => ${to}`;
}
