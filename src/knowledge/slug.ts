/** A stable, URL-safe slug from a Danish name: "Miljø, natur og landbrug" → "miljoe-natur-og-landbrug". */
export function slugify(name: string): string {
  return name
    .toLocaleLowerCase("da")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " og ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
