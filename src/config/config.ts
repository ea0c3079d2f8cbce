/**
 * Configuration from environment variables, defined once: the schema's descriptions
 * are the documentation (`.env.example` is checked against them), and a wrong value
 * stops start-up with one message naming the variable.
 */
import { z } from "zod/v4";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978).describe("HTTP port of the bot."),
  HOST: optionalText.describe(
    "Address to listen on. Empty: 127.0.0.1 (this machine only) in local mode, every interface with MicrosoftAppId. Set 0.0.0.0 to let other machines reach a local-mode bot, which then answers anyone who can reach it.",
  ),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge").describe("Folder with the knowledge files."),
  MicrosoftAppId: optionalText.describe(
    "Azure Bot app (client) id. Empty: local mode for the Agents Playground or Bot Framework Emulator, without authentication.",
  ),
  MicrosoftAppPassword: optionalText.describe("Client secret of the app registration."),
  MicrosoftAppTenantId: optionalText.describe("Entra tenant id (SingleTenant bots)."),
  MicrosoftAppType: z
    .enum(["SingleTenant", "UserAssignedMSI"])
    .default("SingleTenant")
    .describe("Azure Bot app type: SingleTenant (app id + secret + tenant) or UserAssignedMSI."),
  ADMIN_IDS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .describe("Entra object ids of admins (comma-separated): may run genindlæs, status and forslag."),
  TENANT_ORGANISATIONS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const map: Record<string, string> = {};
      for (const pair of v.split(";").map((p) => p.trim()).filter(Boolean)) {
        const [tenant, organisation] = pair.split("=").map((p) => p.trim());
        if (!tenant || !organisation) {
          ctx.addIssue({ code: "custom", message: `"${pair}" skal skrives tenant-id=Organisationens navn` });
          return z.NEVER;
        }
        map[tenant] = organisation;
      }
      return map;
    })
    .describe(
      "Which organisation each Entra tenant's users belong to, as tenant-id=name pairs separated by ';' (name as in the knowledge's 'organisation'). Answers then come from the asker's own organisation. Not needed when the knowledge holds one organisation.",
    ),
  FEEDBACK_LOG: z
    .string()
    .min(1)
    .default(".hvem/feedback.jsonl")
    .describe("JSON Lines file where feedback and unanswered questions are recorded."),
  FEEDBACK_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(90)
    .describe("Days the feedback log keeps an event (locally and in Blob Storage); older events are dropped."),
  SUGGESTION_MIN_USERS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe("How many different users must pick the same unit for the same question before Hvem suggests a vocabulary rule."),
  SNAPSHOT_DIR: z
    .string()
    .min(1)
    .default(".hvem/snapshots")
    .describe("Folder for saved indexes: a restart with unchanged knowledge loads instead of rebuilding."),
  WATCH_KNOWLEDGE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe("Reindex automatically when a knowledge file changes (true/false)."),
  AZURE_STORAGE_CONNECTION_STRING: optionalText.describe(
    "Azure Storage connection string. Set it when running several instances: conversation state and the feedback log are then shared in Blob Storage.",
  ),
  AZURE_STORAGE_CONTAINER: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, "skal være et gyldigt containernavn (små bogstaver, tal og -)")
    .default("hvem")
    .describe("Blob container for conversation state and the feedback log."),
  KNOWLEDGE_FROM_BLOB: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe(
      "true: take the knowledge published with hvem publish from the blob container into KNOWLEDGE_DIR, and follow new versions.",
    ),
  KNOWLEDGE_POLL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe("How often an instance checks for newly published knowledge (KNOWLEDGE_FROM_BLOB)."),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("Log level. Question texts are logged only at debug."),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Where the server listens: HOST when set; else loopback in local mode, which has no
 * authentication, and every interface (undefined) for a bot with credentials.
 */
export function listenHost(config: Pick<Config, "HOST" | "MicrosoftAppId">): string | undefined {
  return config.HOST ?? (config.MicrosoftAppId ? undefined : "127.0.0.1");
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) {
    const config = result.data;
    if (config.KNOWLEDGE_FROM_BLOB && !config.AZURE_STORAGE_CONNECTION_STRING) {
      return {
        ok: false,
        message: "Konfiguration: KNOWLEDGE_FROM_BLOB=true kræver AZURE_STORAGE_CONNECTION_STRING.",
      };
    }
    if (config.MicrosoftAppId && config.MicrosoftAppType === "SingleTenant") {
      const missing = (["MicrosoftAppPassword", "MicrosoftAppTenantId"] as const).filter((k) => !config[k]);
      if (missing.length > 0) {
        return {
          ok: false,
          message: `Konfiguration: ${missing.join(" og ")} mangler; en SingleTenant-bot med MicrosoftAppId skal også have dem.`,
        };
      }
    }
    return { ok: true, config };
  }
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "");
  const got = env[name];
  return {
    ok: false,
    message: `Konfiguration: ${name} er ugyldig${got === undefined ? "" : ` ("${got}")`}: ${issue?.message}. ${configSchema.shape[name as keyof Config]?.description ?? ""}`.trim(),
  };
}

/** Lines for `.env.example`: every variable with its description and default. */
export function envExample(): string {
  const lines = ["# Hvem runs with no configuration; set a variable only to change its default."];
  for (const [name, schema] of Object.entries(configSchema.shape)) {
    const fallback = (schema as z.ZodType).safeParse(undefined);
    const value = fallback.success && fallback.data !== undefined ? fallback.data : "";
    const written = Array.isArray(value) ? value.join(",") : typeof value === "object" ? "" : value;
    lines.push("", `# ${schema.description}`, `${name}=${written}`);
  }
  return `${lines.join("\n")}\n`;
}
