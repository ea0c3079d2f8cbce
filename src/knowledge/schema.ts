/**
 * The single definition of every knowledge record. Types are inferred from these
 * schemas; the `.describe()` texts are the reference for admins and appear in
 * `hvem check` messages.
 */
import { z } from "zod/v4";

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} må ikke være tom`);

/** Where a record came from: the source document and the lines (or page) it was taken from. */
export const sourceSchema = z
  .strictObject({
    document: nonEmpty("document").describe("File name of the source document, e.g. a seed file."),
    lines: z
      .string()
      .regex(/^\d+(-\d+)?$/, "lines skal være et linjenummer eller et interval som 120-184")
      .optional()
      .describe("Line or line range in the source document, e.g. 120-184."),
    page: z.number().int().positive().optional().describe("Page or slide number, when known."),
    note: z.string().optional().describe("Free text, e.g. what was fixed by hand."),
  })
  .describe("Where the record was taken from.");

export const contactSchema = z
  .strictObject({
    name: nonEmpty("name").describe("The person's or mailbox's name, as written in the source."),
    role: z.string().optional().describe("Job title or what to contact them about."),
    email: z.email("email er ikke en gyldig e-mailadresse").optional().describe("E-mail address."),
    phone: z
      .string()
      .regex(/^\+?[\d ]{8,15}$/, "phone skal være et telefonnummer, fx 89 59 10 00")
      .optional()
      .describe("Phone number, digits and spaces."),
  })
  .describe("Someone to contact about the unit's tasks.");

/** Identifiers are lowercase slugs separated by `/`, so they are stable and URL-safe. */
export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
    "id må kun indeholde små bogstaver a-z, tal, - og /",
  );

/** Front matter of a unit file (`*.md`); the tasks are in the Markdown body. */
export const unitFrontMatterSchema = z.strictObject({
  id: idSchema.describe("Stable, unique id, e.g. randers/umt/plan-by-og-natur/byg."),
  name: nonEmpty("name").describe("The unit's name in correct Danish."),
  organisation: nonEmpty("organisation").describe("Municipality, e.g. Randers Kommune."),
  department: nonEmpty("department").describe("Forvaltningsområde (department)."),
  chiefArea: nonEmpty("chiefArea").describe("Chefområde (chief area)."),
  aliases: z
    .array(nonEmpty("alias"))
    .default([])
    .describe("Other names and keywords people use for this unit."),
  contacts: z.array(contactSchema).default([]).describe("Who to contact."),
  crossCutting: z
    .boolean()
    .default(false)
    .describe(
      "True for tasks every unit does itself (e.g. 'Tværgående'): such a unit ranks below a unit that specialises in the task.",
    ),
  source: sourceSchema,
});

export const taskSchema = z.strictObject({
  group: z.string().describe("Task-group heading the task stands under ('' when none)."),
  text: nonEmpty("text").describe("The full task description."),
  line: z.number().int().positive().describe("Line of the task in its knowledge file."),
  file: z
    .string()
    .optional()
    .describe("File the task was written in, when not the unit's own (an admin's additions)."),
});

export const unitSchema = unitFrontMatterSchema.extend({
  tasks: z.array(taskSchema),
  file: z.string().describe("Knowledge file the unit was read from, relative to the folder."),
});

export const meetingItemSchema = z.strictObject({
  number: z.number().int().positive().describe("Item number on the agenda (Punkt)."),
  title: nonEmpty("title").describe("Title of the agenda item."),
  presenter: z.string().optional().describe("Who presented the item ('v. …')."),
  journalNumber: z
    .string()
    .regex(
      /^\d{2}\.\d{2}\.\d{2}-[A-Z]\d{2}-\d+-\d{2}$/,
      "journalNumber skal ligne 81.38.04-A00-2-21",
    )
    .optional()
    .describe("KLE-style journal number."),
  summary: z.string().optional().describe("Resume: what the item is about."),
  decision: z.string().optional().describe("Beslutning/referat: what was decided."),
  source: sourceSchema.omit({ document: true }).optional(),
});

/** A meeting file (`*.meeting.yaml`): one meeting of a committee with its agenda items. */
export const meetingFileSchema = z.strictObject({
  id: idSchema.describe("Stable, unique id of the meeting."),
  organisation: nonEmpty("organisation"),
  department: nonEmpty("department").describe("Owning department, for placing answers."),
  chiefArea: nonEmpty("chiefArea"),
  committee: nonEmpty("committee").describe("Committee name, e.g. Hovedudvalg."),
  date: z.iso.date("date skal være en dato som 2022-12-14"),
  location: z.string().optional(),
  source: sourceSchema,
  items: z
    .array(meetingItemSchema)
    .min(1, "et møde skal have mindst ét punkt")
    .refine(
      (items) => new Set(items.map((i) => i.number)).size === items.length,
      "to punkter har samme nummer; hvert punkt skal have sit eget nummer",
    ),
});

export const meetingSchema = meetingFileSchema.extend({
  file: z.string().describe("Knowledge file the meeting was read from, relative to the folder."),
});

export type Source = z.infer<typeof sourceSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Task = z.infer<typeof taskSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type UnitFrontMatter = z.infer<typeof unitFrontMatterSchema>;
export type MeetingItem = z.infer<typeof meetingItemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
