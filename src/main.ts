/**
 * Hvem's server: config → knowledge → search → bot → HTTP, and nothing else.
 * Start-up time matters (a new instance, a restart): the first index is loaded in
 * process (nothing is served yet to be held up), the Teams code once the server
 * listens, and Blob Storage code only when it is configured.
 */
import { existsSync } from "node:fs";
import { pino } from "pino";
import { listenHost, readConfig } from "./config/config.js";
import { fileFeedbackLog, retentionCutoff } from "./feedback/feedback-log.js";
import { formatProblem } from "./knowledge/problem.js";
import { routeConsoleToLog } from "./server/console-to-log.js";
import { createKnowledgeService } from "./service/knowledge-service.js";
import { keepServingOnUnhandledRejection } from "./service/process-guard.js";
import { watchKnowledge } from "./service/knowledge-watcher.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const read = readConfig(process.env);
if (!read.ok) {
  console.error(read.message);
  process.exit(1);
}
const config = read.config;
const logger = pino({ level: config.LOG_LEVEL });
keepServingOnUnhandledRejection(logger);
const startedAt = Date.now();

const shared = config.AZURE_STORAGE_CONNECTION_STRING;
const fromBlob = config.KNOWLEDGE_FROM_BLOB && shared ? shared : undefined;
const blob = fromBlob ? await import("./service/knowledge-blob.js") : undefined;
const downloaded = fromBlob && blob
  ? await blob.downloadKnowledge(fromBlob, config.AZURE_STORAGE_CONTAINER, config.KNOWLEDGE_DIR).catch((error: unknown) => ({
      ok: false as const,
      reason: String(error),
    }))
  : undefined;
if (downloaded && !downloaded.ok) {
  const container = config.AZURE_STORAGE_CONTAINER;
  console.error(
    "nothingPublished" in downloaded
      ? `Der er ingen viden i blob-containeren ${container} endnu: kør hvem publish først.`
      : `Hvem kan ikke hente den publicerede viden fra ${container}: ${downloaded.reason}`,
  );
  process.exit(1);
}
// The HTTP code loads while the knowledge files are read.
const httpServer = import("./server/http-server.js");
const loaded = await createKnowledgeService(config.KNOWLEDGE_DIR, {
  snapshotDir: config.SNAPSHOT_DIR,
  worker: true,
  onSnapshotFailed: (message) => logger.warn({ reason: message }, "index snapshot not saved; serving all the same"),
});
if (!loaded.ok) {
  for (const problem of loaded.problems.filter((p) => p.severity === "error")) console.error(formatProblem(problem));
  console.error(`Hvem kan ikke starte: vidensmappen ${config.KNOWLEDGE_DIR} har fejl (se ovenfor og hvem check).`);
  process.exit(1);
}
const knowledge = loaded.service;
logger.info({ ...knowledge.status() }, "knowledge loaded");

// Edits to the knowledge folder, newly published knowledge and the admin's genindlæs
// all take the same validated path.
const reindex = async () => {
  const outcome = await knowledge.reindex();
  if (outcome.ok) {
    if (outcome.changed) logger.info({ version: outcome.version }, "knowledge reindexed");
    return outcome.version;
  }
  logger.warn(
    { problems: outcome.problems.filter((p) => p.severity === "error").map(formatProblem) },
    "knowledge change refused; the previous version keeps serving",
  );
  return undefined;
};
const watcher = fromBlob && blob
  ? blob.followPublishedKnowledge({
      connection: fromBlob,
      container: config.AZURE_STORAGE_CONTAINER,
      dir: config.KNOWLEDGE_DIR,
      ...(downloaded?.ok ? { version: downloaded.version } : {}),
      reindex,
      intervalMs: config.KNOWLEDGE_POLL_SECONDS * 1000,
      onError: (error) => logger.warn({ error: String(error) }, "could not check published knowledge"),
    })
  : config.WATCH_KNOWLEDGE
    ? watchKnowledge(config.KNOWLEDGE_DIR, () => void reindex(), {
        onReattach: () => logger.info({ dir: config.KNOWLEDGE_DIR }, "watching the knowledge folder again"),
        onError: (error) => logger.warn({ error: String(error) }, "knowledge watcher failed; watching again"),
      })
    : undefined;

// From here on stderr stays quiet: what libraries print goes into the JSON log.
routeConsoleToLog(logger);

// Several instances share conversations and the feedback log through Blob Storage.
const feedback = shared
  ? (await import("./feedback/blob-feedback-log.js")).blobFeedbackLog(shared, config.AZURE_STORAGE_CONTAINER)
  : fileFeedbackLog(config.FEEDBACK_LOG);
// Events older than the retention period are dropped at start and then daily; a failure is logged, never fatal.
const pruneFeedback = () =>
  feedback
    .prune(retentionCutoff(config.FEEDBACK_RETENTION_DAYS))
    .then((dropped) => dropped > 0 && logger.info({ dropped, days: config.FEEDBACK_RETENTION_DAYS }, "old feedback dropped"))
    .catch((error: unknown) => logger.warn({ error: String(error) }, "feedback log not pruned"));
void pruneFeedback();
const pruning = setInterval(() => void pruneFeedback(), 24 * 60 * 60 * 1000).unref();

// The Teams code (teams-ai, botbuilder) is by far the slowest import, about a second: it
// loads once the server listens, and a message that arrives before waits for it.
const loadBot = async () => {
  const [{ createTeamsBot }, { conversationStorage }, { suggestionDesk }, { feedbackSource }] = await Promise.all([
    import("./teams/teams-bot.js"),
    import("./teams/conversation-storage.js"),
    import("./learning/suggestion-desk.js"),
    import("./feedback/feedback-source.js"),
  ]);
  const suggestions = suggestionDesk({
    knowledgeDir: config.KNOWLEDGE_DIR,
    readEvents: feedbackSource(config).read,
    minUsers: config.SUGGESTION_MIN_USERS,
    searcher: () => knowledge.searcher(),
    // Published knowledge would overwrite a local edit: a decision is published like any other.
    ...(fromBlob && blob
      ? {
          publish: async () => {
            const published = await blob.publishKnowledge(config.KNOWLEDGE_DIR, fromBlob, config.AZURE_STORAGE_CONTAINER);
            if (!published.ok) throw new Error("knowledge not published: it has errors");
          },
        }
      : {}),
  });
  return createTeamsBot({
    config,
    logger,
    storage: conversationStorage(shared, config.AZURE_STORAGE_CONTAINER),
    feedback,
    organisationOf: (tenantId) => config.TENANT_ORGANISATIONS[tenantId],
    deps: {
      knowledge,
      isAdmin: (id) => id !== undefined && config.ADMIN_IDS.includes(id),
      uptime: () => (Date.now() - startedAt) / 1000,
      suggestions,
    },
  });
};
let bot: ReturnType<typeof loadBot> | undefined;
const { createHttpServer } = await httpServer;
const server = createHttpServer({
  logger,
  handleMessages: async (req, res) => (await (bot ??= loadBot())).handle(req, res),
  readiness: () => {
    const s = knowledge.status();
    return { version: s.version, records: s.records, units: s.units };
  },
});
const host = listenHost(config);
server.listen(config.PORT, host, () => {
  const mode = config.MicrosoftAppId ? "Bot Framework authentication" : "local mode, no authentication";
  logger.info({ host: host ?? "every interface", port: config.PORT, version: knowledge.status().version, mode }, "Hvem is listening");
  bot ??= loadBot();
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    watcher?.close();
    clearInterval(pruning);
    // In-flight requests finish and new connections are refused; then the feedback log is written out.
    server.close(() => void feedback.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
