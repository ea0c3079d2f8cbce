/**
 * The MiniSearch index over the search documents, analysed by Hvem's Danish
 * pipeline, and its snapshot: a saved index loads without re-analysing the text.
 *
 * Questions arrive as weighted terms already analysed, and Hvem only needs each
 * matching document's score, unit and matched terms, so the index scores them
 * itself: the same BM25+ as MiniSearch's `search` (a test holds the two equal),
 * written into columns of numbers. MiniSearch's `search` builds several objects
 * per document and term and sorts every result, which at 100× the knowledge was
 * most of a question's time.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Analyzer } from "../analysis/analyzer.js";
import { tokenize } from "../analysis/tokenize.js";
import { SEARCH_FIELDS, type SearchDocument } from "./search-documents.js";
import type { SearchTuning } from "./search-tuning.js";
import { groupsOf, PerEntry, scratchFor } from "./match-scratch.js";

/** One analysed term of a question. */
export interface TermQuery {
  term: string;
  /** Multiplies the term's score (user's word 1, synonym less, …). */
  weight: number;
  /** Also match index terms that start with it, at `SearchTuning.prefixScore`. */
  prefix: boolean;
  /**
   * Terms of one group are alternatives for one word of the question (the word, its
   * parts, its synonyms): a document counts the group by its best term, once. Without
   * a group a term is a group of its own.
   */
  group?: number;
}

/**
 * Query terms with a bit in `Matches.terms` and `exact`: the first (best) 32. Terms
 * after them (a long question's weakest compound parts) still score, unrecorded.
 */
export const TERM_BITS = 32;

/**
 * What a question matched: entry i is one document. Bit j of `terms` and `exact`
 * stands for query term j (j < TERM_BITS).
 */
export interface Matches {
  count: number;
  score: Float64Array;
  /** The document's unit, as a number (see `unitId`). */
  unit: Uint32Array;
  /** 1 for a unit's own document (its name and aliases), 0 for a record. */
  own: Uint8Array;
  /** Query terms the document matched, exactly or by prefix. */
  terms: Uint32Array;
  /** Query terms the document matched exactly. */
  exact: Uint32Array;
  /**
   * Per query term: how well it tells units apart (0–1), from the units its best index
   * term reaches; 0 for a term that matched nothing.
   */
  distinctive: Float64Array;
  /** The document id of entry i. */
  id(i: number): string;
  unitId(unit: number): string;
  unitCount: number;
}

/** What the index's scoring takes from the tuning. */
export type IndexTuning = Pick<SearchTuning, "bm25" | "fields" | "prefixScore" | "distinctiveness">;

function indexOptions(analyzer: Analyzer) {
  return {
    idField: "id",
    fields: [...SEARCH_FIELDS],
    tokenize,
    processTerm: (word: string) => analyzer.wordTerms(word),
  };
}

type FieldTermData = Map<number, Map<number, number>>;

export class SearchIndex extends MiniSearch<SearchDocument> {
  /** Set right after construction by `buildSearchIndex` and `loadSearchIndex`. */
  tuning!: IndexTuning;
  /** Per document: BM25 length norms and unit, remade whenever documents were added or removed. */
  private layout?: ReturnType<SearchIndex["makeLayout"]>;
  /** One question's working space; `slot` is back to 0 everywhere when `match` returns. */
  private scratch = scratchFor(0);
  /**
   * Each document's unit, by short id. Kept here rather than as a MiniSearch stored
   * field: repeated in every document, unit ids were a fifth of a snapshot to parse.
   * Hvem builds a new index for every change, so documents are only ever added.
   */
  private documentUnits = new Map<number, string>();

  override add(document: SearchDocument): void {
    super.add(document);
    this.documentUnits.set(this._idToShortId.get(document.id) as number, document.unitId);
  }

  /** The index as plain data: MiniSearch's own, and each document's unit. */
  save(): SavedSearchIndex {
    const { unitIds, unitOf } = this.currentLayout();
    return { minisearch: this.toJSON(), unitIds, unitOf: Array.from(unitOf) };
  }

  /** Takes the documents' units from a saved index, after MiniSearch loaded the rest. */
  restoreUnits(saved: SavedSearchIndex): void {
    for (const id of this._documentIds.keys()) {
      const unitId = saved.unitIds[saved.unitOf[id] ?? -1];
      if (unitId === undefined) throw new Error(`saved index has no unit for document ${id}`);
      this.documentUnits.set(id, unitId);
    }
    this.currentLayout();
  }

  /** Documents matching any of the terms, each once, unsorted. */
  match(queries: readonly TermQuery[]): Matches {
    const layout = this.currentLayout();
    if (this.scratch.slot.length < this._nextId) this.scratch = scratchFor(this._nextId);
    const { slot, doc, score, matchedGroups, terms, exact } = this.scratch;
    const distinctive = new Float64Array(queries.length);
    let count = 0;
    /** The entry of a document, made on its first match. */
    const entry = (id: number) => {
      let i = (slot[id] as number) - 1;
      if (i < 0) {
        i = count++;
        slot[id] = count;
        doc[i] = id;
        score[i] = matchedGroups[i] = terms[i] = exact[i] = 0;
      }
      return i;
    };
    try {
      for (const group of groupsOf(queries)) {
        const best = new PerEntry(this.scratch.group, (a, b) => a + b);
        for (const j of group) {
          const query = queries[j] as TermQuery;
          const bit = j < TERM_BITS ? 2 ** j : 0;
          const found = new PerEntry(this.scratch.term, (a, b) => a + b);
          for (const [term, weight, data] of this.expand(query)) {
            const spread = this.distinctiveness(term, data, layout);
            if (spread > (distinctive[j] as number)) distinctive[j] = spread;
            this.scoreTerm(data, weight * spread ** this.tuning.distinctiveness, layout, (id, value) => {
              const i = entry(id);
              found.add(i, value);
              terms[i] = (terms[i] as number) | bit;
              if (term === query.term) exact[i] = (exact[i] as number) | bit;
            });
          }
          found.each((i, value) => best.add(i, value));
        }
        best.each((i, value) => {
          score[i] = (score[i] as number) + value;
          matchedGroups[i] = (matchedGroups[i] as number) + 1;
        });
      }
    } finally {
      for (let i = 0; i < count; i++) slot[doc[i] as number] = 0;
    }
    const matchedDoc = doc.slice(0, count);
    const matched = {
      count,
      score: score.slice(0, count),
      unit: new Uint32Array(count),
      own: new Uint8Array(count),
      terms: terms.slice(0, count),
      exact: exact.slice(0, count),
      distinctive,
      id: (i: number) => String(this._documentIds.get(matchedDoc[i] as number)),
      unitId: (unit: number) => layout.unitIds[unit] as string,
      unitCount: layout.unitIds.length,
    };
    for (let i = 0; i < count; i++) {
      const id = matchedDoc[i] as number;
      matched.unit[i] = layout.unitOf[id] as number;
      matched.own[i] = layout.own[id] as number;
      // As MiniSearch does: a document matching more of the question's words counts more.
      matched.score[i] = (matched.score[i] as number) * (matchedGroups[i] as number);
    }
    return matched;
  }

  /** BM25+ of one index term in every document it is in, summed over fields. */
  private scoreTerm(data: FieldTermData, weight: number, layout: Layout, add: (id: number, value: number) => void) {
    const { k, d } = this.tuning.bm25;
    for (const field of SEARCH_FIELDS) {
      const fieldId = this._fieldIds[field] as number;
      const freqs = data.get(fieldId);
      if (!freqs) continue;
      const norm = layout.norms[fieldId] as Float64Array;
      const idf = Math.log(1 + (this._documentCount - freqs.size + 0.5) / (freqs.size + 0.5));
      const fieldWeight = weight * this.tuning.fields[field] * idf;
      freqs.forEach((frequency, id) => {
        add(id, fieldWeight * (d + (frequency * (k + 1)) / (frequency + (norm[id] as number))));
      });
    }
  }

  /** The per-document layout, made anew when documents were added or removed since. */
  currentLayout() {
    if (this.layout?.nextId !== this._nextId || this.layout.documentCount !== this._documentCount) {
      this.layout = this.makeLayout();
    }
    return this.layout;
  }

  /**
   * How well an index term tells units apart, 0–1: log(1 + U/n) / log(1 + U) for a term
   * in n of U units. A unit-level IDF: BM25's own counts documents, and a word in all of
   * one unit's tasks is as telling as a word in one task.
   */
  private distinctiveness(term: string, data: FieldTermData, layout: Layout): number {
    let value = layout.distinctive.get(term);
    if (value === undefined) {
      const units = new Set<number>();
      for (const freqs of data.values()) for (const id of freqs.keys()) units.add(layout.unitOf[id] as number);
      const total = layout.unitIds.length;
      value = Math.log(1 + total / Math.max(1, units.size)) / Math.log(1 + total);
      layout.distinctive.set(term, value);
    }
    return value;
  }

  /** The index terms a query term matches, each with its weight and postings. */
  private *expand(query: TermQuery): Generator<[string, number, FieldTermData]> {
    const exact = this._index.get(query.term);
    if (exact) yield [query.term, query.weight, exact];
    if (!query.prefix) return;
    for (const [term, data] of this._index.atPrefix(query.term)) {
      const rest = term.length - query.term.length;
      if (rest > 0) yield [term, (query.weight * this.tuning.prefixScore * term.length) / (term.length + 0.3 * rest), data];
    }
  }

  private makeLayout() {
    const { k, b } = this.tuning.bm25;
    // BM25's k·(1 − b + b·length/average), per field and document.
    const norms = SEARCH_FIELDS.map(() => new Float64Array(this._nextId));
    for (const [id, lengths] of this._fieldLength) {
      lengths.forEach((length, fieldId) => {
        (norms[fieldId] as Float64Array)[id] = k * (1 - b + (b * length) / (this._avgFieldLength[fieldId] as number));
      });
    }
    const unitIds: string[] = [];
    const unitNumber = new Map<string, number>();
    const unitOf = new Uint32Array(this._nextId);
    const own = new Uint8Array(this._nextId);
    for (const [id, documentId] of this._documentIds) {
      const unitId = this.documentUnits.get(id) as string;
      let unit = unitNumber.get(unitId);
      if (unit === undefined) {
        unit = unitIds.push(unitId) - 1;
        unitNumber.set(unitId, unit);
      }
      unitOf[id] = unit;
      own[id] = documentId === unitId ? 1 : 0;
    }
    // Worked out per index term when a question first meets it.
    const distinctive = new Map<string, number>();
    return { norms, unitIds, unitOf, own, distinctive, nextId: this._nextId, documentCount: this._documentCount };
  }
}

type Layout = ReturnType<SearchIndex["makeLayout"]>;

export function buildSearchIndex(analyzer: Analyzer, documents: readonly SearchDocument[], tuning: IndexTuning) {
  const index = new SearchIndex(indexOptions(analyzer));
  index.tuning = tuning;
  index.addAll(documents);
  index.currentLayout(); // now, not on the first question after a reindex
  return index;
}

/** A saved index: MiniSearch's plain data, and each document's unit (by short id, into `unitIds`). */
export interface SavedSearchIndex {
  minisearch: AsPlainObject;
  unitIds: string[];
  unitOf: number[];
}

/** Throws when the data is not a saved index; callers then rebuild. */
export function loadSearchIndex(analyzer: Analyzer, saved: SavedSearchIndex, tuning: IndexTuning): SearchIndex {
  const options = indexOptions(analyzer);
  // MiniSearch loads into a plain instance; its state moves into ours.
  const index = Object.assign(new SearchIndex(options), MiniSearch.loadJS<SearchDocument>(saved.minisearch, options), {
    tuning,
  });
  index.restoreUnits(saved);
  return index;
}
