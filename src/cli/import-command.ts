import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { importCatalogue } from "../import/import-catalogue.js";
import { importFixesSchema, noFixes } from "../import/import-fixes.js";
import { editedSinceImport } from "../import/imported-marker.js";
import { formatProblem } from "../knowledge/problem.js";
import { parseYaml } from "../knowledge/yaml-source.js";
import { UsageError } from "./cli-error.js";
import type { Output } from "./output.js";

export const importUsage =
  "hvem import <katalog.txt> --out <mappe> [--organisation NAVN] [--reference FIL]... [--fixes FIL] [--replace]";

/**
 * `hvem import`: an OCR'd task catalogue in, unit files out. Refuses to overwrite
 * unit files unless --replace, and then replaces only files imported from the same
 * catalogue, so hand-written units and other sources in the folder are kept.
 */
export async function importCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      organisation: { type: "string", default: "Randers Kommune" },
      reference: { type: "string", multiple: true, default: [] },
      fixes: { type: "string" },
      replace: { type: "boolean", default: false },
    },
  });
  const [cataloguePath, ...extra] = positionals;
  if (!cataloguePath || extra.length > 0) throw new UsageError("angiv præcis én katalogfil");
  if (!values.out) throw new UsageError("angiv hvor enhedsfilerne skal skrives med --out <mappe>");

  const previous = await importedFrom(values.out, basename(cataloguePath));
  if (previous.length > 0 && !values.replace) {
    out.error(
      `${values.out} har allerede ${previous.length} enhedsfiler fra ${basename(cataloguePath)}. ` +
        "Brug --replace for at erstatte dem (andre filer i mappen røres ikke).",
    );
    return 1;
  }
  const edited = previous.filter((file) => editedSinceImport(file.text)).map((file) => file.path);
  if (edited.length > 0) {
    out.error(
      `${edited.length} importerede enhedsfiler er rettet i hånden siden importen, så de bliver ikke ` +
        `skrevet om: ${edited.join(", ")}. Flyt rettelserne til en .additions.yaml ved siden af ` +
        "filen (eller til importens rettelsesfil), fjern dem fra .md-filen, og importér igen.",
    );
    return 1;
  }
  const fixes = values.fixes ? await readFixes(values.fixes, out) : noFixes;
  if (!fixes) return 1;
  const result = importCatalogue({
    catalogue: { name: cataloguePath, text: await readFile(cataloguePath, "utf8") },
    references: await Promise.all(values.reference.map((f) => readFile(f, "utf8"))),
    organisation: values.organisation,
    fixes,
  });
  await Promise.all(previous.map((file) => rm(file.path)));
  for (const file of result.files) {
    const path = join(values.out, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  printReport(result, values.out, out);
  return 0;
}

async function readFixes(path: string, out: Output) {
  const parsed = parseYaml(await readFile(path, "utf8"), importFixesSchema, path);
  for (const problem of parsed.problems) out.error(formatProblem(problem));
  return parsed.value;
}

/** Unit files in `dir` whose front matter names `document` as their source, with their text. */
async function importedFrom(
  dir: string,
  document: string,
): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".md"));
  const matches = await Promise.all(
    files.map(async (e) => {
      const path = join(e.parentPath, e.name);
      const text = await readFile(path, "utf8");
      return new RegExp(`^\\s+document: ${document.replace(/\./g, "\\.")}$`, "m").test(text)
        ? { path, text }
        : undefined;
    }),
  );
  return matches.filter((p) => p !== undefined);
}

function printReport(result: ReturnType<typeof importCatalogue>, dir: string, out: Output) {
  const tasks = result.units.reduce((n, u) => n + u.tasks.length, 0);
  const groups = result.units.reduce((n, u) => n + new Set(u.tasks.map((t) => t.group)).size, 0);
  const departments = new Set(result.units.map((u) => u.department));
  const chiefAreas = new Set(result.units.map((u) => `${u.department}/${u.chiefArea}`));
  const distinct = new Set(result.repairs.map((r) => r.from));
  out.line(`Skrev ${result.files.length} enhedsfiler i ${dir}.`);
  out.line(
    `${departments.size} forvaltninger, ${chiefAreas.size} chefområder, ${result.units.length} enheder, ` +
      `${groups} opgavegrupper, ${tasks} opgaver.`,
  );
  out.line(`OCR-reparationer: ${result.repairs.length} ord (${distinct.size} forskellige).`);
  const { byReason, unaccounted } = result.lines;
  const total = [...byReason.values()].reduce((a, b) => a + b, 0) + unaccounted.length;
  out.line(`\nKatalogets ${total} linjer med tekst:`);
  for (const [reason, count] of [...byReason].sort((a, b) => b[1] - a[1])) {
    out.line(`  ${String(count).padStart(5)}  ${reason}`);
  }
  out.line(`  ${String(unaccounted.length).padStart(5)}  hverken placeret eller forklaret`);
  for (const line of unaccounted) out.line(`    linje ${line.no}: ${line.text.slice(0, 100)}`);
  const { unplaced, unitsWithoutTasks, unusedFixes } = result.report;
  out.line(`\nTekst der ikke kunne placeres i en enhed (${unplaced.length}):`);
  for (const u of unplaced) out.line(`  linje ${u.from}-${u.to}: ${u.text.slice(0, 100)}`);
  out.line(`\nNavne fra årsværkstabellerne uden egne opgaver (${unitsWithoutTasks.length}):`);
  for (const u of unitsWithoutTasks) out.line(`  ${u.department}: ${u.name}`);
  if (unusedFixes.length > 0) {
    out.line(
      `\nRettelser der ikke ramte en tekstlinje (tjek linjenumrene) (${unusedFixes.length}):`,
    );
    for (const fix of unusedFixes) out.line(`  ${fix}`);
  }
}
