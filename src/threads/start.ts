// Starts a worker thread on a module named the way imports name it (`./worker.js`), so the same call works from the
// compiled package (dist/, where worker.js exists) and from the TypeScript sources under tsx or vitest (src/, where
// only worker.ts exists). A worker does not inherit its parent's loader hooks, so a TypeScript entry is started
// through ts-boot.mjs, which registers tsx first; tsx is a development dependency and never needed by dist/.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const source = typeScriptSource(entry);
  if (source === null) return new Worker(entry, options);
  return new Worker(new URL("./ts-boot.mjs", import.meta.url), { ...options, argv: [...(options.argv ?? []), source.href] });
}

/** The `.ts` file standing for a missing `.js` entry (running from sources), or null when the entry exists. */
function typeScriptSource(entry: URL): URL | null {
  if (entry.protocol !== "file:" || !entry.pathname.endsWith(".js") || existsSync(fileURLToPath(entry))) return null;
  const source = new URL(entry.href.replace(/\.js$/, ".ts"));
  return existsSync(fileURLToPath(source)) ? source : null;
}
