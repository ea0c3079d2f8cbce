import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The knowledge folder when none is named: ./knowledge where there is one,
 * otherwise the one shipped with Hvem, so `hvem ask` works from any directory.
 */
export function defaultKnowledgeDir(): string {
  return existsSync("knowledge") ? "knowledge" : fileURLToPath(new URL("../../knowledge", import.meta.url));
}
