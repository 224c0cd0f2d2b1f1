// Feasibility through the exact solvers: the objective is switched off (all weights 0), so the first assignment
// found settles the question and "infeasible" is a proof. javascript-lp-solver for tiny programs, HiGHS otherwise.
import type { Program } from "../model/schema.js";
import { solveProgram } from "../solve.js";
import type { SolverName } from "../solvers/solver.js";
import type { FeasibilityOracle, Verdict } from "./types.js";

export interface OracleOptions {
  readonly solver?: SolverName;
  readonly seed?: number;
}

/** Programs at most this big go to `mip`; larger ones to `highs`. */
export const TINY_PROGRAM = { participants: 30, panels: 10 } as const;

export function exactSolverFor(program: Program): SolverName {
  return program.participants.length <= TINY_PROGRAM.participants && program.panels.length <= TINY_PROGRAM.panels ? "mip" : "highs";
}

export function feasibilityOnly(program: Program): Program {
  const weights = { dialogue: 0, diversity: 0, topicFit: 0, affinity: 0, stability: 0 };
  return { ...program, policy: { ...program.policy, weights } };
}

export function solverOracle(options: OracleOptions = {}): FeasibilityOracle {
  return async (program, timeLimitMs) => {
    const solution = await solveProgram(feasibilityOnly(program), {
      solver: options.solver ?? exactSolverFor(program),
      timeLimitMs: Math.max(1, Math.round(timeLimitMs)),
      seed: options.seed ?? 1,
    });
    const verdicts: Record<typeof solution.status, Verdict> = {
      optimal: "feasible",
      feasible: "feasible",
      infeasible: "infeasible",
      timeout: "unknown",
    };
    return verdicts[solution.status];
  };
}
