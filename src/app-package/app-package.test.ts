import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildAppPackage, packageSettings } from "./app-package.js";
import { drawColorIcon, drawOutlineIcon } from "./icons.js";

const BOT = "11111111-2222-3333-4444-555555555555";

function settingsFor(env: Record<string, string>) {
  const result = packageSettings(env, "0.1.0");
  if (!result.ok) throw new Error(result.message);
  return result.settings;
}

/** Width, height and the alpha values of a PNG written by our encoder. */
function pngInfo(png: Uint8Array) {
  const buffer = Buffer.from(png);
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const data = buffer.subarray(41, buffer.length - 12 - 4);
  const raw = inflateSync(data);
  const alphas = new Set<number>();
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) alphas.add(raw[y * (width * 4 + 1) + 1 + x * 4 + 3] ?? -1);
  return { width, height, alphas };
}

describe("the Teams app package", () => {
  it("fills the placeholders, validates offline and zips manifest and icons", async () => {
    const built = await buildAppPackage("manifest", settingsFor({ MicrosoftAppId: BOT }));
    if (!built.ok) throw new Error(built.problems.join("\n"));
    const files = unzipSync(built.zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest.id).toBe(BOT);
    expect(manifest.bots[0]).toMatchObject({ botId: BOT, scopes: ["personal", "team", "groupChat"] });
    expect(manifest.composeExtensions[0].commands[0]).toMatchObject({ id: "findUnit", type: "query" });
  });

  it("has a 192×192 color icon and a 32×32 outline icon that is white on transparent", async () => {
    const color = pngInfo(await readFile("manifest/color.png"));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = pngInfo(await readFile("manifest/outline.png"));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.alphas.has(0)).toBe(true);
    expect(outline.alphas.has(255)).toBe(true);
  });

  it("ships the icons icons.ts draws (npm run icons redraws them)", async () => {
    expect(Buffer.compare(await readFile("manifest/color.png"), drawColorIcon())).toBe(0);
    expect(Buffer.compare(await readFile("manifest/outline.png"), drawOutlineIcon())).toBe(0);
  });

  it("says what to set when the bot id is missing or not a GUID", () => {
    const missing = packageSettings({}, "0.1.0");
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toContain("Sæt BOT_ID eller MicrosoftAppId");
    expect(packageSettings({ BOT_ID: "abc" }, "0.1.0").ok).toBe(false);
  });

  it("refuses a manifest that breaks the schema, naming the problem", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvem-manifest-"));
    const manifest = JSON.parse(await readFile("manifest/manifest.json", "utf8"));
    manifest.bots[0].scopes = ["everywhere"];
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    const built = await buildAppPackage(dir, settingsFor({ BOT_ID: BOT }));
    expect(built.ok).toBe(false);
    expect(!built.ok && built.problems.join(" ")).toMatch(/scopes/);
  });
});
