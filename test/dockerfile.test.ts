/**
 * The production build, as the Dockerfile does it (there is no Docker engine here):
 * its stages' WORKDIR, ENV, COPY and RUN steps run in a temporary copy of the
 * repository (npm offline, from the local cache), then the final stage's CMD starts,
 * becomes ready, and the HEALTHCHECK command passes. So the Dockerfile cannot rot, and
 * `npm run build` output plus production dependencies is shown to be enough to run.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";

const run = promisify(execFile);

interface Step {
  instruction: string;
  args: string;
}

/** The Dockerfile's instructions, stage by stage (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): { name: string; steps: Step[] }[] {
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const stages: { name: string; steps: Step[] }[] = [];
  for (const line of lines) {
    const [instruction = "", ...rest] = line.split(/\s+/);
    const args = line.slice(instruction.length).trim();
    if (instruction.toUpperCase() === "FROM") stages.push({ name: / AS (\S+)$/i.exec(args)?.[1] ?? String(stages.length), steps: [] });
    else stages.at(-1)?.steps.push({ instruction: instruction.toUpperCase(), args: rest.length ? args : "" });
  }
  return stages;
}

/** Runs one stage in its own folder (standing in for its file system root); returns its working directory and environment. */
async function runStage(steps: Step[], root: string, context: string, roots: Map<string, string>) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), npm_config_offline: "true" };
  let cwd = root;
  const at = (path: string, base = cwd) => (path.startsWith("/") ? join(root, path) : join(base, path));
  for (const { instruction, args } of steps) {
    if (instruction === "WORKDIR") {
      cwd = at(args);
      await mkdir(cwd, { recursive: true });
    } else if (instruction === "ENV") {
      for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) env[key as string] = value as string;
    } else if (instruction === "RUN") {
      await run("sh", ["-c", args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    } else if (instruction === "COPY") {
      const words = args.split(/\s+/);
      const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
      const [dest = ".", ...sources] = words.filter((w) => !w.startsWith("--")).reverse();
      const base = from ? (roots.get(from) ?? "") : context;
      for (const source of sources.reverse()) {
        const path = from ? join(base, source) : join(context, source);
        const into = dest.endsWith("/") ? join(at(dest), basename(source)) : at(dest);
        // Hard links: as good as a copy here (a stage's files are not changed after), and ten times faster.
        if (from) await run("cp", ["-al", path, into]);
        else await cp(path, into, { recursive: true });
      }
    }
  }
  return { cwd, env };
}

describe("the Dockerfile's build", () => {
  it("builds in a copy of the repository, starts from compiled JavaScript without tsx, and passes its health check", async () => {
    const stages = parseDockerfile(await readFile("Dockerfile", "utf8"));
    const work = await mkdtemp(join(tmpdir(), "hvem-docker-"));
    // Two node_modules trees: hundreds of MB that should not pile up run after run.
    onTestFinished(() => rm(work, { recursive: true, force: true }));
    const context = join(work, "context");
    const ignored = (await readFile(".dockerignore", "utf8")).split("\n").filter(Boolean);
    const { stdout } = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard"]);
    for (const file of stdout.split("\n").filter((f) => f && existsSync(f))) {
      if (!ignored.some((pattern) => file === pattern || file.startsWith(`${pattern}/`))) {
        await cp(file, join(context, file), { recursive: true });
      }
    }

    const roots = new Map<string, string>();
    let last: { cwd: string; env: Record<string, string> } | undefined;
    for (const [i, stage] of stages.entries()) {
      const root = join(work, `stage-${i}`);
      roots.set(stage.name, root);
      last = await runStage(stage.steps, root, context, roots);
    }
    const final = stages.at(-1)?.steps ?? [];
    const command = (instruction: string) => {
      const args = final.find((s) => s.instruction === instruction)?.args ?? "";
      return JSON.parse(args.slice(args.indexOf("["))) as string[];
    };
    if (!last) throw new Error("the Dockerfile has no stages");
    expect(existsSync(join(last.cwd, "node_modules", "tsx"))).toBe(false);
    expect(existsSync(join(last.cwd, "node_modules", "typescript"))).toBe(false);

    const port = String(12_000 + Math.floor(Math.random() * 1000));
    const env = { ...last.env, PORT: port, LOG_LEVEL: "warn", NODE_OPTIONS: "" };
    const [program = "", ...cmdArgs] = command("CMD");
    const server = spawn(program === "node" ? process.execPath : program, cmdArgs, { cwd: last.cwd, env, stdio: "ignore" });
    try {
      const until = Date.now() + 30_000;
      while (!(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false))) {
        if (Date.now() > until || server.exitCode !== null) throw new Error("the built server did not become ready");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [check = "", ...checkArgs] = command("HEALTHCHECK");
      await expect(run(check === "node" ? process.execPath : check, checkArgs, { cwd: last.cwd, env })).resolves.toBeDefined();
    } finally {
      server.kill("SIGKILL");
    }
  }, 180_000);
});
