// Scenarios side by side: a pool of worker threads (one per core by default), each solving one scenario at a time.
// Results come back in input order whatever order they finish in. `jobs: 1` runs in this thread, which is also the
// fallback wherever threads are unwanted. An abort (Ctrl-C) starts nothing new and cuts the running scenarios
// short: they answer with the best found so far.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../threads/start.js";
import type { LoadedScenario } from "./load.js";
import { runScenario, type ScenarioOutcome, type WhatIfOptions } from "./run.js";
import type { WorkerMessage, WorkerReply } from "./worker.js";

export type ScenarioEvent =
  | { readonly type: "start"; readonly index: number; readonly name: string }
  | { readonly type: "done"; readonly index: number; readonly name: string; readonly outcome: ScenarioOutcome };

export interface RunScenariosOptions extends WhatIfOptions {
  /** Worker threads; default one per core, never more than there are scenarios. 1 = no threads. */
  readonly jobs?: number;
  readonly onEvent?: (event: ScenarioEvent) => void;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * One entry per scenario, in input order. Without an abort every entry is an outcome; after one, scenarios that
 * had not started are undefined and those that were running hold their cut-short outcome (`interrupted`).
 */
export async function runScenarios(
  scenarios: readonly LoadedScenario[],
  options: RunScenariosOptions = {},
): Promise<(ScenarioOutcome | undefined)[]> {
  const { jobs = defaultJobs(), onEvent, ...given } = options;
  const threads = Math.min(Math.max(1, Math.floor(jobs)), scenarios.length);
  // Scenario threads take the cores first; a solve's side work (auto's LP bound) shares only what is left.
  const solveOptions: WhatIfOptions = { helperThreads: Math.floor(Math.max(0, availableParallelism() - threads) / threads), ...given };
  if (threads <= 1 || solveOptions.signal?.aborted === true) {
    const outcomes: (ScenarioOutcome | undefined)[] = new Array(scenarios.length).fill(undefined);
    for (const [index, scenario] of scenarios.entries()) {
      if (solveOptions.signal?.aborted === true) break;
      onEvent?.({ type: "start", index, name: scenario.name });
      const outcome = await runScenario(scenario, solveOptions);
      onEvent?.({ type: "done", index, name: scenario.name, outcome });
      outcomes[index] = outcome;
    }
    return outcomes;
  }
  return runInWorkers(scenarios, solveOptions, threads, onEvent);
}

/** Scenarios that produced an outcome, each with its scenario (and index), in input order. */
export function finished<T>(items: readonly T[], outcomes: readonly (ScenarioOutcome | undefined)[]): { item: T; outcome: ScenarioOutcome }[] {
  return items.flatMap((item, k) => {
    const outcome = outcomes[k];
    return outcome === undefined ? [] : [{ item, outcome }];
  });
}

async function runInWorkers(
  scenarios: readonly LoadedScenario[],
  options: WhatIfOptions,
  threads: number,
  onEvent: ((event: ScenarioEvent) => void) | undefined,
): Promise<(ScenarioOutcome | undefined)[]> {
  const { signal, ...jobOptions } = options;
  const outcomes: (ScenarioOutcome | undefined)[] = new Array(scenarios.length).fill(undefined);
  let next = 0;
  const entry = new URL("./worker.js", import.meta.url);

  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= scenarios.length || signal?.aborted === true) return resolve();
        const index = next++;
        const scenario = scenarios[index]!;
        onEvent?.({ type: "start", index, name: scenario.name });
        worker.postMessage({ type: "job", index, scenario, options: jobOptions } satisfies WorkerMessage);
      };
      worker.on("message", (reply: WorkerReply) => {
        if (!reply.ok) return reject(new Error(`scenario ${scenarios[reply.index]?.name ?? reply.index}: ${reply.error}`));
        outcomes[reply.index] = reply.outcome;
        onEvent?.({ type: "done", index: reply.index, name: reply.outcome.name, outcome: reply.outcome });
        feed();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (code !== 0) reject(new Error(`a scenario worker exited with code ${code}`));
      });
      feed();
    });

  const workers = Array.from({ length: threads }, () => startWorker(entry));
  // Idle workers ignore the message; busy ones abort their solve and reply with what they have.
  const onAbort = () => {
    for (const worker of workers) worker.postMessage({ type: "abort" } satisfies WorkerMessage);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await Promise.all(workers.map(drive));
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
