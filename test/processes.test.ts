/**
 * Real server processes (`src/main.ts`): two instances share conversations through
 * Azurite; the first is killed mid-conversation and the second carries it on. A
 * SIGTERM lets a request in flight finish and exits promptly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeedbackLog } from "../src/feedback/feedback-log.js";

const ACCOUNT = "devstoreaccount1";
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const blobPort = 10_900 + Math.floor(Math.random() * 500);
const connection = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${blobPort}/${ACCOUNT};`;

const children: ChildProcess[] = [];
let connector: Server;
let serviceUrl: string;
const replies: { conversation: string; body: string }[] = [];
/** While set, the fake connector holds its answers: the bot's request stays in flight. */
let hold: Promise<void> | undefined;

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000) {
  const until = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`${what} did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startHvem(port: number, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--no-deprecation", "--import", "tsx", "src/main.ts"], {
    env: { ...process.env, PORT: String(port), MicrosoftAppId: "", LOG_LEVEL: "warn", WATCH_KNOWLEDGE: "false", ...env },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  children.push(
    spawn(
      process.execPath,
      ["node_modules/azurite/dist/src/blob/main.js", "--blobPort", String(blobPort), "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry"],
      { stdio: "ignore" },
    ),
  );
  connector = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", async () => {
      replies.push({ conversation: req.url ?? "", body });
      await hold;
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id":"reply"}');
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, "127.0.0.1", resolve));
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  await waitFor(async () => (await fetch(`http://127.0.0.1:${blobPort}/`)).status > 0, "Azurite start");
}, 60_000);

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  connector?.close();
});

const post = (port: number, id: string, text: string) =>
  fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id,
      text,
      channelId: "msteams",
      serviceUrl,
      from: { id: "user-1", name: "Bruger", aadObjectId: "aad-1" },
      recipient: { id: "bot" },
      conversation: { id: "shared-conversation", conversationType: "personal" },
    }),
  });

describe("server processes", () => {
  it("continues a conversation on a second instance after the first is killed", async () => {
    const env = { AZURE_STORAGE_CONNECTION_STRING: connection, AZURE_STORAGE_CONTAINER: `procs-${blobPort}` };
    const first = startHvem(blobPort + 1, env);
    startHvem(blobPort + 2, env);
    for (const port of [blobPort + 1, blobPort + 2]) {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, `instance on ${port}`);
    }
    expect((await post(blobPort + 1, "m1", "hvem kan hjælpe med Emply?")).status).toBe(200);
    first.kill("SIGKILL");
    expect((await post(blobPort + 2, "m2", "kontakt")).status).toBe(200);
    expect(replies.at(-1)?.body).toContain("personalejura@norddjurs.dk");
  }, 90_000);

  it("on SIGTERM finishes the request in flight, keeps its feedback line and exits within 10 s", async () => {
    const port = blobPort + 3;
    const feedbackLog = join(await mkdtemp(join(tmpdir(), "hvem-sigterm-")), "feedback.jsonl");
    const server = startHvem(port, { FEEDBACK_LOG: feedbackLog });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, "start");
    // Local mode has no authentication, so it listens on loopback only.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i?.family === "IPv4" && !i.internal)?.address;
    if (external) await expect(fetch(`http://${external}:${port}/healthz`)).rejects.toThrow();
    let release = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = replies.length;
    const inFlight = post(port, "m3", "hvem laver lønsedler?");
    // The bot is now waiting for the connector: its request is in flight.
    await waitFor(async () => replies.length > before, "the reply reaching the connector");
    server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    hold = undefined;
    expect((await inFlight).status).toBe(200);
    const exitCode = await new Promise<number | null>((resolve) => server.once("exit", resolve));
    expect(exitCode).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(await readFeedbackLog(feedbackLog)).toMatchObject([{ kind: "question", question: "hvem laver lønsedler?" }]);
  }, 60_000);
});
