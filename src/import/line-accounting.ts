/**
 * The import report's promise: every line of the catalogue that is not blank is
 * either in a record or skipped for a reason someone can check.
 */
import type { ParsedTask } from "./catalogue-parser.js";

export interface LineAccount {
  /** Non-blank source lines by what became of them: "task", "task group", or a reason to skip. */
  byReason: Map<string, number>;
  /** Non-blank lines neither placed nor explained: the importer lost them. */
  unaccounted: { no: number; text: string }[];
}

/** A line whose task was dropped as a repeat of one the unit already lists. */
export const REPEATED = "repeated text";

export function accountLines(
  source: string,
  marks: ReadonlyMap<number, string>,
  kept: readonly ParsedTask[],
): LineAccount {
  const inRecord = new Set<number>();
  for (const task of kept) for (let no = task.from; no <= task.to; no++) inRecord.add(no);
  const byReason = new Map<string, number>();
  const unaccounted: LineAccount["unaccounted"] = [];
  source.split(/\r?\n/).forEach((text, index) => {
    const no = index + 1;
    if (text.trim() === "") return;
    const mark = marks.get(no);
    if (mark === undefined) {
      unaccounted.push({ no, text: text.trim() });
      return;
    }
    const reason = mark === "task" && !inRecord.has(no) ? REPEATED : mark;
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  });
  return { byReason, unaccounted };
}
