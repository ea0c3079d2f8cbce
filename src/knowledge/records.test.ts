import { describe, expect, it } from "vitest";
import { loadKnowledge } from "./load-knowledge.js";
import { type KnowledgeRecord, recordSchema, toRecords } from "./records.js";
import type { Meeting, Unit } from "./schema.js";

const byg: Unit = {
  id: "randers-kommune/umt/plan-by-og-natur/byg",
  name: "Byg",
  organisation: "Randers Kommune",
  department: "Udvikling, Miljø og Teknik",
  chiefArea: "Plan, By og Natur",
  aliases: ["byggesag"],
  contacts: [
    { name: "Byggesagsbehandlingen", role: "Byggesager", email: "byg@randers.dk" },
    { name: "Per Hansen", phone: "89 15 15 15" },
  ],
  crossCutting: false,
  source: { document: "katalog.txt", lines: "338-382" },
  file: "randers/byg.md",
  tasks: [
    { group: "Byggesagsbehandling", text: "Byggeansøgninger", line: 12 },
    { group: "", text: "Nedrivningstilladelser", line: 20 },
  ],
};

const meeting: Meeting = {
  id: "randers/moeder/hovedudvalg-2022-12-14",
  organisation: "Randers Kommune",
  department: "Stabene",
  chiefArea: "Personale og HR",
  committee: "Hovedudvalg",
  date: "2022-12-14",
  source: { document: "referat.txt" },
  file: "randers/moeder/hu.meeting.yaml",
  items: [
    {
      number: 126,
      title: "Velkommen",
      presenter: "Jesper Kaas Schmidt",
      journalNumber: "81.38.04-A00-2-21",
      summary: "Velkomst.",
    },
    { number: 127, title: "Budget", decision: "Taget til efterretning." },
  ],
};

const records = toRecords({ units: [byg], meetings: [meeting] });
const JSONed = JSON.parse(JSON.stringify(records)) as unknown[];

describe("toRecords", () => {
  it("gives one record per task, contact and meeting item, in order", () => {
    expect(records.map((r) => [r.kind, r.id])).toEqual([
      ["task", expect.stringMatching(/^randers-kommune\/umt\/plan-by-og-natur\/byg#[0-9a-f]{10}$/)],
      ["task", expect.stringMatching(/^randers-kommune\/umt\/plan-by-og-natur\/byg#[0-9a-f]{10}$/)],
      ["contact", "randers-kommune/umt/plan-by-og-natur/byg#kontakt-byggesagsbehandlingen"],
      ["contact", "randers-kommune/umt/plan-by-og-natur/byg#kontakt-per-hansen"],
      ["meetingItem", "randers/moeder/hovedudvalg-2022-12-14#punkt-126"],
      ["meetingItem", "randers/moeder/hovedudvalg-2022-12-14#punkt-127"],
    ]);
  });

  it("a record keeps its id when other tasks are added, removed or fixed, and repeats are told apart", () => {
    const id = (tasks: Unit["tasks"], text: string) =>
      toRecords({ units: [{ ...byg, tasks }], meetings: [] }).find((r) => r.text === text)?.id;
    const before = id(byg.tasks, "Nedrivningstilladelser");
    const newTask = { group: "", text: "Skurvogne", line: 11 };
    expect(id([newTask, ...byg.tasks], "Nedrivningstilladelser")).toBe(before);
    expect(id(byg.tasks.slice(1), "Nedrivningstilladelser")).toBe(before);
    const twice = toRecords({ units: [{ ...byg, tasks: [...byg.tasks, ...byg.tasks] }], meetings: [] });
    expect(new Set(twice.map((r) => r.id)).size).toBe(twice.length);
  });

  it("every record, also after a JSON round trip, passes recordSchema", () => {
    for (const record of [...records, ...JSONed]) {
      const result = recordSchema.safeParse(record);
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });

  it("a task record carries where it sits and its source line", () => {
    expect(records[0]).toEqual({
      kind: "task",
      id: records[0]?.id ?? "",
      organisation: "Randers Kommune",
      department: "Udvikling, Miljø og Teknik",
      chiefArea: "Plan, By og Natur",
      unit: "Byg",
      unitId: "randers-kommune/umt/plan-by-og-natur/byg",
      taskGroup: "Byggesagsbehandling",
      text: "Byggeansøgninger",
      source: { file: "randers/byg.md", line: 12 },
    } satisfies KnowledgeRecord);
    expect(records[1]).toMatchObject({ taskGroup: "", text: "Nedrivningstilladelser" });
  });

  it("a contact record has name, role, email and phone, and a searchable text", () => {
    expect(records[2]).toEqual({
      kind: "contact",
      id: "randers-kommune/umt/plan-by-og-natur/byg#kontakt-byggesagsbehandlingen",
      organisation: "Randers Kommune",
      department: "Udvikling, Miljø og Teknik",
      chiefArea: "Plan, By og Natur",
      unit: "Byg",
      unitId: "randers-kommune/umt/plan-by-og-natur/byg",
      taskGroup: "",
      text: "Byggesagsbehandlingen, Byggesager",
      name: "Byggesagsbehandlingen",
      role: "Byggesager",
      email: "byg@randers.dk",
      source: { file: "randers/byg.md" },
    } satisfies KnowledgeRecord);
    expect(JSONed[3]).toMatchObject({
      kind: "contact",
      name: "Per Hansen",
      phone: "89 15 15 15",
      text: "Per Hansen",
    });
  });

  it("a meeting item record names the committee, date, item and decision", () => {
    expect(JSONed[4]).toEqual({
      kind: "meetingItem",
      id: "randers/moeder/hovedudvalg-2022-12-14#punkt-126",
      organisation: "Randers Kommune",
      department: "Stabene",
      chiefArea: "Personale og HR",
      unit: "Hovedudvalg",
      unitId: "randers/moeder/hovedudvalg-2022-12-14",
      taskGroup: "Punkt 126",
      text: "Velkommen",
      date: "2022-12-14",
      number: 126,
      presenter: "Jesper Kaas Schmidt",
      journalNumber: "81.38.04-A00-2-21",
      summary: "Velkomst.",
      source: { file: "randers/moeder/hu.meeting.yaml" },
    });
    expect(JSONed[5]).toMatchObject({
      kind: "meetingItem",
      taskGroup: "Punkt 127",
      text: "Budget",
      decision: "Taget til efterretning.",
    });
  });

  it("recordSchema rejects a record without its place or with an unknown kind", () => {
    const { department: _d, ...noDepartment } = records[0] as KnowledgeRecord;
    expect(recordSchema.safeParse(noDepartment).success).toBe(false);
    expect(recordSchema.safeParse({ ...records[0], kind: "person" }).success).toBe(false);
    expect(recordSchema.safeParse({ ...records[0], extra: 1 }).success).toBe(false);
  });

  it("no units and no meetings give no records", () => {
    expect(toRecords({ units: [], meetings: [] })).toEqual([]);
  });
});

describe("toRecords on the committed knowledge", () => {
  it("gives valid records of every kind with unique ids", async () => {
    const knowledge = await loadKnowledge("knowledge");
    const all = toRecords(knowledge);
    const kinds = new Set(all.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(["contact", "meetingItem", "task"]);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const invalid = all.filter((r) => !recordSchema.safeParse(r).success);
    expect(invalid).toEqual([]);
    for (const r of all) {
      expect(r.text.trim(), r.id).not.toBe("");
      expect(r.organisation, r.id).toMatch(/ Kommune$/);
    }
    const taskCount = knowledge.units.reduce((n, u) => n + u.tasks.length, 0);
    expect(all.filter((r) => r.kind === "task")).toHaveLength(taskCount);
  });
});
