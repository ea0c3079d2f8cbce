/**
 * Reindexes when the knowledge folder changes. Editors write a file in several
 * steps, so changes are debounced; the reindex itself validates and only swaps in
 * a complete index, so a half-written file is simply refused until it is whole.
 *
 * Every folder in the tree gets its own watcher (a folder's watcher reports its
 * files being created, changed, deleted or replaced). Node's own recursive watcher
 * on Linux is not used: it watches each file's inode, so a file git or rsync replaces
 * goes unseen afterwards, and it ends the process with an 'error' when a sub-folder
 * vanishes while it scans it. The tree is matched against the watchers after every
 * change and every `checkMs`, so folders that are deleted, restored or replaced whole
 * (a branch switch, a download moved into place) are followed again.
 */
import { type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import { join } from "node:path";

export interface WatchOptions {
  debounceMs?: number;
  /** How often the tree is matched against the watchers (folders deleted, replaced). */
  checkMs?: number;
  /** The knowledge folder was replaced, or restored after it was gone, and is followed again. */
  onReattach?: () => void;
  /** A folder's watcher failed (it is replaced); the process carries on. */
  onError?: (error: unknown) => void;
}

export function watchKnowledge(dir: string, onChange: () => void, options: WatchOptions = {}): { close(): void } {
  const { debounceMs = 300, checkMs = 1000 } = options;
  /** Folder path → its identity when watched, and the watcher. */
  const watched = new Map<string, { identity: string; watcher: FSWatcher }>();
  let root = folderIdentity(dir);
  let debounce: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = () => {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      follow();
      onChange();
    }, debounceMs);
  };

  const unwatch = (path: string) => {
    watched.get(path)?.watcher.close();
    watched.delete(path);
  };

  /** Matches the watchers to the folders now in the tree; true when the knowledge folder itself came back or was replaced. */
  const follow = (): boolean => {
    const folders = foldersIn(dir);
    for (const [path, { identity }] of watched) if (folders.get(path) !== identity) unwatch(path);
    for (const [path, identity] of folders) {
      if (watched.has(path)) continue;
      try {
        const watcher = watch(path, changed);
        watcher.on("error", (error) => {
          options.onError?.(error);
          unwatch(path);
          changed();
        });
        watched.set(path, { identity, watcher });
      } catch (error) {
        // Gone between listing and watching: the next match settles it.
        options.onError?.(error);
      }
    }
    const now = folders.get(dir);
    const reattached = now !== undefined && now !== root;
    root = now;
    if (reattached) options.onReattach?.();
    return reattached;
  };

  follow();
  const check = setInterval(() => {
    if (follow()) changed();
  }, checkMs);
  check.unref();

  return {
    close() {
      closed = true;
      clearInterval(check);
      clearTimeout(debounce);
      for (const path of [...watched.keys()]) unwatch(path);
    },
  };
}

/** Every folder in the tree (the root included) with its identity; those that vanish while listed are left out. */
function foldersIn(dir: string): Map<string, string> {
  const folders = new Map<string, string>();
  const visit = (path: string) => {
    const identity = folderIdentity(path);
    if (identity === undefined) return;
    folders.set(path, identity);
    let entries: string[];
    try {
      entries = readdirSync(path, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith("."))
        .map((e) => e.name);
    } catch {
      return;
    }
    for (const name of entries) visit(join(path, name));
  };
  visit(dir);
  return folders;
}

/** Device and inode of the folder at the path, or undefined when there is no folder. */
function folderIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}
