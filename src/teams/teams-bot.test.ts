import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Activity, ActivityTypes, MemoryStorage, TestAdapter } from "botbuilder";
import { pino } from "pino";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FeedbackEvent, FeedbackLog } from "../feedback/feedback-log.js";
import { createKnowledgeService, type KnowledgeService } from "../service/knowledge-service.js";
import { lastWriteWins } from "./conversation-storage.js";
import { createTeamsBot, SEARCH_COMMAND } from "./teams-bot.js";

const ADMIN = "00000000-0000-0000-0000-00000000a0a0";
let knowledge: KnowledgeService;
let recorded: FeedbackEvent[];
let adapter: TestAdapter;

beforeAll(async () => {
  const loaded = await createKnowledgeService("knowledge");
  if (!loaded.ok) throw new Error("knowledge has errors");
  knowledge = loaded.service;
});

beforeEach(() => {
  recorded = [];
  const feedback: Pick<FeedbackLog, "record"> = {
    record: async (event) => {
      recorded.push({ ...event, at: "now" } as FeedbackEvent);
    },
  };
  const bot = createTeamsBot({
    config: { MicrosoftAppType: "SingleTenant" },
    deps: { knowledge, isAdmin: (id) => id === ADMIN, uptime: () => 42 },
    feedback,
    logger: pino({ level: "silent" }),
    organisationOf: (tenantId) => ({ "tenant-randers": "Randers Kommune", "tenant-norddjurs": "Norddjurs Kommune" })[tenantId],
  });
  adapter = new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
});

/** One incoming activity; what the bot sent back. */
async function turn(activity: Partial<Activity> | string): Promise<Partial<Activity>[]> {
  const incoming = typeof activity === "string" ? { type: ActivityTypes.Message, text: activity } : activity;
  await adapter.processActivity({ from: { id: "user", name: "Bruger", aadObjectId: "user-aad" }, ...incoming });
  return adapter.activeQueue.splice(0);
}

const cardOf = (activity: Partial<Activity> | undefined) =>
  JSON.stringify(activity?.attachments?.[0]?.content ?? null);

describe("Hvem in Teams", () => {
  it("answers a question with an Adaptive Card: unit, place, matched task, and Teams feedback", async () => {
    const [reply] = await turn("hvem tager sig af gravetilladelser?");
    expect(reply?.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = cardOf(reply);
    expect(card).toContain('"text":"Veje og trafik"');
    expect(card).toContain("Randers Kommune › Udvikling, Miljø og Teknik › Plan, By og Natur");
    expect(card).toContain("Gravetilladelse");
    expect(reply?.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(recorded).toMatchObject([{ kind: "question", question: "hvem tager sig af gravetilladelser?", confident: true }]);
  });

  it("answers from the asker's own organisation, as their tenant tells it", async () => {
    const ask = (tenantId: string) =>
      turn({ type: ActivityTypes.Message, text: "hvem laver lønsedler?", conversation: { id: `c-${tenantId}`, tenantId } as never });
    const [randers] = await ask("tenant-randers");
    expect(cardOf(randers)).toContain('"text":"Løn-afdelingen"');
    expect(cardOf(randers)).not.toContain("Norddjurs");
    const [norddjurs] = await ask("tenant-norddjurs");
    expect(cardOf(norddjurs)).toContain('"text":"Lønkontoret"');
  });

  it("says so when unsure, and still offers the closest units", async () => {
    const [reply] = await turn("hvem bestiller julefrokost?");
    const card = cardOf(reply);
    expect(card).toContain("Jeg er ikke sikker");
    expect(card).toContain("Action.Submit");
    expect(recorded[0]).toMatchObject({ kind: "question", confident: false });
  });

  it("answers in English when asked in English", async () => {
    const [reply] = await turn("who handles building permits?");
    expect(cardOf(reply)).toContain('"text":"Byg"');
    expect(cardOf(reply)).toContain("Matched words");
  });

  it("follows up: 'flere' lists the next units, 'kontakt' the contacts of the unit shown", async () => {
    const [first] = await turn("hvem laver lønsedler");
    const [more] = await turn("flere");
    expect(cardOf(more)).toContain("Andre mulige enheder");
    expect(JSON.parse(cardOf(more)).actions[0].title).not.toBe(JSON.parse(cardOf(first)).body[0].text);
    const [none] = await turn("vis flere");
    expect(cardOf(none)).not.toEqual(cardOf(more));
    await turn("hvem kan hjælpe med Emply");
    const [contacts] = await turn("kontakt");
    expect(cardOf(contacts)).toContain("personalejura@norddjurs.dk");
    expect(cardOf(contacts)).toContain("https://teams.microsoft.com/l/chat/0/0?users=personalejura%40norddjurs.dk");
  });

  it("treats 'hjælp' as help but 'hvem kan hjælpe med …' as a question", async () => {
    const [help] = await turn("hjælp");
    expect(cardOf(help)).toContain("Jeg er Hvem");
    expect(cardOf(help)).toContain('"verb":"ask"');
    const [question] = await turn("hvem kan hjælpe med Emply?");
    expect(cardOf(question)).toContain('"text":"Personalejura"');
  });

  it("answers a message with only an attachment with help, not silence", async () => {
    const [reply] = await turn({ type: ActivityTypes.Message, attachments: [{ contentType: "image/png", contentUrl: "x" }] });
    expect(cardOf(reply)).toContain("Jeg er Hvem");
  });

  it("opens another unit's card from its button", async () => {
    const [first] = await turn("hvem laver lønsedler");
    const other = JSON.parse(cardOf(first)).actions[0].data;
    const [reply] = await turn({ type: ActivityTypes.Message, value: other });
    expect(cardOf(reply)).toContain(`"text":${JSON.stringify(JSON.parse(cardOf(first)).actions[0].title)}`);
  });

  it("keeps the reply to a pasted 60,000-character question far below Teams' 100 KB, and its buttons still work", async () => {
    const question = "hvem behandler byggeansøgninger og gravetilladelser? ".repeat(1200).slice(0, 60_000);
    const [reply] = await turn(question);
    const bytes = Buffer.byteLength(JSON.stringify(reply));
    expect(bytes).toBeLessThan(20_000);
    const card = JSON.parse(cardOf(reply));
    expect(card.actions.length).toBeGreaterThan(0);
    const [clicked] = await turn({ type: ActivityTypes.Message, value: card.actions[0].data });
    expect(cardOf(clicked)).toContain(`"text":${JSON.stringify(card.actions[0].title)}`);
    const [more] = await turn("flere");
    expect(Buffer.byteLength(JSON.stringify(more))).toBeLessThan(20_000);
  });

  it("answers an activity Teams delivers again only once", async () => {
    const message = { type: ActivityTypes.Message, id: "delivered-twice", text: "hvem laver lønsedler" };
    expect(await turn(message)).toHaveLength(1);
    expect(await turn(message)).toEqual([]);
    expect(await turn({ ...message, id: "the-next-one" })).toHaveLength(1);
  });

  it("lets admins reindex and see status, and politely refuses everyone else", async () => {
    const [refused] = await turn("genindlæs");
    expect(refused?.text).toContain("Beklager, det kan kun Hvems administratorer");
    const [status] = await turn({ type: ActivityTypes.Message, text: "status", from: { id: "a", name: "Admin", aadObjectId: ADMIN } });
    expect(status?.text).toMatch(/Videnversion \w+: \d+ enheder, \d+ poster\./);
    const [reindex] = await turn({ type: ActivityTypes.Message, text: "Genindlæs", from: { id: "a", name: "Admin", aadObjectId: ADMIN } });
    expect(reindex?.text).toContain("Ingen ændringer");
  });

  it("in a channel answers only when mentioned, with the mention removed", async () => {
    const channel = { id: "19:channel", conversationType: "channel", isGroup: true };
    const silent = await turn({ type: ActivityTypes.Message, text: "hvem laver lønsedler", conversation: channel as never });
    expect(silent).toEqual([]);
    const [reply] = await turn({
      type: ActivityTypes.Message,
      text: "<at>Hvem</at> hvem behandler byggeansøgninger?",
      conversation: channel as never,
      entities: [{ type: "mention", text: "<at>Hvem</at>", mentioned: { id: "bot", name: "Hvem" } }],
      recipient: { id: "bot", name: "Hvem" },
    });
    expect(cardOf(reply)).toContain('"text":"Byg"');
    expect(cardOf(reply)).toContain("byggeansøgninger");
  });

  it("in a channel answers a click on its card's buttons, which comes without a mention", async () => {
    const channel = { id: "19:channel", conversationType: "channel", isGroup: true } as never;
    const [first] = await turn({ type: ActivityTypes.Message, text: "hvem laver lønsedler" });
    const button = JSON.parse(cardOf(first)).actions[0];
    const [reply] = await turn({ type: ActivityTypes.Message, value: button.data, conversation: channel });
    expect(JSON.parse(cardOf(reply)).body[0].text).toBe(button.title);
    // Text with card data is a message typed in the channel, which still needs a mention.
    expect(await turn({ type: ActivityTypes.Message, text: "hej", value: button.data, conversation: channel })).toEqual([]);
  });

  it("welcomes a new conversation with help, in the user's language", async () => {
    const added = { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: "bot", name: "Hvem" }], recipient: { id: "bot", name: "Hvem" } };
    const [welcome] = await turn({ ...added, locale: "da-DK" });
    expect(cardOf(welcome)).toContain("Jeg er Hvem");
    expect(welcome?.summary).toMatch(/^Jeg er Hvem/);
    const [english] = await turn({ ...added, locale: "en-GB" });
    expect(cardOf(english)).toContain("I'm Hvem");
    expect(english?.summary).toMatch(/^I'm Hvem/);
    const [fromClientInfo] = await turn({ ...added, entities: [{ type: "clientInfo", locale: "en-US" }] });
    expect(cardOf(fromClientInfo)).toContain("I'm Hvem");
  });

  it("gives every card a summary for notifications, naming the unit of an answer", async () => {
    const [answer] = await turn("hvem tager sig af gravetilladelser?");
    expect(answer?.summary).toBe("Veje og trafik — Randers Kommune › Udvikling, Miljø og Teknik › Plan, By og Natur");
    const [more] = await turn("flere");
    expect(more?.summary).toMatch(/^Andre mulige enheder: \S/);
    const [contacts] = await turn("kontakt");
    expect(contacts?.summary).toBe("Kontakt: Veje og trafik");
    const [help] = await turn("hjælp");
    expect(help?.summary).toMatch(/^Jeg er Hvem/);
    const [unsure] = await turn("hvem bestiller julefrokost?");
    expect(unsure?.summary).toMatch(/^Jeg er ikke sikker\. Det nærmeste, jeg fandt, er: \S/);
  });

  it("after a button click, the card's fallback text describes the unit shown, not the first one", async () => {
    const [first] = await turn("hvem laver lønsedler");
    const firstUnit = JSON.parse(cardOf(first)).body.find((e: { size?: string }) => e.size === "Large").text;
    const button = JSON.parse(cardOf(first)).actions[0];
    const [clicked] = await turn({ type: ActivityTypes.Message, value: button.data });
    const fallback: string = JSON.parse(cardOf(clicked)).fallbackText;
    const lines = fallback.split("\n");
    expect(lines[0]?.startsWith(`${button.title} — `)).toBe(true);
    expect(lines.some((line) => line.startsWith(`${firstUnit} — `))).toBe(false);
    expect(fallback).toContain(firstUnit);
    expect(clicked?.summary?.startsWith(`${button.title} — `)).toBe(true);
  });

  it("searches from the compose box: results with previews, and a unit card to insert", async () => {
    const replies = await turn({
      type: ActivityTypes.Invoke,
      name: "composeExtension/query",
      value: { commandId: SEARCH_COMMAND, parameters: [{ name: "queryText", value: "gravetilladelse" }], queryOptions: { skip: 0, count: 5 } },
    });
    const response = replies.find((a) => a.type === "invokeResponse")?.value as {
      status: number;
      body: { composeExtension: { type: string; attachments: { preview: { contentType: string; content: { title: string } }; content: unknown }[] } };
    };
    expect(response.status).toBe(200);
    const results = response.body.composeExtension;
    expect(results.type).toBe("result");
    expect(results.attachments[0]?.preview.contentType).toBe("application/vnd.microsoft.card.hero");
    expect(results.attachments[0]?.preview.content.title).toBe("Veje og trafik");
    expect(JSON.stringify(results.attachments[0]?.content)).toContain("Gravetilladelse");
  });

  it("records 👍/👎 with the question it was about", async () => {
    const [answer] = await turn("hvem tager sig af gravetilladelser?");
    const replies = await turn({
      type: ActivityTypes.Invoke,
      name: "message/submitAction",
      replyToId: answer?.id,
      value: { actionName: "feedback", actionValue: { reaction: "dislike", feedback: '{"feedbackText":"forkert enhed"}' } },
    });
    expect(replies.find((a) => a.type === "invokeResponse")?.value).toEqual({ status: 200, body: {} });
    expect(recorded.at(-1)).toMatchObject({
      kind: "feedback",
      reaction: "dislike",
      comment: "forkert enhed",
      question: "hvem tager sig af gravetilladelser?",
    });
  });
});

describe("admin actions", () => {
  const unit = (id: string, task: string) =>
    `---\nid: ${id}\nname: ${id}\norganisation: Testkommune\ndepartment: Teknik\nchiefArea: Veje\nsource:\n  document: t.txt\n---\n\n- ${task}\n`;

  it("logs each as one JSON line with a pseudonym, and counts errors and warnings apart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvem-admin-"));
    await writeFile(join(dir, "veje.md"), unit("veje", "Gravetilladelser"));
    // Two warnings: files Hvem does not read.
    await writeFile(join(dir, "noter.txt"), "x");
    await writeFile(join(dir, "udkast.docx"), "x");
    const created = await createKnowledgeService(dir);
    if (!created.ok) throw new Error("knowledge has errors");
    const lines: Record<string, unknown>[] = [];
    const bot = createTeamsBot({
      config: { MicrosoftAppType: "SingleTenant" },
      deps: { knowledge: created.service, isAdmin: (id) => id === ADMIN, uptime: () => 42 },
      feedback: { record: async () => {} },
      logger: pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) }),
    });
    adapter = new TestAdapter(async (context) => {
      await bot.app.run(context);
    });
    const admin = { id: "a", name: "Admin", aadObjectId: ADMIN };

    await writeFile(join(dir, "byg.md"), "---\nid: [\n---\n- x\n");
    const [refusal] = await turn({ type: ActivityTypes.Message, text: "genindlæs", from: admin });
    expect(refusal?.text).toContain("afvist: 1 fejl");
    const [status] = await turn({ type: ActivityTypes.Message, text: "status", from: admin });
    expect(status?.text).toContain("blev afvist med 1 fejl og 2 advarsler");
    await turn("status");

    const actions = lines.filter((l) => l.msg === "admin action");
    expect(actions).toMatchObject([
      { action: "reindex", accepted: true },
      { action: "status", accepted: true },
      { action: "status", accepted: false },
    ]);
    expect(actions[0]?.user).toMatch(/^[0-9a-f]{12}$/);
    expect(actions[0]?.user).toBe(actions[1]?.user);
    expect(actions[2]?.user).not.toBe(actions[0]?.user);
    expect(JSON.stringify(lines)).not.toContain(ADMIN);
  });
});

describe("kontakt after a reindex", () => {
  const unit = (id: string, name: string, task: string, email: string) =>
    `---\nid: ${id}\nname: ${name}\norganisation: Testkommune\ndepartment: Teknik\nchiefArea: Veje\ncontacts:\n  - { name: ${name} Kontakt, email: ${email} }\nsource:\n  document: t.txt\n---\n\n- ${task}\n`;

  it("names the unit the user saw, though the question now ranks another unit first", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvem-kontakt-"));
    await writeFile(join(dir, "veje.md"), unit("t/veje", "Veje", "Gravetilladelser", "veje@test.dk"));
    await writeFile(join(dir, "park.md"), unit("t/park", "Park", "Parkpleje og græsslåning", "park@test.dk"));
    const created = await createKnowledgeService(dir);
    if (!created.ok) throw new Error("knowledge has errors");
    const bot = createTeamsBot({
      config: { MicrosoftAppType: "SingleTenant" },
      deps: { knowledge: created.service, isAdmin: () => false, uptime: () => 1 },
      feedback: { record: async () => {} },
      logger: pino({ level: "silent" }),
    });
    adapter = new TestAdapter(async (context) => {
      await bot.app.run(context);
    });
    const [answer] = await turn("gravetilladelser");
    expect(answer?.summary).toMatch(/Veje$/);

    // Now the park unit is the one named for the question, and ranks first.
    await writeFile(join(dir, "park.md"), unit("t/park", "Gravetilladelser", "Gravetilladelser i parker", "park@test.dk"));
    const reindexed = await created.service.reindex();
    expect(reindexed).toMatchObject({ ok: true, changed: true });
    expect(created.service.searcher().ask("gravetilladelser").answers.map((a) => a.unitId)).toEqual(["t/park", "t/veje"]);

    const [contacts] = await turn("kontakt");
    expect(cardOf(contacts)).toContain("veje@test.dk");
    expect(cardOf(contacts)).not.toContain("park@test.dk");
  });
});

describe("Hvem in Teams with a feedback log that cannot be written", () => {
  it("still answers, and carries the conversation on", async () => {
    const bot = createTeamsBot({
      config: { MicrosoftAppType: "SingleTenant" },
      deps: { knowledge, isAdmin: () => false, uptime: () => 42 },
      feedback: { record: async () => Promise.reject(new Error("storage down")) },
      logger: pino({ level: "silent" }),
    });
    adapter = new TestAdapter(async (context) => {
      await bot.app.run(context);
    });
    const [answer] = await turn("hvem tager sig af gravetilladelser?");
    expect(cardOf(answer)).toContain("Veje og trafik");
    const [contacts] = await turn("kontakt");
    expect(JSON.stringify(contacts)).not.toContain("noget gik galt");
    expect(cardOf(contacts)).toContain("Veje og trafik");
  });
});

describe("conversation storage", () => {
  it("lets the last of two overlapping writes win instead of failing on a stale eTag", async () => {
    const plain = new MemoryStorage();
    await plain.write({ c: { shown: 0 } });
    const first = (await plain.read(["c"])).c;
    const second = (await plain.read(["c"])).c;
    await plain.write({ c: { ...first, shown: 1 } });
    await expect(plain.write({ c: { ...second, shown: 2 } })).rejects.toThrow(/eTag/);

    const storage = lastWriteWins(plain);
    const stale = { ...second, shown: 3 };
    await storage.write({ c: stale });
    expect((await storage.read(["c"])).c).toMatchObject({ shown: 3 });
  });
});
