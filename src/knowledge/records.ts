/**
 * The flat view of the knowledge: one record per task, contact and meeting item,
 * each carrying where it sits. `hvem export` prints these, and the search index is
 * built from them.
 */
import { z } from "zod/v4";
import { createHash } from "node:crypto";
import type { Knowledge } from "./load-knowledge.js";
import { slugify } from "./slug.js";

const placeFields = {
  id: z
    .string()
    .describe(
      "Stable record id: the unit id, '#' and what the record is (a task's text, a contact's name, an item's number), so it does not move when other records are added or removed.",
    ),
  organisation: z.string(),
  department: z.string(),
  chiefArea: z.string(),
  unit: z.string().describe("Display name of the unit (or committee) the record belongs to."),
  unitId: z.string(),
  taskGroup: z.string().describe("Task group ('' when none); 'Punkt N' for meeting items."),
  text: z.string().describe("The searchable text: task description, contact or item title."),
  source: z.strictObject({ file: z.string(), line: z.number().optional() }),
};

export const recordSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("task"), ...placeFields }),
  z.strictObject({
    kind: z.literal("contact"),
    ...placeFields,
    name: z.string(),
    role: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("meetingItem"),
    ...placeFields,
    date: z.string(),
    number: z.number(),
    presenter: z.string().optional(),
    journalNumber: z.string().optional(),
    summary: z.string().optional(),
    decision: z.string().optional(),
  }),
]);

export type KnowledgeRecord = z.infer<typeof recordSchema>;

export function toRecords(knowledge: Pick<Knowledge, "units" | "meetings">): KnowledgeRecord[] {
  const records: KnowledgeRecord[] = [];
  for (const unit of knowledge.units) {
    const place = {
      organisation: unit.organisation,
      department: unit.department,
      chiefArea: unit.chiefArea,
      unit: unit.name,
      unitId: unit.id,
    };
    const taken = new Set<string>();
    /** The first free id of `base`, `base-2`, …: a unit may list the same task twice. */
    const unique = (base: string) => {
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      return id;
    };
    unit.tasks.forEach((task) => {
      records.push({
        kind: "task",
        id: unique(`${unit.id}#${digest(`${task.group}\n${task.text}`)}`),
        ...place,
        taskGroup: task.group,
        text: task.text,
        source: { file: task.file ?? unit.file, line: task.line },
      });
    });
    unit.contacts.forEach((contact) => {
      records.push({
        kind: "contact",
        id: unique(`${unit.id}#kontakt-${slugify(contact.name)}`),
        ...place,
        taskGroup: "",
        text: [contact.name, contact.role].filter(Boolean).join(", "),
        ...contact,
        source: { file: unit.file },
      });
    });
  }
  for (const meeting of knowledge.meetings) {
    for (const item of meeting.items) {
      records.push({
        kind: "meetingItem",
        id: `${meeting.id}#punkt-${item.number}`,
        organisation: meeting.organisation,
        department: meeting.department,
        chiefArea: meeting.chiefArea,
        unit: meeting.committee,
        unitId: meeting.id,
        taskGroup: `Punkt ${item.number}`,
        text: item.title,
        date: meeting.date,
        number: item.number,
        presenter: item.presenter,
        journalNumber: item.journalNumber,
        summary: item.summary,
        decision: item.decision,
        source: { file: meeting.file },
      });
    }
  }
  return records;
}

/** A short fingerprint of a task's group and text. */
function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
