/**
 * `hvem import`: a PDF-extracted task catalogue in, one unit file per unit out, plus
 * a report of what was repaired and what could not be placed.
 */
import { basename } from "node:path";
import { slugify } from "../knowledge/slug.js";
import { formatUnitFile } from "../knowledge/unit-file.js";
import { readCatalogueLines } from "./catalogue-lines.js";
import { type ParsedUnit, type ParseReport, parseCatalogue } from "./catalogue-parser.js";
import { createDanishLexicon } from "./danish-lexicon.js";
import type { ImportFixes } from "./import-fixes.js";
import { markImported } from "./imported-marker.js";
import { accountLines, type LineAccount } from "./line-accounting.js";
import { createOcrRepairer, type Repair } from "./ocr-repair.js";

export interface ImportOptions {
  catalogue: { name: string; text: string };
  /** Clean Danish documents of the same organisation: their words count as correct. */
  references: readonly string[];
  organisation: string;
  fixes: ImportFixes;
}

export interface ImportResult {
  /** Unit files to write, by path relative to the output folder. */
  files: { path: string; content: string }[];
  units: ParsedUnit[];
  repairs: Repair[];
  report: ParseReport;
  /** What became of every non-blank catalogue line. */
  lines: LineAccount;
}

export function importCatalogue(options: ImportOptions): ImportResult {
  const lexicon = createDanishLexicon(options.references);
  const repairer = createOcrRepairer(lexicon, options.fixes.words);
  const repairs: Repair[] = [];
  const lines = readCatalogueLines(options.catalogue.text, repairer, repairs);
  const { units, report } = parseCatalogue(lines, options.fixes);
  const document = basename(options.catalogue.name);
  const placed = units.filter((u) => u.tasks.length > 0);
  const kept = new Map(placed.map((unit) => [unit, uniqueTasks(unit)]));
  const files = placed.map((unit) => {
    const path = [unit.department, unit.chiefArea, unit.name].map(slugify);
    const display = options.fixes.displayNames[path.join("/")];
    const content = formatUnitFile({
        id: [slugify(options.organisation), ...path].join("/"),
        name: display ?? unit.name,
        organisation: options.organisation,
        department: unit.department,
        chiefArea: unit.chiefArea,
        aliases: display ? [unit.name] : [],
        contacts: [],
        crossCutting: options.fixes.crossCutting.includes(unit.department),
        source: { document, lines: `${unit.from}-${unit.to}` },
        tasks: (kept.get(unit) ?? []).map((t) => ({ group: t.group, text: t.text })),
    });
    const name = `${path.at(-1)}.md`;
    return { path: `${path.join("/")}.md`, content: markImported(content, document, name) };
  });
  const ids = new Set(placed.map((u) => [u.department, u.chiefArea, u.name].map(slugify).join("/")));
  for (const id of Object.keys(options.fixes.displayNames)) {
    if (!ids.has(id)) report.unusedFixes.push(`displayNames ${id}`);
  }
  const account = accountLines(options.catalogue.text, report.lines, [...kept.values()].flat());
  return { files, units: placed, repairs, report, lines: account };
}

/**
 * The OCR repeats text across page breaks; a unit lists each task once. Tasks under
 * no heading come first: in a unit file a task below a `##` heading belongs to it.
 */
function uniqueTasks(unit: ParsedUnit) {
  const seen = new Set<string>();
  const unique = unit.tasks.filter((t) => {
    const key = `${t.group}\n${t.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...unique.filter((t) => !t.group), ...unique.filter((t) => t.group)];
}
