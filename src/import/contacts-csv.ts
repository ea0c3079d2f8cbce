/**
 * Contacts from an HR or directory export (CSV): one contact a row, under the columns
 * unit, name, role, e-mail, phone. Every row is checked against the knowledge's units and
 * the contact schema; problems carry the row's line so an admin can fix the export.
 */
import type { Problem } from "../knowledge/problem.js";
import { type Contact, contactSchema, type Unit } from "../knowledge/schema.js";

export interface CsvContact {
  unitId: string;
  contact: Contact;
  line: number;
}

/** Column names as exports spell them, Danish or English, normalised (lowercase, no spaces or dashes). */
const COLUMNS: Record<string, keyof Contact | "unit"> = {
  unit: "unit",
  enhed: "unit",
  name: "name",
  navn: "name",
  role: "role",
  rolle: "role",
  titel: "role",
  email: "email",
  mail: "email",
  phone: "phone",
  telefon: "phone",
};

export const CONTACT_COLUMNS = "unit (enhedens id eller navn), name, role, e-mail, phone";

export function readContactsCsv(
  text: string,
  file: string,
  units: readonly Unit[],
): { contacts: CsvContact[]; problems: Problem[] } {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const [header, ...body] = rows;
  const problems: Problem[] = [];
  const columns = (header?.cells ?? []).map((c) => COLUMNS[c.toLowerCase().replace(/[\s_-]/g, "")]);
  const missing = (["unit", "name"] as const).filter((c) => !columns.includes(c));
  if (!header || missing.length > 0) {
    const message = `overskriftslinjen mangler kolonnen ${missing.join(" og ") || "unit og name"}; kolonnerne er ${CONTACT_COLUMNS}`;
    return { contacts: [], problems: [{ severity: "error", file, line: 1, message }] };
  }
  const findUnit = unitFinder(units);
  const contacts: CsvContact[] = [];
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === "")) continue;
    const fields: Partial<Record<keyof Contact | "unit", string>> = {};
    columns.forEach((column, i) => {
      const value = cells[i]?.trim();
      if (column && value) fields[column] = value;
    });
    const { unit: unitName = "", ...contactFields } = fields;
    const unit = findUnit(unitName);
    if (typeof unit === "string") problems.push({ severity: "error", file, line, field: "unit", message: unit });
    const parsed = contactSchema.safeParse(contactFields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const message = issue.code === "invalid_type" ? "feltet mangler" : issue.message;
        problems.push({ severity: "error", file, line, ...(field ? { field } : {}), message });
      }
    } else if (typeof unit !== "string") contacts.push({ unitId: unit.id, contact: parsed.data, line });
  }
  return { contacts, problems };
}

/** A unit by its id, or by its name when only one unit has it; otherwise why not, in Danish. */
function unitFinder(units: readonly Unit[]) {
  const key = (s: string) => s.trim().toLocaleLowerCase("da");
  return (value: string): Unit | string => {
    if (!value) return "enheden mangler";
    const byId = units.find((u) => u.id === value.trim());
    if (byId) return byId;
    const byName = units.filter((u) => key(u.name) === key(value) || u.aliases.some((a) => key(a) === key(value)));
    if (byName.length === 1) return byName[0] as Unit;
    if (byName.length > 1) return `"${value}" er navnet på flere enheder (${byName.map((u) => u.id).join(", ")}); skriv enhedens id`;
    return `der er ingen enhed med id eller navn "${value}"; se hvem check eller enhedsfilernes id`;
  };
}

/**
 * RFC 4180 CSV with the separator guessed from the header: Danish Excel writes `;`.
 * Each row keeps the line it starts on; a quoted cell may span lines.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const separator = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      rows.push({ line: rowLine, cells: [...cells, cell] });
      cells = [];
      cell = "";
      rowLine = ++line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
