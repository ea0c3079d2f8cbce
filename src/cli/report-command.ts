import { readConfig } from "../config/config.js";
import { blobFeedbackLog } from "../feedback/blob-feedback-log.js";
import { readFeedbackLog } from "../feedback/feedback-log.js";
import { formatFeedbackReport, summariseFeedback } from "../feedback/feedback-report.js";
import type { Output } from "./output.js";

export const reportUsage = "hvem report [logfil]   mest stillede, usikre og 👎-spørgsmål fra botten";

/** `hvem report [file]`: a summary of the feedback log (FEEDBACK_LOG by default). */
export async function reportCommand(args: string[], out: Output): Promise<number> {
  const read = readConfig(process.env);
  if (!read.ok) {
    out.error(read.message);
    return 1;
  }
  const { AZURE_STORAGE_CONNECTION_STRING: shared, AZURE_STORAGE_CONTAINER: container } = read.config;
  // A file named on the command line wins; otherwise the log the bot writes.
  const path = args[0] ?? (shared ? `blob ${container}/feedback/` : read.config.FEEDBACK_LOG);
  const events =
    shared && !args[0] ? await blobFeedbackLog(shared, container).read() : await readFeedbackLog(path);
  if (events.length === 0) {
    out.line(`Der er ingen spørgsmål eller feedback i ${path} endnu.`);
    return 0;
  }
  out.line(formatFeedbackReport(summariseFeedback(events)));
  return 0;
}
