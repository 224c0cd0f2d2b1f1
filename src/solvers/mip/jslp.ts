// The "mip" solver: the panel MIP solved by javascript-lp-solver in a worker thread. The library keeps a dense
// tableau (rows x columns doubles, twice over once branching starts), checks its time-out only between nodes,
// and on time-out may report an LP relaxation as feasible. So: programs above a documented size are refused, the
// worker is terminated at the time limit, and a result is accepted only when integral, feasible and complete.
import type { Problem } from "../../model/problem.js";
import { objectiveBound } from "../bounds.js";
import type { Solver, SolveOptions, SolveResult } from "../solver.js";
import { buildPanelModel, openSeats } from "./build.js";
import { objectiveValue } from "./linear-model.js";
import { acceptValues, infeasibleResult, solveWithoutVariables, solvedResult, timeoutResult } from "./result.js";
import { runInWorker } from "./worker-run.js";

/**
 * Largest number of role seats (x, c, d variables) we hand to javascript-lp-solver. Measured (2 shared cores):
 * 20 participants x 4 panels with chairs, a dialogue pair and a cap (~100 seats) is proven optimal in 0.5 s;
 * 20 x 5 (~130 seats) and 24 x 6 (~190 seats) are not finished in 60 s, its simplex stalling inside one node.
 */
export const MIP_MAX_SEATS = 250;

interface DoneMessage {
  readonly type: "done";
  readonly feasible: boolean;
  readonly values: Float64Array;
  readonly exhausted: boolean;
  readonly elapsedMs: number;
}

const refusals = new WeakMap<Problem, string | null>();

/**
 * Why this program is too large for javascript-lp-solver, or null when it is not: decided once per Problem, for
 * whoever asks first (the command line, auto, explanations, the solver itself).
 */
export function mipRefusal(problem: Problem): string | null {
  const known = refusals.get(problem);
  if (known !== undefined) return known;
  let seats = 0;
  for (const open of openSeats(problem)) seats += (open & 1) + ((open >> 1) & 1) + ((open >> 2) & 1);
  const refusal =
    seats <= MIP_MAX_SEATS
      ? null
      : `This program has ${seats} possible seats (participant x panel x role); the "mip" solver ` +
        `(javascript-lp-solver) handles at most ${MIP_MAX_SEATS}. Use --solver highs for an exact answer, ` +
        `or --solver search for a good one quickly.`;
  refusals.set(problem, refusal);
  return refusal;
}

export const mipSolver: Solver = {
  name: "mip",
  exact: true,
  solve: solveWithJslp,
};

async function solveWithJslp(problem: Problem, options: SolveOptions): Promise<SolveResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refusal = mipRefusal(problem);
  if (refusal !== null) return timeoutResult(null, { timeMs: elapsed(), raw: refusal });
  const model = buildPanelModel(problem);
  const size = { variables: model.linear.variables.length, rows: model.linear.rows.length };
  if (model.linear.infeasibleReason !== null) return infeasibleResult({ timeMs: elapsed(), raw: model.linear.infeasibleReason, ...size });
  const trivial = solveWithoutVariables(problem, model, { timeMs: elapsed(), ...size });
  if (trivial !== null) return trivial;
  const cheapBound = objectiveBound(problem);

  const remaining = options.timeLimitMs - elapsed();
  // The solver's own time-out, below ours, so that it can still hand back an incumbent it found.
  const ownTimeoutMs = Math.max(10, Math.round(remaining - Math.max(200, remaining * 0.1)));
  const outcome = await runInWorker<never, DoneMessage>({
    url: new URL("./jslp-worker.mjs", import.meta.url),
    workerData: { model: model.linear, timeoutMs: ownTimeoutMs },
    timeLimitMs: remaining,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (outcome.kind !== "done") {
    const raw = outcome.kind === "stopped" ? `javascript-lp-solver stopped: ${outcome.reason}` : `javascript-lp-solver failed: ${outcome.error}`;
    return timeoutResult(cheapBound, { timeMs: elapsed(), raw, ...size });
  }
  const done = outcome.message;
  const assignment = done.feasible ? acceptValues(problem, model, done.values) : null;
  const stats = (raw: string) => ({ timeMs: elapsed(), raw, ...size, solverMs: done.elapsedMs });
  if (assignment === null) {
    return done.exhausted ? infeasibleResult(stats("search exhausted without an integer solution")) : timeoutResult(cheapBound, stats("time-out without an integer solution"));
  }
  const objective = objectiveValue(model.linear, done.values);
  options.onProgress?.({ elapsedMs: elapsed(), objective, bound: done.exhausted ? objective : cheapBound });
  return done.exhausted
    ? solvedResult("optimal", assignment, objective, stats("optimal"))
    : solvedResult("feasible", assignment, Math.max(objective, cheapBound), stats("time-out with an integer solution"));
}
