import { describe, expect, it } from "vitest";
import { DEFAULT_TUNING } from "../search/search-tuning.js";
import { createAnalyzer } from "./analyzer.js";

const analyzer = createAnalyzer({
  texts: [
    "Rottebekæmpelse og skadedyr",
    "Bekæmpelse af bjørneklo",
    "Byggeansøgninger og byggesagsbehandling",
    "Sygefraværssamtaler med medarbejdere",
    "Lønsystem og lønudbetaling",
    "Affald og genbrug",
    "Anmeldelse af arbejdsskader og udsendelse af lønsedler",
    "Vedligeholdelse af autorisationsblanket",
    "Regnskab og budget",
  ],
  synonyms: [
    ["skrald", "affald"],
    ["byggetilladelse", "byggeansøgning"],
    ["building permit", "byggetilladelse"],
    ["udsættelse", "sat ud", "it-bruger"],
    ["lejlighed", "apartment"],
    ["opfølgning", "follow-up"],
  ],
});

const terms = (question: string) => analyzer.queryTerms(question, DEFAULT_TUNING.terms);
const indexed = (text: string) => text.split(" ").flatMap(analyzer.wordTerms);

describe("analyzer", () => {
  it("drops the question phrasing and keeps the meaning", () => {
    expect(terms("hvem tager sig af rotter?").map((t) => t.word)).toEqual(["rotter"]);
  });

  it("lets 'rotter' find 'rottebekæmpelse' through its compound part", () => {
    const query = terms("rotter").map((t) => t.term);
    expect(indexed("Rottebekæmpelse").some((t) => query.includes(t))).toBe(true);
  });

  it("matches words typed without æ, ø and å", () => {
    const query = terms("byggeansogninger").map((t) => t.term);
    expect(query).toContain(indexed("Byggeansøgninger")[0]);
  });

  it.each([
    ["a compound said the other way round", "en medarbejder kom til skade på arbejdet", "arbejdsskader"],
    ["a compound said in two words", "hvor er mine løn sedler", "lønsedler"],
  ])("joins %s to the knowledge's compound", (_, question, compound) => {
    const joined = terms(question).filter((t) => t.origin === "joined");
    expect(joined.map((t) => t.term)).toEqual([analyzer.term(compound)]);
  });

  it("meets the indefinite form from a definite one the stemmer only half stems", () => {
    const query = terms("autorisationsblanketten").map((t) => t.term);
    expect(query).toContain(indexed("autorisationsblanket")[0]);
  });

  it("finds the known part of a compound the knowledge does not have", () => {
    const parts = terms("affaldsspandene").filter((t) => t.origin === "part");
    expect(parts.map((t) => t.term)).toEqual([analyzer.term("affald")]);
  });

  it("joins only words that make a compound the knowledge has", () => {
    expect(terms("affald skader medarbejdere").filter((t) => t.origin === "joined")).toEqual([]);
  });

  it("adds synonyms with a lower weight than the user's own word", () => {
    const skrald = terms("skrald");
    const affald = skrald.find((t) => t.term === analyzer.term("affald"));
    expect(affald).toMatchObject({ origin: "synonym", word: "skrald" });
    expect(affald?.weight).toBeLessThan(skrald.find((t) => t.origin === "word")?.weight ?? 0);
  });

  it("reaches byggeansøgninger from byggetilladelse via the synonym list", () => {
    const query = terms("byggetilladelse").map((t) => t.term);
    expect(indexed("Byggeansøgninger").some((t) => query.includes(t))).toBe(true);
  });

  it("matches a multi-word synonym only when all its words are asked", () => {
    expect(terms("building permit").map((t) => t.term)).toContain(analyzer.term("byggetilladelse"));
    expect(terms("building").map((t) => t.term)).not.toContain(analyzer.term("byggetilladelse"));
  });

  it("matches a phrase's small words too: 'sat ud' is not 'sat'", () => {
    const udsættelse = analyzer.term("udsættelse");
    expect(terms("borgeren er sat ud af sin lejlighed").map((t) => t.term)).toContain(udsættelse);
    expect(terms("hvem sat tablets op").map((t) => t.term)).not.toContain(udsættelse);
    // A word of small words only counts as a whole; a hyphenated word by its parts.
    expect(terms("ny itbruger").map((t) => t.term)).toContain(udsættelse);
    const opfølgning = analyzer.term("opfølgning");
    expect(terms("follow up on the budget").map((t) => t.term)).toContain(opfølgning);
    expect(terms("budget follow-up").map((t) => t.term)).toContain(opfølgning);
  });

  it("keeps a hyphenated word one word of the question, as written", () => {
    expect(new Set(terms("lønsystem-support").map((t) => t.word))).toEqual(new Set(["lønsystem-support"]));
  });

  it("lets a phrase's synonym, and a synonym two words share, stand for all of them", () => {
    const phrase = terms("building permit").find((t) => t.term === analyzer.term("byggetilladelse"));
    expect([phrase?.word, ...(phrase?.others ?? [])]).toEqual(["building", "permit"]);
    const shared = terms("skrald og affald").find((t) => t.term === analyzer.term("affald"));
    expect([shared?.word, ...(shared?.others ?? [])].sort()).toEqual(["affald", "skrald"]);
  });

  it("corrects a misspelling to the knowledge's own word", () => {
    const [term] = terms("lønsytem");
    expect(term).toMatchObject({ word: "lønsytem", correction: "lønsystem" });
  });

  it("corrects a Danish word misspelled in an English question, but not an English word", () => {
    const corrected = (question: string, word: string) => terms(question).find((t) => t.word === word)?.correction;
    expect(corrected("who handles the lønsytem for my staff", "lønsytem")).toBe("lønsystem");
    // "department" is one letter from the knowledge's "apartment", and a word of its own.
    expect(corrected("which department", "department")).toBeUndefined();
  });

  it("leaves a real Danish word as it is, though it looks like a knowledge word", () => {
    expect(terms("regnskov")[0]?.correction).toBeUndefined();
    expect(terms("regnskap")[0]?.correction).toBe("regnskab");
  });

  it("leaves short words uncorrected: too many neighbours", () => {
    expect(terms("lon")[0]?.correction).toBeUndefined();
  });

  it("gives no terms for a question of stop words or emoji", () => {
    expect(terms("hvem kan hjælpe mig? 🙂")).toEqual([]);
  });

  it("reads a question typed in capitals throughout without taking its small words for abbreviations", () => {
    expect(terms("HVEM TAGER SIG AF ROTTER?").map((t) => t.word)).toEqual(["rotter"]);
  });
});
