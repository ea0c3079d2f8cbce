import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { envExample, listenHost, readConfig } from "./config.js";

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

  it("listens on loopback in local mode, on every interface with an app id, and where HOST says", () => {
    const config = (env: Record<string, string>) => {
      const read = readConfig(env);
      if (!read.ok) throw new Error(read.message);
      return read.config;
    };
    expect(listenHost(config({}))).toBe("127.0.0.1");
    const app = { MicrosoftAppId: "11111111-2222-3333-4444-555555555555", MicrosoftAppPassword: "s", MicrosoftAppTenantId: "t" };
    expect(listenHost(config(app))).toBeUndefined();
    expect(listenHost(config({ HOST: "0.0.0.0" }))).toBe("0.0.0.0");
    expect(listenHost(config({ ...app, HOST: "10.1.2.3" }))).toBe("10.1.2.3");
  });

  it("reads the admin list", () => {
    expect(readConfig({ ADMIN_IDS: " a , b,," })).toMatchObject({ config: { ADMIN_IDS: ["a", "b"] } });
  });

  it("documents every variable in .env.example, generated from the schema", async () => {
    expect(await readFile(".env.example", "utf8")).toBe(envExample());
  });

  it("maps tenants to organisations, and names a malformed pair", () => {
    const ok = readConfig({ TENANT_ORGANISATIONS: "t-1=Randers Kommune; t-2 = Norddjurs Kommune" });
    expect(ok.ok && ok.config.TENANT_ORGANISATIONS).toEqual({ "t-1": "Randers Kommune", "t-2": "Norddjurs Kommune" });
    const bad = readConfig({ TENANT_ORGANISATIONS: "t-1" });
    expect(bad.ok ? "" : bad.message).toContain('TENANT_ORGANISATIONS er ugyldig ("t-1"): "t-1" skal skrives tenant-id=Organisationens navn');
  });
});

