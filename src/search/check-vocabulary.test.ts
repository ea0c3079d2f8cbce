import { afterAll, describe, expect, it } from "vitest";
import { knowledgeFolder, removeKnowledgeFolders, unitFile } from "../../test/knowledge-fixtures.js";
import { loadKnowledge } from "../knowledge/load-knowledge.js";
import { formatProblem } from "../knowledge/problem.js";
import { MANY_UNITS, vocabularyProblems } from "./check-vocabulary.js";
import { createSearcher } from "./searcher.js";

afterAll(removeKnowledgeFolders);

const knowledgeOf = async (files: Record<string, string>) => loadKnowledge(await knowledgeFolder(files));
const unit = (slug: string, name: string, tasks: string[]) => unitFile(`randers/${slug}`, tasks, name, { group: "Opgaver" });

const units = {
  "miljoe.md": unit("miljoe", "Miljø, natur og landbrug", ["Jordflytninger", "Anmeldelse af olietanke"]),
  "veje.md": unit("veje", "Veje og trafik", ["Gravetilladelser", "Vintertjeneste"]),
  // Many units whose tasks say "sager": an everyday word no rule should start from.
  ...Object.fromEntries(
    Array.from({ length: MANY_UNITS }, (_, i) => [`u${i}.md`, unit(`u${i}`, `Enhed ${i}`, [`Sager om emne ${i}`])]),
  ),
};

describe("the admin's one-way vocabulary", () => {
  it("brings the catalogue's term for everyday and English words, one way only", async () => {
    const knowledge = await knowledgeOf({
      ...units,
      "vocabulary/everyday.txt": "# jord\nkøre jord væk, flytte jord => jordflytning\n",
      "vocabulary/english.txt": "snow clearing, gritting => vintertjeneste\n",
    });
    expect(knowledge.problems).toEqual([]);
    expect(vocabularyProblems(knowledge)).toEqual([]);
    const searcher = createSearcher(knowledge);
    expect(searcher.ask("en entreprenør skal køre en masse jord væk").answers[0]?.unit).toBe("Miljø, natur og landbrug");
    expect(searcher.ask("who does the gritting?").answers[0]?.unit).toBe("Veje og trafik");
    // One way: the catalogue's own word does not bring the everyday words.
    expect(searcher.ask("hvem står for vintertjeneste").answers[0]?.matched).toEqual(["vintertjeneste"]);
  });

  it("names the file and line of a rule with no target in the knowledge, or words many units have", async () => {
    const knowledge = await knowledgeOf({
      ...units,
      "vocabulary/everyday.txt": "skrald på vejen => storskrald\nsager om emner => gravetilladelser\n",
    });
    expect(vocabularyProblems(knowledge).map(formatProblem)).toEqual([
      'vocabulary/everyday.txt:1: fejl: "storskrald" står ikke i nogen enheds opgaver, navn eller aliaser, så reglen gør ingenting',
      `vocabulary/everyday.txt:2: advarsel: "sager om emner" står allerede hos ${MANY_UNITS} enheder og vil trække mange spørgsmål mod "gravetilladelser"; brug et mere præcist udtryk`,
    ]);
  });

  it("reports a line that is not a rule, with its line", async () => {
    const knowledge = await knowledgeOf({ ...units, "vocabulary/everyday.txt": "\nflytte jord jordflytning\n" });
    expect(knowledge.problems.map(formatProblem)).toEqual([
      'vocabulary/everyday.txt:2: fejl: en regel skrives "ord, ord => katalogets ord" med ét "=>": "flytte jord jordflytning"',
    ]);
  });
});
