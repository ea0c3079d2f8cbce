import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runHvem } from "./knowledge-fixtures.js";
import type { DanishLexicon } from "../src/import/danish-lexicon.js";
import { recordSchema } from "../src/knowledge/records.js";

// Every `hvem import` builds the Danish lexicon (seconds): the real one, built once
// per set of reference texts for this file.
vi.mock("../src/import/danish-lexicon.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/import/danish-lexicon.js")>();
  const built = new Map<string, DanishLexicon>();
  return {
    ...real,
    createDanishLexicon(references: readonly string[] = []) {
      const key = references.join("\0");
      const lexicon = built.get(key) ?? real.createDanishLexicon(references);
      built.set(key, lexicon);
      return lexicon;
    },
  };
});

const hvem = runHvem;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvem-cli-"));
  dirs.push(dir);
  return dir;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const UNIT = `---
id: randers-kommune/byg
name: Byg
organisation: Randers Kommune
department: Udvikling, Miljø og Teknik
chiefArea: Plan, By og Natur
source:
  document: katalog.txt
---

## Byggesagsbehandling

- Byggeansøgninger
`;

describe("hvem check", () => {
  it("the committed knowledge has no errors: exit 0 and a summary with 0 fejl", async () => {
    const { code, stdout } = await hvem("check", "knowledge");
    expect(code).toBe(0);
    const summary = stdout.split("\n").at(-1) ?? "";
    expect(summary).toMatch(
      /^knowledge: \d+ enheder, \d+ opgaver, \d+ kontakter \(\d+ enheder uden kontakt\), \d+ mødepunkter, \d+ synonymgrupper, \d+ ordregler; 0 fejl, \d+ advarsler \(version [0-9a-f]{16}\)$/,
    );
    expect(stdout).not.toMatch(/: fejl: /);
  });

  it("a broken file: exit 1 and the problem with file and line", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "byg.md"), UNIT);
    await writeFile(
      join(dir, "plan.md"),
      UNIT.replace("id: randers-kommune/byg", "id: randers-kommune/plan").replace(
        "source:",
        "contacts:\n  - name: Per\n    email: per(at)randers.dk\nsource:",
      ),
    );
    const { code, stdout } = await hvem("check", dir);
    expect(code).toBe(1);
    expect(stdout.split("\n")).toContain(
      "plan.md:9 [contacts[0].email]: fejl: email er ikke en gyldig e-mailadresse",
    );
    expect(stdout.split("\n").at(-1)).toMatch(
      new RegExp(
        `^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 1 enheder, 1 opgaver, .*; 1 fejl, 1 advarsler `,
      ),
    );
  });

  it("warnings alone do not fail the check", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "byg.md"), UNIT);
    await writeFile(join(dir, "noter.txt"), "ikke viden");
    const { code, stdout } = await hvem("check", dir);
    expect(code).toBe(0);
    expect(stdout).toContain("noter.txt: advarsel: filen bliver ikke læst");
    // The other warning: Byg has no contact.
    expect(stdout).toMatch(/; 0 fejl, 2 advarsler /);
  });

  it("a folder that does not exist: exit 1, not a crash", async () => {
    const dir = join(await tempDir(), "findes-ikke");
    const { code, stdout } = await hvem("check", dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`${dir}: fejl: mappen kan ikke læses: ENOENT`);
  });
});

describe("hvem export", () => {
  it("--json prints every record of the committed knowledge as a JSON array", async () => {
    const { code, stdout, stderr } = await hvem("export", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as unknown[];
    expect(Array.isArray(records)).toBe(true);
    const invalid = records.filter((r) => !recordSchema.safeParse(r).success);
    expect(invalid).toEqual([]);
    const kinds = new Set(records.map((r) => (r as { kind: string }).kind));
    expect([...kinds].sort()).toEqual(["contact", "meetingItem", "task"]);
    for (const kind of kinds) {
      const record = records.find((r) => (r as { kind: string }).kind === kind) as Record<
        string,
        unknown
      >;
      for (const field of [
        "kind",
        "id",
        "organisation",
        "department",
        "chiefArea",
        "unit",
        "unitId",
        "taskGroup",
        "text",
      ]) {
        expect(record, `${kind}.${field}`).toHaveProperty(field);
      }
    }
    const contact = records.find((r) => (r as { kind: string }).kind === "contact");
    expect(contact).toHaveProperty("name");
    const byg = records.find(
      (r) =>
        (r as { unit: string; text: string }).unit === "Byg" &&
        (r as { text: string }).text === "Byggeansøgninger",
    );
    expect(byg).toMatchObject({
      kind: "task",
      organisation: "Randers Kommune",
      department: "Udvikling, Miljø og Teknik",
      chiefArea: "Plan, By og Natur",
      taskGroup: "Byggesagsbehandling",
    });
  });

  it("--json with a folder exports that folder", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "byg.md"), UNIT);
    const { code, stdout } = await hvem("export", "--json", dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        kind: "task",
        id: expect.stringMatching(/^randers-kommune\/byg#[0-9a-f]{10}$/),
        organisation: "Randers Kommune",
        department: "Udvikling, Miljø og Teknik",
        chiefArea: "Plan, By og Natur",
        unit: "Byg",
        unitId: "randers-kommune/byg",
        taskGroup: "Byggesagsbehandling",
        text: "Byggeansøgninger",
        source: { file: "byg.md", line: 13 },
      },
    ]);
  });

  it("refuses to export knowledge with errors: exit 1, the errors on stderr", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "byg.md"), UNIT.replace("name: Byg\n", ""));
    const { code, stdout, stderr } = await hvem("export", "--json", dir);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toEqual([
      "byg.md:2 [name]: fejl: feltet mangler",
      "Eksporten er stoppet: ret fejlene ovenfor (se hvem check).",
    ]);
  });

  it("without --json: exit 2 and a message", async () => {
    const { code, stdout, stderr } = await hvem("export");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toBe("hvem export kan kun skrive JSON: brug --json");
    expect(stderr).toContain("Brug:");
  });

  it("an unknown option: exit 2", async () => {
    const { code, stderr } = await hvem("export", "--json", "--csv");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe("ukendt argument: --csv");
  });
});

describe("hvem <command>", () => {
  it("an unknown command: exit 2, names it and shows the usage", async () => {
    const { code, stderr } = await hvem("spørg");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe("Ukendt kommando: spørg");
    expect(stderr).toContain("hvem check [mappe]");
    expect(stderr).toContain("hvem export --json [mappe]");
  });

  it("no command or help shows the usage with exit 0", async () => {
    for (const argv of [[], ["help"], ["--help"]]) {
      const { code, stderr } = await hvem(...argv);
      expect(code, argv.join(" ")).toBe(0);
      expect(stderr.split("\n")[0]).toBe("Brug:");
    }
  });
});

describe("hvem import", () => {
  const catalogue = "test/fixtures/catalogue/ocr-katalog.txt";

  it("writes unit files, refuses to overwrite them, and replaces them with --replace", async () => {
    const out = join(await tempDir(), "viden");
    const first = await hvem("import", catalogue, "--out", out, "--organisation", "Testby Kommune");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n").slice(0, 2)).toEqual([
      `Skrev 2 enhedsfiler i ${out}.`,
      "1 forvaltninger, 1 chefområder, 2 enheder, 2 opgavegrupper, 6 opgaver.",
    ]);
    expect(first.stdout).toContain("Tekst der ikke kunne placeres i en enhed (0):");
    expect(await listFiles(out)).toEqual([
      join("udvikling-miljoe-og-teknik", "plan-by-og-natur", "byg.md"),
      join("udvikling-miljoe-og-teknik", "plan-by-og-natur", "veje-og-trafik.md"),
    ]);
    const byg = await readFile(
      join(out, "udvikling-miljoe-og-teknik/plan-by-og-natur/byg.md"),
      "utf8",
    );
    expect(byg.split("\n")).toEqual(
      [
        "---",
        "id: testby-kommune/udvikling-miljoe-og-teknik/plan-by-og-natur/byg",
        "name: Byg",
        "organisation: Testby Kommune",
        "department: Udvikling, Miljø og Teknik",
        "chiefArea: Plan, By og Natur",
        "source:",
        "  document: ocr-katalog.txt",
        "  lines: 13-24",
        "---",
        expect.stringMatching(
          /^<!-- Skrevet af hvem import fra ocr-katalog\.txt: ret ikke her, .* byg\.additions\.yaml\. kontrolsum [0-9a-f]{12} -->$/,
        ),
        "",
        "## Byggesagsbehandling",
        "",
        "- Vejledning (servicetelefon)",
        "- Forespørgsler",
        "- Byggeansøgninger",
        "- Håndhævelsessager",
        "",
      ],
    );
    // What the import wrote passes hvem check.
    expect((await hvem("check", out)).code).toBe(0);

    // A hand-written unit in the same folder, and a file the first import wrote
    // that the catalogue no longer produces.
    await writeFile(join(out, "haandskrevet.md"), UNIT);
    const stale = join(out, "udvikling-miljoe-og-teknik/plan-by-og-natur/gammel-enhed.md");
    // (written before imports marked their files)
    await writeFile(stale, byg.replace("id: testby", "id: gammel").replace(/<!--.*-->\n/, ""));

    const again = await hvem("import", catalogue, "--out", out, "--organisation", "Testby Kommune");
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `${out} har allerede 3 enhedsfiler fra ocr-katalog.txt. Brug --replace for at erstatte dem (andre filer i mappen røres ikke).`,
    );

    await writeFile(join(out, "udvikling-miljoe-og-teknik/plan-by-og-natur/byg.md"), "ændret");
    const replaced = await hvem(
      "import",
      catalogue,
      "--out",
      out,
      "--organisation",
      "Testby Kommune",
      "--replace",
    );
    expect(replaced.stderr).toBe("");
    expect(replaced.code).toBe(0);
    expect(await listFiles(out)).toEqual([
      "haandskrevet.md",
      join("udvikling-miljoe-og-teknik", "plan-by-og-natur", "byg.md"),
      join("udvikling-miljoe-og-teknik", "plan-by-og-natur", "veje-og-trafik.md"),
    ]);
    expect(
      await readFile(join(out, "udvikling-miljoe-og-teknik/plan-by-og-natur/byg.md"), "utf8"),
    ).toBe(byg);
    expect(await readFile(join(out, "haandskrevet.md"), "utf8")).toBe(UNIT);

    // An admin's edit of an imported file is not overwritten; an additions file is kept and merged.
    const bygPath = join(out, "udvikling-miljoe-og-teknik/plan-by-og-natur/byg.md");
    await writeFile(bygPath, `${byg}- Skurvogne\n`);
    const additions = join(out, "udvikling-miljoe-og-teknik/plan-by-og-natur/byg.additions.yaml");
    const added = "unit: testby-kommune/udvikling-miljoe-og-teknik/plan-by-og-natur/byg\naliases: [byggesag]\n";
    await writeFile(additions, added);
    const args = ["import", catalogue, "--out", out, "--organisation", "Testby Kommune", "--replace"];
    const refused = await hvem(...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^1 importerede enhedsfiler er rettet i hånden siden importen/);
    expect(refused.stderr).toContain(bygPath);
    expect(await readFile(bygPath, "utf8")).toBe(`${byg}- Skurvogne\n`);
    await writeFile(bygPath, byg);
    expect((await hvem(...args)).code).toBe(0);
    expect(await readFile(additions, "utf8")).toBe(added);
    expect((await hvem("check", out)).stdout).toMatch(/ 0 fejl, /);
  });

  it("reads hand fixes, and reports a broken fixes file with its line", async () => {
    const dir = await tempDir();
    const fixes = join(dir, "fixes.yaml");
    await writeFile(fixes, "names:\n  Byg: Byggeri\n");
    const out = join(dir, "ud");
    const ok = await hvem("import", catalogue, "--out", out, "--fixes", fixes);
    expect(ok.code).toBe(0);
    expect(await listFiles(out)).toContain(
      join("udvikling-miljoe-og-teknik", "plan-by-og-natur", "byggeri.md"),
    );

    await writeFile(fixes, "names:\n  Byg: Byggeri\nunitstarts: []\n");
    const bad = await hvem("import", catalogue, "--out", join(dir, "ud2"), "--fixes", fixes);
    expect(bad.code).toBe(1);
    expect(bad.stderr.startsWith(`${fixes}:`)).toBe(true);
    expect(bad.stderr).toMatch(/:\d+ \[unitstarts\]: fejl: ukendt felt: unitstarts$/);
  });

  it("a catalogue that does not exist: exit 1 and the path", async () => {
    const out = await tempDir();
    const { code, stderr } = await hvem("import", "findes-ikke.txt", "--out", out);
    expect(code).toBe(1);
    expect(stderr).toBe("Filen kan ikke læses: findes-ikke.txt (ENOENT)");
  });

  it("usage mistakes: exit 2 with a message", async () => {
    const noOut = await hvem("import", catalogue);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr.split("\n")[0]).toBe(
      "angiv hvor enhedsfilerne skal skrives med --out <mappe>",
    );
    const none = await hvem("import", "--out", "x");
    expect(none.code).toBe(2);
    expect(none.stderr.split("\n")[0]).toBe("angiv præcis én katalogfil");
    const unknown = await hvem("import", catalogue, "--out", "x", "--force");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--force");
  });
});

describe("hvem import into a folder with other content", () => {
  it("creates the output folder", async () => {
    const base = await tempDir();
    await mkdir(join(base, "eksisterende"));
    const out = join(base, "eksisterende", "ny", "mappe");
    const { code } = await hvem("import", "test/fixtures/catalogue/umt.txt", "--out", out);
    expect(code).toBe(0);
    expect((await listFiles(out)).length).toBe(3);
  });
});

describe("hvem ask", () => {
  it("answers in the terminal in Danish, and in English to an English question", async () => {
    const danish = await hvem("ask", "hvem behandler byggeansøgninger?");
    expect(danish.code).toBe(0);
    expect(danish.stdout).toContain("Byg — Randers Kommune › Udvikling, Miljø og Teknik › Plan, By og Natur");
    expect(danish.stdout).toContain("Matchede ord: byggeansøgninger");
    const english = await hvem("ask", "who handles building permits?");
    expect(english.stdout).toContain("Matched words");
  });

  it("answers from the asker's organisation: --organisation and a batch line's organisation", async () => {
    // Both municipalities pay salaries; a Randers employee means Randers' payroll.
    const { stdout } = await hvem("ask", "--json", "--organisation", "Randers Kommune", "hvem laver lønsedler");
    const result = JSON.parse(stdout);
    expect(result.answers[0]).toMatchObject({ organisation: "Randers Kommune", unit: "Løn-afdelingen" });
    expect(result.answers.every((a: { organisation: string }) => a.organisation === "Randers Kommune")).toBe(true);

    const { Readable } = await import("node:stream");
    const { askCommand } = await import("../src/cli/ask-command.js");
    const lines: string[] = [];
    const input = Readable.from([
      '{"id":"r","q":"hvem laver lønsedler","organisation":"Randers Kommune"}\n',
      '{"id":"n","q":"hvem laver lønsedler","organisation":"Norddjurs Kommune"}\n',
      // The question names the other municipality: that one is meant.
      '{"id":"x","q":"hvem laver lønsedler i Norddjurs","organisation":"Randers Kommune"}\n',
      '{"id":"u","q":"hvem laver lønsedler","organisation":"Aarhus Kommune"}\n',
    ]);
    await askCommand(["--batch"], { line: (t) => lines.push(t), error: () => {} }, input);
    const [r, n, x, u] = lines.map((l) => JSON.parse(l));
    expect(r.answers[0].organisation).toBe("Randers Kommune");
    expect(n.answers[0].organisation).toBe("Norddjurs Kommune");
    expect(x.answers[0].organisation).toBe("Norddjurs Kommune");
    expect(u.error).toContain('ukendt organisation "Aarhus Kommune"');
  });

  it("--json prints the structured result", async () => {
    const { code, stdout } = await hvem("ask", "--json", "hvem laver lønsedler");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ question: "hvem laver lønsedler", truncated: false });
    expect(result.answers[0]).toHaveProperty("unitId");
  });

  it("--batch answers JSON Lines with one line each, ranked, and an error line for a bad one", async () => {
    const { Readable } = await import("node:stream");
    const { askCommand } = await import("../src/cli/ask-command.js");
    const lines: string[] = [];
    const input = Readable.from(['{"id":"a","q":"hvem tager sig af gravetilladelser?"}\n', "ikke json\n", '{"id":"c","q":"🙂"}\n']);
    const code = await askCommand(["--batch"], { line: (t) => lines.push(t), error: () => {} }, input);
    expect(code).toBe(0);
    const [first, bad, emoji] = lines.map((l) => JSON.parse(l));
    expect(Object.keys(first).sort()).toEqual(["answers", "confident", "elsewhere", "id", "ms", "q"]);
    expect(first).toMatchObject({ id: "a", confident: true });
    expect(first.answers[0]).toMatchObject({ unit: "Veje og trafik", organisation: "Randers Kommune" });
    expect(Object.keys(first.answers[0])).toEqual(
      expect.arrayContaining(["unitId", "unit", "chiefArea", "department", "organisation", "score", "matched", "tasks", "contacts"]),
    );
    expect(first.answers.length).toBeLessThanOrEqual(10);
    expect(bad).toMatchObject({ id: null });
    expect(bad.error).toContain("linjen kunne ikke læses");
    expect(emoji).toMatchObject({ id: "c", confident: false, answers: [] });
  });

  it("without a question: exit 2 and how to ask", async () => {
    const { code, stderr } = await hvem("ask");
    expect(code).toBe(2);
    expect(stderr).toContain("skriv et spørgsmål");
  });
});

describe("hvem report", () => {
  it("prints users' text without escape sequences or control characters", async () => {
    const log = join(await tempDir(), "feedback.jsonl");
    const line = (event: object) => `${JSON.stringify({ at: new Date().toISOString(), conversation: "c", ...event })}\n`;
    await writeFile(
      log,
      line({ kind: "question", question: "\u001b[2J\u001b]0;overtaget\u0007hvem laver\u009b31m lønsedler?\r\n", confident: false }) +
        line({ kind: "feedback", question: "hvem laver lønsedler?", reaction: "dislike", comment: "\u001b[31mforkert\u001b[0m\u202e enhed" }),
    );
    const { code, stdout } = await hvem("report", log);
    expect(code).toBe(0);
    expect(stdout).toContain("hvem laver 31m lønsedler?");
    expect(stdout).toContain('"forkert  enhed"');
    for (const printed of stdout.split("\n")) expect(printed).not.toMatch(/[\p{Cc}\u202a-\u202e]/u);
  });
});
