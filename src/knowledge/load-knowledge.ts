/**
 * Reads a knowledge folder into validated records. Never throws for bad content:
 * every problem comes back with file, line and field, so a caller can refuse to
 * swap in a broken knowledge set and keep serving the old one.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { type Additions, ADDITIONS_SUFFIX, mergeAdditions, parseAdditionsFile } from "./additions-file.js";
import { CONTACTS_FILE, contactsFileProblems, type OrganisationContacts, parseContactsFile } from "./contacts-file.js";
import { parseMeetingFile } from "./meeting-file.js";
import type { Problem } from "./problem.js";
import type { Meeting, Unit } from "./schema.js";
import { parseSynonymsFile, type SynonymGroup } from "./synonyms-file.js";
import { parseUnitFile } from "./unit-file.js";
import { parseVocabularyFile, VOCABULARY_DIR, type VocabularyRuleEntry } from "./vocabulary-file.js";

export interface Knowledge {
  units: Unit[];
  meetings: Meeting[];
  synonyms: SynonymGroup[];
  /** One-way rules of the admin's vocabulary (`vocabulary/*.txt`). */
  rules: VocabularyRuleEntry[];
  /** Each organisation's own contacts (`contacts.yaml`), shown for a unit with none of its own. */
  organisationContacts: OrganisationContacts[];
  /** Content hash of every file read: changes exactly when the knowledge changes. */
  version: string;
  problems: Problem[];
}

export const SYNONYMS_FILE = "synonyms.txt";
/** Source documents and import fixes: inputs to `hvem import`, not knowledge. */
export const SOURCES_DIR = "sources";
const MEETING_SUFFIX = ".meeting.yaml";

/**
 * `replace` maps files (paths relative to `dir`, with /) to the text to read instead of
 * what is on disk, or to a new file: so a command can check what it is about to write.
 */
export async function loadKnowledge(dir: string, replace: ReadonlyMap<string, string> = new Map()): Promise<Knowledge> {
  const problems: Problem[] = [];
  const organisationContacts: OrganisationContacts[] = [];
  let units: Unit[] = [];
  const additions: Additions[] = [];
  const meetings: Meeting[] = [];
  const synonyms: SynonymGroup[] = [];
  const rules: VocabularyRuleEntry[] = [];
  const hash = createHash("sha256");

  let files: string[];
  try {
    files = await listFiles(dir);
    const added = [...replace.keys()].map((file) => join(dir, file)).filter((path) => !files.includes(path));
    files = [...files, ...added].sort();
  } catch (error) {
    problems.push({
      severity: "error",
      file: dir,
      message: `mappen kan ikke læses: ${reason(error)}`,
    });
    files = [];
  }
  const entries = files.map((path) => {
    const file = relative(dir, path).split(sep).join("/");
    const name = file.split("/").pop() ?? file;
    return { path, file, kind: file.startsWith(`${SOURCES_DIR}/`) ? "ignored" : fileKind(file, name) };
  });
  // Every file is read at once, then handled in order: one by one, waiting on the disk was
  // most of a cold start.
  const reads = new Map(
    entries
      .filter(({ kind }) => kind !== "ignored" && kind !== "unknown")
      .map(({ path, file }) => {
        const text = replace.get(file);
        return [path, text === undefined ? readBytes(path) : Promise.resolve(Buffer.from(text))] as const;
      }),
  );
  for (const { path, file, kind } of entries) {
    if (kind === "ignored") continue;
    if (kind === "unknown") {
      problems.push({
        severity: "warning",
        file,
        message: `filen bliver ikke læst: kun .md (enheder), ${ADDITIONS_SUFFIX} (tilføjelser til en enhed), ${MEETING_SUFFIX} (møder), ${CONTACTS_FILE} (organisationens kontakter), ${SYNONYMS_FILE} og ${VOCABULARY_DIR}/*.txt bruges; kildedokumenter hører til i ${SOURCES_DIR}/`,
      });
      continue;
    }
    const text = decodeText(await (reads.get(path) as ReturnType<typeof readBytes>), file, problems);
    if (text === undefined) continue;
    hash.update(file).update("\0").update(text).update("\0");
    if (text.trim() === "") {
      problems.push({ severity: "error", file, line: 1, message: "filen er tom" });
    } else if (kind === "synonyms") {
      const parsed = parseSynonymsFile(text, file);
      synonyms.push(...parsed.groups);
      problems.push(...parsed.problems);
    } else if (kind === "vocabulary") {
      const parsed = parseVocabularyFile(text, file);
      rules.push(...parsed.rules);
      problems.push(...parsed.problems);
    } else if (kind === "additions") {
      const parsed = parseAdditionsFile(text, file);
      if (parsed.additions) additions.push(parsed.additions);
      problems.push(...parsed.problems);
    } else if (kind === "contacts") {
      const parsed = parseContactsFile(text, file);
      if (parsed.contacts) organisationContacts.push(parsed.contacts);
      problems.push(...parsed.problems);
    } else if (kind === "meeting") {
      const parsed = parseMeetingFile(text, file);
      if (parsed.meeting) meetings.push(parsed.meeting);
      problems.push(...parsed.problems);
    } else {
      const parsed = parseUnitFile(text, file);
      if (parsed.unit) units.push(parsed.unit);
      problems.push(...parsed.problems);
    }
  }
  const merged = mergeAdditions(units, additions);
  units = merged.units;
  problems.push(
    ...merged.problems,
    ...crossFileProblems(units, meetings),
    ...contactsFileProblems(organisationContacts, units),
  );
  if (units.length === 0 && !problems.some((p) => p.severity === "error")) {
    problems.push({
      severity: "error",
      file: ".",
      message: "mappen indeholder ingen enheder (.md)",
    });
  }
  return { units, meetings, synonyms, rules, organisationContacts, version: hash.digest("hex").slice(0, 16), problems };
}

/** Whether a file (its path in the knowledge folder, with /) is one Hvem reads, and so one `hvem publish` publishes. */
export function isKnowledgeFile(file: string): boolean {
  const kind = fileKind(file, file.split("/").pop() ?? file);
  return !file.startsWith(`${SOURCES_DIR}/`) && kind !== "ignored" && kind !== "unknown";
}

function fileKind(file: string, name: string) {
  if (name.startsWith(".") || name.toLowerCase() === "readme.md") return "ignored";
  if (name === SYNONYMS_FILE) return "synonyms";
  if (name === CONTACTS_FILE) return "contacts";
  if (file.startsWith(`${VOCABULARY_DIR}/`) && name.endsWith(".txt")) return "vocabulary";
  if (name.endsWith(MEETING_SUFFIX)) return "meeting";
  if (name.endsWith(ADDITIONS_SUFFIX)) return "additions";
  if (name.endsWith(".md")) return "unit";
  return "unknown";
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A file's bytes, or why it could not be read. */
function readBytes(path: string): Promise<Buffer | { error: unknown }> {
  return readFile(path).catch((error: unknown) => ({ error }));
}

function decodeText(bytes: Buffer | { error: unknown }, file: string, problems: Problem[]) {
  if (!Buffer.isBuffer(bytes)) {
    problems.push({ severity: "error", file, message: `filen kan ikke læses: ${reason(bytes.error)}` });
    return undefined;
  }
  try {
    // A byte-order mark is harmless; editors on Windows add it.
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    problems.push({
      severity: "error",
      file,
      message:
        "filen er ikke gemt som UTF-8; gem den igen som UTF-8 (æ, ø og å bliver ellers forkerte)",
    });
    return undefined;
  }
}

function crossFileProblems(units: readonly Unit[], meetings: readonly Meeting[]): Problem[] {
  const problems: Problem[] = [];
  const idOwner = new Map<string, string>();
  for (const { id, file } of [...units, ...meetings]) {
    const other = idOwner.get(id);
    if (other !== undefined) {
      problems.push({
        severity: "error",
        file,
        field: "id",
        message: `id "${id}" bruges også i ${other}; hver enhed skal have sit eget id`,
      });
    } else idOwner.set(id, file);
  }
  problems.push(...sharedNames(units));
  const taskOwner = new Map<string, Unit>();
  for (const unit of units) {
    for (const task of unit.tasks) {
      const key = task.text.toLocaleLowerCase("da");
      const other = taskOwner.get(key);
      if (other && other.id !== unit.id) {
        problems.push({
          severity: "warning",
          file: task.file ?? unit.file,
          line: task.line,
          message: `samme opgavetekst står også i ${other.file} (${other.name}): "${clip(task.text)}"`,
        });
      } else if (!other) taskOwner.set(key, unit);
    }
  }
  return problems;
}

/** Two units of one organisation with the same name cannot be told apart on a card. */
function sharedNames(units: readonly Unit[]): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, Unit>();
  for (const unit of units) {
    const key = `${unit.organisation}\n${unit.name.toLocaleLowerCase("da")}`;
    const other = owner.get(key);
    if (other) {
      problems.push({
        severity: "error",
        file: unit.file,
        field: "name",
        message: `navnet "${unit.name}" bruges også af ${other.file} i ${unit.organisation}; giv enhederne navne man kan kende fra hinanden (fx "Sekretariatet, Sundhed og Omsorg") og sæt det korte navn under aliases`,
      });
    } else owner.set(key, unit);
  }
  return problems;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? String(error);
}
