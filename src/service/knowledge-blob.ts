/**
 * Knowledge published to a blob container, for several instances: `hvem publish`
 * uploads a validated folder and writes the VERSION blob last; each instance polls
 * VERSION and, when it changes, downloads the files (knowledge-download.ts: checked,
 * verified against VERSION, then swapped in) and reindexes through the usual
 * validated path. A download that does not add up is not swapped in; the next poll retries.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { isKnowledgeFile, loadKnowledge } from "../knowledge/load-knowledge.js";
import { hasErrors, type Problem } from "../knowledge/problem.js";
import { type DownloadOutcome, downloadKnowledge as download, KNOWLEDGE_PREFIX, readVersion, VERSION_BLOB } from "./knowledge-download.js";

function containerOf(connection: string, container: string): ContainerClient {
  return BlobServiceClient.fromConnectionString(connection).getContainerClient(container);
}

/** Uploads a valid knowledge folder's knowledge files; refuses one with errors. */
export async function publishKnowledge(
  dir: string,
  connection: string,
  container: string,
): Promise<{ ok: true; version: string; files: number } | { ok: false; problems: Problem[] }> {
  const knowledge = await loadKnowledge(dir);
  if (hasErrors(knowledge.problems)) return { ok: false, problems: knowledge.problems };
  const client = containerOf(connection, container);
  await client.createIfNotExists();
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((file) => isKnowledgeFile(file) && !file.split("/").some((p) => p.startsWith(".")));
  for (const file of files) {
    const body = await readFile(join(dir, file));
    await client.getBlockBlobClient(`${KNOWLEDGE_PREFIX}${file}`).upload(body, body.length);
  }
  const keep = new Set(files.map((f) => `${KNOWLEDGE_PREFIX}${f}`));
  for await (const blob of client.listBlobsFlat({ prefix: KNOWLEDGE_PREFIX })) {
    if (blob.name !== VERSION_BLOB && !keep.has(blob.name)) await client.deleteBlob(blob.name);
  }
  await client.getBlockBlobClient(VERSION_BLOB).upload(knowledge.version, knowledge.version.length);
  return { ok: true, version: knowledge.version, files: files.length };
}

/** The published version, or undefined when nothing is published yet. */
export async function publishedVersion(connection: string, container: string): Promise<string | undefined> {
  return readVersion(containerOf(connection, container));
}

/** Brings the local folder to the published version (see knowledge-download.ts). */
export async function downloadKnowledge(connection: string, container: string, dir: string): Promise<DownloadOutcome> {
  return download(containerOf(connection, container), dir);
}

/**
 * Polls the published version and brings the local folder and the index up to date.
 * `reindex` is the service's validated reindex; it returns the version it serves.
 */
export function followPublishedKnowledge(options: {
  connection: string;
  container: string;
  dir: string;
  /** The version already downloaded, if any. */
  version?: string;
  reindex: () => Promise<string | undefined>;
  intervalMs: number;
  onError?: (error: unknown) => void;
}): { close(): void } {
  let current = options.version;
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const published = await publishedVersion(options.connection, options.container);
      if (published && published !== current) {
        const downloaded = await downloadKnowledge(options.connection, options.container, options.dir);
        if (!downloaded.ok) throw new Error(downloaded.reason);
        // Local files kept beside the published ones can make the served version differ: done all the same.
        if ((await options.reindex()) !== undefined) current = downloaded.version;
      }
    } catch (error) {
      options.onError?.(error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), options.intervalMs);
  void poll();
  return { close: () => clearInterval(timer) };
}
