/**
 * Failures around a build never reach the serving process: a snapshot that cannot be
 * saved (its folder replaced by a file, as a full disk fails the same write) is
 * reported and the index serves anyway; a worker over its time limit is stopped and
 * refused as a value; an unhandled rejection is logged as JSON and the process lives on.
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createKnowledgeService } from "../src/service/knowledge-service.js";

const unit = (tasks: string[]) =>
  `---\nid: t/veje\nname: Veje\norganisation: Testkommune\ndepartment: Teknik\nchiefArea: Veje\nsource:\n  document: t.txt\n---\n\n${tasks.map((t) => `- ${t}`).join("\n")}\n`;

async function knowledgeDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvem-failures-"));
  await writeFile(join(dir, "veje.md"), unit(["Gravetilladelser"]));
  return dir;
}

describe("a snapshot that cannot be saved", () => {
  for (const worker of [false, true]) {
    it(`starts and reindexes all the same, and says why (${worker ? "in a worker" : "in process"})`, async () => {
      const dir = await knowledgeDir();
      const snapshotDir = join(await mkdtemp(join(tmpdir(), "hvem-not-a-folder-")), "snapshots");
      await writeFile(snapshotDir, "a file where the snapshot folder should be");
      const failures: string[] = [];
      const created = await createKnowledgeService(dir, { snapshotDir, worker, onSnapshotFailed: (m) => failures.push(m) });
      if (!created.ok) throw new Error(`refused: ${JSON.stringify(created.problems)}`);
      expect(failures).toEqual([expect.stringContaining(snapshotDir)]);

      await writeFile(join(dir, "veje.md"), unit(["Gravetilladelser", "Hundeluftning i parker"]));
      await expect(created.service.reindex()).resolves.toMatchObject({ ok: true, changed: true });
      expect(created.service.searcher().ask("hundeluftning").answers[0]?.unitId).toBe("t/veje");
      expect(failures).toHaveLength(2);
    });
  }
});

describe("a worker over its time limit", () => {
  it("is stopped, the reindex is refused as a value naming why, and the index before keeps serving", async () => {
    const dir = await knowledgeDir();
    const created = await createKnowledgeService(dir, { worker: true, workerTimeLimitMs: 1 });
    if (!created.ok) throw new Error("knowledge has errors");
    await writeFile(join(dir, "veje.md"), unit(["Gravetilladelser", "Hundeluftning i parker"]));
    await expect(created.service.reindex()).resolves.toMatchObject({
      ok: false,
      problems: [{ severity: "error", message: expect.stringContaining("indekset kunne ikke bygges") }],
    });
    expect(created.service.searcher().ask("gravetilladelser").answers[0]?.unitId).toBe("t/veje");
    expect(created.service.status().refused?.problems).toHaveLength(1);
  });
});

describe("an unhandled rejection in the serving process", () => {
  it("is logged as one JSON line with its stack, and the process carries on", async () => {
    const script = [
      'import { pino } from "pino";',
      'import { keepServingOnUnhandledRejection } from "./src/service/process-guard.ts";',
      "keepServingOnUnhandledRejection(pino());",
      'void Promise.reject(new Error("snapshot folder is a file"));',
      'setTimeout(() => console.log("still serving"), 100);',
    ].join("\n");
    const run = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
    const [logged, after] = run.stdout.trim().split("\n");
    expect(JSON.parse(logged ?? "")).toMatchObject({
      level: 50,
      msg: "unhandled rejection; still serving",
      err: { message: "snapshot folder is a file", stack: expect.stringContaining("Error") },
    });
    expect(after).toBe("still serving");
  });
});
