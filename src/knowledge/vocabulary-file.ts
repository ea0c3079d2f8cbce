/**
 * The admin's one-way vocabulary: plain text files under `vocabulary/`, one rule per
 * line, from the words people use to the catalogue's own term. A rule never works
 * backwards: "køre jord væk" brings "jordflytning", not the other way round.
 *
 *     køre jord væk, flytte jord => jordflytning
 *
 * Rules in a file named `english*.txt` are the English glossary (English → Danish).
 */
import { z } from "zod/v4";
import type { Problem } from "./problem.js";

export const vocabularyRuleSchema = z.object({
  from: z.array(z.string().min(1)).min(1).describe("Words or phrases a question may use; a phrase needs all its words."),
  to: z.string().min(1).describe("The catalogue's term they bring."),
  kind: z.enum(["everyday", "english"]),
  file: z.string(),
  line: z.number().int(),
});

export type VocabularyRuleEntry = z.infer<typeof vocabularyRuleSchema>;

export const VOCABULARY_DIR = "vocabulary";

export function parseVocabularyFile(text: string, file: string): { rules: VocabularyRuleEntry[]; problems: Problem[] } {
  const kind = (file.split("/").pop() ?? "").startsWith("english") ? "english" : "everyday";
  const rules: VocabularyRuleEntry[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*/, "").trim();
    if (!content) return;
    const sides = content.split("=>");
    const error = (message: string) => problems.push({ severity: "error", file, line, message });
    if (sides.length !== 2) {
      error(`en regel skrives "ord, ord => katalogets ord" med ét "=>": "${content}"`);
      return;
    }
    const from = [...new Set((sides[0] as string).split(",").map(normalise).filter(Boolean))];
    const to = normalise(sides[1] as string);
    if (from.length === 0) error(`reglen mangler ord før "=>": "${content}"`);
    else if (!to) error(`reglen mangler katalogets ord efter "=>": "${content}"`);
    else if (to.includes(",")) error(`der må kun stå ét ord eller udtryk efter "=>": "${to}"`);
    else rules.push({ from, to, kind, file, line });
  });
  return { rules, problems };
}

// toLowerCase, not toLocaleLowerCase("da"): the same for æ, ø and å, and many times faster.
const normalise = (phrase: string) => phrase.trim().toLowerCase().replace(/\s+/g, " ");
