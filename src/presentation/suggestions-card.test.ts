import { describe, expect, it } from "vitest";
import type { Suggestion } from "../learning/suggestions.js";
import { suggestionsCard } from "./suggestions-card.js";

const suggestion: Suggestion = {
  id: "058620f2",
  kind: "rule",
  unitId: "natur",
  unit: "Natur",
  organisation: "Test Kommune",
  adds: "vand kælderen => **terræn**",
  file: "vocabulary/learned.txt",
  from: "vand kælderen",
  to: "terræn",
  users: 3,
  examples: ["vand i kælderen"],
};

describe("suggestionsCard", () => {
  it("shows each suggestion's unit, rule, file and evidence, with Accept and Reject for its id", () => {
    const card = suggestionsCard([suggestion], "da");
    const text = JSON.stringify(card);
    expect(text).toContain("Natur (058620f2)");
    expect(text).toContain("Tilføjes i vocabulary/learned.txt:");
    expect(text).toContain('3 brugere valgte enheden, fx: \\"vand i kælderen\\"');
    const buttons = card.body.flatMap((b) => (b.actions as { title: string; data: unknown }[] | undefined) ?? []);
    expect(buttons.map((b) => [b.title, b.data])).toEqual([
      ["Godkend", { verb: "acceptSuggestion", id: "058620f2" }],
      ["Afvis", { verb: "rejectSuggestion", id: "058620f2" }],
    ]);
    // The rule is a TextRun: whatever a question held is never read as Markdown.
    expect(card.body).toContainEqual({
      type: "RichTextBlock",
      inlines: [{ type: "TextRun", text: "vand kælderen => **terræn**", fontType: "Monospace" }],
    });
  });

  it("says when nothing waits, in the admin's language", () => {
    expect(JSON.stringify(suggestionsCard([], "da"))).toContain("Der er ingen ventende forslag");
    expect(JSON.stringify(suggestionsCard([], "en"))).toContain("No suggestions are waiting");
  });
});
