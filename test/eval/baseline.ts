/**
 * The baseline Hvem must beat: plain MiniSearch with default options over the
 * same records, units ranked by their best record. Confident whenever it finds anything.
 */
import MiniSearch from "minisearch";
import type { KnowledgeRecord } from "../../src/knowledge/records.js";

export function createBaseline(records: readonly KnowledgeRecord[]) {
  const index = new MiniSearch<KnowledgeRecord>({
    fields: ["unit", "taskGroup", "text"],
    storeFields: ["unitId"],
  });
  index.addAll(records);
  return (question: string) => {
    const ranked = [...new Set(index.search(question).map((r) => String(r.unitId)))];
    return { ranked: ranked.slice(0, 10), confident: ranked.length > 0 };
  };
}
