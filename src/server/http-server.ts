/**
 * The HTTP edge: restify with the bot endpoint and health probes. Bodies are
 * limited and parsed here, so the bot only ever sees a JSON object.
 */
import restify from "restify";
import type { Logger } from "pino";

/** A Bot Framework activity is a few KB; anything far larger is not one. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpServerOptions {
  handleMessages(req: restify.Request, res: restify.Response): Promise<void>;
  readiness(): Record<string, unknown>;
  logger: Logger;
}

export function createHttpServer(options: HttpServerOptions): restify.Server {
  const server = restify.createServer({ name: "hvem", handleUncaughtExceptions: false });
  // JSON only: a form or multipart body is not an activity, and parsing one could write files.
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
  server.post("/api/messages", async (req, res) => {
    if (!req.is("json")) {
      options.logger.warn({ contentType: req.contentType() }, "request refused: not JSON");
      res.send(415, { error: "Send a Bot Framework activity as application/json." });
      return;
    }
    if (typeof req.body !== "object" || req.body === null || Array.isArray(req.body)) {
      options.logger.warn({ body: typeof req.body }, "request refused: not a JSON object");
      res.send(400, { error: "The body is not a Bot Framework activity." });
      return;
    }
    await options.handleMessages(req, res);
  });
  // Clients (the Agents Playground among them) probe the endpoint before use.
  server.head("/api/messages", (_req, res, next) => {
    res.send(200);
    next();
  });
  server.get("/healthz", (_req, res, next) => {
    res.send(200, { status: "ok" });
    next();
  });
  server.get("/readyz", (_req, res, next) => {
    res.send(200, { status: "ready", ...options.readiness() });
    next();
  });
  server.on("restifyError", (req: restify.Request, _res: restify.Response, error: Error, callback: () => void) => {
    options.logger.warn({ method: req.method, url: req.url, error: error.message }, "request refused");
    callback();
  });
  return server;
}
