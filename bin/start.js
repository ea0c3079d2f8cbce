#!/usr/bin/env node
// `npm start`: builds first when the sources are newer than the build (a fresh clone
// has none), then runs the compiled server in this process, with no TypeScript loader.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const modified = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = ["package.json", "tsconfig.json", "tsconfig.build.json", ...readdirSync("src", { recursive: true }).map((f) => join("src", f))];
if (Math.max(...sources.map(modified)) > modified("dist/main.js")) {
  // Under npm, the npm that runs us; run directly (node bin/start.js), the one on the PATH.
  const npm = process.env.npm_execpath;
  if (npm) execFileSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" });
  else execFileSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
}
// Like the --no-deprecation the server was started with before: restify uses process.binding.
process.noDeprecation = true;
await import("../dist/main.js");
