/**
 * A worker thread that reads, validates and indexes the knowledge, so a reindex does
 * not stall the questions being answered. It sends back the knowledge and a snapshot
 * of the built index; the main thread only loads the snapshot (several times faster).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { hasErrors } from "../knowledge/problem.js";
import { createSearcher } from "../search/searcher.js";
import { isLoadableSnapshot } from "../search/snapshot.js";
import { readSnapshot, writeSnapshot } from "./index-snapshot.js";

const { dir, snapshotDir } = workerData as { dir: string; snapshotDir?: string };
const knowledge = await loadKnowledge(dir);
if (hasErrors(knowledge.problems)) {
  parentPort?.postMessage({ ok: false, problems: knowledge.problems });
} else {
  const read = snapshotDir ? await readSnapshot(snapshotDir, knowledge.version) : undefined;
  // A damaged snapshot, or one of an older format, is rebuilt and replaced here, not on every start.
  const saved = read !== undefined && isLoadableSnapshot(read, knowledge.version) ? read : undefined;
  const snapshot = saved ?? createSearcher(knowledge).snapshot();
  if (snapshotDir && !saved) await writeSnapshot(snapshotDir, knowledge.version, snapshot);
  parentPort?.postMessage({ ok: true, knowledge, snapshot, fromSnapshot: saved !== undefined });
}
