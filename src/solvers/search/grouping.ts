// A dedicated engine for pure grouping programs: everyone presents exactly once, panels only have size bounds,
// and affinity is the whole objective. That is the Maximally Diverse Grouping Problem of the literature, where
// random-move LAHC stalls 1-3% below the best known values. Here a tabu search scans the full insert and swap
// neighbourhoods each iteration in O(1) per move with a gain table (gain[i][g] = affinity of i towards group g),
// the approach of the MDGP literature (Gallego et al. 2013; Lai & Hao 2016), with a random restart-from-best
// kick when it stagnates.
// With different size bounds the group sizes decide much of the value (it grows with the square of the sizes), yet
// a swap never changes them and an insert out of a local optimum loses about one mean weight per member, so the
// tabu search keeps whatever sizes the construction gave. So the search starts from the best size vector by
// sum of size*(size-1) and some kicks reshape the best solution to another of the leading size vectors
// (measured on RanReal/RanInt n120 ds_01, 4 seeds x 150k iterations: 0.60-0.79% and 0.24-0.77% below the best
// known before, 0.20-0.36% and 0.07-0.51% after; on n240 ds the construction already lands on the best vector and
// the change was neutral within noise; a kick every 10n instead of 30n idle iterations did not help there).
import { NONE, type Assignment, type PanelRoster } from "../../model/problem.js";
import type { Random } from "./random.js";
import { ALL_RULES } from "./rules/index.js";
import type { SearchState } from "./state.js";

/** Rules a pure grouping program may have active: nothing but loads, sizes and affinity. */
/** Above this many groups the size vertices are not enumerated (2^m masks). */
const MAX_ENUMERATED_GROUPS = 14;
/** Size-changing kicks pick among this many leading size vectors (they differ by a few mean weights). */
const LEADING_SIZES = 8;
/** Share of kicks that reshape to another size vector when there is a choice. */
const RESHAPE_SHARE = 0.5;

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
 * Tabu search from the state's current assignment, which must hold every participant on exactly one panel
 * within its size bounds (the greedy construction gives that for any program with enough seats).
 */
export async function runGrouping(state: SearchState, options: GroupingOptions): Promise<GroupingResult | null> {
  const problem = state.problem;
  const n = problem.participantCount;
  const m = problem.panelCount;
  const weights = state.affinityMatrix!;
  const scale = problem.weights.affinity;
  const minSize = problem.minPresentersByPanel;
  const maxSize = problem.maxPresentersByPanel;
  const random = options.random;

  const group = new Int32Array(n).fill(NONE);
  const size = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    for (const i of state.membersByPanel[p]!) {
      group[i] = p;
      size[p]!++;
    }
  }
  for (let p = 0; p < m; p++) if (size[p]! < minSize[p]! || size[p]! > maxSize[p]!) return null;
  if (group.includes(NONE)) return null;

  const gain = new Float64Array(n * m);
  const rebuildGain = () => {
    gain.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const out = i * m;
      for (let j = 0; j < n; j++) if (j !== i) gain[out + group[j]!]! += weights[row + j]!;
    }
  };
  const objectiveOf = () => {
    let total = 0;
    for (let i = 0; i < n; i++) total += gain[i * m + group[i]!]!;
    return total / 2;
  };
  /** Move i to group h, keeping the gain table current in O(n). */
  const place = (i: number, h: number) => {
    const g = group[i]!;
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const w = weights[row + k]!;
      gain[k * m + g]! -= w;
      gain[k * m + h]! += w;
    }
    group[i] = h;
    size[g]!--;
    size[h]!++;
  };

  /** Move members one at a time, best gain first, until every group has its target size. */
  const reshape = (target: Int32Array) => {
    for (;;) {
      let pick = NONE;
      let to = NONE;
      let pickGain = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const g = group[i]!;
        if (size[g]! <= target[g]!) continue;
        const gi = i * m;
        for (let h = 0; h < m; h++) {
          if (size[h]! >= target[h]!) continue;
          const d = gain[gi + h]! - gain[gi + g]!;
          if (d > pickGain) {
            pickGain = d;
            pick = i;
            to = h;
          }
        }
      }
      if (pick === NONE) return;
      place(pick, to);
    }
  };

  rebuildGain();
  // Size vectors only matter this way when pairs are worth something on average (MDGP weights are >= 0).
  let weightSum = 0;
  for (let k = 0; k < n * n; k++) weightSum += weights[k]!;
  const configs = weightSum > 0 ? sizeConfigs(n, minSize, maxSize) : [];
  if (configs.length > 0) reshape(configs[0]!);
  let current = objectiveOf();
  let best = current;
  const bestGroup = Int32Array.from(group);
  const tabuUntil = new Int32Array(n);
  const isTabu = new Uint8Array(n);
  const diff = new Float64Array(n * m);
  const pull = new Float64Array(m * m);
  const start = new Int32Array(m + 1);
  const fill = new Int32Array(m);
  const membersByGroup = new Int32Array(n);
  let minWeight = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i && weights[i * n + j]! < minWeight) minWeight = weights[i * n + j]!;
  const twiceMinWeight = n > 1 ? 2 * minWeight : 0;
  // Tenure n/24 plus up to as much again, and a kick after 30n idle iterations: measured on RanReal n = 120 and
  // 240 (n/12 or n/6 left n = 240 at 1.1-2.5% below the best known at 12 s, n/24 at 0.36%; n/48 at 0.57%).
  const baseTenure = Math.max(1, Math.min(Math.max(2, Math.round(n / 24)), Math.floor(n / 4)));
  const stagnationLimit = 30 * n;
  let sinceBest = 0;
  let failedKicks = 0;
  let iteration = 0;
  // After a reshaping kick, inserts wait this long so swaps first fit the members to the new sizes; an insert back
  // would otherwise win at once, before the new sizes can be judged.
  const holdLength = 10 * n;
  let insertsFrom = 0;

  while (!(await options.shouldStop(iteration))) {
    iteration++;
    // Best admissible move over both neighbourhoods; a tabu move is admissible when it beats the best. Ties go to
    // the move first in (i, inserts before swaps, h or j) order, so the choice does not depend on the scan order.
    let bestDelta = Number.NEGATIVE_INFINITY;
    let bestKey = Number.POSITIVE_INFINITY;
    let moveI = NONE;
    let moveJ = NONE;
    let moveTo = NONE;
    // diff[i][h] = gain of i towards h minus towards its own group: a swap's delta is then three loads.
    for (let i = 0; i < n; i++) {
      const gi = i * m;
      const own = gain[gi + group[i]!]!;
      for (let h = 0; h < m; h++) diff[gi + h] = gain[gi + h]! - own;
      isTabu[i] = tabuUntil[i]! > iteration ? 1 : 0;
    }
    // Members by group, ascending, and pull[h][g] = the best diff towards g of any member of h: a swap of i (in g)
    // with a member of h gains at most diff[i][h] + pull[h][g] - 2 * minWeight, which prunes most group pairs.
    start[0] = 0;
    for (let g = 0; g < m; g++) start[g + 1] = start[g]! + size[g]!;
    fill.set(start.subarray(0, m));
    pull.fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      membersByGroup[fill[g]!++] = i;
      const gi = i * m;
      const hm = g * m;
      for (let h = 0; h < m; h++) if (diff[gi + h]! > pull[hm + h]!) pull[hm + h] = diff[gi + h]!;
    }
    const aspiration = best - current + 1e-9;
    const consider = (d: number, key: number, i: number, j: number, to: number) => {
      if (d > bestDelta || (d === bestDelta && key < bestKey)) {
        bestDelta = d;
        bestKey = key;
        moveI = i;
        moveJ = j;
        moveTo = to;
      }
    };
    const keyStride = m + n;
    if (iteration >= insertsFrom) {
      for (let i = 0; i < n; i++) {
        const g = group[i]!;
        if (size[g]! <= minSize[g]!) continue;
        const gi = i * m;
        const tabuI = isTabu[i] === 1;
        for (let h = 0; h < m; h++) {
          if (h === g || size[h]! >= maxSize[h]!) continue;
          const d = diff[gi + h]!;
          if (!tabuI || d > aspiration) consider(d, i * keyStride + h, i, NONE, h);
        }
      }
    }
    /** Every admissible swap of i with a member of group h, each pair scored from its lower index. */
    const scanSwaps = (i: number, h: number, lowerOnly: boolean) => {
      const g = group[i]!;
      const dih = diff[i * m + h]!;
      const row = i * n;
      const tabuI = isTabu[i] === 1;
      for (let k = start[h]!, end = start[h + 1]!; k < end; k++) {
        const j = membersByGroup[k]!;
        if (lowerOnly && j < i) continue;
        const d = dih + diff[j * m + g]! - 2 * weights[row + j]!;
        if (d < bestDelta) continue;
        if ((!tabuI && isTabu[j] === 0) || d > aspiration) {
          if (j > i) consider(d, i * keyStride + m + j, i, j, h);
          else consider(d, j * keyStride + m + i, j, i, g);
        }
      }
    };
    // A first pass over each participant's most promising group raises bestDelta early, so the bound prunes more.
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      const gi = i * m;
      let top = NONE;
      let topBound = Number.NEGATIVE_INFINITY;
      for (let h = 0; h < m; h++) {
        if (h === g) continue;
        const bound = diff[gi + h]! + pull[h * m + g]!;
        if (bound > topBound) {
          topBound = bound;
          top = h;
        }
      }
      if (top !== NONE && topBound - twiceMinWeight >= bestDelta) scanSwaps(i, top, false);
    }
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      const gi = i * m;
      for (let h = 0; h < m; h++) {
        if (h === g || diff[gi + h]! + pull[h * m + g]! - twiceMinWeight < bestDelta) continue;
        scanSwaps(i, h, true);
      }
    }
    if (moveI === NONE) {
      if (iteration < insertsFrom) {
        insertsFrom = 0;
        continue;
      }
      // Everything admissible is tabu (tiny programs): forget the tabu list; with none active, nothing can move.
      if (!isTabu.includes(1)) break;
      tabuUntil.fill(0);
      continue;
    }
    if (moveJ === NONE) {
      place(moveI, moveTo);
    } else {
      const g = group[moveI]!;
      place(moveI, moveTo);
      place(moveJ, g);
      tabuUntil[moveJ] = iteration + baseTenure + random.int(baseTenure);
    }
    tabuUntil[moveI] = iteration + baseTenure + random.int(baseTenure);
    current += bestDelta;
    sinceBest++;
    if (current > best + 1e-9) {
      best = current;
      failedKicks = 0;
      bestGroup.set(group);
      sinceBest = 0;
      options.onImprove?.(best * scale);
    }
    if (sinceBest > stagnationLimit) {
      // Restart from the best with random swaps and inserts: enough to leave its basin, few enough to keep its structure.
      group.set(bestGroup);
      size.fill(0);
      for (let i = 0; i < n; i++) size[group[i]!]!++;
      rebuildGain();
      // Kicks grow while they keep failing to improve the best, up to four times the base strength.
      const strength = Math.max(2 + random.int(3), Math.round(n / 15)) * (1 + (failedKicks++ % 4));
      if (configs.length > 1 && random.next() < RESHAPE_SHARE) {
        reshape(configs[random.int(Math.min(LEADING_SIZES, configs.length))]!);
        insertsFrom = iteration + holdLength;
      }
      for (let k = 0; k < strength; k++) {
        const i = random.int(n);
        const g = group[i]!;
        // Half the kick moves are inserts where sizes allow, so group sizes are explored too.
        const h = random.int(m);
        if (random.next() < 0.5 && h !== g && size[g]! > minSize[g]! && size[h]! < maxSize[h]!) {
          place(i, h);
          continue;
        }
        const j = random.int(n);
        const other = group[j]!;
        if (g === other) continue;
        place(i, other);
        place(j, g);
      }
      current = objectiveOf();
      tabuUntil.fill(0);
      sinceBest = 0;
    }
  }

  const rosters: PanelRoster[] = Array.from({ length: m }, () => ({ presenters: [] as number[], chair: NONE, discussant: NONE }));
  for (let i = 0; i < n; i++) (rosters[bestGroup[i]!]!.presenters as number[]).push(i);
  return { assignment: { panels: rosters }, objective: best * scale, iterations: iteration };
}
