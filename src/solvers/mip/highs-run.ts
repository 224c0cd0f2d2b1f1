// Running HiGHS (WebAssembly) on a panel model in a worker thread, for the "highs" solver and for the LP relaxation
// bound (src/solvers/bounds.ts) alike. The worker is terminated at our time limit, whatever HiGHS is doing.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { PanelModel } from "./build.js";
import { runInWorker, type WorkerOutcome } from "./worker-run.js";

export interface IncumbentMessage {
  readonly type: "incumbent";
  readonly objective: number;
  readonly values: Float64Array;
}

export interface DoneMessage {
  readonly type: "done";
  readonly status: number;
  readonly statusName: string;
  readonly values: Float64Array | null;
  readonly objective: number | null;
  readonly dualBound: number;
  readonly nodes: number;
}

// highs.constants.modelStatus values (types.d.ts), kept here so the main thread need not load the runtime.
export const OPTIMAL = 7;
export const INFEASIBLE = 8;
export const UNBOUNDED_OR_INFEASIBLE = 9;

// The project's lib settings (ES2023, no DOM) declare neither WebAssembly's types nor its global; Node always has
// both. The compiled module is opaque here: it is only handed to the worker, which instantiates it.
type CompiledWasm = object;
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } }).WebAssembly;

let compiledWasm: Promise<CompiledWasm> | null = null;

/** Compiles highs.wasm once per process; each worker instantiates the compiled module instead of recompiling it. */
function highsWasm(): Promise<CompiledWasm> {
  compiledWasm ??= readFile(createRequire(import.meta.url).resolve("highs/runtime")).then((bytes) => wasm.compile(bytes));
  return compiledWasm;
}

export interface HighsRun {
  /** Our limit: the worker is terminated then. */
  readonly timeLimitMs: number;
  /** HiGHS's own limit, a little below ours so that it stops by itself and reports. */
  readonly highsLimitSec: number;
  readonly seed: number;
  /** A warm start (values of some variables), or null. */
  readonly start: { indices: Int32Array; values: Float64Array } | null;
  readonly absoluteGap: number;
  /** Drop integrality: the LP relaxation. */
  readonly relax?: boolean;
  readonly signal?: AbortSignal;
  readonly onIncumbent?: (message: IncumbentMessage) => void;
}

export async function runHighs(model: PanelModel, run: HighsRun): Promise<WorkerOutcome<DoneMessage>> {
  const wasmModule = await highsWasm();
  return runInWorker<IncumbentMessage, DoneMessage>({
    url: new URL("./highs-worker.mjs", import.meta.url),
    workerData: {
      model: model.linear,
      timeLimitSec: run.highsLimitSec,
      seed: run.seed,
      start: run.start,
      wasmModule,
      absoluteGap: run.absoluteGap,
      ...(run.relax === true ? { relax: true } : {}),
      large: isLarge(model),
    },
    timeLimitMs: run.timeLimitMs,
    ...(run.signal === undefined ? {} : { signal: run.signal }),
    ...(run.onIncumbent === undefined ? {} : { onProgress: run.onIncumbent }),
  });
}

/**
 * Nonzeros above which HiGHS runs without presolve and solves LPs by interior point (highs-worker.mjs). Measured on
 * generated programs: at 120 participants (47k nonzeros) both settings prove the optimum in about 12 s, at 200 (121k)
 * the root bound came at 4-5 s instead of 12-29 s, at 300 (300k) the dual simplex had not finished the root LP
 * after 150 s while interior point took 16 s.
 */
const LARGE_MODEL_NONZEROS = 40_000;

function isLarge(model: PanelModel): boolean {
  let nonzeros = 0;
  for (const row of model.linear.rows) nonzeros += row.indices.length;
  return nonzeros > LARGE_MODEL_NONZEROS;
}
