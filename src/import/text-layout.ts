/**
 * How the OCR'd text of the task column is laid out: wrapped lines, labels and
 * headings, and where one task ends and the next begins.
 */
import type { CatalogueLine } from "./catalogue-lines.js";

/** A wrapped line of the PDF table is 90-120 characters; shorter lines end a paragraph. */
const WRAP_WIDTH = 100;
/** Before a lowercase line, a line this long was most likely wrapped. */
const LOWERCASE_WRAP_WIDTH = 90;
/** A line ending in a comma or a small word that cannot end a task. */
const MID_PHRASE =
  /(?:,|\s(?:og|eller|samt|af|til|for|i|på|med|om|fra|ved|som|at|der|vedr\.|ifm\.|herunder))$/;
const MAX_HEADING_WORDS = 8;

/**
 * A line that ran to the edge of the table column, or stops mid-phrase, so the next
 * line continues it even when that starts with a name ("… besøg fra" / "Arbejdstilsynet").
 */
export function wrapped(line: string): boolean {
  return (line.length >= WRAP_WIDTH && !/[.:!?)]$/.test(line)) || MID_PHRASE.test(line);
}

/** Short, capitalised and not a sentence: a label rather than a task. */
export function isLabel(text: string, maxWords = MAX_HEADING_WORDS): boolean {
  return (
    text.split(" ").length <= maxWords &&
    /^["”“„]?\p{Lu}/u.test(text) &&
    !/[.,;]$/.test(text) &&
    !MID_PHRASE.test(text)
  );
}

/** A task-group heading: a short line that introduces the tasks below it. */
export function headingText(
  text: string,
  kind: CatalogueLine["kind"],
  lines: readonly CatalogueLine[],
  i: number,
): string | undefined {
  if (kind !== "text") return undefined;
  const marked = /^(.*?)\s*\(overskrift\)$/i.exec(text);
  if (marked) return marked[1];
  if (text.endsWith(":")) return isLabel(text, MAX_COLON_HEADING_WORDS) ? text : undefined;
  if (!isLabel(text)) return undefined;
  const next = lines.slice(i + 1).find((l) => l.kind !== "blank");
  if (next?.kind === "bullet") return text;
  // A label the paragraph below begins with again heads it: "Brugeradministration" /
  // "Brugeradministration omfatter oprettelse …".
  const label = text.toLocaleLowerCase("da");
  const below = next?.text.toLocaleLowerCase("da") ?? "";
  return below.length > label.length && below.startsWith(`${label} `) ? text : undefined;
}


/**
 * Whether a text line continues the task before it. The OCR lost many bullets, so a
 * list reads as lines separated by blank lines, some starting in lowercase
 * ("telefonbetjening" / "håndtering af henvendelser …"): a lowercase line continues
 * only a line of nearly full width, or when it starts with a word that cannot start a task.
 */
export function continuesTask(previous: string, text: string, atBlockStart: boolean): boolean {
  if (wrapped(previous) || /^(?:[\d(]|(?:og|eller|samt|af|til|for|i|på|med)\s)/u.test(text)) {
    return true;
  }
  if (/^\p{Ll}/u.test(text)) return previous.length >= LOWERCASE_WRAP_WIDTH;
  return !atBlockStart && !/^\p{Lu}/u.test(text);
}

/** Joins a wrapped line, undoing hyphenation of a word split at the line end. */
export function joinWrapped(before: string, after: string): string {
  // "Indenrigs-" / "og Sundhedsministeriet" keeps its hyphen: it stands for a word.
  const suspended = /^(?:og|eller|samt)\b/.test(after);
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after) && !suspended) {
    return before.slice(0, -1) + after;
  }
  return `${before} ${after}`;
}

/** A label with a colon ("Sygefravær:") heads what follows, even after a wrapped line. */
export function isColonLabel(text: string): boolean {
  return text.endsWith(":") && isLabel(text.slice(0, -1), MAX_COLON_LABEL_WORDS);
}

const MAX_COLON_LABEL_WORDS = 4;
/** A heading with a colon ("Projektledelse … Eksempelvis:") may be a little longer. */
const MAX_COLON_HEADING_WORDS = 12;

/**
 * The label a table row opens with before its description: "Ferie og indefrosne
 * feriemidler. Opgaverne løses på baggrund af …" or "Erfa-samarbejde med KMD-kommuner.".
 */
export function rowLabel(text: string): string | undefined {
  const [first = "", ...rest] = text.split(/(?<=\p{L}{3}\.)\s+(?=\p{Lu})|\s+-\s+/u);
  const label = first.replace(/\.$/, "");
  const words = label.split(" ").length;
  const abbreviation = /\b(?:bl\.a|vedr|mv|m\.v|fx|inkl|evt|ca|jf|pga|ift)$/i.test(label);
  const ended = rest.length > 0 || first.endsWith(".");
  return words <= MAX_ROW_LABEL_WORDS && ended && !abbreviation && isLabel(label)
    ? label
    : undefined;
}

/** Longest row label, in words, before the row's description. */
const MAX_ROW_LABEL_WORDS = 7;
