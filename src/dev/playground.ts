/**
 * `npm run dev`: Hvem and the Microsoft 365 Agents Playground together, offline.
 * Open http://localhost:56150 and chat with the bot as in Teams.
 */
import { type ChildProcess, spawn } from "node:child_process";

export const PLAYGROUND_PORT = 56150;

/** Starts the playground against a bot endpoint; it serves its UI and mock connector on `port`. */
export function startPlayground(
  botEndpoint: string,
  port = PLAYGROUND_PORT,
  stdio: "inherit" | "ignore" = "inherit",
): ChildProcess {
  return spawn(
    process.execPath,
    [
      new URL("../../node_modules/@microsoft/m365agentsplayground/cli.js", import.meta.url).pathname,
      "--app-endpoint",
      botEndpoint,
      "--channel-id",
      "msteams",
      "--port",
      String(port),
      "--disable-telemetry",
    ],
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", BOT_ENDPOINT: botEndpoint }, stdio },
  );
}
