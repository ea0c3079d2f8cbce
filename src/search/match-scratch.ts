/**
 * The working space of one question's match, reused between questions: a column per
 * entry (one matching document), and a value per entry that a term or a group of terms
 * adds up without clearing the columns in between.
 */
import type { TermQuery } from "./search-index.js";

export function scratchFor(size: number) {
  return {
    /** Where a document's entry is (position + 1; 0 = none yet), by short id. */
    slot: new Uint32Array(size),
    /** The entries' columns. */
    doc: new Uint32Array(size),
    score: new Float64Array(size),
    /** How many of the question's words (term groups) the document matched. */
    matchedGroups: new Uint16Array(size),
    terms: new Uint32Array(size),
    exact: new Uint32Array(size),
    /** One term's score per entry… */
    term: entryColumns(size),
    /** …and the best term of a group per entry. */
    group: entryColumns(size),
  };
}

/** The query's term positions, by group, groups in order of their first term. */
export function groupsOf(queries: readonly TermQuery[]): number[][] {
  const groups = new Map<number | string, number[]>();
  queries.forEach((q, j) => {
    const key = q.group ?? `term ${j}`;
    groups.set(key, [...(groups.get(key) ?? []), j]);
  });
  return [...groups.values()];
}

/** Scratch columns for a value per entry, and which entries have one (mark = generation). */
interface EntryColumns {
  values: Float64Array;
  entries: Uint32Array;
  mark: Uint32Array;
  generation: number;
}

function entryColumns(size: number): EntryColumns {
  return { values: new Float64Array(size), entries: new Uint32Array(size), mark: new Uint32Array(size), generation: 0 };
}

/**
 * A value per entry for the entries reached since it was made, combined as they come
 * (a term's score summed over fields and prefixes, a group's best term).
 */
export class PerEntry {
  private size = 0;
  private readonly generation: number;

  constructor(
    private readonly columns: EntryColumns,
    private readonly combine: (a: number, b: number) => number,
  ) {
    if (columns.generation === 0xffffffff) {
      columns.mark.fill(0);
      columns.generation = 0;
    }
    this.generation = ++columns.generation;
  }

  add(i: number, value: number): void {
    const { values, entries, mark } = this.columns;
    if (mark[i] !== this.generation) {
      mark[i] = this.generation;
      values[i] = value;
      entries[this.size++] = i;
    } else values[i] = this.combine(values[i] as number, value);
  }

  each(fn: (i: number, value: number) => void): void {
    const { values, entries } = this.columns;
    for (let n = 0; n < this.size; n++) {
      const i = entries[n] as number;
      fn(i, values[i] as number);
    }
  }
}
