import { describe, expect, it } from "vitest";
import { findOrganisation, mentionedOrganisation, scopeToOrganisation } from "./organisation-scope.js";

const organisations = ["Norddjurs Kommune", "Randers Kommune"];
const orgOf = (id: string) => (id.startsWith("r/") ? "Randers Kommune" : "Norddjurs Kommune");
const unit = (unitId: string, fits: boolean) => ({ unitId, fits });
const fits = (u: { fits: boolean }) => u.fits;

describe("organisation scope", () => {
  it("keeps the asker's own units when one of them fits", () => {
    const ranked = [unit("n/loen", true), unit("r/loen", true), unit("r/hr", false)];
    expect(scopeToOrganisation(ranked, orgOf, undefined, "Randers Kommune", fits)).toEqual({
      units: [unit("r/loen", true), unit("r/hr", false)],
      elsewhere: false,
    });
  });

  it("offers another organisation's fitting units after the asker's own when nothing of the asker's own fits", () => {
    const ranked = [unit("n/lederside", true), unit("n/other", false), unit("r/weak", false)];
    expect(scopeToOrganisation(ranked, orgOf, undefined, "Randers Kommune", fits)).toEqual({
      units: [unit("r/weak", false), unit("n/lederside", true)],
      elsewhere: false,
    });
    // Nothing of the asker's own matched at all: the other organisation's, marked as such.
    expect(scopeToOrganisation(ranked.slice(0, 2), orgOf, undefined, "Randers Kommune", fits)).toEqual({
      units: [unit("n/lederside", true)],
      elsewhere: true,
    });
  });

  it("answers from the organisation the question names, whoever asks", () => {
    const ranked = [unit("r/loen", true), unit("n/loen", true)];
    const named = mentionedOrganisation("hvem laver lønsedler i Norddjurs?", organisations);
    expect(named).toBe("Norddjurs Kommune");
    expect(scopeToOrganisation(ranked, orgOf, named, "Randers Kommune", fits).units).toEqual([unit("n/loen", true)]);
  });

  it("finds an organisation by its display name or first word, in any case", () => {
    expect(findOrganisation("randers kommune", organisations)).toBe("Randers Kommune");
    expect(findOrganisation("Norddjurs", organisations)).toBe("Norddjurs Kommune");
    expect(findOrganisation("Aarhus Kommune", organisations)).toBeUndefined();
  });
});
