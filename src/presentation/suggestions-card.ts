/**
 * The admin's card of pending suggestions (`forslag`): per suggestion the unit, the
 * rule it would add and where, the evidence, and Accept/Reject buttons. A pure
 * function; user text enters only as TextRuns, never as markup.
 */
import type { Language } from "../analysis/language.js";
import type { Suggestion } from "../learning/suggestions.js";
import { type AdaptiveCard, adaptiveCard, type CardElement, submit } from "./answer-card.js";
import { suggestionTextsFor } from "./texts.js";

/** A card stays far below Teams' size limit; `hvem suggest` lists them all. */
const MAX_SHOWN = 10;

export function suggestionsCard(suggestions: readonly Suggestion[], language: Language): AdaptiveCard {
  const t = suggestionTextsFor(language);
  if (suggestions.length === 0) return adaptiveCard([{ type: "TextBlock", text: t.none, wrap: true }], [], t.none);
  const body: CardElement[] = [{ type: "TextBlock", text: t.title, size: "Large", weight: "Bolder", wrap: true }];
  const fallback: string[] = [t.title];
  for (const s of suggestions.slice(0, MAX_SHOWN)) {
    body.push(
      { type: "TextBlock", text: `${s.unit} (${s.id})`, weight: "Bolder", spacing: "Large", separator: true, wrap: true },
      { type: "TextBlock", text: t.where(s.file), isSubtle: true, spacing: "None", wrap: true },
      { type: "RichTextBlock", inlines: [{ type: "TextRun", text: s.adds, fontType: "Monospace" }] },
      { type: "RichTextBlock", inlines: [{ type: "TextRun", text: t.evidence(s.users, s.examples), isSubtle: true }] },
      {
        type: "ActionSet",
        actions: [
          { ...submit(t.accept, { verb: "acceptSuggestion", id: s.id }), style: "positive" },
          submit(t.reject, { verb: "rejectSuggestion", id: s.id }),
        ],
      },
    );
    fallback.push(`${s.id}: ${s.adds} (${s.unit}; ${t.evidence(s.users, s.examples)})`);
  }
  return adaptiveCard(body, [], fallback.join("\n"));
}
