/**
 * Every constant of ranking and confidence in one place, with its default: how much
 * each kind of query term counts, BM25 and field boosts, how a unit's documents add
 * up, and when an answer is stated plainly. Defaults are calibrated on the
 * development questions (`npm run eval`); a snapshot carries a fingerprint of the
 * tuning it was built with.
 */
import type { TermWeights } from "../analysis/query-terms.js";

export interface SearchTuning {
  /** How much each kind of query term counts; the user's own word is 1. */
  terms: TermWeights;
  /** A word typed is also searched as a prefix from this many letters ("rotte" → rottebekæmpelse)… */
  prefixMinLength: number;
  /** …and such a match scores this share of an exact one (less for a longer rest). */
  prefixScore: number;
  /** In coverage, a word matched only by prefix counts this share of one matched exactly. */
  prefixCoverage: number;
  /** BM25+ parameters (MiniSearch's defaults). */
  bm25: { k: number; b: number; d: number };
  /** Field boosts: a unit's own name says more than a task, a task more than its group heading or place. */
  fields: FieldBoosts;
  /**
   * How strongly a term is weighed by how few units it reaches (0 = not at all):
   * "gravetilladelse" in one unit tells more than "kontor" in twenty.
   */
  distinctiveness: number;
  /** The same for coverage: a generic word matched covers little of the question, and is little to miss. */
  coverageDistinctiveness: number;
  /** A match on the unit's own name and aliases, on top of its tasks. */
  ownName: number;
  /** A unit's best, 2nd, 3rd, 4th document count this much. */
  decay: readonly number[];
  /** A unit's score is scaled by (floor + coverage): one word matched in many tasks does not beat all words. */
  coverageFloor: number;
  /** Tasks every unit does ("Alle enheder") rank below a unit that specialises in them. */
  crossCutting: number;
  confidence: ConfidenceTuning;
  /** Most units an answer lists, and tasks shown per unit. */
  maxAnswers: number;
  maxTasks: number;
}

export interface FieldBoosts {
  name: number;
  aliases: number;
  /** Names of people: contacts and meeting presenters. */
  person: number;
  group: number;
  text: number;
  /** A meeting item's summary and decision: prose around the item. */
  details: number;
  place: number;
}

/** When the first unit is stated plainly rather than offered as one of the closest. */
export interface ConfidenceTuning {
  /** At least this share of the question must be matched… */
  minCoverage: number;
  /** …with at least this score (a single weak match is not enough)… */
  minScore: number;
  /** …clearly ahead of the next unit (second < maxRunnerUp × first)… */
  maxRunnerUp: number;
  /** …and on at least one word that few units share (see `distinctiveness`, 0–1). */
  minDistinctive: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  terms: {
    word: 1,
    corrected: 0.85,
    joined: 0.9,
    family: 0.9,
    synonym: 0.8,
    partSynonym: 0.5,
    part: 0.6,
    rule: 0.7,
    english: 0.8,
  },
  prefixMinLength: 5,
  prefixScore: 0.3,
  prefixCoverage: 0.5,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  fields: { name: 3, aliases: 3, person: 2, group: 0.5, text: 1, details: 0.3, place: 0.3 },
  distinctiveness: 1,
  coverageDistinctiveness: 1,
  ownName: 1,
  decay: [1, 0.5, 0.25, 0.125],
  coverageFloor: 0.25,
  crossCutting: 0.5,
  // On the development questions: 94.6 % of confident answers right, 57 % confident.
  confidence: { minCoverage: 0.4, minScore: 20, maxRunnerUp: 0.6, minDistinctive: 0.5 },
  maxAnswers: 10,
  maxTasks: 3,
};
