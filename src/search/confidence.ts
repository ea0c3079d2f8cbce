/**
 * Whether the first answer is good enough to state plainly. Below this line Hvem
 * says it is unsure and offers the closest units instead of a confident wrong answer.
 * Thresholds are in `SearchTuning.confidence`, calibrated on the development questions.
 */
import type { ConfidenceTuning } from "./search-tuning.js";

export interface ConfidenceInput {
  /** Share of the question's words the first unit matched, 0–1 (see `coverage`). */
  coverage: number;
  /** Ranking score of the first unit… */
  top: number;
  /** …and of the second (0 when there is none). */
  second: number;
}

export function isConfident({ coverage, top, second }: ConfidenceInput, tuning: ConfidenceTuning): boolean {
  return coverage >= tuning.minCoverage && top >= tuning.minScore && second < tuning.maxRunnerUp * top;
}
