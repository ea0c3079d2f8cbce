/** Every sentence Hvem says to a user, in Danish and English. One place to edit wording. */
import type { Language } from "../analysis/language.js";

const da = {
  unsure: "Jeg er ikke sikker. Det nærmeste, jeg fandt, er:",
  noAnswer: "Jeg fandt ingen enhed, der passer til spørgsmålet.",
  tryOther: "Prøv med et andet ord for opgaven, fx 'byggetilladelse', 'løn' eller 'affald'.",
  truncated: "Spørgsmålet var langt; kun begyndelsen er brugt.",
  elsewhere: "Intet i din egen organisation passede; denne enhed hører til en anden organisation.",
  matched: "Matchede ord",
  tasks: "Opgaver der passer",
  contacts: "Kontakt",
  viaChiefArea: "Kontakt chefområdet (enheden har ingen egen kontakt i Hvem)",
  viaOrganisation: "Kontakt organisationen (enheden har ingen egen kontakt i Hvem)",
  chat: "Chat i Teams",
  others: "Andre mulige enheder",
  didYouMean: "Mente du",
  phone: "Telefon",
  noMore: "Der er ikke flere enheder til dette spørgsmål.",
  askFirst: "Stil et spørgsmål først; så kan jeg vise kontakterne for den enhed, jeg finder.",
  noContacts: "Der er endnu ingen kontaktpersoner for enheden i Hvem. Spørg enhedens leder eller omstillingen.",
  adminOnly: "Beklager, det kan kun Hvems administratorer. Stil mig gerne et spørgsmål i stedet.",
};

export type Texts = Record<keyof typeof da, string>;

const texts: Record<Language, Texts> = {
  da,
  en: {
    unsure: "I'm not sure. The closest I found is:",
    noAnswer: "I found no unit that matches the question.",
    tryOther: "Try another word for the task, e.g. 'building permit', 'salary' or 'waste'.",
    truncated: "The question was long; only its beginning was used.",
    elsewhere: "Nothing in your own organisation matched; this unit belongs to another organisation.",
    matched: "Matched words",
    tasks: "Matching tasks",
    contacts: "Contact",
    viaChiefArea: "Contact the chief area (the unit has no contact of its own in Hvem)",
    viaOrganisation: "Contact the organisation (the unit has no contact of its own in Hvem)",
    chat: "Chat in Teams",
    others: "Other possible units",
    didYouMean: "Did you mean",
    phone: "Phone",
    noMore: "There are no more units for this question.",
    askFirst: "Ask a question first; then I can show the contacts of the unit I found.",
    noContacts: "The knowledge has no contacts for this unit yet. Ask the unit's manager, or the switchboard.",
    adminOnly: "Sorry, only Hvem's administrators can do that. Ask me a question instead.",
  },
};

export function textsFor(language: Language): Texts {
  return texts[language];
}

/** The heading over a unit's contacts: says so when they are its chief area's or organisation's. */
export function contactsHeading(contacts: readonly { via?: "chiefArea" | "organisation" }[], t: Texts): string {
  const via = contacts[0]?.via;
  return via === "chiefArea" ? t.viaChiefArea : via === "organisation" ? t.viaOrganisation : t.contacts;
}

/** What an admin reads about suggestions from use (`forslag`). */
const suggestionTexts = {
  da: {
    title: "Forslag fra brugen",
    none: "Der er ingen ventende forslag. Forslag opstår, når flere forskellige brugere vælger den samme anden enhed til det samme spørgsmål.",
    accept: "Godkend",
    reject: "Afvis",
    evidence: (users: number, examples: readonly string[]) => `${users} brugere valgte enheden, fx: ${examples.map((q) => `"${q}"`).join(", ")}`,
    where: (file: string) => `Tilføjes i ${file}:`,
    accepted: (id: string, adds: string, file: string) => `Forslag ${id} er godkendt: "${adds}" står nu i ${file}.`,
    first: (question: string, unit: string) => `"${question}" besvares nu med ${unit} først.`,
    notFirst: (question: string, unit: string) => `"${question}" besvares stadig med ${unit} først; ret reglen i filen, hvis den skal virke stærkere.`,
    rejected: (id: string) => `Forslag ${id} er afvist og bliver ikke foreslået igen.`,
    unavailable: "Forslag er ikke sat op på denne server.",
  },
  en: {
    title: "Suggestions from use",
    none: "No suggestions are waiting. A suggestion appears when several different users pick the same other unit for the same question.",
    accept: "Accept",
    reject: "Reject",
    evidence: (users: number, examples: readonly string[]) => `${users} users picked the unit, e.g.: ${examples.map((q) => `"${q}"`).join(", ")}`,
    where: (file: string) => `Adds to ${file}:`,
    accepted: (id: string, adds: string, file: string) => `Suggestion ${id} is accepted: "${adds}" is now in ${file}.`,
    first: (question: string, unit: string) => `"${question}" is now answered with ${unit} first.`,
    notFirst: (question: string, unit: string) => `"${question}" is still answered with ${unit} first; edit the rule in the file to make it stronger.`,
    rejected: (id: string) => `Suggestion ${id} is rejected and will not be suggested again.`,
    unavailable: "Suggestions are not set up on this server.",
  },
} satisfies Record<Language, unknown>;

export function suggestionTextsFor(language: Language) {
  return suggestionTexts[language];
}
