// Worker thread body: computes the Lagrangian bound for the Problem it is given, posts each improved bound
// ({ type: "bound" }) and a final { type: "done" }. The parent terminates it at its time limit or on abort; every
// bound posted before that is valid as it stands.
import { parentPort, workerData } from "node:worker_threads";
import type { Problem } from "../../model/problem.js";
import { lagrangianBound } from "./bound.js";

export interface BoundMessage {
  readonly type: "bound";
  readonly bound: number;
  readonly elapsedMs: number;
}

export interface DoneMessage {
  readonly type: "done";
  readonly bound: number;
  readonly evaluations: number;
  readonly timeMs: number;
}

export interface LagrangianWorkerData {
  readonly problem: Problem;
  readonly timeLimitMs: number;
}

const port = parentPort;
if (port !== null) {
  const { problem, timeLimitMs } = workerData as LagrangianWorkerData;
  const result = await lagrangianBound(problem, {
    timeLimitMs,
    onBound: (bound, elapsedMs) => port.postMessage({ type: "bound", bound, elapsedMs } satisfies BoundMessage),
  });
  port.postMessage({ type: "done", bound: result.bound, evaluations: result.evaluations, timeMs: result.timeMs } satisfies DoneMessage);
}
