/**
 * The knowledge's own words, learnt once per knowledge version, and what the analysis
 * asks of them: is this a word or term of the knowledge, what are a compound's parts,
 * which compound do two words of a question make, which known word was misspelled.
 */
import SearchableMap from "minisearch/SearchableMap";
import { MIN_PART, splitCompound } from "./compounds.js";
import { isKnownWord } from "./known-words.js";
import { memoize } from "./memoize.js";
import { stem } from "./stem.js";
import { tokenize } from "./tokenize.js";
import { nounForms } from "./word-families.js";

/** Every word the knowledge (and its synonyms) is written in, and every term it is indexed under. */
export interface LearntWords {
  /** Folded, and as written (lowercase). */
  words: [folded: string, word: string][];
  terms: string[];
}

/** The word-level steps every text goes through, each worked out once per word. */
export interface WordSteps {
  fold(word: string): string;
  /** The indexed form of a word: folded, then stemmed. */
  term(word: string): string;
  isStopWord(word: string): boolean;
}

export interface Vocabulary {
  hasWord(folded: string): boolean;
  hasTerm(term: string): boolean;
  /** Stemmed compound parts of a folded word made of known words ([] when it is none). */
  partsOf(folded: string): string[];
  /** Known parts of 5+ letters of a word the knowledge lacks: "kørselspenge" → kørsel. */
  looseParts(folded: string): string[];
  /** The knowledge's compound of two words of a question, either way round ("løn seddel"). */
  joinedTerm(modifier: string, head: string): string | undefined;
  /** The knowledge's word closest to an unknown one, when exactly one is closest. */
  correct(word: string): string | undefined;
}

/** Edits allowed when correcting a word: none for short words, more for long ones. */
export function maxTypos(term: string): number {
  return term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/** Only words at least this long are looked at as compounds. */
const MIN_COMPOUND = 2 * MIN_PART;
/** A part found in a word the knowledge lacks is at least this long. */
const LOOSE_PART = 5;
/** An unknown first part and a known last part must be this long to be trusted. */
const MIN_HEAD = 4;
const MIN_TAIL = 5;
/** A joined compound's last part is at least this long: "ingen" (ing) is no head. */
const MIN_JOINED_HEAD = 4;
/** Letters that link the parts of a Danish compound: arbejd-s-skade, grav-e-tilladelse. */
const LINKS = ["", "s", "e"];

/** Learns the words of texts, each distinct text and word once. */
export function learnWords(texts: Iterable<string>, steps: WordSteps): LearntWords {
  const distinct = new Set<string>();
  for (const text of new Set(texts)) for (const word of tokenize(text)) distinct.add(word);
  const words = new Map<string, string>();
  const terms = new Set<string>();
  for (const word of distinct) {
    if (steps.isStopWord(word)) continue;
    const folded = steps.fold(word);
    if (!words.has(folded)) words.set(folded, word.toLowerCase());
    terms.add(steps.term(word));
  }
  return { words: [...words], terms: [...terms] };
}

export function createVocabulary(learnt: LearntWords, steps: WordSteps): Vocabulary {
  const { fold, term, isStopWord } = steps;
  // Folded words are compound parts and the words misspellings are corrected to.
  const words = SearchableMap.from<string>(learnt.words);
  // A Set for the many lookups of compound splitting; the map is for fuzzy matching.
  const known = new Set(learnt.words.map(([folded]) => folded));
  const terms = new Set(learnt.terms);
  const isPart = (folded: string) => folded.length >= MIN_PART && known.has(folded);

  /**
   * The first part of a compound need not occur alone in the knowledge: "rotte" in
   * "rottebekæmpelse" is found because "bekæmpelse" is a known word.
   */
  const knownTail = (word: string): string[] | undefined => {
    for (let i = MIN_HEAD; i <= word.length - MIN_TAIL; i++) {
      const tail = word.slice(i);
      if (isPart(tail)) return [word.slice(0, i), tail];
    }
    return undefined;
  };

  return {
    hasWord: (folded) => known.has(folded),
    hasTerm: (t) => terms.has(t),
    partsOf(folded) {
      if (folded.length < MIN_COMPOUND) return [];
      const parts = splitCompound(folded, isPart, false) ?? knownTail(folded);
      return parts && parts.length > 1 ? parts.filter((p) => !isStopWord(p)).map(stem) : [];
    },
    looseParts(word) {
      const isKnown = (part: string) => part.length >= LOOSE_PART && known.has(part);
      // The longest known head first: "kørsel|s|penge", not "kør|sels|penge".
      for (let i = word.length - LOOSE_PART; i >= LOOSE_PART; i--) {
        for (const link of LINKS) {
          if (!word.startsWith(link, i)) continue;
          const found = [word.slice(0, i), word.slice(i + link.length)].filter(isKnown);
          if (found.length > 0) return found.map(stem);
        }
      }
      return [];
    },
    joinedTerm(modifier, head) {
      // "rydde sne" is snerydning: the head may stand as the verb of the compound's noun.
      const ends = [term(head), ...nounForms(fold(head)).map(stem)].filter((e) => e.length >= MIN_JOINED_HEAD);
      for (const start of new Set([fold(modifier), term(modifier)])) {
        if (start.length < MIN_PART) continue;
        for (const end of ends) {
          for (const link of LINKS) {
            const joined = start + link + end;
            if (terms.has(joined)) return joined;
          }
        }
      }
      return undefined;
    },
    // Fuzzy lookups are the costliest step of a question: each word's is worked out once.
    correct: memoize((word: string) => {
      const folded = fold(word);
      const max = maxTypos(folded);
      // A real word the knowledge lacks is not a misspelling of one it has ("regnskov", "route").
      if (max === 0 || terms.has(term(word)) || known.has(folded) || isKnownWord(word)) return undefined;
      const found = [...words.fuzzyGet(folded, max)].sort((a, b) => a[1][1] - b[1][1]);
      const [best, next] = found;
      return best && (!next || next[1][1] > best[1][1]) ? best[1][0] : undefined;
    }),
  };
}
