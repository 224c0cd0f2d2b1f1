// One interface for every solver variant (DESIGN.md §6). Expected outcomes (infeasible, timeout) are results,
// never exceptions; only an exact solver may claim "optimal" or "infeasible".
import type { Assignment, Problem } from "../model/problem.js";

export const SOLVER_NAMES = ["mip", "highs", "greedy", "search", "auto"] as const;
export type SolverName = (typeof SOLVER_NAMES)[number];

export interface ProgressEvent {
  readonly elapsedMs: number;
  /** Objective of the best feasible assignment so far (the solver's own score, before the checker). */
  readonly objective: number;
  readonly bound?: number | null;
}

export interface SolveOptions {
  readonly timeLimitMs: number;
  readonly seed: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** A feasible assignment to start from (warm start) or stay close to (what-if re-solves). */
  readonly initial?: Assignment | null;
  /**
   * Threads a solver may start beside its own for side work such as a bound (default: one less than the cores).
   * What-if runs that already use every core for scenarios pass 0.
   */
  readonly helperThreads?: number;
}

export const DEFAULT_SOLVE_OPTIONS: Required<Omit<SolveOptions, "signal" | "onProgress" | "initial" | "helperThreads">> = {
  timeLimitMs: 60_000,
  seed: 1,
};

export interface SolveStats {
  readonly timeMs: number;
  /** Time at which the returned assignment was first found. */
  readonly timeToBestMs?: number;
  readonly iterations?: number;
  /** The solver's own objective of the returned assignment, when it computed one (saves a re-evaluation). */
  readonly objective?: number;
  /** Backend status or note, kept for diagnosis only. */
  readonly raw?: string;
  readonly [key: string]: unknown;
}

export type SolveResult =
  | {
      readonly status: "optimal" | "feasible";
      readonly assignment: Assignment;
      /** Best proven upper bound on the total objective, or null. */
      readonly bound: number | null;
      readonly stats: SolveStats;
    }
  | { readonly status: "infeasible"; readonly assignment: null; readonly bound: null; readonly stats: SolveStats }
  | { readonly status: "timeout"; readonly assignment: null; readonly bound: number | null; readonly stats: SolveStats };

export interface Solver {
  readonly name: SolverName;
  /** May it claim "optimal" or "infeasible"? */
  readonly exact: boolean;
  solve(problem: Problem, options: SolveOptions): Promise<SolveResult>;
}
