/** Every word form a hunspell dictionary spells, lowercase (for `npm run lexicon` and its test). */
import nspell from "nspell";

export function wordForms(dictionary: Parameters<typeof nspell>[0]): string[] {
  // nspell keeps the expanded forms as the keys of its (undocumented) `data`.
  const forms = Object.keys((nspell(dictionary) as unknown as { data: Record<string, unknown> }).data);
  return forms.filter((w) => !/['’]/.test(w)).map((w) => w.toLowerCase());
}
