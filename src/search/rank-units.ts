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
  /** Share of the question's words the unit matched, weighted by how well (0–1). */
  coverage: number;
  /** The question's words the unit matched at all. */
  matchedWords: ReadonlySet<string>;
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
  const words = [...new Set(terms.map((t) => t.word))];
  // Per query term: the question word it stands for and its weight, looked up once per hit.
  const termInfo = new Map(terms.map((t) => [t.term, { word: words.indexOf(t.word), weight: t.weight }]));
  const byUnit = new Map<string, DocumentMatch[]>();
  for (const hit of hits) {
    const unitHits = byUnit.get(hit.unitId);
    if (unitHits) unitHits.push(hit);
    else byUnit.set(hit.unitId, [hit]);
  }
  const units: UnitHit[] = [];
  const quality = new Float64Array(words.length);
  for (const [unitId, unitHits] of byUnit) {
    unitHits.sort((a, b) => b.score - a.score);
    // The unit's own document (its name and aliases) counts in full on top of its tasks:
    // "pladsanvisningen" names the unit, whatever other units' tasks say.
    let score = 0;
    let rank = 0;
    quality.fill(0);
    for (const hit of unitHits) {
      score += hit.score * (hit.id === unitId ? OWN_NAME : (DECAY[rank++] ?? 0));
      for (const qt of hit.queryTerms) {
        const info = termInfo.get(qt);
        if (!info) continue;
        const q = info.weight * (hit.terms.includes(qt) ? 1 : INEXACT);
        if (q > (quality[info.word] as number)) quality[info.word] = q;
      }
    }
    let matched = 0;
    const matchedWords = new Set<string>();
    words.forEach((word, i) => {
      const q = quality[i] as number;
      matched += q;
      if (q > 0) matchedWords.add(word);
    });
    const coverage = words.length === 0 ? 0 : matched / words.length;
    units.push({ unitId, score: score * (COVERAGE_FLOOR + coverage), hits: unitHits, coverage, matchedWords });
  }
  // Ties in id order, so equal units always come in the same order (ids are ASCII slugs).
  return units.sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
