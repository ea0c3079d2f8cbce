/**
 * Whether a word is Danish, so a real word is never "corrected" into a knowledge word
 * it happens to resemble ("regnskov" is not a misspelling of "regnskab"). The words
 * of hunspell's Danish dictionary are kept as their analysed stems in a Bloom filter
 * (`npm run lexicon` writes it): about 450 KB and a millisecond to load, where the
 * dictionary itself takes seconds and hundreds of megabytes.
 */
import { readFileSync } from "node:fs";
import { type BloomFilter, bloomFilter } from "./bloom-filter.js";
import { fold } from "./fold.js";
import { stem } from "./stem.js";

export const DANISH_STEMS_FILE = new URL("./danish-stems.bloom", import.meta.url);

/** The key a word is kept under: its stem, so every inflection of a dictionary word counts. */
export function danishWordKey(word: string): string {
  return stem(fold(word));
}

let stems: BloomFilter | undefined;

/** True for a word of the Danish dictionary in any inflection (and ~1% of other words). */
export function isDanishWord(word: string): boolean {
  stems ??= bloomFilter(new Uint8Array(readFileSync(DANISH_STEMS_FILE)));
  return stems.has(danishWordKey(word));
}
