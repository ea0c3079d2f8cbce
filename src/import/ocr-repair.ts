/**
 * Repairs Danish letters that OCR damaged (ø read as g/p/@/¢/e, æ as ae/ee/z/a, å as a,
 * l as I). A token is replaced only when it is not a Danish word and exactly one
 * repaired spelling is; otherwise it is left as written and can be fixed by hand.
 */
import type { DanishLexicon } from "./danish-lexicon.js";

/** What OCR wrote → what the letter may have been. Longer patterns first. */
const DAMAGE: readonly (readonly [string, readonly string[]])[] = [
  // ø read as two glyphs, one of them a symbol: @P, g@, @g, ¢g.
  ["@p", ["ø"]],
  ["g@", ["ø"]],
  ["@g", ["ø"]],
  ["¢g", ["ø"]],
  ["zae", ["æ"]],
  ["aze", ["æ"]],
  ["ae", ["æ"]],
  ["ee", ["æ"]],
  ["ze", ["æ"]],
  ["@", ["ø", "æ"]],
  ["¢", ["ø"]],
  ["g", ["ø"]],
  ["p", ["ø"]],
  ["e", ["ø", "æ"]],
  ["a", ["å", "æ"]],
  ["z", ["æ"]],
  ["o", ["ø"]],
];
/**
 * A word as the OCR wrote it: letters and the symbols it reads damaged letters as
 * (@, ¢, ® inside a word; & between two such runs, as in `a&ndringer`), so a symbol
 * stays part of its word for the repairs and for the hand fixes.
 */
const WORD = /[\p{L}@¢®]+(?:&[\p{L}@¢®]+)*/gu;
/** A capital I between two lowercase words. */
const MID_SENTENCE_I = /(?<=\p{Ll},? )I(?= \p{Ll})/gu;
/** More repairs than this in one word is more likely a different word than damage. */
const MAX_REPAIRS = 3;

export interface Repair {
  from: string;
  to: string;
}

export interface OcrRepairer {
  /** The repaired word, or undefined when it should stay as written. */
  repairWord(word: string): string | undefined;
  /** Repairs every word of a line; `repairs` collects what changed. */
  repairLine(line: string, repairs?: Repair[]): string;
}

/** `overrides` maps damaged words to their correct spelling where the dictionary cannot. */
export function createOcrRepairer(
  lexicon: DanishLexicon,
  overrides: Readonly<Record<string, string>> = {},
): OcrRepairer {
  const cache = new Map<string, string | undefined>(Object.entries(overrides));

  const repairWord = (word: string): string | undefined => {
    if (cache.has(word)) return cache.get(word);
    const result = repairUncached(word, lexicon);
    cache.set(word, result);
    return result;
  };

  return {
    repairWord,
    repairLine(line, repairs) {
      // Hyphenated words (IT-netværket) are repaired part by part.
      const repaired = line.replace(WORD, (word, at: number) => {
        if (inAbbreviation(line, at, word.length)) return word;
        const fixed = repairWord(word);
        if (fixed === undefined) return word;
        repairs?.push({ from: word, to: fixed });
        return fixed;
      });
      // A capital I between lowercase words is the preposition i ("deltagelse I referencegrupper"),
      // and `&r` is år with its å read as &.
      return repaired.replace(MID_SENTENCE_I, "i").replace(/(?<=^|\s)&r\b/gu, "år");
    },
  };
}

/** A letter run with a full stop before or after it inside the token: "bl.a.", "m.v.", "f.eks.". */
function inAbbreviation(line: string, at: number, length: number): boolean {
  const after = line.slice(at + length, at + length + 2);
  const before = line.slice(Math.max(0, at - 2), at);
  return /^\.\p{L}/u.test(after) || /\p{L}\.$/u.test(before);
}

function repairUncached(word: string, lexicon: DanishLexicon): string | undefined {
  // An acronym whose last I was read as l: "Bl" is BI.
  if (/^\p{Lu}+l$/u.test(word) && !lexicon.isWord(word)) return `${word.slice(0, -1)}I`;
  // Short words in capitals are abbreviations (SA, UMT, GIS), not damaged Danish.
  if (word.length <= 4 && !word.includes("@") && word === word.toLocaleUpperCase("da")) {
    return undefined;
  }
  if (!word.includes("@") && lexicon.isWord(word)) return ambiguousCommonWord(word, lexicon);
  const [best, second] = repairCandidates(word, lexicon);
  if (!best || (second && second.cost === best.cost)) return undefined;
  return best.word;
}

/**
 * Danish words the OCR'd `word` may have been, most plausible first: fewer compound
 * parts, then fewer repairs (`lønsystem` beats `løn-sys-tøm`).
 */
export function repairCandidates(word: string, lexicon: DanishLexicon) {
  const found = new Map<string, number>();
  for (const [candidate, repairs] of variants(word)) {
    if (candidate === word || found.has(candidate)) continue;
    const parts = lexicon.parts(candidate);
    if (parts !== undefined) found.set(candidate, parts * (MAX_REPAIRS + 1) + repairs);
  }
  return [...found]
    .map(([candidate, cost]) => ({ word: candidate, cost }))
    .sort((a, b) => a.cost - b.cost);
}

/**
 * Short words like `pa`/`på` or `sa`/`så` are both dictionary words. When the damaged
 * spelling never occurs in the clean reference documents and exactly one repair occurs
 * there often, the reference documents decide.
 */
function ambiguousCommonWord(word: string, lexicon: DanishLexicon): string | undefined {
  if (lexicon.referenceCount(word) > 0) return undefined;
  const frequent = [...variants(word, 1)]
    .map(([candidate]) => candidate)
    .filter((c) => c !== word && lexicon.referenceCount(c) >= 3);
  return frequent.length === 1 ? frequent[0] : undefined;
}

/** Every spelling reachable by undoing at most `max` OCR damages, in a fixed order. */
function* variants(word: string, max = MAX_REPAIRS): Generator<[string, number]> {
  const upper = word.length > 1 && word === word.toLocaleUpperCase("da");
  function* from(i: number, prefix: string, left: number): Generator<[string, number]> {
    if (i >= word.length) {
      yield [prefix, max - left];
      return;
    }
    yield* from(i + 1, prefix + word[i], left);
    if (left === 0) return;
    // `I` starting a lowercase word is usually a misread `l` (Ign = løn, I¢n = løn).
    if (i === 0 && /^I[\p{Ll}@¢]/u.test(word)) yield* from(1, "l", left - 1);
    const rest = word.slice(i).toLocaleLowerCase("da");
    for (const [damaged, letters] of DAMAGE) {
      if (!rest.startsWith(damaged)) continue;
      // `@` stands for Ø at the start of a word or in capitals; otherwise keep the case seen.
      const capital = upper || (word[i] === "@" ? i === 0 : word[i] !== rest[0]);
      for (const letter of letters) {
        const next = capital ? letter.toLocaleUpperCase("da") : letter;
        yield* from(i + damaged.length, prefix + next, left - 1);
      }
    }
  }
  yield* from(0, "", max);
}
