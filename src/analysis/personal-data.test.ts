import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./personal-data.js";

describe("maskPersonalData", () => {
  it("masks CPR numbers with and without the dash", () => {
    expect(maskPersonalData("borgeren 010190-1234 klager")).toBe("borgeren [cpr] klager");
    expect(maskPersonalData("cpr 3112851234, hvem?")).toBe("cpr [cpr], hvem?");
    expect(maskPersonalData("cpr 311285 1234")).toBe("cpr [cpr]");
  });

  it("masks e-mail addresses, Danish letters included", () => {
    expect(maskPersonalData("skriv til søren.ørsted@randers.dk om det")).toBe("skriv til [e-mail] om det");
  });

  it("masks Danish phone numbers written together, in pairs or fours, with or without +45", () => {
    expect(maskPersonalData("ring 89151515")).toBe("ring [telefon]");
    expect(maskPersonalData("ring 89 15 15 15 i dag")).toBe("ring [telefon] i dag");
    expect(maskPersonalData("ring +45 8915 1515")).toBe("ring [telefon]");
    expect(maskPersonalData("ring +4589151515")).toBe("ring [telefon]");
    expect(maskPersonalData("tlf. 0045 89 15 15 15")).toBe("tlf. [telefon]");
  });

  it("leaves ordinary questions, years, journal numbers and paragraphs alone", () => {
    for (const question of [
      "hvem behandler byggeansøgninger?",
      "regnskab 2024 og 2025",
      "sag 27.00.00-G01-12-24",
      "§ 85 i serviceloven",
      "postnummer 8900",
    ]) {
      expect(maskPersonalData(question)).toBe(question);
    }
  });
});
