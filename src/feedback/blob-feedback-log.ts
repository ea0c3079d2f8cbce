/**
 * The feedback log in Azure Blob Storage, for several instances: append blobs that
 * every instance appends its JSON lines to (each append is atomic). An append blob
 * takes at most 50,000 appends, so the log is a numbered series of blobs and moves
 * on to the next when one is full.
 */
import { type ContainerClient, BlobServiceClient, RestError } from "@azure/storage-blob";
import { type FeedbackEvent, type FeedbackLog, feedbackLine, parseFeedbackLines } from "./feedback-log.js";

const PREFIX = "feedback/";
/** Well below 50,000 appends of a few hundred bytes each. */
export const MAX_BLOB_BYTES = 4 * 1024 * 1024;

const blobName = (n: number) => `${PREFIX}${String(n).padStart(6, "0")}.jsonl`;

export function blobFeedbackLog(
  connectionString: string,
  container: string,
  maxBlobBytes = MAX_BLOB_BYTES,
): FeedbackLog & { read(): Promise<FeedbackEvent[]> } {
  const containerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const blob = (n: number) => containerClient.getAppendBlobClient(blobName(n));
  const open = async (n: number) => {
    await blob(n).createIfNotExists();
    return n;
  };
  /** The number of the blob appended to; found once, then moved on when full. */
  let current: Promise<number> | undefined;
  return {
    async record(event) {
      const line = feedbackLine(event);
      for (;;) {
        const appending = (current ??= containerClient.createIfNotExists().then(() => lastBlob(containerClient)).then(open));
        const n = await appending;
        try {
          await blob(n).appendBlock(line, Buffer.byteLength(line), { conditions: { maxSize: maxBlobBytes } });
          return;
        } catch (error) {
          if (!isFull(error)) throw error;
          // Whoever sees the blob full first moves everyone on; another instance may already have.
          if (current === appending) current = open(n + 1);
        }
      }
    },
    // Each event is stored before record resolves: nothing is buffered.
    async close() {},
    async read() {
      await containerClient.createIfNotExists();
      const names: string[] = [];
      for await (const item of containerClient.listBlobsFlat({ prefix: PREFIX })) names.push(item.name);
      const texts = await Promise.all(
        names.sort().map(async (name) => (await containerClient.getBlobClient(name).downloadToBuffer()).toString("utf8")),
      );
      return parseFeedbackLines(texts.join(""));
    },
  };
}

/** The highest blob number in the series (0 when there is none yet). */
async function lastBlob(containerClient: ContainerClient): Promise<number> {
  let last = 0;
  for await (const item of containerClient.listBlobsFlat({ prefix: PREFIX })) {
    const n = Number(item.name.slice(PREFIX.length).split(".")[0]);
    if (Number.isInteger(n)) last = Math.max(last, n);
  }
  return last;
}

/** The append would pass our size limit, or Azure's limit of appends per blob. */
function isFull(error: unknown): boolean {
  return (
    error instanceof RestError &&
    ((error.statusCode === 412 && error.code === "MaxBlobSizeConditionNotMet") ||
      (error.statusCode === 409 && error.code === "BlockCountExceedsLimit"))
  );
}
