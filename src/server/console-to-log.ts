/**
 * Libraries write to the console: botbuilder's token check prints multi-line stack
 * traces and whole signing keys to stderr when a token does not verify. In the
 * server that goes into the JSON log instead, one line per call, so stderr stays
 * quiet and the log stays JSON lines.
 */
import { format } from "node:util";
import type { Logger } from "pino";

/** A library's message can be a whole key or request; this keeps a line readable. */
const MAX_MESSAGE = 2000;

/** Routes console.error, warn, log and info to the logger; returns a function that undoes it. */
export function routeConsoleToLog(logger: Logger): () => void {
  const original = { error: console.error, warn: console.warn, log: console.log, info: console.info };
  const to = (level: "warn" | "info") => (...args: unknown[]) => {
    const text = format(...args);
    logger[level]({ console: text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text }, "library output");
  };
  console.error = to("warn");
  console.warn = to("warn");
  console.log = to("info");
  console.info = to("info");
  return () => Object.assign(console, original);
}
