/**
 * `hvem report`: what admins should look at: the most asked questions, those Hvem
 * could not answer confidently (also week by week, to see whether the knowledge is
 * getting better), those users gave 👎, how often each unit was the answer, and how
 * many suggestions from use wait for a decision.
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
  /** Questions answered with each unit first, and picks of it on a card; most first. */
  units: { unitId: string; answers: number; picks: number }[];
  /** Per ISO week (2026-W49), oldest first: questions asked and those without a confident answer. */
  weeks: { week: string; questions: number; unconfident: number }[];
  /** Suggestions waiting for an admin, when known. */
  pendingSuggestions?: number;
}

const TOP = 10;

export function summariseFeedback(events: readonly FeedbackEvent[], pendingSuggestions?: number): FeedbackReport {
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
        .filter((e) => questionKey(e.question ?? "") === questionKey(q.question) && e.comment)
        .map((e) => e.comment as string),
    })),
    likes: feedback.length - disliked.length,
    dislikes: disliked.length,
    units: unitCounts(events),
    weeks: weekCounts(asked),
    ...(pendingSuggestions === undefined ? {} : { pendingSuggestions }),
  };
}

function unitCounts(events: readonly FeedbackEvent[]): FeedbackReport["units"] {
  const units = new Map<string, { unitId: string; answers: number; picks: number }>();
  const unit = (unitId: string) => {
    const entry = units.get(unitId) ?? { unitId, answers: 0, picks: 0 };
    units.set(unitId, entry);
    return entry;
  };
  for (const e of events) {
    if (e.kind === "question" && e.unitId) unit(e.unitId).answers++;
    if (e.kind === "pick") unit(e.unitId).picks++;
  }
  return [...units.values()].sort((a, b) => b.answers + b.picks - (a.answers + a.picks)).slice(0, TOP * 2);
}

function weekCounts(asked: readonly Extract<FeedbackEvent, { kind: "question" }>[]): FeedbackReport["weeks"] {
  const weeks = new Map<string, { week: string; questions: number; unconfident: number }>();
  for (const e of asked) {
    const week = isoWeek(new Date(e.at));
    if (!week) continue;
    const entry = weeks.get(week) ?? { week, questions: 0, unconfident: 0 };
    weeks.set(week, entry);
    entry.questions++;
    if (!e.confident) entry.unconfident++;
  }
  return [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
}

/** The ISO 8601 week of a date, as 2026-W49 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // The Thursday of the same week decides the year.
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Questions that differ only in case, punctuation or æ/ø/å count as one. */
export function questionKey(question: string): string {
  return fold(question).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function countBy(questions: readonly string[]): QuestionCount[] {
  const groups = new Map<string, QuestionCount>();
  for (const question of questions) {
    const k = questionKey(question);
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
    "",
    "Enheder (svar først / valgt på kortet):",
    ...(report.units.length === 0
      ? ["  (ingen)"]
      : report.units.map((u) => `  ${String(u.answers).padStart(3)} / ${String(u.picks).padStart(3)}  ${printable(u.unitId)}`)),
    "",
    "Spørgsmål uden sikkert svar pr. uge:",
    ...(report.weeks.length === 0
      ? ["  (ingen)"]
      : report.weeks.map((w) => `  ${w.week}: ${w.unconfident} af ${w.questions} (${Math.round((100 * w.unconfident) / w.questions)} %)`)),
    ...(report.pendingSuggestions === undefined
      ? []
      : ["", `Forslag der venter på en administrator: ${report.pendingSuggestions} (se hvem suggest).`]),
  ].join("\n");
}
