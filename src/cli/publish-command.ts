import { readConfig } from "../config/config.js";
import { defaultKnowledgeDir } from "../knowledge/default-dir.js";
import { formatProblem } from "../knowledge/problem.js";
import { publishKnowledge } from "../service/knowledge-blob.js";
import type { Output } from "./output.js";

export const publishUsage = "hvem publish [mappe]   lægger valideret viden i blob-containeren til alle instanser";

/** `hvem publish [dir]`: a valid knowledge folder to the shared blob container. */
export async function publishCommand(args: string[], out: Output): Promise<number> {
  const read = readConfig(process.env);
  if (!read.ok) {
    out.error(read.message);
    return 1;
  }
  const connection = read.config.AZURE_STORAGE_CONNECTION_STRING;
  if (!connection) {
    out.error("Sæt AZURE_STORAGE_CONNECTION_STRING (og evt. AZURE_STORAGE_CONTAINER) for at udgive viden.");
    return 1;
  }
  const dir = args[0] ?? defaultKnowledgeDir();
  const published = await publishKnowledge(dir, connection, read.config.AZURE_STORAGE_CONTAINER);
  if (!published.ok) {
    for (const p of published.problems.filter((p) => p.severity === "error")) out.error(formatProblem(p));
    out.error("Intet er udgivet: ret fejlene ovenfor (se hvem check).");
    return 1;
  }
  out.line(
    `Udgav version ${published.version} (${published.files} filer) i ${read.config.AZURE_STORAGE_CONTAINER}; instanserne henter den selv.`,
  );
  return 0;
}
