import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod/v4";
import type { Problem } from "./problem.js";

/**
 * Parses YAML and validates it against a schema, reporting every problem with the
 * line of the offending field so an admin can jump straight to it.
 * `firstLine` is the file line the YAML text starts on (front matter starts after `---`).
 */
export function parseYaml<S extends z.ZodType>(
  text: string,
  schema: S,
  file: string,
  firstLine = 1,
): { value: z.infer<S>; problems: [] } | { value: undefined; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      value: undefined,
      problems: doc.errors.map((e) => ({
        severity: "error",
        file,
        line: lineAt(e.pos[0]),
        message: `YAML kan ikke læses: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  // reportInput lets a wrong type be told apart from a missing field.
  const result = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  return {
    value: undefined,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      // Point at the deepest node that exists: for a missing field, its parent;
      // for an unknown field, the field itself.
      let line: number | undefined;
      if (issue.code === "unrecognized_keys") {
        const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
        const pair = isMap(parent)
          ? parent.items.find((p) => isScalar(p.key) && p.key.value === issue.keys[0])
          : undefined;
        if (isNode(pair?.key) && pair.key.range) line = lineAt(pair.key.range[0]);
      }
      for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) line = lineAt(node.range[0]);
      }
      const field = fieldPath(issue.code === "unrecognized_keys" ? [...path, ...issue.keys] : path);
      return {
        severity: "error",
        file,
        line: line ?? firstLine,
        ...(field ? { field } : {}),
        message: describeIssue(issue),
      } satisfies Problem;
    }),
  };
}

function fieldPath(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `ukendt felt: ${issue.keys.join(", ")}`;
    case "invalid_type":
      return issue.input === undefined
        ? "feltet mangler"
        : `forkert type: forventede ${danishType(issue.expected)}`;
    default:
      return issue.message;
  }
}

function danishType(expected: string): string {
  const names: Record<string, string> = {
    string: "tekst",
    number: "tal",
    array: "en liste",
    object: "felter (nøgle: værdi)",
    boolean: "true eller false",
  };
  return names[expected] ?? expected;
}
