/** Words of a text: runs of letters and digits; hyphenated words (IT-support) give their parts too. */
export function tokenize(text: string): string[] {
  const words = text.normalize("NFKC").match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  return words.flatMap((w) =>
    /[-'’]/.test(w) ? [w.replace(/[-'’]/g, ""), ...w.split(/[-'’]/)] : [w],
  );
}
