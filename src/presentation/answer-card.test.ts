import { describe, expect, it } from "vitest";
import type { AskResult } from "../search/answer-schema.js";
import { answerCard, highlightRuns, teamsChatLink } from "./answer-card.js";

const result: AskResult = {
  question: "hvem behandler byggeansøgninger?",
  confident: true,
  truncated: false,
  elsewhere: false,
  suggestions: [],
  answers: [
    {
      unitId: "randers/byg",
      unit: "Byg",
      chiefArea: "Plan, By og Natur",
      department: "Udvikling, Miljø og Teknik",
      organisation: "Randers Kommune",
      score: 120,
      coverage: 1,
      matched: ["byggeansøgninger"],
      tasks: [
        {
          group: "Byggesagsbehandling",
          text: "Byggeansøgninger [se *link*](http://x)",
          highlight: ["Byggeansøgninger"],
        },
      ],
      contacts: [
        {
          name: "Jens Jensen",
          role: "Byggesagsbehandler",
          email: "jj@randers.dk",
          phone: "89 15 15 15",
        },
      ],
    },
    {
      unitId: "randers/plan",
      unit: "Plan",
      chiefArea: "Plan, By og Natur",
      department: "Udvikling, Miljø og Teknik",
      organisation: "Randers Kommune",
      score: 20,
      coverage: 0.5,
      matched: [],
      tasks: [],
      contacts: [],
    },
  ],
};

const json = (value: unknown) => JSON.stringify(value);

describe("answerCard", () => {
  const card = answerCard(result, "da");

  it("is an Adaptive Card 1.5 with a plain-text fallback", () => {
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(card.fallbackText).toContain(
      "Byg — Randers Kommune › Udvikling, Miljø og Teknik › Plan, By og Natur",
    );
  });

  it("shows the unit, its place, the matched words and the matching task with the word in bold", () => {
    const text = json(card.body);
    expect(text).toContain('"text":"Byg"');
    expect(text).toContain("Randers Kommune › Udvikling, Miljø og Teknik › Plan, By og Natur");
    expect(text).toContain('"text":"Byggeansøgninger","weight":"Bolder"');
    expect(text).toContain("Matchede ord");
  });

  it("keeps knowledge text out of Markdown: tasks are TextRuns, never TextBlocks", () => {
    const blocks = card.body.filter((e) => e.type === "TextBlock").map((e) => String(e.text));
    expect(blocks.some((b) => b.includes("*link*"))).toBe(false);
    expect(json(card.body)).toContain('"type":"TextRun","text":" [se *link*](http://x)"');
  });

  it("gives each contact name, role, e-mail and phone as text and a Chat i Teams button", () => {
    const text = json(card.body);
    expect(text).toContain("Jens Jensen");
    expect(text).toContain('"title":"E-mail","value":"jj@randers.dk"');
    expect(text).toContain('"title":"Telefon","value":"89 15 15 15"');
    expect(text).toContain(json(teamsChatLink("jj@randers.dk")));
    expect(teamsChatLink("jj@randers.dk")).toBe(
      "https://teams.microsoft.com/l/chat/0/0?users=jj%40randers.dk",
    );
  });

  it("offers the other possible units as buttons that open their cards", () => {
    expect(card.actions).toContainEqual({
      type: "Action.Submit",
      title: "Plan",
      data: { verb: "showUnit", unitId: "randers/plan", q: result.question },
    });
  });

  it("says it is unsure and offers 'did you mean' when not confident", () => {
    const unsure = answerCard(
      { ...result, confident: false, suggestions: ["byggesagsbehandling"] },
      "da",
    );
    expect(json(unsure.body)).toContain("Jeg er ikke sikker");
    expect(unsure.actions).toContainEqual({
      type: "Action.Submit",
      title: "Mente du: byggesagsbehandling?",
      data: { verb: "ask", q: "byggesagsbehandling" },
    });
  });

  it("is never a dead end: no answer still tells what to try", () => {
    const none = answerCard({ ...result, answers: [], confident: false }, "da");
    expect(json(none.body)).toContain("Prøv med et andet ord");
  });

  it("speaks English to an English question", () => {
    const english = answerCard({ ...result, confident: false }, "en");
    expect(json(english.body)).toContain("I'm not sure");
    expect(json(english.body)).toContain('"title":"Phone"');
  });

  it("stays far below Teams' 28 KB card limit with long task texts", () => {
    const long = {
      ...result.answers[0],
      tasks: Array(3).fill({ group: "G", text: "x ".repeat(5000), highlight: [] }),
    };
    const big = answerCard(
      { ...result, answers: [long as never, ...Array(9).fill(result.answers[1])] },
      "da",
    );
    expect(json(big).length).toBeLessThan(20_000);
  });

  it("stays as small whatever the question: buttons carry only what the search read, and a few suggestions", () => {
    const pasted = answerCard(
      {
        ...result,
        question: "byggeansøgning ".repeat(4000),
        truncated: true,
        suggestions: Array.from({ length: 30 }, (_, i) => `ord${i}`),
        answers: Array(10).fill(result.answers[1]),
      },
      "da",
    );
    expect(json(pasted).length).toBeLessThan(10_000);
    expect(pasted.actions?.filter((a) => json(a).includes('"verb":"ask"'))).toHaveLength(3);
  });
});

describe("highlightRuns", () => {
  it("bolds whole words only, case-insensitively", () => {
    expect(highlightRuns("Løn og lønsystem", ["løn"])).toEqual([
      { type: "TextRun", text: "Løn", weight: "Bolder" },
      { type: "TextRun", text: " og lønsystem" },
    ]);
    expect(highlightRuns("Affald på Ærø, ÆRØ og ærøsk", ["ærø"])).toEqual([
      { type: "TextRun", text: "Affald på " },
      { type: "TextRun", text: "Ærø", weight: "Bolder" },
      { type: "TextRun", text: ", " },
      { type: "TextRun", text: "ÆRØ", weight: "Bolder" },
      { type: "TextRun", text: " og ærøsk" },
    ]);
  });

  it("says so when the unit shown is another organisation's, because nothing of the asker's own fitted", () => {
    const elsewhere = answerCard({ ...result, organisation: "Norddjurs Kommune", elsewhere: true }, "da");
    expect(JSON.stringify(elsewhere)).toContain("hører til en anden organisation");
    expect(JSON.stringify(answerCard({ ...result, organisation: "Randers Kommune" }, "da"))).not.toContain(
      "anden organisation",
    );
  });
});
