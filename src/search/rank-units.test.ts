import { describe, expect, it } from "vitest";
import type { QueryTerm } from "../analysis/analyzer.js";
import { rankUnits } from "./rank-units.js";
import type { Matches } from "./search-index.js";
import { DEFAULT_TUNING } from "./search-tuning.js";

interface Doc {
  id: string;
  unit: string;
  score: number;
  /** Indexes of the query terms matched exactly… */
  exact?: number[];
  /** …and only by prefix. */
  prefix?: number[];
}

/** Matches as the index would hand them over; a unit's own document has the unit's id. */
function matches(docs: Doc[]): Matches {
  const unitIds = [...new Set(docs.map((d) => d.unit))];
  const mask = (terms: number[] = []) => terms.reduce((m, j) => m | (2 ** j), 0);
  return {
    count: docs.length,
    score: Float64Array.from(docs.map((d) => d.score)),
    unit: Uint32Array.from(docs.map((d) => unitIds.indexOf(d.unit))),
    own: Uint8Array.from(docs.map((d) => (d.id === d.unit ? 1 : 0))),
    terms: Uint32Array.from(docs.map((d) => mask([...(d.exact ?? []), ...(d.prefix ?? [])]))),
    exact: Uint32Array.from(docs.map((d) => mask(d.exact))),
    distinctive: new Float64Array(32).fill(1),
    id: (i) => docs[i]?.id ?? "",
    unitId: (u) => unitIds[u] ?? "",
    unitCount: unitIds.length,
  };
}

const term = (word: string, weight = 1): QueryTerm => ({ term: word, word, weight, origin: "word" });

describe("rankUnits", () => {
  it("lists each unit once with its documents best first, and counts only its best four", () => {
    const docs = [1, 5, 3, 2, 4, 0.5].map((score, i) => ({ id: `t${i}`, unit: "a", score, exact: [0] }));
    const [unit] = rankUnits(matches(docs), [term("rotter")], DEFAULT_TUNING);
    expect(unit?.hits()).toEqual(["t1", "t4", "t2", "t3", "t0", "t5"]);
    // (5 + 4·0.5 + 3·0.25 + 2·0.125) × (0.25 + coverage 1)
    expect(unit?.score).toBeCloseTo(8 * 1.25);
  });

  it("lists first the task that says what the user typed, before one that gathers synonyms", () => {
    const terms: QueryTerm[] = [
      term("gravetilladelse"),
      { term: "opgravning", word: "gravetilladelse", weight: 0.8, origin: "synonym" },
      { term: "tilladelse", word: "gravetilladelse", weight: 0.6, origin: "part" },
    ];
    const docs = [
      { id: "long", unit: "veje", score: 9, exact: [1, 2] },
      { id: "exact", unit: "veje", score: 4, exact: [0] },
      { id: "part", unit: "veje", score: 5, exact: [2] },
    ];
    expect(rankUnits(matches(docs), terms, DEFAULT_TUNING)[0]?.hits()).toEqual(["exact", "long", "part"]);
  });

  it("counts the unit's own name in full on top of its tasks", () => {
    const named = matches([
      { id: "a", unit: "a", score: 4, exact: [0] },
      { id: "t1", unit: "a", score: 4, exact: [0] },
      { id: "t2", unit: "b", score: 6, exact: [0] },
    ]);
    expect(rankUnits(named, [term("pladsanvisning")], DEFAULT_TUNING).map((u) => [u.unitId, u.score])).toEqual([
      ["a", 8 * 1.25],
      ["b", 6 * 1.25],
    ]);
  });

  it("ranks a unit matching all of the question above one matching part of it more strongly", () => {
    const ranked = rankUnits(
      matches([
        { id: "t1", unit: "one-word", score: 10, exact: [0] },
        { id: "t2", unit: "both-words", score: 7, exact: [0, 1] },
      ]),
      [term("rotter"), term("haven")],
      DEFAULT_TUNING,
    );
    expect(ranked.map((u) => [u.unitId, u.coverage])).toEqual([
      ["both-words", 1],
      ["one-word", 0.5],
    ]);
    expect([...(ranked[0]?.matchedWords ?? [])]).toEqual(["rotter", "haven"]);
  });

  it("counts a prefix match as half a word, and a synonym by its weight", () => {
    const [unit] = rankUnits(matches([{ id: "t1", unit: "a", score: 1, exact: [1], prefix: [0] }]), [
      term("rotte"),
      { term: "skadedyr", word: "haven", weight: 0.8, origin: "synonym" },
    ], DEFAULT_TUNING);
    expect(unit?.coverage).toBeCloseTo((0.5 + 0.8) / 2);
  });

  it("ranks a unit of unrelated documents (a meeting's items) by its best one alone", () => {
    const docs = matches([
      { id: "item1", unit: "meeting", score: 6, exact: [0] },
      { id: "item2", unit: "meeting", score: 6, exact: [1] },
      { id: "task", unit: "unit", score: 5, exact: [0, 1] },
    ]);
    const words = [term("trivselsmåling"), term("medarbejdere")];
    expect(rankUnits(docs, words, DEFAULT_TUNING)[0]?.unitId).toBe("meeting");
    const separate = rankUnits(docs, words, DEFAULT_TUNING, { separate: (id) => id === "meeting" });
    expect(separate.map((u) => [u.unitId, u.coverage])).toEqual([
      ["unit", 1],
      ["meeting", 0.5],
    ]);
    expect(separate[1]?.hits()).toEqual(["item1", "item2"]);
  });

  it("credits every word a term stands for", () => {
    const [unit] = rankUnits(matches([{ id: "t1", unit: "a", score: 1, exact: [2] }]), [
      term("street"),
      term("lights"),
      { term: "gadebelysning", word: "street", others: ["lights"], weight: 0.8, origin: "synonym" },
    ], DEFAULT_TUNING);
    expect(unit?.coverage).toBeCloseTo(0.8);
    expect([...(unit?.matchedWords ?? [])]).toEqual(["street", "lights"]);
  });

  it("scales a unit by its weight before ranking (tasks every unit does rank below a specialist)", () => {
    const docs = [
      { id: "t-alle", unit: "alle", score: 3, exact: [0] },
      { id: "t-byg", unit: "byg", score: 2, exact: [0] },
    ];
    const weight = (id: string) => (id === "alle" ? 0.5 : 1);
    expect(rankUnits(matches(docs), [term("byggesag")], DEFAULT_TUNING, { weight }).map((u) => [u.unitId, u.score])).toEqual([
      ["byg", 2 * 1.25],
      ["alle", 3 * 1.25 * 0.5],
    ]);
  });

  it("puts equal units in id order", () => {
    const docs = ["c", "a", "b"].map((unit) => ({ id: `t-${unit}`, unit, score: 1, exact: [0] }));
    expect(rankUnits(matches(docs), [term("løn")], DEFAULT_TUNING).map((u) => u.unitId)).toEqual(["a", "b", "c"]);
  });
});
