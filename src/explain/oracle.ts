// Feasibility through the solvers: the objective is switched off (all weights 0), so the first assignment found
// settles the question, and "infeasible" from an exact solver is a proof. javascript-lp-solver for tiny programs,
// HiGHS otherwise.
import type { Program } from "../model/schema.js";
import { normalizeProgram } from "../model/normalize.js";
import { solveProgram } from "../solve.js";
import { mipRefusal } from "../solvers/mip/jslp.js";
import type { SolverName } from "../solvers/solver.js";
import type { FeasibilityOracle, Verdict } from "./types.js";

export interface OracleOptions {
  readonly solver?: SolverName;
  readonly seed?: number;
  readonly signal?: AbortSignal;
}

/** `mip` (javascript-lp-solver) where it accepts the program, which is fast on tiny ones; `highs` otherwise. */
export function exactSolverFor(program: Program): SolverName {
  return mipRefusal(normalizeProgram(program)) === null ? "mip" : "highs";
}

export function feasibilityOnly(program: Program): Program {
  const weights = { dialogue: 0, diversity: 0, topicFit: 0, affinity: 0, stability: 0 };
  return { ...program, policy: { ...program.policy, weights } };
}

/**
 * Exact answers, found faster: on programs beyond tiny, a short local search first (a solution it finds, checked
 * by solveProgram, proves feasibility; most relaxed programs a conflict search asks about are feasible), then the
 * exact solver for the rest of the time, which alone may prove infeasibility.
 */
export function solverOracle(options: OracleOptions = {}): FeasibilityOracle {
  const seed = options.seed ?? 1;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  return async (program, timeLimitMs) => {
    const question = feasibilityOnly(program);
    const exact = options.solver ?? exactSolverFor(program);
    let remaining = Math.max(1, Math.round(timeLimitMs));
    if (exact !== "mip") {
      const quick = Math.min(2_000, Math.round(remaining / 4));
      const found = await solveProgram(question, { solver: "search", timeLimitMs: quick, seed, ...signal });
      if (found.status === "feasible" || found.status === "optimal") return "feasible";
      remaining = Math.max(1, remaining - quick);
    }
    const solution = await solveProgram(question, { solver: exact, timeLimitMs: remaining, seed, ...signal });
    const verdicts: Record<typeof solution.status, Verdict> = {
      optimal: "feasible",
      feasible: "feasible",
      infeasible: "infeasible",
      timeout: "unknown",
    };
    return verdicts[solution.status];
  };
}
