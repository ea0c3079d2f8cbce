/**
 * Folding makes spellings without æ, ø and å meet the correct ones: people type
 * "byggeansogning", "boern", "sygefravaer" or "laan". Both the index and the query
 * are folded; answers always show the original text.
 */
export function fold(word: string): string {
  return word
    .normalize("NFKC")
    .toLocaleLowerCase("da")
    .replace(/ae|æ|ä/g, "a")
    .replace(/oe|ø|ö/g, "o")
    .replace(/aa|å/g, "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}
