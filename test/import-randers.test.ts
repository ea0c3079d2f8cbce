/**
 * The real Randers catalogue through the real importer and hand fixes, run once.
 * Guards both the importer and that the committed knowledge/randers-kommune is
 * exactly what the importer and fixes produce.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ImportResult, importCatalogue } from "../src/import/import-catalogue.js";
import { importFixesSchema } from "../src/import/import-fixes.js";
import { formatProblem } from "../src/knowledge/problem.js";
import type { Unit } from "../src/knowledge/schema.js";
import { parseUnitFile } from "../src/knowledge/unit-file.js";
import { parseYaml } from "../src/knowledge/yaml-source.js";

const SOURCES = "knowledge/sources";
const OUT = "knowledge/randers-kommune";
const read = (path: string) => readFileSync(path, "utf8");

let result: ImportResult;
/** Every written file read back as a unit, by path. */
const parsed = new Map<string, Unit>();
const parseProblems: string[] = [];

beforeAll(() => {
  const fixesPath = `${SOURCES}/randers-kommune.fixes.yaml`;
  const fixes = parseYaml(read(fixesPath), importFixesSchema, fixesPath);
  if (!fixes.value) throw new Error(fixes.problems.map(formatProblem).join("\n"));
  result = importCatalogue({
    catalogue: {
      name: `${SOURCES}/000_51469e97a7d72b5a.txt`,
      text: read(`${SOURCES}/000_51469e97a7d72b5a.txt`),
    },
    references: [
      read(`${SOURCES}/001_52e53e29ab19a033.txt`),
      read(`${SOURCES}/004_ca66194a7e5117b1.txt`),
    ],
    organisation: "Randers Kommune",
    fixes: fixes.value,
  });
  for (const file of result.files) {
    const { unit, problems } = parseUnitFile(file.content, file.path);
    parseProblems.push(...problems.map(formatProblem));
    if (unit) parsed.set(file.path, unit);
  }
}, 120_000);

function unit(name: string): Unit {
  const found = [...parsed.values()].filter((u) => u.name === name);
  expect(
    found.map((u) => u.name),
    `exactly one unit named ${name}`,
  ).toEqual([name]);
  return found[0] as Unit;
}

function hasTask(name: string, group: string, text: string | RegExp) {
  const tasks = unit(name).tasks.filter((t) =>
    typeof text === "string" ? t.text.includes(text) : text.test(t.text),
  );
  expect(
    tasks.map((t) => t.group),
    `${name}: a task ${text} in group "${group}"`,
  ).toContain(group);
}

const DEPARTMENTS = [
  "Tværgående",
  "Udvikling, Miljø og Teknik",
  "Sundhed, Kultur og Omsorg",
  "Børn og Skole",
  "Social og arbejdsmarked",
  "Stabene",
];

describe("import of the Randers catalogue", () => {
  it("finds the 6 departments, in catalogue order", () => {
    expect([...new Set(result.units.map((u) => u.department))]).toEqual(DEPARTMENTS);
  });

  it("finds 15 chief areas", () => {
    const chiefAreas = new Set(result.units.map((u) => `${u.department} › ${u.chiefArea}`));
    expect(chiefAreas.size).toBe(15);
    expect([...chiefAreas]).toEqual(
      expect.arrayContaining([
        "Tværgående › Alle enheder",
        "Udvikling, Miljø og Teknik › Plan, By og Natur",
        "Udvikling, Miljø og Teknik › Ejendomsservice, affald og drift",
        "Børn og Skole › Familiechef",
        "Stabene › Økonomi",
        "Stabene › Personale og HR",
        "Stabene › IT & Digitalisering",
        "Stabene › Politik, Jura og kommunikation",
      ]),
    );
  });

  it("finds the units of each department", () => {
    const count = (department: string) =>
      result.units.filter((u) => u.department === department).length;
    expect(Object.fromEntries(DEPARTMENTS.map((d) => [d, count(d)]))).toEqual({
      Tværgående: 1,
      "Udvikling, Miljø og Teknik": 11,
      "Sundhed, Kultur og Omsorg": 6,
      "Børn og Skole": 5,
      "Social og arbejdsmarked": 10,
      Stabene: 23,
    });
    expect(result.files).toHaveLength(56);
  });

  it("marks the units of Tværgående as cross-cutting, and only those", () => {
    const crossCutting = [...parsed.values()].filter((u) => u.crossCutting).map((u) => u.name);
    expect(crossCutting).toEqual(["Alle enheder"]);
  });

  it("places all text in a unit", () => {
    expect(result.report.unplaced).toEqual([]);
  });

  it("repairs the OCR damage, using the hand-fixed words", () => {
    expect(result.repairs.length).toBeGreaterThan(3000);
    expect(result.repairs).toContainEqual({ from: "Ignsystem", to: "lønsystem" });
    expect(result.repairs).toContainEqual({ from: "Byggeansggninger", to: "Byggeansøgninger" });
    expect(result.repairs).toContainEqual({ from: "Tveergaende", to: "Tværgående" });
    const all = result.files.map((f) => f.content).join("\n");
    expect(all).not.toMatch(/\b(?:Ignsystem|Lgbende|gkonomi|@konomi|Byggeansggninger|arsveerk)\b/);
  });

  it("writes one unit file per unit, in department/chief-area/unit folders", () => {
    for (const file of result.files) {
      expect(file.path).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+\.md$/);
    }
    expect(result.files.map((f) => f.path)).toContain(
      "udvikling-miljoe-og-teknik/plan-by-og-natur/byg.md",
    );
  });

  it("every written file parses with no problems", () => {
    expect(parseProblems).toEqual([]);
    expect(parsed.size).toBe(result.files.length);
  });

  it("ids are unique and follow the folders", () => {
    const ids = [...parsed.values()].map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, u] of parsed) {
      expect(u.id).toBe(`randers-kommune/${path.replace(/\.md$/, "")}`);
      expect(u.organisation).toBe("Randers Kommune");
      expect(u.source.document).toBe("000_51469e97a7d72b5a.txt");
      expect(u.source.lines).toMatch(/^\d+-\d+$/);
      expect(u.tasks.length).toBeGreaterThan(0);
    }
  });

  it("Byg handles building applications under Byggesagsbehandling", () => {
    expect(unit("Byg")).toMatchObject({
      department: "Udvikling, Miljø og Teknik",
      chiefArea: "Plan, By og Natur",
    });
    hasTask("Byg", "Byggesagsbehandling", "Byggeansøgninger");
    hasTask("Byg", "BBR/ejendomsskat", "rottebekæmpelse, skorstensfejning");
  });

  it("the units people ask about exist with a characteristic task", () => {
    hasTask("Betalingskontoret", "Konkurser", "Anmeldelse af kommunens krav i konkursbo");
    hasTask("Løn-afdelingen", "Personaleadministration", "decentrale handlinger i lønsystemet");
    hasTask(
      "Personalejuridisk team",
      "Kompetenceudvikling og formidling",
      "Afholdelse af workshops",
    );
    hasTask("Veje og trafik", "Gravetilladelse mv", "Give tilladelse til ledningsejere");
    hasTask("Pladsanvisningen", "Økonomi og tilskud", "Økonomisk fripladstilskud");
    hasTask(
      "Myndighedscentret inkl. Døgnafdelingen",
      "Håndtering af underretninger",
      "Journalisering af underretningssamtale",
    );
    hasTask(
      "Borgerservice",
      "Indkøbsopgaver og udbud af IT-systemer",
      "Pas- og kørekortsystem, kørekortbooking",
    );
    hasTask("Alle enheder", "Generelt om sagsbehandling", /^Foretage journalisering af dokumenter/);
    expect(unit("Systemforvaltning SBSYS")).toMatchObject({
      department: "Stabene",
      chiefArea: "IT & Digitalisering",
    });
    expect(unit("Betalingskontoret").chiefArea).toBe("Økonomi");
    expect(unit("Løn-afdelingen").chiefArea).toBe("Personale og HR");
    expect(unit("Borgerservice").department).toBe("Social og arbejdsmarked");
  });

  // The PDF centres a unit's name vertically in its table row, so the OCR writes it
  // part-way down the row; hand fixes (unitStarts/notUnitStarts) move the start.
  it("Systemforvaltning SBSYS has the SBSYS tasks, and Server og Infrastruktur the firewall", () => {
    hasTask("Systemforvaltning SBSYS", "", /^Support i forhold til bruges af SBSYS/);
    const server = unit("Server og Infrastruktur").tasks.map((t) => t.text);
    expect(server).toContain("Drift, vedligeholdelse og udbygning af firewall");
    const sbsys = unit("Systemforvaltning SBSYS").tasks.map((t) => t.text);
    expect(sbsys.filter((t) => /firewall|Switche|Microsoft servere/.test(t))).toEqual([]);
  });

  // BUG (knowledge/sources/randers-kommune.fixes.yaml): `notUnitStarts: [4866]` keeps
  // the page-top label "Systemforvaltning" / "SBSYS" (lines 4865-4866) as text, so
  // Server og Infrastruktur gets a task "Systemforvaltning" and a task group "SBSYS"
  // over its firewall/network tasks; `skip: {from: 4865, to: 4866}` would drop it.
  it("a unit label moved by a fix leaves no task or group behind", () => {
    const server = unit("Server og Infrastruktur").tasks;
    expect(server.filter((t) => t.text === "Systemforvaltning" || t.group === "SBSYS")).toEqual([]);
  });

  it("Pladsanvisningen does not start with the secretariat's tasks", () => {
    const groups = unit("Pladsanvisningen").tasks.map((t) => t.group);
    expect(groups).not.toContain("Personaleadministration i sekretariatet");
    hasTask(
      "Børn og Skole sekretariatet",
      "Personaleadministration i sekretariatet",
      "MUS samtaler",
    );
  });

  // A unit label at a page top stands above the rest of the unit before it (skip + unitStarts).
  it("text below a page-top unit label stays with the unit before it", () => {
    const texts = (name: string) => unit(name).tasks.map((t) => t.text).join("\n");
    hasTask("Regnskab", "Legater", "Helga Sørensen");
    expect(texts("Betalingskontoret")).not.toMatch(/Helga Sørensen|Regnskabskontorets materiale/);
    hasTask("Udbud og Indkøb", "Politikker og strategier", "strategi for bæredygtige indkøb");
    expect(texts("Kørsel")).not.toMatch(/bæredygtige indkøb|Bl-løsning/);
    hasTask("Løn-afdelingen", "Administration sygdom og barsel", "Behandling af barselsaftaler");
    expect(texts("Personalejuridisk team")).not.toMatch(/barselsaftaler/);
    hasTask("Kunder og Support", "", "Daglig drift af Teams Telefoni");
    expect(texts("Server og Infrastruktur")).not.toMatch(/Teams Telefoni|printere|postkasser/);
  });

  it("Pladsanvisningen has the placing of children in day care", () => {
    expect(unit("Pladsanvisningen").tasks.map((t) => t.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Fordeling af pladser vedr\. dagpleje/)]),
    );
  });

  // BUG (catalogue-parser.ts): see catalogue-parser.test.ts; a wrapped unit name
  // leaves an empty task ("- " in 7 files), and a stripped unit column leaves the
  // OCR bullet glyph glued into a task ("… direktører e Kvalitetssikring …").
  it("writes no empty tasks and no stray OCR bullet glyphs", () => {
    const bad = result.files.flatMap((f) =>
      f.content
        .split("\n")
        .filter((l) => /^- ?$|^- [eo©¢«] |\S [eo©¢«] \p{Lu}/u.test(l))
        .map((l) => `${f.path}: ${l.slice(0, 80)}`),
    );
    expect(bad).toEqual([]);
  });
});

describe("the catalogue audit (issue 11)", () => {
  const groupsOf = (name: string) => new Set(unit(name).tasks.map((t) => t.group));
  const textOf = (name: string) => unit(name).tasks.map((t) => t.text).join("\n");

  it("Neptunvej's Fællesadministrationen and Center for Autisme are units of their own", () => {
    const neptunvej =
      "Fællesadministrationen / De Døgndækkede Botilbud – Neptunvej / Center for handicap og myndighed";
    hasTask(neptunvej, "", "Kostrefusion udregnes til borgerne");
    hasTask("Center for Autisme, Senhjerneskade og Læring", "", "Vejledning i Min Løn");
    const politics = textOf("Social og Arbejdsmarked, Politik og administration");
    expect(politics).not.toMatch(/Kostrefusion|Vejledning i Min Løn|Sensum Bosted|Neptunvej/);
    hasTask("Social og Arbejdsmarked, Politik og administration", "", "Huslejenævnet i Randers");
    expect(groupsOf("Center for Autisme, Senhjerneskade og Læring")).not.toContain(
      "Senhjerneskade og",
    );
  });

  it("a chief area's introduction is no unit, and a cut-off name is completed", () => {
    expect([...parsed.values()].map((u) => u.name)).not.toContain("IT & Digitalisering");
    unit("Fronten (Pas, kørekort, MitID og øvrige betjening af fysiske henvendelser)");
  });

  it("every unit's name tells it apart; the catalogue's short name is an alias", () => {
    const names = [...parsed.values()].map((u) => u.name.toLocaleLowerCase("da"));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names.filter((n) => /^sekretariat(?:et)?$/.test(n))).toEqual([]);
    expect(unit("Sekretariatet, Sundhed og Omsorg").aliases).toEqual(["Sekretariatet"]);
    expect(unit("Sekretariatet, Kultur og Fritid").aliases).toEqual(["Sekretariatet"]);
    expect(unit("Sekretariatet, Udvikling, Miljø og Teknik")).toMatchObject({
      aliases: ["Sekretariat"],
      id: "randers-kommune/udvikling-miljoe-og-teknik/stab-og-baeredygtighed/sekretariat",
    });
  });

  it("a name that ends a wrapped line ends its task, it heads no group", () => {
    const groups = [...parsed.values()].flatMap((u) => u.tasks.map((t) => t.group));
    for (const cut of ["Randers", "Arbejdstilsynet", "MineTider", "Borgerservice", "HMU og direktion"]) {
      expect(groups).not.toContain(cut);
    }
    expect(groups.filter((g) => /^Bos-Boy|^Byrådssekretariatet\)/.test(g))).toEqual([]);
    hasTask("Alle enheder", "Arbejdsmiljø", /besøg fra Arbejdstilsynet$/);
  });

  it("no record is table debris, a glued bullet or a piece of the unit column", () => {
    const all = [...parsed.values()].flatMap((u) =>
      u.tasks.flatMap((t) => [`${u.name}: ${t.group}`, `${u.name}: ${t.text}`]),
    );
    const debris = /: (?:[0Oo]+(?: [0Oo]+)+|°|\[ \]|el)$|°|\[[ }]?\]|\bo\p{Lu}\p{Ll}/u;
    expect(all.filter((t) => debris.test(t)), "debris").toEqual([]);
    const pieces = /: (?:Familiefagligt|Udviklingscenter|Team Arbejdsmiljø og|MED|Administrativ gruppe|Byråds|sekretariatet|og valg|fælles i)$/;
    expect(all.filter((t) => pieces.test(t)), "pieces").toEqual([]);
  });

  it("Familiefagligt Udviklingscenter: one task per row, the first row's list under its heading", () => {
    const tasks = unit("Familiefagligt Udviklingscenter").tasks.filter((t) => t.group);
    expect(tasks.slice(0, 2).map((t) => [t.group, t.text])).toEqual([
      ["Diverse opgaver på tværs af familieområdet underfølgende overskrifter", "Sammenhæng og helhed"],
      ["Diverse opgaver på tværs af familieområdet underfølgende overskrifter", "Kompetenceudvikling"],
    ]);
    hasTask("Familiefagligt Udviklingscenter", "", /^Sagsfremstilling — notater til udvalgssager/);
    hasTask("Familiefagligt Udviklingscenter", "", /^Understøttelse af aftaleenhederne .* dialog møder mv\.$/);
  });

  it("accounts for every catalogue line that is not blank: placed, or skipped for a named reason", () => {
    expect(result.lines.unaccounted).toEqual([]);
    // Lines the audit found lost: rows whose text became a group that no task came under.
    for (const no of [1010, 1753, 1754, 1757, 1758, 1768, 1769, 1857, 3919]) {
      expect([no, result.report.lines.get(no)]).toEqual([no, expect.stringMatching(/^task/)]);
    }
    const reasons = [...result.lines.byReason.keys()];
    expect(reasons).toEqual(expect.arrayContaining(["task", "task group", "page number"]));
    const all = [...parsed.values()].flatMap((u) => u.tasks.map((t) => t.text)).join("\n");
    expect(all).toMatch(/Udsendelse af fakturaer\./);
    expect(all).toMatch(/kommunens vedtagne regnskabsprincipper\./);
  });

  it("the OCR damage the audit found is repaired, and no repair makes new damage", () => {
    const all = result.files.map((f) => f.content).join("\n");
    const damage =
      /\b(?:blå\.|Brædalske|forbiødede|fremmeøde|beæredygtighedsudvalgets|Bl|Raden|Serge|Aben|maling)\b|&r\b|\p{Ll},? I \p{Ll}/gu;
    expect(all.match(damage) ?? []).toEqual([]);
    expect(all).toMatch(/Råden over vejareal/);
    expect(all).toMatch(/De Brock Bredalske Legater/);
  });

  it("a list the OCR wrote without bullets is one task per item", () => {
    const admin = unit("Veje og trafik").tasks.filter((t) => t.group === "Administration");
    expect(admin.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        "telefonbetjening",
        "koordinering af aftaler med borgere og samarbejdspartnere",
        "indkaldelser til interne og andre møder",
      ]),
    );
    expect(admin.filter((t) => /^telefonbetjening|indkaldelser.*referater/.test(t.text))).toEqual([
      expect.objectContaining({ text: "telefonbetjening" }),
    ]);
  });
});

describe("task groups against random samples of 60 tasks judged by hand (issue 11)", () => {
  interface Judged {
    unit: string;
    text: string;
    /** The catalogue's group; null when the line is a heading and no task at all. */
    group: string | null;
    alsoRight?: string[];
  }
  const fixture = (name: string) =>
    (JSON.parse(read(`test/fixtures/catalogue/${name}`)) as { sample: Judged[] }).sample;
  /** The sampled tasks that do not stand under the group the catalogue gives them. */
  const misplaced = (sample: readonly Judged[]) =>
    sample
      .map((judged) => {
        const now = [...parsed.values()]
          .filter((u) => u.name === judged.unit)
          .flatMap((u) => u.tasks)
          .find((t) => t.text.startsWith(judged.text))?.group;
        return { ...judged, now: now ?? null };
      })
      .filter((j) => j.now !== j.group && !(j.alsoRight ?? []).includes(j.now ?? "\0"))
      .map((j) => `${j.unit}: ${j.text} — ${j.now} ≠ ${j.group}`);

  it("the sample the group fixes were checked against: all 60 under the catalogue's group", () => {
    const sample = fixture("group-sample.json");
    expect(sample).toHaveLength(60);
    expect(misplaced(sample)).toEqual([]);
  });

  // A second sample: 55 of 60 when drawn; its misses prompted the last rules and fixes.
  it("a second sample: all 60 under the catalogue's group", () => {
    const sample = fixture("group-sample-2.json");
    expect(sample).toHaveLength(60);
    expect(misplaced(sample)).toEqual([]);
  });

  // Drawn after the last rule change: 55 of 60 when drawn (target 57), 57 once hand fixes
  // for two of its headings were added. The rest: a heading over sub-headings and bullets,
  // an Økonomi & Analyse row under the list before it, a row label kept as a task.
  it("a third sample: at least 57 of 60 under the catalogue's group", () => {
    const sample = fixture("group-sample-fresh.json");
    expect(sample).toHaveLength(60);
    expect(misplaced(sample).length).toBeLessThanOrEqual(3);
  });
});

describe("the committed knowledge/randers-kommune", () => {
  const committed = (function list(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? list(join(dir, e.name))
        : e.name.endsWith(".md")
          ? [relative(OUT, join(dir, e.name)).split(sep).join("/")]
          : [],
    );
  })(OUT).sort();

  it("has exactly the unit files the import writes", () => {
    expect(result.files.map((f) => f.path).sort()).toEqual(committed);
  });

  it("is exactly what the importer and the fixes produce (the import is deterministic)", () => {
    const differing = result.files
      .filter((f) => committed.includes(f.path) && read(join(OUT, f.path)) !== f.content)
      .map((f) => f.path);
    expect(differing).toEqual([]);
  });
});
