/**
 * Which language to answer in: Danish unless the question is clearly English.
 * Counts common function words of each language; ties stay Danish.
 */
import { tokenize } from "./tokenize.js";

export type Language = "da" | "en";

const ENGLISH = new Set(
  // Not "i": in Danish it is "in" ("huller i vejen").
  "who what where which how the a an is are does do can my for with about of to handles handle responsible should please".split(
    " ",
  ),
);
const DANISH = new Set(
  "hvem hvad hvor hvilken hvordan er og jeg min mit med til af på for kan skal der det en et om hos".split(
    " ",
  ),
);

export function detectLanguage(text: string): Language {
  let english = 0;
  let danish = 0;
  for (const word of tokenize(text.toLowerCase())) {
    if (ENGLISH.has(word)) english++;
    if (DANISH.has(word)) danish++;
    if (/[æøå]/.test(word)) danish += 2;
  }
  return english > danish ? "en" : "da";
}
