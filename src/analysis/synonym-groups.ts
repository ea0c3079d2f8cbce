/**
 * The admin's vocabulary, analysed: synonym groups (words that mean the same, either
 * way) and one-way rules (everyday or English words → the catalogue's term). A phrase
 * counts only when all its words are in the question, small ones too: "sat ud"
 * (evicted) is not "sat".
 */
import { tokenize, tokenizeAsWritten } from "./tokenize.js";
import type { WordSteps } from "./vocabulary.js";

/** A word or phrase: its terms, and the small words it also needs in the question. */
export interface SynonymMember {
  terms: string[];
  context: string[];
}

/** A one-way rule as the admin wrote it: any of `from` in a question brings `to`. */
export interface VocabularyRule {
  from: readonly string[];
  to: string;
  /** English glossary rules weigh as their own kind. */
  kind: "everyday" | "english";
}

/** A rule, analysed. */
export interface AnalysedRule {
  from: SynonymMember[];
  to: string[];
  kind: VocabularyRule["kind"];
}

/** What a word or phrase of a question brought: its terms, and the question's terms of the phrase. */
export interface Related {
  term: string;
  /** A compound part of a synonym, weighed less. */
  part: boolean;
  phrase: readonly string[];
}

export function analysePhrase(phrase: string, steps: WordSteps): SynonymMember {
  const member: SynonymMember = { terms: [], context: [] };
  const words = new Map<string, string[]>();
  for (const { token, written } of tokenizeAsWritten(phrase)) words.set(written, [...(words.get(written) ?? []), token]);
  for (const [whole, ...parts] of words.values()) {
    // A hyphenated word counts by its parts, so "follow-up" also matches "follow up";
    // a word of small words only ("it-bruger") by itself.
    const meaningful = parts.filter((p) => !steps.isStopWord(p));
    if (parts.length === 0) (steps.isStopWord(whole as string) ? member.context : member.terms).push(steps.term(whole as string));
    else if (meaningful.length === 0) member.terms.push(steps.term(whole as string));
    else {
      member.terms.push(...meaningful.map(steps.term));
      member.context.push(...parts.filter(steps.isStopWord).map(steps.term));
    }
  }
  return member;
}

/**
 * Analyses the synonym groups, once, when learning. Groups sharing a member are
 * merged, as the admin was warned by `hvem check`. Also the compound parts of their
 * terms: "gadelygte" = "vejbelysning" reaches "gadebelysning".
 */
export function analyseSynonyms(
  groups: readonly (readonly string[])[],
  steps: WordSteps,
  wordTerms: (word: string) => string[],
): { synonyms: SynonymMember[][]; synonymParts: [term: string, parts: string[]][] } {
  const groupOf = new Map<string, Set<SynonymMember>>();
  const parts = new Map<string, string[]>();
  for (const group of groups) {
    const members = group.map((phrase) => analysePhrase(phrase, steps)).filter((m) => m.terms.length > 0);
    const merged = new Set<SynonymMember>(members);
    for (const member of members) {
      for (const known of groupOf.get(memberKey(member)) ?? []) merged.add(known);
    }
    for (const member of merged) groupOf.set(memberKey(member), merged);
    for (const word of group.flatMap((phrase) => tokenize(phrase))) {
      const [t, ...wordParts] = wordTerms(word);
      if (t && wordParts.length > 0) parts.set(t, wordParts);
    }
  }
  return { synonyms: [...new Set(groupOf.values())].map((merged) => [...merged]), synonymParts: [...parts] };
}

export function analyseRules(rules: readonly VocabularyRule[], steps: WordSteps): AnalysedRule[] {
  return rules.flatMap((rule) => {
    const from = rule.from.map((phrase) => analysePhrase(phrase, steps)).filter((m) => m.terms.length > 0);
    const to = analysePhrase(rule.to, steps).terms;
    return from.length > 0 && to.length > 0 ? [{ from, to, kind: rule.kind }] : [];
  });
}

const memberKey = (member: SynonymMember) => [...member.terms, ...member.context].join(" ");

/** Whether all of a member's words are in the question (`term` being one of them). */
const inQuestion = (member: SynonymMember, term: string, questionTerms: readonly string[]) =>
  [...member.terms, ...member.context].every((t) => questionTerms.includes(t) || t === term);

/** Looks up the synonyms of a term. A phrase ("building permit") matches when all its words are in the question. */
export function synonymIndex(
  groups: readonly (readonly SynonymMember[])[],
  synonymParts: readonly [string, string[]][],
): (term: string, questionTerms: readonly string[]) => Related[] {
  const partsOf = new Map(synonymParts);
  const groupOf = new Map<string, readonly SynonymMember[]>();
  const byFirstTerm = new Map<string, SynonymMember[]>();
  for (const group of groups) {
    for (const member of group) {
      const key = memberKey(member);
      if (groupOf.has(key)) continue;
      groupOf.set(key, group);
      const first = member.terms[0] as string;
      const members = byFirstTerm.get(first);
      if (members) members.push(member);
      else byFirstTerm.set(first, [member]);
    }
  }
  return (term, questionTerms) => {
    const out = new Map<string, { part: boolean; phrase: readonly string[] }>();
    for (const member of byFirstTerm.get(term) ?? []) {
      if (!inQuestion(member, term, questionTerms)) continue;
      for (const other of groupOf.get(memberKey(member)) ?? []) {
        for (const t of other.terms) {
          if (t === term || member.terms.includes(t)) continue;
          out.set(t, { part: false, phrase: member.terms });
          for (const part of partsOf.get(t) ?? []) if (!out.has(part)) out.set(part, { part: true, phrase: member.terms });
        }
      }
    }
    return [...out].map(([t, found]) => ({ term: t, ...found }));
  };
}

/** Looks up the rules a term starts: each target with the rule's kind and the question's phrase. */
export function ruleIndex(
  rules: readonly AnalysedRule[],
): (term: string, questionTerms: readonly string[]) => (Related & { kind: AnalysedRule["kind"] })[] {
  const byFirstTerm = new Map<string, { member: SynonymMember; rule: AnalysedRule }[]>();
  for (const rule of rules) {
    for (const member of rule.from) {
      const first = member.terms[0] as string;
      const starting = byFirstTerm.get(first);
      if (starting) starting.push({ member, rule });
      else byFirstTerm.set(first, [{ member, rule }]);
    }
  }
  return (term, questionTerms) =>
    (byFirstTerm.get(term) ?? []).flatMap(({ member, rule }) =>
      inQuestion(member, term, questionTerms)
        ? rule.to
            .filter((t) => !member.terms.includes(t))
            .map((t) => ({ term: t, part: false, phrase: member.terms, kind: rule.kind }))
        : [],
    );
}
