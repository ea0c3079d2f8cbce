import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDanishLexicon } from "./danish-lexicon.js";
import { createOcrRepairer, type Repair, repairCandidates } from "./ocr-repair.js";

const source = (name: string) => readFileSync(`knowledge/sources/${name}`, "utf8");

// Loading the Danish dictionary takes seconds: once for the whole file.
const lexicon = createDanishLexicon([
  source("001_52e53e29ab19a033.txt"),
  source("004_ca66194a7e5117b1.txt"),
]);
const repairer = createOcrRepairer(lexicon);
const catalogue = source("000_51469e97a7d72b5a.txt");
const catalogueWords = new Set(catalogue.match(/[\p{L}@¢®]+/gu));

/**
 * Damaged words from the Randers catalogue (000_51469e97a7d72b5a.txt) and their
 * correct Danish spelling. OCR read ø as g/p/@/e/o, æ as ae/ee/z/a, å as a, l as I.
 */
const DAMAGED: readonly (readonly [string, string])[] = [
  // The words the issue names.
  ["Ignsystem", "lønsystem"],
  ["Lgbende", "Løbende"],
  ["gkonomi", "økonomi"],
  ["Sygefraveer", "Sygefravær"],
  ["arsveerk", "årsværk"],
  ["Byggeansggninger", "Byggeansøgninger"],
  ["@konomi", "Økonomi"],
  // ø read as g
  ["mgder", "møder"],
  ["indkgb", "indkøb"],
  ["Indkgb", "Indkøb"],
  ["leverandgrer", "leverandører"],
  ["vedrgrende", "vedrørende"],
  ["grgnne", "grønne"],
  ["bgrn", "børn"],
  ["Arbejdsmiljg", "Arbejdsmiljø"],
  ["fglger", "følger"],
  ["afggrelse", "afgørelse"],
  ["Direktgr", "Direktør"],
  ["renggring", "rengøring"],
  ["markedsfgring", "markedsføring"],
  ["fejlsggning", "fejlsøgning"],
  ["hgringer", "høringer"],
  ["bogfgring", "bogføring"],
  ["kgrsel", "kørsel"],
  ["gennemfgres", "gennemføres"],
  ["Miljg", "Miljø"],
  ["aflgnnet", "aflønnet"],
  ["Lgn", "Løn"],
  ["Forespgrgsler", "Forespørgsler"],
  ["Udstykningsforespgrgsler", "Udstykningsforespørgsler"],
  // ø read as p
  ["Miljp", "Miljø"],
  ["Understpttelse", "Understøttelse"],
  ["kpbes", "købes"],
  ["Opfplgning", "Opfølgning"],
  ["Stpttesagsbehandling", "Støttesagsbehandling"],
  // ø read as @ (and @P)
  ["s@ges", "søges"],
  ["Bogf@ring", "Bogføring"],
  ["B@rn", "Børn"],
  ["B@RN", "BØRN"],
  ["@vrige", "Øvrige"],
  ["styringsdialogm@der", "styringsdialogmøder"],
  ["k@rsel", "kørsel"],
  ["@Pkonomistyring", "Økonomistyring"],
  ["@stjylland", "Østjylland"],
  ["@konomiafdelingen", "Økonomiafdelingen"],
  // ø read as two glyphs, one of them @ or ¢
  ["statusmg@der", "statusmøder"],
  ["opfg@lgning", "opfølgning"],
  ["gennemfg@res", "gennemføres"],
  ["Ministerbesg@g", "Ministerbesøg"],
  ["g@vrigt", "øvrigt"],
  ["st@grre", "større"],
  ["I¢n", "løn"],
  // ø read as e or o
  ["Lebende", "Løbende"],
  ["Opfelgning", "Opfølgning"],
  ["Kersel", "Kørsel"],
  ["Ajourfering", "Ajourføring"],
  ["grenne", "grønne"],
  ["sterre", "større"],
  ["Indkeb", "Indkøb"],
  ["Korsel", "Kørsel"],
  ["Lon", "Løn"],
  ["Lobende", "Løbende"],
  ["Arbejdsmiljo", "Arbejdsmiljø"],
  ["Opgorelse", "Opgørelse"],
  // æ read as ae
  ["Planlaegning", "Planlægning"],
  ["bemaerkninger", "bemærkninger"],
  ["netvaerk", "netværk"],
  ["foraeldre", "forældre"],
  ["anlaeg", "anlæg"],
  ["rottebekaempelse", "rottebekæmpelse"],
  ["Opkraevning", "Opkrævning"],
  ["daekningsafgifter", "dækningsafgifter"],
  ["nedlaeggelse", "nedlæggelse"],
  ["Ansaettelsesprocessen", "Ansættelsesprocessen"],
  // æ read as ee
  ["netveerk", "netværk"],
  ["tveers", "tværs"],
  ["tilleeg", "tillæg"],
  ["Geeldsstyrelsen", "Gældsstyrelsen"],
  ["heerveerk", "hærværk"],
  ["Velfeerdsteknologi", "Velfærdsteknologi"],
  // æ read as z, ze, aze, zae
  ["hjzelp", "hjælp"],
  ["szerlige", "særlige"],
  ["Cirkulzere", "Cirkulære"],
  ["Planlzegning", "Planlægning"],
  ["fzlles", "fælles"],
  ["Bemazerkninger", "Bemærkninger"],
  ["studentermedhjzaelper", "studentermedhjælper"],
  ["Zldreboliger", "Ældreboliger"],
  ["Zndringer", "Ændringer"],
  // æ read as a
  ["bosatning", "bosætning"],
  ["ansattelsesbrev", "ansættelsesbrev"],
  ["falles", "fælles"],
  ["Hjalpemidler", "Hjælpemidler"],
  ["padagogisk", "pædagogisk"],
  ["beskaftigelse", "beskæftigelse"],
  // å read as a
  ["omrader", "områder"],
  ["Radgivning", "Rådgivning"],
  ["Handtering", "Håndtering"],
  ["ogsa", "også"],
  ["bestar", "består"],
  ["maned", "måned"],
  ["boliglan", "boliglån"],
  ["abningstid", "åbningstid"],
  ["Forhandsdialoger", "Forhåndsdialoger"],
  ["Hovedpaligning", "Hovedpåligning"],
  ["rajord", "råjord"],
  ["Vadomrader", "Vådområder"],
  ["Chefomrade", "Chefområde"],
  ["Naturparkradet", "Naturparkrådet"],
  ["spgrgsmal", "spørgsmål"],
  // l read as I at the start of a lowercase word
  ["Igbende", "løbende"],
  ["Igsninger", "løsninger"],
  ["Ign", "løn"],
  ["Ignudbetalinger", "lønudbetalinger"],
  ["Ignskema", "lønskema"],
  ["Igntilskud", "løntilskud"],
  ["Ipnsystem", "lønsystem"],
  // several letters in one word
  ["arsvaerk", "årsværk"],
  ["fratraedelsesarsag", "fratrædelsesårsag"],
  ["Tilrettelaeggelse", "Tilrettelæggelse"],
  ["Handhaevelsessager", "Håndhævelsessager"],
  ["forstaelse", "forståelse"],
  ["Fratraedelsesaftaler", "Fratrædelsesaftaler"],
  ["pataenkt", "påtænkt"],
  ["Byradssekretariatet", "Byrådssekretariatet"],
  // short words the clean reference documents decide
  ["pa", "på"],
  ["sa", "så"],
];

/** Correct words, names and abbreviations that must be left as written. */
const CORRECT: readonly string[] = [
  "byggesag",
  "gadefejning",
  "Signatur",
  "Randers",
  "GIS",
  "SBSYS",
  "UMT",
  "IT",
  "GDPR",
  "MitID",
  "NemID",
  "KOMBIT",
  "kommune",
  "borger",
  "affald",
  "skole",
  "ansøgning",
  "vej",
  "Borgerservice",
  "Ejendomsservice",
  "Bygningsadministration",
  "Personalejuridisk",
  "Pladsanvisningen",
  "journalisering",
  "team",
  "rottebekæmpelse",
  "skorstensfejning",
  "budget",
  "regnskab",
  "forsikring",
  "kørsel",
  "opgaver",
  "sagsbehandling",
  "vielser",
  "valg",
  "pas",
  "kørekort",
  "pension",
  "boliglån",
  "folkeregister",
  "hjemmeside",
  "medarbejdere",
  "arbejdsmiljø",
  "økonomi",
  "løn",
  "byråd",
  "borgmester",
  "Norddjurs",
  "Aarhus",
  "dagtilbud",
  "vandløb",
  "spildevand",
  "erhverv",
  "og",
  "af",
  "med",
];

describe("repairWord: damaged words from the Randers catalogue", () => {
  it("the table is large and taken from the real catalogue", () => {
    expect(DAMAGED.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DAMAGED.map(([from]) => from)).size).toBe(DAMAGED.length);
    expect(DAMAGED.map(([from]) => from).filter((w) => !catalogueWords.has(w))).toEqual([]);
  });

  it.each(DAMAGED)("%s → %s", (damaged, correct) => {
    expect(repairer.repairWord(damaged)).toBe(correct);
  });

  it("every repair is a Danish word itself, and stays as it is", () => {
    for (const [, correct] of DAMAGED) {
      expect(lexicon.isWord(correct), correct).toBe(true);
      expect(repairer.repairWord(correct), correct).toBeUndefined();
    }
  });
});

describe("repairWord: correct words stay untouched", () => {
  it("the table is large", () => {
    expect(CORRECT.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORRECT)("%s", (word) => {
    expect(repairer.repairWord(word)).toBeUndefined();
  });

  it("short words in capitals are abbreviations, even when unknown", () => {
    for (const word of ["SA", "UMT", "JCR", "BFU", "HMU", "AMG", "KSD", "RPA"]) {
      expect(repairer.repairWord(word), word).toBeUndefined();
    }
  });

  it("a word that is ambiguous is left for a human (årligt or ærligt)", () => {
    const candidates = repairCandidates("arligt", lexicon).map((c) => c.word);
    expect(candidates).toEqual(expect.arrayContaining(["årligt", "ærligt"]));
    expect(repairer.repairWord("arligt")).toBeUndefined();
  });

  it("a symbol glyph for ø can leave a tie for a human (I¢gn: løn or løgn)", () => {
    const candidates = repairCandidates("I¢gn", lexicon).map((c) => c.word);
    expect(candidates).toEqual(expect.arrayContaining(["løn", "løgn"]));
    expect(repairer.repairWord("I¢gn")).toBeUndefined();
  });

  it("prefers fewer compound parts: lønsystem beats a three-part split", () => {
    const [best] = repairCandidates("Ignsystem", lexicon);
    expect(best?.word).toBe("lønsystem");
  });
});

describe("overrides", () => {
  const withFixes = createOcrRepairer(lexicon, {
    Tveergaende: "Tværgående",
    iforhold: "i forhold",
  });

  it("win over the dictionary", () => {
    expect(withFixes.repairWord("Tveergaende")).toBe("Tværgående");
    expect(withFixes.repairLine("Forvaltningsomrade: Tveergaende")).toBe(
      "Forvaltningsomrade: Tværgående",
    );
    expect(withFixes.repairLine("iforhold til loven")).toBe("i forhold til loven");
  });

  it("do not change the other repairs", () => {
    expect(withFixes.repairWord("gkonomi")).toBe("økonomi");
    expect(withFixes.repairWord("byggesag")).toBeUndefined();
  });
});

describe("repairLine", () => {
  it("repairs every damaged word of a real catalogue line and records each repair", () => {
    const repairs: Repair[] = [];
    const line =
      "e Ved fratreedelser afmeldes medarbejderen fra Ignsystemet, og der angives fratraedelsesarsag i Ignsystemet";
    expect(catalogue).toContain(line);
    expect(repairer.repairLine(line, repairs)).toBe(
      "e Ved fratreedelser afmeldes medarbejderen fra lønsystemet, og der angives fratrædelsesårsag i lønsystemet",
    );
    expect(repairs).toEqual([
      { from: "Ignsystemet", to: "lønsystemet" },
      { from: "fratraedelsesarsag", to: "fratrædelsesårsag" },
      { from: "Ignsystemet", to: "lønsystemet" },
    ]);
  });

  it("repairs hyphenated words part by part and keeps punctuation", () => {
    const repairs: Repair[] = [];
    const line =
      "Brugeradministration omfatter oprettelse og nedlaeggelse af IT-brugere pa kommunens IT-netvaerk. Opgaven";
    expect(catalogue).toContain(line);
    expect(repairer.repairLine(line, repairs)).toBe(
      "Brugeradministration omfatter oprettelse og nedlæggelse af IT-brugere på kommunens IT-netværk. Opgaven",
    );
    expect(repairs).toEqual([
      { from: "nedlaeggelse", to: "nedlæggelse" },
      { from: "pa", to: "på" },
      { from: "netvaerk", to: "netværk" },
    ]);
  });

  it("repairs words in parentheses and lists", () => {
    const repairs: Repair[] = [];
    expect(
      repairer.repairLine(
        "e Opkraevning af bidrag (rottebekaempelse, skorstensfejning, affald, pumpelag, hvilende vejbidrag)",
        repairs,
      ),
    ).toBe(
      "e Opkrævning af bidrag (rottebekæmpelse, skorstensfejning, affald, pumpelag, hvilende vejbidrag)",
    );
    expect(repairs.map((r) => r.to)).toEqual(["Opkrævning", "rottebekæmpelse"]);
  });

  it("leaves a clean line exactly as it is and records nothing", () => {
    const repairs: Repair[] = [];
    const line =
      "Byggesagsbehandling: Byggeansøgninger, BBR og ejendomsskat (GIS, SBSYS) – 12 sager.";
    expect(repairer.repairLine(line, repairs)).toBe(line);
    expect(repairs).toEqual([]);
  });

  it("keeps a symbol the OCR put for a letter inside its word", () => {
    const repairs: Repair[] = [];
    const line =
      "Oprettelse og vedligeholdelse af forhandsaftaler og lokalaftaler i I¢n — og vagtplansystem";
    expect(catalogue).toContain(line);
    expect(repairer.repairLine(line, repairs)).toBe(
      "Oprettelse og vedligeholdelse af forhåndsaftaler og lokalaftaler i løn — og vagtplansystem",
    );
    expect(repairs).toContainEqual({ from: "I¢n", to: "løn" });
  });

  it("leaves a bullet glyph and a free-standing & as they are", () => {
    const line = "¢ Interaktion med og inddragelse af borgere i Personale & HR";
    expect(repairer.repairLine(line)).toBe(line);
  });

  it("hands a word glued with & to the hand fixes as one word", () => {
    const withFixes = createOcrRepairer(lexicon, { "a&ndringer": "ændringer" });
    const line =
      "af systemerne. Anmodninger om autorisationer (oprettelser, a&ndringer, nedlaeggelser) sker som udgangspunkt via";
    expect(catalogue).toContain(line);
    expect(withFixes.repairLine(line)).toBe(
      "af systemerne. Anmodninger om autorisationer (oprettelser, ændringer, nedlæggelser) sker som udgangspunkt via",
    );
  });

  it("works without a repairs list", () => {
    expect(repairer.repairLine("Lgn/ansaettelser:")).toBe("Løn/ansættelser:");
  });
});

describe("OCR classes a rule can repair (issue 11)", () => {
  it("leaves the letters of an abbreviation alone", () => {
    expect(repairer.repairLine("bl.a. i samarbejde, m.v. og f.eks. ATP")).toBe(
      "bl.a. i samarbejde, m.v. og f.eks. ATP",
    );
  });

  it("reads an acronym's last l as I when the dictionary does not know the token", () => {
    expect(repairer.repairLine("adgang til WIFl og KMDl")).toBe("adgang til WIFI og KMDI");
  });

  it("makes a capital I between lowercase words the preposition i", () => {
    expect(repairer.repairLine("deltagelse I referencegrupper og test I forbindelse med")).toBe(
      "deltagelse i referencegrupper og test i forbindelse med",
    );
    expect(repairer.repairLine("I forbindelse med. I alt")).toBe("I forbindelse med. I alt");
  });

  it("reads & before r as å", () => {
    expect(repairer.repairLine("hvert 4. &r med udgangspunkt")).toBe("hvert 4. år med udgangspunkt");
  });
});
