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
import { readSnapshot, saveSnapshot } from "./index-snapshot.js";

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
  /**
   * Reindex in a worker thread, so answering never waits for a reindex. The first
   * build runs in process all the same: nothing is served yet, and from a snapshot it
   * takes half the time (no worker to start and load the code into).
   */
  worker?: boolean;
  /** A worker that has not answered within this time is stopped and the build refused (default 2 minutes). */
  workerTimeLimitMs?: number;
  /** Saving a snapshot failed (a full disk, the folder replaced by a file); the index serves all the same. */
  onSnapshotFailed?: (message: string) => void;
}

/** Loads the folder; refuses to start on knowledge with errors (the outcome says which). */
export async function createKnowledgeService(
  dir: string,
  options: KnowledgeServiceOptions = {},
): Promise<{ ok: true; service: KnowledgeService } | { ok: false; problems: Problem[] }> {
  const build = async (inWorker: boolean): Promise<Built> => {
    try {
      const built = inWorker
        ? await buildInWorker(dir, options.snapshotDir, options.workerTimeLimitMs ?? 120_000)
        : await buildSearcher(dir, options.snapshotDir);
      if (built.ok && built.snapshotError) options.onSnapshotFailed?.(built.snapshotError);
      return built;
    } catch (error) {
      // Whatever goes wrong is refused like a broken file: the current index keeps serving.
      return { ok: false, problems: [buildFailure(dir, error)] };
    }
  };
  const first = await build(false);
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
    const next = await build(options.worker === true);
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
  const snapshotError = snapshotDir ? await saveSnapshot(snapshotDir, knowledge.version, searcher.snapshot()) : undefined;
  return { ok: true as const, searcher, fromSnapshot: false, warnings, snapshotError };
}

type Built =
  | { ok: true; searcher: Searcher; fromSnapshot: boolean; warnings: Problem[]; snapshotError?: string }
  | { ok: false; problems: Problem[] };

/**
 * The worker's code: compiled JavaScript beside this module in a build; from source,
 * an entry that registers tsx first (worker threads do not inherit the parent's loaders).
 */
const WORKER_ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./build-worker-entry.mjs" : "./build-worker.js",
  import.meta.url,
);

/**
 * The same as buildSearcher, with the heavy part in a worker thread. Every way the
 * worker can end (a message, an error, an exit, the time limit) settles the promise
 * once, as a value.
 */
function buildInWorker(dir: string, snapshotDir: string | undefined, timeLimitMs: number): Promise<Built> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { dir, snapshotDir },
    });
    let settled = false;
    const settle = (built: Built) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(built);
    };
    const fail = (message: string) => settle({ ok: false, problems: [buildFailure(dir, message)] });
    const timer = setTimeout(() => fail(`det tog mere end ${Math.round(timeLimitMs / 1000)} s`), timeLimitMs);
    worker.once("message", (message: WorkerResult) => {
      if (!message.ok) return settle({ ok: false, problems: message.problems });
      const warnings = message.knowledge.problems;
      const { snapshotError } = message;
      const loaded = fromSnapshotOrUndefined(message.knowledge, message.snapshot);
      settle(
        loaded
          ? { ok: true, searcher: loaded, fromSnapshot: message.fromSnapshot, warnings, snapshotError }
          : { ok: true, searcher: createSearcher(message.knowledge), fromSnapshot: false, warnings, snapshotError },
      );
    });
    worker.once("error", (error) => fail(reason(error)));
    worker.once("exit", (code) => fail(`byggetråden stoppede (kode ${code})`));
  });
}

export type WorkerResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; knowledge: Knowledge; snapshot: string; fromSnapshot: boolean; snapshotError?: string };

/** A build that failed for another reason than the knowledge's content, as a problem an admin sees in `status`. */
export function buildFailure(dir: string, error: unknown): Problem {
  return { severity: "error", file: dir, message: `indekset kunne ikke bygges: ${reason(error)}` };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A damaged or foreign snapshot is never trusted: the index is rebuilt instead. */
function fromSnapshotOrUndefined(knowledge: Knowledge, snapshot: string): Searcher | undefined {
  try {
    return createSearcher(knowledge, snapshot);
  } catch {
    return undefined;
  }
}
