// The default solver: picks by size. Tiny programs go to the exact `mip` (javascript-lp-solver), small-to-medium
// ones to `highs` for part of the budget, everything else (and whatever the exact backend leaves unproven) to the
// local `search`. An exact claim ("optimal", "infeasible") is passed through unchanged; otherwise the reported
// bound is the better of the backend's and the cheap objectiveBound.
import type { Problem } from "../model/problem.js";
import { objectiveBound } from "./bounds.js";
import { highsSolver } from "./mip/highs.js";
import { mipRefusal, mipSolver } from "./mip/jslp.js";
import { evaluateAssignment } from "./search/full.js";
import { runSearch } from "./search/search.js";
import type { Solver, SolveOptions, SolveResult } from "./solver.js";

/** MIP size estimate: assignment variables plus one product variable per (affinity pair, panel). */
function mipSize(problem: Problem): number {
  return problem.participantCount * problem.panelCount + problem.affinities.length * problem.panelCount;
}

/** Largest programs handed to javascript-lp-solver, and to HiGHS (beyond that the search wins on time). */
const TINY_MIP_SIZE = 150;
const MEDIUM_MIP_SIZE = 30_000;
/** Share of the time budget HiGHS gets before the search takes over. */
const HIGHS_SHARE = 0.5;
/**
 * objectiveBound grows faster than linearly (15 s at 6,000 participants x 1,404 panels, measured): beyond this
 * many participant-panel cells auto reports no bound rather than spend the user's time limit on one.
 */
const BOUND_MAX_CELLS = 1_000_000;

export type AutoChoice = "mip" | "highs" | "search";

export function chooseSolver(problem: Problem): AutoChoice {
  const size = mipSize(problem);
  if (size <= TINY_MIP_SIZE && mipRefusal(problem) === null) return "mip";
  if (size <= MEDIUM_MIP_SIZE) return "highs";
  return "search";
}

export const autoSolver: Solver = {
  name: "auto",
  exact: true,
  async solve(problem: Problem, options: SolveOptions): Promise<SolveResult> {
    const started = performance.now();
    const cheapBound = problem.participantCount * problem.panelCount <= BOUND_MAX_CELLS ? objectiveBound(problem) : null;
    const choice = chooseSolver(problem);
    const withChoice = (result: SolveResult, chosen: string): SolveResult => ({
      ...result,
      stats: { ...result.stats, timeMs: performance.now() - started, raw: `auto: ${chosen}${result.stats.raw ? `; ${result.stats.raw}` : ""}` },
    });

    if (choice === "search") return withChoice(boundSearch(await runSearch(problem, options), cheapBound), "search");

    const exactSolver = choice === "mip" ? mipSolver : highsSolver;
    const exactBudget = choice === "mip" ? options.timeLimitMs : Math.round(options.timeLimitMs * HIGHS_SHARE);
    const exact = await exactSolver.solve(problem, { ...options, timeLimitMs: exactBudget });
    if (exact.status === "optimal" || exact.status === "infeasible") return withChoice(exact, choice);

    const remaining = options.timeLimitMs - (performance.now() - started);
    const bound = minBound(exact.bound, cheapBound);
    if (remaining < 100 || options.signal?.aborted === true) return withChoice(withBound(exact, bound), choice);
    // Not proven: let the search improve on the incumbent (or find one) with the time left.
    const searched = await runSearch(problem, { ...options, timeLimitMs: remaining, initial: exact.assignment ?? options.initial ?? null });
    const objective = (result: SolveResult) =>
      result.assignment === null ? Number.NEGATIVE_INFINITY : evaluateAssignment(problem, result.assignment).objective;
    if (searched.assignment !== null && objective(searched) >= objective(exact)) {
      return withChoice(withBound(searched, bound), `${choice}+search`);
    }
    return withChoice(withBound(exact, bound), `${choice}+search`);
  },
};

function minBound(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function withBound(result: SolveResult, bound: number | null): SolveResult {
  return result.status === "infeasible" ? result : { ...result, bound };
}

function boundSearch(result: SolveResult, bound: number | null): SolveResult {
  return withBound(result, bound);
}
