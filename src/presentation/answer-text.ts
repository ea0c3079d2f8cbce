/** An answer as plain text: the terminal's output and the fallback for clients without cards. */
import type { AskResult } from "../search/answer-schema.js";
import type { Language } from "../analysis/language.js";
import { contactsHeading, textsFor } from "./texts.js";

/** The unit at answerIndex, as on the card: another unit's button shows that one first. */
export function answerText(result: AskResult, language: Language = "da", answerIndex = 0): string {
  const t = textsFor(language);
  const lines: string[] = [];
  const first = result.answers[answerIndex];
  const others = result.answers.filter((_, i) => i !== answerIndex);
  if (result.truncated) lines.push(`(${t.truncated})`);
  if (!first) {
    lines.push(t.noAnswer, t.tryOther);
  } else {
    if (!result.confident && answerIndex === 0) lines.push(t.unsure);
    lines.push(
      `${first.unit} — ${[first.organisation, first.department, first.chiefArea].join(" › ")}`,
    );
    if (first.matched.length) lines.push(`  ${t.matched}: ${first.matched.join(", ")}`);
    for (const task of first.tasks)
      lines.push(`  • ${task.group ? `${task.group}: ` : ""}${task.text}`);
    for (const c of first.contacts) {
      lines.push(`  ${contactsHeading([c], t)}: ${[c.name, c.role, c.email, c.phone].filter(Boolean).join(", ")}`);
    }
    if (others.length) {
      lines.push(
        `${t.others}: ${others
          .slice(0, 4)
          .map((a) => a.unit)
          .join("; ")}`,
      );
    }
  }
  if (result.suggestions.length) lines.push(`${t.didYouMean}: ${result.suggestions.join(", ")}?`);
  return lines.join("\n");
}
