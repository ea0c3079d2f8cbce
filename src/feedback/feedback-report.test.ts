import { appendFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anonymousId, fileFeedbackLog, readFeedbackLog } from "./feedback-log.js";
import { formatFeedbackReport, summariseFeedback } from "./feedback-report.js";

describe("feedback log and report", () => {
  it("records questions and feedback as JSON lines with an anonymous conversation id", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "hvem-feedback-")), "sub", "log.jsonl");
    const log = fileFeedbackLog(path);
    const conversation = anonymousId("a:1Xyz-personal-chat");
    await log.record({ kind: "question", conversation, question: "hvem laver lønsedler?", confident: true, unitId: "u1" });
    await log.record({ kind: "question", conversation, question: "Hvem laver lønsedler", confident: true });
    await log.record({ kind: "question", conversation, question: "julefrokost?", confident: false });
    await log.record({ kind: "feedback", conversation, question: "hvem laver lønsedler?", reaction: "dislike", comment: "forkert" });
    await appendFile(path, '{"half":'); // a line cut off by a crash
    const events = await readFeedbackLog(path);
    expect(events).toHaveLength(4);
    expect(conversation).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(events)).not.toContain("a:1Xyz");

    const report = summariseFeedback(events);
    expect(report.mostAsked[0]).toEqual({ question: "hvem laver lønsedler?", count: 2 });
    expect(report.unanswered).toEqual([{ question: "julefrokost?", count: 1 }]);
    expect(report.disliked).toEqual([{ question: "hvem laver lønsedler?", count: 1, comments: ["forkert"] }]);
    const text = formatFeedbackReport(report);
    expect(text).toContain("3 spørgsmål, 0 👍 og 1 👎.");
    expect(text).toContain('"forkert"');
  });

  it("loses nothing recorded before the log is closed at shutdown, and never mixes lines", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "hvem-feedback-")), "log.jsonl");
    const log = fileFeedbackLog(path);
    const questions = Array.from({ length: 300 }, (_, i) => `spørgsmål ${i} ${"om noget langt ".repeat(10)}`);
    const recorded = questions.map((question) =>
      log.record({ kind: "question", conversation: "c", question, confident: false }),
    );
    await log.close();
    expect((await readFeedbackLog(path)).map((e) => "question" in e && e.question)).toEqual(questions);
    await Promise.all(recorded);
  });

  it("reads a missing log as empty", async () => {
    expect(await readFeedbackLog(join(tmpdir(), "does-not-exist.jsonl"))).toEqual([]);
  });
});
