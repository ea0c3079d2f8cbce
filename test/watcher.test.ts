/**
 * The knowledge watcher under the file-system events an operator causes: a sub-folder
 * deleted and restored over and over by another process while it is watched, the
 * whole folder replaced (a download moved into place), files replaced by new ones (a
 * git branch switch, rsync). The process stays up and later edits are still reindexed.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createKnowledgeService, type KnowledgeService } from "../src/service/knowledge-service.js";
import { watchKnowledge } from "../src/service/knowledge-watcher.js";

const unit = (id: string, tasks: string[]) =>
  `---\nid: ${id}\nname: ${id}\norganisation: Testkommune\ndepartment: Teknik\nchiefArea: Veje\nsource:\n  document: t.txt\n---\n\n${tasks.map((t) => `- ${t}`).join("\n")}\n`;

/** A folder with one organisation of nested unit files, like knowledge/<org>/<department>/. */
async function knowledgeDir(task: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvem-watch-"));
  for (let d = 0; d < 6; d++) {
    await mkdir(join(dir, "org", `department-${d}`), { recursive: true });
    for (let u = 0; u < 4; u++) {
      await writeFile(join(dir, "org", `department-${d}`, `unit-${u}.md`), unit(`t/unit-${d}-${u}`, [`Opgave ${d} ${u}`]));
    }
  }
  await writeFile(join(dir, "veje.md"), unit("t/veje", [task]));
  return dir;
}

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function serveWatched(dir: string) {
  const created = await createKnowledgeService(dir);
  if (!created.ok) throw new Error("knowledge has errors");
  const service = created.service;
  const events = { reattached: 0, errors: 0 };
  const watcher = watchKnowledge(dir, () => void service.reindex(), {
    debounceMs: 50,
    checkMs: 100,
    onReattach: () => events.reattached++,
    onError: () => events.errors++,
  });
  closers.push(() => watcher.close());
  return { service, events };
}

const answersFor = (service: KnowledgeService, question: string) =>
  service.searcher().ask(question).answers.map((a) => a.unitId);

async function waitUntil(condition: () => boolean, what: string, ms = 5000) {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("watching the knowledge folder", () => {
  it("survives a sub-folder deleted and restored 40 times by another process, and still reindexes an edit", async () => {
    const dir = await knowledgeDir("Gravetilladelser");
    const backup = await mkdtemp(join(tmpdir(), "hvem-watch-backup-"));
    await cp(join(dir, "org"), join(backup, "org"), { recursive: true });
    const { service } = await serveWatched(dir);

    // Another process copies and deletes while Node is still scanning what it copied.
    const script = `for i in $(seq 1 40); do cp -r "$1/org" "$2/" & sleep 0.0$((i % 4)); rm -rf "$2/org"; wait $!; done; cp -r "$1/org" "$2/"`;
    await promisify(execFile)("sh", ["-c", script, "sh", backup, dir]);

    await writeFile(join(dir, "veje.md"), unit("t/veje", ["Gravetilladelser", "Hundeluftning i parker"]));
    await waitUntil(() => answersFor(service, "hundeluftning").includes("t/veje"), "the edit after the deletions");
    expect(service.status().units).toBe(25);
  }, 30_000);

  it("follows a folder replaced whole, and reindexes edits made in the new one", async () => {
    const dir = await knowledgeDir("Gravetilladelser");
    const { service, events } = await serveWatched(dir);

    // Replaced by a different folder moved into place, as a checkout or a download does.
    const replacement = await knowledgeDir("Snerydning");
    await rm(dir, { recursive: true });
    await rename(replacement, dir);
    await waitUntil(() => answersFor(service, "snerydning").includes("t/veje"), "the replaced folder's knowledge");

    await writeFile(join(dir, "veje.md"), unit("t/veje", ["Snerydning", "Hundeluftning i parker"]));
    await waitUntil(() => answersFor(service, "hundeluftning").includes("t/veje"), "an edit in the new folder");
    expect(events.reattached).toBeGreaterThan(0);

    // Deleted outright, then restored with cp: followed again.
    await rm(dir, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const restored = await knowledgeDir("Fortovsrenhold");
    await cp(restored, dir, { recursive: true });
    await waitUntil(() => answersFor(service, "fortovsrenhold").includes("t/veje"), "the restored folder");
    await writeFile(join(dir, "veje.md"), unit("t/veje", ["Fortovsrenhold", "Skadedyr"]));
    await waitUntil(() => answersFor(service, "skadedyr").includes("t/veje"), "an edit in the restored folder");
  }, 30_000);

  it("sees edits to a file that was replaced by a new one (as git checkout and rsync write files)", async () => {
    const dir = await knowledgeDir("Gravetilladelser");
    const { service } = await serveWatched(dir);
    const file = join(dir, "org", "department-0", "unit-0.md");
    for (const [i, task] of ["Snerydning", "Fortovsrenhold"].entries()) {
      // Written beside and renamed over: the file at the path is a new one.
      await writeFile(`${file}.tmp`, unit("t/unit-0-0", [task]));
      await rename(`${file}.tmp`, file);
      await waitUntil(() => answersFor(service, task).includes("t/unit-0-0"), `replacement ${i + 1}`);
    }
    // Then edited in place, as an editor does.
    await writeFile(file, unit("t/unit-0-0", ["Skadedyr"]));
    await waitUntil(() => answersFor(service, "skadedyr").includes("t/unit-0-0"), "the edit after the replacements");
  });
});
