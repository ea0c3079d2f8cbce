/**
 * Reindex without downtime: questions are answered continuously while knowledge
 * files change (valid and invalid edits, a deleted file, a half-written file).
 * Every answer comes from a complete index, the version only moves forward, and a
 * valid edit is visible within 2 seconds. Snapshots load, and damaged ones are rebuilt.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createKnowledgeService, type KnowledgeService } from "../src/service/knowledge-service.js";
import { watchKnowledge } from "../src/service/knowledge-watcher.js";
import { unitFile } from "./knowledge-fixtures.js";

const unit = (id: string, name: string, tasks: string[]) =>
  unitFile(id, tasks, name, { organisation: "Testkommune", department: "Teknik", chiefArea: "Veje", group: "Opgaver" });

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function knowledgeDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvem-reindex-"));
  await writeFile(join(dir, "veje.md"), unit("t/veje", "Veje", ["Gravetilladelser", "Vintertjeneste og snerydning"]));
  await writeFile(join(dir, "byg.md"), unit("t/byg", "Byg", ["Byggeansøgninger"]));
  return dir;
}

async function serve(dir: string, snapshotDir?: string, worker = false): Promise<KnowledgeService> {
  const created = await createKnowledgeService(dir, snapshotDir ? { snapshotDir, worker } : { worker });
  if (!created.ok) throw new Error("knowledge has errors");
  const service = created.service;
  const watcher = watchKnowledge(dir, () => void service.reindex(), { debounceMs: 50 });
  closers.push(() => watcher.close());
  return service;
}

/** Asks a question every few ms until `until` says stop; records what each answer came from. */
function keepAsking(service: KnowledgeService) {
  const seen: { version: string; units: string[] }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const searcher = service.searcher();
      const result = searcher.ask("hvem tager sig af hundeluftning og gravetilladelser?");
      seen.push({ version: searcher.version, units: result.answers.map((a) => a.unitId) });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function waitUntil(condition: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}

describe("reindex while answering", () => {
  it("swaps only complete, valid indexes; edits show within 2 s; the version only moves forward", async () => {
    const dir = await knowledgeDir();
    const service = await serve(dir);
    const asking = keepAsking(service);
    const answers = () => service.searcher().ask("hundeluftning").answers.map((a) => a.unitId);

    // A valid edit: a new task appears.
    await writeFile(join(dir, "veje.md"), unit("t/veje", "Veje", ["Gravetilladelser", "Hundeluftning i parker"]));
    const visibleAfter = await waitUntil(() => answers().includes("t/veje"), 2000);
    expect(visibleAfter).toBeLessThan(2000);
    const afterValid = service.status().version;

    // A half-written file, then broken YAML: refused, the previous index keeps serving.
    await writeFile(join(dir, "byg.md"), "---\nid: t/byg\nname: Byg\n");
    await waitUntil(() => service.status().refused !== undefined, 2000);
    await writeFile(join(dir, "byg.md"), "---\nid: [t/byg\n---\n- x\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(service.status().version).toBe(afterValid);
    expect(service.status().refused?.problems.some((p) => p.file === "byg.md")).toBe(true);
    expect(answers()).toContain("t/veje");

    // The file completed, then deleted: each a new version.
    await writeFile(join(dir, "byg.md"), unit("t/byg", "Byg", ["Byggeansøgninger", "Hundeluftning på byggepladser"]));
    await waitUntil(() => answers().includes("t/byg"), 2000);
    await rm(join(dir, "byg.md"));
    await waitUntil(() => !answers().includes("t/byg"), 2000);

    await asking.stop();
    expect(asking.seen.length).toBeGreaterThan(20);
    // Every answer names only units of the version it came from, and versions never return.
    const order: string[] = [];
    for (const { version } of asking.seen) if (order.at(-1) !== version) order.push(version);
    expect(new Set(order).size).toBe(order.length);
    expect(order.length).toBeGreaterThanOrEqual(3);
  });
});

describe("index snapshots", () => {
  it("saves the index, loads it on the next start, and rebuilds a damaged one", async () => {
    const dir = await knowledgeDir();
    const snapshots = await mkdtemp(join(tmpdir(), "hvem-snapshots-"));
    const first = await serve(dir, snapshots);
    expect(first.status().fromSnapshot).toBe(false);
    const [file] = await readdir(snapshots);
    expect(file).toBe(`index-${first.status().version}.json`);

    const second = await serve(dir, snapshots);
    expect(second.status().fromSnapshot).toBe(true);
    expect(second.searcher().ask("gravetilladelser")).toEqual(first.searcher().ask("gravetilladelser"));

    await writeFile(join(snapshots, file as string), '{"version":"truncated');
    const third = await serve(dir, snapshots);
    expect(third.status().fromSnapshot).toBe(false);
    expect(third.searcher().ask("gravetilladelser").answers[0]?.unitId).toBe("t/veje");
  });

  it("replaces a damaged snapshot when building in a worker, so the next start loads it", async () => {
    const dir = await knowledgeDir();
    const snapshots = await mkdtemp(join(tmpdir(), "hvem-snapshots-"));
    const first = await serve(dir, snapshots, true);
    const [file] = await readdir(snapshots);
    await writeFile(join(snapshots, file as string), '{"version":"truncated');
    const rebuilt = await serve(dir, snapshots, true);
    expect(rebuilt.status().fromSnapshot).toBe(false);
    const next = await serve(dir, snapshots, true);
    expect(next.status().fromSnapshot).toBe(true);
    expect(next.searcher().ask("gravetilladelser")).toEqual(first.searcher().ask("gravetilladelser"));
  });
});

describe("a large knowledge folder", () => {
  it("loads thousands of files, and names the one broken file among them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvem-many-"));
    const count = 2000;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        writeFile(join(dir, `enhed-${i}.md`), unit(`t/enhed-${i}`, `Enhed ${i}`, [`Opgave nummer ${i}`, "Fælles opgave for alle"])),
      ),
    );
    await writeFile(join(dir, "enhed-1999.md"), "---\nid: t/broken\nname: [\n---\n- x\n");
    const created = await createKnowledgeService(dir);
    expect(created.ok).toBe(false);
    const problems = created.ok ? [] : created.problems.filter((p) => p.severity === "error");
    expect(problems.map((p) => p.file)).toEqual(["enhed-1999.md"]);

    await writeFile(join(dir, "enhed-1999.md"), unit("t/enhed-1999", "Enhed 1999", ["Opgave nummer 1999"]));
    const fixed = await createKnowledgeService(dir);
    expect(fixed.ok && fixed.service.status().units).toBe(count);
    expect(fixed.ok && fixed.service.searcher().ask("opgave nummer 1234").answers[0]?.unitId).toBe("t/enhed-1234");
  });
});

describe("building in a worker thread", () => {
  it("serves the same answers as building in process, and reindexes through the worker", async () => {
    const dir = await knowledgeDir();
    const inProcess = await createKnowledgeService(dir);
    const inWorker = await createKnowledgeService(dir, { worker: true });
    if (!inProcess.ok || !inWorker.ok) throw new Error("knowledge has errors");
    for (const q of ["gravetilladelser", "snerydning om vinteren", "byggeansogninger"]) {
      expect(inWorker.service.searcher().ask(q)).toEqual(inProcess.service.searcher().ask(q));
    }
    await writeFile(join(dir, "byg.md"), unit("t/byg", "Byg", ["Byggeansøgninger", "Hundeluftning"]));
    const outcome = await inWorker.service.reindex();
    expect(outcome).toMatchObject({ ok: true, changed: true });
    expect(inWorker.service.searcher().ask("hundeluftning").answers[0]?.unitId).toBe("t/byg");

    await writeFile(join(dir, "byg.md"), "---\nid: [\n---\n");
    const refused = await inWorker.service.reindex();
    expect(refused.ok).toBe(false);
    expect(inWorker.service.searcher().ask("hundeluftning").answers[0]?.unitId).toBe("t/byg");
  });
});
