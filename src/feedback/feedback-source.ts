/**
 * Where the feedback log is read from, chosen once for the server and the CLI: a file
 * named on the command line, else the shared log in Blob Storage when configured,
 * else FEEDBACK_LOG. Events past the retention period are never read, pruned or not.
 */
import type { Config } from "../config/config.js";
import { blobFeedbackLog } from "./blob-feedback-log.js";
import { type FeedbackEvent, readFeedbackLog, retentionCutoff } from "./feedback-log.js";

export interface FeedbackSource {
  /** Where the log is, for messages. */
  where: string;
  read(): Promise<FeedbackEvent[]>;
}

type LogConfig = Pick<
  Config,
  "AZURE_STORAGE_CONNECTION_STRING" | "AZURE_STORAGE_CONTAINER" | "FEEDBACK_LOG" | "FEEDBACK_RETENTION_DAYS"
>;

export function feedbackSource(config: LogConfig, file?: string): FeedbackSource {
  const since = () => retentionCutoff(config.FEEDBACK_RETENTION_DAYS);
  const shared = config.AZURE_STORAGE_CONNECTION_STRING;
  if (shared && !file) {
    const log = blobFeedbackLog(shared, config.AZURE_STORAGE_CONTAINER);
    return { where: `blob ${config.AZURE_STORAGE_CONTAINER}/feedback/`, read: () => log.read(since()) };
  }
  const path = file ?? config.FEEDBACK_LOG;
  return { where: path, read: () => readFeedbackLog(path, since()) };
}
