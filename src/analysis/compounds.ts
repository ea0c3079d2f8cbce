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
 * false (to find the parts of a known compound). `memo` caches splits of parts
 * across calls with the same `isPart`.
 */
export function splitCompound(
  word: string,
  isPart: (part: string) => boolean,
  memo: Map<string, string[] | undefined> = new Map(),
  whole = true,
): string[] | undefined {
  if (whole && memo.has(word)) return memo.get(word);
  let best: string[] | undefined = whole && isPart(word) ? [word] : undefined;
  // A split ends in a known part: most words have none, and need no search.
  if (!best && !endsInPart(word, isPart)) {
    if (whole) memo.set(word, undefined);
    return undefined;
  }
  for (let i = MIN_PART; best?.length !== 1 && i <= word.length - MIN_PART; i++) {
    const head = splitCompound(word.slice(0, i), isPart, memo);
    if (!head) continue;
    const rest = word.slice(i);
    for (const link of LINKS) {
      if (!rest.startsWith(link) || rest.length - link.length < MIN_PART) continue;
      const tail = splitCompound(rest.slice(link.length), isPart, memo);
      if (tail && (!best || head.length + tail.length < best.length)) best = [...head, ...tail];
    }
  }
  if (whole) memo.set(word, best);
  return best;
}

function endsInPart(word: string, isPart: (part: string) => boolean): boolean {
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) if (isPart(word.slice(i))) return true;
  return false;
}
