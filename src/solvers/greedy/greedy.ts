// Constructive heuristic, most constrained first: pins, then co-author groups, then chairs and discussants
// (scarcest panels first), then presenters by how hard they are to place (at-risk, many conflicts, few eligible
// panels). Each unit goes to the best panel that keeps every hard rule it can check while panels are still
// filling; the local search starts from this construction. Deterministic per seed; the solver retries with fresh
// random orders when a construction leaves violations.
import { NONE, type Assignment, type Problem } from "../../model/problem.js";
import type { Solver, SolveOptions, SolveResult } from "../solver.js";
import { evaluateAssignment } from "../search/full.js";
import { describeViolationAmounts, HARD_RULES, OBJECTIVE_RULES } from "../../constraints/registry.js";
import type { Admission } from "../../constraints/rule.js";
import { createRandom, shuffle, type Random } from "../search/random.js";
import { ROLE_CHAIR, ROLE_DISCUSSANT, ROLE_NONE, ROLE_PRESENTER, type Role, type SearchState, SearchState as State } from "../search/state.js";

/**
 * Randomised constructions are retried up to this many times within the time limit: one construction is a few
 * milliseconds on the sample and about 250 ms at 6,000 participants. On the 60-participant sample a single
 * construction was feasible for 6 of seeds 1-12, retries found one within 4 attempts for all 12; on the
 * 400-participant sample within 2 for seeds 1-5 (one construction failed seed 4).
 */
const MAX_ATTEMPTS = 64;

export const greedySolver: Solver = {
  name: "greedy",
  exact: false,
  async solve(problem: Problem, options: SolveOptions): Promise<SolveResult> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const state = new State(problem);
    const random = createRandom(options.seed);
    let fewest: { amount: number; raw: string } | null = null;
    let attempts = 0;
    while (attempts < MAX_ATTEMPTS && (attempts === 0 || elapsed() < options.timeLimitMs) && options.signal?.aborted !== true) {
      attempts++;
      // Only the first attempt keeps the warm start or baseline; the retries draw fresh orders.
      construct(state, random, attempts === 1 ? (options.initial ?? problem.baseline) : null, started + options.timeLimitMs);
      const assignment = state.toAssignment();
      const evaluation = evaluateAssignment(problem, assignment);
      if (evaluation.violation === 0) {
        const timeMs = elapsed();
        options.onProgress?.({ elapsedMs: timeMs, objective: evaluation.objective, bound: null });
        return { status: "feasible", assignment, bound: null, stats: { timeMs, timeToBestMs: timeMs, iterations: attempts, objective: evaluation.objective } };
      }
      if (fewest === null || evaluation.violation < fewest.amount) {
        fewest = { amount: evaluation.violation, raw: describeViolationAmounts(evaluation.violations) };
      }
      // Let an abort (Ctrl-C) through between attempts.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const raw = `no construction without violations in ${attempts} attempt${attempts === 1 ? "" : "s"} (the closest left ${fewest?.raw ?? "none"})`;
    return { status: "timeout", assignment: null, bound: null, stats: { timeMs: elapsed(), iterations: attempts, raw } };
  },
};

/**
 * Fill `state` from scratch: pinned roles, then the roles of `start` that still fit (warm start or baseline),
 * then everything missing. Every presenter role is placed, even where a rule must then be broken (the local
 * search repairs); chairs and discussants are left empty only when nobody can take them.
 * It stops placing at `deadline` (performance.now()), the caller's whole time limit, not earlier: a construction
 * cut short leaves violations that the search then has no time to repair (tried at 6,000 participants on a loaded
 * machine), so it runs on as long as the caller's budget allows, and no longer.
 */
export function construct(state: SearchState, random: Random, start: Assignment | null = null, deadline = Number.POSITIVE_INFINITY): void {
  const problem = state.problem;
  state.clear();
  placePinned(state);
  if (start !== null) placeStart(state, start);
  const context = new Placement(state);

  // Co-author groups first, as one unit each: a split group is a violation.
  const groups = shuffle([...problem.groups], random).sort((a, b) => b.length - a.length);
  for (const group of groups) {
    if (group.length < 2) continue;
    const unit = [...group].filter((i) => state.presentCountByParticipant[i]! < problem.presentsByParticipant[i]!);
    if (unit.length === 0) continue;
    const together = unit.length === group.length && commonPresenterPanel(state, group) === NONE;
    if (together) context.placePresenters(unit, random);
  }

  // Chairs and discussants: panels with the fewest possible holders first.
  fillRole(state, context, random, ROLE_CHAIR);
  if (performance.now() > deadline) return;
  fillRole(state, context, random, ROLE_DISCUSSANT);

  // Remaining presenter roles, hardest participants first.
  const difficulty = new Float64Array(problem.participantCount);
  for (let i = 0; i < problem.participantCount; i++) {
    let eligible = 0;
    for (let p = 0; p < problem.panelCount; p++) eligible += problem.mayPresent[i * problem.panelCount + p]!;
    difficulty[i] =
      problem.atRiskByParticipant[i]! * 1e6 +
      problem.conflictsByParticipant[i]!.length * 10 +
      (problem.panelCount - eligible) * (1e3 / Math.max(1, problem.panelCount)) +
      (problem.groupByParticipant[i] !== NONE ? 1e7 : 0);
  }
  const order = shuffle(
    Array.from({ length: problem.participantCount }, (_, i) => i),
    random,
  ).sort((a, b) => difficulty[b]! - difficulty[a]!);
  for (let k = 0; k < order.length; k++) {
    if ((k & 63) === 0 && performance.now() > deadline) return;
    const i = order[k]!;
    while (state.presentCountByParticipant[i]! < problem.presentsByParticipant[i]!) {
      if (!context.placePresenters([i], random)) break;
    }
  }
}

function placePinned(state: SearchState): void {
  const problem = state.problem;
  for (let p = 0; p < problem.panelCount; p++) {
    for (const i of problem.pinnedPresentersByPanel[p]!) if (state.role(i, p) === ROLE_NONE) state.setRole(i, p, ROLE_PRESENTER);
    const chair = problem.pinnedChairByPanel[p]!;
    if (chair !== NONE && state.role(chair, p) === ROLE_NONE && problem.needsChairByPanel[p] === 1) state.setRole(chair, p, ROLE_CHAIR);
    const discussant = problem.pinnedDiscussantByPanel[p]!;
    if (discussant !== NONE && state.role(discussant, p) === ROLE_NONE && problem.needsDiscussantByPanel[p] === 1) {
      state.setRole(discussant, p, ROLE_DISCUSSANT);
    }
  }
}

/** Keep the roles of a previous assignment that the loads and panel needs still allow. */
function placeStart(state: SearchState, start: Assignment): void {
  const problem = state.problem;
  start.panels.forEach((roster, p) => {
    if (p >= problem.panelCount) return;
    for (const i of roster.presenters) {
      if (i < 0 || i >= problem.participantCount || state.role(i, p) !== ROLE_NONE) continue;
      if (state.presentCountByParticipant[i]! >= problem.presentsByParticipant[i]!) continue;
      if (state.presenterCountByPanel[p]! >= problem.maxPresentersByPanel[p]!) continue;
      state.setRole(i, p, ROLE_PRESENTER);
    }
    const chair = roster.chair;
    if (chair >= 0 && chair < problem.participantCount && problem.needsChairByPanel[p] === 1 && state.chairByPanel[p] === NONE) {
      if (state.role(chair, p) === ROLE_NONE && state.chairCountByParticipant[chair]! < problem.mayChairByParticipant[chair]!) {
        state.setRole(chair, p, ROLE_CHAIR);
      }
    }
    const discussant = roster.discussant;
    if (
      discussant >= 0 &&
      discussant < problem.participantCount &&
      problem.needsDiscussantByPanel[p] === 1 &&
      state.discussantByPanel[p] === NONE
    ) {
      if (state.role(discussant, p) === ROLE_NONE && state.discussCountByParticipant[discussant]! < problem.mayDiscussByParticipant[discussant]!) {
        state.setRole(discussant, p, ROLE_DISCUSSANT);
      }
    }
  });
}

function commonPresenterPanel(state: SearchState, group: Int32Array): number {
  for (const p of state.panelsByParticipant[group[0]!]!) {
    if (group.every((i) => state.role(i, p) === ROLE_PRESENTER)) return p;
  }
  return NONE;
}

function fillRole(state: SearchState, context: Placement, random: Random, role: typeof ROLE_CHAIR | typeof ROLE_DISCUSSANT): void {
  const problem = state.problem;
  const needs = role === ROLE_CHAIR ? problem.needsChairByPanel : problem.needsDiscussantByPanel;
  const holder = role === ROLE_CHAIR ? state.chairByPanel : state.discussantByPanel;
  const limit = role === ROLE_CHAIR ? problem.mayChairByParticipant : problem.mayDiscussByParticipant;
  const candidates: number[] = [];
  for (let i = 0; i < problem.participantCount; i++) if (limit[i]! > 0) candidates.push(i);
  if (candidates.length === 0) return;
  const open: number[] = [];
  for (let p = 0; p < problem.panelCount; p++) if (needs[p] === 1 && holder[p] === NONE) open.push(p);
  // Scarcity: how many candidates could sit on the panel at all (summed row by row: mayJoin is participant-major).
  const supply = new Int32Array(problem.panelCount);
  for (const i of candidates) {
    const row = i * problem.panelCount;
    for (const p of open) supply[p]! += problem.mayJoin[row + p]!;
  }
  shuffle(open, random).sort((a, b) => supply[a]! - supply[b]!);
  const used = role === ROLE_CHAIR ? state.chairCountByParticipant : state.discussCountByParticipant;
  for (const p of open) {
    let best = NONE;
    let bestKey = -Infinity;
    const offset = random.int(candidates.length);
    let found = 0;
    for (let k = 0; k < candidates.length && found < SAMPLE; k++) {
      const i = candidates[(offset + k) % candidates.length]!;
      if (used[i]! >= limit[i]! || !context.mayHold(i, p, role)) continue;
      found++;
      // Prefer holders with spare capacity and few roles: they are least needed elsewhere.
      const key = limit[i]! - used[i]! - 0.1 * roleCount(state, i);
      if (key > bestKey) {
        bestKey = key;
        best = i;
      }
    }
    if (best !== NONE) state.setRole(best, p, role);
  }
}

function roleCount(state: SearchState, i: number): number {
  return state.panelsByParticipant[i]!.length;
}

/** Feasible panels (or holders) compared per placement; enough for quality, bounded for speed. */
const SAMPLE = 48;

interface BoundRules {
  readonly admissions: Admission[];
  readonly gains: { readonly weight: number; readonly gain: (i: number, p: number) => number }[];
}

const boundRulesByState = new WeakMap<SearchState, BoundRules>();

/** The rules' greedy faces bound to a state, once per state (kicks construct again and again on one state). */
function boundRules(state: SearchState): BoundRules {
  let bound = boundRulesByState.get(state);
  if (bound === undefined) {
    bound = {
      admissions: [...HARD_RULES]
        .sort((a, b) => (a.greedy.admissionCost ?? 2) - (b.greedy.admissionCost ?? 2))
        .flatMap((rule) => rule.greedy.admits?.(state) ?? []),
      gains: OBJECTIVE_RULES.flatMap((rule) => {
        const gain = rule.isActive(state.problem) ? rule.greedy.gain?.(state) : undefined;
        return gain === undefined ? [] : [{ weight: state.problem.weights[rule.term], gain }];
      }),
    };
    boundRulesByState.set(state, bound);
  }
  return bound;
}

/**
 * Feasibility checks and preferences for placing members while panels are still filling: every rule's admission
 * test (its `greedy.admits` face, active or not: a rule with nothing to refuse gives none) and every active
 * objective term's gain.
 */
class Placement {
  private readonly problem: Problem;
  private readonly admissions: BoundRules["admissions"];
  private readonly gains: BoundRules["gains"];
  /** Panels below their minimum of presenters: while there are none, placements do not scan for them. */
  private belowMinimum = 0;

  constructor(private readonly state: SearchState) {
    this.problem = state.problem;
    for (let p = 0; p < this.problem.panelCount; p++) {
      if (state.presenterCountByPanel[p]! < this.problem.minPresentersByPanel[p]!) this.belowMinimum++;
    }
    ({ admissions: this.admissions, gains: this.gains } = boundRules(state));
  }

  /**
   * Members the panel will end with, for judging share caps while it fills: strictly the fewest it may end with
   * (then no final size breaks the cap), else the most (the cap can only relax as the panel fills).
   */
  private finalMembers(p: number, strict: boolean): number {
    const problem = this.problem;
    const presenters = strict ? problem.minPresentersByPanel[p]! : problem.maxPresentersByPanel[p]!;
    return Math.max(1, presenters) + problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
  }

  /**
   * Can i join p in `role` without breaking a rule that later additions could not mend? The tests are called slot
   * by slot, as SearchState tells its trackers, so that each call site sees one rule's test and is inlined.
   */
  mayHold(i: number, p: number, role: Role, companions: readonly number[] = [], strict = false): boolean {
    if (this.state.roleByParticipantPanel[i * this.problem.panelCount + p] !== ROLE_NONE) return false;
    const f = this.finalMembers(p, strict);
    const a = this.admissions;
    const n = a.length;
    if (n > 0 && !a[0]!.allows(i, p, role, companions, f)) return false;
    if (n > 1 && !a[1]!.allows(i, p, role, companions, f)) return false;
    if (n > 2 && !a[2]!.allows(i, p, role, companions, f)) return false;
    if (n > 3 && !a[3]!.allows(i, p, role, companions, f)) return false;
    if (n > 4 && !a[4]!.allows(i, p, role, companions, f)) return false;
    if (n > 5 && !a[5]!.allows(i, p, role, companions, f)) return false;
    if (n > 6 && !a[6]!.allows(i, p, role, companions, f)) return false;
    if (n > 7 && !a[7]!.allows(i, p, role, companions, f)) return false;
    for (let k = 8; k < n; k++) if (!a[k]!.allows(i, p, role, companions, f)) return false;
    return true;
  }

  /** Objective gained by adding i to p: sum of policy.weights[term] x the term's gain. */
  private gain(i: number, p: number): number {
    let gain = 0;
    for (const term of this.gains) gain += term.weight * term.gain(i, p);
    return gain;
  }

  /**
   * Put every participant of `unit` as presenter on one panel: a panel below its minimum first, then the best
   * objective gain, then the emptiest. Without a panel that keeps the rules, the least bad one is taken.
   */
  placePresenters(unit: readonly number[], random: Random): boolean {
    const state = this.state;
    const problem = this.problem;
    const panels = problem.panelCount;
    if (panels === 0) return false;
    // Panels still below their minimum come first; among the rest, a sample of feasible panels is compared (the
    // whole list would cost participants x panels checks at convention size).
    let best = NONE;
    for (const strict of [true, false]) {
      if (best === NONE) best = this.belowMinimum > 0 ? this.bestPanel(unit, random, true, strict) : this.skipScan(random);
      if (best === NONE) best = this.bestPanel(unit, random, false, strict);
    }
    if (best === NONE) best = this.leastBadPanel(unit);
    if (best === NONE) return false;
    const wasBelow = state.presenterCountByPanel[best]! < problem.minPresentersByPanel[best]!;
    for (const i of unit) state.setRole(i, best, ROLE_PRESENTER);
    if (wasBelow && state.presenterCountByPanel[best]! >= problem.minPresentersByPanel[best]!) this.belowMinimum--;
    return true;
  }

  private bestPanel(unit: readonly number[], random: Random, belowMinOnly: boolean, strict: boolean): number {
    const state = this.state;
    const problem = this.problem;
    const panels = problem.panelCount;
    let best = NONE;
    let bestKey = -Infinity;
    let found = 0;
    const offset = random.int(panels);
    for (let step = 0; step < panels && found < SAMPLE; step++) {
      const p = (offset + step) % panels;
      const count = state.presenterCountByPanel[p]!;
      if ((count < problem.minPresentersByPanel[p]!) !== belowMinOnly) continue;
      if (problem.maxPresentersByPanel[p]! - count < unit.length) continue;
      if (!unit.every((i) => this.mayHold(i, p, ROLE_PRESENTER, unit, strict))) continue;
      found++;
      let gain = 0;
      for (const i of unit) gain += this.gain(i, p);
      const key = gain - (count / Math.max(1, problem.maxPresentersByPanel[p]!)) * 1e-3;
      if (key > bestKey) {
        bestKey = key;
        best = p;
      }
    }
    return best;
  }

  /**
   * A scan for panels below their minimum when there are none would find nothing after reading every panel (1,406
   * per placement at 6,000 participants); it is skipped, drawing its random offset all the same, so that a seed
   * gives the same construction as when every scan ran.
   */
  private skipScan(random: Random): number {
    random.int(this.problem.panelCount);
    return NONE;
  }

  /** No panel keeps the rules: room first, then eligibility, then a free slot, then emptiness. */
  private leastBadPanel(unit: readonly number[]): number {
    const state = this.state;
    const problem = this.problem;
    const panels = problem.panelCount;
    let best = NONE;
    let bestKey = -Infinity;
    for (let p = 0; p < panels; p++) {
      if (!unit.every((i) => state.roleByParticipantPanel[i * panels + p] === ROLE_NONE)) continue;
      const count = state.presenterCountByPanel[p]!;
      let key = (problem.maxPresentersByPanel[p]! - count >= unit.length ? 4 : 0) - count / Math.max(1, problem.maxPresentersByPanel[p]!);
      if (unit.every((i) => problem.mayPresent[i * panels + p] === 1)) key += 2;
      const slot = problem.slotByPanel[p]!;
      if (slot === NONE || unit.every((i) => !hasRoleInSlot(state, i, slot))) key += 1;
      if (key > bestKey) {
        bestKey = key;
        best = p;
      }
    }
    return best;
  }
}

/** Does i hold a role on some panel of `slot`? */
function hasRoleInSlot(state: SearchState, i: number, slot: number): boolean {
  const slotByPanel = state.problem.slotByPanel;
  for (const p of state.panelsByParticipant[i]!) if (slotByPanel[p] === slot) return true;
  return false;
}
