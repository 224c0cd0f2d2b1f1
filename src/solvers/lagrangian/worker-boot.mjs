// Plain-JS entry for the Lagrangian bound's worker thread: register tsx, then load the TypeScript worker. A worker
// does not inherit the parent's loader hooks, so without this step `new Worker("worker.ts")` fails under tsx and
// vitest (the same arrangement as src/scenarios/worker-boot.mjs).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
