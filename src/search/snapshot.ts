/**
 * An index snapshot: the index and everything the analyzer learned, saved so a
 * restart or another instance loads instead of rebuilding. A checksum line, then JSON.
 */
import { createHash } from "node:crypto";
import type { AnalyzerState } from "../analysis/analyzer.js";
import { analysisFingerprint } from "../analysis/fingerprint.js";
import type { SavedSearchIndex } from "./search-index.js";
import { DEFAULT_TUNING, type SearchTuning } from "./search-tuning.js";

/**
 * Raised whenever the layout of a snapshot changes. Changes to the analysis itself or
 * to the tuning are caught by the fingerprint, so such a snapshot is rebuilt.
 */
const SNAPSHOT_FORMAT = 5;

export interface Snapshot {
  format: number;
  /** See `searchFingerprint`. */
  analysis: string;
  version: string;
  analyzer: AnalyzerState;
  index: SavedSearchIndex;
}

/** The analysis code and the tuning a snapshot was built with: either changed, it is rebuilt. */
export function searchFingerprint(tuning: SearchTuning): string {
  return createHash("sha256").update(analysisFingerprint()).update(JSON.stringify(tuning)).digest("hex").slice(0, 16);
}

export function writeSnapshot(snapshot: Omit<Snapshot, "format">): string {
  const body = JSON.stringify({ format: SNAPSHOT_FORMAT, ...snapshot } satisfies Snapshot);
  return `${checksum(body)}\n${body}`;
}

/** Whether a snapshot can be loaded for this knowledge version (checked without building anything). */
export function isLoadableSnapshot(snapshot: string, version: string, tuning: SearchTuning = DEFAULT_TUNING): boolean {
  try {
    parseSnapshot(snapshot, version, searchFingerprint(tuning));
    return true;
  } catch {
    return false;
  }
}

/** Throws when the snapshot is damaged, of another knowledge version or fingerprint; callers rebuild. */
export function parseSnapshot(snapshot: string, version: string, fingerprint: string): Snapshot {
  const newline = snapshot.indexOf("\n");
  const body = snapshot.slice(newline + 1);
  // The checksum covers the text as written: a damaged or truncated file is never trusted.
  if (newline < 0 || checksum(body) !== snapshot.slice(0, newline)) {
    throw new Error("snapshot is damaged (checksum)");
  }
  const parsed = JSON.parse(body) as Partial<Snapshot>;
  if (parsed.format !== SNAPSHOT_FORMAT) {
    throw new Error(`snapshot is of format ${parsed.format}, not ${SNAPSHOT_FORMAT}`);
  }
  if (parsed.analysis !== fingerprint) throw new Error("snapshot was analysed by other code or tuning");
  if (parsed.version !== version) {
    throw new Error(`snapshot is of knowledge version ${parsed.version}, not ${version}`);
  }
  const analyzer = parsed.analyzer;
  if (!analyzer?.words || !analyzer.terms || !analyzer.synonyms || !analyzer.synonymParts || !analyzer.rules || typeof parsed.index !== "object") {
    throw new Error("snapshot is incomplete");
  }
  return parsed as Snapshot;
}

function checksum(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}
