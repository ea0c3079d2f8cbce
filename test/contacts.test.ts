/** Contacts: the coverage warning of `hvem check`, contacts above the unit on the card, and `hvem import-contacts`. */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/knowledge/load-knowledge.js";
import { answerCard } from "../src/presentation/answer-card.js";
import { createSearcher } from "../src/search/searcher.js";
import { knowledgeFolder, removeKnowledgeFolders, runHvem, unitFile } from "./knowledge-fixtures.js";

afterAll(removeKnowledgeFolders);

const withContact = (text: string) =>
  text.replace("source:", "contacts:\n  - name: Jens Jensen\n    email: jj@randers.dk\nsource:");

/** Three units of Randers Kommune in two chief areas; only Byg has a contact of its own. */
const UNITS = {
  "randers-kommune/byg.md": withContact(unitFile("randers-kommune/byg", ["Byggeansøgninger"], "Byg")),
  "randers-kommune/natur.md": unitFile("randers-kommune/natur", ["Rottebekæmpelse"], "Natur"),
  "randers-kommune/loen.md": unitFile("randers-kommune/loen", ["Lønudbetaling"], "Løn", { chiefArea: "Personale og HR" }),
};

const CONTACTS = `# Randers Kommunes egne kontakter
organisation: Randers Kommune
contacts:
  - name: Omstillingen
    phone: 89 15 15 15
chiefAreas:
  Plan, By og Natur:
    - name: Plan, By og Natur, fælles postkasse
      email: pbn@randers.dk
`;

async function files(dir: string) {
  const names = (await readdir(dir, { recursive: true })).sort();
  return Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), "utf8").catch(() => "")]));
}

describe("contact coverage in hvem check", () => {
  it("one warning names the units no one can be reached for, and the summary counts them", async () => {
    const { code, stdout } = await runHvem("check", await knowledgeFolder(UNITS));
    expect(code).toBe(0);
    const warnings = stdout.split("\n").filter((l) => l.includes("har ingen kontakt"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\.: advarsel: 2 af 3 enheder har ingen kontakt.*fx Løn \(Randers Kommune\), Natur \(Randers Kommune\)/);
    expect(stdout.split("\n").at(-1)).toContain("(2 enheder uden kontakt)");
  });

  it("an organisation's contacts.yaml closes the gap; a bad contact in it names file, line and field", async () => {
    const covered = await runHvem("check", await knowledgeFolder({ ...UNITS, "randers-kommune/contacts.yaml": CONTACTS }));
    expect(covered.stdout).not.toContain("har ingen kontakt");
    expect(covered.stdout).toContain("(0 enheder uden kontakt)");
    const broken = CONTACTS.replace("pbn@randers.dk", "pbn(at)randers.dk").replace("Plan, By og Natur:", "Plan By Natur:");
    const { code, stdout } = await runHvem("check", await knowledgeFolder({ ...UNITS, "randers-kommune/contacts.yaml": broken }));
    expect(code).toBe(1);
    expect(stdout).toContain(
      "randers-kommune/contacts.yaml:9 [chiefAreas.Plan By Natur[0].email]: fejl: email er ikke en gyldig e-mailadresse",
    );
  });
});

describe("contacts above the unit", () => {
  it("a unit without contacts shows its chief area's, else its organisation's, and the card says so", async () => {
    const dir = await knowledgeFolder({ ...UNITS, "randers-kommune/contacts.yaml": CONTACTS });
    const searcher = createSearcher(await loadKnowledge(dir));
    const first = (q: string) => searcher.ask(q).answers[0];
    expect(first("rottebekæmpelse")).toMatchObject({
      unit: "Natur",
      contacts: [{ name: "Plan, By og Natur, fælles postkasse", email: "pbn@randers.dk", via: "chiefArea" }],
    });
    expect(first("lønudbetaling")).toMatchObject({
      unit: "Løn",
      contacts: [{ name: "Omstillingen", phone: "89 15 15 15", via: "organisation" }],
    });
    expect(first("byggeansøgninger")?.contacts).toEqual([{ name: "Jens Jensen", email: "jj@randers.dk" }]);

    const card = (q: string, language: "da" | "en") => JSON.stringify(answerCard(searcher.ask(q), language));
    expect(card("rottebekæmpelse", "da")).toContain("Kontakt chefområdet (enheden har ingen egen kontakt i Hvem)");
    expect(card("lønudbetaling", "da")).toContain("Kontakt organisationen (enheden har ingen egen kontakt i Hvem)");
    expect(card("lønudbetaling", "en")).toContain("Contact the organisation (the unit has no contact of its own in Hvem)");
    expect(card("byggeansøgninger", "da")).not.toContain("ingen egen kontakt");
  });

  it("the shipped contacts files are empty templates: no contact is invented", async () => {
    const knowledge = await loadKnowledge("knowledge");
    expect(knowledge.organisationContacts.map((c) => c.organisation).sort()).toEqual(["Norddjurs Kommune", "Randers Kommune"]);
    for (const c of knowledge.organisationContacts) {
      expect(c.contacts).toEqual([]);
      expect(c.chiefAreas).toEqual({});
    }
  });
});

describe("hvem import-contacts", () => {
  it("adds each row to its unit's additions file, keeps what is there and skips known e-mails", async () => {
    const dir = await knowledgeFolder({
      ...UNITS,
      "randers-kommune/natur.additions.yaml": "# Tilføjet af admin\nunit: randers-kommune/natur\naliases:\n  - Skadedyr\n",
    });
    const csv = join(dir, "..", `${dir.split("/").pop()}.csv`);
    await writeFile(
      csv,
      [
        "Enhed;Navn;Rolle;E-mail;Telefon",
        "Natur;Anne Andersen;Skadedyr;aa@randers.dk;89 15 10 00",
        "randers-kommune/byg;Jens J.;;JJ@randers.dk;",
        'Løn;"Lønteamet; fælles";;loen@randers.dk;',
        "",
      ].join("\r\n"),
    );
    const { code, stdout } = await runHvem("import-contacts", csv, "--knowledge", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("2 kontakter tilføjet i 2 filer, 1 fandtes allerede");
    const natur = await readFile(join(dir, "randers-kommune/natur.additions.yaml"), "utf8");
    expect(natur).toContain("# Tilføjet af admin");
    expect(natur).toContain("  - Skadedyr");
    const knowledge = await loadKnowledge(dir);
    const contactsOf = (id: string) => knowledge.units.find((u) => u.id === id)?.contacts;
    expect(contactsOf("randers-kommune/natur")).toEqual([
      { name: "Anne Andersen", role: "Skadedyr", email: "aa@randers.dk", phone: "89 15 10 00" },
    ]);
    expect(contactsOf("randers-kommune/loen")).toEqual([{ name: "Lønteamet; fælles", email: "loen@randers.dk" }]);
    expect(contactsOf("randers-kommune/byg")).toHaveLength(1);
    expect((await runHvem("check", dir)).code).toBe(0);
    // Again: nothing new.
    expect((await runHvem("import-contacts", csv, "--knowledge", dir)).stdout).toBe("Ingen nye kontakter: alle 3 fandtes allerede.");
  });

  it("an unknown unit or a bad e-mail: exit 1, each with its line, and nothing is written", async () => {
    const dir = await knowledgeFolder(UNITS);
    const before = await files(dir);
    const csv = join(dir, "..", `${dir.split("/").pop()}-bad.csv`);
    await writeFile(
      csv,
      "unit,name,role,email,phone\nNatur,Anne,,aa@randers.dk,\nVandløb,Bo,,bo@randers.dk,\nLøn,Carl,,carl(at)randers.dk,\n",
    );
    const { code, stderr } = await runHvem("import-contacts", csv, "--knowledge", dir);
    expect(code).toBe(1);
    const name = csv.split("/").pop();
    expect(stderr).toContain(`${name}:3 [unit]: fejl: der er ingen enhed med id eller navn "Vandløb"`);
    expect(stderr).toContain(`${name}:4 [email]: fejl: email er ikke en gyldig e-mailadresse`);
    expect(stderr).toContain("Intet er skrevet");
    expect(await files(dir)).toEqual(before);
  });

  it("--help shows the columns", async () => {
    const { code, stdout } = await runHvem("import-contacts", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("unit (enhedens id eller navn), name, role, e-mail, phone");
  });
});
