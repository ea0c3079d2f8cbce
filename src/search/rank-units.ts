/**
 * From matching documents to ranked units: a unit's score combines its best
 * matching documents (so one strong task beats many weak ones, and several good
 * tasks beat one), and each unit appears once with its matching documents.
 */
import type { QueryTerm } from "../analysis/analyzer.js";
import type { SearchTuning } from "./search-tuning.js";
import { type Matches, TERM_BITS } from "./search-index.js";

export interface UnitHit {
  unitId: string;
  score: number;
  /** Share of the question's words the unit matched, weighted by how well (0–1). */
  coverage: number;
  /** How well the most telling term the unit matched tells units apart (0–1): 0.2 for a word most units have. */
  distinctive: number;
  /** The question's words the unit matched at all. */
  matchedWords: ReadonlySet<string>;
  /** The query terms the unit matched. */
  terms: readonly QueryTerm[];
  /**
   * The ids of the unit's matching documents, those matching more of the question's
   * words (and more directly) first, then by score: a task that says what the user
   * typed comes before a longer one that gathers synonyms. At most `limit` of them.
   */
  hits(limit?: number): string[];
}

/** What ranking takes from the tuning. */
export type RankTuning = Pick<
  SearchTuning,
  "ownName" | "decay" | "coverageFloor" | "prefixCoverage" | "coverageDistinctiveness"
>;

export interface RankOptions {
  /** A unit whose documents are unrelated to each other (a meeting's items) ranks by its best one alone. */
  separate?: (unitId: string) => boolean;
  /** Multiplies a unit's score (1 by default). */
  weight?: (unitId: string) => number;
}

/**
 * `terms` are the query terms in the order they were searched (bit j of `matches` is
 * term j). Units come best first.
 */
export function rankUnits(
  matches: Matches,
  terms: readonly QueryTerm[],
  tuning: RankTuning,
  options: RankOptions = {},
): UnitHit[] {
  const { separate = () => false, weight = () => 1 } = options;
  const { ownName, decay, coverageFloor, prefixCoverage, coverageDistinctiveness } = tuning;
  const words = [...new Set(terms.map((t) => t.word))];
  // The question words each term stands for.
  const wordsOf = terms.map((t) => [t.word, ...(t.others ?? [])].map((w) => words.indexOf(w)));
  // How much each term tells, and each word: a word counts by its most telling term
  // that matched anywhere, and a word that matched nothing counts in full (it may
  // well be what the question is about).
  const telling = terms.map((_, j) => (matches.distinctive[j] ?? 0) ** coverageDistinctiveness);
  const worth = new Float64Array(words.length);
  terms.forEach((_, j) => {
    if (!matches.distinctive[j]) return;
    for (const w of wordsOf[j] as number[]) worth[w] = Math.max(worth[w] as number, telling[j] as number);
  });
  let questionWorth = 0;
  for (let w = 0; w < words.length; w++) questionWorth += (worth[w] as number) || 1;
  const quality = new Float64Array(words.length);
  const question: Question = {
    matches,
    terms,
    words,
    quality,
    rate(matched, exact) {
      quality.fill(0);
      for (let j = 0; j < terms.length && j < TERM_BITS; j++) {
        if (!((matched >>> j) & 1)) continue;
        const q = (terms[j] as QueryTerm).weight * ((exact >>> j) & 1 ? 1 : prefixCoverage) * (telling[j] as number);
        for (const w of wordsOf[j] as number[]) if (q > (quality[w] as number)) quality[w] = q;
      }
      let sum = 0;
      for (let w = 0; w < quality.length; w++) sum += quality[w] as number;
      return sum;
    },
  };
  // The documents of each unit, together: unit u's are order[start[u]] … order[start[u + 1] - 1].
  const start = new Uint32Array(matches.unitCount + 1);
  for (let i = 0; i < matches.count; i++) {
    const u = (matches.unit[i] as number) + 1;
    start[u] = (start[u] as number) + 1;
  }
  for (let u = 0; u < matches.unitCount; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const order = new Uint32Array(matches.count);
  const next = start.slice(0, matches.unitCount);
  for (let i = 0; i < matches.count; i++) {
    const u = matches.unit[i] as number;
    const at = next[u] as number;
    order[at] = i;
    next[u] = at + 1;
  }

  const best = new Float64Array(decay.length);
  /** How a group of documents ranks taken together: its best ones with a decay, scaled by coverage. */
  const judge = (docs: ArrayLike<number>): Judged => {
    // The unit's own document (its name and aliases) counts in full on top of its tasks:
    // "pladsanvisningen" names the unit, whatever other units' tasks say.
    let own = 0;
    let matched = 0;
    let exact = 0;
    best.fill(0);
    for (let k = 0; k < docs.length; k++) {
      const i = docs[k] as number;
      const score = matches.score[i] as number;
      matched |= matches.terms[i] as number;
      exact |= matches.exact[i] as number;
      if (matches.own[i]) own += score;
      else keepBest(best, score);
    }
    let score = own * ownName;
    for (let rank = 0; rank < decay.length; rank++) score += (best[rank] as number) * (decay[rank] as number);
    const coverage = words.length === 0 ? 0 : question.rate(matched, exact) / questionWorth;
    return { score: score * (coverageFloor + coverage), coverage, matched, exact };
  };

  const units: RankedUnit[] = [];
  for (let u = 0; u < matches.unitCount; u++) {
    const docs = order.subarray(start[u] as number, start[u + 1] as number);
    if (docs.length === 0) continue;
    const unitId = matches.unitId(u);
    const judged = separate(unitId) ? bestOne(docs, judge, matches.own) : judge(docs);
    units.push(new RankedUnit(question, unitId, docs, judged, weight(unitId)));
  }
  // Ties in id order, so equal units always come in the same order (ids are ASCII slugs).
  return units.sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

/** What every unit of one question shares. */
interface Question {
  matches: Matches;
  terms: readonly QueryTerm[];
  words: readonly string[];
  /** How well each question word is matched by terms `matched` (exactly: `exact`), into `quality`; their sum. */
  rate(matched: number, exact: number): number;
  quality: Float64Array;
}

interface Judged {
  score: number;
  coverage: number;
  /** Query terms matched (bit j = term j)… */
  matched: number;
  /** …and matched exactly. */
  exact: number;
}

/**
 * One ranked unit. Only the first few are shown, so what only an answer needs (its
 * words, terms and documents in order) is worked out when asked for, not for every unit.
 */
class RankedUnit implements UnitHit {
  readonly score: number;
  readonly coverage: number;

  constructor(
    private readonly question: Question,
    readonly unitId: string,
    private readonly docs: Uint32Array,
    private readonly judged: Judged,
    weight: number,
  ) {
    this.score = judged.score * weight;
    this.coverage = judged.coverage;
  }

  private words?: ReadonlySet<string>;
  private matchedTerms?: readonly QueryTerm[];
  private telling?: number;

  get distinctive(): number {
    if (this.telling === undefined) {
      const { matched } = this.judged;
      const { distinctive } = this.question.matches;
      this.telling = 0;
      for (let j = 0; j < TERM_BITS && j < distinctive.length; j++) {
        if ((matched >>> j) & 1) this.telling = Math.max(this.telling, distinctive[j] as number);
      }
    }
    return this.telling;
  }

  get matchedWords(): ReadonlySet<string> {
    if (!this.words) {
      const { question } = this;
      question.rate(this.judged.matched, this.judged.exact);
      this.words = new Set(question.words.filter((_, w) => (question.quality[w] as number) > 0));
    }
    return this.words;
  }

  get terms(): readonly QueryTerm[] {
    const { matched } = this.judged;
    this.matchedTerms ??= this.question.terms.filter((_, j) => j < TERM_BITS && (matched >>> j) & 1);
    return this.matchedTerms;
  }

  hits(limit = Number.POSITIVE_INFINITY): string[] {
    const { matches, rate } = this.question;
    const { docs } = this;
    const rated = new Float64Array(docs.length);
    for (let k = 0; k < docs.length; k++) {
      const i = docs[k] as number;
      rated[k] = rate(matches.terms[i] as number, matches.exact[i] as number);
    }
    const order = Array.from(docs.keys()).sort(
      (a, b) =>
        (rated[b] as number) - (rated[a] as number) ||
        (matches.score[docs[b] as number] as number) - (matches.score[docs[a] as number] as number) ||
        (docs[a] as number) - (docs[b] as number),
    );
    return order.slice(0, limit).map((k) => matches.id(docs[k] as number));
  }

}

/** The best of a unit's documents judged one by one, each with the unit's own document. */
function bestOne(docs: Uint32Array, judge: (docs: ArrayLike<number>) => Judged, own: Uint8Array): Judged {
  const owns = Array.from(docs).filter((i) => own[i]);
  const items = Array.from(docs).filter((i) => !own[i]);
  if (items.length === 0) return judge(owns);
  return items.map((i) => judge([...owns, i])).reduce((a, b) => (b.score > a.score ? b : a));
}

/** Keeps the highest scores seen, best first. */
function keepBest(best: Float64Array, score: number) {
  if (score <= (best[best.length - 1] as number)) return;
  let k = best.length - 1;
  for (; k > 0 && score > (best[k - 1] as number); k--) best[k] = best[k - 1] as number;
  best[k] = score;
}
