/** The `hvem` command line: knowledge admin and questions from a terminal. */
import { processOutput } from "./output.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), processOutput);
