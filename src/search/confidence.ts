/**
 * Whether the first answer is good enough to state plainly. Below this line Hvem
 * says it is unsure and offers the closest units instead of a confident wrong answer.
 * Thresholds are in `SearchTuning.confidence`, calibrated on the development questions.
 */
import type { ConfidenceTuning } from "./search-tuning.js";

/** What confidence looks at in a ranked unit (see `UnitHit`). */
export interface RankedForConfidence {
  coverage: number;
  score: number;
  distinctive: number;
}

/**
 * Whether a unit answers the question well enough on its own: enough of the question
 * matched, strongly, on at least one word few units share. A place name with "klage"
 * or "tid" never is.
 */
export function fitsQuestion(unit: RankedForConfidence, tuning: ConfidenceTuning): boolean {
  return unit.coverage >= tuning.minCoverage && unit.score >= tuning.minScore && unit.distinctive >= tuning.minDistinctive;
}

/** Whether the first unit is stated plainly: it fits, and it is clearly ahead of the second. */
export function isConfident(
  first: RankedForConfidence | undefined,
  second: RankedForConfidence | undefined,
  tuning: ConfidenceTuning,
): boolean {
  return first !== undefined && fitsQuestion(first, tuning) && (second?.score ?? 0) < tuning.maxRunnerUp * first.score;
}
