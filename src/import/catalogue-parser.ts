/**
 * Second pass: turns classified catalogue lines into the hierarchy
 * department › chief area › unit › task group › task. The catalogue is a two-column
 * table flattened by OCR, so a unit is recognised by its name (from the department's
 * staffing table) at the start of a block; hand fixes cover what cannot be seen.
 */
import type { CatalogueLine } from "./catalogue-lines.js";
import type { ParsedTask, ParsedUnit, ParseReport } from "./parsed-catalogue.js";
import { type ImportFixes, indexFixes } from "./import-fixes.js";
import { unitNamesFromStaffingTable, unseenUnits } from "./staffing-table.js";
import {
  continuesTask,
  headingText,
  isColonLabel,
  isLabel,
  joinWrapped,
  rowLabel,
  wrapped,
} from "./text-layout.js";
import { columnPiece, dropWords, restOfName, takeColumn, unitAt } from "./unit-column.js";

/** A row label beside a repeated unit column is short; a longer text is the row's task. */
const MAX_ROW_LABEL_WORDS = 4;
/** Longest label beside a unit column the OCR lost that heads the row without bullets below. */
const MAX_LOST_COLUMN_LABEL_WORDS = 3;
/** How many source lines below its start a wrapped unit column may continue. */
const MAX_COLUMN_WRAP = 3;

export type { ParsedTask, ParsedUnit, ParseReport } from "./parsed-catalogue.js";

export function parseCatalogue(
  input: readonly CatalogueLine[],
  fixes: ImportFixes,
): { units: ParsedUnit[]; report: ParseReport } {
  // A copy, because a wrapped unit name is taken off the start of the next line.
  const lines = input.map((line) => ({ ...line }));
  const units: ParsedUnit[] = [];
  const report: ParseReport = { unplaced: [], unitsWithoutTasks: [], unusedFixes: [], lines: new Map() };
  /** A line holding a task is placed, whatever else it holds. */
  const mark = (no: number, what: string) => {
    if (report.lines.get(no) !== "task") report.lines.set(no, what);
  };
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
  const fix = indexFixes(fixes);
  const skipped = (no: number) => {
    const range = fix.skip(no);
    if (range) mark(no, range.reason);
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

  /** The heading in force while no task has come under it yet. */
  let openHeading:
    | { text: string; no: number; row: boolean; colon: boolean; before: string }
    | undefined;
  const finishTask = () => {
    if (task && unit) unit.tasks.push(task);
    else if (task) {
      report.unplaced.push({ from: task.from, to: task.to, text: task.text });
      for (let no = task.from; no <= task.to; no++) report.lines.delete(no);
    }
    task = undefined;
  };
  /**
   * A heading no task came under is a task itself: a row's label ("Sekretariatet |
   * Brugertilfredshedsundersøgelser") followed by the next row, or a line above a heading.
   * Only a heading ending in a colon heads the headings below it.
   */
  const closeHeading = () => {
    const open = openHeading;
    openHeading = undefined;
    if (!open || !unit) return;
    if (open.colon) return mark(open.no, "heading over headings");
    const { text, no } = open;
    unit.tasks.push({ group: open.row ? "" : open.before, text, from: no, to: no });
    mark(open.no, "task");
  };
  const setGroup = (heading: string, no: number, row: boolean, colon: boolean) => {
    finishTask();
    closeHeading();
    const before = group;
    group = heading.replace(/:$/, "").trim();
    openHeading = { text: group, no, row, colon: colon || heading.endsWith(":"), before };
    mark(no, "task group");
  };
  const finishDepartment = () => {
    const named = knownUnits.map(rename);
    const ofDepartment = units.filter((u) => u.department === department);
    report.unitsWithoutTasks.push(
      ...unseenUnits(named, ofDepartment).map((name) => ({ department, name })),
    );
  };
  /** The unit's name as its column shows it, and the rest of it a line above began. */
  let columnName = "";
  let pending = "";
  let pendingFrom = 0;
  const startUnit = (name: string, no: number) => {
    finishTask();
    closeHeading();
    group = "";
    columnName = name;
    pending = "";
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
    if (line.noise) mark(line.no, line.noise);
    if (line.kind === "blank" || skipped(line.no)) {
      atBlockStart = true;
      continue;
    }
    if (line.kind === "department" || line.kind === "chiefArea") {
      mark(line.no, line.kind === "department" ? "department heading" : "chief area heading");
      finishTask();
      closeHeading();
    }
    if (line.kind === "department") {
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
      mark(line.no, "staffing table");
      continue;
    }

    let text = line.text;
    // Nothing left once a wrapped unit name was taken off, or only a note like "(generelt)".
    if (!text || /^\([^ )]+(?: [^ )]+)?\)$/.test(text)) {
      mark(line.no, "unit name");
      continue;
    }
    // Only the first part of a line split at an inline bullet can start a unit.
    const previous = lines[i - 1];
    const firstPart = !(previous?.no === line.no && previous.kind !== "blank");
    const forced = firstPart ? fix.unitStart(line.no) : undefined;
    // Text before an inline bullet where a forced start says the unit column stands.
    if (line.kind === "text" && lines[i + 1]?.no === line.no && fix.inUnitColumn(line.no)) {
      if (forced) startUnit(forced.name, line.no);
      mark(line.no, "unit name");
      continue;
    }
    const found = forced
      ? { name: forced.name, strip: [forced.strip, 0] as const }
      : fix.notUnitStart(line.no) ||
          line.kind !== "text" ||
          // A table border before the name marks a new row even after a wrapped line.
          (!atBlockStart && wrapped(lastLine) && !line.unitColumn)
        ? undefined
        : unitAt(lines, i, knownUnits.length > 0 ? knownUnits : [chiefAreaAsWritten]);
    const repeated = found && unit?.name === rename(found.name) && !dropWords(text, found.strip[0]);
    if (found && repeated) {
      // The unit's name alone, repeated after a page break, keeps the group in force.
      mark(line.no, "unit name");
      const next = lines[i + 1];
      if (next && found.strip[1] > 0) takeColumn(next, found.strip[1]);
      continue;
    }
    if (found) {
      startUnit(found.name, line.no);
      const shown = line.unitColumn ?? text.split(" ").slice(0, found.strip[0]).join(" ");
      if (found.strip[1] === 0) pending = restOfName(found.name, shown);
      pendingFrom = line.no;
      text = dropWords(text, found.strip[0]);
      const next = lines[i + 1];
      if (next && found.strip[1] > 0) takeColumn(next, found.strip[1]);
      if (!text) {
        mark(line.no, "unit name");
        atBlockStart = true;
        continue;
      }
      // Beside the unit column, a short label heads the row: the task group.
      // Where the OCR lost the unit column (a forced start), only a label over bullets.
      const overBullets = lines.slice(i + 1).find((l) => l.kind !== "blank")?.kind === "bullet";
      // (a word or three, or a label over bullets: a longer line there is the row's first task).
      const rowLabelled = overBullets || text.split(" ").length <= MAX_LOST_COLUMN_LABEL_WORDS;
      if ((found.strip[0] > 0 || (forced && line.kind === "text" && rowLabelled)) && isLabel(text)) {
        setGroup(text, line.no, true, false);
        lastLine = text;
        atBlockStart = true;
        continue;
      }
      // "Løn Ferie og indefrosne feriemidler. Opgaverne løses …": the row's label, then its text.
      const label = found.strip[0] > 0 || forced ? rowLabel(text) : undefined;
      if (label) {
        setGroup(label, line.no, true, false);
        openHeading = undefined;
      }
    }
    // The column wraps onto the next line or two, not further.
    const nearby = line.no - pendingFrom <= MAX_COLUMN_WRAP ? pending : "";
    const piece =
      unit && !found && line.kind === "text" ? columnPiece(text, columnName, nearby) : undefined;
    if (piece) {
      pending = piece.rest;
      pendingFrom = line.no;
      if (piece.whole) {
        mark(line.no, "unit column");
        // "Ledelse ." is the column's last word beside the full stop of the task column.
        if (/[.:]$/.test(text) && task) lastLine = ".";
        continue;
      }
      text = dropWords(text, piece.strip);
      // A piece the name starts with opens a new row of the table.
      if (piece.rest) {
        finishTask();
        closeHeading();
        group = "";
        if (isLabel(text) && text.split(" ").length <= MAX_ROW_LABEL_WORDS) {
          setGroup(text, line.no, true, false);
          lastLine = text;
          atBlockStart = true;
          continue;
        }
        atBlockStart = true;
      }
    }
    if (unit) unit.to = line.no;

    const forcedHeading = fix.heading(line.no);
    const heading = forcedHeading
      ? (forcedHeading.name ?? text)
      : task && !atBlockStart && wrapped(lastLine) && !isColonLabel(text)
        ? undefined
        : headingText(text, line.kind, lines, i);
    if (heading !== undefined) {
      setGroup(heading, line.no, false, text.endsWith(":"));
    } else if (
      task &&
      line.kind === "text" &&
      continuesTask(lastLine, text, atBlockStart)
    ) {
      task.text = joinWrapped(task.text, text);
      task.to = line.no;
      mark(line.no, "task");
    } else {
      finishTask();
      openHeading = undefined;
      task = { group, text, from: line.no, to: line.no };
      mark(line.no, "task");
    }
    lastLine = text;
    atBlockStart = false;
  }
  finishTask();
  closeHeading();
  if (department) finishDepartment();
  report.unusedFixes = fix.unused();
  return { units, report };
}
