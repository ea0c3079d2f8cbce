/**
 * Answers a question from one knowledge version: analyse → search the index →
 * rank units → decide confidence → build answers with their matching tasks and
 * contacts. Plain TypeScript: the CLI, the bot and tests all call `ask`.
 */
import { createAnalyzer, type QueryTerm } from "../analysis/analyzer.js";
import { withoutPersonalData } from "../analysis/personal-data.js";
import { tokenize } from "../analysis/tokenize.js";
import type { Knowledge } from "../knowledge/load-knowledge.js";
import { type KnowledgeRecord, toRecords } from "../knowledge/records.js";
import { routeContacts } from "../knowledge/contacts-file.js";
import type { AskResult } from "./answer-schema.js";
import { buildAnswer, type Place, searchesPrefix, suggestions, type TextWord } from "./build-answer.js";
import { fitsQuestion, isConfident } from "./confidence.js";
import {
  findOrganisation,
  mentionedOrganisation,
  scopeToOrganisation,
  withoutOrganisation,
} from "./organisation-scope.js";
import { rankUnits } from "./rank-units.js";
import { indexedTexts, searchDocuments } from "./search-documents.js";
import { buildSearchIndex, loadSearchIndex, type TermQuery } from "./search-index.js";
import { DEFAULT_TUNING, type SearchTuning } from "./search-tuning.js";
import { parseSnapshot, searchFingerprint, writeSnapshot } from "./snapshot.js";

/** Longer questions are cut: nobody asks in more words, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 300;

/**
 * The part of a question the search reads. Asked again, it gives the same answers, so
 * this is what a card's buttons and the conversation's memory keep of a long paste.
 */
export function searchedPart(question: string): string {
  return question.slice(0, MAX_QUESTION_LENGTH);
}

export interface AskOptions {
  /**
   * The asker's organisation (display name): answers come from its units unless the
   * question names another, or none of its own fits.
   */
  organisation?: string;
}

export interface Searcher {
  readonly version: string;
  readonly stats: { records: number; units: number };
  /** The organisations the knowledge holds, by display name. */
  readonly organisations: readonly string[];
  ask(question: string, options?: AskOptions): AskResult;
  /** The index and what the analyzer learned, to load instead of rebuilding. */
  snapshot(): string;
}

export function createSearcher(knowledge: Knowledge, snapshot?: string, tuning: SearchTuning = DEFAULT_TUNING): Searcher {
  const records = toRecords(knowledge);
  const recordById = new Map(records.map((r) => [r.id, r]));
  const places = new Map<string, Place>();
  for (const u of knowledge.units) {
    const routes = routeContacts(u, knowledge.organisationContacts);
    places.set(u.id, { unitId: u.id, unit: u.name, ...u, contacts: u.contacts, routeContacts: routes });
  }
  for (const m of knowledge.meetings) {
    const unit = `${m.committee} ${m.date}`;
    const routes = routeContacts(m, knowledge.organisationContacts);
    places.set(m.id, { unitId: m.id, unit, ...m, contacts: [], routeContacts: routes, crossCutting: false });
  }
  const fingerprint = searchFingerprint(tuning);
  const saved = snapshot === undefined ? undefined : parseSnapshot(snapshot, knowledge.version, fingerprint);
  const documents = saved ? [] : searchDocuments(knowledge, records);
  const analyzer = createAnalyzer(
    saved
      ? { state: saved.analyzer }
      : {
          // The analyzer knows exactly the words that are indexed.
          texts: documents.flatMap(indexedTexts),
          synonyms: knowledge.synonyms,
          rules: knowledge.rules,
        },
  );
  const index = saved ? loadSearchIndex(analyzer, saved.index, tuning) : buildSearchIndex(analyzer, documents, tuning);
  const organisations = [...new Set(knowledge.units.map((u) => u.organisation))];
  // A meeting's items are unrelated to each other: each one is judged on its own.
  const meetings = new Set(knowledge.meetings.map((m) => m.id));
  // A record's words and their terms, analysed once and kept: highlighting is on every answer.
  const recordWords = new Map<string, readonly TextWord[]>();
  const wordsOf = (record: KnowledgeRecord) => {
    let words = recordWords.get(record.id);
    if (!words) {
      words = tokenize(record.text).map((word) => ({ word, terms: analyzer.wordTerms(word) }));
      recordWords.set(record.id, words);
    }
    return words;
  };

  return {
    version: knowledge.version,
    stats: { records: records.length, units: places.size },
    organisations,
    snapshot: () =>
      writeSnapshot({ analysis: fingerprint, version: knowledge.version, analyzer: analyzer.state(), index: index.save() }),
    ask(question, options = {}) {
      const truncated = question.length > MAX_QUESTION_LENGTH;
      const text = withoutPersonalData(searchedPart(question));
      const named = mentionedOrganisation(text, organisations);
      const terms = analyzer.queryTerms(named ? withoutOrganisation(text, named) : text, tuning.terms);
      const words = [...new Set(terms.map((t) => t.word))];
      const queries = terms.map((t) => ({ ...termQuery(t, tuning), group: words.indexOf(t.word) }));
      const ranked = rankUnits(index.match(queries), terms, tuning, {
        separate: (id) => meetings.has(id),
        weight: (id) => (places.get(id)?.crossCutting ? tuning.crossCutting : 1),
      });
      // One organisation needs no saying; an unknown one is nobody's home.
      const home =
        organisations.length === 1
          ? organisations[0]
          : options.organisation && findOrganisation(options.organisation, organisations);
      const { units, elsewhere } = scopeToOrganisation(
        ranked,
        (id) => places.get(id)?.organisation,
        named,
        home,
        (u) => fitsQuestion(u, tuning.confidence),
      );
      const [first, second] = units;
      const confident = isConfident(first, second, tuning.confidence);
      // Other units are offered only when they share a telling word with the question.
      const shown = units.filter((u, i) => i === 0 || u.distinctive >= tuning.confidence.minDistinctive);
      return {
        question,
        confident,
        ...(home ? { organisation: home } : {}),
        elsewhere,
        answers: shown
          .slice(0, tuning.maxAnswers)
          .flatMap((u) => buildAnswer(u, terms, { places, records: recordById, wordsOf }, tuning) ?? []),
        suggestions: suggestions(terms),
        truncated,
      };
    },
  };
}

function termQuery(t: QueryTerm, tuning: SearchTuning): TermQuery {
  return { term: t.term, weight: t.weight, prefix: searchesPrefix(t, tuning) };
}
