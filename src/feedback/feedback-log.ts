/**
 * What admins learn from use: 👍/👎 feedback and questions Hvem could not answer
 * confidently, one JSON line each. No personal data beyond an anonymous
 * conversation id (a hash) and the question as typed, cut short.
 */
import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod/v4";

const MAX_QUESTION = 200;
/** A 👎 comment is what an admin reads to fix the knowledge; a page of text is not. */
const MAX_COMMENT = 1000;

export const feedbackEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("question"),
    at: z.string(),
    conversation: z.string(),
    question: z.string(),
    confident: z.boolean(),
    unitId: z.string().optional(),
  }),
  z.object({
    kind: z.literal("feedback"),
    at: z.string(),
    conversation: z.string(),
    question: z.string().optional(),
    unitId: z.string().optional(),
    reaction: z.enum(["like", "dislike"]),
    comment: z.string().optional(),
  }),
]);

export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;
export type NewEvent = FeedbackEvent extends infer E ? (E extends FeedbackEvent ? Omit<E, "at"> : never) : never;

export interface FeedbackLog {
  /** Resolves once the event is written. */
  record(event: NewEvent): Promise<void>;
  /** Writes out whatever is still buffered; for shutdown. */
  close(): Promise<void>;
}

/** An anonymous, stable id for a conversation: the same chat gives the same id, nothing more. */
export function anonymousId(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex").slice(0, 12);
}

/** One event as a JSON line, stamped with the time and with the question cut short. */
export function feedbackLine(event: NewEvent): string {
  const line = {
    ...event,
    at: new Date().toISOString(),
    ...("question" in event && event.question ? { question: event.question.slice(0, MAX_QUESTION) } : {}),
    ...("comment" in event && event.comment ? { comment: event.comment.slice(0, MAX_COMMENT) } : {}),
  };
  return `${JSON.stringify(line)}\n`;
}

/**
 * The log as a file, appended to through one long-lived stream rather than an
 * open-write-close per event. Each event is one write, so lines never interleave;
 * events arriving while a write is under way go out together in the next.
 */
export function fileFeedbackLog(path: string): FeedbackLog {
  let stream: Promise<WriteStream> | undefined;
  const open = async () => {
    await mkdir(dirname(path), { recursive: true });
    // Write errors reach the recorders through their write callbacks.
    return createWriteStream(path, { flags: "a" }).on("error", () => {});
  };
  return {
    async record(event) {
      const current = (stream ??= open());
      try {
        const out = await current;
        await new Promise<void>((resolve, reject) => {
          out.write(feedbackLine(event), (error) => (error ? reject(error) : resolve()));
        });
      } catch (error) {
        // The next event opens the file anew, as an append per event would.
        if (stream === current) stream = undefined;
        throw error;
      }
    },
    async close() {
      const current = stream;
      stream = undefined;
      const out = await current?.catch(() => undefined);
      if (out) await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** Reads the log file; a missing file is an empty log. */
export async function readFeedbackLog(path: string): Promise<FeedbackEvent[]> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  return parseFeedbackLines(text);
}

/** The events of a log's text, skipping lines that are not events (a half-written last line, say). */
export function parseFeedbackLines(text: string): FeedbackEvent[] {
  return text.split("\n").flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = feedbackEventSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
