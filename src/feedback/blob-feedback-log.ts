/**
 * The feedback log in Azure Blob Storage, for several instances: append blobs that
 * every instance appends its JSON lines to (each append is atomic). An append blob
 * takes at most 50,000 appends, so the log is a numbered series of blobs and moves
 * on to the next when one is full.
 */
import { type ContainerClient, BlobServiceClient, RestError } from "@azure/storage-blob";
import { type FeedbackEvent, type FeedbackLog, feedbackLine, keepRecent, parseFeedbackLines } from "./feedback-log.js";

const PREFIX = "feedback/";
/** Where earlier versions kept the whole log, in one blob. */
const LEGACY_BLOB = "feedback.jsonl";
/** A line is over 84 bytes (4 MB / 50,000), so this limit comes before Azure's 50,000 appends. */
const MAX_BLOB_BYTES = 4 * 1024 * 1024;

const blobName = (n: number) => `${PREFIX}${String(n).padStart(6, "0")}.jsonl`;

export function blobFeedbackLog(
  connectionString: string,
  container: string,
  maxBlobBytes = MAX_BLOB_BYTES,
): FeedbackLog & { read(since?: Date): Promise<FeedbackEvent[]> } {
  const containerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const blob = (n: number) => containerClient.getAppendBlobClient(blobName(n));
  const open = async (n: number) => {
    await blob(n).createIfNotExists();
    return n;
  };
  /** The number of the blob appended to; found once, then moved on when full. */
  let current: Promise<number> | undefined;
  /** Forget a failed or vanished blob, so the next event looks for the series anew. */
  const forget = (failed: Promise<number>) => {
    if (current === failed) current = undefined;
  };
  return {
    async record(event) {
      const line = feedbackLine(event);
      const bytes = Buffer.byteLength(line);
      if (bytes > maxBlobBytes) throw new Error(`a feedback line of ${bytes} bytes does not fit in a log blob`);
      for (;;) {
        const appending = (current ??= containerClient.createIfNotExists().then(() => lastBlob(containerClient)).then(open));
        const n = await appending.catch((error: unknown) => {
          forget(appending);
          throw error;
        });
        try {
          await blob(n).appendBlock(line, bytes, { conditions: { maxSize: maxBlobBytes } });
          return;
        } catch (error) {
          if (!isFull(error)) {
            forget(appending);
            throw error;
          }
          // Whoever sees the blob full first moves everyone on; another instance may already have.
          if (current === appending) current = open(n + 1);
        }
      }
    },
    // Each event is stored before record resolves: nothing is buffered.
    async close() {},
    async prune(before) {
      await containerClient.createIfNotExists();
      const names = await seriesNames(containerClient);
      const legacy = containerClient.getBlobClient(LEGACY_BLOB);
      if (await legacy.exists()) names.unshift(LEGACY_BLOB);
      let dropped = 0;
      for (const name of names) dropped += await pruneBlob(containerClient, name, before, name === names.at(-1));
      return dropped;
    },
    async read(since) {
      await containerClient.createIfNotExists();
      const names = await seriesNames(containerClient);
      // The one blob of earlier versions first, then the series.
      const legacy = containerClient.getBlobClient(LEGACY_BLOB);
      if (await legacy.exists()) names.unshift(LEGACY_BLOB);
      const texts = await Promise.all(
        names.map(async (name) => (await containerClient.getBlobClient(name).downloadToBuffer()).toString("utf8")),
      );
      // Instances append to the series side by side, so a blob's lines are not strictly in time order.
      return parseFeedbackLines(texts.join(""), since).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },
  };
}

/**
 * Drops one blob's events from before `before`. Append blobs cannot be edited, so a
 * blob with some old lines is written anew with the rest, on condition that nobody
 * appended since it was read (else it is left for the next prune); a blob with only
 * old lines is deleted, except the last of the series, which instances append to: it
 * is emptied instead.
 */
async function pruneBlob(containerClient: ContainerClient, name: string, before: Date, last: boolean): Promise<number> {
  const client = containerClient.getAppendBlobClient(name);
  const properties = await client.getProperties();
  const { kept, dropped } = keepRecent((await client.downloadToBuffer()).toString("utf8"), before);
  if (dropped === 0) return 0;
  const conditions = { ifMatch: properties.etag };
  try {
    if (!kept && !last) {
      await client.delete({ conditions });
      return dropped;
    }
    await client.create({ conditions });
    if (kept) await client.appendBlock(kept, Buffer.byteLength(kept));
    return dropped;
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 412) return 0;
    throw error;
  }
}

/** The names of the series' blobs. */
async function seriesNames(containerClient: ContainerClient): Promise<string[]> {
  const names: string[] = [];
  for await (const item of containerClient.listBlobsFlat({ prefix: PREFIX })) names.push(item.name);
  return names;
}

/** The highest blob number in the series (0 when there is none yet). */
async function lastBlob(containerClient: ContainerClient): Promise<number> {
  const numbers = (await seriesNames(containerClient)).map((name) => Number(name.slice(PREFIX.length).split(".")[0]));
  return Math.max(0, ...numbers.filter(Number.isInteger));
}

/** The append would pass our size limit, or Azure's limit of appends per blob. */
function isFull(error: unknown): boolean {
  return (
    error instanceof RestError &&
    ((error.statusCode === 412 && error.code === "MaxBlobSizeConditionNotMet") ||
      (error.statusCode === 409 && error.code === "BlockCountExceedsLimit"))
  );
}
