// The one place a Solution (DESIGN.md §5) is assembled: run the solver on the normalised program, translate indices
// back to ids, re-verify with the independent checker, score with the checker's scorer. A solution the checker
// rejects is never emitted as a solution: its panels are dropped and its violations kept for diagnosis. Nothing
// here explains a failure: src/pipeline.ts calls this, then src/explain on failure.
import { checkSolution } from "./check/check.js";
import { scoreSolution } from "./check/score.js";
import { NONE, type Assignment, type Problem } from "./model/problem.js";
import { normalizeProgram } from "./model/normalize.js";
import type { Program } from "./model/schema.js";
import type { Solution, SolutionPanel } from "./model/solution.js";
import { objectiveBound } from "./solvers/bounds.js";
import { SOLVERS } from "./solvers/registry.js";
import { DEFAULT_SOLVE_OPTIONS, type ProgressEvent, type SolverName } from "./solvers/solver.js";

export interface SolveCheckedOptions {
  readonly solver?: SolverName;
  /**
   * Wall clock for the whole call, in milliseconds: normalising, bounds, the solver, checking and scoring all fit
   * in it (default 60 s).
   */
  readonly timeLimitMs?: number;
  readonly seed?: number;
  /** Aborting returns at once with the best assignment found so far (checked as usual), and skips explanations. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** What-if re-solves: the published panels to stay close to, and an optional hard cap on moves. */
  readonly baseline?: readonly SolutionPanel[] | null;
  readonly maxMoves?: number;
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

/** A program normalised once for a solve (with its what-if baseline and move cap), and what normalising took. */
export interface PreparedProgram {
  readonly program: Program;
  readonly problem: Problem;
  readonly normalizeMs: number;
}

export function prepareProgram(program: Program, options: Pick<SolveCheckedOptions, "baseline" | "maxMoves"> = {}): PreparedProgram {
  const started = performance.now();
  const problem = normalizeProgram(program, { baseline: options.baseline ?? null, maxMoves: options.maxMoves });
  return { program, problem, normalizeMs: performance.now() - started };
}

/**
 * Runs the solver on a prepared program and checks its answer; `explanation` is always null here. The time limit
 * counts from this call: a caller that prepared the program first takes what that took off `timeLimitMs`.
 */
export async function solveChecked(prepared: PreparedProgram, options: SolveCheckedOptions = {}): Promise<Solution> {
  const started = performance.now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs);
  const { program, problem } = prepared;
  const reserve = finishingReserveMs(problem, prepared.normalizeMs);
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
    const stats = { ...result.stats, timeMs: timeMs() };
    return { ...base, status: result.status, objective: null, panels: [], violations: [], stats };
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
