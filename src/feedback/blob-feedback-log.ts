/**
 * The feedback log in Azure Blob Storage, for several instances: one append blob
 * that every instance appends its JSON lines to (each append is atomic).
 */
import { BlobServiceClient } from "@azure/storage-blob";
import { type FeedbackEvent, type FeedbackLog, feedbackLine, parseFeedbackLines } from "./feedback-log.js";

const BLOB = "feedback.jsonl";

export function blobFeedbackLog(connectionString: string, container: string): FeedbackLog & {
  read(): Promise<FeedbackEvent[]>;
} {
  const containerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const blob = containerClient.getAppendBlobClient(BLOB);
  let ready: Promise<unknown> | undefined;
  const ensure = () => {
    ready ??= containerClient.createIfNotExists().then(() => blob.createIfNotExists());
    return ready;
  };
  return {
    async record(event) {
      await ensure();
      const line = feedbackLine(event);
      await blob.appendBlock(line, Buffer.byteLength(line));
    },
    // Each event is stored before record resolves: nothing is buffered.
    async close() {},
    async read() {
      await ensure();
      return parseFeedbackLines((await blob.downloadToBuffer()).toString("utf8"));
    },
  };
}
