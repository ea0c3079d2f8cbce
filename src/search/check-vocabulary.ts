/**
 * What `hvem check` says of the admin's one-way rules beyond their syntax: a rule must
 * bring a word the knowledge has (else it does nothing), and a rule whose everyday
 * words are in many units' texts already would pull unrelated questions.
 */
import { createAnalyzer } from "../analysis/analyzer.js";
import { tokenize } from "../analysis/tokenize.js";
import type { Knowledge } from "../knowledge/load-knowledge.js";
import type { Problem } from "../knowledge/problem.js";
import { toRecords } from "../knowledge/records.js";
import { SEARCH_FIELDS, searchDocuments } from "./search-documents.js";

/** Everyday words already in this many units' texts are too common to start a rule. */
export const MANY_UNITS = 8;

export function vocabularyProblems(knowledge: Knowledge): Problem[] {
  if (knowledge.rules.length === 0) return [];
  const documents = searchDocuments(knowledge, toRecords(knowledge));
  const texts = documents.map((d) => SEARCH_FIELDS.map((field) => d[field] ?? "").join(" "));
  const analyzer = createAnalyzer({ texts, synonyms: [] });
  const analyse = (phrase: string) => tokenize(phrase).flatMap((word) => analyzer.wordTerms(word).slice(0, 1));
  // The terms of each unit's texts, to see which units a phrase is in.
  const unitTerms = new Map<string, Set<string>>();
  documents.forEach((d, i) => {
    const terms = unitTerms.get(d.unitId) ?? new Set<string>();
    for (const word of tokenize(texts[i] as string)) for (const t of analyzer.wordTerms(word)) terms.add(t);
    unitTerms.set(d.unitId, terms);
  });
  const known = new Set([...unitTerms.values()].flatMap((terms) => [...terms]));
  const unitsWith = (terms: readonly string[]) =>
    [...unitTerms.values()].filter((unit) => terms.every((t) => unit.has(t))).length;

  return knowledge.rules.flatMap((rule): Problem[] => {
    const where = { file: rule.file, line: rule.line };
    const target = analyse(rule.to);
    const missing = target.length === 0 || target.some((t) => !known.has(t));
    const problems: Problem[] = missing
      ? [{ severity: "error", ...where, message: `"${rule.to}" står ikke i nogen enheds opgaver, navn eller aliaser, så reglen gør ingenting` }]
      : [];
    for (const phrase of rule.from) {
      const terms = analyse(phrase);
      const reach = terms.length === 0 ? 0 : unitsWith(terms);
      if (reach >= MANY_UNITS) {
        problems.push({
          severity: "warning",
          ...where,
          message: `"${phrase}" står allerede hos ${reach} enheder og vil trække mange spørgsmål mod "${rule.to}"; brug et mere præcist udtryk`,
        });
      }
    }
    return problems;
  });
}
