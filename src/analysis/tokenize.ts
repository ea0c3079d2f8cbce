/** Words of a text: runs of letters and digits; hyphenated words (IT-support) give their parts too. */
export function tokenize(text: string): string[] {
  const words = text.match(/[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (/[-'’]/.test(w)) out.push(w.replace(/[-'’]/g, ""), ...w.split(/[-'’]/));
    else out.push(w);
  }
  return out;
}
