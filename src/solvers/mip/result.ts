// Maps backend values to a SolveResult: a result is accepted only when it is integral, satisfies every row of the
// model and decodes into a complete assignment, whatever the backend claimed.
import type { Assignment, Problem } from "../../model/problem.js";
import type { SolveResult, SolveStats } from "../solver.js";
import { decodeAssignment, type PanelModel } from "./build.js";
import { isFeasiblePoint } from "./linear-model.js";

export function acceptValues(problem: Problem, model: PanelModel, values: ArrayLike<number> | null | undefined): Assignment | null {
  if (values === null || values === undefined) return null;
  if (!isFeasiblePoint(model.linear, values)) return null;
  return decodeAssignment(problem, model, values);
}

export function solvedResult(
  status: "optimal" | "feasible",
  assignment: Assignment,
  bound: number | null,
  stats: SolveStats,
): SolveResult {
  return { status, assignment, bound, stats };
}

export function timeoutResult(bound: number | null, stats: SolveStats): SolveResult {
  return { status: "timeout", assignment: null, bound, stats };
}

export function infeasibleResult(stats: SolveStats): SolveResult {
  return { status: "infeasible", assignment: null, bound: null, stats };
}

/**
 * A model without variables needs no backend (HiGHS reports such a model as "empty", without a solution): the
 * only candidate is the empty assignment, optimal when it is complete and infeasible otherwise.
 */
export function solveWithoutVariables(problem: Problem, model: PanelModel, stats: SolveStats): SolveResult | null {
  if (model.linear.variables.length > 0) return null;
  const assignment = acceptValues(problem, model, new Float64Array(0));
  if (assignment === null) return infeasibleResult({ ...stats, raw: "no seats can be filled" });
  return solvedResult("optimal", assignment, model.linear.objectiveOffset, { ...stats, raw: "no variables" });
}
