/**
 * Reindexes when the knowledge folder changes. Editors write a file in several
 * steps, so changes are debounced; the reindex itself validates and only swaps in
 * a complete index, so a half-written file is simply refused until it is whole.
 *
 * The folder can be deleted, or replaced whole (a git branch switch, rsync, a new
 * download moved into place), while it is watched. A watcher follows an inode, not a
 * path, so the folder's identity is checked every `checkMs` and the watcher
 * re-attached to whatever folder is at the path now. Node's recursive watcher reports
 * a sub-folder deleted while it is being scanned as an 'error' event, which would end
 * the process if nobody listened: it is closed and re-attached instead.
 */
import { type FSWatcher, statSync, watch } from "node:fs";

export interface WatchOptions {
  debounceMs?: number;
  /** How often the folder's identity is checked (deleted, replaced). */
  checkMs?: number;
  /** The watcher follows a folder again after it was replaced, restored or after an error. */
  onReattach?: () => void;
  /** Watching failed (it is retried); the process carries on. */
  onError?: (error: unknown) => void;
}

export function watchKnowledge(dir: string, onChange: () => void, options: WatchOptions = {}): { close(): void } {
  const { debounceMs = 300, checkMs = 1000 } = options;
  let watcher: FSWatcher | undefined;
  let watched: string | undefined;
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

  const detach = () => {
    watcher?.close();
    watcher = undefined;
    watched = undefined;
  };

  const attach = (identity: string): boolean => {
    try {
      watcher = watch(dir, { recursive: true }, changed);
      watcher.on("error", (error) => {
        options.onError?.(error);
        detach();
        changed();
      });
      watched = identity;
      return true;
    } catch (error) {
      // The folder went away between the check and the watch; the next check retries.
      options.onError?.(error);
      watcher = undefined;
      return false;
    }
  };

  /** Re-attaches when the folder at the path is not the one watched; true when it did. */
  const follow = (): boolean => {
    const identity = folderIdentity(dir);
    if (watcher && identity === watched) return false;
    detach();
    if (identity === undefined || !attach(identity)) return false;
    options.onReattach?.();
    return true;
  };

  const first = folderIdentity(dir);
  if (first !== undefined) attach(first);
  const check = setInterval(() => {
    if (follow()) changed();
  }, checkMs);
  check.unref();

  return {
    close() {
      closed = true;
      clearInterval(check);
      clearTimeout(debounce);
      detach();
    },
  };
}

/** Device and inode of the folder at the path, or undefined when there is no folder. */
function folderIdentity(dir: string): string | undefined {
  try {
    const stats = statSync(dir);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}
