/**
 * Where conversation state lives: in memory for one instance, in Azure Blob Storage
 * when several instances share the conversations (botbuilder's BlobsStorage).
 */
import type { Storage, StoreItems } from "botbuilder";
import { BlobsStorage } from "botbuilder-azure-blobs";

/**
 * Conversations one instance remembers in memory. What Hvem keeps per conversation
 * is a few KB, so this bounds the store to tens of MB however long it runs.
 */
const MAX_CONVERSATIONS_IN_MEMORY = 10_000;

export function conversationStorage(connectionString: string | undefined, container: string): Storage {
  return connectionString
    ? lastWriteWins(new BlobsStorage(connectionString, `${container}-state`))
    : boundedMemoryStorage();
}

/**
 * Two messages of one conversation handled at once (a double click, two instances)
 * would otherwise fail the second turn on an eTag conflict. What Hvem keeps per
 * conversation is only "what was shown last", so the last write may simply win.
 */
export function lastWriteWins(storage: Storage): Storage {
  return {
    read: (keys) => storage.read(keys),
    delete: (keys) => storage.delete(keys),
    write: (changes: StoreItems) =>
      storage.write(
        Object.fromEntries(Object.entries(changes).map(([key, item]) => [key, { ...item, eTag: "*" }])),
      ),
  };
}

/**
 * State in memory for the `max` conversations used last; an older one starts over,
 * as after a restart. Items are kept as JSON so no caller shares an object with
 * the store; eTags are not checked, so the last write wins (see `lastWriteWins`).
 */
export function boundedMemoryStorage(max = MAX_CONVERSATIONS_IN_MEMORY): Storage {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const items = new Map<string, string>();
  const touch = (key: string, json: string) => {
    items.delete(key);
    items.set(key, json);
  };
  return {
    async read(keys) {
      const found: StoreItems = {};
      for (const key of keys) {
        const json = items.get(key);
        if (json === undefined) continue;
        touch(key, json);
        found[key] = JSON.parse(json);
      }
      return found;
    },
    async write(changes) {
      for (const [key, item] of Object.entries(changes)) touch(key, JSON.stringify(item));
      for (const key of items.keys()) {
        if (items.size <= max) break;
        items.delete(key);
      }
    },
    async delete(keys) {
      for (const key of keys) items.delete(key);
    },
  };
}
