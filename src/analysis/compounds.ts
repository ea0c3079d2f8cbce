/**
 * Danish writes compounds as one word ("rottebekæmpelse", "byggeansøgninger"), so
 * the word a user asks about is often hidden inside a longer one. A word is split
 * into known words, with the linking letters Danish puts between parts.
 */

/** Parts shorter than this turn nonsense into "compounds". */
export const MIN_PART = 3;
/** Linking letters between compound parts: sygefravær-s-samtale, rott-e-bekæmpelse. */
const LINKS = ["", "s", "e"];

/**
 * The split of `word` into the fewest parts that `isPart` accepts, or undefined.
 * A word `isPart` accepts as a whole comes back as one part, unless `whole` is
 * false (to find the parts of a known compound).
 */
export function splitCompound(
  word: string,
  isPart: (part: string) => boolean,
  whole = true,
): string[] | undefined {
  if (whole && isPart(word)) return [word];
  const n = word.length;
  // Over the word's prefixes: parts[i] is the fewest parts that make word[0, i), 0 for
  // none; the last of them starts at from[i], after the part that ends at before[i].
  const parts = new Uint16Array(n + 1);
  const from = new Uint16Array(n + 1);
  const before = new Uint16Array(n + 1);
  for (let i = MIN_PART; i <= n; i++) {
    if (i < n && isPart(word.slice(0, i))) {
      parts[i] = 1;
      continue;
    }
    for (let j = MIN_PART; j <= i - MIN_PART; j++) {
      if (parts[j] === 0) continue;
      for (const link of LINKS) {
        const start = j + link.length;
        if (i - start < MIN_PART || (link !== "" && !word.startsWith(link, j))) continue;
        const count = (parts[j] as number) + 1;
        if ((parts[i] === 0 || count < (parts[i] as number)) && isPart(word.slice(start, i))) {
          parts[i] = count;
          from[i] = start;
          before[i] = j;
        }
      }
    }
  }
  if (parts[n] === 0) return undefined;
  const split: string[] = [];
  let end = n;
  while (parts[end] !== 1) {
    split.unshift(word.slice(from[end], end));
    end = before[end] as number;
  }
  split.unshift(word.slice(0, end));
  return split;
}
