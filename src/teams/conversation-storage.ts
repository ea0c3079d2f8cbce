/**
 * Where conversation state lives: in memory for one instance, in Azure Blob Storage
 * when several instances share the conversations (botbuilder's BlobsStorage).
 */
import { MemoryStorage, type Storage, type StoreItems } from "botbuilder";
import { BlobsStorage } from "botbuilder-azure-blobs";

export function conversationStorage(connectionString: string | undefined, container: string): Storage {
  return lastWriteWins(
    connectionString ? new BlobsStorage(connectionString, `${container}-state`) : new MemoryStorage(),
  );
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
