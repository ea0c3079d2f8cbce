import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { envExample, readConfig } from "./config.js";

describe("config", () => {
  it("runs with no configuration at all", () => {
    const result = readConfig({});
    expect(result).toMatchObject({ ok: true, config: { PORT: 3978, KNOWLEDGE_DIR: "knowledge", ADMIN_IDS: [] } });
  });

  it("stops with one message naming a wrong variable", () => {
    const result = readConfig({ PORT: "tres" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Konfiguration: PORT er ugyldig \("tres"\)/);
  });

  it("asks for the secret and tenant of a SingleTenant bot", () => {
    const result = readConfig({ MicrosoftAppId: "11111111-2222-3333-4444-555555555555" });
    expect(!result.ok && result.message).toContain("MicrosoftAppPassword og MicrosoftAppTenantId mangler");
  });

  it("reads the admin list", () => {
    expect(readConfig({ ADMIN_IDS: " a , b,," })).toMatchObject({ config: { ADMIN_IDS: ["a", "b"] } });
  });

  it("documents every variable in .env.example, generated from the schema", async () => {
    expect(await readFile(".env.example", "utf8")).toBe(envExample());
  });
});
