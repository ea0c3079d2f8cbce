/**
 * The learning loop end to end, through the real bot: users' picks become a
 * suggestion, an admin accepts it in Teams, and the question is then answered with
 * the picked unit first. The knowledge is a temporary copy, the log a real file.
 */
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Activity, ActivityTypes, MemoryStorage, TestAdapter } from "botbuilder";
import { pino } from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { type FeedbackLog, fileFeedbackLog, readFeedbackLog } from "../feedback/feedback-log.js";
import { suggestionDesk } from "../learning/suggestion-desk.js";
import { createKnowledgeService, type KnowledgeService } from "../service/knowledge-service.js";
import { createTeamsBot } from "./teams-bot.js";

const ADMIN = "00000000-0000-0000-0000-00000000a0a0";
const QUESTION = "vand i kælderen";
const PICKED = "Miljø, natur og landbrug";

let dir: string;
let logPath: string;
let knowledge: KnowledgeService;
let log: FeedbackLog;
let adapter: TestAdapter;
/** The conversation state as stored. */
const stored: Record<string, string> = {};
/** What the bot logged, one object per line. */
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), "hvem-learning-"));
  dir = join(root, "knowledge");
  await cp("knowledge", dir, { recursive: true, filter: (source) => !source.includes("/sources") });
  logPath = join(root, "feedback.jsonl");
  const loaded = await createKnowledgeService(dir);
  if (!loaded.ok) throw new Error("knowledge has errors");
  knowledge = loaded.service;
  log = fileFeedbackLog(logPath);
  const bot = createTeamsBot({
    config: { MicrosoftAppType: "SingleTenant" },
    deps: {
      knowledge,
      isAdmin: (id) => id === ADMIN,
      uptime: () => 1,
      suggestions: suggestionDesk({
        knowledgeDir: dir,
        readEvents: () => readFeedbackLog(logPath),
        minUsers: 3,
        searcher: () => knowledge.searcher(),
      }),
    },
    feedback: log,
    storage: new MemoryStorage(stored),
    logger: pino({ level: "info" }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
  });
  adapter = new TestAdapter(async (context) => {
    await bot.app.run(context);
  });
});

/** One activity from a user (by Entra id) in their own chat; what the bot sent back, without typing indicators. */
async function turn(user: string, activity: Partial<Activity> | string): Promise<Partial<Activity>[]> {
  const incoming = typeof activity === "string" ? { type: ActivityTypes.Message, text: activity } : activity;
  await adapter.processActivity({
    from: { id: user, name: user, aadObjectId: user },
    conversation: { id: `chat-${user}` } as never,
    ...incoming,
  });
  return adapter.activeQueue.splice(0).filter((a) => a.type !== ActivityTypes.Typing);
}

const card = (activity: Partial<Activity> | undefined) => activity?.attachments?.[0]?.content as {
  body: { text?: string; actions?: { title: string; data: Record<string, string> }[] }[];
  actions?: { title: string; data: Record<string, string> }[];
};
const firstUnit = (activity: Partial<Activity> | undefined) => card(activity).body.find((b) => b.text && !/sikker/.test(b.text))?.text;

describe("learning from use", () => {
  it("turns three users' picks into a suggestion an admin accepts in Teams; the question then answers with that unit first", async () => {
    const [before] = await turn("user-1", QUESTION);
    expect(firstUnit(before)).not.toBe(PICKED);

    for (const user of ["user-1", "user-2", "user-3"]) {
      const [answer] = await turn(user, QUESTION);
      const button = card(answer).actions?.find((a) => a.title === PICKED);
      expect(button, `${PICKED} is offered on the card`).toBeDefined();
      const [opened] = await turn(user, { type: ActivityTypes.Message, value: button?.data });
      expect(firstUnit(opened)).toBe(PICKED);
    }

    const [refused] = await turn("user-1", "forslag");
    expect(refused?.text).toContain("kun Hvems administratorer");

    const [listed] = await turn(ADMIN, "forslag");
    const suggestion = card(listed).body.find((b) => b.text?.startsWith(`${PICKED} (`));
    expect(suggestion).toBeDefined();
    expect(JSON.stringify(card(listed))).toContain("3 brugere valgte enheden");
    const accept = card(listed)
      .body.flatMap((b) => b.actions ?? [])
      .find((a) => a.data.verb === "acceptSuggestion");
    expect(accept?.title).toBe("Godkend");

    // Another user's click on the admin's card is refused too.
    const [notAdmin] = await turn("user-2", { type: ActivityTypes.Message, value: accept?.data });
    expect(notAdmin?.text).toContain("kun Hvems administratorer");

    const [accepted] = await turn(ADMIN, { type: ActivityTypes.Message, value: accept?.data });
    expect(accepted?.text).toContain(`Forslag ${accept?.data.id} er godkendt`);
    expect(accepted?.text).toContain(`besvares nu med ${PICKED} først`);

    const adminActions = logged.filter((l) => l.msg === "admin action");
    expect(adminActions).toMatchObject([
      { action: "suggestions", accepted: false },
      { action: "suggestions", accepted: true },
      { action: "acceptSuggestion", accepted: false, id: accept?.data.id },
      { action: "acceptSuggestion", accepted: true, id: accept?.data.id },
    ]);
    expect(adminActions[1]?.user).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(logged)).not.toContain(ADMIN);

    const learned = await readFile(join(dir, "vocabulary", "learned.txt"), "utf8");
    expect(learned).toMatch(new RegExp(`# forslag ${accept?.data.id}, \\d{4}-\\d{2}-\\d{2}, 3 brugere valgte ${PICKED}`));
    expect(learned).toMatch(/^vand kælderen => \S+$/m);

    const [after] = await turn("user-4", QUESTION);
    expect(firstUnit(after)).toBe(PICKED);
    const [none] = await turn(ADMIN, "forslag");
    expect(JSON.stringify(card(none))).toContain("ingen ventende forslag");

    await log.close();
    const events = await readFeedbackLog(logPath);
    const picks = events.filter((e) => e.kind === "pick");
    expect(new Set(picks.map((e) => e.user)).size).toBe(3);
    expect(JSON.stringify(events)).not.toContain("user-1");
  });

  it("never writes a CPR number, e-mail address or phone number from a question or a 👎 comment to the log or the conversation state", async () => {
    const [answer] = await turn("user-5", "borgeren 010190-1234 (jens@eksempel.dk, tlf. 89 15 15 15) klager over rotter");
    expect(firstUnit(answer)).toBe(PICKED);
    await turn("user-5", {
      type: ActivityTypes.Invoke,
      name: "message/submitAction",
      replyToId: answer?.id,
      value: { actionName: "feedback", actionValue: { reaction: "dislike", feedback: '{"feedbackText":"cpr 3112851234, ring +4589151515"}' } },
    });
    const others = card(answer).actions ?? [];
    await turn("user-5", { type: ActivityTypes.Message, value: others[0]?.data });
    await log.close();
    const written = await readFile(logPath, "utf8");
    expect(written).toContain("borgeren [cpr] ([e-mail], tlf. [telefon]) klager over rotter");
    expect(written).toContain("cpr [cpr], ring [telefon]");
    for (const personal of ["010190", "3112851234", "jens@eksempel.dk", "89 15 15 15", "89151515"]) {
      expect(written).not.toContain(personal);
      expect(JSON.stringify(stored)).not.toContain(personal);
    }
    expect(JSON.stringify(stored)).toContain("[cpr]");
  });

  it("records a pick made from 'flere' too, with the unit the answer put first", async () => {
    await turn("user-6", "hvem laver lønsedler");
    const [more] = await turn("user-6", "flere");
    const button = card(more).actions?.[0];
    await turn("user-6", { type: ActivityTypes.Message, value: button?.data });
    await log.close();
    const picks = (await readFeedbackLog(logPath)).filter((e) => e.kind === "pick");
    expect(picks.at(-1)).toMatchObject({
      question: "hvem laver lønsedler",
      unitId: button?.data.unitId,
      firstUnitId: expect.any(String),
    });
    expect(picks.at(-1)?.unitId).not.toBe(picks.at(-1)?.firstUnitId);
  });
});
