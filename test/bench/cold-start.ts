/**
 * Cold start of the production server as `npm start` runs it (compiled JavaScript,
 * the index from its snapshot): milliseconds from spawning the process to /readyz
 * answering, and to the first question answered (the Teams code loads after /readyz).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** One start: [ms to /readyz, ms to the first answer]. */
async function startOnce(port: number, serviceUrl: string): Promise<[number, number]> {
  const started = performance.now();
  const env = { ...process.env, PORT: String(port), WATCH_KNOWLEDGE: "false", LOG_LEVEL: "warn", MicrosoftAppId: "" };
  const server = spawn(process.execPath, ["bin/start.js"], { env, stdio: "ignore" });
  try {
    await until(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok);
    const ready = performance.now() - started;
    const activity = {
      type: "message",
      id: "bench",
      text: "hvem laver lønsedler?",
      channelId: "msteams",
      serviceUrl,
      from: { id: "u", aadObjectId: "u" },
      recipient: { id: "bot" },
      conversation: { id: "bench", conversationType: "personal" },
    };
    const answered = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    if (!answered.ok) throw new Error(`the first question got ${answered.status}`);
    return [ready, performance.now() - started];
  } finally {
    server.kill();
  }
}

/** Median and fastest of `runs` starts (after one that builds and saves the snapshot if need be). */
export async function coldStart(runs: number): Promise<{ ready: number[]; answered: number[] }> {
  const connector = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"id":"r"}'));
  await new Promise<void>((resolve) => connector.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  const port = 13_000 + Math.floor(Math.random() * 1000);
  try {
    await startOnce(port, serviceUrl);
    const times: [number, number][] = [];
    for (let i = 0; i < runs; i++) times.push(await startOnce(port + 1 + i, serviceUrl));
    return { ready: times.map(([r]) => r).sort((a, b) => a - b), answered: times.map(([, a]) => a).sort((a, b) => a - b) };
  } finally {
    connector.close();
  }
}
