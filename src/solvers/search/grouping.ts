// A dedicated engine for pure grouping programs: everyone presents exactly once, panels only have size bounds,
// and affinity is the whole objective. That is the Maximally Diverse Grouping Problem (MDGP) of the literature,
// where random-move LAHC stalls 1-3% below the best known values. This is a memetic search: a pool of groupings,
// each child made by a group-wise crossover of two members and improved by the tabu search of grouping-tabu.ts.
//
// Why, by measurement (RanReal/RanInt n = 240 ss_01 and ds_01, 300k tabu iterations, about 27 s here, seeds 1-2):
// - iterated tabu search (restart from the best with a random kick after 30n idle iterations) reached 0.15-0.41%
//   below the best known values, mean 0.27%, and often stopped improving in its first seconds;
// - the memetic search reached 0.10-0.34%, mean 0.23%: pool 12, walks end after 10n idle iterations (5n: mean
//   0.26%, 20n: worse), and a pool that has not improved the best in 30 children is refreshed around its best
//   (without refresh one seed stayed at 0.46%).
// With different size bounds the group sizes decide much of the value (it grows with the square of the sizes), yet a
// swap never changes them and an insert out of a local optimum loses about one mean weight per member. So the pool
// starts from the leading size vectors by sum of size*(size-1), and the crossover mixes the parents' sizes.
import { NONE, type Assignment, type PanelRoster } from "../../model/problem.js";
import { GroupingTabu } from "./grouping-tabu.js";
import type { Random } from "./random.js";
import { RULES as ALL_RULES } from "../../constraints/registry.js";
import type { SearchState } from "./state.js";

/** Above this many groups the size vertices are not enumerated (2^m masks). */
const MAX_ENUMERATED_GROUPS = 14;
/** Fresh pool members start from one of this many leading size vectors (they differ by a few mean weights). */
const LEADING_SIZES = 8;
/** Groupings kept in the pool. */
const POOL_SIZE = 12;
/** A tabu walk ends after this many times n iterations without improving its own best. */
const WALK_STAGNATION = 10;
/** Children in a row that do not improve the best before the pool is refreshed around its best. */
const REFRESH_AFTER = 30;

/** Rules a pure grouping program may have active: nothing but loads, sizes and affinity. */
const GROUPING_RULES = new Set(["load", "roles", "slot-clash", "affinity"]);

export function isPureGrouping(state: SearchState): boolean {
  const problem = state.problem;
  if (state.affinityMatrix === null || problem.weights.affinity <= 0 || problem.panelCount < 2 || problem.baseline !== null) return false;
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
  /** Returns true when the search must stop (time, abort or iteration limit); polled every few iterations. */
  readonly shouldStop: (iteration: number) => boolean | Promise<boolean>;
  readonly onImprove?: (objective: number) => void;
}

export interface GroupingResult {
  readonly assignment: Assignment;
  readonly objective: number;
  readonly iterations: number;
}

/**
 * Memetic search from the state's current assignment, which must hold every participant on exactly one panel within
 * its size bounds (the greedy construction gives that for any program with enough seats).
 */
export async function runGrouping(state: SearchState, options: GroupingOptions): Promise<GroupingResult | null> {
  const problem = state.problem;
  const n = problem.participantCount;
  const m = problem.panelCount;
  const minSize = problem.minPresentersByPanel;
  const maxSize = problem.maxPresentersByPanel;
  const random = options.random;

  const start = new Int32Array(n).fill(NONE);
  const startSize = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    for (const i of state.membersByPanel[p]!) {
      start[i] = p;
      startSize[p]!++;
    }
  }
  for (let p = 0; p < m; p++) if (startSize[p]! < minSize[p]! || startSize[p]! > maxSize[p]!) return null;
  if (start.includes(NONE)) return null;

  const weights = state.affinityMatrix!;
  const tabu = new GroupingTabu(n, m, weights, minSize, maxSize, random);
  tabu.load(start);
  // Size vectors only matter this way when pairs are worth something on average (MDGP weights are >= 0).
  let weightSum = 0;
  for (let k = 0; k < n * n; k++) weightSum += weights[k]!;
  const configs = weightSum > 0 ? sizeConfigs(n, minSize, maxSize) : [];
  if (configs.length > 0) tabu.reshape(configs[0]!);
  const sizesFor = (k: number) => (configs.length > 0 ? configs[k % Math.min(configs.length, LEADING_SIZES)]! : startSize);

  const scale = problem.weights.affinity;
  let best = tabu.current;
  const bestGroup = Int32Array.from(tabu.group);
  const onWalkImprove = (value: number) => {
    if (value > best + 1e-9) options.onImprove?.(value * scale);
  };
  /**
   * Tabu walk from the loaded grouping; returns its best as a pool entry, or null when the search must stop (the
   * time is up, or no move exists: then the sizes admit no other grouping).
   */
  const walk = async (): Promise<PoolEntry | null> => {
    const outcome = await tabu.improve(WALK_STAGNATION * n, options.shouldStop, onWalkImprove);
    if (tabu.runBestValue > best + 1e-9) {
      best = tabu.runBestValue;
      bestGroup.set(tabu.runBest);
      childrenSinceImprovement = 0;
    }
    return outcome === "finished" ? { groups: Int32Array.from(tabu.runBest), value: tabu.runBestValue } : null;
  };
  let childrenSinceImprovement = 0;

  const pool: PoolEntry[] = [];
  search: {
    // The first member grows from the construction; the others from random groupings over the leading size vectors.
    for (let k = 0; k < POOL_SIZE; k++) {
      if (k > 0) tabu.load(randomGrouping(n, sizesFor(k), random));
      const entry = await walk();
      if (entry === null) break search;
      pool.push(entry);
    }
    for (;;) {
      if (childrenSinceImprovement >= REFRESH_AFTER) {
        // The pool has converged: keep its best, replace the rest with fresh walks from random groupings.
        childrenSinceImprovement = 0;
        const keep = bestIndex(pool);
        for (let k = 0; k < pool.length; k++) {
          if (k === keep) continue;
          tabu.load(randomGrouping(n, sizesFor(random.int(LEADING_SIZES)), random));
          const entry = await walk();
          if (entry === null) break search;
          pool[k] = entry;
        }
      }
      const x = random.int(pool.length);
      const y = (x + 1 + random.int(pool.length - 1)) % pool.length;
      tabu.load(crossover(pool[x]!.groups, pool[y]!.groups, tabu, random));
      childrenSinceImprovement++;
      const child = await walk();
      if (child === null) break search;
      // The child replaces the worst member when better and not a copy of a member (same value: taken as a copy).
      let worst = 0;
      for (let k = 1; k < pool.length; k++) if (pool[k]!.value < pool[worst]!.value) worst = k;
      if (child.value > pool[worst]!.value && !pool.some((e) => Math.abs(e.value - child.value) < 1e-6)) pool[worst] = child;
    }
  }

  const rosters: PanelRoster[] = Array.from({ length: m }, () => ({ presenters: [] as number[], chair: NONE, discussant: NONE }));
  for (let i = 0; i < n; i++) (rosters[bestGroup[i]!]!.presenters as number[]).push(i);
  return { assignment: { panels: rosters }, objective: best * scale, iterations: tabu.iteration };
}

/** What the crossover needs to know of a grouping problem. */
export type GroupingShape = Pick<GroupingTabu, "n" | "m" | "weights" | "minSize" | "maxSize">;

interface PoolEntry {
  readonly groups: Int32Array;
  readonly value: number;
}

function bestIndex(pool: readonly PoolEntry[]): number {
  let top = 0;
  for (let k = 1; k < pool.length; k++) if (pool[k]!.value > pool[top]!.value) top = k;
  return top;
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

/**
 * Group-wise crossover: the child takes whole groups alternately from the two parents, each time the parent's group
 * (at a group index still free in the child) whose not-yet-placed members are worth most together; members left
 * over, and members beyond a group's maximum, are then placed greedily by gain, groups below their minimum first.
 */
export function crossover(a: Int32Array, b: Int32Array, shape: GroupingShape, random: Random): Int32Array {
  const { n, m, weights, minSize, maxSize } = shape;
  const child = new Int32Array(n).fill(NONE);
  const usedIndex = new Uint8Array(m);
  const parents = [a, b];
  let turn = random.int(2);
  const members = (p: Int32Array, g: number) => {
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (p[i] === g && child[i] === NONE) list.push(i);
    return list;
  };
  for (let step = 0; step < m; step++) {
    const parent = parents[turn]!;
    turn ^= 1;
    let pick = NONE;
    let pickValue = Number.NEGATIVE_INFINITY;
    let pickMembers: readonly number[] = [];
    for (let g = 0; g < m; g++) {
      if (usedIndex[g] === 1) continue;
      const list = members(parent, g);
      let value = 0;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) value += weights[list[x]! * n + list[y]!]!;
      if (value > pickValue) {
        pickValue = value;
        pick = g;
        pickMembers = list;
      }
    }
    usedIndex[pick] = 1;
    // A parent's group is within its bounds, so its unplaced members fit the child's group of the same index.
    for (const i of pickMembers) child[i] = pick;
  }
  // Place the rest greedily by gain towards the child's groups.
  const size = new Int32Array(m);
  const gain = new Float64Array(n * m);
  for (let i = 0; i < n; i++) if (child[i] !== NONE) size[child[i]!]!++;
  let deficit = 0;
  for (let g = 0; g < m; g++) deficit += Math.max(0, minSize[g]! - size[g]!);
  let unplaced = 0;
  for (let i = 0; i < n; i++) if (child[i] === NONE) unplaced++;
  // Groups copied above their minimum can leave too few members to fill the others up to theirs: release the least
  // attached members of such groups until the rest suffices.
  while (deficit > unplaced) {
    let drop = NONE;
    let dropAttachment = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const g = child[i]!;
      if (g === NONE || size[g]! <= minSize[g]!) continue;
      let attachment = 0;
      for (let j = 0; j < n; j++) if (j !== i && child[j] === g) attachment += weights[i * n + j]!;
      if (attachment < dropAttachment) {
        dropAttachment = attachment;
        drop = i;
      }
    }
    size[child[drop]!]!--;
    child[drop] = NONE;
    unplaced++;
  }
  for (let i = 0; i < n; i++) {
    if (child[i] !== NONE) continue;
    for (let j = 0; j < n; j++) if (child[j] !== NONE) gain[i * m + child[j]!]! += weights[i * n + j]!;
  }
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (child[i] === NONE) rest.push(i);
  random.shuffle(rest);
  while (rest.length > 0) {
    // While some group is below its minimum and only just enough members remain, fill those first.
    const mustFill = deficit >= rest.length;
    let bestK = -1;
    let bestG = NONE;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < rest.length; k++) {
      const i = rest[k]!;
      for (let g = 0; g < m; g++) {
        if (size[g]! >= maxSize[g]! || (mustFill && size[g]! >= minSize[g]!)) continue;
        const v = gain[i * m + g]!;
        if (v > bestGain) {
          bestGain = v;
          bestK = k;
          bestG = g;
        }
      }
    }
    const i = rest[bestK]!;
    rest.splice(bestK, 1);
    if (size[bestG]! < minSize[bestG]!) deficit--;
    child[i] = bestG;
    size[bestG]!++;
    for (const j of rest) gain[j * m + bestG]! += weights[j * n + i]!;
  }
  return child;
}
