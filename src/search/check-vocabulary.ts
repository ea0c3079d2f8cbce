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
import { indexedTexts, searchDocuments } from "./search-documents.js";

/** Everyday words already in this many units' texts are too common to start a rule. */
export const MANY_UNITS = 8;

/** Which units' texts hold a word: for checking rules and for choosing a learned rule's term. */
export interface UnitTerms {
  /** A phrase's terms as the index has them (the first term of each word). */
  analyse(phrase: string): string[];
  /** How many units have every one of the terms. */
  unitsWith(terms: readonly string[]): number;
  /** Whether one unit has every one of the terms. */
  unitHas(unitId: string, terms: readonly string[]): boolean;
}

export function unitTerms(knowledge: Knowledge): UnitTerms {
  const documents = searchDocuments(knowledge, toRecords(knowledge));
  const texts = documents.map((d) => indexedTexts(d).join(" "));
  const analyzer = createAnalyzer({ texts, synonyms: [] });
  const byUnit = new Map<string, Set<string>>();
  documents.forEach((d, i) => {
    const terms = byUnit.get(d.unitId) ?? new Set<string>();
    for (const word of tokenize(texts[i] as string)) for (const t of analyzer.wordTerms(word)) terms.add(t);
    byUnit.set(d.unitId, terms);
  });
  const has = (unit: Set<string> | undefined, terms: readonly string[]) => !!unit && terms.every((t) => unit.has(t));
  return {
    analyse: (phrase) => tokenize(phrase).flatMap((word) => analyzer.wordTerms(word).slice(0, 1)),
    unitsWith: (terms) => [...byUnit.values()].filter((unit) => has(unit, terms)).length,
    unitHas: (unitId, terms) => has(byUnit.get(unitId), terms),
  };
}

export function vocabularyProblems(knowledge: Knowledge): Problem[] {
  if (knowledge.rules.length === 0) return [];
  const { analyse, unitsWith } = unitTerms(knowledge);

  return knowledge.rules.flatMap((rule): Problem[] => {
    const where = { file: rule.file, line: rule.line };
    const target = analyse(rule.to);
    const missing = target.length === 0 || target.some((t) => unitsWith([t]) === 0);
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
