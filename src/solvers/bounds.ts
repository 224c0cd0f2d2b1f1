// Upper bounds on the total objective (DESIGN.md §4), reported as a proven bound when an exact backend stops early
// and by heuristics to give a gap:
// - objectiveBound, valid for every program and cheap: each objective term of the catalogue bounds its own weighted
//   contribution (its `bound` face) by counting seats and panels;
// - lpRelaxationBound, usually far tighter: the LP relaxation of the panel MIP, solved by HiGHS.
import { OBJECTIVE_RULES } from "../constraints/registry.js";
import type { Problem } from "../model/problem.js";
import { buildPanelModel } from "./mip/build.js";
import { INFEASIBLE, OPTIMAL, runHighs } from "./mip/highs-run.js";
import { hasIntegralObjective } from "./mip/linear-model.js";

export function objectiveBound(problem: Problem): number {
  let total = 0;
  for (const rule of OBJECTIVE_RULES) total += rule.bound(problem);
  return total;
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
  const remaining = timeLimitMs - (performance.now() - started);
  const outcome = await runHighs(model, {
    timeLimitMs: remaining,
    highsLimitSec: Math.max(0.05, remaining / 1000),
    seed: 1,
    start: null,
    absoluteGap: 1e-6,
    relax: true,
    ...(signal === undefined ? {} : { signal }),
  });
  if (outcome.kind !== "done") return null;
  if (outcome.message.status === INFEASIBLE) return Number.NEGATIVE_INFINITY;
  if (outcome.message.status !== OPTIMAL || outcome.message.objective === null) return null;
  // With an integral objective the optimum is an integer, so the LP value rounds down.
  const value = outcome.message.objective;
  return hasIntegralObjective(model.linear) ? Math.floor(value + 1e-6) : value;
}
