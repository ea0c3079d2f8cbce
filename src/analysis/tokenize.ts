/**
 * Words of a text: runs of letters and digits. A hyphenated word (IT-support) or a
 * web address (www.randers.dk, randers.dk) gives itself and its parts; an
 * apostrophe (driver's) is dropped.
 */
export function tokenize(text: string): string[] {
  const words = text.match(/[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    // Most words are plain letters: one test instead of the rewrites below.
    if (!/[-.'’]/u.test(word)) {
      out.push(word);
      continue;
    }
    const w = word.replace(/^www\./iu, "").replace(/['’]\p{L}{0,2}$/u, "").replace(/['’]/g, "");
    if (/[-.]/.test(w)) out.push(w.replace(/[-.]/g, ""), ...w.split(/[-.]/).filter((p) => p.length > 1));
    else out.push(w);
  }
  return out;
}
