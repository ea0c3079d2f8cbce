#!/usr/bin/env node
// `npm start`: builds first when the sources are newer than the build (a fresh clone
// has none), then runs the compiled server in this process, with no TypeScript loader.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const modified = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = ["package.json", "tsconfig.json", "tsconfig.build.json", ...readdirSync("src", { recursive: true }).map((f) => join("src", f))];
if (Math.max(...sources.map(modified)) > modified("dist/main.js")) {
  execFileSync(process.execPath, [process.env.npm_execpath ?? "npm", "run", "build"], { stdio: "inherit" });
}
// Like the --no-deprecation the server was started with before: restify uses process.binding.
process.noDeprecation = true;
await import("../dist/main.js");
