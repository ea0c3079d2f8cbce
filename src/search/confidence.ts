/**
 * Whether the first answer is good enough to state plainly. Below this line Hvem
 * says it is unsure and offers the closest units instead of a confident wrong answer.
 * Thresholds are calibrated on the development questions (`npm run eval`).
 */
export interface ConfidenceInput {
  /** Share of the question's words the first unit matched, 0–1 (see `coverage`). */
  coverage: number;
  /** Ranking score of the first unit. */
  top: number;
}

export const CONFIDENCE = {
  /**
   * At least this share of the question must be matched… (on the dev questions the
   * out-of-scope ones match at most 0.3, or 0.5 with a score under 10)
   */
  minCoverage: 0.4,
  /** …with at least this score (a single weak match is not enough). */
  minScore: 20,
};

export function isConfident({ coverage, top }: ConfidenceInput): boolean {
  return coverage >= CONFIDENCE.minCoverage && top >= CONFIDENCE.minScore;
}
