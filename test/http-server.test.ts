/**
 * The real HTTP path: the server receives a Bot Framework activity on
 * /api/messages and the bot's reply arrives at a fake Bot Connector on loopback.
 */
import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import type restify from "restify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { routeConsoleToLog } from "../src/server/console-to-log.js";
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

interface HvemOptions {
  appId?: string;
  openIdMetadataUrl?: string;
  logger?: pino.Logger;
}

async function startHvem({ appId, openIdMetadataUrl, logger = pino({ level: "silent" }) }: HvemOptions = {}): Promise<string> {
  const bot = createTeamsBot({
    openIdMetadataUrl,
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

function activity(text: string, id: string = randomUUID()) {
  return {
    type: "message",
    id,
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
    const response = await post(hvem, JSON.stringify(activity("hvem tager sig af gravetilladelser?", "incoming-1")));
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]?.path).toBe("/v3/conversations/conversation-1/activities/incoming-1");
    const card = JSON.stringify(received[0]?.body.attachments?.[0]?.content);
    expect(card).toContain('"text":"Veje og trafik"');
    expect(card).toContain('"version":"1.5"');
  });

  it("answers an activity delivered twice once", async () => {
    received.length = 0;
    const body = JSON.stringify(activity("hvem laver lønsedler"));
    expect((await post(hvem, body)).status).toBe(200);
    expect((await post(hvem, body)).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it("reports liveness and readiness with the knowledge version", async () => {
    expect(await (await fetch(`${hvem}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${hvem}/readyz`)).json()).toEqual({ status: "ready", version: knowledge.status().version });
  });

  it("refuses bad requests clearly and keeps serving", async () => {
    expect((await post(hvem, "{not json")).status).toBe(400);
    expect((await post(hvem, "x".repeat(MAX_BODY_BYTES + 10))).status).toBe(413);
    expect((await fetch(`${hvem}/nowhere`)).status).toBe(404);
    expect((await post(hvem, JSON.stringify(activity("hvem laver lønsedler")))).status).toBe(200);
  });

  it("refuses what is not an activity with 415 or 400, and a body that tells nothing of the inside", async () => {
    received.length = 0;
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const refusals = [
      [await post(hvem, "type=message&text=hej", form), 415],
      [await post(hvem, '<activity type="message"/>', { "content-type": "application/xml" }), 415],
      [await post(hvem, "hej", { "content-type": "text/plain" }), 415],
      [await post(hvem, "{}"), 400],
      [await post(hvem, "[1, 2]"), 400],
      [await post(hvem, '"message"'), 400],
      [await post(hvem, JSON.stringify({ type: 5 })), 400],
      [await post(hvem, JSON.stringify({ type: "message", text: "hvem laver lønsedler" })), 400],
    ] as const;
    for (const [response, status] of refusals) {
      expect(response.status).toBe(status);
      const body = await response.text();
      expect(body).not.toMatch(/Error|undefined|validate|\bat /);
      expect(body.length).toBeLessThan(200);
    }
    expect(received).toEqual([]);
  });

  it("answers only service URLs on this machine, so nobody can make it POST elsewhere", async () => {
    received.length = 0;
    for (const serviceUrl of ["https://example.invalid/", "http://10.0.0.1:8080/", "http://[::ffff:127.0.0.1]/", "file:///etc/passwd"]) {
      const response = await post(hvem, JSON.stringify({ ...activity("hvem laver lønsedler"), serviceUrl }));
      expect(response.status).toBe(403);
      expect(await response.text()).toContain("local mode");
    }
    expect(received).toEqual([]);
    const localhost = connectorUrl.replace("127.0.0.1", "localhost");
    expect((await post(hvem, JSON.stringify({ ...activity("hvem laver lønsedler"), serviceUrl: localhost }))).status).toBe(200);
    expect(received).toHaveLength(1);
  });
});

/** A stand-in for the Bot Framework's key endpoint: OpenID metadata and one published signing key. */
async function keyEndpoint(published: KeyObject, kid: string): Promise<{ url: string; close(): void }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body =
      req.url === "/openid"
        ? { issuer: "https://api.botframework.com", jwks_uri: `${base}/keys` }
        : { keys: [{ ...published.export({ format: "jwk" }), kid, use: "sig", endorsements: ["msteams"] }] };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`, close: () => server.close() };
}

/** A token as the Bot Framework issues them, signed with whatever key is given. */
function token(signer: KeyObject, kid: string, audience: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: "RS256", typ: "JWT", kid })}.${part({
    iss: "https://api.botframework.com",
    aud: audience,
    serviceurl: connectorUrl,
    nbf: now - 60,
    exp: now + 3600,
  })}`;
  return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(signer).toString("base64url")}`;
}

describe("HTTP endpoint with credentials", () => {
  const appId = "11111111-2222-3333-4444-555555555555";
  const published = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forger = generateKeyPairSync("rsa", { modulusLength: 2048 });

  it("rejects requests without a valid Bot Framework token, and processes nothing", async () => {
    const hvem = await startHvem({ appId });
    received.length = 0;
    const body = JSON.stringify(activity("hvem laver lønsedler"));
    expect((await post(hvem, body)).status).toBe(401);
    const forged = await post(hvem, body, { "content-type": "application/json", authorization: "Bearer not-a-token" });
    expect(forged.status).toBe(401);
    expect(received).toEqual([]);
  });

  it("answers a forged signature under a published key id with 401, and keeps the details in the JSON log", async () => {
    const keys = await keyEndpoint(published.publicKey, "key-1");
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const restore = routeConsoleToLog(logger);
    const stderr = vi.spyOn(process.stderr, "write");
    try {
      const hvem = await startHvem({ appId, openIdMetadataUrl: keys.url, logger });
      received.length = 0;
      const response = await post(hvem, JSON.stringify(activity("hvem laver lønsedler")), {
        "content-type": "application/json",
        authorization: `Bearer ${token(forger.privateKey, "key-1", appId)}`,
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toMatch(/signature|BEGIN|key/i);
      expect(received).toEqual([]);
      expect(stderr).not.toHaveBeenCalled();
      const refused = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "request refused");
      expect(refused).toMatchObject({ status: 401, reason: "invalid signature" });
    } finally {
      stderr.mockRestore();
      restore();
      keys.close();
    }
  });

  it("answers 503 when the key endpoint cannot be reached", async () => {
    const closed = await keyEndpoint(published.publicKey, "key-1");
    closed.close();
    const hvem = await startHvem({ appId, openIdMetadataUrl: closed.url });
    const response = await post(hvem, JSON.stringify(activity("hvem laver lønsedler")), {
      "content-type": "application/json",
      authorization: `Bearer ${token(published.privateKey, "key-1", appId)}`,
    });
    expect(response.status).toBe(503);
    expect(await response.text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });
});
