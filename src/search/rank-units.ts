/**
 * From matching documents to ranked units: a unit's score combines its best
 * matching documents (so one strong task beats many weak ones, and several good
 * tasks beat one), and each unit appears once with its matching documents.
 */
import type { QueryTerm } from "../analysis/analyzer.js";
import type { DocumentMatch } from "./search-index.js";

export interface UnitHit {
  unitId: string;
  score: number;
  /** The unit's matching documents, best first. */
  hits: DocumentMatch[];
  /** How well each question word is matched by this unit, 0–1. */
  wordQuality: ReadonlyMap<string, number>;
}

/** Weight of a match on the unit's own name and aliases. */
const OWN_NAME = 1;
/** Decay for a unit's 2nd, 3rd, … best documents. */
const DECAY = [1, 0.5, 0.25, 0.125];
/**
 * A unit matching more of the question ranks higher: its score is scaled by
 * (floor + coverage), so one word matched in many tasks does not beat all words.
 */
const COVERAGE_FLOOR = 0.25;
/** A prefix match (rotte → rottebekæmpelse) counts this much of an exact one. */
const INEXACT = 0.5;

export function rankUnits(hits: readonly DocumentMatch[], terms: readonly QueryTerm[]): UnitHit[] {
  const byTerm = new Map(terms.map((t) => [t.term, t]));
  const words = [...new Set(terms.map((t) => t.word))];
  const byUnit = new Map<string, DocumentMatch[]>();
  for (const hit of hits) {
    const unitHits = byUnit.get(hit.unitId);
    if (unitHits) unitHits.push(hit);
    else byUnit.set(hit.unitId, [hit]);
  }
  const units: UnitHit[] = [];
  for (const [unitId, unitHits] of byUnit) {
    unitHits.sort((a, b) => b.score - a.score);
    // The unit's own document (its name and aliases) counts in full on top of its tasks:
    // "pladsanvisningen" names the unit, whatever other units' tasks say.
    let score = 0;
    let rank = 0;
    for (const hit of unitHits) {
      if (hit.id === unitId) score += hit.score * OWN_NAME;
      else score += hit.score * (DECAY[rank++] ?? 0);
    }
    const wordQuality = new Map<string, number>();
    for (const hit of unitHits) {
      for (const qt of hit.queryTerms) {
        const term = byTerm.get(qt);
        if (!term) continue;
        const quality = term.weight * (hit.terms.includes(qt) ? 1 : INEXACT);
        wordQuality.set(term.word, Math.max(wordQuality.get(term.word) ?? 0, quality));
      }
    }
    const unit = { unitId, score, hits: unitHits, wordQuality };
    unit.score = score * (COVERAGE_FLOOR + coverage(unit, words));
    units.push(unit);
  }
  // Ties in id order, so equal units always come in the same order (ids are ASCII slugs).
  return units.sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

/** Share of the question's words a unit matched, weighted by how well (0–1). */
export function coverage(unit: UnitHit, words: readonly string[]): number {
  if (words.length === 0) return 0;
  return words.reduce((sum, w) => sum + (unit.wordQuality.get(w) ?? 0), 0) / words.length;
}
