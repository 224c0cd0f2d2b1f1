// The one place a Solution (DESIGN.md §5) is assembled: normalise, run the solver, translate indices back to ids,
// re-verify with the independent checker, score with the checker's scorer. A solution the checker rejects is
// never emitted as a solution: its panels are dropped and its violations kept for diagnosis.
import { checkSolution } from "./check/check.js";
import { runNecessaryChecks } from "./explain/checks.js";
import { explainProgram } from "./explain/explain.js";
import type { Explanation } from "./explain/types.js";
import { scoreSolution } from "./check/score.js";
import { NONE, type Assignment, type Problem } from "./model/problem.js";
import { normalizeProgram } from "./model/normalize.js";
import type { Program } from "./model/schema.js";
import type { Solution, SolutionPanel } from "./model/solution.js";
import { objectiveBound } from "./solvers/bounds.js";
import { SOLVERS } from "./solvers/registry.js";
import { DEFAULT_SOLVE_OPTIONS, type ProgressEvent, type SolverName } from "./solvers/solver.js";

export interface SolveProgramOptions {
  readonly solver?: SolverName;
  /**
   * Wall clock for the whole call, in milliseconds: normalising, bounds, the solver, checking, scoring and any
   * explanation all fit in it (default 60 s).
   */
  readonly timeLimitMs?: number;
  readonly seed?: number;
  /** Aborting returns at once with the best assignment found so far (checked as usual), and skips explanations. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** What-if re-solves: the published panels to stay close to, and an optional hard cap on moves. */
  readonly baseline?: readonly SolutionPanel[] | null;
  readonly maxMoves?: number;
  /**
   * Explain a solve that found nothing (DESIGN.md §5 `explanation`): always when the solver proved infeasibility,
   * and after a timeout when a counting check already proves it; within what is left of the time limit and at most
   * `timeLimitMs`. Off by default in the library (property tests solve thousands of infeasible programs); the CLI
   * turns it on.
   */
  readonly explain?: { readonly timeLimitMs: number } | null;
  /** See SolveOptions.helperThreads. */
  readonly helperThreads?: number;
}

/**
 * Time kept back from the solver for what follows it: translating, checking and scoring the answer. That work grows
 * linearly with the program and slows down with the machine's load, so the reserve is the larger of a size estimate
 * (0.74 s at 6,000 participants, where checking and scoring took 0.42 s at load 8 on 2 cores) and three times what
 * normalising this very program just took (checking and scoring took 1.6 to 2.8 times as long as normalising at
 * 6,000 participants, at loads 7 to 11).
 */
export function finishingReserveMs(problem: Problem, normalizeMs: number): number {
  return Math.max(20 + 0.12 * problem.participantCount, 3 * normalizeMs);
}

export async function solveProgram(program: Program, options: SolveProgramOptions = {}): Promise<Solution> {
  const started = performance.now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs);
  const problem = normalizeProgram(program, { baseline: options.baseline ?? null, maxMoves: options.maxMoves });
  const normalizeMs = performance.now() - started;
  const reserve = finishingReserveMs(problem, normalizeMs);
  const solverName = options.solver ?? "auto";
  const seed = options.seed ?? DEFAULT_SOLVE_OPTIONS.seed;
  const result = await SOLVERS[solverName].solve(problem, {
    timeLimitMs: Math.max(0, deadline - performance.now() - reserve),
    seed,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.helperThreads === undefined ? {} : { helperThreads: options.helperThreads }),
  });
  // Every solve that found something reports the best bound it knows, so a heuristic's answer carries a gap.
  const bound = result.status === "infeasible" ? null : (result.bound ?? (result.assignment === null ? null : objectiveBound(problem)));
  const timeMs = () => Math.round(performance.now() - started);
  const base = { solver: solverName, seed, bound, explanation: null };

  if (result.assignment === null) {
    // An explanation starts with counting checks that cannot be cut short (about six normalisations' worth of
    // work: 0.5 s at 6,000 participants unloaded), so it starts only when that much of the time limit is left.
    const explainMs = Math.min(options.explain?.timeLimitMs ?? 0, deadline - performance.now() - reserve);
    const explanation =
      options.explain && options.signal?.aborted !== true && explainMs >= 6 * normalizeMs
        ? await explainFailure(program, result.status, explainMs, seed, options.signal)
        : null;
    const stats = { ...result.stats, timeMs: timeMs() };
    return { ...base, status: result.status, objective: null, panels: [], violations: [], explanation, stats };
  }
  const panels = assignmentToPanels(problem, result.assignment);
  const violations = checkSolution(program, panels);
  if (violations.length > 0) {
    return {
      ...base,
      status: "timeout",
      objective: null,
      panels: [],
      violations,
      stats: { ...result.stats, timeMs: timeMs(), rejected: `the checker found ${violations.length} violation(s) in the ${solverName} result` },
    };
  }
  const objective = scoreSolution(program, panels, options.baseline ?? null);
  return { ...base, status: result.status, objective, panels, violations: [], stats: { ...result.stats, timeMs: timeMs() } };
}

async function explainFailure(
  program: Program,
  status: "infeasible" | "timeout",
  timeLimitMs: number,
  seed: number,
  signal: AbortSignal | undefined,
): Promise<Explanation | null> {
  if (status === "timeout" && runNecessaryChecks(program).every((check) => check.ok)) return null;
  return explainProgram(program, {
    timeLimitMs,
    seed,
    ...(status === "infeasible" ? { verdict: "infeasible" } : {}),
    ...(signal === undefined ? {} : { signal }),
  });
}

export function assignmentToPanels(problem: Problem, assignment: Assignment): SolutionPanel[] {
  const id = (i: number) => (i === NONE ? null : problem.participantIds[i]!);
  return assignment.panels.map((roster, p) => {
    const slot = problem.slotByPanel[p]!;
    return {
      id: problem.panelIds[p]!,
      slot: slot === NONE ? null : problem.slotIds[slot]!,
      presenters: roster.presenters.map((i) => problem.participantIds[i]!),
      chair: id(roster.chair),
      discussant: id(roster.discussant),
    };
  });
}
