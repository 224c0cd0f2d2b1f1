// Runs a backend in a worker thread that is terminated at the time limit or on abort: neither backend can be
// trusted to stop by itself (javascript-lp-solver checks its clock only between nodes; a first LP can run for
// minutes), and a terminated worker frees all its memory at once.
import { startWorker } from "../../threads/start.js";

export type WorkerOutcome<Done> =
  | { readonly kind: "done"; readonly message: Done }
  | { readonly kind: "stopped"; readonly reason: "time limit" | "aborted" }
  | { readonly kind: "failed"; readonly error: string };

export interface WorkerRun<Progress> {
  readonly url: URL;
  readonly workerData: unknown;
  readonly timeLimitMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: Progress) => void;
}

interface Tagged {
  readonly type: string;
}

export function runInWorker<Progress extends Tagged, Done extends Tagged>(run: WorkerRun<Progress>): Promise<WorkerOutcome<Done>> {
  return new Promise((resolve) => {
    if (run.signal?.aborted) {
      resolve({ kind: "stopped", reason: "aborted" });
      return;
    }
    const worker = startWorker(run.url, { workerData: run.workerData });
    let settled = false;
    const finish = (outcome: WorkerOutcome<Done>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: "stopped", reason: "time limit" }), Math.max(0, run.timeLimitMs));
    const onAbort = () => finish({ kind: "stopped", reason: "aborted" });
    run.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: Progress | Done) => {
      if (message.type === "done") finish({ kind: "done", message: message as Done });
      else run.onProgress?.(message as Progress);
    });
    worker.on("error", (error) => finish({ kind: "failed", error: error instanceof Error ? error.message : String(error) }));
    worker.on("exit", (code) => finish({ kind: "failed", error: `worker exited with code ${code} before answering` }));
  });
}
