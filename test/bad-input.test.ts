/**
 * Odd input never breaks Hvem: arbitrary strings and arbitrary card data go through
 * the real search and conversation logic without an exception, and the work stays
 * bounded (the question is cut, the terms and answers are capped).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { respond } from "../src/conversation/respond.js";
import { answerCard } from "../src/presentation/answer-card.js";
import { askResultSchema } from "../src/search/answer-schema.js";
import { MAX_QUESTION_LENGTH } from "../src/search/searcher.js";
import { createKnowledgeService, type KnowledgeService } from "../src/service/knowledge-service.js";

let knowledge: KnowledgeService;
beforeAll(async () => {
  const created = await createKnowledgeService("knowledge");
  if (!created.ok) throw new Error("knowledge has errors");
  knowledge = created.service;
});

const text = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "",
    "🙂🙂🙂",
    "?!…",
    "\u0000\u0007\u001b[31m",
    "<script>alert(1)</script> hvem laver løn",
    "[klik her](javascript:alert(1)) **fed** _kursiv_",
    "Кто занимается разрешениями на строительство?",
    "من المسؤول عن تصاريح البناء",
    "建筑许可证由谁负责",
    "løn ".repeat(500),
  ),
);

describe("bad input", () => {
  it("search never throws, answers in the contract's shape and cuts long questions", () => {
    fc.assert(
      fc.property(text, (question) => {
        const result = knowledge.searcher().ask(question);
        askResultSchema.parse(result);
        expect(result.answers.length).toBeLessThanOrEqual(10);
        expect(result.truncated).toBe(question.length > MAX_QUESTION_LENGTH);
      }),
      { numRuns: 300 },
    );
  });

  it("no text from a question becomes card markup: the card echoes nothing but plain TextRuns", () => {
    fc.assert(
      fc.property(text, (question) => {
        const card = answerCard(knowledge.searcher().ask(question), "da");
        const blocks = JSON.stringify(card.body.filter((e) => e.type === "TextBlock"));
        // The user's own words never reach a Markdown-rendering TextBlock.
        if (question.trim().length > 3) expect(blocks.includes(JSON.stringify(question).slice(1, -1))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it("the conversation never throws, whatever the text or the card data", async () => {
    const memory = { listed: 0, language: "da" as const };
    const deps = { knowledge, isAdmin: () => false, uptime: () => 1 };
    await fc.assert(
      fc.asyncProperty(text, fc.anything(), async (message, value) => {
        const { reply } = await respond({ text: message, value }, memory, deps);
        expect(["answer", "more", "contacts", "help", "text"]).toContain(reply.kind);
      }),
      { numRuns: 200 },
    );
  });
});
