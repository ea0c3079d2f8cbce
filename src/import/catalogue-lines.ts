/**
 * First pass over a PDF-extracted task catalogue: repairs OCR damage and classifies
 * each line, dropping the noise (page numbers, repeated table headers, bullet glyphs).
 * Every kept line carries its line number in the source, so records can cite it.
 */
import type { OcrRepairer, Repair } from "./ocr-repair.js";

export interface CatalogueLine {
  /** Line number in the source document. */
  no: number;
  kind: "blank" | "department" | "chiefArea" | "text" | "bullet";
  text: string;
  /** Text left of a `|` column separator, when the OCR kept the table border. */
  unitColumn?: string;
  /** Why a non-empty source line was dropped as noise ("page number", …). */
  noise?: string;
}

const DEPARTMENT = /^\s*(?:forvaltningsomr\S*|forvaltning)\s*:\s*(.+)$/i;
const CHIEF_AREA = /^\s*chefomr\S*\s*:\s*(.+)$/i;
const TABLE_HEADER = /^\s*enhed\/kontor\/sektion\b/i;
const PAGE_NUMBER = /^\s*\d{1,3}\s*$/;
/** OCR renders bullets as `e`, `o`, `©`, `«`, `¢`, `•`, `-`, `*` before the text. */
const BULLET = /^\s*(?:[eo©«¢•*·]|-(?!\d))\s+/;
/** A bullet glyph inside a line, before a capitalised item (Danish has no words "e" or "o"). */
const INNER_BULLET = /\s[eo©«¢•]\s+(?=\p{Lu})/u;
/** A bullet `o` glued to its item ("oTilretning af …"). */
const GLUED_BULLET = /(^|\s)o(?=\p{Lu}\p{Ll})/gu;
/** Checkboxes and degree signs the OCR made of table borders and empty cells. */
const DEBRIS_MARK = /(?:^|\s)(?:°|\[\s*[\]}]?|\])(?=\s|$)/g;
/** A line of nothing but table debris: "O O O", "0O O O O O", or one or two stray letters ("el"). */
const DEBRIS_LINE = /^(?:(?:[0Oo]+\s*){2,}|\p{Ll}{1,2})$/u;

export function readCatalogueLines(
  text: string,
  repairer: OcrRepairer,
  repairs: Repair[] = [],
): CatalogueLine[] {
  const out: CatalogueLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const no = index + 1;
    // The OCR indents the first line of a page; like a blank line it starts a block.
    if (/^\s+\S/.test(raw) && out.at(-1)?.kind !== "blank")
      out.push({ no, kind: "blank", text: "" });
    const spaced = raw.replace(/\s+/g, " ").trim();
    const cleaned = spaced.replace(DEBRIS_MARK, "").trim();
    const noise =
      spaced === ""
        ? undefined
        : PAGE_NUMBER.test(cleaned)
          ? "page number"
          : TABLE_HEADER.test(cleaned)
            ? "repeated table header"
            : cleaned === "" || DEBRIS_LINE.test(cleaned)
              ? "table or bullet debris"
              : undefined;
    if (spaced === "" || noise) {
      out.push({ no, kind: "blank", text: "", ...(noise ? { noise } : {}) });
      return;
    }
    // OCR reads l and I as `|`: glued to a word it is an l (|øsninger), before a
    // lowercase word an I (I forbindelse). A free-standing `|` before a capital is
    // the border between the unit column and the task column.
    const unpiped = cleaned
      .replace(/\|(?=[\p{L}@])/gu, "l")
      .replace(/\|(?= \p{Ll})/gu, "I")
      .replace(GLUED_BULLET, "$1o ");
    const repaired = repairer.repairLine(unpiped, repairs);
    const header = DEPARTMENT.exec(repaired) ?? CHIEF_AREA.exec(repaired);
    if (header) {
      const kind = DEPARTMENT.test(repaired) ? "department" : "chiefArea";
      out.push({ no, kind, text: (header[1] ?? "").trim() });
      return;
    }
    // Two table columns merged into one line can put a bullet mid-line: "Ledelse e Løbende drift".
    const [first = "", ...more] = repaired.split(INNER_BULLET);
    const bullet = BULLET.test(first);
    const body = bullet ? first.replace(BULLET, "") : first;
    const split = /^(.*?)\s*\|\s*(.*)$/.exec(body);
    // A unit column is a short name; a sentence left of a `|` is task text beside a border.
    const column = split && isUnitColumn(split[1] ?? "") ? split : undefined;
    const kind = bullet ? "bullet" : "text";
    if (split && !column) {
      out.push({ no, kind, text: `${split[1]} ${split[2]}`.trim() });
    } else if (column?.[1]) {
      const unitColumn = column[1].replace(/[,;]$/, "").trim();
      out.push({ no, kind, text: column[2] ?? "", unitColumn });
    } else {
      out.push({ no, kind, text: column ? (column[2] ?? "") : body });
    }
    for (const item of more) out.push({ no, kind: "bullet", text: item.trim() });
  });
  return out;
}

/** Longest unit name, in words, that the unit column left of a `|` holds. */
const MAX_COLUMN_WORDS = 6;

function isUnitColumn(text: string): boolean {
  return text.split(" ").length <= MAX_COLUMN_WORDS && !/[.:]$/.test(text);
}
