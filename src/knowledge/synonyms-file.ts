/**
 * The synonym list is a plain text file an admin edits: one group of words that mean
 * the same per line, separated by commas, `#` starts a comment.
 *
 *     skrald, affald, renovation
 */
import type { Problem } from "./problem.js";

export type SynonymGroup = readonly string[];

export function parseSynonymsFile(
  text: string,
  file: string,
): { groups: SynonymGroup[]; problems: Problem[] } {
  const groups: SynonymGroup[] = [];
  const problems: Problem[] = [];
  const seenOn = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*/, "").trim();
    if (!content) return;
    const words = [
      ...new Set(
        content
          .split(",")
          .map((w) => w.trim().toLocaleLowerCase("da").replace(/\s+/g, " "))
          .filter(Boolean),
      ),
    ];
    if (words.length < 2) {
      problems.push({
        severity: "error",
        file,
        line,
        message: `en synonymlinje skal have mindst to ord adskilt af komma: "${content}"`,
      });
      return;
    }
    for (const word of words) {
      const earlier = seenOn.get(word);
      if (earlier !== undefined) {
        problems.push({
          severity: "warning",
          file,
          line,
          message: `"${word}" står også på linje ${earlier}; grupperne bliver slået sammen`,
        });
      } else seenOn.set(word, line);
    }
    groups.push(words);
  });
  return { groups, problems };
}
