/**
 * The one text-analysis pipeline, used both to index knowledge and to read
 * questions, so the two always meet: tokenize → drop stop words → fold æ/ø/å →
 * stem → add compound parts → (questions only) add synonyms.
 */
import SearchableMap from "minisearch/SearchableMap";
import { MIN_PART, splitCompound } from "./compounds.js";
import { fold as foldWord } from "./fold.js";
import { isKnownWord } from "./known-words.js";
import { memoize } from "./memoize.js";
import { stem } from "./stem.js";
import { isStopWord as isStopWordUncached } from "./stopwords.js";
import { tokenize, tokenizeAsWritten } from "./tokenize.js";

/**
 * Why a query term is there: the user's word, a part of it, a compound of it and
 * the next word ("skade på arbejdet" → arbejdsskade), or a synonym of any of them.
 */
export type TermOrigin = "word" | "part" | "joined" | "synonym";

export interface QueryTerm {
  term: string;
  weight: number;
  origin: TermOrigin;
  /** The word of the question the term came from, as typed. */
  word: string;
  /** Other words of the question the term also stands for: a synonym two share, the rest of a phrase. */
  others?: readonly string[];
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
  joined: 0.9,
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

/** A joined compound's last part is at least this long: "ingen" (ing) is no head. */
const MIN_JOINED_HEAD = 4;
/** Letters that link the parts of a Danish compound: arbejd-s-skade, grav-e-tilladelse. */
const LINKS = ["", "s", "e"];

/**
 * Positions of adjacent words of a question as [modifier, head] in both orders:
 * "løn seddel" is lønseddel, "tilladelse (til at) grave" is gravetilladelse.
 */
function neighbours(count: number): [number, number][] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, i) => [
    [i, i + 1],
    [i + 1, i],
  ] satisfies [number, number][]).flat();
}

/** Only words at least this long are looked at as compounds. */
const MIN_COMPOUND = 2 * MIN_PART;
/** A part found in a word the knowledge lacks is at least this long. */
const LOOSE_PART = 5;
/** An unknown first part and a known last part must be this long to be trusted. */
const MIN_HEAD = 4;
const MIN_TAIL = 5;

/**
 * Everything an analyzer learns from the knowledge and its synonyms: the costly part
 * of analysis (stemming, compound splitting), saved with an index snapshot so a
 * loaded analyzer only builds its lookups.
 */
export interface AnalyzerState {
  /** Every word of the knowledge and of its synonyms: folded, as written (lowercase). */
  words: [folded: string, word: string][];
  /** Every term the knowledge is indexed under, and every synonym's term. */
  terms: string[];
  /** Synonym groups, merged where they share a member: one word or phrase each. */
  synonyms: SynonymMember[][];
  /** Compound parts of synonym terms: "vejbelysning" → vej, belysning. */
  synonymParts: [term: string, parts: string[]][];
}

/**
 * A word or phrase of a synonym group: its terms, and the small words it also needs
 * in the question ("sat ud", evicted, is not "sat" alone).
 */
export interface SynonymMember {
  terms: string[];
  context: string[];
}

export type AnalyzerOptions =
  | {
      /** Texts to learn words from: the knowledge itself. */
      texts: Iterable<string>;
      /** Groups of words and phrases that mean the same. */
      synonyms: readonly (readonly string[])[];
    }
  | { state: AnalyzerState };

export function createAnalyzer(options: AnalyzerOptions): Analyzer & { state(): AnalyzerState } {
  // Each distinct word is folded and checked once, however often it occurs.
  const fold = memoize(foldWord);
  const isStopWord = memoize(isStopWordUncached);
  const term = memoize((word: string) => stem(fold(word)));
  const vocabulary =
    "state" in options
      ? options.state
      : learn([...options.texts, ...options.synonyms.flat()], term, fold, isStopWord);
  // Folded words are compound parts and the vocabulary misspellings are corrected to.
  const words = SearchableMap.from<string>(vocabulary.words);
  // A Set for the many lookups of compound splitting; the map is for fuzzy matching.
  const known = new Set(vocabulary.words.map(([folded]) => folded));
  const terms = new Set(vocabulary.terms);
  const isPart = (folded: string) => folded.length >= MIN_PART && known.has(folded);
  const partsOf = (folded: string): string[] => {
    if (folded.length < MIN_COMPOUND) return [];
    const parts = splitCompound(folded, isPart, false) ?? knownTail(folded);
    return parts && parts.length > 1 ? parts.filter((p) => !isStopWord(p)).map(stem) : [];
  };
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
  /**
   * Danish says a compound in two words, either way round: "løn seddel",
   * "tilladelse til at grave" (gravetilladelse). The two words are joined, with or
   * without a linking s or e, when the knowledge has that compound.
   */
  const joinedTerm = (modifier: string, head: string): string | undefined => {
    const end = term(head);
    if (end.length < MIN_JOINED_HEAD) return undefined;
    for (const start of new Set([fold(modifier), term(modifier)])) {
      if (start.length < MIN_PART) continue;
      for (const link of LINKS) {
        const joined = start + link + end;
        if (terms.has(joined)) return joined;
      }
    }
    return undefined;
  };
  /**
   * A question's word the knowledge does not have may still be a compound with one
   * part the knowledge has as a word: "kørselspenge" is about kørsel, "trafiklysene"
   * about trafik. Such loosely found parts are trusted less: they bring no synonyms.
   */
  const looseParts = (word: string): string[] => {
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
  };
  const analysePhrase = (phrase: string): SynonymMember => {
    const member: SynonymMember = { terms: [], context: [] };
    const words = new Map<string, string[]>();
    for (const { token, written } of tokenizeAsWritten(phrase)) words.set(written, [...(words.get(written) ?? []), token]);
    for (const [whole, ...parts] of words.values()) {
      // A hyphenated word counts by its parts, so "follow-up" also matches "follow up";
      // a word of small words only ("it-bruger") by itself.
      const meaningful = parts.filter((p) => !isStopWord(p));
      if (parts.length === 0) (isStopWord(whole as string) ? member.context : member.terms).push(term(whole as string));
      else if (meaningful.length === 0) member.terms.push(term(whole as string));
      else {
        member.terms.push(...meaningful.map(term));
        member.context.push(...parts.filter(isStopWord).map(term));
      }
    }
    return member;
  };

  /** The knowledge's word closest to an unknown one, when exactly one is closest. */
  const correct = (word: string): string | undefined => {
    const folded = fold(word);
    const max = maxTypos(folded);
    // A real word the knowledge lacks is not a misspelling of one it has ("regnskov", "route").
    if (max === 0 || terms.has(term(word)) || words.has(folded) || isKnownWord(word)) return undefined;
    const found = [...words.fuzzyGet(folded, max)].sort((a, b) => a[1][1] - b[1][1]);
    const [best, next] = found;
    return best && (!next || next[1][1] > best[1][1]) ? best[1][0] : undefined;
  };

  const wordTerms = memoize((word: string): string[] =>
    isStopWord(word) ? [] : [term(word), ...partsOf(fold(word))],
  );
  const state: AnalyzerState =
    "state" in options
      ? options.state
      : { ...vocabulary, ...analyseSynonyms(options.synonyms, analysePhrase, wordTerms) };
  // A synonym's compound parts count too: "gadelygte" = "vejbelysning" reaches "gadebelysning".
  const partsOfTerm = new Map(state.synonymParts);
  const synonyms = synonymIndex(state.synonyms, (t) => partsOfTerm.get(t) ?? []);

  return {
    state: () => state,
    term,
    wordTerms,
    queryTerms(question) {
      const found = new Map<string, QueryTerm>();
      // One term per entry, standing for every question word that brought it.
      const add = (t: QueryTerm) => {
        const existing = found.get(t.term);
        if (!existing) {
          found.set(t.term, t);
          return;
        }
        const [kept, other] = existing.weight < t.weight ? [t, existing] : [existing, t];
        const others = new Set([...(kept.others ?? []), ...(other.others ?? []), other.word]);
        others.delete(kept.word);
        found.set(t.term, others.size > 0 ? { ...kept, others: [...others] } : kept);
      };
      const all = tokenizeAsWritten(question);
      const tokens = all.filter((t) => !isStopWord(t.token));
      const asked = tokens.map((t) => t.token);
      const loose: QueryTerm[] = [];
      // Terms stand for the words as the user wrote them: "IT-support" is one word, not three.
      const written = tokens.map((t) => t.written);
      const typed = asked.map((word) => {
        const parts = partsOf(fold(word));
        // A compound of known words is not a misspelling.
        const correction = parts.length > 0 ? undefined : correct(word);
        return { term: term(correction ?? word), parts, ...(correction ? { correction } : {}) };
      });
      asked.forEach((token, i) => {
        const word = written[i] as string;
        const { term: t, parts, correction } = typed[i] as (typeof typed)[number];
        const weight = correction ? WEIGHTS.word * CORRECTED : WEIGHTS.word;
        add({ term: t, weight, origin: "word", word, ...(correction ? { correction } : {}) });
        // Snowball stems a definite form half-way ("blanketten" → blanket, "blanket" → blank):
        // stemmed once more, it meets the indefinite form when the knowledge has that.
        const further = stem(t);
        if (further !== t && terms.has(further)) add({ term: further, weight, origin: "word", word });
        if (correction) return;
        const folded = fold(token);
        for (const part of parts) add({ term: part, weight: WEIGHTS.part, origin: "part", word });
        if (parts.length === 0 && !words.has(folded) && !terms.has(t)) {
          for (const part of looseParts(folded)) loose.push({ term: part, weight: WEIGHTS.part, origin: "part", word });
        }
      });
      // The compound stands for its head word: "seddel" in "løn seddel".
      for (const [modifier, head] of neighbours(asked.length)) {
        const joined = joinedTerm(asked[modifier] as string, asked[head] as string);
        if (joined) add({ term: joined, weight: WEIGHTS.joined, origin: "joined", word: written[head] as string });
      }
      // Synonyms of the question's words (and of phrases in it), then of compound parts.
      const questionTerms = [...typed.map((w) => w.term), ...all.filter((t) => isStopWord(t.token)).map((t) => term(t.token))];
      for (const t of [...found.values()]) {
        const weight = t.origin === "word" ? WEIGHTS.synonym : WEIGHTS.partSynonym;
        for (const other of synonyms(t.term, questionTerms)) {
          const phraseWords = written.filter(
            (w, i) => w !== t.word && other.phrase.includes(typed[i]?.term ?? ""),
          );
          add({
            term: other.term,
            weight: other.part ? WEIGHTS.partSynonym : weight,
            origin: "synonym",
            word: t.word,
            ...(phraseWords.length > 0 ? { others: [...new Set(phraseWords)] } : {}),
          });
        }
      }
      for (const t of loose) add(t);
      // Synonyms last: the index records which terms matched for the first 32 only.
      return [...found.values()].sort(
        (a, b) => Number(a.origin === "synonym") - Number(b.origin === "synonym") || b.weight - a.weight,
      );
    },
  };
}

/**
 * Analyses the synonym groups, once, when learning. Groups sharing a member are
 * merged, as the admin was warned by `hvem check`.
 */
function analyseSynonyms(
  groups: readonly (readonly string[])[],
  analyse: (phrase: string) => SynonymMember,
  wordTerms: (word: string) => string[],
): Pick<AnalyzerState, "synonyms" | "synonymParts"> {
  const groupOf = new Map<string, Set<SynonymMember>>();
  const parts = new Map<string, string[]>();
  for (const group of groups) {
    const members = group.map(analyse).filter((m) => m.terms.length > 0);
    const merged = new Set<SynonymMember>(members);
    for (const member of members) {
      for (const known of groupOf.get(memberKey(member)) ?? []) merged.add(known);
    }
    for (const member of merged) groupOf.set(memberKey(member), merged);
    for (const word of group.flatMap((phrase) => tokenize(phrase))) {
      const [t, ...wordParts] = wordTerms(word);
      if (t && wordParts.length > 0) parts.set(t, wordParts);
    }
  }
  return { synonyms: [...new Set(groupOf.values())].map((merged) => [...merged]), synonymParts: [...parts] };
}

const memberKey = (member: SynonymMember) => [...member.terms, ...member.context].join(" ");

/** Looks up the synonyms of a term. A phrase ("building permit") matches when all its words are in the question. */
function synonymIndex(
  groups: readonly (readonly SynonymMember[])[],
  partsOf: (term: string) => readonly string[],
): (term: string, questionTerms: readonly string[]) => { term: string; part: boolean; phrase: readonly string[] }[] {
  const groupOf = new Map<string, readonly SynonymMember[]>();
  const byFirstTerm = new Map<string, SynonymMember[]>();
  for (const group of groups) {
    for (const member of group) {
      const key = memberKey(member);
      if (groupOf.has(key)) continue;
      groupOf.set(key, group);
      const first = member.terms[0] as string;
      byFirstTerm.set(first, [...(byFirstTerm.get(first) ?? []), member]);
    }
  }
  return (term, questionTerms) => {
    // Each synonym with whether it is a compound part, and the question's phrase that brought it.
    const out = new Map<string, { part: boolean; phrase: readonly string[] }>();
    for (const member of byFirstTerm.get(term) ?? []) {
      const needed = [...member.terms, ...member.context];
      if (!needed.every((t) => questionTerms.includes(t) || t === term)) continue;
      for (const other of groupOf.get(memberKey(member)) ?? []) {
        for (const t of other.terms) {
          if (t === term || member.terms.includes(t)) continue;
          out.set(t, { part: false, phrase: member.terms });
          for (const part of partsOf(t)) if (!out.has(part)) out.set(part, { part: true, phrase: member.terms });
        }
      }
    }
    return [...out].map(([t, found]) => ({ term: t, ...found }));
  };
}

/** Learns the vocabulary from texts, each distinct text once. */
function learn(
  texts: Iterable<string>,
  term: (word: string) => string,
  fold: (word: string) => string,
  isStopWord: (word: string) => boolean,
): Pick<AnalyzerState, "words" | "terms"> {
  // Texts repeat their words: analyse each distinct word once.
  const distinct = new Set<string>();
  for (const text of new Set(texts)) for (const word of tokenize(text)) distinct.add(word);
  const words = new Map<string, string>();
  const terms = new Set<string>();
  for (const word of distinct) {
    if (isStopWord(word)) continue;
    const folded = fold(word);
    if (!words.has(folded)) words.set(folded, word.toLowerCase());
    terms.add(term(word));
  }
  return { words: [...words], terms: [...terms] };
}
