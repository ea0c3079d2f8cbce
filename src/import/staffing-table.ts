/**
 * Each department of the catalogue opens with a staffing table ("Antal årsværk …")
 * listing its units. Those names are how the importer recognises where a unit's
 * section starts in the two-column task table that follows.
 */

/** Lines in a staffing table that are not unit names: managers, totals and remarks. */
const NOT_A_UNIT =
  /^(?:antal|bemærkninger|heraf|inkl|ink\.|incl|excl|omfatter|halvdelen|desuden|afdelingsledere|chef(?:er)?$|direktør|stabschef|vicekommunaldirektør|\S*chef\b|[\d(])/i;

/** Unit names from the lines of one staffing table, in order, without duplicates. */
export function unitNamesFromStaffingTable(lines: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    // A name is followed by the number of årsværk and sometimes a remark.
    const name = line
      .replace(/\s+\d[\d.,]*(?:\s.*)?$/, "")
      .replace(/\s+\d[\d.,]*$/, "")
      .trim();
    if (name.length < 3 || NOT_A_UNIT.test(name) || !/^\p{Lu}.*\p{Ll}/u.test(name)) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * A comparison key for unit names: case, Danish letters, `&`/`og`, punctuation and
 * qualifiers in parentheses or after "inkl." do not matter.
 */
export function nameKey(name: string): string {
  return name
    .toLocaleLowerCase("da")
    .replace(/\((?:[^)]*\)|.*$)/g, " ")
    .replace(/\binkl\..*$/, " ")
    .replace(/&/g, " og ")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Danish definite endings: the text may say "Sekretariatet" where the table says "Sekretariat". */
const DEFINITE = /^(?:et|en|t|n|ne|erne)?$/;

/** The known name `text` is (allowing a definite ending), if any. */
export function matchUnitName(text: string, names: readonly string[]): string | undefined {
  const key = nameKey(text);
  if (!key) return undefined;
  return names.find((name) => {
    const k = nameKey(name);
    return k !== "" && key.startsWith(k) && DEFINITE.test(key.slice(k.length));
  });
}

/** The known name that starts with `prefix` (a unit column cut short by the OCR), if one. */
export function completeUnitName(prefix: string, names: readonly string[]): string | undefined {
  const key = nameKey(prefix);
  if (key.split(" ").length < 2) return undefined;
  const found = names.filter((name) => nameKey(name).startsWith(`${key} `));
  return found.length === 1 ? found[0] : undefined;
}

/** Names of a staffing table that are neither a unit with tasks nor a chief area. */
export function unseenUnits(
  names: readonly string[],
  units: readonly { name: string; chiefArea: string }[],
): string[] {
  return [...new Set(names)].filter(
    (name) =>
      !units.some((u) => u.name === name) &&
      !units.some((u) => nameKey(u.chiefArea) === nameKey(name)),
  );
}
