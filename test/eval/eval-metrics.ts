/** Scoring of ranked answers against expected units: hit@k, MRR and abstention. */
import { z } from "zod/v4";

export const evalQuestionSchema = z.strictObject({
  id: z.string(),
  q: z.string(),
  kind: z.enum(["exact", "paraphrase", "scenario", "typo", "english", "contact", "outOfScope"]),
  organisation: z.string().optional().describe("The asker's organisation, as Teams would tell it."),
  expect: z.array(z.string()).describe("Acceptable unit ids; [] when out of scope."),
  unitName: z.string().optional().describe("The expected unit as the source document names it."),
  source: z.string().describe("Knowledge file and line that justify the answer."),
  split: z.enum(["dev", "heldout", "final"]),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export interface Outcome {
  question: EvalQuestion;
  /** Unit ids in ranked order. */
  ranked: readonly string[];
  confident: boolean;
}

export interface Scores {
  n: number;
  hit1: number;
  hit3: number;
  mrr: number;
  /** Out of scope: share answered without confidence. In scope: share not confident. */
  abstention: number;
}

export function rankOf(outcome: Outcome): number | undefined {
  const i = outcome.ranked.findIndex((u) => outcome.question.expect.includes(u));
  return i < 0 ? undefined : i + 1;
}

/** Of the confident in-scope answers, the share whose first unit is right. */
export function confidentPrecision(outcomes: readonly Outcome[]): { confident: number; right: number } {
  const confident = outcomes.filter((o) => o.confident && o.question.expect.length > 0);
  return { confident: confident.length, right: confident.filter((o) => rankOf(o) === 1).length };
}

export function score(outcomes: readonly Outcome[]): Scores {
  const n = outcomes.length;
  if (n === 0) return { n, hit1: 0, hit3: 0, mrr: 0, abstention: 0 };
  const inScope = outcomes.filter((o) => o.question.expect.length > 0);
  const ranks = inScope.map(rankOf);
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    n,
    hit1: share(ranks.filter((r) => r === 1).length, inScope.length),
    hit3: share(ranks.filter((r) => r !== undefined && r <= 3).length, inScope.length),
    mrr: share(
      ranks.reduce((sum: number, r) => sum + (r ? 1 / r : 0), 0),
      inScope.length,
    ),
    abstention: share(outcomes.filter((o) => !o.confident).length, n),
  };
}
