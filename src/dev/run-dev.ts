/** Starts the bot (local mode) and the Agents Playground; Ctrl+C stops both. */
import { spawn } from "node:child_process";
import { PLAYGROUND_PORT, startPlayground } from "./playground.js";

const port = process.env.PORT ?? "3978";
const bot = spawn(process.execPath, ["--no-deprecation", "--import", "tsx", "src/main.ts"], {
  env: { ...process.env, PORT: port, MicrosoftAppId: "" },
  stdio: "inherit",
});
const playground = startPlayground(`http://localhost:${port}/api/messages`);
console.log(`Agents Playground: http://localhost:${PLAYGROUND_PORT} (the bot listens on port ${port})`);

const stop = () => {
  bot.kill("SIGTERM");
  playground.kill("SIGTERM");
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
for (const child of [bot, playground]) child.once("exit", stop);
