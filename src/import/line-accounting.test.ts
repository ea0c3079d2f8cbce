import { describe, expect, it } from "vitest";
import { readCatalogueLines } from "./catalogue-lines.js";
import { parseCatalogue } from "./catalogue-parser.js";
import { importFixesSchema } from "./import-fixes.js";
import { accountLines } from "./line-accounting.js";
import type { OcrRepairer } from "./ocr-repair.js";

const noRepair: OcrRepairer = { repairWord: () => undefined, repairLine: (l) => l };

function account(source: string, fixes: unknown = {}) {
  const lines = readCatalogueLines(source, noRepair);
  const { units, report } = parseCatalogue(lines, importFixesSchema.parse(fixes));
  return accountLines(source, report.lines, units.flatMap((u) => u.tasks));
}

const CATALOGUE = [
  "Forvaltningsområde: Udvikling, Miljø og Teknik",
  "Stab og bæredygtighed 21,4",
  "Sekretariat 13,4",
  "Chefområde: Stab og bæredygtighed",
  "",
  "Enhed/kontor/sektion | Administrative opgaver",
  "Sekretariat Politisk betjening",
  "e Dagsordener til udvalget",
  "O O O",
  "12",
  "Bemærkning til tabellen",
  "e Referater fra udvalgsmøder",
].join("\n");

describe("accountLines", () => {
  it("places or explains every line that is not blank", () => {
    const { byReason, unaccounted } = account(CATALOGUE, {
      skip: [{ from: 11, to: 11, reason: "note" }],
    });
    expect(unaccounted).toEqual([]);
    expect(Object.fromEntries(byReason)).toEqual({
      "department heading": 1,
      "staffing table": 2,
      "chief area heading": 1,
      "repeated table header": 1,
      "task group": 1,
      task: 2,
      "table or bullet debris": 1,
      "page number": 1,
      note: 1,
    });
  });

  it("a line neither placed nor explained is reported with its text", () => {
    const { unaccounted } = account(CATALOGUE);
    expect(unaccounted).toEqual([]);
    const lost = account(`Tekst før enhver enhed\n${CATALOGUE}`);
    expect(lost.unaccounted).toEqual([{ no: 1, text: "Tekst før enhver enhed" }]);
  });

  it("a task the unit already lists is counted as repeated text", () => {
    const repeated = `${CATALOGUE}\ne Dagsordener til udvalget`;
    const lines = readCatalogueLines(repeated, noRepair);
    const { units, report } = parseCatalogue(lines, importFixesSchema.parse({}));
    const firstOnly = units.flatMap((u) => u.tasks).filter((t) => t.from !== 13);
    expect(accountLines(repeated, report.lines, firstOnly).byReason.get("repeated text")).toBe(1);
  });
});
