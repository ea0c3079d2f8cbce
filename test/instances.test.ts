/**
 * Several instances: two bots share conversation state and the feedback log through
 * Blob Storage, against Azurite (the Azure Storage emulator, from npm) started here.
 * One instance answers a question and is dropped; the other carries the
 * conversation on ("flere", "kontakt"), and both append to one feedback log.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BlobServiceClient, BlockBlobClient, StorageSharedKeyCredential } from "@azure/storage-blob";
import { type Activity, ActivityTypes, TestAdapter } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobFeedbackLog } from "../src/feedback/blob-feedback-log.js";
import { retentionCutoff } from "../src/feedback/feedback-log.js";
import { suggestionDesk } from "../src/learning/suggestion-desk.js";
import { downloadKnowledge, followPublishedKnowledge, publishKnowledge } from "../src/service/knowledge-blob.js";
import { createKnowledgeService, type KnowledgeService } from "../src/service/knowledge-service.js";
import { conversationStorage } from "../src/teams/conversation-storage.js";
import { createTeamsBot } from "../src/teams/teams-bot.js";
import { learningKnowledge, UNITS } from "./learning-fixture.js";

// Azurite's well-known development account (public, documented by Microsoft).
const ACCOUNT = "devstoreaccount1";
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const port = 10_100 + Math.floor(Math.random() * 800);
const connection = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
const container = `hvem-test-${port}`;

let azurite: ChildProcess;
let knowledge: KnowledgeService;

beforeAll(async () => {
  azurite = spawn(
    process.execPath,
    [
      "node_modules/azurite/dist/src/blob/main.js",
      "--blobPort",
      String(port),
      "--inMemoryPersistence",
      "--silent",
      "--skipApiVersionCheck",
      "--disableTelemetry",
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; ; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (up) break;
    if (i > 100) throw new Error("Azurite did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const created = await createKnowledgeService("knowledge");
  if (!created.ok) throw new Error("knowledge has errors");
  knowledge = created.service;
}, 30_000);

afterAll(() => {
  azurite?.kill("SIGTERM");
});

/** One bot instance: its own adapter and app, sharing only what Blob Storage holds. */
function instance() {
  const bot = createTeamsBot({
    config: { MicrosoftAppType: "SingleTenant" },
    deps: { knowledge, isAdmin: () => false, uptime: () => 1 },
    feedback: blobFeedbackLog(connection, container),
    storage: conversationStorage(connection, container),
    logger: pino({ level: "silent" }),
  });
  const adapter = new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
  return async (activity: Partial<Activity> | string) => {
    const incoming = typeof activity === "string" ? { type: ActivityTypes.Message, text: activity } : activity;
    // Each TestAdapter numbers its activities from 0; real ids are unique.
    await adapter.processActivity({ id: randomUUID(), from: { id: "user", name: "Bruger", aadObjectId: "user-aad" }, ...incoming });
    return adapter.activeQueue.splice(0);
  };
}

const cardOf = (activity: Partial<Activity> | undefined) => JSON.stringify(activity?.attachments?.[0]?.content ?? null);

describe("two instances sharing Blob Storage (Azurite)", () => {
  it("carries a conversation from one instance to the other, and logs both to one feedback log", async () => {
    const first = instance();
    const [answer] = await first("hvem kan hjælpe med Emply?");
    expect(cardOf(answer)).toContain('"text":"Personalejura"');

    // The first instance is gone; the second one knows what "kontakt" refers to.
    const second = instance();
    const [contacts] = await second("kontakt");
    expect(cardOf(contacts)).toContain("personalejura@norddjurs.dk");
    const [more] = await second("flere");
    expect(cardOf(more)).not.toContain("Jeg er Hvem");

    await second("hvem laver lønsedler?");
    const events = await blobFeedbackLog(connection, container).read();
    expect(events.filter((e) => e.kind === "question").map((e) => e.question)).toEqual([
      "hvem kan hjælpe med Emply?",
      "hvem laver lønsedler?",
    ]);
  });
});

describe("redelivery across instances (Azurite)", () => {
  it("answers an activity once, though Teams delivers it again to another instance", async () => {
    const activity = { type: ActivityTypes.Message, id: `redelivered-${port}`, text: "hvem laver lønsedler?" };
    expect(await instance()(activity)).toHaveLength(1);
    expect(await instance()(activity)).toEqual([]);
    expect(await instance()({ ...activity, id: `next-${port}` })).toHaveLength(1);
  });
});

describe("feedback log in Blob Storage", () => {
  it("moves on to a new blob when one is full, and reads the whole series back in order", async () => {
    const shared = `feedback-${port}`;
    const [first, second] = [blobFeedbackLog(connection, shared, 600), blobFeedbackLog(connection, shared, 600)];
    const questions = Array.from({ length: 12 }, (_, i) => `spørgsmål ${i}`);
    for (const [i, question] of questions.entries()) {
      await (i % 2 ? second : first).record({ kind: "question", conversation: "c", question, confident: true });
    }
    const events = await first.read();
    expect(events.map((e) => (e.kind === "question" ? e.question : ""))).toEqual(questions);
    const blobs: string[] = [];
    for await (const b of BlobServiceClient.fromConnectionString(connection).getContainerClient(shared).listBlobsFlat()) {
      blobs.push(b.name);
    }
    expect(blobs.length).toBeGreaterThan(2);
  });

  it("reads the one blob of earlier versions too, and recovers when its container vanishes", async () => {
    const shared = `feedback-recover-${port}`;
    const containerClient = BlobServiceClient.fromConnectionString(connection).getContainerClient(shared);
    await containerClient.create();
    const earlier = '{"kind":"question","at":"2026-01-01T00:00:00.000Z","conversation":"c","question":"før","confident":true}\n';
    await containerClient.getBlockBlobClient("feedback.jsonl").upload(earlier, earlier.length);
    const log = blobFeedbackLog(connection, shared);
    const ask = (question: string) => log.record({ kind: "question", conversation: "c", question, confident: true });
    await ask("nu");
    expect((await log.read()).map((e) => (e.kind === "question" ? e.question : ""))).toEqual(["før", "nu"]);

    await containerClient.delete();
    await expect(ask("mens den er væk")).rejects.toThrow();
    await ask("bagefter");
    expect((await log.read()).map((e) => (e.kind === "question" ? e.question : ""))).toEqual(["bagefter"]);
  });
});

describe("feedback retention in Blob Storage", () => {
  it("drops events older than the retention period, deleting blobs that held only those, and keeps appending", async () => {
    const shared = `feedback-retention-${port}`;
    const containerClient = BlobServiceClient.fromConnectionString(connection).getContainerClient(shared);
    await containerClient.create();
    const line = (question: string, at: string) =>
      `${JSON.stringify({ kind: "question", at, conversation: "c", question, confident: true })}\n`;
    const append = async (name: string, text: string) => {
      const blob = containerClient.getAppendBlobClient(name);
      await blob.createIfNotExists();
      await blob.appendBlock(text, Buffer.byteLength(text));
    };
    const old = "2026-01-01T00:00:00.000Z";
    const recent = new Date().toISOString();
    await append("feedback/000001.jsonl", line("gammel 1", old) + line("gammel 2", old));
    await append("feedback/000002.jsonl", line("gammel 3", old) + line("ny", recent));
    const log = blobFeedbackLog(connection, shared);
    expect(await log.prune(retentionCutoff(90))).toBe(3);
    await log.record({ kind: "question", conversation: "c", question: "efter", confident: true });
    expect((await log.read()).map((e) => (e.kind === "question" ? e.question : ""))).toEqual(["ny", "efter"]);
    const blobs: string[] = [];
    for await (const b of containerClient.listBlobsFlat()) blobs.push(b.name);
    expect(blobs).toEqual(["feedback/000002.jsonl"]);
  });

  it("never reads an event past the retention period, pruned or not", async () => {
    const shared = `feedback-since-${port}`;
    const log = blobFeedbackLog(connection, shared);
    await log.record({ kind: "question", conversation: "c", question: "nu", confident: true });
    expect(await log.read(new Date(Date.now() + 60_000))).toEqual([]);
    expect(await log.read(retentionCutoff(90))).toHaveLength(1);
  });
});

/** An instance serving the knowledge in `dir`, following what is published to `store`. */
async function followingInstance(dir: string, store: string) {
  const created = await createKnowledgeService(dir);
  if (!created.ok) throw new Error("published knowledge has errors");
  const service = created.service;
  const follower = followPublishedKnowledge({
    connection,
    container: store,
    dir,
    intervalMs: 100,
    reindex: async () => {
      const outcome = await service.reindex();
      return outcome.ok ? outcome.version : undefined;
    },
  });
  return { service, follower };
}

describe("knowledge published to Blob Storage", () => {
  it("reaches every instance: publish once, both reindex themselves to the new version", async () => {
    const unit = (tasks: string[]) =>
      `---\nid: t/veje\nname: Veje\norganisation: Testkommune\ndepartment: Teknik\nchiefArea: Veje\nsource:\n  document: t.txt\n---\n\n${tasks.map((t) => `- ${t}`).join("\n")}\n`;
    const source = await mkdtemp(join(tmpdir(), "hvem-publish-"));
    await writeFile(join(source, "veje.md"), unit(["Gravetilladelser"]));
    await mkdir(join(source, "sources"));
    await writeFile(join(source, "sources", "katalog.txt"), "not published");
    const store = `knowledge-${port}`;
    const first = await publishKnowledge(source, connection, store);
    expect(first).toMatchObject({ ok: true, files: 1 });

    const instances = await Promise.all(
      [1, 2].map(async () => {
        const dir = await mkdtemp(join(tmpdir(), "hvem-instance-"));
        await downloadKnowledge(connection, store, dir);
        return followingInstance(dir, store);
      }),
    );
    try {
      expect(instances.map((i) => i.service.searcher().ask("hundeluftning").answers)).toEqual([[], []]);
      await writeFile(join(source, "veje.md"), unit(["Gravetilladelser", "Hundeluftning i parker"]));
      const second = await publishKnowledge(source, connection, store);
      if (!second.ok) throw new Error("publish failed");
      for (let i = 0; instances.some((x) => x.service.status().version !== second.version); i++) {
        if (i > 100) throw new Error("the new version did not reach both instances");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const { service } of instances) {
        expect(service.searcher().ask("hundeluftning").answers[0]?.unitId).toBe("t/veje");
      }
    } finally {
      for (const { follower } of instances) follower.close();
    }
  });

  it("refuses to publish knowledge with errors", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvem-broken-"));
    await writeFile(join(dir, "x.md"), "---\nid: [\n---\n- x\n");
    const result = await publishKnowledge(dir, connection, `broken-${port}`);
    expect(result.ok).toBe(false);
  });

  it("keeps local files it did not publish, and drops only what the publication dropped", async () => {
    const source = await mkdtemp(join(tmpdir(), "hvem-publish-"));
    await writeFile(join(source, "veje.md"), unitFile("t/veje", "Gravetilladelser"));
    await writeFile(join(source, "byg.md"), unitFile("t/byg", "Byggeansøgninger"));
    const store = `keep-${port}`;
    await publishKnowledge(source, connection, store);

    const local = await mkdtemp(join(tmpdir(), "hvem-local-"));
    await mkdir(join(local, "sources"));
    await writeFile(join(local, "sources", "katalog.txt"), "source document");
    await writeFile(join(local, "sources", "fixes.yaml"), "fixes: []");
    await writeFile(join(local, "lokal.md"), unitFile("t/lokal", "Lokal opgave, ikke publiceret"));
    expect(await downloadKnowledge(connection, store, local)).toMatchObject({ ok: true });
    expect(await filesIn(local)).toEqual(["byg.md", "lokal.md", "sources/fixes.yaml", "sources/katalog.txt", "veje.md"]);

    await rm(join(source, "byg.md"));
    await publishKnowledge(source, connection, store);
    expect(await downloadKnowledge(connection, store, local)).toMatchObject({ ok: true });
    expect(await filesIn(local)).toEqual(["lokal.md", "sources/fixes.yaml", "sources/katalog.txt", "veje.md"]);
  });

  it("leaves the local folder as it was when a blob is not a knowledge file or the files do not add up to VERSION", async () => {
    const source = await mkdtemp(join(tmpdir(), "hvem-publish-"));
    await writeFile(join(source, "veje.md"), unitFile("t/veje", "Gravetilladelser"));
    const store = `refuse-${port}`;
    await publishKnowledge(source, connection, store);
    const local = await mkdtemp(join(tmpdir(), "hvem-local-"));
    expect(await downloadKnowledge(connection, store, local)).toMatchObject({ ok: true });
    const client = BlobServiceClient.fromConnectionString(connection).getContainerClient(store);

    // A publish under way: a file is new, VERSION is not yet.
    const newer = unitFile("t/veje", "Snerydning");
    await client.getBlockBlobClient("knowledge/veje.md").upload(newer, Buffer.byteLength(newer));
    expect(await downloadKnowledge(connection, store, local)).toMatchObject({ ok: false });
    expect(await readFile(join(local, "veje.md"), "utf8")).toContain("Gravetilladelser");

    // A name that climbs out of the folder (the SDK normalises "..", a raw URL does not).
    const climbing = new BlockBlobClient(`${client.url}/knowledge/..%2F..%2Fevil.md`, new StorageSharedKeyCredential(ACCOUNT, KEY));
    await climbing.upload("x", 1);
    expect(await downloadKnowledge(connection, store, local)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("knowledge/../../evil.md"),
    });
    expect(existsSync(join(local, "..", "..", "evil.md"))).toBe(false);
    await climbing.delete();

    await client.getBlockBlobClient("knowledge/run.sh").upload("rm -rf /", 8);
    expect(await downloadKnowledge(connection, store, local)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("knowledge/run.sh"),
    });
    expect(await filesIn(local)).toEqual(["veje.md"]);
    expect(await readdir(join(local, ".."))).not.toContain("run.sh");
  });
});

const unitFile = (id: string, task: string) =>
  `---\nid: ${id}\nname: ${id}\norganisation: Testkommune\ndepartment: Teknik\nchiefArea: Veje\nsource:\n  document: t.txt\n---\n\n- ${task}\n`;

/** The files in a folder, relative, without the hidden ones. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe("suggestions with Blob Storage (Azurite)", () => {
  it("come from the shared feedback log, and an accepted one reaches another instance as published knowledge", async () => {
    const question = "vand i kælderen";
    const adminDir = await learningKnowledge();
    const store = `learned-${port}`;
    expect(await publishKnowledge(adminDir, connection, store)).toMatchObject({ ok: true });
    // Another instance, serving what was published.
    const otherDir = await mkdtemp(join(tmpdir(), "hvem-other-instance-"));
    await downloadKnowledge(connection, store, otherDir);
    const { service: other, follower } = await followingInstance(otherDir, store);
    try {
      expect(other.searcher().ask(question).answers[0]?.unitId).toBe(UNITS.byg);
      // Three users of several instances picked Natur over Byg: their picks are in the shared log.
      const log = blobFeedbackLog(connection, `picks-${port}`);
      for (const user of ["a", "b", "c"]) {
        await log.record({ kind: "pick", conversation: `c-${user}`, user, question, unitId: UNITS.natur, firstUnitId: UNITS.byg });
      }
      const desk = suggestionDesk({
        knowledgeDir: adminDir,
        readEvents: () => log.read(),
        minUsers: 3,
        publish: async () => {
          const published = await publishKnowledge(adminDir, connection, store);
          if (!published.ok) throw new Error("not published");
        },
      });
      const listed = await desk.list();
      if (!listed.ok) throw new Error(listed.message);
      expect(listed.suggestions).toMatchObject([{ unitId: UNITS.natur, users: 3 }]);
      expect(await desk.accept(listed.suggestions[0]?.id ?? "")).toMatchObject({ ok: true });
      for (let i = 0; other.searcher().ask(question).answers[0]?.unitId !== UNITS.natur; i++) {
        if (i > 100) throw new Error("the accepted suggestion did not reach the other instance");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      follower.close();
    }
  });
});

