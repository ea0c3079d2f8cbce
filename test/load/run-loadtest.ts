/**
 * `npm run loadtest`: the real server in local mode with a fake Bot Connector, both
 * on loopback; autocannon sends question activities for a bounded time at rising
 * concurrency, then again while the knowledge is reindexed every second. Prints
 * requests/s, latency percentiles, errors and memory before and after.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { pino } from "pino";
import { createHttpServer } from "../../src/server/http-server.js";
import { createKnowledgeService } from "../../src/service/knowledge-service.js";
import { createTeamsBot } from "../../src/teams/teams-bot.js";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const LEVELS = (process.env.LOAD_CONCURRENCY ?? "1,10,50").split(",").map(Number);
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

const created = await createKnowledgeService("knowledge");
if (!created.ok) throw new Error("knowledge has errors");
const knowledge = created.service;
const logger = pino({ level: "silent" });
const bot = createTeamsBot({
  config: { MicrosoftAppType: "SingleTenant" },
  deps: { knowledge, isAdmin: () => false, uptime: () => 0 },
  feedback: { record: async () => {} },
  logger,
});
const server = createHttpServer({ logger, handleMessages: (req, res) => bot.handle(req, res), readiness: () => ({}) });
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

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
    conversation: { id: `conversation-${n % 50}`, conversationType: "personal" },
  });

const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const rows: string[] = [];
for (const withReindex of [false, true]) {
  for (const connections of LEVELS) {
    const before = mb();
    const timer = withReindex ? setInterval(() => void knowledge.reindex(), 1000) : undefined;
    const result = await autocannon({
      url,
      method: "POST",
      connections,
      duration: SECONDS,
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (request) => ({ ...request, body: activity() }) }],
    });
    clearInterval(timer);
    global.gc?.();
    rows.push(
      [
        withReindex ? "yes" : "no",
        connections,
        Math.round(result.requests.average),
        result.latency.p50,
        result.latency.p97_5,
        result.latency.p99,
        result.errors + result.timeouts + result.non2xx,
        `${before} → ${mb()}`,
      ].join(" | "),
    );
  }
}
console.log("reindex every 1 s | connections | questions/s | p50 ms | p97.5 ms | p99 ms | errors | RSS MB");
console.log("--- | --- | --- | --- | --- | --- | --- | ---");
for (const row of rows) console.log(row);
console.log(`replies received by the fake connector: ${replies}`);
// Let the last replies reach the connector before closing both.
await new Promise((resolve) => setTimeout(resolve, 1000));
server.close();
connector.close();
