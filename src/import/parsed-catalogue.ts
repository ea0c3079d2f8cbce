/** What the catalogue parser makes of a catalogue: units with their tasks, and a report. */
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
  /** What became of each source line that is not blank: "task", "task group", or why it was skipped. */
  lines: Map<number, string>;
}
