// Local search: late acceptance hill climbing (LAHC, Burke & Bykov 2017) over a penalised score
// (objective - sum of adaptive weight x violation), with iterated-local-search kicks from the best solution when
// the current score stagnates. Pure grouping programs (MDGP) go to the grouping engine of grouping.ts instead, when
// the caller says so (auto.ts decides). The parts, below runSearch: LateAcceptance (the acceptance memory),
// adaptPenalties (strategic oscillation of the penalty weights), restartWithKick (iterated local search).
//
// Why, by measurement:
// - LAHC needs only the delta of one random move, which the counters give in O(panel size), so it scales to
//   6,000 participants x 1,400 panels, where a full-neighbourhood tabu scan per step would not. Its one parameter,
//   the history length L, was measured on a generated 6,000-participant convention at 20 s (~1M moves):
//   L = 1, 10, 50, 200, 2000 reached 16471, 16372, 15544, 14831, 14695 (greedy start 14659). So L follows the
//   iteration budget (historyLengthFor): at convention size it is near 1, i.e. hill climbing that accepts equal
//   moves, and the kicks provide the diversification; small programs with many moves per participant get more.
// - On MDGP (dense affinities, only size rules) random-move LAHC stayed 1.2-5% below the best known values of
//   RanReal n = 120 at 5-10 s, whereas the grouping engine (TPSDP over a gain-table descent) is within 0.1% at 30 s.
import { describeViolationAmounts } from "../../constraints/registry.js";
import type { Assignment, Problem } from "../../model/problem.js";
import type { SolveOptions, SolveResult, SolveStats } from "../solver.js";
import { construct } from "../greedy/greedy.js";
import { Evaluator } from "./evaluator.js";
import { runGrouping } from "./grouping.js";
import { drawReassign, drawRelocate, drawRepair, drawRosterSwap, drawSwap, Move, MoveContext } from "./moves.js";
import { createRandom, type Random } from "./random.js";
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
  /** A pure grouping program (MDGP): its caller (usesGroupingEngine in auto.ts) sends it to the engine of grouping.ts. */
  readonly grouping?: boolean;
}

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
  construct(state, random, options.initial ?? problem.baseline, started + deadline);
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

  // Pure grouping programs (MDGP), as auto decides, go to the dedicated engine of grouping.ts (TPSDP over a pruned
  // descent).
  if (options.grouping === true && evaluator.isFeasible()) {
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
  const lahc = new LateAcceptance(historyLength, evaluator.score());
  let lengthSettled = fixedLength !== undefined || Number.isFinite(maxIterations);
  noteCurrent();
  if (bestUnsaved) saveBest();
  // Kick when the current score has not risen for this long: LAHC alone never leaves a state whose neighbours
  // are all worse once its history has caught up (and adaptive weights cannot help when the way out loses
  // objective without touching a violation).
  let stagnation = stagnationFor(problem, historyLength);
  let iteration = 0;
  let lastYield = elapsed();
  const loopStarted = elapsed();

  while (iteration < maxIterations) {
    iteration++;
    lahc.sincePeak++;
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
        lahc.resize(historyLength);
        stagnation = stagnationFor(problem, historyLength);
      }
      if (iteration % ADAPT_EVERY === 0) adaptPenalties(evaluator, baseWeight, lahc);
      if (lahc.sincePeak > stagnation) {
        // Iterated local search: restart from the best (or stay) with a random kick, LAHC's memory refreshed.
        if (bestUnsaved) saveBest();
        restartWithKick(evaluator, best, random, started + deadline, () => kick(evaluator, draw, move, kickSize(problem)));
        noteCurrent();
        if (bestUnsaved) saveBest();
        lahc.restart(evaluator.score());
      }
    }
    if (!draw()) continue;
    const delta = evaluator.tryMove(move);
    const candidate = lahc.current + delta;
    const v = iteration % lahc.history.length;
    if (delta >= 0 || candidate >= lahc.history[v]!) {
      if (bestUnsaved && (delta < 0 || evaluator.lastPenaltyDelta > 0 || evaluator.lastObjectiveDelta < 0)) {
        // Leaving the best solution: keep a copy of it first.
        evaluator.rollback();
        saveBest();
        evaluator.tryMove(move);
      }
      evaluator.commit();
      lahc.moveTo(candidate);
      // A move that removes violation can make the state feasible even when its weighted delta is not positive.
      if (delta > 0 || evaluator.lastObjectiveDelta > 0 || evaluator.lastPenaltyDelta < 0) noteCurrent();
    } else {
      evaluator.rollback();
    }
    lahc.remember(v);
  }
  noteCurrent();
  if (bestUnsaved) saveBest();

  const timeMs = elapsed();
  const stats = { timeMs, timeToBestMs: bestFoundMs, iterations: iteration };
  if (best === null) {
    const raw = describeViolationAmounts(evaluator.violationsByRule());
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

/**
 * Late acceptance hill climbing's memory (Burke and Bykov): the score of the current state, the scores it had
 * `history.length` iterations ago (a move is accepted when it is no worse than the current score or than the score
 * at its slot of the history), and how long the current score has not risen above its peak (when to kick).
 */
class LateAcceptance {
  history: Float64Array;
  current: number;
  peak: number;
  sincePeak = 0;

  constructor(length: number, score: number) {
    this.history = new Float64Array(length).fill(score);
    this.current = score;
    this.peak = score;
  }

  /** The current state moved to a state of score `score`. */
  moveTo(score: number): void {
    this.current = score;
    if (score > this.peak + 1e-9) {
      this.peak = score;
      this.sincePeak = 0;
    }
  }

  /** The iteration's slot of the history keeps the better of its score and the current one. */
  remember(slot: number): void {
    if (this.current > this.history[slot]!) this.history[slot] = this.current;
  }

  /** A new history length, filled with the current score. */
  resize(length: number): void {
    this.history = new Float64Array(length).fill(this.current);
  }

  /** Every score moved by `by` (the penalty weights changed): re-weighting alone never lowers the acceptance bar. */
  shift(by: number): void {
    for (let k = 0; k < this.history.length; k++) this.history[k]! += by;
    this.current += by;
    this.peak += by;
  }

  /** After a kick: the memory starts again from the new state. */
  restart(score: number): void {
    this.history.fill(score);
    this.current = score;
    this.peak = score;
    this.sincePeak = 0;
  }
}

/** Penalty adaptation (strategic oscillation), with LAHC's memory shifted by what it did to the current score. */
function adaptPenalties(evaluator: Evaluator, baseWeight: number, lahc: LateAcceptance): void {
  if (adaptWeights(evaluator, baseWeight)) lahc.shift(evaluator.score() - lahc.current);
}

/** Moves in one kick: a few per 40 participants, 3 to 50. */
function kickSize(problem: Problem): number {
  return Math.max(3, Math.min(50, Math.round(problem.participantCount / 40)));
}

/**
 * The kick of iterated local search: back to the best assignment found (or, stuck before any feasible one, a fresh
 * randomised construction, which diversifies more than a kick can), then a few random moves that add no violation.
 */
function restartWithKick(
  evaluator: Evaluator,
  best: Assignment | null,
  random: Random,
  deadline: number,
  kickMoves: () => void,
): void {
  const state = evaluator.state;
  if (best !== null) state.load(best);
  else construct(state, random, null, deadline);
  evaluator.recompute();
  kickMoves();
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
