import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../analysis/analyzer.js";
import type { SearchDocument } from "./search-documents.js";
import { DEFAULT_TUNING } from "./search-tuning.js";
import {
  buildSearchIndex,
  loadSearchIndex,
  type Matches,
  type SearchIndex,
  TERM_BITS,
  type TermQuery,
} from "./search-index.js";

const documents: SearchDocument[] = [
  { id: "byg", unitId: "byg", name: "Byg", aliases: "byggesager", place: "Teknik og Miljø" },
  { id: "t1", unitId: "byg", group: "Byggesagsbehandling", text: "Byggeansøgninger og byggetilladelser" },
  { id: "t2", unitId: "byg", group: "Byggesagsbehandling", text: "Tilsyn med byggeri, byggeri af carporte" },
  { id: "t3", unitId: "natur", group: "Skadedyr", text: "Rottebekæmpelse og anmeldelse af rotter" },
  { id: "t4", unitId: "natur", group: "Natur", text: "Tilladelser til byggeri i naturen" },
  { id: "c1", unitId: "natur", group: "Kontakt", person: "Rita Rottesen", text: "leder" },
];
const analyzer = createAnalyzer({
  texts: documents.map((d) => [d.name, d.aliases, d.group, d.text, d.person].join(" ")),
  synonyms: [],
});

/** Hvem's scoring without its unit-level weighting: plain BM25+, as MiniSearch's. */
const PLAIN = { ...DEFAULT_TUNING, distinctiveness: 0 };

/** The same question through MiniSearch's own search, which `match` must agree with. */
function miniSearchScores(queries: readonly TermQuery[], index = buildSearchIndex(analyzer, documents, PLAIN)) {
  const byTerm = new Map(queries.map((q) => [q.term, q]));
  return index.search(queries.map((q) => q.term).join(" "), {
    tokenize: (query) => query.split(" "),
    processTerm: (term) => term,
    boost: { ...PLAIN.fields },
    combineWith: "OR",
    boostTerm: (term) => byTerm.get(term)?.weight ?? 1,
    prefix: (term) => byTerm.get(term)?.prefix ?? false,
    weights: { fuzzy: 0, prefix: 0.3 },
  });
}

/** The matches as one plain record per document, by id. */
function byId(matches: Matches, queries: readonly TermQuery[]) {
  const bits = (mask: number) => queries.filter((_, j) => j < TERM_BITS && (mask >>> j) & 1).map((q) => q.term);
  return new Map(
    Array.from({ length: matches.count }, (_, i) => [
      matches.id(i),
      {
        unitId: matches.unitId(matches.unit[i] as number),
        own: matches.own[i] === 1,
        score: matches.score[i] as number,
        queryTerms: bits(matches.terms[i] as number),
        exact: bits(matches.exact[i] as number),
      },
    ]),
  );
}

const match = (index: SearchIndex, queries: TermQuery[]) => byId(index.match(queries), queries);

const query = (word: string, weight: number, prefix: boolean): TermQuery => ({
  term: analyzer.term(word),
  weight,
  prefix,
});

describe("SearchIndex.match", () => {
  it.each([
    ["one exact term", [query("byggeri", 1, false)]],
    ["a prefix term", [query("rotte", 1, true)]],
    ["weighted terms over several fields", [query("byggeri", 1, true), query("tilladelser", 0.6, false), query("rita", 0.8, false)]],
  ])("scores %s exactly as MiniSearch's search does", (_, queries) => {
    const expected = miniSearchScores(queries);
    const actual = match(buildSearchIndex(analyzer, documents, PLAIN), queries);
    expect(expected.length).toBeGreaterThan(0);
    expect(actual.size).toBe(expected.length);
    for (const e of expected) {
      const a = actual.get(String(e.id));
      const unitId = documents.find((d) => d.id === e.id)?.unitId;
      expect(a?.unitId).toBe(unitId);
      expect(a?.own).toBe(e.id === unitId);
      expect(a?.score).toBeCloseTo(e.score, 10);
      expect(new Set(a?.queryTerms)).toEqual(new Set(e.queryTerms));
      expect(new Set(a?.exact)).toEqual(new Set(e.queryTerms.filter((q) => e.terms.includes(q))));
    }
  });

  it("scores every term of a long question, recording the first 32 as bits", () => {
    const words = Array.from({ length: 40 }, (_, i) => `emne${String.fromCharCode(97 + (i % 26))}${i}`);
    const docs: SearchDocument[] = [
      { id: "all", unitId: "u1", text: words.join(" ") },
      { id: "last", unitId: "u2", text: words.slice(32).join(" ") },
    ];
    const longAnalyzer = createAnalyzer({ texts: words, synonyms: [] });
    const queries = words.map((w) => ({ term: longAnalyzer.term(w), weight: 1, prefix: false }));
    const index = buildSearchIndex(longAnalyzer, docs, PLAIN);
    const matches = byId(index.match(queries), queries);
    const expected = miniSearchScores(queries, index);
    expect(expected).toHaveLength(2);
    for (const e of expected) expect(matches.get(String(e.id))?.score).toBeCloseTo(e.score, 10);
    expect(matches.get("all")?.queryTerms).toHaveLength(32);
    expect(matches.get("last")?.queryTerms).toEqual([]);
  });

  it("keeps answering after a failed question and after documents are added", () => {
    const index = buildSearchIndex(analyzer, documents, PLAIN);
    const rotter = [query("rotter", 1, false)];
    const before = match(index, rotter);
    expect(() => index.match([...rotter, { term: undefined as unknown as string, weight: 1, prefix: false }])).toThrow();
    expect(match(index, rotter)).toEqual(before);
    index.add({ id: "t9", unitId: "skadedyr", text: "Rotter i kloakken" });
    expect(match(index, rotter).get("t9")).toMatchObject({ unitId: "skadedyr", own: false });
  });

  it("gives the same matches after a snapshot round trip, and again on the next question", () => {
    const built = buildSearchIndex(analyzer, documents, PLAIN);
    const loaded = loadSearchIndex(analyzer, JSON.parse(JSON.stringify(built.save())), PLAIN);
    const queries = [query("byggetilladelse", 1, true), query("rotter", 0.8, false)];
    const first = match(loaded, queries);
    expect(first.size).toBeGreaterThan(0);
    expect(first).toEqual(match(built, queries));
    expect(match(loaded, queries)).toEqual(first);
  });

  it("weighs a term by how few units it reaches: a word of one unit outweighs a word of many", () => {
    const docs: SearchDocument[] = [
      { id: "a1", unitId: "a", text: "kontor gravetilladelse" },
      { id: "b1", unitId: "b", text: "kontor" },
      { id: "c1", unitId: "c", text: "kontor" },
      { id: "d1", unitId: "d", text: "kontor" },
    ];
    const telling = buildSearchIndex(analyzer, docs, DEFAULT_TUNING).match([
      query("kontor", 1, false),
      query("gravetilladelse", 1, false),
    ]);
    const [generic, specific] = telling.distinctive;
    expect(specific).toBe(1);
    expect(generic).toBeLessThan(0.5);
  });

  it("counts a question word once in the number of words a document matched, however many of its terms did", () => {
    const docs: SearchDocument[] = [
      { id: "a1", unitId: "a", text: "affald renovation" },
      { id: "b1", unitId: "b", text: "affald haven" },
    ];
    const index = buildSearchIndex(analyzer, docs, PLAIN);
    const score = (queries: TermQuery[]) => {
      const found = index.match(queries);
      return new Map(Array.from({ length: found.count }, (_, i) => [found.id(i), found.score[i] as number]));
    };
    // Two synonyms of one word of the question, and the same two terms as two words.
    const synonyms = score([{ ...query("affald", 1, false), group: 0 }, { ...query("renovation", 1, false), group: 0 }]);
    const words = score([query("affald", 1, false), query("renovation", 1, false)]);
    expect(synonyms.get("a1")).toBeGreaterThan(0);
    expect(words.get("a1")).toBeCloseTo((synonyms.get("a1") as number) * 2, 5);
    // A document with only one of them is the same either way.
    expect(words.get("b1")).toBeCloseTo(synonyms.get("b1") as number, 5);
  });
});

describe("MiniSearch's internals that SearchIndex reads", () => {
  // SearchIndex scores from MiniSearch's protected fields; minisearch is pinned to an exact
  // version, and this fails loudly when an upgrade changes their shape.
  it("keep the shape Hvem relies on", () => {
    const index = buildSearchIndex(analyzer, documents, PLAIN) as unknown as Record<string, unknown>;
    const fieldLength = index._fieldLength as Map<number, number[]>;
    expect(typeof index._documentCount).toBe("number");
    expect(typeof index._nextId).toBe("number");
    expect(index._documentIds).toBeInstanceOf(Map);
    expect([...(index._documentIds as Map<number, string>).entries()][0]).toEqual([0, documents[0]?.id]);
    expect(index._idToShortId).toBeInstanceOf(Map);
    expect((index._idToShortId as Map<string, number>).get(documents[0]?.id ?? "")).toBe(0);
    expect(Object.keys(index._fieldIds as object)).toEqual(expect.arrayContaining(["name", "text"]));
    expect(Array.isArray(index._avgFieldLength)).toBe(true);
    expect(Array.isArray(fieldLength.get(0))).toBe(true);
    const searchable = index._index as { get(term: string): unknown; atPrefix(prefix: string): Iterable<unknown> };
    const term = analyzer.term("byggeri");
    const postings = searchable.get(term) as Map<number, Map<number, number>>;
    expect(postings).toBeInstanceOf(Map);
    expect([...postings.values()][0]).toBeInstanceOf(Map);
    expect([...searchable.atPrefix(term)].length).toBeGreaterThan(0);
  });
});
