/**
 * The MiniSearch index over the search documents, analysed by Hvem's Danish
 * pipeline, and its snapshot: a saved index loads without re-analysing the text.
 *
 * Questions arrive as weighted terms already analysed, and Hvem only needs each
 * matching document's score and matched terms, so the index scores them itself:
 * the same BM25+ as MiniSearch's `search` (a test holds the two equal), summed in
 * one record per document. MiniSearch's `search` builds several objects per
 * document and term and sorts every result, which at 100× the knowledge is most
 * of a question's time.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Analyzer } from "../analysis/analyzer.js";
import { tokenize } from "../analysis/tokenize.js";
import { FIELD_BOOSTS, SEARCH_FIELDS, type SearchDocument } from "./search-documents.js";

/** One analysed term of a question. */
export interface TermQuery {
  term: string;
  /** Multiplies the term's score (user's word 1, synonym less, …). */
  weight: number;
  /** Also match index terms that start with it, at `PREFIX_WEIGHT`. */
  prefix: boolean;
}

export interface DocumentMatch {
  id: string;
  unitId: string;
  score: number;
  /** Query terms this document matched. */
  queryTerms: readonly string[];
  /** Index terms of the document that matched (equal to a query term when exact). */
  terms: readonly string[];
}

/** A prefix match (rotte → rottebekæmpelse) counts this much of an exact one, less for longer rests. */
const PREFIX_WEIGHT = 0.3;
/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

function indexOptions(analyzer: Analyzer) {
  return {
    idField: "id",
    fields: SEARCH_FIELDS,
    storeFields: ["unitId"],
    tokenize,
    processTerm: (word: string) => analyzer.wordTerms(word),
  };
}

type FieldTermData = Map<number, Map<number, number>>;

export class SearchIndex extends MiniSearch<SearchDocument> {
  /** Per field, each document's BM25 length norm; made on the first question (the index never changes after). */
  private norms?: Float64Array[];
  /** Where a document's match sits in the current question's list, by short id (slot + 1; 0 = none). */
  private slots = new Uint32Array(0);

  /** Documents matching any of the terms, each once, unsorted. */
  match(queries: readonly TermQuery[]): DocumentMatch[] {
    const matches: DocumentMatch[] = [];
    if (this.slots.length < this._nextId) this.slots = new Uint32Array(this._nextId);
    for (const query of queries) {
      const exact = this._index.get(query.term);
      if (exact) this.addScores(matches, query, query.term, query.weight, exact);
      if (!query.prefix) continue;
      for (const [term, data] of this._index.atPrefix(query.term)) {
        const rest = term.length - query.term.length;
        if (rest === 0) continue;
        const weight = (query.weight * PREFIX_WEIGHT * term.length) / (term.length + 0.3 * rest);
        this.addScores(matches, query, term, weight, data);
      }
    }
    for (const m of matches) {
      this.slots[this._idToShortId.get(m.id) as number] = 0;
      // As MiniSearch does: a document matching more of the question's terms counts more.
      m.score *= m.queryTerms.length;
    }
    return matches;
  }

  private addScores(
    matches: DocumentMatch[],
    query: TermQuery,
    term: string,
    weight: number,
    data: FieldTermData,
  ) {
    const norms = (this.norms ??= this.lengthNorms());
    const slots = this.slots;
    const { k, d } = BM25;
    // Shared by the documents this term finds first; the lists are never changed, only replaced.
    const queryTerms = [query.term];
    const terms = [term];
    for (const field of SEARCH_FIELDS) {
      const fieldId = this._fieldIds[field] as number;
      const freqs = data.get(fieldId);
      if (!freqs) continue;
      const norm = norms[fieldId] as Float64Array;
      const idf = Math.log(1 + (this._documentCount - freqs.size + 0.5) / (freqs.size + 0.5));
      const fieldWeight = weight * FIELD_BOOSTS[field] * idf;
      freqs.forEach((frequency, shortId) => {
        const score = fieldWeight * (d + (frequency * (k + 1)) / (frequency + (norm[shortId] as number)));
        const slot = slots[shortId] as number;
        if (slot === 0) {
          const id = String(this._documentIds.get(shortId));
          const unitId = String(this._storedFields.get(shortId)?.unitId);
          slots[shortId] = matches.push({ id, unitId, score, queryTerms, terms });
          return;
        }
        const m = matches[slot - 1] as DocumentMatch;
        m.score += score;
        if (m.queryTerms.at(-1) !== query.term) m.queryTerms = [...m.queryTerms, query.term];
        if (!m.terms.includes(term)) m.terms = [...m.terms, term];
      });
    }
  }

  /** BM25's k·(1 − b + b·length/average) for every document and field. */
  private lengthNorms(): Float64Array[] {
    const { k, b } = BM25;
    const norms = SEARCH_FIELDS.map(() => new Float64Array(this._nextId));
    for (const [shortId, lengths] of this._fieldLength) {
      lengths.forEach((length, fieldId) => {
        const average = this._avgFieldLength[fieldId] as number;
        (norms[fieldId] as Float64Array)[shortId] = k * (1 - b + (b * length) / average);
      });
    }
    return norms;
  }
}

export function buildSearchIndex(analyzer: Analyzer, documents: readonly SearchDocument[]) {
  const index = new SearchIndex(indexOptions(analyzer));
  index.addAll(documents);
  return index;
}

/** The index as plain data, to be serialised with the rest of a snapshot. */
export function saveSearchIndex(index: SearchIndex): AsPlainObject {
  return index.toJSON();
}

/** Throws when the data is not a MiniSearch index; callers then rebuild. */
export function loadSearchIndex(analyzer: Analyzer, saved: AsPlainObject): SearchIndex {
  const options = indexOptions(analyzer);
  // MiniSearch loads into a plain instance; its state moves into ours.
  return Object.assign(new SearchIndex(options), MiniSearch.loadJS<SearchDocument>(saved, options));
}
