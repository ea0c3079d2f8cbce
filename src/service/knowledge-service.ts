/**
 * The knowledge being served. A reindex reads and validates the folder and builds a
 * new searcher off to the side; only a complete, valid one replaces the current one,
 * so a question is always answered from a whole index and a broken file never
 * takes the service down.
 */
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { type Problem, hasErrors } from "../knowledge/problem.js";
import { createSearcher, type Searcher } from "../search/searcher.js";

export interface KnowledgeStatus {
  version: string;
  records: number;
  units: number;
  loadedAt: Date;
  /** Problems of the last reindex that was refused, if the last one was. */
  refused?: { at: Date; problems: Problem[] };
}

export type ReindexOutcome =
  | { ok: true; version: string; changed: boolean; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export interface KnowledgeService {
  searcher(): Searcher;
  status(): KnowledgeStatus;
  reindex(): Promise<ReindexOutcome>;
}

/** Loads the folder; refuses to start on knowledge with errors (the outcome says which). */
export async function createKnowledgeService(
  dir: string,
): Promise<{ ok: true; service: KnowledgeService } | { ok: false; problems: Problem[] }> {
  const first = await build(dir);
  if (!first.ok) return first;
  let current = first.searcher;
  let loadedAt = new Date();
  let refused: KnowledgeStatus["refused"];
  let running: Promise<ReindexOutcome> | undefined;

  const reindex = async (): Promise<ReindexOutcome> => {
    const next = await build(dir);
    if (!next.ok) {
      refused = { at: new Date(), problems: next.problems };
      return next;
    }
    refused = undefined;
    const changed = next.searcher.version !== current.version;
    if (changed) {
      current = next.searcher;
      loadedAt = new Date();
    }
    return { ok: true, version: current.version, changed, warnings: next.warnings };
  };

  return {
    ok: true,
    service: {
      searcher: () => current,
      status: () => ({ version: current.version, ...current.stats, loadedAt, ...(refused ? { refused } : {}) }),
      // Overlapping requests share one rebuild rather than racing each other.
      reindex: () => {
        running ??= reindex().finally(() => {
          running = undefined;
        });
        return running;
      },
    },
  };
}

async function build(dir: string) {
  const knowledge = await loadKnowledge(dir);
  if (hasErrors(knowledge.problems)) return { ok: false as const, problems: knowledge.problems };
  return {
    ok: true as const,
    searcher: createSearcher(knowledge),
    warnings: knowledge.problems,
  };
}
