/**
 * Second pass: turns classified catalogue lines into the hierarchy
 * department › chief area › unit › task group › task. The catalogue is a two-column
 * table flattened by OCR, so a unit is recognised by its name (from the department's
 * staffing table) at the start of a block; hand fixes cover what cannot be seen.
 */
import type { CatalogueLine } from "./catalogue-lines.js";
import type { ImportFixes } from "./import-fixes.js";
import {
  completeUnitName,
  matchUnitName,
  nameKey,
  unitNamesFromStaffingTable,
} from "./staffing-table.js";

export interface ParsedTask {
  group: string;
  text: string;
  /** Source lines the task was read from. */
  from: number;
  to: number;
}

export interface ParsedUnit {
  department: string;
  chiefArea: string;
  name: string;
  from: number;
  to: number;
  tasks: ParsedTask[];
}

export interface ParseReport {
  /** Text the importer could not attribute to a unit, with its source lines. */
  unplaced: { from: number; to: number; text: string }[];
  /** Units named in a staffing table that never appear with tasks of their own. */
  unitsWithoutTasks: { department: string; name: string }[];
  /** Hand fixes that matched no text line, so did nothing: likely a wrong line number. */
  unusedFixes: string[];
}

/** A wrapped line of the PDF table is 90-120 characters; shorter lines end a paragraph. */
const WRAP_WIDTH = 100;
/** Before a lowercase line, a line this long was most likely wrapped. */
const LOWERCASE_WRAP_WIDTH = 90;
/** A line ending in a comma or a small word that cannot end a task. */
const MID_PHRASE = /(?:,|\s(?:og|eller|samt|af|til|for|i|på|med|om|fra|ved|som|at|der|vedr\.|ifm\.|herunder))$/;
const MAX_HEADING_WORDS = 8;
/** An OCR bullet left at the start once the unit column is taken off ("Ledelse e Kvalitet…"). */
const BULLET_GLYPH = /^(?:[eo©«¢•*·]|-(?!\d))\s+/;
/** Longest unit name, in words, looked for at the start of a line. */
const MAX_NAME_WORDS = 6;

export function parseCatalogue(
  input: readonly CatalogueLine[],
  fixes: ImportFixes,
): { units: ParsedUnit[]; report: ParseReport } {
  // A copy, because a wrapped unit name is taken off the start of the next line.
  const lines = input.map((line) => ({ ...line }));
  const units: ParsedUnit[] = [];
  const report: ParseReport = { unplaced: [], unitsWithoutTasks: [], unusedFixes: [] };
  const used = new Set<string>();
  const rename = (name: string) =>
    fixes.names[`${department}/${name}`] ?? fixes.names[name] ?? name;
  /** Every name the text may use for the units of a staffing table. */
  const namesFor = (staffed: readonly string[]) => {
    const shown = new Set([...staffed, ...staffed.map(rename)]);
    const aliases = Object.keys(fixes.names)
      .map((key) => key.replace(`${department}/`, ""))
      .filter((key) => !key.includes("/") && shown.has(rename(key)));
    return [...new Set([...shown, ...aliases])];
  };
  const forcedStarts = new Map(fixes.unitStarts.map((s) => [s.line, s]));
  /** Text before an inline bullet on a line where a forced start says the unit column stands. */
  const inUnitColumn = (line: CatalogueLine, next: CatalogueLine | undefined) =>
    line.kind === "text" &&
    next?.no === line.no &&
    fixes.unitStarts.some((s) => s.columnTo && line.no >= s.line && line.no <= s.columnTo);
  const notStarts = new Set(fixes.notUnitStarts);
  const forcedHeadings = new Map(fixes.headings.map((h) => [h.line, h]));
  const skipped = (no: number) => {
    const range = fixes.skip.find((r) => no >= r.from && no <= r.to);
    if (range) used.add(`skip ${range.from}-${range.to}`);
    return range !== undefined;
  };

  let department = "";
  let chiefArea = "";
  /** A department without a staffing table has one unit per chief area ("Alle"). */
  let chiefAreaAsWritten = "";
  let staffing: string[] | undefined;
  let knownUnits: string[] = [];
  let unit: ParsedUnit | undefined;
  let group = "";
  let task: ParsedTask | undefined;
  let lastLine = "";
  let atBlockStart = true;

  const finishTask = () => {
    if (task && unit) unit.tasks.push(task);
    else if (task) report.unplaced.push({ from: task.from, to: task.to, text: task.text });
    task = undefined;
  };
  const finishDepartment = () => {
    for (const name of knownUnits) {
      const seen = units.some((u) => u.department === department && u.name === rename(name));
      const isChiefArea = units.some(
        (u) => u.department === department && nameKey(u.chiefArea) === nameKey(rename(name)),
      );
      if (!seen && !isChiefArea) {
        report.unitsWithoutTasks.push({ department, name: rename(name) });
      }
    }
  };
  const startUnit = (name: string, no: number) => {
    finishTask();
    group = "";
    const display = rename(name);
    // A unit continues after a page break, where the OCR repeats its name.
    unit = units.find(
      (u) => u.department === department && u.chiefArea === chiefArea && u.name === display,
    );
    if (!unit) {
      unit = { department, chiefArea, name: display, from: no, to: no, tasks: [] };
      units.push(unit);
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CatalogueLine;
    if (line.kind === "blank" || skipped(line.no)) {
      atBlockStart = true;
      continue;
    }
    if (line.kind === "department") {
      finishTask();
      if (department) finishDepartment();
      department = rename(line.text);
      chiefArea = "";
      unit = undefined;
      staffing = [];
      knownUnits = [];
      atBlockStart = true;
      continue;
    }
    if (line.kind === "chiefArea") {
      finishTask();
      if (staffing) knownUnits = namesFor(unitNamesFromStaffingTable(staffing));
      staffing = undefined;
      chiefArea = rename(line.text);
      chiefAreaAsWritten = line.text;
      unit = undefined;
      atBlockStart = true;
      continue;
    }
    if (staffing) {
      staffing.push(line.text);
      continue;
    }

    let text = line.text;
    // Nothing left once a wrapped unit name was taken off, or only a note like "(generelt)".
    if (!text || /^\([^ )]+(?: [^ )]+)?\)$/.test(text)) continue;
    // Only the first part of a line split at an inline bullet can start a unit.
    const previous = lines[i - 1];
    const firstPart = !(previous?.no === line.no && previous.kind !== "blank");
    const forced = firstPart ? forcedStarts.get(line.no) : undefined;
    if (forced) used.add(`unitStarts ${line.no}`);
    if (inUnitColumn(line, lines[i + 1])) {
      if (forced) startUnit(forced.name, line.no);
      continue;
    }
    if (notStarts.has(line.no)) used.add(`notUnitStarts ${line.no}`);
    const found = forced
      ? { name: forced.name, strip: [forced.strip, 0] as const }
      : notStarts.has(line.no) || line.kind !== "text" || (!atBlockStart && wrapped(lastLine))
        ? undefined
        : unitAt(lines, i, knownUnits.length > 0 ? knownUnits : [chiefAreaAsWritten]);
    if (found) {
      startUnit(found.name, line.no);
      text = dropWords(text, found.strip[0]);
      const next = lines[i + 1];
      if (next && found.strip[1] > 0) next.text = dropWords(next.text, found.strip[1]);
      if (!text) {
        atBlockStart = true;
        continue;
      }
      // Beside the unit column, a short label heads the row: the task group.
      if (found.strip[0] > 0 && isLabel(text)) {
        finishTask();
        group = text.replace(/:$/, "");
        lastLine = text;
        atBlockStart = true;
        continue;
      }
    }
    if (unit) unit.to = line.no;

    const forcedHeading = forcedHeadings.get(line.no);
    if (forcedHeading) used.add(`headings ${line.no}`);
    const heading = forcedHeading
      ? (forcedHeading.name ?? text)
      : task && !atBlockStart && wrapped(lastLine)
        ? undefined
        : headingText(text, line.kind, lines, i);
    if (heading !== undefined) {
      finishTask();
      group = heading;
    } else if (
      task &&
      line.kind === "text" &&
      continuesTask(lastLine, text, atBlockStart)
    ) {
      task.text = joinWrapped(task.text, text);
      task.to = line.no;
    } else {
      finishTask();
      task = { group, text, from: line.no, to: line.no };
    }
    lastLine = text;
    atBlockStart = false;
  }
  finishTask();
  if (department) finishDepartment();
  const all = [
    ...fixes.unitStarts.map((f) => `unitStarts ${f.line}`),
    ...fixes.notUnitStarts.map((n) => `notUnitStarts ${n}`),
    ...fixes.headings.map((h) => `headings ${h.line}`),
    ...fixes.skip.map((r) => `skip ${r.from}-${r.to}`),
  ];
  report.unusedFixes = all.filter((fix) => !used.has(fix));
  return { units, report };
}

/**
 * The unit whose name starts line `i`. The unit column may wrap, so its name can
 * continue at the start of the next line ("Familiefagligt" / "Udviklingscenter");
 * `strip` says how many words of each line named the unit.
 */
function unitAt(
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

function dropWords(text: string, count: number): string {
  return text
    .split(" ")
    .slice(count)
    .join(" ")
    .replace(/^[,;:|°.\s]+/, "")
    .replace(BULLET_GLYPH, "");
}

/**
 * A line that ran to the edge of the table column, or stops mid-phrase, so the next
 * line continues it even when that starts with a name ("… besøg fra" / "Arbejdstilsynet").
 */
function wrapped(line: string): boolean {
  return (line.length >= WRAP_WIDTH && !/[.:!?)]$/.test(line)) || MID_PHRASE.test(line);
}

/** Short, capitalised and not a sentence: a label rather than a task. */
function isLabel(text: string): boolean {
  return (
    text.split(" ").length <= MAX_HEADING_WORDS && /^\p{Lu}/u.test(text) && !/[.,;]$/.test(text)
  );
}

/** A task-group heading: a short line that introduces the tasks below it. */
function headingText(
  text: string,
  kind: CatalogueLine["kind"],
  lines: readonly CatalogueLine[],
  i: number,
): string | undefined {
  if (kind !== "text") return undefined;
  const marked = /^(.*?)\s*\(overskrift\)$/i.exec(text);
  if (marked) return marked[1];
  if (!isLabel(text)) return undefined;
  if (text.endsWith(":")) return text.slice(0, -1).trim();
  const next = lines.slice(i + 1).find((l) => l.kind !== "blank");
  return next?.kind === "bullet" ? text : undefined;
}

/**
 * Whether a text line continues the task before it. The OCR lost many bullets, so a
 * list reads as lines separated by blank lines, some starting in lowercase
 * ("telefonbetjening" / "håndtering af henvendelser …"): a lowercase line continues
 * only a line of nearly full width, or when it starts with a word that cannot start a task.
 */
function continuesTask(previous: string, text: string, atBlockStart: boolean): boolean {
  if (wrapped(previous) || /^(?:[\d(]|(?:og|eller|samt|af|til|for|i|på|med)\s)/u.test(text)) {
    return true;
  }
  if (/^\p{Ll}/u.test(text)) return previous.length >= LOWERCASE_WRAP_WIDTH;
  return !atBlockStart && !/^\p{Lu}/u.test(text);
}

/** Joins a wrapped line, undoing hyphenation of a word split at the line end. */
function joinWrapped(before: string, after: string): string {
  // "Indenrigs-" / "og Sundhedsministeriet" keeps its hyphen: it stands for a word.
  const suspended = /^(?:og|eller|samt)\b/.test(after);
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(after) && !suspended) {
    return before.slice(0, -1) + after;
  }
  return `${before} ${after}`;
}
