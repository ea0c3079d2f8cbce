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
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  server.post("/api/messages", async (req, res) => {
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
