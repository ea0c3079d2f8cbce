/**
 * Reindexes when the knowledge folder changes. Editors write a file in several
 * steps, so changes are debounced; the reindex itself validates and only swaps in
 * a complete index, so a half-written file is simply refused until it is whole.
 */
import { watch } from "node:fs";

export function watchKnowledge(dir: string, onChange: () => void, debounceMs = 300): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
