/**
 * An organisation's own contacts (`<org-folder>/contacts.yaml`): a switchboard or shared
 * mailbox for the whole organisation and for each chief area, shown when a unit has no
 * contact of its own. Written by an admin only: no importer writes it, and it starts empty.
 */
import { z } from "zod/v4";
import type { Problem } from "./problem.js";
import { contactSchema, type Contact, type Unit } from "./schema.js";
import { parseYaml } from "./yaml-source.js";

export const CONTACTS_FILE = "contacts.yaml";

export const contactsFileSchema = z.strictObject({
  organisation: z
    .string()
    .trim()
    .min(1, "organisation må ikke være tom")
    .describe("The organisation, exactly as in its unit files, e.g. Randers Kommune."),
  contacts: z
    .array(contactSchema)
    .nullable()
    .default([])
    .transform((c) => c ?? [])
    .describe("Whom to contact in the organisation as a whole, e.g. the switchboard."),
  chiefAreas: z
    .record(z.string().trim().min(1, "chefområdets navn må ikke være tomt"), z.array(contactSchema))
    .nullable()
    .default({})
    .transform((c) => c ?? {})
    .describe("Chief-area name (as in the unit files' chiefArea) → whom to contact there."),
});

export type OrganisationContacts = z.infer<typeof contactsFileSchema> & { file: string; text: string };

/** Where a contact shown for a unit comes from, when not from the unit itself. */
export type ContactRoute = "chiefArea" | "organisation";

export function parseContactsFile(
  text: string,
  file: string,
): { contacts: OrganisationContacts | undefined; problems: Problem[] } {
  const parsed = parseYaml(text, contactsFileSchema, file);
  return { contacts: parsed.value && { ...parsed.value, file, text }, problems: parsed.problems };
}

/**
 * The contacts above a place: its chief area's if there are any, else its organisation's,
 * each marked with where it comes from. Empty when an admin has filled in neither.
 */
export function routeContacts(
  place: { organisation: string; chiefArea: string },
  all: readonly OrganisationContacts[],
): (Contact & { via: ContactRoute })[] {
  const own = all.find((c) => c.organisation === place.organisation);
  if (!own) return [];
  const chiefArea = own.chiefAreas[place.chiefArea] ?? [];
  if (chiefArea.length > 0) return chiefArea.map((c) => ({ ...c, via: "chiefArea" }));
  return own.contacts.map((c) => ({ ...c, via: "organisation" }));
}

/** A contacts file that names an organisation or chief area no unit has would never be shown. */
export function contactsFileProblems(all: readonly OrganisationContacts[], units: readonly Unit[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const contacts of all) {
    const other = seen.get(contacts.organisation);
    const lineOfKey = (key: string) =>
      contacts.text.split(/\r?\n/).findIndex((l) => l.trimStart().startsWith(key)) + 1 || 1;
    if (other !== undefined) {
      problems.push({
        severity: "error",
        file: contacts.file,
        line: lineOfKey("organisation:"),
        field: "organisation",
        message: `${contacts.organisation} har også kontakter i ${other}; saml dem i én fil`,
      });
      continue;
    }
    seen.set(contacts.organisation, contacts.file);
    const own = units.filter((u) => u.organisation === contacts.organisation);
    if (own.length === 0) {
      problems.push({
        severity: "warning",
        file: contacts.file,
        line: lineOfKey("organisation:"),
        field: "organisation",
        message: `ingen enhed hører til "${contacts.organisation}"; skriv organisationen som i enhedsfilerne`,
      });
      continue;
    }
    const chiefAreas = new Set(own.map((u) => u.chiefArea));
    for (const name of Object.keys(contacts.chiefAreas).filter((n) => !chiefAreas.has(n))) {
      problems.push({
        severity: "warning",
        file: contacts.file,
        line: lineOfKey(`${name}:`),
        field: `chiefAreas.${name}`,
        message: `${contacts.organisation} har intet chefområde "${name}"; skriv navnet som under chiefArea i enhedsfilerne`,
      });
    }
  }
  return problems;
}
