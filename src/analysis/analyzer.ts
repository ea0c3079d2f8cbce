/**
 * The one text-analysis pipeline, used both to index knowledge and to read
 * questions, so the two always meet: tokenize → drop stop words → fold æ/ø/å →
 * stem → add compound parts → (questions only) add word families, synonyms and rules.
 */
import { fold as foldWord } from "./fold.js";
import { memoize } from "./memoize.js";
import { type QueryTerm, queryTerms, type TermWeights } from "./query-terms.js";
import { stem } from "./stem.js";
import { isStopWord as isStopWordUncached } from "./stopwords.js";
import {
  type AnalysedRule,
  analyseRules,
  analyseSynonyms,
  ruleIndex,
  type SynonymMember,
  synonymIndex,
  type VocabularyRule,
} from "./synonym-groups.js";
import { createVocabulary, type LearntWords, learnWords, type WordSteps } from "./vocabulary.js";

export type { QueryTerm, TermOrigin, TermWeights } from "./query-terms.js";
export type { SynonymMember, VocabularyRule } from "./synonym-groups.js";

export interface Analyzer {
  /** The terms one word of a knowledge text is indexed under (none for a stop word). */
  wordTerms(word: string): string[];
  /** The weighted terms of a question, best first. */
  queryTerms(question: string, weights: TermWeights): QueryTerm[];
  /** The analysed form of one word (for suggestions and tests). */
  term(word: string): string;
}

/**
 * Everything an analyzer learns from the knowledge and its vocabulary: the costly part
 * of analysis (stemming, compound splitting), saved with an index snapshot so a
 * loaded analyzer only builds its lookups.
 */
export interface AnalyzerState extends LearntWords {
  /** Synonym groups, merged where they share a member: one word or phrase each. */
  synonyms: SynonymMember[][];
  /** Compound parts of synonym terms: "vejbelysning" → vej, belysning. */
  synonymParts: [term: string, parts: string[]][];
  /** One-way rules, analysed. */
  rules: AnalysedRule[];
}

export type AnalyzerOptions =
  | {
      /** Texts to learn words from: everything that is indexed. */
      texts: Iterable<string>;
      /** Groups of words and phrases that mean the same. */
      synonyms: readonly (readonly string[])[];
      /** One-way rules: everyday and English words → the catalogue's terms. */
      rules?: readonly VocabularyRule[];
    }
  | { state: AnalyzerState };

export function createAnalyzer(options: AnalyzerOptions): Analyzer & { state(): AnalyzerState } {
  // Each distinct word is folded, stemmed and checked once, however often it occurs.
  const fold = memoize(foldWord);
  const steps: WordSteps = {
    fold,
    isStopWord: memoize(isStopWordUncached),
    term: memoize((word: string) => stem(fold(word))),
  };
  const learnt =
    "state" in options ? options.state : learnWords(learnedTexts(options), steps);
  const vocabulary = createVocabulary(learnt, steps);
  const wordTerms = memoize((word: string): string[] =>
    steps.isStopWord(word) ? [] : [steps.term(word), ...vocabulary.partsOf(fold(word))],
  );
  const state: AnalyzerState =
    "state" in options
      ? options.state
      : {
          ...learnt,
          ...analyseSynonyms(options.synonyms, steps, wordTerms),
          rules: analyseRules(options.rules ?? [], steps),
        };
  const context = {
    steps,
    vocabulary,
    synonyms: synonymIndex(state.synonyms, state.synonymParts),
    rules: ruleIndex(state.rules),
  };
  return {
    state: () => state,
    term: steps.term,
    wordTerms,
    queryTerms: (question, weights) => queryTerms(question, context, weights),
  };
}

/**
 * The words to know: the indexed texts, and the synonyms' words, so a misspelling of
 * one is corrected. Rules' words are not: they would become compound parts of the
 * knowledge's words, and a rule edit would then change how the knowledge is indexed.
 */
function* learnedTexts(options: Extract<AnalyzerOptions, { texts: unknown }>): Iterable<string> {
  yield* options.texts;
  for (const group of options.synonyms) yield* group;
}
