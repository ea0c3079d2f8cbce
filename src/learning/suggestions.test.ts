import { describe, expect, it } from "vitest";
import type { FeedbackEvent } from "../feedback/feedback-log.js";
import type { UnitTerms } from "../search/check-vocabulary.js";
import { distinctiveTerm, groupPicks, questionPhrase, suggestionId } from "./suggestions.js";

const pick = (user: string, question: string, unitId = "natur", firstUnitId = "byg"): FeedbackEvent => ({
  kind: "pick",
  at: "2026-12-01T10:00:00.000Z",
  conversation: `c-${user}`,
  user,
  question,
  unitId,
  firstUnitId,
});

describe("groupPicks", () => {
  it("counts distinct users per question and unit; case, punctuation and æ/ø/å do not split a question", () => {
    const groups = groupPicks(
      [pick("a", "Vand i kælderen?"), pick("b", "vand i kaelderen"), pick("c", "VAND I KÆLDEREN"), pick("c", "vand i kælderen")],
      3,
    );
    expect(groups).toEqual([
      { question: "Vand i kælderen?", unitId: "natur", users: 3, examples: ["Vand i kælderen?", "vand i kaelderen", "VAND I KÆLDEREN"] },
    ]);
  });

  it("needs the minimum of different users, and ignores a pick of the unit that was already first", () => {
    expect(groupPicks([pick("a", "q"), pick("a", "q"), pick("b", "q")], 3)).toEqual([]);
    expect(groupPicks([pick("a", "q", "byg"), pick("b", "q", "byg"), pick("c", "q", "byg")], 3)).toEqual([]);
    expect(groupPicks([pick("a", "q"), pick("b", "q", "veje"), pick("c", "q")], 2)).toMatchObject([{ unitId: "natur", users: 2 }]);
  });
});

describe("questionPhrase", () => {
  it("keeps the words that carry the question, not its phrasing or masked details", () => {
    expect(questionPhrase("Hvem tager sig af vand i kælderen?")).toBe("vand kælderen");
    expect(questionPhrase("borgeren [cpr] på [telefon] og [e-mail] om rotter i kælderen, rotter!")).toBe("rotter kælderen");
  });
});

describe("distinctiveTerm", () => {
  // Each word's analysed term is itself; which units have it is given.
  const unitsOf: Record<string, string[]> = {
    vand: ["natur", "byg"],
    terræn: ["natur"],
    klimatilpasning: ["natur", "veje"],
    fugt: ["byg"],
  };
  const terms: UnitTerms = {
    analyse: (phrase) => phrase.toLowerCase().split(/\s+/).filter(Boolean),
    unitsWith: (ts) => Object.keys({ natur: 1, byg: 1, veje: 1 }).filter((u) => ts.every((t) => unitsOf[t]?.includes(u))).length,
    unitHas: (unit, ts) => ts.every((t) => unitsOf[t]?.includes(unit)),
  };

  it("picks the unit's word that the fewest units share and the question lacks", () => {
    expect(distinctiveTerm(["Klimatilpasning og vand på terræn"], "vand i kælderen", "natur", terms)).toBe("terræn");
  });

  it("prefers the earlier word, from the better matching task, when units share them alike", () => {
    unitsOf.regn = ["natur"];
    expect(distinctiveTerm(["Regn og vand", "Terræn"], "vand", "natur", terms)).toBe("regn");
  });

  it("never brings a word of another unit, a short word or a number", () => {
    expect(distinctiveTerm(["Fugt 2024 og ånd"], "vand", "natur", terms)).toBeUndefined();
  });
});

describe("suggestionId", () => {
  it("is the same for the same rule and differs for another", () => {
    expect(suggestionId("vand kælderen", "terræn")).toBe(suggestionId("vand kælderen", "terræn"));
    expect(suggestionId("vand kælderen", "terræn")).not.toBe(suggestionId("vand kælderen", "regn"));
  });
});
