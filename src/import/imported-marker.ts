/**
 * Unit files written by `hvem import` say so in a comment under the front matter, with a
 * checksum of the file as written. A re-import replaces such a file only while the
 * checksum still holds, so a hand edit is never overwritten without notice: additions
 * belong in a `*.additions.yaml` beside it, which no import writes.
 */
import { createHash } from "node:crypto";
import { ADDITIONS_SUFFIX } from "../knowledge/additions-file.js";

const MARKER = /^<!-- Skrevet af hvem import .* kontrolsum ([0-9a-f]{12}) -->$/;

function checksum(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** The unit file with the import's comment after its front matter. */
export function markImported(content: string, document: string, fileName: string): string {
  const lines = content.split("\n");
  const end = lines.indexOf("---", 1);
  const additions = fileName.replace(/\.md$/, ADDITIONS_SUFFIX);
  const note =
    `<!-- Skrevet af hvem import fra ${document}: ret ikke her, en ny import skriver filen om. ` +
    `Tilføj aliaser, kontakter og opgaver i ${additions}. kontrolsum ${checksum(content)} -->`;
  return [...lines.slice(0, end + 1), note, ...lines.slice(end + 1)].join("\n");
}

/** Whether a file the import wrote was changed by hand since (a file without the comment is not known to be). */
export function editedSinceImport(text: string): boolean {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => MARKER.test(line));
  if (at < 0) return false;
  const recorded = MARKER.exec(lines[at] ?? "")?.[1];
  return checksum([...lines.slice(0, at), ...lines.slice(at + 1)].join("\n")) !== recorded;
}
