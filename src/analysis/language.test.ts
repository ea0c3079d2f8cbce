import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language.js";

describe("detectLanguage", () => {
  it.each([
    ["who handles building permits?", "en"],
    ["Where do I report a pothole?", "en"],
    ["hvem tager sig af gravetilladelser?", "da"],
    ["hvem kan hjælpe med Emply", "da"],
    ["byggetilladelse carport", "da"],
    ["løn", "da"],
    ["huller i vejen", "da"],
    ["I need a parking permit", "en"],
  ])("%s → %s", (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});
