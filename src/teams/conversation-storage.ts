/**
 * Where conversation state lives: in memory for one instance, in Azure Blob Storage
 * when several instances share the conversations (botbuilder's BlobsStorage).
 */
import { MemoryStorage, type Storage } from "botbuilder";
import { BlobsStorage } from "botbuilder-azure-blobs";

export function conversationStorage(connectionString: string | undefined, container: string): Storage {
  return connectionString ? new BlobsStorage(connectionString, `${container}-state`) : new MemoryStorage();
}
