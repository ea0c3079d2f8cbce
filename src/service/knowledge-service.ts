/**
 * The knowledge being served. A reindex reads and validates the folder and builds a
 * new searcher off to the side; only a complete, valid one replaces the current one,
 * so a question is always answered from a whole index and a broken file never
 * takes the service down.
 */
import { Worker } from "node:worker_threads";
import { type Knowledge, loadKnowledge } from "../knowledge/load-knowledge.js";
import { type Problem, hasErrors } from "../knowledge/problem.js";
import { createSearcher, type Searcher } from "../search/searcher.js";
import { readSnapshot, writeSnapshot } from "./index-snapshot.js";

export interface KnowledgeStatus {
  version: string;
  records: number;
  units: number;
  loadedAt: Date;
  /** True when the index was loaded from a saved snapshot rather than built. */
  fromSnapshot: boolean;
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

export interface KnowledgeServiceOptions {
  /** Where index snapshots are kept; none when not set. */
  snapshotDir?: string;
  /** Build indexes in a worker thread, so answering never waits for a reindex. */
  worker?: boolean;
}

/** Loads the folder; refuses to start on knowledge with errors (the outcome says which). */
export async function createKnowledgeService(
  dir: string,
  options: KnowledgeServiceOptions = {},
): Promise<{ ok: true; service: KnowledgeService } | { ok: false; problems: Problem[] }> {
  const build = () =>
    options.worker ? buildInWorker(dir, options.snapshotDir) : buildSearcher(dir, options.snapshotDir);
  const first = await build();
  if (!first.ok) return first;
  let current = first.searcher;
  let fromSnapshot = first.fromSnapshot;
  let loadedAt = new Date();
  let refused: KnowledgeStatus["refused"];
  let running: Promise<ReindexOutcome> | undefined;
  let queued: Promise<ReindexOutcome> | undefined;
  const start = () => {
    running = reindex().finally(() => {
      running = undefined;
    });
    return running;
  };

  const reindex = async (): Promise<ReindexOutcome> => {
    const next = await build();
    if (!next.ok) {
      refused = { at: new Date(), problems: next.problems };
      return next;
    }
    refused = undefined;
    const changed = next.searcher.version !== current.version;
    if (changed) {
      current = next.searcher;
      fromSnapshot = next.fromSnapshot;
      loadedAt = new Date();
    }
    return { ok: true, version: current.version, changed, warnings: next.warnings };
  };

  return {
    ok: true,
    service: {
      searcher: () => current,
      status: () => ({
        version: current.version,
        ...current.stats,
        loadedAt,
        fromSnapshot,
        ...(refused ? { refused } : {}),
      }),
      // Requests never race each other. One that comes while a rebuild runs may follow a
      // change that rebuild did not read, so one more rebuild follows it, shared by every
      // request made meanwhile.
      reindex: () => {
        if (!running) return start();
        const after = () => {
          queued = undefined;
          return start();
        };
        queued ??= running.then(after, after);
        return queued;
      },
    },
  };
}

async function buildSearcher(dir: string, snapshotDir: string | undefined) {
  const knowledge = await loadKnowledge(dir);
  if (hasErrors(knowledge.problems)) return { ok: false as const, problems: knowledge.problems };
  const warnings = knowledge.problems;
  const saved = snapshotDir ? await readSnapshot(snapshotDir, knowledge.version) : undefined;
  if (saved !== undefined) {
    const loaded = fromSnapshotOrUndefined(knowledge, saved);
    if (loaded) return { ok: true as const, searcher: loaded, fromSnapshot: true, warnings };
  }
  const searcher = createSearcher(knowledge);
  if (snapshotDir) await writeSnapshot(snapshotDir, knowledge.version, searcher.snapshot());
  return { ok: true as const, searcher, fromSnapshot: false, warnings };
}

type Built = Awaited<ReturnType<typeof buildSearcher>>;

/** The same as buildSearcher, with the heavy part in a worker thread. */
function buildInWorker(dir: string, snapshotDir: string | undefined): Promise<Built> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./build-worker-entry.mjs", import.meta.url), {
      workerData: { dir, snapshotDir },
    });
    worker.once("message", (message: WorkerResult) => {
      void worker.terminate();
      if (!message.ok) return resolve({ ok: false, problems: message.problems });
      const warnings = message.knowledge.problems;
      const loaded = fromSnapshotOrUndefined(message.knowledge, message.snapshot);
      resolve(
        loaded
          ? { ok: true, searcher: loaded, fromSnapshot: message.fromSnapshot, warnings }
          : { ok: true, searcher: createSearcher(message.knowledge), fromSnapshot: false, warnings },
      );
    });
    worker.once("error", reject);
  });
}

type WorkerResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; knowledge: Knowledge; snapshot: string; fromSnapshot: boolean };

/** A damaged or foreign snapshot is never trusted: the index is rebuilt instead. */
function fromSnapshotOrUndefined(knowledge: Knowledge, snapshot: string): Searcher | undefined {
  try {
    return createSearcher(knowledge, snapshot);
  } catch {
    return undefined;
  }
}
