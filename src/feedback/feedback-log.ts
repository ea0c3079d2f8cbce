/**
 * What admins learn from use: questions (and whether they were answered confidently),
 * 👍/👎 with comments, and the unit a user picked on an answer card, one JSON line
 * each. No personal data: conversations and users appear as pseudonyms (hashes), and
 * CPR numbers, e-mail addresses and phone numbers are masked before a line is written.
 */
import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod/v4";
import { maskPersonalData } from "../analysis/personal-data.js";

const MAX_QUESTION = 200;
/** A 👎 comment is what an admin reads to fix the knowledge; a page of text is not. */
const MAX_COMMENT = 1000;

export const feedbackEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("question"),
    at: z.string(),
    conversation: z.string(),
    /** The asker as a pseudonym (anonymousId of their Entra id); older lines lack it. */
    user: z.string().optional(),
    question: z.string(),
    confident: z.boolean(),
    unitId: z.string().optional(),
  }),
  z.object({
    /** A user opened another unit of an answer: the strongest hint that it was the one meant. */
    kind: z.literal("pick"),
    at: z.string(),
    conversation: z.string(),
    user: z.string(),
    question: z.string(),
    unitId: z.string(),
    /** The unit the answer put first. */
    firstUnitId: z.string().optional(),
  }),
  z.object({
    kind: z.literal("feedback"),
    at: z.string(),
    conversation: z.string(),
    user: z.string().optional(),
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
  /** Drops the events recorded before `before` (the retention period); resolves to how many. */
  prune(before: Date): Promise<number>;
}

/** An anonymous, stable id for a conversation or a user: the same input gives the same id, nothing more. */
export function anonymousId(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex").slice(0, 12);
}

/**
 * One event as a JSON line, stamped with the time, with the question and comment
 * masked (CPR, e-mail, phone) and cut short. Masking comes before cutting, so a
 * number cut in half cannot slip through.
 */
export function feedbackLine(event: NewEvent, at = new Date()): string {
  const line = {
    ...event,
    at: at.toISOString(),
    ...("question" in event && event.question ? { question: maskPersonalData(event.question).slice(0, MAX_QUESTION) } : {}),
    ...("comment" in event && event.comment ? { comment: maskPersonalData(event.comment).slice(0, MAX_COMMENT) } : {}),
  };
  return `${JSON.stringify(line)}\n`;
}

/** The moment before which events are dropped, for a retention of `days`. */
export function retentionCutoff(days: number, now = new Date()): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}

/** The lines of a log's text recorded at or after `cutoff`, and how many were dropped. */
export function keepRecent(text: string, cutoff: Date): { kept: string; dropped: number } {
  const since = cutoff.toISOString();
  let dropped = 0;
  const kept = text.split("\n").filter((line) => {
    if (!line.trim()) return false;
    const at = lineTime(line);
    // A line without a readable time is kept: only what is known to be old is dropped.
    if (at !== undefined && at < since) {
      dropped++;
      return false;
    }
    return true;
  });
  return { kept: kept.map((line) => `${line}\n`).join(""), dropped };
}

function lineTime(line: string): string | undefined {
  try {
    const at = (JSON.parse(line) as { at?: unknown }).at;
    return typeof at === "string" ? at : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The log as a file, appended to through one long-lived stream rather than an
 * open-write-close per event. Each event is one write, so lines never interleave;
 * events arriving while a write is under way go out together in the next.
 */
export function fileFeedbackLog(path: string): FeedbackLog {
  let stream: Promise<WriteStream> | undefined;
  /** A prune under way: events wait for it, so none is written to the file being replaced. */
  let pruning: Promise<unknown> | undefined;
  const open = async () => {
    await mkdir(dirname(path), { recursive: true });
    // Write errors reach the recorders through their write callbacks.
    return createWriteStream(path, { flags: "a" }).on("error", () => {});
  };
  const close = async () => {
    const current = stream;
    stream = undefined;
    const out = await current?.catch(() => undefined);
    if (out) await new Promise<void>((resolve) => out.end(resolve));
  };
  return {
    async record(event) {
      // Only while pruning: otherwise the stream is opened at once, so close() sees it.
      if (pruning) await pruning;
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
    close,
    prune(before) {
      const run = (pruning ?? Promise.resolve()).then(async () => {
        const read = async () => keepRecent(await readFile(path, "utf8").catch(() => ""), before);
        if ((await read()).dropped === 0) return 0;
        // The stream would go on appending to the replaced file: close it (writing out what it
        // holds) and read again; the next event opens the new file.
        await close();
        const { kept, dropped } = await read();
        const temporary = `${path}.${process.pid}.tmp`;
        await writeFile(temporary, kept);
        await rename(temporary, path);
        return dropped;
      });
      const settled = run.catch(() => undefined).finally(() => {
        if (pruning === settled) pruning = undefined;
      });
      pruning = settled;
      return run;
    },
  };
}

/** Reads the log file, without events older than `since`; a missing file is an empty log. */
export async function readFeedbackLog(path: string, since?: Date): Promise<FeedbackEvent[]> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  return parseFeedbackLines(text, since);
}

/**
 * The events of a log's text, skipping lines that are not events (a half-written last
 * line, say) and, with `since`, those past the retention period not yet pruned.
 */
export function parseFeedbackLines(text: string, since?: Date): FeedbackEvent[] {
  const from = since?.toISOString();
  return text.split("\n").flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = feedbackEventSchema.safeParse(JSON.parse(line));
      return parsed.success && (from === undefined || parsed.data.at >= from) ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}
