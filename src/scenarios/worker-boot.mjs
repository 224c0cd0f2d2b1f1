// Plain-JS entry for scenario worker threads: register tsx, then load the TypeScript worker. A worker does not
// inherit the parent's loader hooks, so without this step `new Worker("worker.ts")` fails under tsx and vitest.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
