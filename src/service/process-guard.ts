/**
 * The serving process outlives its background jobs' mistakes: a promise rejection
 * nobody handled (Node's default ends the process) is logged as one JSON line with
 * its stack, and serving carries on.
 */
import type { Logger } from "pino";

export function keepServingOnUnhandledRejection(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection; still serving");
  });
}
