/**
 * Knowledge published to a blob container, for several instances: `hvem publish`
 * uploads a validated folder and writes the VERSION blob last; each instance polls
 * VERSION, downloads the files into its local folder when it changes, and reindexes
 * through the usual validated path. A download that does not add up to the
 * published version (a publish still running) is not swapped in; the next poll retries.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { loadKnowledge, SOURCES_DIR } from "../knowledge/load-knowledge.js";
import { hasErrors, type Problem } from "../knowledge/problem.js";

const PREFIX = "knowledge/";
const VERSION_BLOB = `${PREFIX}VERSION`;

function containerOf(connection: string, container: string): ContainerClient {
  return BlobServiceClient.fromConnectionString(connection).getContainerClient(container);
}

/** Uploads a valid knowledge folder; refuses one with errors. */
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
    .filter((file) => !file.startsWith(`${SOURCES_DIR}/`) && !file.split("/").some((p) => p.startsWith(".")));
  for (const file of files) {
    const body = await readFile(join(dir, file));
    await client.getBlockBlobClient(`${PREFIX}${file}`).upload(body, body.length);
  }
  const keep = new Set(files.map((f) => `${PREFIX}${f}`));
  for await (const blob of client.listBlobsFlat({ prefix: PREFIX })) {
    if (blob.name !== VERSION_BLOB && !keep.has(blob.name)) await client.deleteBlob(blob.name);
  }
  await client.getBlockBlobClient(VERSION_BLOB).upload(knowledge.version, knowledge.version.length);
  return { ok: true, version: knowledge.version, files: files.length };
}

/** The published version, or undefined when nothing is published yet. */
export async function publishedVersion(connection: string, container: string): Promise<string | undefined> {
  const blob = containerOf(connection, container).getBlockBlobClient(VERSION_BLOB);
  if (!(await blob.exists())) return undefined;
  return (await blob.downloadToBuffer()).toString("utf8").trim();
}

/** Replaces the local folder's files with the published ones; returns the published version. */
export async function downloadKnowledge(
  connection: string,
  container: string,
  dir: string,
): Promise<string | undefined> {
  const client = containerOf(connection, container);
  const version = await publishedVersion(connection, container);
  if (version === undefined) return undefined;
  const wanted = new Set<string>();
  for await (const blob of client.listBlobsFlat({ prefix: PREFIX })) {
    if (blob.name === VERSION_BLOB) continue;
    const file = blob.name.slice(PREFIX.length);
    wanted.add(file);
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await client.getBlockBlobClient(blob.name).downloadToBuffer());
  }
  const local = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of local) {
    const file = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (entry.isFile() && !wanted.has(file) && !file.startsWith(".")) await rm(join(dir, file));
  }
  return version;
}

/**
 * Polls the published version and brings the local folder and the index up to date.
 * `reindex` is the service's validated reindex; it returns the version it serves.
 */
export function followPublishedKnowledge(options: {
  connection: string;
  container: string;
  dir: string;
  reindex: () => Promise<string | undefined>;
  intervalMs: number;
  onError?: (error: unknown) => void;
}): { close(): void } {
  let current: string | undefined;
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const published = await publishedVersion(options.connection, options.container);
      if (published && published !== current) {
        await downloadKnowledge(options.connection, options.container, options.dir);
        // Only a download that adds up to the published version counts as done.
        if ((await options.reindex()) === published) current = published;
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
