import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runHvem } from "./knowledge-fixtures.js";
import { fileFeedbackLog, readFeedbackLog, retentionCutoff } from "../src/feedback/feedback-log.js";
import { writeAccepted } from "../src/learning/learned-vocabulary.js";
import { learningKnowledge, pickLog, UNITS } from "./learning-fixture.js";

const hvem = runHvem;

const QUESTION = "vand i kælderen";
const picks = (users: string[]) => [{ question: QUESTION, unitId: UNITS.natur, firstUnitId: UNITS.byg, users }];

async function setUp(users = ["a", "b", "c"], at?: Date) {
  const knowledge = await learningKnowledge();
  const log = join(knowledge, "..", `${knowledge.split("/").pop()}.jsonl`);
  await pickLog(log, picks(users), at);
  return { knowledge, log, options: ["--log", log, "--knowledge", knowledge] };
}

describe("hvem suggest", () => {
  it("lists a suggestion as JSON, accepts it into learned.txt, and the question then answers with the unit first", async () => {
    const { knowledge, options } = await setUp();
    const before = JSON.parse((await hvem("ask", QUESTION, "--json", "--knowledge", knowledge)).stdout);
    expect(before.answers[0].unitId).toBe(UNITS.byg);

    const listed = await hvem("suggest", "--json", ...options);
    expect(listed.code).toBe(0);
    const [suggestion, ...rest] = JSON.parse(listed.stdout);
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      kind: "rule",
      unitId: UNITS.natur,
      unit: "Natur",
      organisation: "Test Kommune",
      adds: "vand kælderen => terræn",
      file: "vocabulary/learned.txt",
      users: 3,
      examples: [QUESTION],
    });
    expect(suggestion.id).toMatch(/^[0-9a-f]{8}$/);

    const text = await hvem("suggest", ...options);
    expect(text.stdout).toContain(`${suggestion.id}  Natur (${UNITS.natur})`);
    expect(text.stdout).toContain("3 brugere valgte enheden");

    const accepted = await hvem("suggest", "accept", suggestion.id, ...options);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`"${QUESTION}" besvares nu med Natur først`);
    const learned = await readFile(join(knowledge, "vocabulary", "learned.txt"), "utf8");
    expect(learned).toMatch(new RegExp(`^# forslag ${suggestion.id}, \\d{4}-\\d{2}-\\d{2}, 3 brugere valgte Natur \\(${UNITS.natur}\\)\\nvand kælderen => terræn$`, "m"));

    const after = JSON.parse((await hvem("ask", QUESTION, "--json", "--knowledge", knowledge)).stdout);
    expect(after.answers[0].unitId).toBe(UNITS.natur);
    expect(JSON.parse((await hvem("suggest", "--json", ...options)).stdout)).toEqual([]);
    expect((await hvem("check", knowledge)).code).toBe(0);
  });

  it("remembers a rejected suggestion and never proposes it again, leaving the knowledge valid", async () => {
    const { knowledge, options } = await setUp();
    const [suggestion] = JSON.parse((await hvem("suggest", "--json", ...options)).stdout);
    const rejected = await hvem("suggest", "reject", suggestion.id, ...options);
    expect(rejected.stdout).toContain(`Forslag ${suggestion.id} er afvist`);
    expect(await readFile(join(knowledge, "vocabulary", "rejected.txt"), "utf8")).toContain(
      `# afvist ${suggestion.id} `,
    );
    expect(JSON.parse((await hvem("suggest", "--json", ...options)).stdout)).toEqual([]);
    const check = await hvem("check", knowledge);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("0 ordregler");
  });

  it("needs enough different users: one user picking three times is one", async () => {
    const { options } = await setUp(["a", "a", "a", "b"]);
    expect(JSON.parse((await hvem("suggest", "--json", ...options)).stdout)).toEqual([]);
    expect((await hvem("suggest", ...options)).stdout).toContain("Ingen ventende forslag");
  });

  it("ignores picks older than the retention period", async () => {
    const { options } = await setUp(["a", "b", "c"], new Date(Date.now() - 100 * 24 * 60 * 60 * 1000));
    expect(JSON.parse((await hvem("suggest", "--json", ...options)).stdout)).toEqual([]);
  });

  it("says clearly what is wrong with an unknown id or a missing one, and answers --help", async () => {
    const { options } = await setUp();
    const unknown = await hvem("suggest", "accept", "deadbeef", ...options);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Der er intet ventende forslag med id "deadbeef"');
    const missing = await hvem("suggest", "accept", ...options);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("skriv ét forslags id");
    const help = await hvem("suggest", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("hvem suggest accept ID");
  });

  it("writes nothing, not even half, when a rule would break the knowledge", async () => {
    const knowledge = await learningKnowledge();
    const written = await writeAccepted(knowledge, {
      id: "0badc0de",
      kind: "rule",
      unitId: UNITS.natur,
      unit: "Natur",
      organisation: "Test Kommune",
      adds: "vand kælderen => ukendtord",
      file: "vocabulary/learned.txt",
      from: "vand kælderen",
      to: "ukendtord",
      users: 3,
      examples: [QUESTION],
    });
    expect(written.ok).toBe(false);
    expect(written.ok ? "" : written.problems[0]?.message).toContain('"ukendtord" står ikke i nogen enheds opgaver');
    expect(await readdir(join(knowledge, "vocabulary"))).toEqual([]);
  });
});

describe("feedback retention", () => {
  it("drops events older than the retention period from the file, keeping the rest and later writes", async () => {
    const { log } = await setUp(["old-1", "old-2"], new Date(Date.now() - 100 * 24 * 60 * 60 * 1000));
    const file = fileFeedbackLog(log);
    await file.record({ kind: "question", conversation: "c", user: "u", question: "ny", confident: true });
    expect(await file.prune(retentionCutoff(90))).toBe(2);
    await file.record({ kind: "question", conversation: "c", user: "u", question: "efter", confident: true });
    await file.close();
    const events = await readFeedbackLog(log);
    expect(events.map((e) => e.question)).toEqual(["ny", "efter"]);
  });
});
