/**
 * A worker thread that reads, validates and indexes the knowledge, so a reindex does
 * not stall the questions being answered. It sends back the knowledge and a snapshot
 * of the built index; the main thread only loads the snapshot (several times faster).
 * Whatever fails is sent back as a value, never thrown out of the worker.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { hasErrors } from "../knowledge/problem.js";
import { createSearcher } from "../search/searcher.js";
import { isLoadableSnapshot } from "../search/snapshot.js";
import { readSnapshot, saveSnapshot } from "./index-snapshot.js";
import { buildFailure, type WorkerResult } from "./knowledge-service.js";

const { dir, snapshotDir } = workerData as { dir: string; snapshotDir?: string };

async function build(): Promise<WorkerResult> {
  const knowledge = await loadKnowledge(dir);
  if (hasErrors(knowledge.problems)) return { ok: false, problems: knowledge.problems };
  const read = snapshotDir ? await readSnapshot(snapshotDir, knowledge.version) : undefined;
  // A damaged snapshot, or one of an older format, is rebuilt and replaced here, not on every start.
  const saved = read !== undefined && isLoadableSnapshot(read, knowledge.version) ? read : undefined;
  const snapshot = saved ?? createSearcher(knowledge).snapshot();
  const snapshotError = snapshotDir && !saved ? await saveSnapshot(snapshotDir, knowledge.version, snapshot) : undefined;
  return { ok: true, knowledge, snapshot, fromSnapshot: saved !== undefined, snapshotError };
}

parentPort?.postMessage(await build().catch((error: unknown) => ({ ok: false, problems: [buildFailure(dir, error)] })));
