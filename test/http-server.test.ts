/**
 * The real HTTP path: the server receives a Bot Framework activity on
 * /api/messages and the bot's reply arrives at a fake Bot Connector on loopback.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import type restify from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, createHttpServer } from "../src/server/http-server.js";
import { createKnowledgeService, type KnowledgeService } from "../src/service/knowledge-service.js";
import { createTeamsBot } from "../src/teams/teams-bot.js";

interface Received {
  path: string;
  body: { type: string; attachments?: { content: unknown }[] };
}

let knowledge: KnowledgeService;
let connector: Server;
let connectorUrl: string;
const received: Received[] = [];
const servers: restify.Server[] = [];

beforeAll(async () => {
  const loaded = await createKnowledgeService("knowledge");
  if (!loaded.ok) throw new Error("knowledge has errors");
  knowledge = loaded.service;
  connector = createServer(async (req, res) => {
    received.push({ path: req.url ?? "", body: JSON.parse(await bodyOf(req)) });
    // Separate calls: restify patches Node's ServerResponse so writeHead returns nothing.
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: `sent-${received.length}` }));
  });
  await new Promise<void>((resolve) => connector.listen(0, "127.0.0.1", resolve));
  connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of servers) s.close();
  connector.close();
});

async function startHvem(appId?: string): Promise<string> {
  const logger = pino({ level: "silent" });
  const bot = createTeamsBot({
    config: appId
      ? { MicrosoftAppId: appId, MicrosoftAppPassword: "secret", MicrosoftAppTenantId: "tenant", MicrosoftAppType: "SingleTenant" }
      : { MicrosoftAppType: "SingleTenant" },
    deps: { knowledge, isAdmin: () => false, uptime: () => 1 },
    feedback: { record: async () => {} },
    logger,
  });
  const server = createHttpServer({
    logger,
    handleMessages: (req, res) => bot.handle(req, res),
    readiness: () => ({ version: knowledge.status().version }),
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function activity(text: string) {
  return {
    type: "message",
    id: "incoming-1",
    text,
    channelId: "msteams",
    serviceUrl: connectorUrl,
    from: { id: "user-1", name: "Bruger", aadObjectId: "aad-1" },
    recipient: { id: "bot-1", name: "Hvem" },
    conversation: { id: "conversation-1", conversationType: "personal" },
  };
}

const post = (url: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${url}/api/messages`, { method: "POST", headers, body });

async function bodyOf(req: IncomingMessage): Promise<string> {
  let data = "";
  for await (const chunk of req) data += chunk;
  return data;
}

describe("HTTP endpoint, local mode", () => {
  let hvem: string;
  beforeAll(async () => {
    hvem = await startHvem();
  });

  it("answers a question posted as an activity; the card arrives at the connector", async () => {
    received.length = 0;
    const response = await post(hvem, JSON.stringify(activity("hvem tager sig af gravetilladelser?")));
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]?.path).toBe("/v3/conversations/conversation-1/activities/incoming-1");
    const card = JSON.stringify(received[0]?.body.attachments?.[0]?.content);
    expect(card).toContain('"text":"Veje og trafik"');
    expect(card).toContain('"version":"1.5"');
  });

  it("reports liveness and readiness with the knowledge version", async () => {
    expect(await (await fetch(`${hvem}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${hvem}/readyz`)).json()).toEqual({ status: "ready", version: knowledge.status().version });
  });

  it("refuses bad requests clearly and keeps serving", async () => {
    expect((await post(hvem, "{not json")).status).toBe(400);
    expect((await post(hvem, "x".repeat(MAX_BODY_BYTES + 10))).status).toBe(413);
    expect((await post(hvem, "hej", { "content-type": "text/plain" })).status).toBe(400);
    expect((await fetch(`${hvem}/nowhere`)).status).toBe(404);
    expect((await post(hvem, JSON.stringify(activity("hvem laver lønsedler")))).status).toBe(200);
  });
});

describe("HTTP endpoint with credentials", () => {
  it("rejects requests without a valid Bot Framework token, and processes nothing", async () => {
    const hvem = await startHvem("11111111-2222-3333-4444-555555555555");
    received.length = 0;
    const body = JSON.stringify(activity("hvem laver lønsedler"));
    expect((await post(hvem, body)).status).toBe(401);
    const forged = await post(hvem, body, { "content-type": "application/json", authorization: "Bearer not-a-token" });
    expect(forged.status).toBe(401);
    expect(received).toEqual([]);
  });
});
