/**
 * The unit column of the catalogue's two-column table: where a unit's name starts a
 * line, possibly wrapped onto the next one, and taking it off the task text.
 */
import type { CatalogueLine } from "./catalogue-lines.js";
import { completeUnitName, matchUnitName, nameKey } from "./staffing-table.js";

/** An OCR bullet left at the start once the unit column is taken off ("Ledelse e Kvalitet…"). */
const BULLET_GLYPH = /^(?:[eo©«¢•*·]|-(?!\d))\s+/;
/** Longest unit name, in words, looked for at the start of a line. */
const MAX_NAME_WORDS = 6;

/**
 * The unit whose name starts line `i`. The unit column may wrap, so its name can
 * continue at the start of the next line ("Familiefagligt" / "Udviklingscenter");
 * `strip` says how many words of each line named the unit.
 */
export function unitAt(
  lines: readonly CatalogueLine[],
  i: number,
  names: readonly string[],
): { name: string; strip: readonly [number, number] } | undefined {
  const line = lines[i] as CatalogueLine;
  const here = line.unitColumn ? [line.unitColumn] : line.text.split(" ");
  const after = line.unitColumn ? line.text : undefined;
  const next = lines[i + 1];
  const below = next?.kind === "text" ? next.text.split(" ") : [];
  for (let n1 = Math.min(here.length, MAX_NAME_WORDS); n1 >= 1; n1--) {
    const rest = after ?? here.slice(n1).join(" ");
    for (let n2 = Math.min(below.length, 2); n2 >= 0; n2--) {
      const head = here.slice(0, n1).join(" ");
      const tail = below.slice(0, n2).join(" ");
      const name =
        matchUnitName(tail ? `${head} ${tail}` : head, names) ??
        (tail ? matchUnitName(head + tail, names) : undefined);
      // A one-word name followed by lowercase text is more likely the start of a
      // sentence ("Løn til ansatte …") than the unit column.
      const oneWord = n1 + n2 === 1;
      const inSentence = startsLowercase(rest);
      const sentence = inSentence || (n2 > 0 && startsLowercase(below.slice(n2).join(" ")));
      if (name && !(oneWord && sentence)) {
        // In a sentence ("IT & Digitalisering leverer …") the name stays in the text.
        return { name, strip: [line.unitColumn || inSentence ? 0 : n1, n2] };
      }
    }
  }
  const completed = line.unitColumn ? completeUnitName(line.unitColumn, names) : undefined;
  return completed ? { name: completed, strip: [0, 0] } : undefined;
}

function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

export function dropWords(text: string, count: number): string {
  return text
    .split(" ")
    .slice(count)
    .join(" ")
    .replace(/^[,;:|°.\s]+/, "")
    .replace(BULLET_GLYPH, "");
}

/** A name as one key without spaces, so a compound split over lines ("Byråds" / "sekretariatet") still matches. */
function compact(text: string): string {
  return nameKey(text).replace(/ /g, "");
}

/** What is left of a unit's name after the part of it a line showed. */
export function restOfName(name: string, shown: string): string {
  const full = compact(name);
  const key = compact(shown);
  return key && full.startsWith(key) ? full.slice(key.length) : "";
}

/**
 * A piece of the current unit's name that the table repeats in the unit column of
 * each row, wrapped over lines ("Familiefagligt" / "Udviklingscenter", "Team
 * Arbejdsmiljø og" / "MED", "Byråds" / "sekretariatet"): `strip` words at the start
 * of the line, all of them when `whole`. `pending` is the rest of the name a line
 * above began, and `rest` what this piece leaves for the lines below; the rest alone
 * ("og valg") is a piece only where a line above began the name.
 */
export function columnPiece(
  text: string,
  name: string,
  pending: string,
): { whole: boolean; strip: number; rest: string } | undefined {
  const full = compact(name);
  const words = text.split(" ");
  const key = compact(text);
  const oneWordName = !nameKey(name).includes(" ");
  // A piece the name starts with is capitalised like the name. One short word ("Randers",
  // "Pension") starts sentences too, unless the name is a single compound ("Byråds…").
  const isPrefix = (shown: readonly string[]) => {
    const k = compact(shown.join(" "));
    const long = shown.length >= 2 || (shown[0] ?? "").length >= 8 || oneWordName;
    return (
      long &&
      k.length >= 5 &&
      k.length < full.length &&
      full.startsWith(k) &&
      /^\p{Lu}/u.test(shown[0] ?? "")
    );
  };
  // The tail of a compound name ("sekretariatet") is no word of its own.
  const isTail =
    words.length === 1 &&
    key.length >= 8 &&
    key.length < full.length &&
    full.endsWith(key) &&
    !nameKey(name).split(" ").includes(key);
  if (key && (key === pending || isPrefix(words) || isTail)) {
    return { whole: true, strip: words.length, rest: key === pending ? "" : restOfName(name, text) };
  }
  for (let n = Math.min(words.length - 1, MAX_NAME_WORDS); n >= 1; n--) {
    const head = words.slice(0, n);
    if (pending && compact(head.join(" ")) === pending) return { whole: false, strip: n, rest: "" };
    const after = words.slice(n).join(" ");
    if (isPrefix(head) && (/^\p{Lu}/u.test(after) || BULLET_GLYPH.test(after))) {
      return { whole: false, strip: n, rest: restOfName(name, head.join(" ")) };
    }
  }
  return undefined;
}

/** Takes the rest of a wrapped unit column off the start of the next line. */
export function takeColumn(line: CatalogueLine, words: number): void {
  const taken = line.text.split(" ").slice(0, words + 1);
  line.text = dropWords(line.text, words);
  // "Udviklingscenter - Sammenhæng og helhed": the unit column, then a bullet.
  if (taken.some((word) => /^(?:[-eo©«¢•*·])$/.test(word))) line.kind = "bullet";
}
