// Worker thread body: receives scenario jobs, answers with outcomes. Loaded through worker-boot.mjs, which
// registers the TypeScript loader first, so it runs the same way under tsx and under vitest.
import { parentPort } from "node:worker_threads";
import type { LoadedScenario } from "./load.js";
import { runScenario, type WhatIfOptions } from "./run.js";

export interface WorkerJob {
  readonly index: number;
  readonly scenario: LoadedScenario;
  readonly options: WhatIfOptions;
}

export type WorkerReply =
  | { readonly index: number; readonly ok: true; readonly outcome: Awaited<ReturnType<typeof runScenario>> }
  | { readonly index: number; readonly ok: false; readonly error: string };

const port = parentPort;
if (port !== null) {
  port.on("message", (job: WorkerJob) => {
    runScenario(job.scenario, job.options).then(
      (outcome) => port.postMessage({ index: job.index, ok: true, outcome } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({
          index: job.index,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies WorkerReply),
    );
  });
}
