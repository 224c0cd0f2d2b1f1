// A dedicated engine for pure grouping programs: everyone presents exactly once, panels only have size bounds,
// and affinity is the whole objective. That is the Maximally Diverse Grouping Problem (MDGP) of the literature.
// The search follows TPSDP, the three-phase search with a dynamic population of Yang et al. (2022): every
// generation, each member of a population is (1) perturbed at random and improved, (2) crossed with another member
// and improved, (3) perturbed in a directed way and improved; the population shrinks linearly over the run, from
// broad exploration to a few strong members, and the random perturbation weakens likewise. "Improved" is a descent
// over the insert and swap neighbourhoods (grouping-descent.ts) whose swap scan skips whole groups by a bound
// (Schulz 2024). What each part brings is measured in the README ("The grouping engine"), an ablation at equal time.
import { affinityWeightsOf } from "../../model/affinity-weights.js";
import { NONE, type Assignment, type PanelRoster, type Problem } from "../../model/problem.js";
import { Crossover } from "./grouping-crossover.js";
import { Descent } from "./grouping-descent.js";
import { GroupingState, type GroupingShape, type SavedGrouping } from "./grouping-state.js";
import type { Random } from "./random.js";
import { RULES as ALL_RULES } from "../../constraints/registry.js";
import type { SearchState } from "./state.js";

/** Above this many groups the size vertices are not enumerated (2^m masks). */
const MAX_ENUMERATED_GROUPS = 14;

/** The engine's knobs; the defaults are the measured best, the others exist for the ablation in bench/. */
export interface GroupingSettings {
  /** Population size at the start of the run and at its end (TPSDP: 15 and 2). */
  readonly populationStart: number;
  readonly populationEnd: number;
  /**
   * Random moves per undirected perturbation, as a share of n, at the start and at the end. TPSDP counts them in
   * units of n/m (1.2 down to 0.1); as a share of n that is the same at n = 240, m = 12, but at n = 480, m = 20 it
   * kicks only 6% of the elements (the README's ablation at n = 480: mean gap 0.344% against 0.182%).
   */
  readonly perturbationStart: number;
  readonly perturbationEnd: number;
  /** Count the perturbation in units of n/m, as TPSDP does (for the ablation). */
  readonly perturbationPerGroup: boolean;
  /** Rounds of directed perturbation per member and generation (TPSDP: 3); 0 leaves the phase out. */
  readonly directedRounds: number;
  /** Crossover phase on or off. */
  readonly crossover: boolean;
  /** Skip swap blocks by the group-wise bound (Schulz 2024); off scans every pair. */
  readonly pruneSwaps: boolean;
  /** Fresh members take the leading size vectors (see sizeConfigs); off: any sizes within the bounds. */
  readonly leadingSizes: boolean;
}

export const DEFAULT_GROUPING_SETTINGS: GroupingSettings = {
  populationStart: 15,
  populationEnd: 2,
  perturbationStart: 0.1,
  perturbationEnd: 0.1 / 12,
  perturbationPerGroup: false,
  directedRounds: 3,
  crossover: true,
  pruneSwaps: true,
  leadingSizes: true,
};

/** Fresh members start from one of this many leading size vectors (they differ by a few mean weights). */
const LEADING_SIZES = 8;
/** Members keep their gain tables up to this many entries (n * m), so that a population stays within ~40 MB. */
const MAX_SAVED_GAIN = 1 << 18;

/** Rules a pure grouping program may have active: nothing but loads, sizes and affinity. */
const GROUPING_RULES = new Set(["load", "roles", "slot-clash", "affinity"]);

export function isPureGrouping(problem: Problem): boolean {
  if (affinityWeightsOf(problem).matrix === null || problem.weights.affinity <= 0 || problem.panelCount < 2 || problem.baseline !== null) return false;
  if (!ALL_RULES.every((rule) => !rule.isActive(problem) || GROUPING_RULES.has(rule.code))) return false;
  for (let i = 0; i < problem.participantCount; i++) if (problem.presentsByParticipant[i] !== 1) return false;
  for (let p = 0; p < problem.panelCount; p++) {
    if (problem.needsChairByPanel[p] === 1 || problem.needsDiscussantByPanel[p] === 1) return false;
  }
  return true;
}

/**
 * Size vectors at the vertices of {min <= size <= max, sum = n} (every group at a bound but at most one), best first
 * by sum of size*(size-1): a convex function of the sizes is largest at a vertex. Enumerated for up to
 * MAX_ENUMERATED_GROUPS groups (2^m masks); beyond that, one vertex filling the largest groups first.
 */
export function sizeConfigs(n: number, minSize: ArrayLike<number>, maxSize: ArrayLike<number>): Int32Array[] {
  const m = minSize.length;
  let base = 0;
  for (let g = 0; g < m; g++) base += minSize[g]!;
  if (m > MAX_ENUMERATED_GROUPS) {
    const sizes = Int32Array.from(minSize);
    let rest = n - base;
    const order = Array.from({ length: m }, (_, g) => g).sort((a, b) => maxSize[b]! - maxSize[a]!);
    for (const g of order) {
      const add = Math.max(0, Math.min(rest, maxSize[g]! - minSize[g]!));
      sizes[g]! += add;
      rest -= add;
    }
    return rest === 0 ? [sizes] : [];
  }
  const found = new Map<string, { sizes: Int32Array; value: number }>();
  for (let mask = 0; mask < 1 << m; mask++) {
    let total = base;
    for (let g = 0; g < m; g++) if ((mask >> g) & 1) total += maxSize[g]! - minSize[g]!;
    const rest = n - total;
    if (rest < 0) continue;
    // free = -1: all groups at a bound; otherwise that group (at its minimum in the mask) takes the rest.
    for (let free = -1; free < m; free++) {
      if (free === -1 ? rest !== 0 : (mask >> free) & 1 || rest === 0 || rest >= maxSize[free]! - minSize[free]!) continue;
      const sizes = new Int32Array(m);
      let value = 0;
      for (let g = 0; g < m; g++) {
        sizes[g] = ((mask >> g) & 1 ? maxSize[g]! : minSize[g]!) + (g === free ? rest : 0);
        value += sizes[g]! * (sizes[g]! - 1);
      }
      found.set(sizes.join(","), { sizes, value });
    }
  }
  return [...found.values()].sort((a, b) => b.value - a.value).map((c) => c.sizes);
}

export interface GroupingOptions {
  readonly random: Random;
  /** Returns true when the search must stop (time, abort or iteration limit); polled after every descent. */
  readonly shouldStop: (iteration: number) => boolean | Promise<boolean>;
  /** Share of the budget used after `iteration` descents, 0 to 1: drives the population and perturbation schedules. */
  readonly progress: (iteration: number) => number;
  readonly onImprove?: (objective: number) => void;
  readonly settings?: Partial<GroupingSettings>;
}

export interface GroupingStats {
  /** Descents run: the engine's iterations. */
  readonly iterations: number;
  /** Improving moves the descents made (each one step, as one iteration of a tabu search is). */
  readonly moves: number;
  readonly generations: number;
  /** Swap pair evaluations made by all descents. */
  readonly evaluations: number;
}

export interface GroupingOutcome extends GroupingStats {
  readonly groups: Int32Array;
  readonly value: number;
}

export interface GroupingResult extends GroupingStats {
  readonly assignment: Assignment;
  readonly objective: number;
}

/**
 * The engine on a search state whose current assignment holds every participant on exactly one panel within its
 * size bounds (the greedy construction gives that for any program with enough seats); null otherwise.
 */
export async function runGrouping(state: SearchState, options: GroupingOptions): Promise<GroupingResult | null> {
  const problem = state.problem;
  const n = problem.participantCount;
  const m = problem.panelCount;
  const start = new Int32Array(n).fill(NONE);
  for (let p = 0; p < m; p++) for (const i of state.membersByPanel[p]!) start[i] = p;
  const shape: GroupingShape = {
    n,
    m,
    weights: state.affinityMatrix!,
    minSize: problem.minPresentersByPanel,
    maxSize: problem.maxPresentersByPanel,
  };
  if (!isWithinBounds(shape, start)) return null;
  const scale = problem.weights.affinity;
  const outcome = await searchGroupings(shape, start, {
    ...options,
    ...(options.onImprove === undefined ? {} : { onImprove: (value: number) => options.onImprove!(value * scale) }),
  });
  const rosters: PanelRoster[] = Array.from({ length: m }, () => ({ presenters: [] as number[], chair: NONE, discussant: NONE }));
  for (let i = 0; i < n; i++) (rosters[outcome.groups[i]!]!.presenters as number[]).push(i);
  const { iterations, moves, generations, evaluations } = outcome;
  return { assignment: { panels: rosters }, objective: outcome.value * scale, iterations, moves, generations, evaluations };
}

/** Every element in a group, every group within its bounds. */
export function isWithinBounds(shape: GroupingShape, groups: Int32Array): boolean {
  const size = new Int32Array(shape.m);
  for (const g of groups) {
    if (g < 0 || g >= shape.m) return false;
    size[g]!++;
  }
  return size.every((s, g) => s >= shape.minSize[g]! && s <= shape.maxSize[g]!);
}

/**
 * TPSDP from `start` (a grouping within the bounds, or null): returns the best grouping found. The state of the
 * search lives in one GroupingState, loaded with each member in turn.
 */
export async function searchGroupings(shape: GroupingShape, start: Int32Array | null, options: GroupingOptions): Promise<GroupingOutcome> {
  const settings: GroupingSettings = { ...DEFAULT_GROUPING_SETTINGS, ...options.settings };
  const { n, m, minSize, maxSize } = shape;
  const random = options.random;
  const state = GroupingState.of(shape);
  const descent = new Descent(state, settings.pruneSwaps);
  const perturbation = new Perturbation(state, random);
  const crossover = new Crossover(shape, random);

  // Size vectors only matter this way when pairs are worth something on average (MDGP weights are >= 0).
  let weightSum = 0;
  for (let k = 0; k < n * n; k++) weightSum += shape.weights[k]!;
  const configs = settings.leadingSizes && weightSum > 0 ? sizeConfigs(n, minSize, maxSize).slice(0, LEADING_SIZES) : [];
  const fresh = (k: number) =>
    configs.length > 0 ? randomGrouping(n, configs[k % configs.length]!, random) : randomGroupingWithin(n, minSize, maxSize, random);

  const withGain = n * m <= MAX_SAVED_GAIN;
  // Replaced by the first descent, which always runs.
  let best: SavedGrouping = { groups: new Int32Array(n), gain: null, value: Number.NEGATIVE_INFINITY };
  let iterations = 0;
  let moves = 0;
  let generations = 0;
  /** Descend from the loaded grouping; the result as a member, and noted when it is the best so far. */
  const improve = (): SavedGrouping => {
    moves += descent.run();
    iterations++;
    const member = state.save(withGain);
    if (member.value > best.value + descent.tolerance) {
      best = member;
      options.onImprove?.(member.value);
    }
    return member;
  };
  const stop = async () => options.shouldStop(iterations);
  const finish = (): GroupingOutcome => ({ groups: best.groups, value: best.value, iterations, moves, generations, evaluations: descent.evaluations });

  // The first member grows from the start grouping, the others from random groupings.
  const population: SavedGrouping[] = [];
  for (let k = 0; k < settings.populationStart; k++) {
    state.load(k === 0 && start !== null ? start : fresh(k));
    population.push(improve());
    if (await stop()) return finish();
  }
  for (;;) {
    generations++;
    const progress = Math.min(1, Math.max(0, options.progress(iterations)));
    const strength = settings.perturbationStart + (settings.perturbationEnd - settings.perturbationStart) * progress;
    const kicks = Math.max(1, Math.round(settings.perturbationPerGroup ? (strength * n) / m : strength * n));
    // 1. Undirected perturbation: each member walks on to the local optimum near a random kick of itself.
    for (let k = 0; k < population.length; k++) {
      state.restore(population[k]!);
      perturbation.undirected(kicks);
      population[k] = improve();
      if (await stop()) return finish();
    }
    // 2. Crossover: each member against a random other; the child replaces it when at least as good.
    if (settings.crossover && population.length > 1) {
      for (let k = 0; k < population.length; k++) {
        const other = (k + 1 + random.int(population.length - 1)) % population.length;
        const [x, y] = [population[k]!, population[other]!];
        state.load(crossover.cross(x.groups, y.groups, x.gain, y.gain));
        const child = improve();
        if (child.value >= population[k]!.value) population[k] = child;
        if (await stop()) return finish();
      }
    }
    // 3. Directed perturbation: each group's least attached members are re-placed where they fit best.
    if (settings.directedRounds > 0) {
      for (let k = 0; k < population.length; k++) {
        state.restore(population[k]!);
        for (let round = 0; round < settings.directedRounds; round++) perturbation.directed();
        population[k] = improve();
        if (await stop()) return finish();
      }
    }
    // The population shrinks linearly with the budget used, keeping its best members.
    population.sort((a, b) => b.value - a.value);
    const keep = Math.round(settings.populationStart + (settings.populationEnd - settings.populationStart) * progress);
    population.length = Math.max(1, Math.min(population.length, keep));
  }
}

/** The two perturbations of TPSDP, on a loaded state; both keep every group within its bounds. */
export class Perturbation {
  private readonly removed: Int32Array;
  /** connection[k * m + h]: weight of the k-th removed element towards the elements currently in group h. */
  private readonly connection: Float64Array;
  private readonly count: Int32Array;
  private readonly placed: Uint8Array;

  constructor(
    private readonly state: GroupingState,
    private readonly random: Random,
  ) {
    const m = state.m;
    this.removed = new Int32Array(m);
    this.connection = new Float64Array(m * m);
    this.count = new Int32Array(m);
    this.placed = new Uint8Array(m);
  }

  /**
   * `moves` random moves within the bounds: inserts and swaps drawn in proportion to the sizes of the two
   * neighbourhoods (n*m inserts, n(n-1)/2 swaps), as TPSDP's undirected perturbation does.
   */
  undirected(moves: number): void {
    const { state, random } = this;
    const { n, m, group, size, minSize, maxSize } = state;
    const inserts = n * m;
    const total = inserts + (n * (n - 1)) / 2;
    // Draws that hit no legal move are retried; a bounded number, in case the bounds leave almost none.
    for (let made = 0, draws = 0; made < moves && draws < 100 * moves; draws++) {
      if (random.int(total) < inserts) {
        const i = random.int(n);
        const h = random.int(m);
        const g = group[i]!;
        if (g === h || size[g]! <= minSize[g]! || size[h]! >= maxSize[h]!) continue;
        state.place(i, h);
      } else {
        const i = random.int(n);
        const j = random.int(n);
        if (group[i] === group[j]) continue;
        state.swap(i, j);
      }
      made++;
    }
  }

  /**
   * One round of TPSDP's directed perturbation: every group gives up its least attached member (smallest gain
   * towards its own group); groups left below their minimum then each take back the removed element most attached
   * to them on average, and the other removed elements, in random order, each join the group (with room) they are
   * most attached to on average. The result usually differs from the start by a few elements changing places.
   */
  directed(): void {
    const { state, random, removed, connection, count, placed } = this;
    const { n, m, group, size, gain, weights, memberList, minSize, maxSize } = state;
    let r = 0;
    for (let g = 0; g < m; g++) {
      let weakest = NONE;
      let weakestGain = Number.POSITIVE_INFINITY;
      for (let k = 0, base = g * n; k < size[g]!; k++) {
        const i = memberList[base + k]!;
        if (gain[base + i]! < weakestGain) {
          weakestGain = gain[base + i]!;
          weakest = i;
        }
      }
      if (weakest !== NONE) removed[r++] = weakest;
    }
    if (r === 0) return;
    count.set(size);
    for (let k = 0; k < r; k++) count[group[removed[k]!]!]!--;
    // Connections towards the groups without the removed elements.
    for (let k = 0; k < r; k++) {
      const i = removed[k]!;
      for (let h = 0; h < m; h++) connection[k * m + h] = gain[h * n + i]!;
      for (let l = 0; l < r; l++) if (l !== k) connection[k * m + group[removed[l]!]!]! -= weights[i * n + removed[l]!]!;
    }
    placed.fill(0);
    const target = new Int32Array(r);
    const assign = (k: number, h: number) => {
      target[k] = h;
      placed[k] = 1;
      count[h]!++;
      const i = removed[k]!;
      for (let l = 0; l < r; l++) if (placed[l] === 0) connection[l * m + h]! += weights[removed[l]! * n + i]!;
    };
    const average = (k: number, h: number) => connection[k * m + h]! / Math.max(1, count[h]!);
    // Groups below their minimum first, in random order: each takes the unplaced element most attached to it.
    const start = random.int(m);
    for (let step = 0; step < m; step++) {
      const h = (start + step) % m;
      while (count[h]! < minSize[h]!) {
        let pick = -1;
        for (let k = 0; k < r; k++) if (placed[k] === 0 && (pick < 0 || average(k, h) > average(pick, h))) pick = k;
        if (pick < 0) break;
        assign(pick, h);
      }
    }
    // Then the others, in random order, each to the group with room it is most attached to.
    for (let left = r - countPlaced(placed, r); left > 0; left--) {
      let k = random.int(r);
      while (placed[k] === 1) k = (k + 1) % r;
      let to = NONE;
      for (let h = 0; h < m; h++) if (count[h]! < maxSize[h]! && (to === NONE || average(k, h) > average(k, to))) to = h;
      assign(k, to);
    }
    for (let k = 0; k < r; k++) if (group[removed[k]!] !== target[k]) state.place(removed[k]!, target[k]!);
  }
}

function countPlaced(placed: Uint8Array, r: number): number {
  let total = 0;
  for (let k = 0; k < r; k++) total += placed[k]!;
  return total;
}

/** Random grouping with the given sizes. */
export function randomGrouping(n: number, sizes: Int32Array, random: Random): Int32Array {
  const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
  const groups = new Int32Array(n);
  let k = 0;
  sizes.forEach((s, g) => {
    for (let c = 0; c < s; c++) groups[order[k++]!] = g;
  });
  return groups;
}

/** Random grouping within the bounds: every group filled to its minimum, the rest spread at random over groups with room. */
export function randomGroupingWithin(n: number, minSize: Int32Array, maxSize: Int32Array, random: Random): Int32Array {
  const sizes = Int32Array.from(minSize);
  let rest = n - sizes.reduce((a, b) => a + b, 0);
  while (rest > 0) {
    const g = random.int(sizes.length);
    if (sizes[g]! < maxSize[g]!) {
      sizes[g]!++;
      rest--;
    }
  }
  return randomGrouping(n, sizes, random);
}
