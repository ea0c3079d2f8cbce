/**
 * An admin's additions to a unit (`*.additions.yaml`): aliases, contacts and tasks kept
 * in a file of their own, merged into the unit at load. An import rewrites the unit
 * files it made from a catalogue, never these, so nothing an admin adds is lost.
 */
import { z } from "zod/v4";
import type { Problem } from "./problem.js";
import { isSeq, parseDocument } from "yaml";
import { type Contact, contactSchema, idSchema, type Unit } from "./schema.js";
import { parseYaml } from "./yaml-source.js";

export const ADDITIONS_SUFFIX = ".additions.yaml";

export const additionsFileSchema = z.strictObject({
  unit: idSchema.describe("Id of the unit the additions belong to (its front matter `id`)."),
  aliases: z
    .array(z.string().trim().min(1, "alias må ikke være tom"))
    .default([])
    .describe("More names people use for the unit."),
  contacts: z.array(contactSchema).default([]).describe("More people to contact."),
  tasks: z
    .array(
      z.strictObject({
        group: z.string().default("").describe("Task-group heading ('' when none)."),
        text: z.string().trim().min(1, "text må ikke være tom").describe("The task."),
      }),
    )
    .default([])
    .describe("Tasks the unit file does not list."),
});

export type Additions = z.infer<typeof additionsFileSchema> & { file: string; text: string };

export function parseAdditionsFile(
  text: string,
  file: string,
): { additions: Additions | undefined; problems: Problem[] } {
  const parsed = parseYaml(text, additionsFileSchema, file);
  return { additions: parsed.value && { ...parsed.value, file, text }, problems: parsed.problems };
}

/** The units with every additions file merged into the unit it names. */
export function mergeAdditions(
  units: readonly Unit[],
  all: readonly Additions[],
): { units: Unit[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const merged = units.map((u) => ({ ...u }));
  for (const additions of all) {
    const unit = merged.find((u) => u.id === additions.unit);
    if (!unit) {
      problems.push({
        severity: "error",
        file: additions.file,
        line: lineOf(additions.text, "unit:"),
        field: "unit",
        message: `der er ingen enhed med id "${additions.unit}"; brug id'et fra enhedsfilens front matter`,
      });
      continue;
    }
    unit.aliases = [...new Set([...unit.aliases, ...additions.aliases])];
    unit.contacts = [...unit.contacts, ...additions.contacts];
    unit.tasks = [
      ...unit.tasks,
      ...additions.tasks.map((t) => ({ ...t, line: lineOf(additions.text, t.text), file: additions.file })),
    ];
  }
  return { units: merged, problems };
}

/** The first line holding `needle`, so a record can cite where an added task was written. */
function lineOf(text: string, needle: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.includes(needle));
  return index + 1 || 1;
}

/**
 * An additions file's text with `contacts` appended: a new file for the unit when there is
 * none, else the admin's file with its comments and order kept.
 */
export function withContacts(text: string | undefined, unitId: string, contacts: readonly Contact[]): string {
  const doc = parseDocument(text ?? `unit: ${unitId}\n`);
  // `contacts: []` is a flow sequence; a new block one reads better once it has entries.
  const existing = doc.get("contacts", true);
  const list = isSeq(existing) && existing.items.length > 0 ? existing : doc.createNode([]);
  for (const contact of contacts) list.add(doc.createNode(contact));
  doc.set("contacts", list);
  return doc.toString();
}
