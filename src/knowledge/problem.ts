/** A problem found in a knowledge file: what an admin needs to find and fix it. */
export interface Problem {
  severity: "error" | "warning";
  /** File path relative to the knowledge folder. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Field path such as `contacts[0].email`, when the problem is in one field. */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field ? ` [${p.field}]` : "";
  const label = p.severity === "error" ? "fejl" : "advarsel";
  return `${where}${field}: ${label}: ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
