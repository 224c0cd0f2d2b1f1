// Solver variants for the matrix. Each goes through solveProgram, so every objective in a report is the checker's
// score of a re-verified solution; progress events give the objective-over-time curves.
import { normalizeProgram } from "../src/model/normalize.js";
import type { Problem } from "../src/model/problem.js";
import type { Program } from "../src/model/schema.js";
import { solveProgram } from "../src/solve.js";
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

type BoundFunction = (problem: Problem) => number;

/**
 * objectiveBound from src/solvers/bounds.ts when that module provides it, loaded at run time so the harness works
 * (without static bounds) in a tree that does not have it.
 */
export async function loadObjectiveBound(): Promise<((program: Program) => number | null) | null> {
  const path = "../src/solvers/bounds.js";
  let mod: unknown;
  try {
    mod = await import(path);
  } catch {
    return null;
  }
  const fn = (mod as { objectiveBound?: unknown }).objectiveBound;
  if (typeof fn !== "function") return null;
  const bound = fn as BoundFunction;
  return (program) => {
    const value = bound(normalizeProgram(program));
    return typeof value === "number" && Number.isFinite(value) ? value : null;
  };
}
