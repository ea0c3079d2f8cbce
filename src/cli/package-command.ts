import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { buildAppPackage, packageSettings } from "../app-package/app-package.js";
import type { Output } from "./output.js";

export const packageUsage = "hvem package [--out build/appPackage.zip]   Teams-apppakken, valideret offline";

/** `hvem package`: manifest + icons → a validated zip ready for upload to Teams. */
export async function packageCommand(args: string[], out: Output): Promise<number> {
  const outIndex = args.indexOf("--out");
  const target = outIndex >= 0 ? (args[outIndex + 1] ?? "") : "build/appPackage.zip";
  const version = JSON.parse(await readFile("package.json", "utf8")).version as string;
  const settings = packageSettings(process.env, version);
  if (!settings.ok) {
    out.error(settings.message);
    return 1;
  }
  const built = await buildAppPackage("manifest", settings.settings);
  if (!built.ok) {
    out.error("Manifestet er ikke gyldigt:");
    for (const problem of built.problems) out.error(`  ${problem}`);
    return 1;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, built.zip);
  out.line(`Skrev ${target} (bot ${settings.settings.BOT_ID}); upload den i Teams under Apps › Administrer dine apps.`);
  return 0;
}
