// The "highs" solver: the panel MIP solved by HiGHS (WebAssembly) in a worker thread. HiGHS gets a time limit a
// little below ours so that it stops by itself and reports its incumbent and dual bound; the worker is terminated
// at our limit regardless, keeping the best incumbent it streamed so far.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Assignment, Problem } from "../../model/problem.js";
import type { Solver, SolveOptions, SolveResult } from "../solver.js";
import { objectiveBound } from "../bounds.js";
import { buildPanelModel, encodeAssignment, type PanelModel } from "./build.js";
import { hasIntegralObjective, objectiveValue } from "./linear-model.js";
import { acceptValues, infeasibleResult, solveWithoutVariables, solvedResult, timeoutResult } from "./result.js";
import { runInWorker } from "./worker-run.js";

interface IncumbentMessage {
  readonly type: "incumbent";
  readonly objective: number;
  readonly values: Float64Array;
}

interface DoneMessage {
  readonly type: "done";
  readonly status: number;
  readonly statusName: string;
  readonly values: Float64Array | null;
  readonly objective: number | null;
  readonly dualBound: number;
  readonly nodes: number;
}

// highs.constants.modelStatus values (types.d.ts), kept here so the main thread need not load the runtime.
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;

// The project's lib settings (ES2023, no DOM) declare neither WebAssembly's types nor its global; Node always has
// both. The compiled module is opaque here: it is only handed to the worker, which instantiates it.
type CompiledWasm = object;
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } }).WebAssembly;
interface Incumbent {
  readonly assignment: Assignment;
  readonly objective: number;
  readonly atMs: number;
}

let compiledWasm: Promise<CompiledWasm> | null = null;

/** Compiles highs.wasm once per process; each worker instantiates the compiled module instead of recompiling it. */
function highsWasm(): Promise<CompiledWasm> {
  compiledWasm ??= readFile(createRequire(import.meta.url).resolve("highs/runtime")).then((bytes) => wasm.compile(bytes));
  return compiledWasm;
}

export const highsSolver: Solver = {
  name: "highs",
  exact: true,
  solve: solveWithHighs,
};

async function solveWithHighs(problem: Problem, options: SolveOptions): Promise<SolveResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const model = buildPanelModel(problem);
  const size = { variables: model.linear.variables.length, rows: model.linear.rows.length };
  if (model.linear.infeasibleReason !== null) return infeasibleResult({ timeMs: elapsed(), raw: model.linear.infeasibleReason, ...size });
  const trivial = solveWithoutVariables(problem, model, { timeMs: elapsed(), ...size });
  if (trivial !== null) return trivial;
  const cheapBound = objectiveBound(problem);
  const wasmModule = await highsWasm();

  const remaining = options.timeLimitMs - elapsed();
  // Leave HiGHS room to stop, write back its incumbent and be read: 10% of the budget, at least 300 ms.
  const ownLimitSec = Math.max(0.05, (remaining - Math.max(300, remaining * 0.1)) / 1000);
  const start = options.initial ? encodeAssignment(problem, model, options.initial) : null;
  // Bounds streamed with incumbents are not trusted (HiGHS reports the incumbent itself as "dual bound" before its
  // root is solved); only the final dual bound, or the cheap counting bound, is reported.
  const state: { best: Incumbent | null } = { best: null };
  const consider = (values: ArrayLike<number> | null) => {
    const assignment = acceptValues(problem, model, values);
    if (assignment === null || values === null) return;
    const objective = objectiveValue(model.linear, values);
    if (state.best === null || objective > state.best.objective + 1e-9) {
      state.best = { assignment, objective, atMs: elapsed() };
      options.onProgress?.({ elapsedMs: state.best.atMs, objective, bound: null });
    }
  };

  const outcome = await runInWorker<IncumbentMessage, DoneMessage>({
    url: new URL("./highs-worker.mjs", import.meta.url),
    workerData: {
      model: model.linear,
      timeLimitSec: ownLimitSec,
      seed: options.seed >>> 0,
      start,
      wasmModule,
      // An integral objective moves in steps of 1, so a gap below 1 already proves optimality.
      absoluteGap: hasIntegralObjective(model.linear) ? 0.999 : 1e-6,
      large: isLarge(model),
    },
    timeLimitMs: remaining,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onProgress: (message) => consider(message.values),
  });

  // With an integral objective the optimum is an integer, so HiGHS's fractional dual bound rounds down.
  const integral = hasIntegralObjective(model.linear);
  const bestBound = (dual: number | null) => {
    const rounded = dual !== null && integral ? Math.floor(dual + 1e-6) : dual;
    const candidates = [cheapBound, ...(rounded !== null && Number.isFinite(rounded) ? [rounded] : [])];
    return Math.min(...candidates);
  };
  const stats = (raw: string, extra: Record<string, unknown> = {}) => ({
    timeMs: elapsed(),
    ...(state.best === null ? {} : { timeToBestMs: state.best.atMs }),
    raw,
    ...size,
    ...extra,
  });

  if (outcome.kind !== "done") {
    const raw = outcome.kind === "stopped" ? `highs stopped: ${outcome.reason}` : `highs failed: ${outcome.error}`;
    const found = state.best;
    return found === null
      ? timeoutResult(cheapBound, stats(raw))
      : solvedResult("feasible", found.assignment, Math.max(found.objective, cheapBound), stats(raw));
  }
  const done = outcome.message;
  const extra = { nodes: done.nodes };
  if (done.status === INFEASIBLE || (done.status === UNBOUNDED_OR_INFEASIBLE && isBounded(model))) {
    return infeasibleResult(stats(done.statusName, extra));
  }
  consider(done.values);
  const found = state.best;
  if (found === null) return timeoutResult(bestBound(done.dualBound), stats(done.statusName, extra));
  if (done.status === OPTIMAL && done.objective !== null && Math.abs(done.objective - found.objective) <= 1e-6) {
    return solvedResult("optimal", found.assignment, found.objective, stats(done.statusName, extra));
  }
  return solvedResult("feasible", found.assignment, Math.max(found.objective, bestBound(done.dualBound)), stats(done.statusName, extra));
}

/**
 * The LP relaxation's optimum of the panel model: a valid upper bound on the total objective, usually much
 * tighter than objectiveBound, at the price of one LP solve. Null when HiGHS does not finish in time; -Infinity
 * when even the relaxation is infeasible.
 */
export async function lpRelaxationBound(problem: Problem, timeLimitMs: number, signal?: AbortSignal): Promise<number | null> {
  const started = performance.now();
  const model = buildPanelModel(problem);
  if (model.linear.infeasibleReason !== null) return Number.NEGATIVE_INFINITY;
  if (model.linear.variables.length === 0) return model.linear.objectiveOffset;
  const wasmModule = await highsWasm();
  const remaining = timeLimitMs - (performance.now() - started);
  const outcome = await runInWorker<IncumbentMessage, DoneMessage>({
    url: new URL("./highs-worker.mjs", import.meta.url),
    workerData: {
      model: model.linear,
      timeLimitSec: Math.max(0.05, remaining / 1000),
      seed: 1,
      start: null,
      wasmModule,
      absoluteGap: 1e-6,
      relax: true,
      large: isLarge(model),
    },
    timeLimitMs: remaining,
    ...(signal === undefined ? {} : { signal }),
  });
  if (outcome.kind !== "done") return null;
  if (outcome.message.status === INFEASIBLE) return Number.NEGATIVE_INFINITY;
  if (outcome.message.status !== OPTIMAL || outcome.message.objective === null) return null;
  // As for the MIP's dual bound: with an integral objective the optimum is an integer, so the LP value rounds down.
  const value = outcome.message.objective;
  return hasIntegralObjective(model.linear) ? Math.floor(value + 1e-6) : value;
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

/** Every variable has finite bounds, so "infeasible or unbounded" can only mean infeasible. */
function isBounded(model: PanelModel): boolean {
  return model.linear.variables.every((v) => Number.isFinite(v.lower) && Number.isFinite(v.upper));
}
