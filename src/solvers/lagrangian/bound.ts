// A Lagrangian upper bound on the total objective, for programs far beyond the LP relaxation's reach.
//
// The participant-side rules are priced out (dualised): presents exactly k (a price of either sign), chairs,
// discussant roles and roles in all at most their limits, one panel per slot (prices >= 0). What is left splits
// into one subproblem per panel (panel.ts), each solved exactly over a relaxation of that panel's rules
// (relaxation.ts). Affinity pairs are split between their two ends per panel: a pair (i, j) with gain w credits
// w - share to i's seat on panel p and share to j's seat there, for any share in [0, w]; that is at least what the
// pair adds to p. For any prices, the sum of the panel optima plus price x limit over the priced rules is at least
// the objective of every feasible assignment (each priced rule holds there, so its term is >= 0). Every value
// computed is a bound; the least one is reported.
//
// Which prices? Generic subgradient, volume and bundle steps barely move on this dual: participants and panels are
// so alike that at any prices every panel takes the same cheapest participant. So the first prices are built from
// the structure of the objective (startingPrices below): on generated conventions of 1,500-6,000 participants they
// give the bound within a second or two, and steps from there gained nothing within a minute. The steps that
// follow are incremental (auction-like) passes, which did still tighten small programs (300 participants: 864 to
// 849 in 15 s, where the LP relaxation proves 833).
import type { Problem } from "../../model/problem.js";
import { PanelSubproblem, type MemberSink, type SeatPrices } from "./panel.js";
import { CHAIR, DISCUSSANT, PRESENTER, ROLE_COUNT, relaxProgram, type RelaxedProgram } from "./relaxation.js";

export interface LagrangianOptions {
  readonly timeLimitMs: number;
  readonly signal?: AbortSignal;
  /** Called with each improved bound (already rounded up: valid as it stands). */
  readonly onBound?: (bound: number, elapsedMs: number) => void;
  /** Stop after this many evaluations (tests); default: until the time limit. */
  readonly maxEvaluations?: number;
}

export interface LagrangianResult {
  /**
   * Least value found, rounded up; +Infinity when none was computed in time; -Infinity when some panel can have no
   * roster at all under the relaxed rules (then the program is infeasible).
   */
  readonly bound: number;
  readonly evaluations: number;
  readonly timeMs: number;
}

/** Price step of the first incremental pass, as a share of the typical price of a presentation. */
const FIRST_STEP_SHARE = 0.05;
/** Evaluations without improvement before the step shrinks, and by how much. */
const PATIENCE = 10;
const SHRINK = 0.7;

export async function lagrangianBound(problem: Problem, options: LagrangianOptions): Promise<LagrangianResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const relaxed = relaxProgram(problem);
  const dual = new DualPrices(relaxed);
  const integral = hasIntegralObjective(problem);
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  const stopped = () => elapsed() >= options.timeLimitMs || options.signal?.aborted === true;
  let best = Number.POSITIVE_INFINITY;
  let evaluations = 0;
  let sinceImproved = 0;
  while (evaluations < maxEvaluations && !stopped()) {
    const value = dual.evaluate();
    evaluations++;
    if (value === Number.NEGATIVE_INFINITY) return { bound: value, evaluations, timeMs: elapsed() };
    const reported = roundUp(value, dual.magnitude, integral);
    if (reported < best) {
      best = reported;
      sinceImproved = 0;
      options.onBound?.(best, elapsed());
    } else if (++sinceImproved >= PATIENCE) {
      dual.step *= SHRINK;
      sinceImproved = 0;
    }
    // Let an abort in (and anything else waiting on this thread) between passes.
    await new Promise((resolve) => setImmediate(resolve));
    if (evaluations >= maxEvaluations || stopped()) break;
    dual.incrementalPass();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { bound: best, evaluations, timeMs: elapsed() };
}

/**
 * The computed value is a sum of many floating-point terms, each rounded; the true value of the dual function can
 * exceed it by a few ulps of the largest partial sums. Adding 1e-9 of the sum of magnitudes (far above that error,
 * far below any objective step) keeps the reported bound above the true one. With integral weights every objective
 * is an integer, so the bound then rounds down to one.
 */
function roundUp(value: number, magnitude: number, integral: boolean): number {
  const safe = value + 1e-9 * magnitude + 1e-9;
  return integral ? Math.floor(safe) : safe;
}

function hasIntegralObjective(problem: Problem): boolean {
  const { weights } = problem;
  const coefficients = [weights.dialogue, weights.diversity, weights.topicFit, weights.affinity];
  if (problem.baseline !== null) coefficients.push(weights.stability);
  for (const pair of problem.dialoguePairs) coefficients.push(weights.dialogue * pair.weight);
  for (const a of problem.affinities) coefficients.push(weights.affinity * a.weight);
  return coefficients.every((w) => Number.isInteger(w));
}

/**
 * All prices as one vector, in segments: presents, chairs, discussant roles, roles in all (n each), slot use
 * (n x slots), affinity shares (pairs x panels). L(prices) = sum of panel optima + sum of price x limit, and
 * dL/dprice = limit - use, where `use` counts what the panel optima took (for a share: its first end minus its
 * second).
 */
class DualPrices implements MemberSink {
  private readonly relaxed: RelaxedProgram;
  private readonly subproblem: PanelSubproblem;
  private readonly n: number;
  private readonly size: number;
  private readonly slotsAt: number;
  private readonly sharesAt: number;
  private readonly price: Float64Array;
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  private readonly limit: Float64Array;
  private readonly use: Float64Array;
  private readonly seatPrices: SeatPrices;
  private readonly base: Float64Array;
  private readonly ceiling: Float64Array;
  private readonly panelStamp: Int32Array;
  private readonly panelMembers: number[] = [];
  private currentPanel = 0;
  private moving = false;
  /** Price step of an incremental pass. */
  step: number;
  /** Sum of magnitudes of the terms of the last value (for rounding). */
  magnitude = 0;

  constructor(relaxed: RelaxedProgram) {
    this.relaxed = relaxed;
    this.subproblem = new PanelSubproblem(relaxed);
    const n = (this.n = relaxed.participantCount);
    const P = relaxed.panelCount;
    this.slotsAt = 4 * n;
    this.sharesAt = this.slotsAt + n * relaxed.slotCount;
    this.size = this.sharesAt + relaxed.affinityGain.length * P;
    this.price = new Float64Array(this.size);
    this.lower = new Float64Array(this.size);
    this.upper = new Float64Array(this.size).fill(Number.POSITIVE_INFINITY);
    this.limit = new Float64Array(this.size);
    this.use = new Float64Array(this.size);
    for (let i = 0; i < n; i++) {
      this.lower[i] = Number.NEGATIVE_INFINITY;
      this.limit[i] = relaxed.presents[i]!;
      this.limit[n + i] = relaxed.mayChair[i]!;
      this.limit[2 * n + i] = relaxed.mayDiscuss[i]!;
      if (relaxed.rolesCapped[i] === 1) this.limit[3 * n + i] = relaxed.problem.maxRoles;
      else this.upper[3 * n + i] = 0;
    }
    this.limit.fill(1, this.slotsAt, this.sharesAt);
    for (let k = 0; k < relaxed.affinityGain.length; k++) {
      const from = this.sharesAt + k * P;
      this.upper.fill(relaxed.affinityGain[k]!, from, from + P);
      this.price.fill(relaxed.affinityGain[k]! / 2, from, from + P);
    }
    const starting = startingPrices(relaxed);
    this.price.set(starting.presents, 0);
    this.price.set(starting.chairs, n);
    this.price.set(starting.discussions, 2 * n);
    let typical = 0;
    for (let i = 0; i < n; i++) typical += Math.abs(starting.presents[i]!);
    this.step = (FIRST_STEP_SHARE * typical) / Math.max(1, n) || FIRST_STEP_SHARE;
    this.base = new Float64Array(ROLE_COUNT * n);
    this.ceiling = new Float64Array(ROLE_COUNT * n);
    this.seatPrices = {
      base: this.base,
      ceiling: this.ceiling,
      order: relaxed.candidatesByNationRole.map((list) => Int32Array.from(list)),
      slotPrice: this.price.subarray(this.slotsAt, this.sharesAt),
      affinityShare: this.price.subarray(this.sharesAt),
    };
    this.panelStamp = new Int32Array(n);
  }

  /** L at the current prices (NEG when some panel has no roster at all). */
  evaluate(): number {
    const relaxed = this.relaxed;
    const panels = this.solvePanels(false);
    if (panels === Number.NEGATIVE_INFINITY) return panels;
    let total = relaxed.constant + panels;
    for (let x = 0; x < this.size; x++) {
      const term = this.price[x]! * this.limit[x]!;
      total += term;
      this.magnitude += Math.abs(term);
    }
    return total;
  }

  /**
   * One incremental subgradient pass (like an auction): every seat a panel takes raises its price by `step` at
   * once, so later panels spread over alike participants instead of all taking the same one; at the end every
   * price moves by step x (use - limit), the rest of its subgradient.
   */
  incrementalPass(): void {
    if (this.solvePanels(true) === Number.NEGATIVE_INFINITY) return;
    const { price, lower, upper, limit, use, step } = this;
    for (let x = 0; x < this.size; x++) {
      const raised = x < this.slotsAt ? 0 : use[x]!; // seats already raised their own prices during the pass
      if (raised === 0 && limit[x] === 0) continue;
      const moved = price[x]! + step * (raised - limit[x]!);
      price[x] = moved < lower[x]! ? lower[x]! : moved > upper[x]! ? upper[x]! : moved;
    }
  }

  /** Solves every panel; the sum of their optima. While `moving`, each seat taken raises its prices. */
  private solvePanels(moving: boolean): number {
    const relaxed = this.relaxed;
    this.setSeatValues();
    this.use.fill(0);
    this.panelStamp.fill(-1);
    this.moving = moving;
    this.magnitude = Math.abs(relaxed.constant);
    let total = 0;
    for (let p = 0; p < relaxed.panelCount; p++) {
      this.currentPanel = p;
      this.panelMembers.length = 0;
      const value = this.subproblem.solve(p, this.seatPrices, this);
      if (value === Number.NEGATIVE_INFINITY) return value;
      total += value;
      this.magnitude += Math.abs(value);
      this.recordAffinity(p);
    }
    this.moving = false;
    return total;
  }

  add(i: number, role: number): void {
    const n = this.n;
    const relaxed = this.relaxed;
    const x = role === PRESENTER ? i : role === CHAIR ? n + i : 2 * n + i;
    this.use[x]!++;
    this.use[3 * n + i]!++;
    const slot = relaxed.problem.slotByPanel[this.currentPanel]!;
    if (slot >= 0) this.use[this.slotsAt + i * relaxed.slotCount + slot]!++;
    this.panelStamp[i] = this.currentPanel;
    this.panelMembers.push(i);
    if (!this.moving) return;
    // Raising prices only lowers seat values, so the scan order set at the start of the pass stays a valid bound.
    const price = this.price;
    price[x]! += this.step;
    if (relaxed.rolesCapped[i] === 1) price[3 * n + i]! += this.step;
    this.setParticipantValues(i, false);
  }

  /** Affinity pairs with an end on panel p: the first end adds to the share's use, the second takes away. */
  private recordAffinity(p: number): void {
    const relaxed = this.relaxed;
    for (const i of this.panelMembers) {
      if (relaxed.affinityMaxByParticipant[i] === 0) continue;
      for (const entry of relaxed.affinitiesByParticipant[i]!) {
        const k = entry >> 1;
        this.use[this.sharesAt + k * relaxed.panelCount + p]! += (entry & 1) === 1 ? -1 : 1;
      }
    }
  }

  /** Seat values before panel-specific parts, their ceilings, and the scan order per nation and role. */
  private setSeatValues(): void {
    const n = this.n;
    for (let i = 0; i < n; i++) this.setParticipantValues(i, true);
    const ceiling = this.ceiling;
    this.seatPrices.order.forEach((order, list) => {
      const offset = (list % ROLE_COUNT) * n;
      order.sort((a, b) => ceiling[offset + b]! - ceiling[offset + a]!);
    });
  }

  private setParticipantValues(i: number, withCeilings: boolean): void {
    const relaxed = this.relaxed;
    const n = this.n;
    const price = this.price;
    const roles = price[3 * n + i]!;
    const presenter = relaxed.flatByParticipant[i]! - roles - price[i]!;
    const chair = relaxed.chairFlatByParticipant[i]! - roles - price[n + i]!;
    const discussant = relaxed.flatByParticipant[i]! - roles - price[2 * n + i]!;
    this.base[PRESENTER * n + i] = presenter;
    this.base[CHAIR * n + i] = chair;
    this.base[DISCUSSANT * n + i] = discussant;
    if (!withCeilings) return;
    const affinity = relaxed.affinityMaxByParticipant[i]!;
    this.ceiling[PRESENTER * n + i] = presenter + relaxed.topicWeight + affinity;
    this.ceiling[CHAIR * n + i] = chair + affinity;
    this.ceiling[DISCUSSANT * n + i] = discussant + affinity;
  }
}

/**
 * Starting prices, from what a seat typically adds to the objective:
 * - a presentation: its topic fit and one more nationality on its panel;
 * - any seat: the participant's flat bonus (relaxation.ts) and half of each of their affinity gains (the starting
 *   shares), so that no panel gains by taking the same participant with a bonus;
 * - presentations and discussant roles on the scarcer side of an exact dialogue pair: the pair's gain, since each
 *   panel realising it needs a member of each side and the side with fewer presentations limits it (split evenly
 *   when both sides have as many; none when both outnumber the panels).
 * On generated conventions these prices are as good as any uniform price per class of alike participants: the
 * bound is within 2-3% of the best answers known at 6,000 participants.
 */
function startingPrices(relaxed: RelaxedProgram): { presents: Float64Array; chairs: Float64Array; discussions: Float64Array } {
  const n = relaxed.participantCount;
  const supply = new Float64Array(relaxed.problem.nationalityCodes.length);
  for (let i = 0; i < n; i++) if (relaxed.meetsByParticipant[i] === 1) supply[relaxed.homeByParticipant[i]!]! += relaxed.presents[i]!;
  const presents = new Float64Array(n);
  const chairs = new Float64Array(n);
  const discussions = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let share = 0;
    const home = relaxed.homeByParticipant[i]!;
    const group = relaxed.groups[relaxed.groupByNation[home]!]!;
    if (group.nations.length === 2 && relaxed.meetsByParticipant[i] === 1) {
      const other = group.nations[0] === home ? group.nations[1]! : group.nations[0]!;
      const own = supply[home]!;
      const theirs = supply[other]!;
      if (own < relaxed.panelCount && own < theirs) share = group.pairGain;
      else if (own < relaxed.panelCount && own === theirs) share = group.pairGain / 2;
    }
    const affinity = relaxed.affinityMaxByParticipant[i]! / 2;
    presents[i] = relaxed.topicWeight + relaxed.diversityWeight + relaxed.flatByParticipant[i]! + affinity + share;
    chairs[i] = relaxed.chairFlatByParticipant[i]! + affinity;
    discussions[i] = relaxed.flatByParticipant[i]! + affinity + share;
  }
  return { presents, chairs, discussions };
}
