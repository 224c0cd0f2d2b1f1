// Worker thread body: receives scenario jobs, answers with outcomes. Started by startWorker (threads/start.ts), so it
// runs compiled from dist/ and as TypeScript under tsx and vitest alike.
import { parentPort } from "node:worker_threads";
import type { LoadedScenario } from "./load.js";
import { runScenario, type WhatIfOptions } from "./run.js";

/** Parent → worker: a scenario to solve, or "stop now and answer with the best found so far". */
export type WorkerMessage =
  | { readonly type: "job"; readonly index: number; readonly scenario: LoadedScenario; readonly options: Omit<WhatIfOptions, "signal"> }
  | { readonly type: "abort" };

export type WorkerReply =
  | { readonly index: number; readonly ok: true; readonly outcome: Awaited<ReturnType<typeof runScenario>> }
  | { readonly index: number; readonly ok: false; readonly error: string };

const port = parentPort;
if (port !== null) {
  // An AbortSignal cannot cross threads, so the worker keeps its own and the parent asks it to fire.
  const controller = new AbortController();
  port.on("message", (message: WorkerMessage) => {
    if (message.type === "abort") {
      controller.abort();
      return;
    }
    runScenario(message.scenario, { ...message.options, signal: controller.signal }).then(
      (outcome) => port.postMessage({ index: message.index, ok: true, outcome } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({
          index: message.index,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies WorkerReply),
    );
  });
}
