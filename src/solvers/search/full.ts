// Full evaluation of an assignment from scratch with every catalogue entry's `full` face: the solvers' own
// feasibility verdict (the independent checker in src/check re-verifies what is emitted).
import { HARD_RULES, OBJECTIVE_RULES, type ViolationAmounts } from "../../constraints/registry.js";
import type { Assignment, Problem } from "../../model/problem.js";

export interface FullEvaluation {
  /** Violation amount per hard rule code, only the violated ones. */
  readonly violations: Readonly<ViolationAmounts>;
  readonly violation: number;
  readonly terms: Readonly<Record<string, number>>;
  /** sum of policy.weights[term] x term. */
  readonly objective: number;
}

export function evaluateAssignment(problem: Problem, assignment: Assignment): FullEvaluation {
  const violations: ViolationAmounts = {};
  let violation = 0;
  for (const rule of HARD_RULES) {
    if (!rule.isActive(problem)) continue;
    const amount = rule.search.full(problem, assignment);
    if (amount > 0) violations[rule.code] = amount;
    violation += amount;
  }
  const terms: Record<string, number> = {};
  let objective = 0;
  for (const rule of OBJECTIVE_RULES) {
    if (rule.term === "stability" && problem.baseline === null) continue;
    const value = rule.search.full(problem, assignment);
    terms[rule.term] = value;
    objective += problem.weights[rule.term] * value;
  }
  return { violations, violation, terms, objective };
}
