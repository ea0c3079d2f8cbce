/**
 * What the index holds: one document per record (task, contact, meeting item)
 * and one per unit (its name, aliases and place), each pointing to its unit.
 */
import type { Knowledge } from "../knowledge/load-knowledge.js";
import type { KnowledgeRecord } from "../knowledge/records.js";
import type { FieldBoosts } from "./search-tuning.js";

export interface SearchDocument {
  id: string;
  unitId: string;
  /** Unit name (unit documents only). */
  name?: string;
  aliases?: string;
  group?: string;
  text?: string;
  /** Names of people: contacts and meeting presenters. */
  person?: string;
  /** A meeting item's summary and decision: prose around the item, not what it is about. */
  details?: string;
  place?: string;
}

/** The fields searched, each with its boost in `SearchTuning.fields`. */
export const SEARCH_FIELDS = ["name", "aliases", "person", "group", "text", "details", "place"] as const satisfies readonly (keyof FieldBoosts)[];

/** The texts of a document that are indexed, field by field. */
export function indexedTexts(document: SearchDocument): string[] {
  return SEARCH_FIELDS.map((field) => document[field] ?? "");
}

export function searchDocuments(
  knowledge: Pick<Knowledge, "units" | "meetings">,
  records: readonly KnowledgeRecord[],
): SearchDocument[] {
  const units: SearchDocument[] = knowledge.units.map((u) => ({
    id: u.id,
    unitId: u.id,
    name: u.name,
    aliases: u.aliases.join(" "),
    place: `${u.department} ${u.chiefArea}`,
  }));
  // A committee is not a unit that does tasks: its name places the meeting, it does not name a doer.
  const meetings: SearchDocument[] = knowledge.meetings.map((m) => ({
    id: m.id,
    unitId: m.id,
    place: `${m.committee} ${m.department} ${m.chiefArea}`,
  }));
  return [...units, ...meetings, ...records.map(recordDocument)];
}

function recordDocument(r: KnowledgeRecord): SearchDocument {
  const base = { id: r.id, unitId: r.unitId, group: r.taskGroup };
  if (r.kind === "task") return { ...base, text: r.text };
  if (r.kind === "contact") return { ...base, person: r.name, text: r.role ?? "" };
  return {
    ...base,
    group: "",
    text: [r.text, r.presenter && `fremlagt af ${r.presenter}`].filter(Boolean).join(" "),
    details: [r.summary, r.decision].filter(Boolean).join(" "),
    person: r.presenter ?? "",
  };
}
