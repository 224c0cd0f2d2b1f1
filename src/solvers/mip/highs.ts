// The "highs" solver: the panel MIP solved by HiGHS (WebAssembly) in a worker thread. HiGHS gets a time limit a
// little below ours so that it stops by itself and reports its incumbent and dual bound; the worker is terminated
// at our limit regardless, keeping the best incumbent it streamed so far.
import type { Assignment, Problem } from "../../model/problem.js";
import type { Solver, SolveOptions, SolveResult } from "../solver.js";
import { objectiveBound } from "../bounds.js";
import { buildPanelModel, encodeAssignment, type PanelModel } from "./build.js";
import { INFEASIBLE, OPTIMAL, runHighs, UNBOUNDED_OR_INFEASIBLE } from "./highs-run.js";
import { hasIntegralObjective, objectiveValue } from "./linear-model.js";
import { acceptValues, infeasibleResult, solveWithoutVariables, solvedResult, timeoutResult } from "./result.js";

interface Incumbent {
  readonly assignment: Assignment;
  readonly objective: number;
  readonly atMs: number;
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

  const outcome = await runHighs(model, {
    timeLimitMs: remaining,
    highsLimitSec: ownLimitSec,
    seed: options.seed >>> 0,
    start,
    // An integral objective moves in steps of 1, so a gap below 1 already proves optimality.
    absoluteGap: hasIntegralObjective(model.linear) ? 0.999 : 1e-6,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onIncumbent: (message) => consider(message.values),
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

/** Every variable has finite bounds, so "infeasible or unbounded" can only mean infeasible. */
function isBounded(model: PanelModel): boolean {
  return model.linear.variables.every((v) => Number.isFinite(v.lower) && Number.isFinite(v.upper));
}
