import { appendFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anonymousId, fileFeedbackLog, parseFeedbackLines, readFeedbackLog } from "./feedback-log.js";
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

  it("counts answers and picks per unit, unconfident questions per ISO week, and the suggestions waiting", () => {
    const events = parseFeedbackLines(
      [
        { kind: "question", at: "2026-11-23T09:00:00.000Z", conversation: "c", question: "a", confident: false },
        { kind: "question", at: "2026-11-24T09:00:00.000Z", conversation: "c", question: "b", confident: true, unitId: "byg" },
        { kind: "question", at: "2026-12-02T09:00:00.000Z", conversation: "c", question: "c", confident: false, unitId: "byg" },
        { kind: "pick", at: "2026-12-02T09:01:00.000Z", conversation: "c", user: "u", question: "c", unitId: "natur", firstUnitId: "byg" },
      ]
        .map((e) => JSON.stringify(e))
        .join("\n"),
    );
    const report = summariseFeedback(events, 2);
    expect(report.units).toEqual([
      { unitId: "byg", answers: 2, picks: 0 },
      { unitId: "natur", answers: 0, picks: 1 },
    ]);
    expect(report.weeks).toEqual([
      { week: "2026-W48", questions: 2, unconfident: 1 },
      { week: "2026-W49", questions: 1, unconfident: 1 },
    ]);
    const text = formatFeedbackReport(report);
    expect(text).toContain("2026-W48: 1 af 2 (50 %)");
    expect(text).toContain("Forslag der venter på en administrator: 2");
  });

  it("reads a missing log as empty", async () => {
    expect(await readFeedbackLog(join(tmpdir(), "does-not-exist.jsonl"))).toEqual([]);
  });
});
