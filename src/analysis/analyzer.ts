/**
 * The one text-analysis pipeline, used both to index knowledge and to read
 * questions, so the two always meet: tokenize → drop stop words → fold æ/ø/å →
 * stem → add compound parts → (questions only) add synonyms.
 */
import SearchableMap from "minisearch/SearchableMap";
import { MIN_PART, splitCompound } from "./compounds.js";
import { fold } from "./fold.js";
import { stem } from "./stem.js";
import { isStopWord } from "./stopwords.js";
import { tokenize } from "./tokenize.js";

/** Why a query term is there: the user's word, a part of it, or a synonym of either. */
export type TermOrigin = "word" | "part" | "synonym";

export interface QueryTerm {
  term: string;
  weight: number;
  origin: TermOrigin;
  /** The word of the question the term came from, as typed. */
  word: string;
  /** The knowledge's own word, when the typed word was a misspelling of it. */
  correction?: string;
}

export interface Analyzer {
  /** The terms one word of a knowledge text is indexed under (none for a stop word). */
  wordTerms(word: string): string[];
  /** The weighted terms of a question, best first. */
  queryTerms(question: string): QueryTerm[];
  /** The analysed form of one word (for suggestions and tests). */
  term(word: string): string;
}

export const WEIGHTS: Readonly<Record<TermOrigin | "partSynonym", number>> = {
  word: 1,
  synonym: 0.8,
  part: 0.6,
  partSynonym: 0.5,
};
/** A corrected misspelling counts a little less than the word as typed. */
const CORRECTED = 0.85;

/** Edits allowed when correcting a word: none for short words, more for long ones. */
export function maxTypos(term: string): number {
  return term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/** Only words at least this long are looked at as compounds. */
const MIN_COMPOUND = 2 * MIN_PART;

export interface AnalyzerOptions {
  /** Texts whose words may be parts of compounds: the knowledge itself. */
  lexiconTexts: Iterable<string>;
  /** Groups of words and phrases that mean the same. */
  synonyms: readonly (readonly string[])[];
}

export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  const lexicon = new Set<string>();
  for (const text of options.lexiconTexts) {
    for (const word of tokenize(text)) {
      if (word.length >= MIN_PART && !isStopWord(word)) lexicon.add(fold(word));
    }
  }
  const memo = new Map<string, string[] | undefined>();
  const partsOf = (folded: string): string[] => {
    if (folded.length < MIN_COMPOUND) return [];
    const parts = splitCompound(folded, (p) => lexicon.has(p), memo);
    return parts && parts.length > 1 ? parts.filter((p) => !isStopWord(p)).map(stem) : [];
  };
  const term = (word: string) => stem(fold(word));
  const synonyms = synonymIndex(options.synonyms, (phrase) =>
    tokenize(phrase)
      .filter((w) => !isStopWord(w))
      .map(term),
  );
  // Every term the knowledge and the synonym list know, with a word to show for it.
  const known = new SearchableMap<string>();
  for (const text of options.lexiconTexts) {
    for (const word of tokenize(text)) {
      if (isStopWord(word)) continue;
      const t = term(word);
      if (!known.has(t)) known.set(t, word.toLocaleLowerCase("da"));
    }
  }
  for (const group of options.synonyms) {
    for (const phrase of group) {
      for (const word of tokenize(phrase)) if (!isStopWord(word)) known.set(term(word), word);
    }
  }
  /** The known term closest to an unknown one, when exactly one is closest. */
  const correct = (t: string): string | undefined => {
    const max = maxTypos(t);
    if (max === 0 || known.has(t)) return undefined;
    const found = [...known.fuzzyGet(t, max)].sort((a, b) => a[1][1] - b[1][1]);
    const [best, next] = found;
    return best && (!next || next[1][1] > best[1][1]) ? best[0] : undefined;
  };

  return {
    term,
    wordTerms(word) {
      if (isStopWord(word)) return [];
      const folded = fold(word);
      return [stem(folded), ...partsOf(folded)];
    },
    queryTerms(question) {
      const terms = new Map<string, QueryTerm>();
      const add = (t: QueryTerm) => {
        const known = terms.get(t.term);
        if (!known || known.weight < t.weight) terms.set(t.term, t);
      };
      const words = tokenize(question).filter((w) => !isStopWord(w));
      const wordTerms = words.map((word) => {
        const typed = term(word);
        // A compound of known words is not a misspelling.
        const fixed = partsOf(fold(word)).length > 0 ? undefined : correct(typed);
        return fixed ? { term: fixed, correction: known.get(fixed) } : { term: typed };
      });
      words.forEach((word, i) => {
        const { term: t, correction } = wordTerms[i] as { term: string; correction?: string };
        const weight = correction ? WEIGHTS.word * CORRECTED : WEIGHTS.word;
        add({ term: t, weight, origin: "word", word, ...(correction ? { correction } : {}) });
        if (correction) return;
        for (const part of partsOf(fold(word))) {
          add({ term: part, weight: WEIGHTS.part, origin: "part", word });
        }
      });
      // Synonyms of the question's words (and of phrases in it), then of compound parts.
      for (const t of [...terms.values()]) {
        const weight = t.origin === "word" ? WEIGHTS.synonym : WEIGHTS.partSynonym;
        for (const other of synonyms(
          t.term,
          wordTerms.map((w) => w.term),
        )) {
          add({ term: other, weight, origin: "synonym", word: t.word });
        }
      }
      return [...terms.values()].sort((a, b) => b.weight - a.weight);
    },
  };
}

/**
 * Looks up the synonyms of a term. Groups sharing a word are merged, as the admin
 * was warned by `hvem check`. A phrase ("building permit") matches when all its
 * terms are in the question.
 */
function synonymIndex(
  groups: readonly (readonly string[])[],
  analyse: (phrase: string) => string[],
): (term: string, questionTerms: readonly string[]) => string[] {
  const groupOf = new Map<string, Set<string[]>>();
  for (const group of groups) {
    const members = group.map(analyse).filter((m) => m.length > 0);
    const merged = new Set<string[]>(members);
    for (const member of members) {
      for (const known of groupOf.get(member.join(" ")) ?? []) merged.add(known);
    }
    for (const member of merged) groupOf.set(member.join(" "), merged);
  }
  const byFirstTerm = new Map<string, string[][]>();
  for (const key of groupOf.keys()) {
    const member = key.split(" ");
    const first = member[0] as string;
    byFirstTerm.set(first, [...(byFirstTerm.get(first) ?? []), member]);
  }
  return (term, questionTerms) => {
    const out = new Set<string>();
    for (const member of byFirstTerm.get(term) ?? []) {
      if (!member.every((t) => questionTerms.includes(t) || t === term)) continue;
      for (const other of groupOf.get(member.join(" ")) ?? []) {
        for (const t of other) if (t !== term && !member.includes(t)) out.add(t);
      }
    }
    return [...out];
  };
}
