/**
 * Cards for the conversation's replies: the answer, help and welcome, "flere" (more
 * units), "kontakt" (contacts of the last unit) and an admin's "forslag", each with the line Teams shows
 * for it in notifications and the chat list. Pure functions, like answerCard.
 */
import { MORE_COUNT, type Reply } from "../conversation/respond.js";
import type { Answer, AskResult } from "../search/answer-schema.js";
import {
  type AdaptiveCard,
  adaptiveCard as card,
  answerCard,
  type CardElement,
  showUnit,
  submit,
  unitSection,
} from "./answer-card.js";
import type { Language } from "../analysis/language.js";
import { suggestionsCard } from "./suggestions-card.js";
import { suggestionTextsFor, textsFor } from "./texts.js";

/** A card and its summary: without one, Teams notifies "Hvem sent a card". */
export interface CardMessage {
  card: AdaptiveCard;
  summary: string;
}

const MAX_SUMMARY = 200;

export function cardMessage(reply: Exclude<Reply, { kind: "text" }>): CardMessage {
  const t = textsFor(reply.language);
  switch (reply.kind) {
    case "answer": {
      const { result, answerIndex, language } = reply;
      const shown = result.answers[answerIndex];
      const summary = !shown
        ? t.noAnswer
        : !result.confident && answerIndex === 0
          ? `${t.unsure} ${shown.unit}`
          : `${shown.unit} — ${place(shown)}`;
      return message(answerCard(result, language, answerIndex), summary);
    }
    case "more": {
      const listed = reply.result.answers.slice(reply.from, reply.from + MORE_COUNT);
      const summary = listed.length > 0 ? `${t.others}: ${listed.map((a) => a.unit).join(", ")}` : t.noMore;
      return message(moreCard(reply.result, reply.from, MORE_COUNT, reply.language), summary);
    }
    case "contacts":
      return message(
        contactsCard(reply.answer, reply.language),
        reply.answer ? `${t.contacts}: ${reply.answer.unit}` : t.askFirst,
      );
    case "help":
      return helpMessage(reply.language);
    case "suggestions": {
      const t = suggestionTextsFor(reply.language);
      const summary = reply.suggestions.length > 0 ? `${t.title}: ${reply.suggestions.length}` : t.none;
      return message(suggestionsCard(reply.suggestions, reply.language), summary);
    }
  }
}

/** Help, which is also the welcome. */
export function helpMessage(language: Language): CardMessage {
  return message(helpCard(language), HELP[language].lines[0] ?? "");
}

function message(cardValue: AdaptiveCard, summary: string): CardMessage {
  return { card: cardValue, summary: summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 1)}…` : summary };
}

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
  if (answers.length === 0) return card([{ type: "TextBlock", text: t.noMore, wrap: true }], [], t.noMore);
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
  if (!answer) return card([{ type: "TextBlock", text: t.askFirst, wrap: true }], [], t.askFirst);
  const section = unitSection({ ...answer, tasks: [], matched: [] }, t);
  if (answer.contacts.length === 0) section.push({ type: "TextBlock", text: t.noContacts, wrap: true });
  const text = [answer.unit, ...answer.contacts.map((c) => [c.name, c.role, c.email, c.phone].filter(Boolean).join(", "))];
  return card(section, [], text.join("\n"));
}

function place(a: Answer): string {
  return [a.organisation, a.department, a.chiefArea].join(" › ");
}
