/**
 * `npm run eval`: answers every question of the development set and prints hit@1,
 * hit@3, MRR and abstention per kind and overall, for the dev and held-out parts,
 * with the plain-MiniSearch baseline beside. `--misses` lists the wrong answers.
 */
import { readFile } from "node:fs/promises";
import { loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import { toRecords } from "../../src/knowledge/records.js";
import { createSearcher } from "../../src/search/searcher.js";
import { DEFAULT_TUNING, type SearchTuning } from "../../src/search/search-tuning.js";
import { createBaseline } from "./baseline.js";
import {
  confidentPrecision,
  type EvalQuestion,
  evalQuestionSchema,
  type Outcome,
  rankOf,
  type Scores,
  score,
} from "./eval-metrics.js";

const questionsFile = new URL("./questions.jsonl", import.meta.url);
const showMisses = process.argv.includes("--misses");
// Without the asker's organisation, as a question from outside Teams arrives.
const withoutOrganisation = process.argv.includes("--no-organisation");
const splits = process.argv.includes("--final") ? (["final"] as const) : (["dev", "heldout"] as const);

// `--ids d` scores only the questions whose id starts with "d" (one question set).
const idPrefix = process.argv[process.argv.indexOf("--ids") + 1];
const questions: EvalQuestion[] = (await readFile(questionsFile, "utf8"))
  .split("\n")
  .filter((l) => l.trim())
  .map((l, i) => {
    const parsed = evalQuestionSchema.safeParse(JSON.parse(l));
    if (!parsed.success) throw new Error(`questions.jsonl:${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  })
  .filter((q) => !process.argv.includes("--ids") || q.id.startsWith(idPrefix ?? ""));
const knowledge = await loadKnowledge("knowledge");
// HVEM_TUNING='{"distinctiveness":1}' tries other tuning on the same questions.
const override = JSON.parse(process.env.HVEM_TUNING ?? "{}") as Record<string, unknown>;
const searcher = createSearcher(knowledge, undefined, merge(DEFAULT_TUNING, override));
const baseline = createBaseline(toRecords(knowledge));

const hvem: Outcome[] = questions.map((question) => {
  const organisation = withoutOrganisation ? undefined : question.organisation;
  const result = searcher.ask(question.q, organisation ? { organisation } : {});
  return { question, ranked: result.answers.map((a) => a.unitId), confident: result.confident };
});
const base: Outcome[] = questions.map((question) => ({ question, ...baseline(question.q) }));

const fmt = (n: number) => n.toFixed(2);
const row = (label: string, a: Scores, b: Scores) =>
  `${label.padEnd(22)} ${String(a.n).padStart(4)}  ${fmt(a.hit1)}  ${fmt(a.hit3)}  ${fmt(a.mrr)}  ${fmt(a.abstention)}   | ${fmt(b.hit1)}  ${fmt(b.hit3)}  ${fmt(b.mrr)}  ${fmt(b.abstention)}`;

console.log(withoutOrganisation ? "Without the asker's organisation" : "With the asker's organisation");
for (const split of splits) {
  console.log(`\n${{ dev: "Development", heldout: "Held-out", final: "Final" }[split]} questions`);
  console.log(
    `${"kind".padEnd(22)}    n  hit1  hit3   MRR  abst.   | baseline hit1 hit3 MRR abst.`,
  );
  const pick = (outcomes: Outcome[], kind?: string) =>
    outcomes.filter((o) => o.question.split === split && (!kind || o.question.kind === kind));
  for (const kind of evalQuestionSchema.shape.kind.options) {
    console.log(row(kind, score(pick(hvem, kind)), score(pick(base, kind))));
  }
  const inScope = (o: Outcome) => o.question.kind !== "outOfScope";
  console.log(
    row("all in scope", score(pick(hvem).filter(inScope)), score(pick(base).filter(inScope))),
  );
  const oos = (outcomes: Outcome[]) => pick(outcomes, "outOfScope");
  const wrongConfident = oos(hvem).filter((o) => o.confident).length;
  console.log(`out of scope answered confidently: ${wrongConfident} of ${oos(hvem).length}`);
  const { confident, right } = confidentPrecision(pick(hvem).filter(inScope));
  const inScopeCount = pick(hvem).filter(inScope).length;
  console.log(
    `confident answers right: ${right} of ${confident} (${fmt(right / Math.max(1, confident))}); in scope answered confidently: ${fmt(confident / Math.max(1, inScopeCount))}`,
  );
}

if (showMisses) {
  console.log("\nMisses (rank of the first acceptable unit; - = not in the top 10)");
  for (const o of hvem.filter((o) => (splits as readonly string[]).includes(o.question.split))) {
    const rank = rankOf(o);
    const oosMiss = o.question.kind === "outOfScope" && o.confident;
    if (rank === 1 && !oosMiss) continue;
    if (o.question.kind === "outOfScope" && !o.confident) continue;
    console.log(
      `${o.question.id} [${o.question.split}/${o.question.kind}] ${rank ?? "-"} ${o.question.q}`,
    );
    console.log(`   want ${o.question.expect.join(" | ") || "(no confident answer)"}`);
    console.log(`   got  ${o.ranked.slice(0, 3).join(" | ")}${o.confident ? " (confident)" : ""}`);
  }
}

function merge(base: SearchTuning, changes: Record<string, unknown>): SearchTuning {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] =
      value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object"
        ? { ...current, ...value }
        : value;
  }
  return out as unknown as SearchTuning;
}
