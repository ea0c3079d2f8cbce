import { describe, expect, it } from "vitest";
import { tokenize, tokenizeAsWritten } from "./tokenize.js";

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

  it("says which written word each token comes from", () => {
    expect(tokenizeAsWritten("IT-support for driver's")).toEqual([
      { token: "ITsupport", written: "IT-support" },
      { token: "IT", written: "IT-support" },
      { token: "support", written: "IT-support" },
      { token: "for", written: "for" },
      { token: "driver", written: "driver's" },
    ]);
  });

  it("returns nothing for emoji and punctuation only", () => {
    expect(tokenize("🙂 ?! …")).toEqual([]);
  });
});
