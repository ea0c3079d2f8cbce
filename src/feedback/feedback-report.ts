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

/** ESC followed by a CSI sequence (colours, cursor), an OSC string (window title, links) or one character. */
// eslint-disable-next-line no-control-regex -- matching ESC and BEL is the point
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;
/** Control characters (C0 and C1) and the bidirectional overrides that reorder what a terminal shows. */
const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+/gu;

/**
 * Users' text as it may go to a terminal: escape sequences could recolour it, move the
 * cursor, retitle the window or hide lines, so they are removed and other control
 * characters become spaces.
 */
export function printable(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, " ");
}

export function formatFeedbackReport(report: FeedbackReport): string {
  const list = (items: readonly QuestionCount[]) =>
    items.length === 0 ? ["  (ingen)"] : items.map((q) => `  ${String(q.count).padStart(3)} × ${printable(q.question)}`);
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
          `  ${String(q.count).padStart(3)} × ${printable(q.question)}`,
          ...q.comments.map((c) => `        "${printable(c)}"`),
        ])),
  ].join("\n");
}
