// Solver variants for the matrix. Each goes through solveProgram, so every objective in a report is the checker's
// score of a re-verified solution; progress events give the objective-over-time curves.
import { normalizeProgram } from "../src/model/normalize.js";
import type { Program } from "../src/model/schema.js";
import { solveProgram } from "../src/pipeline.js";
import { lpRelaxationBound, objectiveBound } from "../src/solvers/bounds.js";
import { SOLVER_NAMES, type SolverName } from "../src/solvers/solver.js";
import type { BenchRunner } from "./harness.js";

/**
 * Default size limits per solver in the matrix, so a full run stays within its time and memory budget: the HiGHS
 * model of a 6,000-person program takes far longer to build than any time limit (at 240 MDGP elements it already
 * needs 1.7 GB and twice its time limit). `mip` needs none: it refuses large models itself. `--all-cells` lifts them.
 */
export const DEFAULT_MAX_PARTICIPANTS: Partial<Record<SolverName, number>> = {
  highs: 1500,
};

export function solverRunner(name: SolverName, maxParticipants?: number): BenchRunner {
  return {
    name,
    ...(maxParticipants === undefined ? {} : { maxParticipants }),
    solve: (program, context) =>
      solveProgram(program, {
        solver: name,
        timeLimitMs: context.timeLimitMs,
        seed: context.seed,
        onProgress: context.onProgress,
      }),
  };
}

export function solverRunners(names: readonly SolverName[], limits: boolean): BenchRunner[] {
  return names.map((name) => solverRunner(name, limits ? DEFAULT_MAX_PARTICIPANTS[name] : undefined));
}

export const ALL_SOLVERS: readonly SolverName[] = SOLVER_NAMES;

/** Programs up to this size also get the LP relaxation bound (one HiGHS LP solve, outside any cell's time). */
export const LP_BOUND_MAX_PARTICIPANTS = 1500;

/**
 * The tightest static upper bound we can afford: objectiveBound, and for programs up to LP_BOUND_MAX_PARTICIPANTS
 * the panel model's LP relaxation, which is usually much tighter.
 */
export function staticBound(lpTimeLimitMs: number): (program: Program) => Promise<number | null> {
  return async (program) => {
    const problem = normalizeProgram(program);
    const bounds = [objectiveBound(problem)];
    if (program.participants.length <= LP_BOUND_MAX_PARTICIPANTS) {
      const lp = await lpRelaxationBound(problem, lpTimeLimitMs);
      if (lp !== null) bounds.push(lp);
    }
    const finite = bounds.filter((b) => Number.isFinite(b));
    return finite.length > 0 ? Math.min(...finite) : null;
  };
}
