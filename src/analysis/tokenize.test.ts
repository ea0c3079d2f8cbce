import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

describe("tokenize", () => {
  it("splits on punctuation and keeps Danish letters", () => {
    expect(tokenize("Hvem tager sig af gravetilladelser?")).toEqual([
      "Hvem",
      "tager",
      "sig",
      "af",
      "gravetilladelser",
    ]);
  });

  it("gives a hyphenated word whole and in parts", () => {
    expect(tokenize("IT-support")).toEqual(["ITsupport", "IT", "support"]);
  });

  it("gives a web address whole and in parts, without www", () => {
    expect(tokenize("Drift af www.Randers.dk.")).toEqual(["Drift", "af", "Randersdk", "Randers", "dk"]);
    expect(tokenize("hvem passer randers.dk?")).toEqual(["hvem", "passer", "randersdk", "randers", "dk"]);
  });

  it("returns nothing for emoji and punctuation only", () => {
    expect(tokenize("🙂 ?! …")).toEqual([]);
  });
});
