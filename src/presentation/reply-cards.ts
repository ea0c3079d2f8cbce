/**
 * Cards for the conversation's other replies: help and welcome, "flere" (more
 * units) and "kontakt" (contacts of the last unit). Pure functions, like answerCard.
 */
import type { Answer, AskResult } from "../search/answer-schema.js";
import { type AdaptiveCard, adaptiveCard as card, type CardElement, showUnit, submit, unitSection } from "./answer-card.js";
import type { Language } from "../analysis/language.js";
import { textsFor } from "./texts.js";

const HELP: Record<Language, { lines: string[]; examples: string[] }> = {
  da: {
    lines: [
      "Jeg er Hvem. Spørg mig, hvem der tager sig af en opgave i kommunen, så finder jeg enheden, hvor den hører til, og hvem du kan kontakte.",
      "Skriv med dine egne ord, fx en borgers problem eller et fagord. Skriv **flere** for flere enheder og **kontakt** for kontaktpersoner.",
      "Prøv fx:",
    ],
    examples: ["Hvem tager sig af gravetilladelser?", "En borger klager over rotter", "Hvem kan hjælpe med Emply?"],
  },
  en: {
    lines: [
      "I'm Hvem. Ask me who handles a task in the municipality, and I'll find the unit, where it sits, and whom to contact.",
      "Use your own words. Type **more** for more units and **contact** for contact people.",
      "Try, for example:",
    ],
    examples: ["Who handles building permits?", "Who can help with Emply?", "Who handles rats in a garden?"],
  },
};

export function helpCard(language: Language): AdaptiveCard {
  const help = HELP[language];
  return card(
    help.lines.map((line) => ({ type: "TextBlock", text: line, wrap: true })),
    help.examples.map((q) => submit(q, { verb: "ask", q })),
    [...help.lines, ...help.examples.map((q) => `• ${q}`)].join("\n"),
  );
}

export function moreCard(result: AskResult, from: number, count: number, language: Language): AdaptiveCard {
  const t = textsFor(language);
  const answers = result.answers.slice(from, from + count);
  if (answers.length === 0) {
    const none = language === "en" ? "There are no more units for this question." : "Der er ikke flere enheder til dette spørgsmål.";
    return card([{ type: "TextBlock", text: none, wrap: true }], [], none);
  }
  const body: CardElement[] = [{ type: "TextBlock", text: t.others, weight: "Bolder", wrap: true }];
  for (const a of answers) {
    body.push(
      { type: "TextBlock", text: a.unit, weight: "Bolder", spacing: "Medium", wrap: true },
      { type: "TextBlock", text: place(a), isSubtle: true, spacing: "None", wrap: true },
    );
    const task = a.tasks[0];
    if (task) body.push({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: task.text }] });
  }
  return card(
    body,
    answers.map((a) => showUnit(a, result)),
    answers.map((a) => `${a.unit} — ${place(a)}`).join("\n"),
  );
}

export function contactsCard(answer: Answer | undefined, language: Language): AdaptiveCard {
  const t = textsFor(language);
  if (!answer) {
    const none =
      language === "en"
        ? "Ask a question first; then I can show the contacts of the unit I found."
        : "Stil et spørgsmål først; så kan jeg vise kontakterne for den enhed, jeg finder.";
    return card([{ type: "TextBlock", text: none, wrap: true }], [], none);
  }
  const section = unitSection({ ...answer, tasks: [], matched: [] }, t);
  if (answer.contacts.length === 0) {
    const none =
      language === "en"
        ? "The knowledge has no contacts for this unit yet. Ask the unit's manager, or the switchboard."
        : "Der er endnu ingen kontaktpersoner for enheden i Hvem. Spørg enhedens leder eller omstillingen.";
    section.push({ type: "TextBlock", text: none, wrap: true });
  }
  const text = [answer.unit, ...answer.contacts.map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(", "))];
  return card(section, [], text.join("\n"));
}

function place(a: Answer): string {
  return [a.organisation, a.department, a.chiefArea].join(" › ");
}
