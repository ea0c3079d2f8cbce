/**
 * An answer as an Adaptive Card (schema 1.5): a pure function from the result to
 * card JSON, so it is tested without any bot. Text from the knowledge is shown as
 * TextRuns, which clients never interpret as Markdown or links; matched words are bold.
 */
import type { Answer, AnswerContact, AskResult } from "../search/answer-schema.js";
import { searchedPart } from "../search/searcher.js";
import { answerText } from "./answer-text.js";
import type { Language } from "../analysis/language.js";
import { contactsHeading, type Texts, textsFor } from "./texts.js";

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  fallbackText: string;
  msteams: { width: "Full" };
}

/** What a card button sends back to the bot. */
export type CardAction =
  | { verb: "showUnit"; unitId: string; q: string }
  | { verb: "ask"; q: string }
  | { verb: "acceptSuggestion" | "rejectSuggestion"; id: string };

const MAX_TASK_TEXT = 400;
const MAX_OTHERS = 4;
const MAX_CONTACTS = 3;
const MAX_FALLBACK = 2000;
const MAX_SUGGESTIONS = 3;

export function answerCard(result: AskResult, language: Language, answerIndex = 0): AdaptiveCard {
  const t = textsFor(language);
  const answer = result.answers[answerIndex];
  const body: CardElement[] = [];
  if (result.truncated) body.push(note(t.truncated));
  if (!answer) {
    body.push(heading(t.noAnswer), text(t.tryOther));
  } else {
    if (!result.confident && answerIndex === 0) body.push(note(t.unsure, "attention"));
    if (result.organisation && answer.organisation !== result.organisation) body.push(note(t.elsewhere));
    body.push(...unitSection(answer, t));
  }
  const others = result.answers.filter((_, i) => i !== answerIndex).slice(0, MAX_OTHERS);
  const actions: CardElement[] = [
    ...others.map((a) => showUnit(a, result)),
    ...result.suggestions
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => submit(`${t.didYouMean}: ${s}?`, { verb: "ask", q: s })),
  ];
  if (others.length > 0) body.push(label(t.others));
  return adaptiveCard(body, actions, answerText(result, language, answerIndex));
}

/** One unit, compact: what the message extension inserts into a conversation. */
export function unitCard(answer: Answer, language: Language): AdaptiveCard {
  const t = textsFor(language);
  const compact = { ...answer, tasks: answer.tasks.slice(0, 1) };
  const place = [answer.organisation, answer.department, answer.chiefArea].join(" › ");
  return adaptiveCard(unitSection(compact, t), [], `${answer.unit} — ${place}`);
}

/** Every card Hvem sends: version 1.5, full width, with a plain-text fallback. */
export function adaptiveCard(body: CardElement[], actions: CardElement[], fallbackText: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    fallbackText: clip(fallbackText, MAX_FALLBACK),
    msteams: { width: "Full" },
  };
}

/** The unit's name, place, matching tasks and contacts. */
export function unitSection(answer: Answer, t: Texts): CardElement[] {
  const elements: CardElement[] = [
    heading(answer.unit),
    {
      type: "TextBlock",
      text: [answer.organisation, answer.department, answer.chiefArea].join(" › "),
      isSubtle: true,
      spacing: "None",
      wrap: true,
    },
  ];
  if (answer.matched.length > 0) {
    elements.push(
      richText([
        { type: "TextRun", text: `${t.matched}: `, isSubtle: true },
        { type: "TextRun", text: answer.matched.join(", "), weight: "Bolder" },
      ]),
    );
  }
  if (answer.tasks.length > 0) elements.push(label(t.tasks));
  for (const task of answer.tasks) {
    elements.push(
      richText([
        ...(task.group ? [{ type: "TextRun", text: `${task.group}: `, isSubtle: true }] : []),
        ...highlightRuns(clip(task.text, MAX_TASK_TEXT), task.highlight),
      ]),
    );
  }
  const contacts = answer.contacts.slice(0, MAX_CONTACTS);
  if (contacts.length > 0)
    elements.push(label(contactsHeading(contacts, t)), ...contacts.flatMap((c) => contactBlock(c, t)));
  return elements;
}

function contactBlock(contact: AnswerContact, t: Texts): CardElement[] {
  const facts = [
    contact.email && { title: "E-mail", value: contact.email },
    contact.phone && { title: t.phone, value: contact.phone },
  ].filter(Boolean);
  return [
    richText([
      { type: "TextRun", text: contact.name, weight: "Bolder" },
      ...(contact.role ? [{ type: "TextRun", text: ` — ${contact.role}` }] : []),
    ]),
    ...(facts.length > 0 ? [{ type: "FactSet", facts, spacing: "None" }] : []),
    ...(contact.email
      ? [
          {
            type: "ActionSet",
            actions: [{ type: "Action.OpenUrl", title: t.chat, url: teamsChatLink(contact.email) }],
          },
        ]
      : []),
  ];
}

/** Teams' deep link to a 1:1 chat; mailto:/tel: buttons are unreliable in Teams. */
export function teamsChatLink(email: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(email)}`;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Splits text into runs with the highlighted words bold. */
export function highlightRuns(text: string, highlight: readonly string[]): CardElement[] {
  // Danish has no locale-specific case mappings, and toLocaleLowerCase is several times slower.
  const words = new Set(highlight.map((w) => w.toLowerCase()));
  const runs: CardElement[] = [];
  let plainFrom = 0;
  for (const { 0: word, index } of text.matchAll(WORD)) {
    if (!words.has(word.toLowerCase())) continue;
    if (index > plainFrom) runs.push({ type: "TextRun", text: text.slice(plainFrom, index) });
    runs.push({ type: "TextRun", text: word, weight: "Bolder" });
    plainFrom = index + word.length;
  }
  if (plainFrom < text.length) runs.push({ type: "TextRun", text: text.slice(plainFrom) });
  return runs;
}

export function submit(title: string, data: CardAction): CardElement {
  return { type: "Action.Submit", title, data };
}

/**
 * A button that opens another unit of the result. It asks the question again, but
 * only the part the search read: the same answers, and a card far below Teams'
 * 100 KB limit however long the paste was.
 */
export function showUnit(answer: Answer, result: AskResult): CardElement {
  return submit(answer.unit, { verb: "showUnit", unitId: answer.unitId, q: searchedPart(result.question) });
}

function heading(textValue: string): CardElement {
  return { type: "TextBlock", text: textValue, size: "Large", weight: "Bolder", wrap: true };
}

function label(textValue: string): CardElement {
  return { type: "TextBlock", text: textValue, weight: "Bolder", spacing: "Medium", wrap: true };
}

function text(textValue: string): CardElement {
  return { type: "TextBlock", text: textValue, wrap: true };
}

function note(textValue: string, color = "default"): CardElement {
  return { type: "TextBlock", text: textValue, color, weight: "Bolder", wrap: true };
}

function richText(inlines: CardElement[]): CardElement {
  return { type: "RichTextBlock", inlines };
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
