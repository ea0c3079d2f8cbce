import { describe, expect, it } from "vitest";
import { DEFAULT_TUNING } from "../search/search-tuning.js";
import { createAnalyzer } from "./analyzer.js";
import { fullForm, nounForms, verbForm } from "./word-families.js";

const analyzer = createAnalyzer({
  texts: ["Randers Naturcenter", "Mindre reparationer", "Minder fra arkivet", "Snerydning og glatførebekæmpelse", "Flytning af jord", "Bortvisning og afskedigelse", "Betaling af regninger"],
  synonyms: [["regning", "faktura"]],
  rules: [
    { from: ["køre jord væk"], to: "flytning", kind: "everyday" },
    { from: ["gritting"], to: "glatførebekæmpelse", kind: "english" },
  ],
});
const terms = (question: string) => analyzer.queryTerms(question, DEFAULT_TUNING.terms);
const origin = (question: string, term: string) => terms(question).find((t) => t.term === analyzer.term(term))?.origin;

describe("word families", () => {
  it("make a verb's nouns and a noun's verb by rule", () => {
    expect(nounForms("flytte")).toContain("flytning");
    expect(nounForms("betale")).toContain("betaling");
    expect(nounForms("opsige")).toContain("opsigelse");
    expect(verbForm("bortvisningen")).toBe("bortvise");
    // Too short to be a verb with nouns, and a noun is not a verb.
    expect(nounForms("gå")).toEqual([]);
    expect(nounForms("flytning")).toEqual([]);
    // A noun in -er drops its e before an ending.
    expect(fullForm("naturcentret")).toBe("naturcenter");
    expect(fullForm("teatrene")).toBe("teater");
    expect(fullForm("center")).toBeUndefined();
  });

  it("link a definite form that dropped an e to the knowledge's full form, only for words the knowledge lacks (mindre is not minder)", () => {
    expect(origin("en tur ud på naturcentret", "naturcenter")).toBe("family");
    expect(terms("mindre reparationer").map((t) => t.origin)).not.toContain("family");
  });

  it("link a question's verb to the knowledge's noun, and a verb beside a noun to the compound", () => {
    expect(origin("hvem må bortvise en medarbejder", "bortvisning")).toBe("family");
    expect(origin("hvem kan jeg betale til", "betaling")).toBe("family");
    expect(origin("hvem skal rydde sne", "snerydning")).toBe("joined");
  });

  it("bring only forms the knowledge has", () => {
    expect(terms("hvem må spise frokost").map((t) => t.origin)).not.toContain("family");
  });
});

describe("one-way rules", () => {
  it("bring the catalogue's term when all words of a phrase are asked, below the user's own words", () => {
    const flytning = terms("en entreprenør vil køre jord væk").find((t) => t.term === analyzer.term("flytning"));
    expect(flytning).toMatchObject({ origin: "rule", weight: DEFAULT_TUNING.terms.rule });
    expect(origin("jord til haven", "flytning")).toBeUndefined();
  });

  it("work one way only: the catalogue's word does not bring the everyday words", () => {
    expect(terms("glatførebekæmpelse").map((t) => t.term)).not.toContain(analyzer.term("gritting"));
    expect(terms("who does the gritting").find((t) => t.origin === "rule")).toMatchObject({
      weight: DEFAULT_TUNING.terms.english,
    });
  });
});
