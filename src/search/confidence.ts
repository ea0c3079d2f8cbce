/**
 * Whether the first answer is good enough to state plainly. Below this line Hvem
 * says it is unsure and offers the closest units instead of a confident wrong answer.
 * Thresholds are calibrated on the development questions (`npm run eval`).
 */
export interface ConfidenceInput {
  /** Share of the question's words the first unit matched, 0–1 (see `coverage`). */
  coverage: number;
  /** Ranking score of the first unit… */
  top: number;
  /** …and of the second (0 when there is none). */
  second: number;
}

export const CONFIDENCE = {
  /**
   * At least this share of the question must be matched… (on the dev questions the
   * out-of-scope ones match at most 0.3, or 0.5 with a score under 10)
   */
  minCoverage: 0.4,
  /** …with at least this score (a single weak match is not enough)… */
  minScore: 20,
  /**
   * …and clearly ahead of the next unit: when two units score alike, Hvem shows both
   * as the closest rather than name one (on the dev questions this states 6 instead
   * of 10 wrong first answers plainly, for 6 fewer right ones).
   */
  maxRunnerUp: 0.85,
};

export function isConfident({ coverage, top, second }: ConfidenceInput): boolean {
  return (
    coverage >= CONFIDENCE.minCoverage && top >= CONFIDENCE.minScore && second < CONFIDENCE.maxRunnerUp * top
  );
}
