/**
 * POST /api/messages, in place of botbuilder's own handler: the body must be an
 * activity, the token is checked apart from the turn, and each kind of refusal gets
 * its own status with a short body. botbuilder's handler answers 500 with internal
 * messages for much of this and prints stack traces to stderr; here what went wrong
 * goes to the JSON log only.
 */
import type { Activity, Request as BotRequest, Response as BotResponse, TurnContext } from "botbuilder";
import { AuthenticationError } from "botframework-connector";
import type { Logger } from "pino";
import { z } from "zod/v4";
import type { ReusingTeamsAdapter } from "./reused-clients.js";

/** What every activity from Teams, the Emulator or the Agents Playground carries; the bot relies on it. */
const activitySchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
});

/** The errors jsonwebtoken throws for a token that does not verify. */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

export interface ActivityEndpointOptions {
  adapter: ReusingTeamsAdapter;
  logic(context: TurnContext): Promise<void>;
  logger: Logger;
  /**
   * No app id, so no authentication: Hvem then answers only service URLs on this
   * machine, or anyone could make it POST to any address they name.
   */
  localMode: boolean;
}

export function activityEndpoint({ adapter, logic, logger, localMode }: ActivityEndpointOptions) {
  return async (req: BotRequest, res: BotResponse): Promise<void> => {
    const reply = (status: number, body?: unknown) => {
      res.status(status);
      if (body !== undefined) res.send(body);
      res.end();
    };
    const refuse = (status: number, message: string, reason: string) => {
      logger.warn({ status, reason }, "request refused");
      reply(status, { error: message });
    };

    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(400, "The body is not a Bot Framework activity.", `${issue?.path.join(".")}: ${issue?.message}`);
    }
    const activity = parsed.data as unknown as Activity;
    if (localMode && !isLoopback(activity.serviceUrl)) {
      return refuse(
        403,
        "In local mode Hvem answers only service URLs on this machine (localhost).",
        `local mode, serviceUrl not on loopback: ${activity.serviceUrl.slice(0, 200)}`,
      );
    }
    const header = req.headers.authorization;
    let authenticated;
    try {
      authenticated = await adapter.authenticate(activity, typeof header === "string" ? header : "");
    } catch (error) {
      return keysUnavailable(error)
        ? refuse(503, "The token cannot be checked right now; try again later.", messageOf(error))
        : refuse(401, "The request does not carry a valid Bot Framework token.", messageOf(error));
    }
    try {
      const invokeResponse = await adapter.run(authenticated, activity, logic);
      reply(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // The turn's own errors are handled in onTurnError; this is what that could not handle.
      logger.error({ error: messageOf(error), stack: error instanceof Error ? error.stack : undefined }, "request failed");
      reply(500, { error: "Hvem could not handle the activity." });
    }
  };
}

/**
 * The signing keys could not be fetched: the key endpoint is unreachable (a network
 * error) or answered with an error (botbuilder's AuthenticationError with a 5xx code).
 */
function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof Error) || TOKEN_ERRORS.has(error.name)) return false;
  if (error instanceof AuthenticationError) return error.statusCode >= 500;
  return error.name === "FetchError";
}

/** localhost, 127.0.0.0/8 or ::1, over HTTP(S). */
export function isLoopback(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  const host = parsed.hostname;
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
