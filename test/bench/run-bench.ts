/**
 * `npm run bench`: index build time, query latency (p50/p95/p99), memory and
 * snapshot save/load time at 1×, 10× and 100× the knowledge (synthetic copies of
 * every unit), with plain MiniSearch beside as the baseline. Prints a table, then the
 * production server's cold start from a snapshot (cold-start.ts).
 */
import MiniSearch from "minisearch";
import { type Knowledge, loadKnowledge } from "../../src/knowledge/load-knowledge.js";
import { toRecords } from "../../src/knowledge/records.js";
import { createSearcher } from "../../src/search/searcher.js";
import { coldStart } from "./cold-start.js";

const QUESTIONS = [
  "hvem tager sig af gravetilladelser",
  "min medarbejder er sygemeldt hvad gør jeg",
  "en borger ringer om rotter i haven",
  "hvem laver lønsedler",
  "byggetiladelse carport",
  "hvem behandler byggeansogninger",
  "who handles building permits?",
  "hvem kan hjælpe med Emply",
  "hvem fremlagde indkøbspolitikken",
  "hvem bestiller julefrokost",
  "skraldespand ikke tømt",
  "aktindsigt i personalesag",
  "vielse på rådhuset",
  "hvor søger man om boligstøtte",
  "faktura betaling kreditor",
  "it support password nulstilling",
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const scales = (process.env.BENCH_SCALES ?? "1,10,100").split(",").map(Number);

function scaled(knowledge: Knowledge, times: number): Knowledge {
  if (times === 1) return knowledge;
  const units = Array.from({ length: times }, (_, k) =>
    knowledge.units.map((u) =>
      k === 0 ? u : { ...u, id: `${u.id}-${k}`, name: `${u.name} ${k}` },
    ),
  ).flat();
  return { ...knowledge, units, version: `${knowledge.version}x${times}` };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/**
 * The median of a few timed runs (one at 100×, where a run takes seconds), each after
 * collecting garbage, so build and load are compared alike and one slow run (the
 * JIT's first pass, a neighbour on the machine) does not decide the ratio.
 */
function timeMedian<T>(fn: () => T, times: number): [T, number] {
  const runs = Array.from({ length: times < 100 ? 3 : 1 }, () => {
    global.gc?.();
    return time(fn);
  });
  const sorted = runs.map(([, ms]) => ms).sort((a, b) => a - b);
  return [runs[0]?.[0] as T, sorted[Math.floor(sorted.length / 2)] ?? 0];
}

function latencies(ask: (q: string) => unknown) {
  for (const q of QUESTIONS) ask(q); // warm up
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) for (const q of QUESTIONS) ms.push(time(() => ask(q))[1]);
  return ms.sort((a, b) => a - b);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
const base = await loadKnowledge("knowledge");
const rows: string[] = [];
for (const times of scales) {
  const knowledge = scaled(base, times);
  const records = toRecords(knowledge);
  const [searcher, buildMs] = timeMedian(() => createSearcher(knowledge), times);
  const q = latencies((question) => searcher.ask(question));
  const memory = process.memoryUsage();
  const [snapshot, saveMs] = time(() => searcher.snapshot());
  const [, loadMs] = timeMedian(() => createSearcher(knowledge, snapshot), times);

  const [plain, plainBuildMs] = time(() => {
    const index = new MiniSearch({
      fields: ["unit", "taskGroup", "text"],
      storeFields: ["unitId"],
    });
    index.addAll(records);
    return index;
  });
  const pq = latencies((question) => plain.search(question));
  rows.push(
    [
      `${times}×`,
      records.length,
      f(buildMs),
      f(percentile(q, 50)),
      f(percentile(q, 95)),
      f(percentile(q, 99)),
      mb(memory.rss),
      mb(memory.heapUsed),
      f(saveMs),
      f(loadMs),
      `${(buildMs / loadMs).toFixed(1)}×`,
      `${(buildMs / plainBuildMs).toFixed(1)}× / ${(percentile(q, 95) / percentile(pq, 95)).toFixed(1)}×`,
    ].join(" | "),
  );
}
console.log(
  "scale | records | build ms | p50 ms | p95 ms | p99 ms | RSS MB | heap MB | save ms | load ms | build/load | vs baseline (build / p95)",
);
console.log("--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---");
for (const row of rows) console.log(row);

const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 5);
const cold = await coldStart(COLD_STARTS);
const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] ?? 0;
console.log(
  `\ncold start of npm start (bin/start.js, compiled) from a snapshot (${COLD_STARTS} runs): ` +
    `/readyz after ${f(median(cold.ready))} ms median (fastest ${f(cold.ready[0] ?? 0)}), ` +
    `first question answered after ${f(median(cold.answered))} ms median (fastest ${f(cold.answered[0] ?? 0)})`,
);
