/**
 * Hand fixes for one catalogue: the few things the importer cannot infer. They live
 * in a small YAML file beside the knowledge, so every fix is visible and reviewable.
 */
import { z } from "zod/v4";

export const importFixesSchema = z.strictObject({
  unitStarts: z
    .array(
      z.strictObject({
        line: z.number().int().positive().describe("Source line where the unit column starts."),
        strip: z
          .number()
          .int()
          .nonnegative()
          .default(0)
          .describe("How many words at the start of the line are the unit column, not a task."),
        name: z.string().min(1).describe("The unit's name in correct Danish."),
        columnTo: z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            "Last line on which the unit column stands before an inline bullet, e.g. a name wrapped over three bullet lines.",
          ),
      }),
    )
    .default([])
    .describe("Units the importer cannot see, e.g. a unit column the OCR lost."),
  notUnitStarts: z
    .array(z.number().int().positive())
    .default([])
    .describe("Source lines that look like a unit name but are task text."),
  headings: z
    .array(
      z.strictObject({
        line: z.number().int().positive().describe("Source line of the heading."),
        name: z.string().min(1).optional().describe("The heading as shown, if not the line's text."),
      }),
    )
    .default([])
    .describe(
      "Lines that head a task group though no bullet list follows, e.g. a column heading the OCR put inline.",
    ),
  skip: z
    .array(
      z.strictObject({
        from: z.number().int().positive(),
        to: z.number().int().positive(),
        reason: z
          .string()
          .min(1)
          .describe("Why these lines are not tasks; the import report counts skipped lines by it."),
      }),
    )
    .default([])
    .describe("Source line ranges that are not tasks (remarks of a staffing table, notes)."),
  crossCutting: z
    .array(z.string())
    .default([])
    .describe("Departments whose units list tasks every unit does itself (e.g. Tværgående)."),
  words: z
    .record(z.string(), z.string())
    .default({})
    .describe("OCR words the dictionary repairs wrongly or cannot repair: damaged → correct."),
  names: z
    .record(z.string(), z.string())
    .default({})
    .describe(
      "Names: as found → as shown (units, chief areas, departments). A key may be scoped to a department as 'Department/Name'. A key that is not in the staffing table is an extra name the text uses for the unit.",
    ),
  displayNames: z
    .record(z.string(), z.string().min(1))
    .default({})
    .describe(
      "Unit id (without the organisation) → the name shown, for a unit whose catalogue name does not tell it apart ('Sekretariatet'). The id and the catalogue name, kept as an alias, do not change.",
    ),
});

export type ImportFixes = z.infer<typeof importFixesSchema>;

export const noFixes: ImportFixes = importFixesSchema.parse({});

/** The line-numbered fixes, looked up by line, remembering which ones were used. */
export function indexFixes(fixes: ImportFixes) {
  const used = new Set<string>();
  const use = <T>(key: string, found: T | undefined) => {
    if (found !== undefined) used.add(key);
    return found;
  };
  const starts = new Map(fixes.unitStarts.map((s) => [s.line, s]));
  const headings = new Map(fixes.headings.map((h) => [h.line, h]));
  const notStarts = new Set(fixes.notUnitStarts);
  return {
    unitStart: (no: number) => use(`unitStarts ${no}`, starts.get(no)),
    notUnitStart: (no: number) => use(`notUnitStarts ${no}`, notStarts.has(no) || undefined),
    heading: (no: number) => use(`headings ${no}`, headings.get(no)),
    skip: (no: number) => {
      const range = fixes.skip.find((r) => no >= r.from && no <= r.to);
      return range && use(`skip ${range.from}-${range.to}`, range);
    },
    /** Whether a forced start says the unit column stands on this line, before a bullet. */
    inUnitColumn: (no: number) =>
      fixes.unitStarts.some((s) => s.columnTo && no >= s.line && no <= s.columnTo),
    /** Fixes that matched no text line, so did nothing: likely a wrong line number. */
    unused: () =>
      [
        ...fixes.unitStarts.map((f) => `unitStarts ${f.line}`),
        ...fixes.notUnitStarts.map((n) => `notUnitStarts ${n}`),
        ...fixes.headings.map((h) => `headings ${h.line}`),
        ...fixes.skip.map((r) => `skip ${r.from}-${r.to}`),
      ].filter((fix) => !used.has(fix)),
  };
}
