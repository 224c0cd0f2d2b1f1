// The default solver: picks and combines by size (measured, see README "Solvers").
// - tiny programs (javascript-lp-solver accepts them): `mip` usually proves optimality in well under a second; when
//   it stalls, the rest of the budget goes to the small-program path below;
// - small programs: `search` first for a quick incumbent, then `highs` warm-started from it with the rest of the
//   budget, to prove optimality or at least report its dual bound;
// - everything else: `search` (at 300 participants HiGHS spends a minute in its root node and its incumbents trail
//   the search's), with HiGHS's LP relaxation solved on a spare core beside it where that fits, else the counting
//   bound, so the result carries a gap; the search stops early when it reaches the bound.
// An exact claim ("optimal", "infeasible") is passed through unchanged; otherwise the reported bound is the better
// of the backend's, the LP relaxation's and objectiveBound, and an answer that reaches it is optimal.
import { availableParallelism } from "node:os";
import type { Problem } from "../model/problem.js";
import { lpRelaxationBound, objectiveBound } from "./bounds.js";
import { lagrangianBoundInWorker } from "./lagrangian/beside.js";
import { highsSolver } from "./mip/highs.js";
import { mipRefusal, mipSolver } from "./mip/jslp.js";
import { evaluateAssignment } from "./search/full.js";
import { isPureGrouping } from "./search/grouping.js";
import { runSearch } from "./search/search.js";
import type { Solver, SolveOptions, SolveResult } from "./solver.js";

/**
 * Which local search engine a program gets, decided here for auto and the "search" solver alike: pure grouping
 * programs (MDGP: everyone presents once, only size rules and affinity; see isPureGrouping) the grouping engine of
 * search/grouping.ts, everything else LAHC.
 */
export function usesGroupingEngine(problem: Problem): boolean {
  return isPureGrouping(problem);
}

export const searchSolver: Solver = {
  name: "search",
  exact: false,
  solve: (problem, options) => runSearch(problem, { ...options, grouping: usesGroupingEngine(problem) }),
};

const cellCount = (problem: Problem) => problem.participantCount * problem.panelCount;

/**
 * Largest programs (MIP size: participant-panel cells plus affinity pairs x panels) whose LP relaxation bound auto
 * computes beside the search. Measured on generated conventions (model build + HiGHS interior point, this
 * machine): 300 participants (21,000 cells) 7 s, bound 833 against the counting bound's 1,362 (search: 824); 400
 * (37,200 cells) 16 s, 1,112 against 1,789;
 * 600 (84,000 cells) 59 s; 1,500 (526,500 cells) unfinished after 200 s at 4.4 GB. The model is built on the main
 * thread before the search starts: 0.6 s at 21,000 cells, 2.3 s at 84,000. Dense affinities are far beyond it (MDGP
 * n = 240: 344,000 affinity products; when the limit counted cells only, auto built that model and reached 0.43%
 * below the best known on RanReal n240 ds_01 at 20 s where search alone reached 0.28%).
 */
const LP_BOUND_MAX_SIZE = 60_000;

/**
 * Time the LP relaxation bound needs per unit of MIP size, building included (measured above: 7 s at 21,000, 16 s
 * at 37,200, plus the build on this thread), rounded up for a loaded machine. A budget below it cannot pay for the
 * bound, and its model build alone (1.6-2.1 s at 400 participants) held the search back: `--time-limit 1` on the
 * 400-participant convention took 4-10 s.
 */
const LP_BOUND_MS_PER_SIZE = 0.5;

/**
 * Does auto solve the LP relaxation beside the search? Only on a spare thread, only where it finishes in time, and
 * only when the budget can pay for it (else the Lagrangian bound takes the spare thread).
 */
export function solvesLpBoundBeside(problem: Problem, helperThreads: number, budgetMs = Number.POSITIVE_INFINITY): boolean {
  const size = mipSize(problem);
  return helperThreads > 0 && size <= LP_BOUND_MAX_SIZE && budgetMs >= size * LP_BOUND_MS_PER_SIZE;
}

/** MIP size estimate: assignment variables plus one product variable per (affinity pair, panel). */
function mipSize(problem: Problem): number {
  return problem.participantCount * problem.panelCount + problem.affinities.length * problem.panelCount;
}

/**
 * Largest programs handed to javascript-lp-solver, and to HiGHS after the search (measured with the tightened
 * dialogue rows: HiGHS proves generated conventions of 120 and 200 participants, about 2,800 and 9,200 cells, in
 * 12-27 s; at 300 its root bound stalls).
 */
const TINY_MIP_SIZE = 150;
const SMALL_MIP_SIZE = 10_000;
/** Share of the budget javascript-lp-solver gets on tiny programs before search and HiGHS take over. */
const MIP_SHARE = 0.3;
/**
 * The search before HiGHS only provides a warm start, and HiGHS's proof hardly depends on how good it is: at a 60 s
 * limit the sample (840 cells) was proven in 15.5 s after a 15 s search, in 1.4 s after a 1 s one; generated 120
 * participants (3,480 cells) in 20.9 s vs 6.4 s; 200 participants (9,400 cells) in 17.3 s after 1 s, 20.1 s after
 * 3 s. So the search gets 1 s plus 0.1 ms per participant-panel cell, at most a quarter of the budget.
 */
const SEARCH_FIRST_SHARE = 0.25;
const SEARCH_FIRST_BASE_MS = 1000;
const SEARCH_FIRST_MS_PER_CELL = 0.1;

export type AutoChoice = "mip" | "search+highs" | "search";

export function chooseSolver(problem: Problem): AutoChoice {
  const size = mipSize(problem);
  if (size <= TINY_MIP_SIZE && mipRefusal(problem) === null) return "mip";
  if (size <= SMALL_MIP_SIZE) return "search+highs";
  return "search";
}

export const autoSolver: Solver = {
  name: "auto",
  exact: true,
  async solve(problem: Problem, options: SolveOptions): Promise<SolveResult> {
    const started = performance.now();
    const cheapBound = objectiveBound(problem);
    const choice = chooseSolver(problem);
    const grouping = usesGroupingEngine(problem);
    const remaining = () => options.timeLimitMs - (performance.now() - started);
    const label = (result: SolveResult, chosen: string): SolveResult => ({
      ...result,
      stats: { ...result.stats, timeMs: performance.now() - started, raw: `auto: ${chosen}${result.stats.raw ? `; ${result.stats.raw}` : ""}` },
    });
    const objective = (result: SolveResult) =>
      result.assignment === null
        ? Number.NEGATIVE_INFINITY
        : (result.stats.objective ?? evaluateAssignment(problem, result.assignment).objective);
    // A feasible assignment that reaches a proven upper bound is optimal, whichever solver found it.
    const settle = (result: SolveResult, bound: number | null): SolveResult => {
      const bounded = withBound(result, bound);
      if (bounded.status !== "feasible" || bound === null || objective(bounded) < bound - 1e-6) return bounded;
      return { ...bounded, status: "optimal" };
    };

    if (choice === "search") {
      // HiGHS solves the LP relaxation on a spare core while the search runs: a far tighter bound than the
      // counting one where it finishes in time (see LP_BOUND_MAX_SIZE). Its model is built on this thread first.
      const stopBound = new AbortController();
      const onAbort = () => stopBound.abort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      try {
        const spare = options.helperThreads ?? availableParallelism() - 1;
        let lpKnown = Number.POSITIVE_INFINITY;
        const lpBeside = solvesLpBoundBeside(problem, spare, remaining());
        const lp = lpBeside ? lpRelaxationBound(problem, remaining(), stopBound.signal) : Promise.resolve(null);
        void lp.then((value) => {
          if (value !== null) lpKnown = value;
        });
        // Beyond the LP relaxation's reach, the Lagrangian bound takes the spare core (src/solvers/lagrangian).
        let lagrangianKnown = Number.POSITIVE_INFINITY;
        const lagrangian =
          !lpBeside && spare > 0
            ? lagrangianBoundInWorker(problem, { timeLimitMs: remaining(), signal: stopBound.signal, onBound: (value) => (lagrangianKnown = value) })
            : Promise.resolve(null);
        // The search stops once it reaches a bound, as soon as that arrives: its answer is then proven optimal.
        const searched = await runSearch(problem, { ...options, timeLimitMs: remaining(), grouping, ceiling: () => Math.min(cheapBound, lpKnown, lagrangianKnown) });
        stopBound.abort();
        const lpBound = await lp;
        const lagrangianBound = await lagrangian;
        // An infeasible relaxation proves the program infeasible.
        if ((lpBound === Number.NEGATIVE_INFINITY || lagrangianBound === Number.NEGATIVE_INFINITY) && searched.assignment === null) {
          return label({ status: "infeasible", assignment: null, bound: null, stats: searched.stats }, "search, relaxation infeasible");
        }
        const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY);
        const bound = Math.min(cheapBound, finite(lpBound), finite(lagrangianBound));
        const source = bound === cheapBound ? "search" : bound === lagrangianBound ? "search, Lagrangian bound" : "search, LP relaxation bound";
        return label(settle(searched, bound), source);
      } finally {
        stopBound.abort();
        options.signal?.removeEventListener("abort", onAbort);
      }
    }

    let tried = "";
    if (choice === "mip") {
      // javascript-lp-solver either answers tiny programs at once or stalls in one node: give it a slice, then HiGHS.
      const exact = await mipSolver.solve(problem, { ...options, timeLimitMs: Math.round(remaining() * MIP_SHARE) });
      if (exact.status === "optimal" || exact.status === "infeasible") return label(exact, "mip");
      if (remaining() < 100 || options.signal?.aborted === true) return label(withBound(exact, minBound(exact.bound, cheapBound)), "mip");
      tried = "mip+";
    }

    const searchFirstMs = Math.min(Math.round(remaining() * SEARCH_FIRST_SHARE), SEARCH_FIRST_BASE_MS + cellCount(problem) * SEARCH_FIRST_MS_PER_CELL);
    const searched = await runSearch(problem, { ...options, timeLimitMs: searchFirstMs, grouping, ceiling: cheapBound });
    const reached = settle(searched, cheapBound);
    if (reached.status === "optimal" || remaining() < 100 || options.signal?.aborted === true) return label(reached, `${tried}search`);
    const exact = await highsSolver.solve(problem, {
      ...options,
      timeLimitMs: remaining(),
      initial: searched.assignment ?? options.initial ?? null,
    });
    if (exact.status === "optimal" || exact.status === "infeasible") return label(exact, `${tried}search+highs`);
    const best = objective(exact) > objective(searched) ? exact : searched;
    return label(settle(best, minBound(exact.bound, cheapBound)), `${tried}search+highs`);
  },
};

function minBound(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function withBound(result: SolveResult, bound: number | null): SolveResult {
  return result.status === "infeasible" ? result : { ...result, bound };
}
