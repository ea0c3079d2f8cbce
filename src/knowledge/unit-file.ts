/**
 * A unit file is Markdown with YAML front matter: the front matter says who the unit
 * is and where it sits, the body lists its tasks under `##` task-group headings.
 * Each list item (`- …`) or paragraph is one task; a line indented under a list item
 * continues it.
 */
import { stringify } from "yaml";
import type { Problem } from "./problem.js";
import { type Task, type Unit, type UnitFrontMatter, unitFrontMatterSchema } from "./schema.js";
import { parseYaml } from "./yaml-source.js";

const FENCE = "---";

export function parseUnitFile(
  text: string,
  file: string,
): { unit: Unit | undefined; problems: Problem[] } {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== FENCE) {
    return fail(file, 1, "filen skal starte med front matter: en linje med --- øverst");
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === FENCE);
  if (end < 0) return fail(file, 1, "front matter er ikke afsluttet med en linje med ---");

  const parsed = parseYaml(lines.slice(1, end).join("\n"), unitFrontMatterSchema, file, 2);
  const body = parseTasks(lines, end + 1, file);
  const problems = [...parsed.problems, ...body.problems];
  if (!parsed.value) return { unit: undefined, problems };
  if (body.tasks.length === 0) {
    // A unit with contacts but no tasks can still route people; one with neither is empty.
    const empty = parsed.value.contacts.length === 0;
    problems.push({
      severity: empty ? "error" : "warning",
      file,
      line: end + 1,
      field: "tasks",
      message: `${empty ? "tom enhed: hverken opgaver eller kontakter" : "enheden har ingen opgaver"}; skriv opgaver som '- …' under en ## overskrift`,
    });
  }
  return { unit: { ...parsed.value, tasks: body.tasks, file }, problems };
}

function fail(file: string, line: number, message: string) {
  return { unit: undefined, problems: [{ severity: "error", file, line, message } as Problem] };
}

/** Reads tasks from the body, which starts at 0-based line index `start`. */
function parseTasks(lines: readonly string[], start: number, file: string) {
  const tasks: Task[] = [];
  const problems: Problem[] = [];
  let group = "";
  let current: { text: string[]; line: number } | undefined;
  let inComment = false;
  const flush = () => {
    if (current) tasks.push({ group, text: current.text.join(" ").trim(), line: current.line });
    current = undefined;
  };
  for (let i = start; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    if (inComment || line.startsWith("<!--")) {
      // Comments, over one line or several, are admins' notes and never become tasks.
      inComment = !line.includes("-->");
    } else if (line === "") {
      flush();
    } else if (line === FENCE) {
      problems.push({ severity: "error", file, line: i + 1, message: "--- igen i brødteksten" });
    } else if (heading) {
      flush();
      group = (heading[1] ?? "").trim();
    } else if (bullet) {
      flush();
      current = { text: [bullet[1] ?? ""], line: i + 1 };
    } else if (current) {
      current.text.push(line);
    } else {
      current = { text: [line], line: i + 1 };
    }
  }
  flush();
  return { tasks, problems };
}

/** Writes a unit as a file that `parseUnitFile` reads back to the same unit. */
export function formatUnitFile(
  unit: Omit<UnitFrontMatter, "crossCutting"> & {
    crossCutting?: boolean;
    tasks: readonly Omit<Task, "line">[];
  },
) {
  const { tasks, ...front } = unit;
  const meta: Record<string, unknown> = { ...front };
  for (const key of ["aliases", "contacts"] as const) {
    if (Array.isArray(meta[key]) && (meta[key] as unknown[]).length === 0) delete meta[key];
  }
  if (meta.crossCutting === false) delete meta.crossCutting;
  const out = [FENCE, stringify(meta, { lineWidth: 0 }).trimEnd(), FENCE];
  let group: string | undefined;
  for (const task of tasks) {
    if (task.group !== group) {
      group = task.group;
      if (group) out.push("", `## ${group}`);
      out.push("");
    }
    out.push(`- ${task.text}`);
  }
  return `${out.join("\n")}\n`;
}
