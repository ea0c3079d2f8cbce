/**
 * Word families by rule: a Danish verb and the nouns made from it ("flytte" →
 * flytning, "betale" → betaling, "opsige" → opsigelse) and back. People ask with the
 * verb ("hvem må bortvise en medarbejder") where the catalogue names the task with
 * the noun ("bortvisning"). Forms are candidates only: the analysis keeps those the
 * knowledge has. A noun that drops an e before its ending ("centret" of center) is linked
 * to its full form the same way.
 */

const NOUN_ENDINGS = ["ning", "ing", "else"];
/** A noun's endings, with its plural and definite forms. */
const NOUN = /(ning|ing|else)(er|en|erne|ens)?$/;

/** The nouns a folded verb may make: "flytte" → flytning, flyttelse, … */
export function nounForms(verb: string): string[] {
  if (verb.length < 5 || !verb.endsWith("e") || NOUN.test(verb)) return [];
  const base = verb.slice(0, -1);
  // "flytte" gives flytning: a doubled consonant is single before -ning.
  const single = /([^aeiouyæøå])\1$/.test(base) ? base.slice(0, -1) : base;
  return [...new Set([base, single])].flatMap((b) => NOUN_ENDINGS.map((ending) => b + ending));
}

/** The verb a folded noun is made from: "flytninger" → flyte (stemmed alike as flytte). */
export function verbForm(noun: string): string | undefined {
  const match = NOUN.exec(noun);
  if (!match) return undefined;
  const base = noun.slice(0, match.index);
  return base.length >= 3 ? `${base}e` : undefined;
}

/** A noun in -er loses the e before an ending ("centret", "teatre", "registrene"). */
const SYNCOPE = /^(.{3,}[^aeiouy])r(et|ets|e|es|ene|enes)$/;

/** The -er form of a folded noun that dropped its e: "naturcentret" → naturcenter. */
export function fullForm(word: string): string | undefined {
  const match = SYNCOPE.exec(word);
  return match ? `${match[1]}er` : undefined;
}
