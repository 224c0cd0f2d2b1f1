// The Lagrangian bound on a spare core: auto starts it beside the search on programs too large for the LP
// relaxation, and takes each improved bound as it arrives.
import type { Problem } from "../../model/problem.js";
import { runInWorker } from "../mip/worker-run.js";
import type { BoundMessage, DoneMessage, LagrangianWorkerData } from "./worker.js";

export interface BesideOptions {
  readonly timeLimitMs: number;
  readonly signal?: AbortSignal;
  /** Each improved bound, as soon as the worker finds it. */
  readonly onBound?: (bound: number) => void;
}

/**
 * The best bound the worker found before it finished, hit its time limit or was aborted: a finite number, or null
 * when it found none; -Infinity when the relaxation proves the program infeasible.
 */
export async function lagrangianBoundInWorker(problem: Problem, options: BesideOptions): Promise<number | null> {
  let best = Number.POSITIVE_INFINITY;
  const take = (bound: number) => {
    if (bound < best) {
      best = bound;
      options.onBound?.(bound);
    }
  };
  const outcome = await runInWorker<BoundMessage, DoneMessage>({
    url: new URL("./worker.js", import.meta.url),
    workerData: { problem, timeLimitMs: options.timeLimitMs } satisfies LagrangianWorkerData,
    // A little beyond its own limit, so that it can post its last bound.
    timeLimitMs: options.timeLimitMs + 500,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (message) => take(message.bound),
  });
  if (outcome.kind === "done") take(outcome.message.bound);
  return best === Number.POSITIVE_INFINITY ? null : best;
}
