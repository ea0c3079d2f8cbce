/** The `hvem` command line: knowledge admin and questions from a terminal. */
import { processOutput } from "./output.js";
import { runCli } from "./run-cli.js";

// A reader that stops early (`hvem export --json | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processOutput);
