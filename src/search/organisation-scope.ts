/**
 * Whose units a question is answered from. A knowledge base can hold several
 * municipalities; an employee means their own unless the question names another.
 * Another organisation's units are offered, marked as such, only when none of the
 * asker's own fits the question, and after the asker's own: a weak match at home is
 * more often what an employee means than a strong one elsewhere.
 */
import { fold } from "../analysis/fold.js";
import { tokenize } from "../analysis/tokenize.js";

/** The organisation a question names ("… i Randers Kommune?"), by its first word. */
export function mentionedOrganisation(text: string, organisations: readonly string[]): string | undefined {
  const words = new Set(tokenize(text).map(fold));
  return organisations.find((o) => words.has(fold(shortName(o))));
}

/** The question without the organisation's name: "Randers" places the question, it is not a topic. */
export function withoutOrganisation(text: string, organisation: string): string {
  // Not inside a web address or a compound: "randers.dk" is a thing, not the municipality.
  return text.replace(new RegExp(`(?<![.-])\\b${shortName(organisation)}(s)?\\b(?![.-]\\p{L})`, "giu"), " ");
}

/** The organisation a name given by a caller means: its display name or first word, in any case. */
export function findOrganisation(name: string, organisations: readonly string[]): string | undefined {
  // fold lowercases too.
  const wanted = fold(name.trim());
  return organisations.find((o) => fold(o) === wanted || fold(shortName(o)) === wanted);
}

/** "Randers Kommune" → "Randers". */
const shortName = (organisation: string) => organisation.split(" ")[0] ?? "";

export interface Scoped<T> {
  units: T[];
  /** True when all the units are another organisation's, because none of the asker's own matched. */
  elsewhere: boolean;
}

/**
 * `ranked` narrowed to the organisation the question names, else to the asker's
 * own; when nothing of the asker's own `fits`, others' units that fit follow them.
 */
export function scopeToOrganisation<T extends { unitId: string }>(
  ranked: readonly T[],
  organisationOf: (unitId: string) => string | undefined,
  named: string | undefined,
  home: string | undefined,
  fits: (unit: T) => boolean,
): Scoped<T> {
  const of = (organisation: string) => ranked.filter((u) => organisationOf(u.unitId) === organisation);
  if (named) {
    const units = of(named);
    if (units.length > 0) return { units, elsewhere: false };
  }
  if (home && !named) {
    const own = of(home);
    if (own.some(fits)) return { units: own, elsewhere: false };
    // Nothing of the asker's own fits: others' units that do are offered after them.
    const others = ranked.filter((u) => organisationOf(u.unitId) !== home && fits(u));
    return { units: [...own, ...others], elsewhere: own.length === 0 && others.length > 0 };
  }
  return { units: [...ranked], elsewhere: false };
}
