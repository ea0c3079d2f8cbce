import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { askResultSchema } from "./answer-schema.js";
import { fold } from "../analysis/fold.js";
import { isStopWord } from "../analysis/stopwords.js";
import { tokenize } from "../analysis/tokenize.js";
import { toRecords } from "../knowledge/records.js";
import { indexedTexts, searchDocuments } from "./search-documents.js";
import { createSearcher, MAX_QUESTION_LENGTH, type Searcher } from "./searcher.js";

let searcher: Searcher;
let knowledge: Awaited<ReturnType<typeof loadKnowledge>>;
beforeAll(async () => {
  knowledge = await loadKnowledge("knowledge");
  searcher = createSearcher(knowledge);
});

const top = (question: string) => searcher.ask(question).answers[0];

describe("searcher on the real knowledge", () => {
  it.each([
    ["hvem tager sig af gravetilladelser", "Veje og trafik"],
    ["hvem behandler byggeansogninger", "Byg"],
    ["hvem kan hjælpe med Emply", "Personalejura"],
    ["hvem fremlagde indkøbspolitikken", "Hovedudvalg 2022-12-14"],
    // A web address is a thing, not the municipality it names.
    ["hvem passer randers.dk?", "Kommunikation"],
    // The minutes' prose around an item is context, not a task: it must not outrank one.
    ["en borger vil holde loppemarked på torvet og stille boder op, hvem giver tilladelse?", "Veje og trafik"],
  ])("%s → %s", (question, unit) => {
    expect(top(question)?.unit).toBe(unit);
  });

  it("answers in the batch contract's shape", () => {
    const result = searcher.ask("hvem laver lønsedler");
    expect(() => askResultSchema.parse(result)).not.toThrow();
    expect(result.answers.length).toBeGreaterThan(0);
    expect(result.answers.length).toBeLessThanOrEqual(10);
    const unitIds = result.answers.map((a) => a.unitId);
    expect(new Set(unitIds).size).toBe(unitIds.length);
  });

  it("explains an answer with the matched words and highlighted task words", () => {
    const answer = top("hvem behandler byggeansøgninger?");
    expect(answer?.matched).toEqual(["byggeansøgninger"]);
    expect(answer?.tasks[0]).toMatchObject({
      group: "Byggesagsbehandling",
      text: "Byggeansøgninger",
    });
    expect(answer?.tasks[0]?.highlight).toEqual(["Byggeansøgninger"]);
  });

  it("gives the contacts of a unit, and the presenter of a meeting item", () => {
    expect(top("hvem kan hjælpe med Emply")?.contacts).toContainEqual({
      name: "Personalejura (fælles postkasse)",
      email: "personalejura@norddjurs.dk",
    });
    expect(top("hvem fremlagde indkøbspolitikken")?.contacts[0]?.name).toBe("Lars Sønderby");
  });

  it("answers a question holding a citizen's CPR number, e-mail and phone as if they were not there", () => {
    const plain = searcher.ask("hvem udsteder gravetilladelser");
    const withDetails = searcher.ask("borgeren 010203-1234 (a@b.dk, 22 33 44 55) spørger hvem der udsteder gravetilladelser");
    expect(withDetails.answers[0]).toMatchObject({ unit: "Veje og trafik", coverage: plain.answers[0]?.coverage });
    expect(withDetails.confident).toBe(true);
  });

  it("suggests the knowledge's spelling of a misspelled word", () => {
    expect(searcher.ask("byggesagsbehandlig").suggestions).toContain("byggesagsbehandling");
  });

  it.each([
    "hvem bestiller julefrokost",
    "hvad bliver vejret i morgen",
    // "Regnskov" is a word of its own, not a misspelling of "regnskab".
    "hvor kan jeg købe billetter til Randers Regnskov?",
    "🙂🙂",
    "???",
    "",
  ])(
    "gives no confident answer to %j",
    (question) => {
      expect(searcher.ask(question).confident).toBe(false);
    },
  );

  it("ranks units of a municipality the question names first", () => {
    expect(top("løn norddjurs")?.organisation).toBe("Norddjurs Kommune");
    expect(top("løn randers")?.organisation).toBe("Randers Kommune");
  });

  it("cuts a very long question and says so", () => {
    const result = searcher.ask(`byggeansøgning ${"bla ".repeat(200)}`);
    expect(result.truncated).toBe(true);
    expect(result.answers[0]?.unit).toBe("Byg");
    expect(MAX_QUESTION_LENGTH).toBeLessThan(1000);
  });

  it("loads a snapshot to the same answers, and refuses a damaged one", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const snapshot = searcher.snapshot();
    const loaded = createSearcher(knowledge, snapshot);
    // Every eval question: compounds, synonyms (and their parts), typos and English alike.
    const questions = readFileSync("test/eval/questions.jsonl", "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
    expect(questions.length).toBeGreaterThan(100);
    for (const q of questions) expect(loaded.ask(q)).toEqual(searcher.ask(q));
    expect(() => createSearcher(knowledge, snapshot.slice(0, snapshot.length / 2))).toThrow();
    expect(() => createSearcher({ ...knowledge, version: "other" }, snapshot)).toThrow(/version/);
    const [, body = ""] = snapshot.split("\n");
    const resealed = (changes: object) => {
      const changed = JSON.stringify({ ...JSON.parse(body), ...changes });
      return `${createHash("sha256").update(changed).digest("hex")}\n${changed}`;
    };
    expect(() => createSearcher(knowledge, resealed({ format: 1 }))).toThrow(/format/);
    // Saved by a Hvem whose analysis (stop words, stemming, compounds, …) differed.
    expect(() => createSearcher(knowledge, resealed({ analysis: "0123456789abcdef" }))).toThrow(/analysed/);
  });
});

describe("the analyzer's vocabulary", () => {
  it("holds every word that is indexed, so any of them can be a compound part or a typo's correction", () => {
    const saved = JSON.parse(searcher.snapshot().split("\n")[1] as string) as { analyzer: { words: [string, string][] } };
    const known = new Set(saved.analyzer.words.map(([folded]) => folded));
    const documents = searchDocuments(knowledge, toRecords(knowledge));
    const indexed = documents.flatMap((d) => indexedTexts(d).flatMap(tokenize));
    const missing = [...new Set(indexed.filter((w) => !isStopWord(w)).map(fold))].filter((w) => !known.has(w));
    expect(missing).toEqual([]);
  });
});
