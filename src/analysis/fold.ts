/**
 * Folding makes spellings without æ, ø and å meet the correct ones: people type
 * "byggeansogning", "boern", "sygefravaer" or "laan". Both the index and the query
 * are folded; answers always show the original text.
 */
export function fold(word: string): string {
  let w = word.toLowerCase();
  // Only non-ASCII text needs Unicode work; most words are plain ASCII.
  if (/[^\x20-\x7e]/.test(w)) {
    w = w
      .normalize("NFKC")
      .replace(/[æä]/g, "a")
      .replace(/[øö]/g, "o")
      .replace(/å/g, "a")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
  }
  return w.replace(/ae/g, "a").replace(/oe/g, "o").replace(/aa/g, "a");
}
