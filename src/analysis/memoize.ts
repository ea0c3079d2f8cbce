/** Words remembered per cache; questions bring new words forever, so the cache starts over. */
const MAX_MEMO = 200_000;

/** A pure function of a word, worked out once per word: texts repeat their words. */
export function memoize<T>(fn: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    let value = cache.get(word);
    // "No answer" (undefined) is remembered too.
    if (value === undefined && !cache.has(word)) {
      value = fn(word);
      if (cache.size >= MAX_MEMO) cache.clear();
      cache.set(word, value);
    }
    return value as T;
  };
}
