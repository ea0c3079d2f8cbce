/** Knowledge folders for tests: unit files as an admin writes them, in fresh temporary folders, and the CLI run in-process. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Output } from "../src/cli/output.js";
import { runCli } from "../src/cli/run-cli.js";

interface Place {
  organisation: string;
  department: string;
  chiefArea: string;
  /** The task group heading over the tasks. */
  group: string;
}

const BYG: Place = {
  organisation: "Randers Kommune",
  department: "Udvikling, Miljø og Teknik",
  chiefArea: "Plan, By og Natur",
  group: "Byggesagsbehandling",
};

/** A unit file: front matter, then the tasks as bullets under one heading. */
export function unitFile(id: string, tasks: string[] = ["Byggeansøgninger"], name = "Byg", place: Partial<Place> = {}): string {
  const { organisation, department, chiefArea, group } = { ...BYG, ...place };
  return [
    "---",
    `id: ${id}`,
    `name: ${name}`,
    `organisation: ${organisation}`,
    `department: ${department}`,
    `chiefArea: ${chiefArea}`,
    "source:",
    "  document: katalog.txt",
    "---",
    "",
    `## ${group}`,
    "",
    ...tasks.map((t) => `- ${t}`),
    "",
  ].join("\n");
}

const folders: string[] = [];

/** A fresh folder holding `files` (path → text or raw bytes); removed by `removeKnowledgeFolders`. */
export async function knowledgeFolder(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvem-knowledge-"));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export async function removeKnowledgeFolders(): Promise<void> {
  await Promise.all(folders.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Runs `hvem …` in this process and collects what it printed. */
export async function runHvem(...argv: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const out: Output = { line: (t) => lines.push(t), error: (t) => errors.push(t) };
  const code = await runCli(argv, out);
  return { code, stdout: lines.join("\n"), stderr: errors.join("\n") };
}
