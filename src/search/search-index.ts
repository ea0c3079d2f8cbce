/**
 * The MiniSearch index over the search documents, analysed by Hvem's Danish
 * pipeline, and its snapshot: a saved index loads without re-analysing the text.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import type { Analyzer } from "../analysis/analyzer.js";
import { tokenize } from "../analysis/tokenize.js";
import { FIELD_BOOSTS, SEARCH_FIELDS, type SearchDocument } from "./search-documents.js";

export type SearchIndex = MiniSearch<SearchDocument>;

function indexOptions(analyzer: Analyzer) {
  return {
    idField: "id",
    fields: SEARCH_FIELDS,
    storeFields: ["unitId"],
    tokenize,
    processTerm: (word: string) => analyzer.wordTerms(word),
    searchOptions: {
      boost: FIELD_BOOSTS,
      // Query terms arrive analysed (see Analyzer.queryTerms), one per space.
      tokenize: (query: string) => query.split(" "),
      processTerm: (term: string) => term,
    },
  };
}

export function buildSearchIndex(analyzer: Analyzer, documents: readonly SearchDocument[]) {
  const index = new MiniSearch<SearchDocument>(indexOptions(analyzer));
  index.addAll(documents);
  return index;
}

/** The index as plain data, to be serialised with the rest of a snapshot. */
export function saveSearchIndex(index: SearchIndex): AsPlainObject {
  return index.toJSON();
}

/** Throws when the data is not a MiniSearch index; callers then rebuild. */
export function loadSearchIndex(analyzer: Analyzer, saved: AsPlainObject): SearchIndex {
  return MiniSearch.loadJS<SearchDocument>(saved, indexOptions(analyzer));
}
