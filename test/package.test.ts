/**
 * What the package says about itself: `engines` names a Node version that has every
 * API the code uses (the newest are listed here with the release that brought them to
 * Node 20), and every file derived from others' work is named in the third-party
 * notice, which ships in the image with the licence texts it points to.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const NEWER_APIS: { use: RegExp; since: [number, number] }[] = [
  { use: /process\.loadEnvFile\(/, since: [20, 12] },
  { use: /\.parentPath\b/, since: [20, 12] },
  { use: /watch\([^)]*recursive: true/, since: [20, 0] },
];

describe("engines", () => {
  it("asks for a Node version with every newer API the code uses", async () => {
    const pkg = JSON.parse(await readFile("package.json", "utf8")) as { engines: { node: string } };
    const [, major = "0", minor = "0"] = /(\d+)\.?(\d+)?/.exec(pkg.engines.node) ?? [];
    const lowest = Number(major) * 100 + Number(minor);
    const files = (await readdir("src", { recursive: true })).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const code = (await Promise.all(files.map((f) => readFile(join("src", f), "utf8")))).join("\n");
    for (const { use, since } of NEWER_APIS.filter((api) => api.use.test(code))) {
      expect(lowest, `${use} needs Node ${since.join(".")}`).toBeGreaterThanOrEqual(since[0] * 100 + since[1]);
    }
  });
});

describe("licences", () => {
  it("names every word list derived from a dictionary, and ships the licence texts it points to", async () => {
    const notice = await readFile("THIRD_PARTY_NOTICES.md", "utf8");
    const derived = (await readdir("src/analysis")).filter((f) => f.endsWith(".bloom"));
    expect(derived.length).toBeGreaterThan(0);
    for (const file of derived) expect(notice).toContain(`src/analysis/${file}`);
    for (const [, text] of notice.matchAll(/`(licenses\/[^`]+)`/g)) {
      await expect(readFile(text as string, "utf8"), text).resolves.not.toBe("");
    }
    expect(await readFile("LICENSE", "utf8")).toMatch(/^MIT License/);
    const dockerfile = await readFile("Dockerfile", "utf8");
    for (const path of ["LICENSE", "THIRD_PARTY_NOTICES.md", "licenses"]) expect(dockerfile).toContain(path);
  });
});
