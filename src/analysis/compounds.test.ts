import { describe, expect, it } from "vitest";
import { splitCompound } from "./compounds.js";

const words = new Set([
  "rotte",
  "bekæmpelse",
  "bygge",
  "ansøgninger",
  "sygefravær",
  "samtaler",
  "løn",
  "system",
]);
const isPart = (w: string) => words.has(w);

describe("splitCompound", () => {
  it.each([
    ["rottebekæmpelse", ["rotte", "bekæmpelse"]],
    ["byggeansøgninger", ["bygge", "ansøgninger"]],
    ["sygefraværssamtaler", ["sygefravær", "samtaler"]],
    ["lønsystem", ["løn", "system"]],
    ["løn", ["løn"]],
  ])("%s → %j", (word, parts) => {
    expect(splitCompound(word, isPart)).toEqual(parts);
  });

  it("gives undefined when a word is not made of known words", () => {
    expect(splitCompound("julefrokost", isPart)).toBeUndefined();
  });

  it("does not split into parts shorter than three letters", () => {
    expect(splitCompound("løns", (w) => w === "løn" || w === "s")).toBeUndefined();
  });
});
