/**
 * One ranked unit as an answer: where it sits, the words it matched, its best
 * matching tasks with the words to highlight, and whom to contact.
 */
import type { QueryTerm } from "../analysis/analyzer.js";
import type { KnowledgeRecord } from "../knowledge/records.js";
import type { Answer, AnswerContact } from "./answer-schema.js";
import type { UnitHit } from "./rank-units.js";
import type { SearchTuning } from "./search-tuning.js";

/** A unit or meeting as an answer places it. */
export interface Place {
  unitId: string;
  unit: string;
  chiefArea: string;
  department: string;
  organisation: string;
  contacts: AnswerContact[];
  /** Its chief area's or organisation's contacts, for when it has none of its own. */
  routeContacts: AnswerContact[];
  crossCutting: boolean;
}

/** A word of a record's text, and the terms it is indexed under. */
export interface TextWord {
  word: string;
  terms: readonly string[];
}

export interface AnswerSources {
  places: ReadonlyMap<string, Place>;
  records: ReadonlyMap<string, KnowledgeRecord>;
  wordsOf(record: KnowledgeRecord): readonly TextWord[];
}

/** Compounds the user shortened ("rotte" for "rottebekæmpelse") still match. */
export function searchesPrefix(t: QueryTerm, tuning: Pick<SearchTuning, "prefixMinLength">): boolean {
  return t.origin === "word" && t.term.length >= tuning.prefixMinLength;
}

/** A unit's documents an answer looks at: its best tasks, and the people among its best matches. */
const HITS_SHOWN = 12;

export function buildAnswer(
  unit: UnitHit,
  terms: readonly QueryTerm[],
  sources: AnswerSources,
  tuning: SearchTuning,
): Answer | undefined {
  const place = sources.places.get(unit.unitId);
  if (!place) return undefined;
  // The unit's own contacts are listed anyway; its best few hits say which tasks and people matched.
  const hitRecords = unit.hits(HITS_SHOWN).flatMap((id) => sources.records.get(id) ?? []);
  const tasks = hitRecords
    .filter((r) => r.kind !== "contact")
    .slice(0, tuning.maxTasks)
    .map((r) => ({
      group: r.taskGroup,
      text: r.kind === "meetingItem" ? meetingItemText(r) : r.text,
      highlight: highlight(sources.wordsOf(r), unit.terms, tuning),
    }));
  const presenters = hitRecords.flatMap((r) =>
    r.kind === "meetingItem" && r.presenter
      ? [{ name: r.presenter, role: `Fremlagde punkt ${r.number}: ${r.text}` }]
      : [],
  );
  const matchedContacts = hitRecords.flatMap((r) =>
    r.kind === "contact" ? [{ name: r.name, role: r.role, email: r.email, phone: r.phone }] : [],
  );
  const own = [...matchedContacts, ...presenters, ...place.contacts];
  const contacts = dedupeContacts(own.length > 0 ? own : place.routeContacts);
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

/** "Did you mean": the knowledge's own spelling of words the user misspelled. */
export function suggestions(terms: readonly QueryTerm[]): string[] {
  return [...new Set(terms.flatMap((t) => (t.correction ? [t.correction] : [])))];
}

function meetingItemText(r: Extract<KnowledgeRecord, { kind: "meetingItem" }>): string {
  return r.presenter ? `${r.text} (v. ${r.presenter})` : r.text;
}

/** Words of `text` whose analysed form matched, for the card to show why. */
function highlight(words: readonly TextWord[], matched: readonly QueryTerm[], tuning: SearchTuning): string[] {
  const exact = new Set(matched.map((q) => q.term));
  const prefixes = matched.filter((q) => searchesPrefix(q, tuning)).map((q) => q.term);
  const matches = (term: string) => exact.has(term) || prefixes.some((p) => term.startsWith(p));
  return [...new Set(words.filter((w) => w.terms.some(matches)).map((w) => w.word))];
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
