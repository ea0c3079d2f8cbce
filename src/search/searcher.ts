/**
 * Answers a question from one knowledge version: analyse → search the index →
 * rank units → decide confidence → build answers with their matching tasks and
 * contacts. Plain TypeScript: the CLI, the bot and tests all call `ask`.
 */
import { createHash } from "node:crypto";
import {
  type AnalyzerState,
  createAnalyzer,
  type QueryTerm,
} from "../analysis/analyzer.js";
import { analysisFingerprint } from "../analysis/fingerprint.js";
import { fold } from "../analysis/fold.js";
import { tokenize } from "../analysis/tokenize.js";
import type { Knowledge } from "../knowledge/load-knowledge.js";
import { type KnowledgeRecord, toRecords } from "../knowledge/records.js";
import type { Answer, AnswerContact, AskResult } from "./answer-schema.js";
import { isConfident } from "./confidence.js";
import { rankUnits, type UnitHit } from "./rank-units.js";
import { searchDocuments } from "./search-documents.js";
import {
  buildSearchIndex,
  loadSearchIndex,
  type SavedSearchIndex,
  type TermQuery,
} from "./search-index.js";

/** Longer questions are cut: nobody asks in more words, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 300;

/**
 * The part of a question the search reads. Asked again, it gives the same answers, so
 * this is what a card's buttons and the conversation's memory keep of a long paste.
 */
export function searchedPart(question: string): string {
  return question.slice(0, MAX_QUESTION_LENGTH);
}
const MAX_ANSWERS = 10;
const MAX_TASKS = 3;

export interface Searcher {
  readonly version: string;
  readonly stats: { records: number; units: number };
  ask(question: string): AskResult;
  /** The index and what the analyzer learned, to load instead of rebuilding. */
  snapshot(): string;
}

interface Place {
  unitId: string;
  unit: string;
  chiefArea: string;
  department: string;
  organisation: string;
  contacts: AnswerContact[];
  crossCutting: boolean;
}

export function createSearcher(knowledge: Knowledge, snapshot?: string): Searcher {
  const records = toRecords(knowledge);
  const recordById = new Map(records.map((r) => [r.id, r]));
  const places = new Map<string, Place>();
  for (const u of knowledge.units) {
    places.set(u.id, { unitId: u.id, unit: u.name, ...u, contacts: u.contacts });
  }
  for (const m of knowledge.meetings) {
    const unit = `${m.committee} ${m.date}`;
    places.set(m.id, { unitId: m.id, unit, ...m, contacts: [], crossCutting: false });
  }
  const saved = snapshot === undefined ? undefined : parseSnapshot(snapshot, knowledge.version);
  const analyzer = createAnalyzer(
    saved
      ? { state: saved.analyzer }
      : {
          texts: [
            ...records.map((r) => `${r.taskGroup} ${r.text}`),
            ...knowledge.units.map((u) => `${u.name} ${u.aliases.join(" ")}`),
          ],
          synonyms: knowledge.synonyms,
        },
  );
  const index = saved
    ? loadSearchIndex(analyzer, saved.index)
    : buildSearchIndex(analyzer, searchDocuments(knowledge, records));
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
    snapshot: () => {
      const body = JSON.stringify({
        format: SNAPSHOT_FORMAT,
        analysis: analysisFingerprint(),
        version: knowledge.version,
        analyzer: analyzer.state(),
        index: index.save(),
      } satisfies Snapshot);
      return `${checksum(body)}\n${body}`;
    },
    ask(question) {
      const truncated = question.length > MAX_QUESTION_LENGTH;
      const text = searchedPart(question);
      const organisation = mentionedOrganisation(text, organisations);
      const terms = analyzer.queryTerms(
        organisation ? withoutOrganisation(text, organisation) : text,
      );
      const ranked = rankUnits(index.match(terms.map(termQuery)), terms, {
        separate: (id) => meetings.has(id),
        weight: (id) => (places.get(id)?.crossCutting ? CROSS_CUTTING : 1),
      });
      // A question that names a municipality is about that municipality only.
      const named = ranked.filter((u) => places.get(u.unitId)?.organisation === organisation);
      const units = named.length > 0 ? named : ranked;
      const [first, second] = units;
      const confident =
        first !== undefined &&
        isConfident({ coverage: first.coverage, top: first.score, second: second?.score ?? 0 });
      return {
        question,
        confident,
        answers: units
          .slice(0, MAX_ANSWERS)
          .flatMap(
            (u) => answerFor(u, places, recordById, terms, wordsOf) ?? [],
          ),
        suggestions: suggestions(terms),
        truncated,
      };
    },
  };
}

/**
 * Raised whenever the layout of a snapshot changes. Changes to the analysis itself are
 * caught by its fingerprint, so a snapshot analysed by other code is rebuilt.
 */
const SNAPSHOT_FORMAT = 4;

/** A snapshot is a checksum line, then this as JSON. */
interface Snapshot {
  format: number;
  analysis: string;
  version: string;
  analyzer: AnalyzerState;
  index: SavedSearchIndex;
}

function checksum(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Whether a snapshot can be loaded for this knowledge version (checked without building anything). */
export function isLoadableSnapshot(snapshot: string, version: string): boolean {
  try {
    parseSnapshot(snapshot, version);
    return true;
  } catch {
    return false;
  }
}

/** Throws when the snapshot is damaged or of another knowledge version; callers rebuild. */
function parseSnapshot(snapshot: string, version: string): Snapshot {
  const newline = snapshot.indexOf("\n");
  const body = snapshot.slice(newline + 1);
  // The checksum covers the text as written: a damaged or truncated file is never trusted.
  if (newline < 0 || checksum(body) !== snapshot.slice(0, newline)) {
    throw new Error("snapshot is damaged (checksum)");
  }
  const parsed = JSON.parse(body) as Partial<Snapshot>;
  if (parsed.format !== SNAPSHOT_FORMAT) {
    throw new Error(`snapshot is of format ${parsed.format}, not ${SNAPSHOT_FORMAT}`);
  }
  if (parsed.analysis !== analysisFingerprint()) throw new Error("snapshot was analysed by other code");
  if (parsed.version !== version) {
    throw new Error(`snapshot is of knowledge version ${parsed.version}, not ${version}`);
  }
  const analyzer = parsed.analyzer;
  if (!analyzer?.words || !analyzer.terms || !analyzer.synonyms || !analyzer.synonymParts || typeof parsed.index !== "object") {
    throw new Error("snapshot is incomplete");
  }
  return parsed as Snapshot;
}

/** Tasks every unit does itself rank below a unit that specialises in them. */
const CROSS_CUTTING = 0.5;

function mentionedOrganisation(text: string, organisations: readonly string[]) {
  const words = new Set(tokenize(text).map(fold));
  return organisations.find((o) => words.has(fold(o.split(" ")[0] ?? "")));
}

function withoutOrganisation(text: string, organisation: string): string {
  const name = organisation.split(" ")[0] ?? "";
  // Not inside a web address or a compound: "randers.dk" is a thing, not the municipality.
  return text.replace(new RegExp(`(?<![.-])\\b${name}(s)?\\b(?![.-]\\p{L})`, "giu"), " ");
}

function termQuery(t: QueryTerm): TermQuery {
  return { term: t.term, weight: t.weight, prefix: searchesPrefix(t) };
}

/** Compounds the user shortened ("rotte" for "rottebekæmpelse") still match. */
function searchesPrefix(t: QueryTerm): boolean {
  return t.origin === "word" && t.term.length >= 5;
}

function answerFor(
  unit: UnitHit,
  places: ReadonlyMap<string, Place>,
  records: ReadonlyMap<string, KnowledgeRecord>,
  terms: readonly QueryTerm[],
  wordsOf: (record: KnowledgeRecord) => readonly TextWord[],
): Answer | undefined {
  const place = places.get(unit.unitId);
  if (!place) return undefined;
  const hitRecords = unit.hits().flatMap((id) => records.get(id) ?? []);
  const tasks = hitRecords
    .filter((r) => r.kind !== "contact")
    .slice(0, MAX_TASKS)
    .map((r) => ({
      group: r.taskGroup,
      text: r.kind === "meetingItem" ? meetingItemText(r) : r.text,
      highlight: highlight(wordsOf(r), unit.terms),
    }));
  const presenters = hitRecords.flatMap((r) =>
    r.kind === "meetingItem" && r.presenter
      ? [{ name: r.presenter, role: `Fremlagde punkt ${r.number}: ${r.text}` }]
      : [],
  );
  const matchedContacts = hitRecords.flatMap((r) =>
    r.kind === "contact" ? [{ name: r.name, role: r.role, email: r.email, phone: r.phone }] : [],
  );
  const contacts = dedupeContacts([...matchedContacts, ...presenters, ...place.contacts]);
  const wordsMatched = terms
    .filter((t) => t.origin === "word" && unit.matchedWords.has(t.word))
    .map((t) => t.correction ?? t.word);
  return {
    unitId: place.unitId,
    unit: place.unit,
    chiefArea: place.chiefArea,
    department: place.department,
    organisation: place.organisation,
    score: Math.round(unit.score * 1000) / 1000,
    matched: [...new Set(wordsMatched)],
    coverage: Math.round(unit.coverage * 100) / 100,
    tasks,
    contacts,
  };
}

function meetingItemText(r: Extract<KnowledgeRecord, { kind: "meetingItem" }>): string {
  return r.presenter ? `${r.text} (v. ${r.presenter})` : r.text;
}

/** Words of `text` whose analysed form matched, for the card to show why. */
function highlight(words: readonly TextWord[], matched: readonly QueryTerm[]): string[] {
  const matches = (term: string) =>
    matched.some((q) => term === q.term || (searchesPrefix(q) && term.startsWith(q.term)));
  return [...new Set(words.filter((w) => w.terms.some(matches)).map((w) => w.word))];
}

interface TextWord {
  word: string;
  terms: readonly string[];
}

function dedupeContacts(contacts: AnswerContact[]): AnswerContact[] {
  const seen = new Set<string>();
  return contacts
    .filter((c) => {
      const key = (c.email ?? c.name).toLocaleLowerCase("da");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(
      (c) =>
        Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as AnswerContact,
    );
}

/** "Did you mean": the knowledge's own spelling of words the user misspelled. */
function suggestions(terms: readonly QueryTerm[]): string[] {
  return [...new Set(terms.flatMap((t) => (t.correction ? [t.correction] : [])))];
}
