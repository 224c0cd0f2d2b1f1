// The one place a Solution (DESIGN.md §5) is assembled: normalise, run the solver, translate indices back to ids,
// re-verify with the independent checker, score with the checker's scorer. A solution the checker rejects is
// never emitted as a solution: its panels are dropped and its violations kept for diagnosis.
import { checkSolution } from "./check/check.js";
import { scoreSolution } from "./check/score.js";
import { NONE, type Assignment, type Problem } from "./model/problem.js";
import { normalizeProgram } from "./model/normalize.js";
import type { Program } from "./model/schema.js";
import type { Solution, SolutionPanel } from "./model/solution.js";
import { SOLVERS } from "./solvers/registry.js";
import { DEFAULT_SOLVE_OPTIONS, type ProgressEvent, type SolverName } from "./solvers/solver.js";

export interface SolveProgramOptions {
  readonly solver?: SolverName;
  readonly timeLimitMs?: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** What-if re-solves: the published panels to stay close to, and an optional hard cap on moves. */
  readonly baseline?: readonly SolutionPanel[] | null;
  readonly maxMoves?: number;
}

export async function solveProgram(program: Program, options: SolveProgramOptions = {}): Promise<Solution> {
  const started = performance.now();
  const problem = normalizeProgram(program, { baseline: options.baseline ?? null, maxMoves: options.maxMoves });
  const solverName = options.solver ?? "auto";
  const seed = options.seed ?? DEFAULT_SOLVE_OPTIONS.seed;
  const result = await SOLVERS[solverName].solve(problem, {
    timeLimitMs: options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs,
    seed,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const stats = { ...result.stats, timeMs: Math.round(performance.now() - started) };
  const base = { solver: solverName, seed, bound: result.bound, explanation: null, stats };

  if (result.assignment === null) {
    return { ...base, status: result.status, objective: null, panels: [], violations: [] };
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
      stats: { ...stats, rejected: `the checker found ${violations.length} violation(s) in the ${solverName} result` },
    };
  }
  const objective = scoreSolution(program, panels, options.baseline ?? null);
  return { ...base, status: result.status, objective, panels, violations: [] };
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
