/**
 * A fingerprint of the analysis itself: the stop words, and what a fixed sample of
 * Danish analyses to (tokens, folding, stems, compound parts, synonym phrases). An
 * index snapshot carries it, so one saved by other analysis code is rebuilt, without a
 * format number someone must remember to raise.
 */
import { createHash } from "node:crypto";
import { createAnalyzer } from "./analyzer.js";
import { STOP_WORDS } from "./stopwords.js";

const SAMPLE = [
  "Rottebekæmpelse og anmeldelse af rotter i haven",
  "Byggeansøgninger, byggesagsbehandling og IT-support til www.randers.dk",
  "Sygefraværssamtaler med medarbejdere; lønsedler og autorisationsblanketten",
  "Hvem tager sig af gravetilladelser? Who handles building permits?",
];
const SYNONYMS = [
  ["skrald", "affald", "waste"],
  ["udsættelse", "sat ud", "follow-up", "it-bruger"],
];

let fingerprint: string | undefined;

export function analysisFingerprint(): string {
  if (fingerprint === undefined) {
    const analyzer = createAnalyzer({ texts: SAMPLE, synonyms: SYNONYMS });
    const words = SAMPLE.join(" ").split(/\s+/);
    const analysed = { stop: [...STOP_WORDS].sort(), state: analyzer.state(), terms: words.map(analyzer.wordTerms) };
    fingerprint = createHash("sha256").update(JSON.stringify(analysed)).digest("hex").slice(0, 16);
  }
  return fingerprint;
}
