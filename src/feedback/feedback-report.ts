/**
 * `hvem report`: what admins should look at: the most asked questions, those Hvem
 * could not answer confidently, and those users gave 👎, grouped by question.
 */
import { fold } from "../analysis/fold.js";
import type { FeedbackEvent } from "./feedback-log.js";

export interface QuestionCount {
  question: string;
  count: number;
}

export interface FeedbackReport {
  questions: number;
  mostAsked: QuestionCount[];
  unanswered: QuestionCount[];
  disliked: (QuestionCount & { comments: string[] })[];
  likes: number;
  dislikes: number;
}

const TOP = 10;

export function summariseFeedback(events: readonly FeedbackEvent[]): FeedbackReport {
  const asked = events.filter((e) => e.kind === "question");
  const feedback = events.filter((e) => e.kind === "feedback");
  const disliked = feedback.filter((e) => e.reaction === "dislike");
  return {
    questions: asked.length,
    mostAsked: countBy(asked.map((e) => e.question)),
    unanswered: countBy(asked.filter((e) => !e.confident).map((e) => e.question)),
    disliked: countBy(disliked.map((e) => e.question ?? "(ukendt spørgsmål)")).map((q) => ({
      ...q,
      comments: disliked
        .filter((e) => key(e.question ?? "") === key(q.question) && e.comment)
        .map((e) => e.comment as string),
    })),
    likes: feedback.length - disliked.length,
    dislikes: disliked.length,
  };
}

/** Questions that differ only in case, punctuation or æ/ø/å count as one. */
function key(question: string): string {
  return fold(question).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function countBy(questions: readonly string[]): QuestionCount[] {
  const groups = new Map<string, QuestionCount>();
  for (const question of questions) {
    const k = key(question);
    const group = groups.get(k);
    if (group) group.count++;
    else groups.set(k, { question, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, TOP);
}

export function formatFeedbackReport(report: FeedbackReport): string {
  const list = (items: readonly QuestionCount[]) =>
    items.length === 0 ? ["  (ingen)"] : items.map((q) => `  ${String(q.count).padStart(3)} × ${q.question}`);
  return [
    `${report.questions} spørgsmål, ${report.likes} 👍 og ${report.dislikes} 👎.`,
    "",
    "Mest stillede spørgsmål:",
    ...list(report.mostAsked),
    "",
    "Spørgsmål uden sikkert svar (tilføj viden eller synonymer):",
    ...list(report.unanswered),
    "",
    "Svar med 👎:",
    ...(report.disliked.length === 0
      ? ["  (ingen)"]
      : report.disliked.flatMap((q) => [
          `  ${String(q.count).padStart(3)} × ${q.question}`,
          ...q.comments.map((c) => `        "${c}"`),
        ])),
  ].join("\n");
}
