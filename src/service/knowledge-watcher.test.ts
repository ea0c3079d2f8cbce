/**
 * The watcher when a folder's watcher fails: the process carries on, and the folder is
 * watched again.
 * fs.watch is replaced by one whose watchers the test can fail on purpose.
 */
import { EventEmitter } from "node:events";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchKnowledge } from "./knowledge-watcher.js";

const watchers: (EventEmitter & { close: () => void })[] = [];
vi.mock("node:fs", async (original) => ({
  ...(await original<typeof import("node:fs")>()),
  watch: () => {
    const watcher = Object.assign(new EventEmitter(), { close: vi.fn() });
    watchers.push(watcher);
    return watcher;
  },
}));

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  watchers.splice(0);
});

describe("a failing watcher", () => {
  it("is closed and replaced, with a reindex, instead of ending the process", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvem-watch-error-"));
    const seen = { changes: 0, errors: 0, reattached: 0 };
    const watcher = watchKnowledge(dir, () => seen.changes++, {
      debounceMs: 10,
      checkMs: 10_000,
      onError: () => seen.errors++,
      onReattach: () => seen.reattached++,
    });
    closers.push(() => watcher.close());
    expect(watchers).toHaveLength(1);

    watchers[0]?.emit("error", Object.assign(new Error("ENOENT: no such file or directory, scandir"), { code: "ENOENT" }));
    await vi.waitFor(() => expect(seen.changes).toBe(1));
    expect(seen).toEqual({ changes: 1, errors: 1, reattached: 0 });
    expect(watchers[0]?.close).toHaveBeenCalled();
    expect(watchers).toHaveLength(2);
  });
});
