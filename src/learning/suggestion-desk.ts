/**
 * The admin's desk for suggestions, shared by `hvem suggest` and `forslag` in Teams:
 * what waits (from the feedback log and today's knowledge), and accepting or
 * rejecting one by id.
 */
import type { FeedbackEvent } from "../feedback/feedback-log.js";
import { type Knowledge, loadKnowledge } from "../knowledge/load-knowledge.js";
import { hasErrors, type Problem } from "../knowledge/problem.js";
import { unitTerms } from "../search/check-vocabulary.js";
import { createSearcher, type Searcher } from "../search/searcher.js";
import { rejectedIds, writeAccepted, writeRejected } from "./learned-vocabulary.js";
import {
  distinctiveTerm,
  groupPicks,
  LEARNED_FILE,
  questionPhrase,
  ruleLine,
  type Suggestion,
  suggestionId,
} from "./suggestions.js";

export interface SuggestionDeskOptions {
  knowledgeDir: string;
  /** The feedback log's events within the retention period. */
  readEvents(): Promise<FeedbackEvent[]>;
  /** Distinct users needed before a pick becomes a suggestion. */
  minUsers: number;
  /** The searcher answering questions now; built from the folder when not given. */
  searcher?: () => Searcher;
  /**
   * After a decision is written: with knowledge from Blob Storage, publishes the folder,
   * so the rule reaches every instance the way any knowledge edit does.
   */
  publish?: () => Promise<void>;
}

export type DeskOutcome =
  | { ok: true; suggestion: Suggestion }
  | { ok: false; message: string; problems?: Problem[] };

export interface SuggestionDesk {
  list(): Promise<{ ok: true; suggestions: Suggestion[] } | { ok: false; message: string; problems: Problem[] }>;
  accept(id: string, now?: Date): Promise<DeskOutcome>;
  reject(id: string, now?: Date): Promise<DeskOutcome>;
}

export function suggestionDesk(options: SuggestionDeskOptions): SuggestionDesk {
  const list: SuggestionDesk["list"] = async () => {
    const knowledge = await loadKnowledge(options.knowledgeDir);
    if (hasErrors(knowledge.problems)) {
      return { ok: false, message: `Vidensmappen ${options.knowledgeDir} har fejl; ret dem først (se hvem check).`, problems: knowledge.problems };
    }
    const searcher = options.searcher?.() ?? createSearcher(knowledge);
    const events = await options.readEvents();
    return { ok: true, suggestions: suggest(events, knowledge, searcher, await rejectedIds(options.knowledgeDir), options.minUsers) };
  };
  const decide = async (id: string, write: typeof writeAccepted, now?: Date): Promise<DeskOutcome> => {
    const listed = await list();
    if (!listed.ok) return listed;
    const suggestion = listed.suggestions.find((s) => s.id === id.trim().toLowerCase());
    if (!suggestion) return { ok: false, message: `Der er intet ventende forslag med id "${id}". Se de ventende med hvem suggest.` };
    const written = await write(options.knowledgeDir, suggestion, now);
    if (!written.ok) return { ok: false, message: "Forslaget blev ikke skrevet: vidensmappen ville få fejl.", problems: written.problems };
    try {
      await options.publish?.();
    } catch (error) {
      return { ok: false, message: `Forslaget er skrevet i vidensmappen, men ikke udgivet til de andre instanser: ${String(error)}` };
    }
    return { ok: true, suggestion };
  };
  // One decision at a time: two appending to the same file at once would lose one.
  let deciding: Promise<unknown> = Promise.resolve();
  const inTurn = (run: () => Promise<DeskOutcome>) => {
    const next = deciding.then(run, run);
    deciding = next.catch(() => undefined);
    return next;
  };
  return {
    list,
    accept: (id, now) => inTurn(() => decide(id, writeAccepted, now)),
    reject: (id, now) => inTurn(() => decide(id, writeRejected, now)),
  };
}

/** The pending suggestions: picks of enough users that today's answers do not already put first. */
export function suggest(
  events: readonly FeedbackEvent[],
  knowledge: Knowledge,
  searcher: Searcher,
  rejected: ReadonlySet<string>,
  minUsers: number,
): Suggestion[] {
  const groups = groupPicks(events, minUsers);
  if (groups.length === 0) return [];
  const terms = unitTerms(knowledge);
  const existing = new Set(knowledge.rules.flatMap((r) => r.from.map((from) => ruleLine(from, r.to))));
  const suggestions = new Map<string, Suggestion>();
  for (const group of groups) {
    const unit = knowledge.units.find((u) => u.id === group.unitId);
    if (!unit) continue;
    // As the unit's own organisation asks it: that is whose users picked it.
    const answers = searcher.ask(group.question, { organisation: unit.organisation }).answers;
    if (answers[0]?.unitId === group.unitId) continue;
    const matched = answers.find((a) => a.unitId === group.unitId)?.tasks.map((t) => t.text) ?? [];
    const from = questionPhrase(group.question);
    const to =
      distinctiveTerm(matched, group.question, unit.id, terms) ??
      distinctiveTerm(unit.tasks.map((t) => t.text), group.question, unit.id, terms);
    if (!from || !to) continue;
    const id = suggestionId(from, to);
    if (rejected.has(id) || existing.has(ruleLine(from, to)) || suggestions.has(id)) continue;
    suggestions.set(id, {
      id,
      kind: "rule",
      unitId: unit.id,
      unit: unit.name,
      organisation: unit.organisation,
      adds: ruleLine(from, to),
      file: LEARNED_FILE,
      from,
      to,
      users: group.users,
      examples: group.examples,
    });
  }
  return [...suggestions.values()];
}
