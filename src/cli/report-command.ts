import { parseArgs } from "node:util";
import { readConfig } from "../config/config.js";
import { feedbackSource } from "../feedback/feedback-source.js";
import { formatFeedbackReport, summariseFeedback } from "../feedback/feedback-report.js";
import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { suggestionDesk } from "../learning/suggestion-desk.js";
import type { Output } from "./output.js";

export const reportUsage =
  "hvem report [logfil] [--knowledge MAPPE]   mest stillede, usikre og 👎-spørgsmål, enheder, uger og ventende forslag";

/** `hvem report [file]`: a summary of the feedback log (FEEDBACK_LOG or Blob Storage by default). */
export async function reportCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { knowledge: { type: "string" } },
  });
  const read = readConfig(process.env);
  if (!read.ok) {
    out.error(read.message);
    return 1;
  }
  // A file named on the command line wins; otherwise the log the bot writes.
  const source = feedbackSource(read.config, positionals[0]);
  const events = await source.read();
  if (events.length === 0) {
    out.line(`Der er ingen spørgsmål eller feedback i ${source.where} endnu.`);
    return 0;
  }
  const knowledgeDir = values.knowledge ?? (process.env.KNOWLEDGE_DIR ? read.config.KNOWLEDGE_DIR : defaultKnowledgeDir());
  const desk = suggestionDesk({ knowledgeDir, readEvents: async () => events, minUsers: read.config.SUGGESTION_MIN_USERS });
  // Knowledge with errors leaves the count out rather than the whole report.
  const listed = await desk.list();
  out.line(formatFeedbackReport(summariseFeedback(events, listed.ok ? listed.suggestions.length : undefined)));
  return 0;
}
