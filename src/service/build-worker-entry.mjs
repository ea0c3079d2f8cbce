// Worker threads start without the parent's loaders: register tsx, then run the
// TypeScript worker (as bin/hvem.js does for the command line).
import { register } from "tsx/esm/api";

register();
await import("./build-worker.ts");
