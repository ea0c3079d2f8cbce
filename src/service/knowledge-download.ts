/**
 * Brings the published knowledge into the local folder without ever serving, or
 * leaving behind, something that was not published:
 * 1. every blob name is checked (a relative path of plain names, a file Hvem reads);
 * 2. the files are downloaded into a fresh (hidden) folder beside the knowledge folder;
 * 3. that folder must add up to the published VERSION (a publish still running does
 *    not), checked after the download;
 * 4. local files Hvem did not publish (`sources/`, unpublished edits) are carried over;
 * 5. the fresh folder is renamed into place and the old one removed.
 * Which files came from a download is kept in `.hvem-published`, so a file dropped
 * from the publication is dropped locally and nothing else is.
 */
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import type { ContainerClient } from "@azure/storage-blob";
import { isKnowledgeFile, loadKnowledge } from "../knowledge/load-knowledge.js";

export const KNOWLEDGE_PREFIX = "knowledge/";
export const VERSION_BLOB = `${KNOWLEDGE_PREFIX}VERSION`;
const MANIFEST = ".hvem-published";

export type DownloadOutcome = { ok: true; version: string } | { ok: false; nothingPublished?: true; reason: string };

/** Replaces the published files in `dir` with the published version; an outcome, never a throw for bad blobs. */
export async function downloadKnowledge(client: ContainerClient, dir: string): Promise<DownloadOutcome> {
  const version = await readVersion(client);
  if (version === undefined) return { ok: false, nothingPublished: true, reason: "der er ikke publiceret nogen viden endnu" };
  const files: string[] = [];
  for await (const blob of client.listBlobsFlat({ prefix: KNOWLEDGE_PREFIX })) {
    if (blob.name === VERSION_BLOB) continue;
    const file = blob.name.slice(KNOWLEDGE_PREFIX.length);
    if (!isPublishableName(file)) return { ok: false, reason: `blobben "${blob.name}" er ikke en vidensfil, hentes ikke` };
    files.push(file);
  }
  const fresh = join(dirname(dir), `.${basename(dir)}.download-${process.pid}`);
  await rm(fresh, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = join(fresh, file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await client.getBlockBlobClient(`${KNOWLEDGE_PREFIX}${file}`).downloadToBuffer());
    }
    const downloaded = await loadKnowledge(fresh);
    if (downloaded.version !== version) {
      return { ok: false, reason: `det hentede (${downloaded.version}) er ikke den publicerede version ${version}; prøver igen` };
    }
    await keepLocalFiles(dir, fresh, new Set(files));
    await writeFile(join(fresh, MANIFEST), JSON.stringify(files));
    await swap(dir, fresh);
    return { ok: true, version };
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/** The published version, or undefined when nothing is published yet. */
export async function readVersion(client: ContainerClient): Promise<string | undefined> {
  const blob = client.getBlockBlobClient(VERSION_BLOB);
  if (!(await blob.exists())) return undefined;
  return (await blob.downloadToBuffer()).toString("utf8").trim();
}

/** A relative path of plain names (no `..`, no empty or hidden parts, no backslash) naming a file Hvem reads. */
export function isPublishableName(file: string): boolean {
  const parts = file.split("/");
  const plain = parts.every((p) => p !== "" && !p.startsWith(".") && !/[\\\0:]/.test(p));
  return plain && isKnowledgeFile(file);
}

/** Copies the local files that neither this nor the last download published into the fresh folder. */
async function keepLocalFiles(dir: string, fresh: string, published: Set<string>): Promise<void> {
  const earlier = new Set(await readManifest(dir));
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (file === MANIFEST || published.has(file) || earlier.has(file)) continue;
    await cp(join(dir, file), join(fresh, file), { preserveTimestamps: true });
  }
}

async function readManifest(dir: string): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, MANIFEST), "utf8"));
    return Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}

/** Renames the fresh folder into place; the old one is moved aside first and removed after. */
async function swap(dir: string, fresh: string): Promise<void> {
  const previous = join(dirname(dir), `.${basename(dir)}.previous-${process.pid}`);
  await rm(previous, { recursive: true, force: true });
  const hadFolder = await rename(dir, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw new Error(`${dir} kan ikke erstattes (${error.code}): mappen over den skal være skrivbar, og den må ikke selv være et monteret drev`);
    },
  );
  try {
    await rename(fresh, dir);
  } catch (error) {
    if (hadFolder) await rename(previous, dir);
    throw error;
  }
  if (hadFolder) await rm(previous, { recursive: true, force: true });
}
