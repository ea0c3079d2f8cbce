import { readConfig } from "../config/config.js";
import { readFeedbackLog } from "../feedback/feedback-log.js";
import { formatFeedbackReport, summariseFeedback } from "../feedback/feedback-report.js";
import type { Output } from "./output.js";

export const reportUsage = "hvem report [logfil]   mest stillede, usikre og 👎-spørgsmål fra botten";

/** `hvem report [file]`: a summary of the feedback log (FEEDBACK_LOG by default). */
export async function reportCommand(args: string[], out: Output): Promise<number> {
  const config = readConfig(process.env);
  const path = args[0] ?? (config.ok ? config.config.FEEDBACK_LOG : ".hvem/feedback.jsonl");
  const events = await readFeedbackLog(path);
  if (events.length === 0) {
    out.line(`Der er ingen spørgsmål eller feedback i ${path} endnu.`);
    return 0;
  }
  out.line(formatFeedbackReport(summariseFeedback(events)));
  return 0;
}
