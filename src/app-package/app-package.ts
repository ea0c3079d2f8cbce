/**
 * The Teams app package: manifest/manifest.json with its {{PLACEHOLDERS}} filled
 * from the environment, validated offline against the schema bundled in
 * @microsoft/app-manifest, zipped with the two icons.
 */
import { readFile } from "node:fs/promises";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { zipSync } from "fflate";
import { z } from "zod/v4";

const guid = z.guid("skal være et GUID som 00000000-0000-0000-0000-000000000000");

/** The package's own settings; the bot's id usually comes from MicrosoftAppId. */
export const packageSettingsSchema = z.object({
  BOT_ID: guid.describe("The Azure Bot's app id (MicrosoftAppId)."),
  TEAMS_APP_ID: guid.describe("The Teams app's id; the bot's id when not set."),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, "skal være en version som 1.0.0"),
  DEVELOPER_NAME: z.string().min(1).max(32),
  DEVELOPER_URL: z.url({ protocol: /^https$/ }).describe("https address of the organisation running Hvem."),
});
export type PackageSettings = z.infer<typeof packageSettingsSchema>;

export function packageSettings(
  env: Record<string, string | undefined>,
  appVersion: string,
): { ok: true; settings: PackageSettings } | { ok: false; message: string } {
  const botId = env.BOT_ID || env.MicrosoftAppId;
  const parsed = packageSettingsSchema.safeParse({
    BOT_ID: botId,
    TEAMS_APP_ID: env.TEAMS_APP_ID || botId,
    APP_VERSION: env.APP_VERSION || appVersion,
    DEVELOPER_NAME: env.DEVELOPER_NAME || "Hvem",
    DEVELOPER_URL: env.DEVELOPER_URL || "https://github.com/hvem-app",
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0]);
  const hint = name === "BOT_ID" ? " Sæt BOT_ID eller MicrosoftAppId til Azure Bot-appens id." : "";
  return { ok: false, message: `Apppakke: ${name} ${issue?.message}.${hint}` };
}

export function fillPlaceholders(template: string, settings: PackageSettings): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in settings ? String(settings[name as keyof PackageSettings]) : whole,
  );
}

export async function buildAppPackage(
  manifestDir: string,
  settings: PackageSettings,
): Promise<{ ok: true; zip: Uint8Array } | { ok: false; problems: string[] }> {
  const text = fillPlaceholders(await readFile(`${manifestDir}/manifest.json`, "utf8"), settings);
  const left = text.match(/\{\{\w+\}\}/g);
  if (left) return { ok: false, problems: [`udfyldes ikke: ${[...new Set(left)].join(", ")}`] };
  const manifest = JSON.parse(text);
  const problems = await AppManifestUtils.validateAgainstSchema(manifest);
  if (problems.length > 0) return { ok: false, problems };
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(text),
    "color.png": await readFile(`${manifestDir}/color.png`),
    "outline.png": await readFile(`${manifestDir}/outline.png`),
  });
  return { ok: true, zip };
}
