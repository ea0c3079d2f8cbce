/**
 * `npm run loadtest`: the real server (`src/main.ts`, local mode) in its own process
 * with a fake Bot Connector, both on loopback; autocannon sends question activities
 * for a bounded time at rising concurrency, then again while a knowledge file is
 * edited every second (so the server reindexes under load), then a few identical
 * runs to see that memory stays flat. Prints requests/s, latency percentiles, errors
 * and the server's memory. LOAD_SECONDS, LOAD_CONCURRENCY and LOAD_ROUNDS change the runs.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const LEVELS = (process.env.LOAD_CONCURRENCY ?? "1,10,50").split(",").map(Number);
/** Identical runs at the end, to see whether memory stays flat from one to the next. */
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 3);
/** More conversations than one instance keeps in memory, so its bounded store is exercised. */
const CONVERSATIONS = 20_000;
const PORT = 3990 + Math.floor(Math.random() * 9);
const QUESTIONS = [
  "hvem tager sig af gravetilladelser?",
  "min medarbejder er sygemeldt, hvad gør jeg?",
  "en borger ringer om rotter i haven",
  "hvem laver lønsedler",
  "who handles building permits?",
  "hvem kan hjælpe med Emply",
];

// The fake connector: accepts every reply the bot sends.
let replies = 0;
const connector = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    replies++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id":"1"}');
  });
});
await new Promise<void>((resolve) => connector.listen(0, "127.0.0.1", resolve));
const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;

// A private copy of the knowledge, edited during the second round.
const knowledgeDir = await mkdtemp(join(tmpdir(), "hvem-load-"));
await cp("knowledge", knowledgeDir, { recursive: true });
const synonyms = join(knowledgeDir, "synonyms.txt");
const original = await readFile(synonyms, "utf8");

// LOAD_CPU_PROFILE=<dir> writes the server's CPU profile there, to see where a turn's time goes.
const profile = process.env.LOAD_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LOAD_CPU_PROFILE}`] : [];
const server = spawn(process.execPath, [...profile, "--no-deprecation", "--import", "tsx", "src/main.ts"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    KNOWLEDGE_DIR: knowledgeDir,
    SNAPSHOT_DIR: join(knowledgeDir, ".snapshots"),
    FEEDBACK_LOG: join(knowledgeDir, ".feedback.jsonl"),
    LOG_LEVEL: "warn",
    MicrosoftAppId: "",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  const ready = await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false);
  if (ready) break;
  if (i > 150) throw new Error("the server did not start");
  await new Promise((resolve) => setTimeout(resolve, 200));
}

let n = 0;
const activity = () =>
  JSON.stringify({
    type: "message",
    id: `a${++n}`,
    text: QUESTIONS[n % QUESTIONS.length],
    channelId: "msteams",
    serviceUrl,
    from: { id: `user-${n % 50}`, aadObjectId: `aad-${n % 50}` },
    recipient: { id: "bot" },
    conversation: { id: `conversation-${n % CONVERSATIONS}`, conversationType: "personal" },
  });

/** The server's resident memory, in MB. */
async function serverMb(): Promise<number> {
  const status = await readFile(`/proc/${server.pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const fire = (connections: number, duration: number) =>
  autocannon({
    url: `${base}/api/messages`,
    method: "POST",
    connections,
    duration,
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (request) => ({ ...request, body: activity() }) }],
  });

// A short unmeasured round first, so the JIT's warm-up is not counted against the first level.
await fire(10, 3);

const rows: string[] = [];
for (const withReindex of [false, true]) {
  for (const connections of LEVELS) {
    const before = await serverMb();
    let edit = 0;
    const timer = withReindex
      ? setInterval(() => void writeFile(synonyms, `${original}\n# edit ${++edit}\n`), 1000)
      : undefined;
    const result = await fire(connections, SECONDS);
    clearInterval(timer);
    rows.push(
      [
        withReindex ? "yes" : "no",
        connections,
        Math.round(result.requests.average),
        result.latency.p50,
        result.latency.p97_5,
        result.latency.p99,
        result.errors + result.timeouts + result.non2xx,
        `${before} → ${await serverMb()}`,
      ].join(" | "),
    );
  }
}
const memory = [await serverMb()];
for (let round = 0; round < ROUNDS; round++) {
  await fire(10, SECONDS);
  memory.push(await serverMb());
}

console.log("reindex every 1 s | connections | questions/s | p50 ms | p97.5 ms | p99 ms | errors | server RSS MB");
console.log("--- | --- | --- | --- | --- | --- | --- | ---");
for (const row of rows) console.log(row);
console.log(`\nserver RSS MB before and after each of ${ROUNDS} more identical runs (10 connections, ${SECONDS} s): ${memory.join(" → ")}`);
console.log(`replies received by the fake connector: ${replies}`);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
connector.close();
