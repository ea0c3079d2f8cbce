/** Dispatches `hvem <command>`; returns the exit code instead of exiting, so tests can call it. */
import { askCommand, askUsage } from "./ask-command.js";
import { checkCommand, checkUsage } from "./check-command.js";
import { UsageError } from "./cli-error.js";
import { exportCommand, exportUsage } from "./export-command.js";
import { importCommand, importUsage } from "./import-command.js";
import { importContactsCommand, importContactsUsage } from "./import-contacts-command.js";
import { packageCommand, packageUsage } from "./package-command.js";
import { publishCommand, publishUsage } from "./publish-command.js";
import { reportCommand, reportUsage } from "./report-command.js";
import { suggestCommand, suggestUsage } from "./suggest-command.js";
import type { Output } from "./output.js";

const commands: Record<string, (args: string[], out: Output) => Promise<number>> = {
  check: checkCommand,
  import: importCommand,
  "import-contacts": importContactsCommand,
  export: exportCommand,
  ask: askCommand,
  package: packageCommand,
  report: reportCommand,
  suggest: suggestCommand,
  publish: publishCommand,
};

const usage = ["Brug:", askUsage, checkUsage, importUsage, importContactsUsage, exportUsage, packageUsage, reportUsage, suggestUsage, publishUsage].join("\n  ");

export async function runCli(argv: string[], out: Output): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    out.error(
      name && name !== "help" && name !== "--help" ? `Ukendt kommando: ${name}\n${usage}` : usage,
    );
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  try {
    return await command(args, out);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      out.error(`${(error as Error).message}\n${usage}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
      out.error(`Filen kan ikke læses: ${(error as NodeJS.ErrnoException).path ?? ""} (${code})`);
      return 1;
    }
    throw error;
  }
}
