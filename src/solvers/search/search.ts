// Local search: late acceptance hill climbing (LAHC, Burke & Bykov 2017) over a penalised score
// (objective - sum of adaptive weight x violation), with iterated-local-search kicks from the best solution when
// the current score stagnates. Pure grouping programs (MDGP) go to the memetic search of grouping.ts instead.
//
// Why, by measurement:
// - LAHC needs only the delta of one random move, which the counters give in O(panel size), so it scales to
//   6,000 participants x 1,400 panels, where a full-neighbourhood tabu scan per step would not. Its one parameter,
//   the history length L, was measured on a generated 6,000-participant convention at 20 s (~1M moves):
//   L = 1, 10, 50, 200, 2000 reached 16471, 16372, 15544, 14831, 14695 (greedy start 14659). So L follows the
//   iteration budget (historyLengthFor): at convention size it is near 1, i.e. hill climbing that accepts equal
//   moves, and the kicks provide the diversification; small programs with many moves per participant get more.
// - On MDGP (dense affinities, only size rules) random-move LAHC stayed 1.2-5% below the best known values of
//   RanReal n = 120 at 5-10 s, whereas the memetic search over a gain-table tabu search reaches 0-0.35% at 30 s.
import type { Assignment, Problem } from "../../model/problem.js";
import type { Solver, SolveOptions, SolveResult, SolveStats } from "../solver.js";
import { construct } from "../greedy/greedy.js";
import { Evaluator } from "./evaluator.js";
import { isPureGrouping, runGrouping } from "./grouping.js";
import { drawReassign, drawRelocate, drawRepair, drawRosterSwap, drawSwap, Move, MoveContext } from "./moves.js";
import { createRandom } from "./random.js";
import { ROLE_CHAIR, ROLE_DISCUSSANT, SearchState } from "./state.js";

export interface SearchOptions extends SolveOptions {
  /** Stop after this many move draws: makes a run reproducible regardless of machine speed. */
  readonly maxIterations?: number;
  /** LAHC history length; by default it follows the iteration budget. */
  readonly historyLength?: number;
  /**
   * A proven upper bound on the objective, or a function giving the best one known so far (a bound computed beside
   * the search may arrive later): the search stops as soon as it holds a feasible assignment reaching it. Without
   * one, a program whose objective weights are all 0 (a feasibility question, as explanations ask) stops at its
   * first feasible assignment.
   */
  readonly ceiling?: number | (() => number);
}

export const searchSolver: Solver = {
  name: "search",
  exact: false,
  solve: (problem, options) => runSearch(problem, options),
};

const KIND_RELOCATE = 0;
const KIND_SWAP = 1;
const KIND_CHAIR = 2;
const KIND_DISCUSSANT = 3;
const KIND_ROSTER = 4;

/** Iterations between checks of the clock, the abort signal and the penalty weights. */
const CHECK_EVERY = 1024;
const ADAPT_EVERY = 4096;
/** Yield to the event loop this often so an AbortSignal (Ctrl-C) can be delivered. */
const YIELD_EVERY_MS = 50;

export async function runSearch(problem: Problem, options: SearchOptions): Promise<SolveResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const deadline = options.timeLimitMs;
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const given = options.ceiling ?? (Object.values(problem.weights).every((w) => w === 0) ? 0 : Number.POSITIVE_INFINITY);
  const ceiling = typeof given === "number" ? () => given : given;
  const random = createRandom(options.seed);
  const state = new SearchState(problem);
  construct(state, random, options.initial ?? problem.baseline);
  const context = new MoveContext(state);
  const move = new Move();
  const mix = moveMix(context);
  const evaluator = new Evaluator(state);

  const draw = (): boolean => {
    // A third of the draws aim at a violated panel, participant or group while there are any.
    if (random.next() < 0.33) {
      const scope = random.int(3);
      const violated = evaluator.violated[scope]!;
      if (violated.size > 0) return drawRepair(context, move, random, scope, violated.items[random.int(violated.size)]!);
    }
    const u = random.next();
    let kind = 0;
    while (kind < mix.length - 1 && u >= mix[kind]!) kind++;
    switch (kind) {
      case KIND_RELOCATE:
        return drawRelocate(context, move, random);
      case KIND_SWAP:
        return drawSwap(context, move, random);
      case KIND_CHAIR:
        return drawReassign(context, move, random, ROLE_CHAIR);
      case KIND_DISCUSSANT:
        return drawReassign(context, move, random, ROLE_DISCUSSANT);
      case KIND_ROSTER:
        return drawRosterSwap(context, move, random);
      default:
        throw new Error(`unknown move kind ${kind}`);
    }
  };

  // Penalty weights start at the typical size of an objective change, so a unit of violation is never cheap.
  const baseWeight = typicalObjectiveDelta(evaluator, draw, move);
  for (let r = 0; r < evaluator.rules.length; r++) if (evaluator.isHard[r] === 1) evaluator.weights[r] = baseWeight;

  let best: Assignment | null = null;
  let bestObjective = Number.NEGATIVE_INFINITY;
  let bestFoundMs = 0;
  let bestUnsaved = false;
  let lastProgressMs = -Infinity;
  const report = (force: boolean) => {
    if (options.onProgress === undefined || bestObjective === Number.NEGATIVE_INFINITY) return;
    const now = elapsed();
    if (!force && now - lastProgressMs < 200) return;
    lastProgressMs = now;
    options.onProgress({ elapsedMs: now, objective: bestObjective, bound: null });
  };
  const saveBest = () => {
    best = state.toAssignment();
    bestUnsaved = false;
  };
  const noteCurrent = () => {
    if (!evaluator.isFeasible()) return;
    const objective = evaluator.objective();
    if (objective > bestObjective + 1e-9) {
      const isFirst = bestObjective === Number.NEGATIVE_INFINITY;
      bestObjective = objective;
      bestFoundMs = elapsed();
      bestUnsaved = true;
      // The first feasible assignment is news at once (a Ctrl-C now has something to write); later ones are paced.
      if (isFirst) report(true);
    }
  };

  // Pure grouping programs (MDGP) go to the dedicated engine of grouping.ts (TPSDP over a pruned descent).
  if (isPureGrouping(state) && evaluator.isFeasible()) {
    let lastYield = elapsed();
    const grouping = await runGrouping(state, {
      random,
      // The engine's schedules follow the budget: the iteration limit when given, else the clock.
      progress: (iteration) => (options.maxIterations === undefined ? elapsed() / deadline : iteration / maxIterations),
      shouldStop: async (iteration) => {
        // Reaching a proven bound (a ceiling given by auto) proves the answer optimal: nothing left to search.
        if (iteration >= maxIterations || isAborted(options.signal) || bestObjective >= ceiling() - 1e-9) return true;
        const now = elapsed();
        if (options.maxIterations === undefined && now >= deadline) return true;
        if (now - lastYield >= YIELD_EVERY_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = elapsed();
        }
        return isAborted(options.signal);
      },
      onImprove: (objective) => {
        bestObjective = objective;
        bestFoundMs = elapsed();
        if (options.onProgress !== undefined && elapsed() - lastProgressMs >= 200) {
          lastProgressMs = elapsed();
          options.onProgress({ elapsedMs: lastProgressMs, objective, bound: null });
        }
      },
    });
    if (grouping !== null) {
      const stats = { timeMs: elapsed(), timeToBestMs: bestFoundMs, iterations: grouping.iterations, moves: grouping.moves };
      return finish(grouping.assignment, grouping.objective, stats, options);
    }
  }

  // LAHC history length from the iteration budget: measured on a 6,000-participant convention (20 s, ~1M
  // iterations) L = 1, 10, 50, 200, 2000 gave 16471, 16372, 15544, 14831, 14695: a long history only pays when
  // there are iterations to spend on it. Without an iteration limit the budget is estimated after a short run.
  const fixedLength = options.historyLength;
  let historyLength = fixedLength ?? (Number.isFinite(maxIterations) ? historyLengthFor(problem, maxIterations) : 1);
  let history = new Float64Array(historyLength);
  let lengthSettled = fixedLength !== undefined || Number.isFinite(maxIterations);
  let current = evaluator.score();
  history.fill(current);
  noteCurrent();
  if (bestUnsaved) saveBest();
  // Kick when the current score has not risen for this long: LAHC alone never leaves a state whose neighbours
  // are all worse once its history has caught up (and adaptive weights cannot help when the way out loses
  // objective without touching a violation).
  let stagnation = stagnationFor(problem, historyLength);
  let peak = current;
  let sincePeak = 0;
  let iteration = 0;
  let lastYield = elapsed();
  const loopStarted = elapsed();

  while (iteration < maxIterations) {
    iteration++;
    sincePeak++;
    if (iteration % CHECK_EVERY === 0) {
      if (isAborted(options.signal) || bestObjective >= ceiling() - 1e-9) break;
      const now = elapsed();
      if (options.maxIterations === undefined && now >= deadline) break;
      if (now - lastYield >= YIELD_EVERY_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = elapsed();
        if (isAborted(options.signal)) break;
      }
      report(false);
      if (!lengthSettled && now - loopStarted >= Math.min(1000, deadline / 10)) {
        lengthSettled = true;
        historyLength = historyLengthFor(problem, (iteration / Math.max(1, now - loopStarted)) * (deadline - now));
        history = new Float64Array(historyLength).fill(current);
        stagnation = stagnationFor(problem, historyLength);
      }
      if (iteration % ADAPT_EVERY === 0 && adaptWeights(evaluator, baseWeight)) {
        // Shift the history with the score, so re-weighting never lowers the acceptance bar by itself.
        const shift = evaluator.score() - current;
        for (let k = 0; k < historyLength; k++) history[k]! += shift;
        current += shift;
        peak += shift;
      }
      if (sincePeak > stagnation) {
        // Iterated local search: restart from the best (or stay) with a random kick, LAHC's memory refreshed.
        if (bestUnsaved) saveBest();
        if (best !== null) {
          state.load(best);
        } else {
          // Stuck before any feasible state: a fresh randomised construction diversifies more than a kick can.
          construct(state, random);
        }
        evaluator.recompute();
        kick(evaluator, draw, move, Math.max(3, Math.min(50, Math.round(problem.participantCount / 40))));
        noteCurrent();
        if (bestUnsaved) saveBest();
        current = evaluator.score();
        history.fill(current);
        peak = current;
        sincePeak = 0;
      }
    }
    if (!draw()) continue;
    const delta = evaluator.tryMove(move);
    const candidate = current + delta;
    const v = iteration % historyLength;
    if (delta >= 0 || candidate >= history[v]!) {
      if (bestUnsaved && (delta < 0 || evaluator.lastPenaltyDelta > 0 || evaluator.lastObjectiveDelta < 0)) {
        // Leaving the best solution: keep a copy of it first.
        evaluator.rollback();
        saveBest();
        evaluator.tryMove(move);
      }
      evaluator.commit();
      current = candidate;
      if (current > peak + 1e-9) {
        peak = current;
        sincePeak = 0;
      }
      // A move that removes violation can make the state feasible even when its weighted delta is not positive.
      if (delta > 0 || evaluator.lastObjectiveDelta > 0 || evaluator.lastPenaltyDelta < 0) noteCurrent();
    } else {
      evaluator.rollback();
    }
    if (current > history[v]!) history[v] = current;
  }
  noteCurrent();
  if (bestUnsaved) saveBest();

  const timeMs = elapsed();
  const stats = { timeMs, timeToBestMs: bestFoundMs, iterations: iteration };
  if (best === null) {
    const raw = Object.entries(evaluator.violationsByRule())
      .map(([code, amount]) => `${code}: ${amount}`)
      .join(", ");
    return { status: "timeout", assignment: null, bound: null, stats: { ...stats, raw: `no feasible assignment found (${raw})` } };
  }
  return finish(best, bestObjective, stats, options);
}

/**
 * The best assignment with the objective its counters gave. No full re-evaluation here (0.1-0.4 s at 6,000
 * participants, inside the time limit): the counters are held against the full evaluation by property tests, and
 * solveProgram re-verifies every answer with the independent checker before emitting it.
 */
function finish(assignment: Assignment, objective: number, stats: SolveStats, options: SearchOptions): SolveResult {
  options.onProgress?.({ elapsedMs: stats.timeMs, objective, bound: null });
  return { status: "feasible", assignment, bound: null, stats: { ...stats, objective } };
}

/** Cumulative probabilities of the move kinds that exist for this problem. */
function moveMix(context: MoveContext): number[] {
  const raw = [
    context.movablePresenters.length > 0 ? 0.4 : 0,
    context.movablePresenters.length > 1 ? 0.45 : 0,
    context.chairPanels.length > 0 && context.chairCandidates.length > 0 ? 0.1 : 0,
    context.discussantPanels.length > 0 && context.discussantCandidates.length > 0 ? 0.07 : 0,
    context.hasRosterSwaps ? 0.03 : 0,
  ];
  const total = raw.reduce((a, b) => a + b, 0);
  let sum = 0;
  return raw.map((w) => (sum += total === 0 ? 0.2 : w / total));
}

/** About one history entry per 200 iterations per participant, the trade-off the measurements above suggest. */
function historyLengthFor(problem: Problem, iterations: number): number {
  return Math.max(1, Math.min(20_000, Math.round(iterations / (200 * Math.max(1, problem.participantCount)))));
}

function stagnationFor(problem: Problem, historyLength: number): number {
  return Math.max(2000, 10 * problem.participantCount, 40 * historyLength);
}

function typicalObjectiveDelta(evaluator: Evaluator, draw: () => boolean, move: Move): number {
  // A high percentile of sampled objective changes: a unit of violation should outweigh nearly every gain.
  const deltas: number[] = [];
  for (let k = 0; k < 2000 && deltas.length < 400; k++) {
    if (!draw()) continue;
    evaluator.tryMove(move);
    deltas.push(Math.abs(evaluator.lastObjectiveDelta));
    evaluator.rollback();
  }
  deltas.sort((a, b) => a - b);
  return Math.max(1, deltas[Math.floor(deltas.length * 0.95)] ?? 1);
}

/**
 * Strategic oscillation: raise the weight of each rule still violated, relax the others towards the base. Returns
 * whether the current score changed.
 */
function adaptWeights(evaluator: Evaluator, baseWeight: number): boolean {
  let changed = false;
  for (let r = 0; r < evaluator.rules.length; r++) {
    if (evaluator.isHard[r] !== 1) continue;
    const weight = evaluator.weights[r]!;
    if (evaluator.totals[r]! > 0) {
      evaluator.weights[r] = Math.min(weight * 1.3, baseWeight * 1e4);
      changed = true;
    } else {
      evaluator.weights[r] = Math.max(weight * 0.95, baseWeight);
    }
  }
  return changed;
}

function kick(evaluator: Evaluator, draw: () => boolean, move: Move, moves: number): void {
  let applied = 0;
  for (let k = 0; k < moves * 20 && applied < moves; k++) {
    if (!draw()) continue;
    evaluator.tryMove(move);
    // Kicks keep feasibility-relevant damage small: never accept a move that adds violations.
    if (evaluator.lastPenaltyDelta > 0) evaluator.rollback();
    else {
      evaluator.commit();
      applied++;
    }
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
