import { describe, expect, it } from "vitest";
import { isStopWord } from "./stopwords.js";

describe("isStopWord", () => {
  it.each([
    "hvem",
    "tager",
    "sig",
    "af",
    "Hvor",
    "jeg",
    "kan",
    "hjælpe",
    "med",
    "på",
    "pa",
    "who",
    "the",
    "dag", // "i dag": when, not what
    "arbejder", // "hvem arbejder med …"
    "looks", // "who looks after …"
    "så", // everyday speech ("så langt ud over fortovet"), which folded would meet "SA"
    "stadig",
  ])("%s is question phrasing or a function word", (word) => expect(isStopWord(word)).toBe(true));

  it.each(["rotter", "løn", "byggetilladelse", "affald", "Emply", "permits", "dagpleje", "arbejde", "styr"])(
    "%s carries meaning",
    (word) => expect(isStopWord(word)).toBe(false),
  );

  it.each(["MED", "IT", "AT", "SA"])("%s in capitals is an abbreviation (MED-udvalg, IT, Arbejdstilsynet, Social og Arbejdsmarked), not a function word", (word) =>
    expect(isStopWord(word)).toBe(false),
  );
});
