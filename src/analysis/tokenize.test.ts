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

  it("returns nothing for emoji and punctuation only", () => {
    expect(tokenize("🙂 ?! …")).toEqual([]);
  });
});
