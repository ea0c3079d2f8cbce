/**
 * Whether a word is a real Danish or English word, so a real word is never "corrected"
 * into a knowledge word it happens to resemble ("regnskov" is not a misspelling of
 * "regnskab", nor "route" of "rotte"). Every word form of hunspell's Danish and English
 * dictionaries is kept in a Bloom filter (`npm run lexicon` writes them): a millisecond
 * to load, where the dictionaries themselves take seconds and hundreds of megabytes.
 */
import { readFileSync } from "node:fs";
import { type BloomFilter, bloomFilter } from "./bloom-filter.js";
import { fold } from "./fold.js";

export const WORD_LISTS = {
  da: new URL("./danish-words.bloom", import.meta.url),
  en: new URL("./english-words.bloom", import.meta.url),
} as const;

/** The key a word form is kept under: as the analysis compares words, folded. */
export function wordKey(word: string): string {
  return fold(word);
}

const loaded: Partial<Record<keyof typeof WORD_LISTS, BloomFilter | null>> = {};

/** A missing or damaged list is a broken install: said once, and then no word counts as known. */
function list(language: keyof typeof WORD_LISTS): BloomFilter | null {
  let filter = loaded[language];
  if (filter === undefined) {
    try {
      filter = bloomFilter(new Uint8Array(readFileSync(WORD_LISTS[language])));
    } catch (error) {
      process.emitWarning(
        `Ordlisten ${WORD_LISTS[language].pathname} mangler eller er beskadiget (${(error as Error).message}); kør npm run lexicon. Indtil da rettes også rigtige ord som stavefejl.`,
      );
      filter = null;
    }
    loaded[language] = filter;
  }
  return filter;
}

/** True for a word form of the Danish or English dictionary (and one in a thousand other words). */
export function isKnownWord(word: string): boolean {
  const key = wordKey(word);
  return list("da")?.has(key) === true || list("en")?.has(key) === true;
}
