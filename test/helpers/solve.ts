// Running solvers the way users do (solveProgram: normalise, solve, check, score) and asserting what every
// emitted solution owes the checker. Time limits are short: properties run hundreds of tiny programs.
import { expect } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { scoreSolution } from "../../src/check/score.js";
import type { Program } from "../../src/model/schema.js";
import type { Solution } from "../../src/model/solution.js";
import { solveProgram } from "../../src/pipeline.js";
import type { SolverName } from "../../src/solvers/solver.js";
import { allBreaches } from "./rules.js";

/** Per-solver time limits for tiny and small programs: exact solvers must finish well within theirs. */
export const TIME_LIMIT_MS: Readonly<Record<SolverName, number>> = {
  mip: 10_000,
  highs: 10_000,
  greedy: 1_000,
  search: 150,
  auto: 2_000,
};

export async function solveWith(program: Program, solver: SolverName, timeLimitMs = TIME_LIMIT_MS[solver], seed = 1): Promise<Solution> {
  return solveProgram(program, { solver, timeLimitMs, seed });
}

/** A compact account of a solution for assertion messages. */
export function describeSolution(solution: Solution): string {
  return JSON.stringify({
    solver: solution.solver,
    status: solution.status,
    objective: solution.objective,
    panels: solution.panels,
    violations: solution.violations,
    rejected: solution.stats["rejected"],
  });
}

/**
 * What every solution owes: no violations (solveProgram reports a rejected one as "timeout" with its
 * violations), panels only with a solution, every program panel listed, a clean re-check by both the checker
 * and the plain rules, and the objective the checker's scorer gives.
 */
export function expectSound(program: Program, solution: Solution): void {
  const context = `${describeSolution(solution)}\nprogram: ${JSON.stringify(program)}`;
  expect(solution.violations, context).toEqual([]);
  expect(solution.stats["rejected"], context).toBeUndefined();
  if (solution.status === "optimal" || solution.status === "feasible") {
    expect(solution.panels.map((p) => p.id).sort(), context).toEqual(program.panels.map((p) => p.id).sort());
    expect(checkSolution(program, solution.panels), context).toEqual([]);
    expect(allBreaches(program, solution.panels), context).toEqual([]);
    expect(solution.objective, context).not.toBeNull();
    expect(solution.objective!.total, context).toBeCloseTo(scoreSolution(program, solution.panels).total, 6);
    if (solution.bound !== null) expect(solution.bound + 1e-6, context).toBeGreaterThanOrEqual(solution.objective!.total);
  } else {
    expect(solution.panels, context).toEqual([]);
    expect(solution.objective, context).toBeNull();
  }
}

export function total(solution: Solution): number | null {
  return solution.objective?.total ?? null;
}
