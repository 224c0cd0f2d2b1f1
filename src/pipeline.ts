// solveProgram, the library's entry point for a solve: normalise the program once, solve and check it
// (src/solve.ts), then, when nothing was found and the caller asked, explain why (src/explain) with what is left of
// the same time limit. Solving never explains and explaining never solves through here, so neither imports the other
// in a circle: explanations ask their feasibility questions through src/solve.ts directly.
import { runNecessaryChecks } from "./explain/checks.js";
import { explainProgram } from "./explain/explain.js";
import type { Explanation } from "./explain/types.js";
import type { Problem } from "./model/problem.js";
import type { Program } from "./model/schema.js";
import type { Solution } from "./model/solution.js";
import { finishingReserveMs, prepareProgram, solveChecked, type PreparedProgram, type SolveCheckedOptions } from "./solve.js";
import { DEFAULT_SOLVE_OPTIONS } from "./solvers/solver.js";

export interface SolveProgramOptions extends SolveCheckedOptions {
  /**
   * Explain a solve that found nothing (DESIGN.md §5 `explanation`): always when the solver proved infeasibility,
   * and after a timeout when a counting check already proves it; within what is left of the time limit and at most
   * `timeLimitMs`. Off by default in the library (property tests solve thousands of infeasible programs); the CLI
   * turns it on. A checker-rejected answer (violations listed) is not explained: the program is not the cause.
   */
  readonly explain?: { readonly timeLimitMs: number } | null;
}

/** Solves a program (normalised here, once) and explains a failure when asked; `timeLimitMs` covers all of it. */
export async function solveProgram(program: Program, options: SolveProgramOptions = {}): Promise<Solution> {
  const started = performance.now();
  return solvePreparedAndExplain(prepareProgram(program, options), options, started);
}

/**
 * The same for a program its caller already normalised (the command line, which refuses an oversized "mip" solve
 * before it starts); `started` is when the caller's time limit began.
 */
export async function solvePreparedAndExplain(
  prepared: PreparedProgram,
  options: SolveProgramOptions = {},
  started = performance.now(),
): Promise<Solution> {
  const deadline = started + (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs);
  const solution = await solveChecked(prepared, { ...options, timeLimitMs: Math.max(0, deadline - performance.now()) });
  const timeMs = () => Math.round(performance.now() - started);
  const failed = (solution.status === "infeasible" || solution.status === "timeout") && solution.violations.length === 0;
  if (!failed || !options.explain || options.signal?.aborted === true) return { ...solution, stats: { ...solution.stats, timeMs: timeMs() } };
  // An explanation starts with counting checks that cannot be cut short (about six normalisations' worth of work:
  // 0.5 s at 6,000 participants unloaded), so it starts only when that much of the time limit is left.
  const { normalizeMs } = prepared;
  const explainMs = Math.min(options.explain.timeLimitMs, deadline - performance.now() - finishingReserveMs(prepared.problem, normalizeMs));
  const explanation =
    explainMs >= 6 * normalizeMs
      ? await explainFailure(prepared.program, solution.status as "infeasible" | "timeout", {
          timeLimitMs: explainMs,
          seed: options.seed ?? DEFAULT_SOLVE_OPTIONS.seed,
          signal: options.signal,
          problem: options.baseline == null && options.maxMoves === undefined ? prepared.problem : undefined,
        })
      : null;
  return { ...solution, explanation, stats: { ...solution.stats, timeMs: timeMs() } };
}

export interface ExplainFailureOptions {
  readonly timeLimitMs: number;
  readonly seed?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** The program already normalised without a baseline, when the caller has it (it is not normalised again). */
  readonly problem?: Problem | undefined;
}

/**
 * Why a solve found nothing: after a proof of infeasibility, the whole explanation; after a timeout, one only when a
 * counting check already proves there is nothing to find (null otherwise: the solver just ran out of time).
 */
export async function explainFailure(program: Program, status: "infeasible" | "timeout", options: ExplainFailureOptions): Promise<Explanation | null> {
  const checks = status === "timeout" ? runNecessaryChecks(program, options.problem) : null;
  if (checks !== null && checks.every((check) => check.ok)) return null;
  return explainProgram(program, {
    timeLimitMs: options.timeLimitMs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(status === "infeasible" ? { verdict: "infeasible" } : {}),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(checks === null ? {} : { checks }),
    ...(options.problem === undefined ? {} : { problem: options.problem }),
  });
}
