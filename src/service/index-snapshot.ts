/**
 * Saved indexes, one file per knowledge version (a content hash), so a restart with
 * unchanged knowledge loads instead of rebuilding. Written atomically (temp file +
 * rename): a crash never leaves a half-written snapshot under the real name. Saving is
 * best effort: a snapshot only saves time at the next start, so a full disk or a
 * snapshot folder that is not a folder is reported, never thrown.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const PREFIX = "index-";

function fileFor(dir: string, version: string): string {
  return join(dir, `${PREFIX}${version}.json`);
}

/** The saved snapshot of this version, or undefined when there is none. */
export async function readSnapshot(dir: string, version: string): Promise<string | undefined> {
  return readFile(fileFor(dir, version), "utf8").catch(() => undefined);
}

/** Saves a snapshot and removes those of other versions. */
async function writeSnapshot(dir: string, version: string, snapshot: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = fileFor(dir, version);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, snapshot);
    await rename(temp, target);
  } catch (error) {
    // A half-written temp file on a full disk would keep it full.
    await rm(temp, { force: true });
    throw error;
  }
  const others = (await readdir(dir)).filter((f) => f.startsWith(PREFIX) && join(dir, f) !== target);
  await Promise.all(others.map((f) => rm(join(dir, f), { force: true })));
}

/** Saves a snapshot; returns why it could not be saved, or undefined when it was. */
export async function saveSnapshot(dir: string, version: string, snapshot: string): Promise<string | undefined> {
  try {
    await writeSnapshot(dir, version, snapshot);
    return undefined;
  } catch (error) {
    return `could not save the index snapshot in ${dir}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
