import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { CONTACT_COLUMNS, type CsvContact, readContactsCsv } from "../import/contacts-csv.js";
import { ADDITIONS_SUFFIX, withContacts } from "../knowledge/additions-file.js";
import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem, hasErrors, type Problem } from "../knowledge/problem.js";
import type { Contact, Unit } from "../knowledge/schema.js";
import { UsageError } from "./cli-error.js";
import type { Output } from "./output.js";

export const importContactsUsage = `hvem import-contacts FIL.csv [--knowledge MAPPE]   tilføjer kontakter fra et udtræk fra HR eller medarbejderkataloget (kolonner: ${CONTACT_COLUMNS})`;

/**
 * `hvem import-contacts`: adds each row's contact to its unit's additions file, skipping
 * contacts the unit already has (same e-mail, or same name when there is no e-mail).
 * All or nothing: any bad row, or any problem the new files would give, and nothing is written.
 */
export async function importContactsCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { knowledge: { type: "string" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    out.line(importContactsUsage);
    return 0;
  }
  const [csvFile, ...rest] = positionals;
  if (!csvFile || rest.length > 0) throw new UsageError("skriv én CSV-fil: hvem import-contacts FIL.csv");
  const dir = values.knowledge ?? defaultKnowledgeDir();
  const knowledge = await loadKnowledge(dir);
  if (hasErrors(knowledge.problems)) return refuse(knowledge.problems, `${dir} har fejl; ret dem først (se hvem check ${dir}).`, out);
  const read = readContactsCsv(await readFile(csvFile, "utf8"), basename(csvFile), knowledge.units);
  if (read.problems.length > 0) return refuse(read.problems, `Intet er skrevet: ret rækkerne ovenfor i ${csvFile}.`, out);

  const { files, added, known } = await newAdditions(dir, knowledge.units, read.contacts);
  const check = await loadKnowledge(dir, files);
  const broken = check.problems.filter((p) => p.severity === "error" && files.has(p.file));
  if (broken.length > 0) return refuse(broken, "Intet er skrevet: kontakterne ville give fejl i vidensmappen.", out);
  if (files.size === 0) {
    out.line(`Ingen nye kontakter: alle ${known} fandtes allerede.`);
    return 0;
  }
  await writeAll(dir, files);
  out.line(
    `${added} kontakter tilføjet i ${files.size} filer${known > 0 ? `, ${known} fandtes allerede` : ""}:` +
      [...files.keys()].map((f) => `\n  ${f}`).join(""),
  );
  return 0;
}

/** Each touched additions file (path in the folder → its new text), and how many contacts were new or known. */
async function newAdditions(dir: string, units: readonly Unit[], rows: readonly CsvContact[]) {
  const files = new Map<string, string>();
  let added = 0;
  let known = 0;
  for (const unit of units) {
    const seen = new Set(unit.contacts.map(contactKey));
    const fresh: Contact[] = [];
    for (const { contact } of rows.filter((r) => r.unitId === unit.id)) {
      if (seen.has(contactKey(contact))) known++;
      else fresh.push(contact);
      seen.add(contactKey(contact));
    }
    if (fresh.length === 0) continue;
    const file = unit.file.replace(/\.md$/, ADDITIONS_SUFFIX);
    const text = await readFile(join(dir, file), "utf8").catch(() => undefined);
    files.set(file, withContacts(text, unit.id, fresh));
    added += fresh.length;
  }
  return { files, added, known };
}

function contactKey(c: Contact): string {
  return (c.email ?? c.name).toLocaleLowerCase("da");
}

/** Temporary files first, then renames: a failed write leaves the folder as it was. */
async function writeAll(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const temporary = [...files].map(([file, text]) => {
    const path = join(dir, file);
    return { path, text, temp: join(dirname(path), `.${basename(path)}.${process.pid}.tmp`) };
  });
  try {
    await Promise.all(temporary.map((t) => writeFile(t.temp, t.text)));
  } catch (error) {
    await Promise.all(temporary.map((t) => rm(t.temp, { force: true })));
    throw error;
  }
  for (const t of temporary) await rename(t.temp, t.path);
}

function refuse(problems: readonly Problem[], message: string, out: Output): number {
  for (const p of problems) out.error(formatProblem(p));
  out.error(message);
  return 1;
}
