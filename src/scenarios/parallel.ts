// Scenarios side by side: a pool of worker threads (one per core by default), each solving one scenario at a time.
// Results come back in input order whatever order they finish in. `jobs: 1` runs in this thread, which is also the
// fallback wherever threads are unwanted.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { LoadedScenario } from "./load.js";
import { runScenario, type ScenarioOutcome, type WhatIfOptions } from "./run.js";
import type { WorkerJob, WorkerReply } from "./worker.js";

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

export async function runScenarios(scenarios: readonly LoadedScenario[], options: RunScenariosOptions = {}): Promise<ScenarioOutcome[]> {
  const { jobs = defaultJobs(), onEvent, ...solveOptions } = options;
  const threads = Math.min(Math.max(1, Math.floor(jobs)), scenarios.length);
  if (threads <= 1) {
    const outcomes: ScenarioOutcome[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      onEvent?.({ type: "start", index, name: scenario.name });
      const outcome = await runScenario(scenario, solveOptions);
      onEvent?.({ type: "done", index, name: scenario.name, outcome });
      outcomes.push(outcome);
    }
    return outcomes;
  }
  return runInWorkers(scenarios, solveOptions, threads, onEvent);
}

async function runInWorkers(
  scenarios: readonly LoadedScenario[],
  options: WhatIfOptions,
  threads: number,
  onEvent: ((event: ScenarioEvent) => void) | undefined,
): Promise<ScenarioOutcome[]> {
  const outcomes: (ScenarioOutcome | undefined)[] = new Array(scenarios.length);
  let next = 0;
  const bootUrl = new URL("./worker-boot.mjs", import.meta.url);

  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= scenarios.length) return resolve();
        const index = next++;
        const scenario = scenarios[index]!;
        onEvent?.({ type: "start", index, name: scenario.name });
        worker.postMessage({ index, scenario, options } satisfies WorkerJob);
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

  const workers = Array.from({ length: threads }, () => new Worker(bootUrl));
  try {
    await Promise.all(workers.map(drive));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes.map((outcome, index) => {
    if (outcome === undefined) throw new Error(`bug: scenario ${index} has no outcome`);
    return outcome;
  });
}
