// The tabu search at the heart of the grouping engine (grouping.ts): the full insert and swap neighbourhoods of a
// grouping, each move scored in O(1) from a gain table (gain[i][g] = affinity of i towards group g) that every move
// keeps current in O(n), as in the MDGP literature (Gallego et al. 2013; Lai & Hao 2016). The swap scan is pruned
// by an upper bound per participant and group, which left about 1 in 5 swaps to evaluate at n = 240 (3x faster);
// the pruning is exact: the walk chooses the same moves as a full scan (tested).
import { NONE } from "../../model/problem.js";
import type { Random } from "./random.js";

/**
 * Tabu search over the insert and swap neighbourhoods of one grouping, with the gain table kept current by every
 * move. The state (group, size, gain) is the current grouping; improve() walks from it and leaves the best grouping
 * of its walk in runBest.
 */
export class GroupingTabu {
  readonly group: Int32Array;
  readonly size: Int32Array;
  readonly gain: Float64Array;
  readonly runBest: Int32Array;
  runBestValue = Number.NEGATIVE_INFINITY;
  current = 0;
  /** Iterations over all improve() calls: the clock of the tabu tenures and of the iteration limit. */
  iteration = 0;
  private readonly tabuUntil: Int32Array;
  private readonly isTabu: Uint8Array;
  private readonly diff: Float64Array;
  private readonly pull: Float64Array;
  private readonly start: Int32Array;
  private readonly fill: Int32Array;
  private readonly membersByGroup: Int32Array;
  /** Twice the smallest weight in each participant's row: a swap loses at least that to their own pair weight. */
  private readonly twiceMinWeightByParticipant: Float64Array;
  /** The group each participant's first-pass swap scan visited, skipped by the second pass. */
  private readonly topByParticipant: Int32Array;
  private readonly baseTenure: number;
  private readonly prune: boolean;
  // The move the current scan holds best: its delta, tie-break key, participants and target group.
  private bestDelta = Number.NEGATIVE_INFINITY;
  private bestKey = Number.POSITIVE_INFINITY;
  private moveI = NONE;
  private moveJ = NONE;
  private moveTo = NONE;
  private aspiration = 0;

  constructor(
    readonly n: number,
    readonly m: number,
    readonly weights: Float64Array,
    readonly minSize: Int32Array,
    readonly maxSize: Int32Array,
    private readonly random: Random,
    /** Off only in tests, which hold the pruned scan to the full one. */
    options: { readonly prune?: boolean } = {},
  ) {
    this.prune = options.prune ?? true;
    this.group = new Int32Array(n);
    this.size = new Int32Array(m);
    this.gain = new Float64Array(n * m);
    this.runBest = new Int32Array(n);
    this.tabuUntil = new Int32Array(n);
    this.isTabu = new Uint8Array(n);
    this.diff = new Float64Array(n * m);
    this.pull = new Float64Array(m * m);
    this.start = new Int32Array(m + 1);
    this.fill = new Int32Array(m);
    this.membersByGroup = new Int32Array(n);
    this.twiceMinWeightByParticipant = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let least = Number.POSITIVE_INFINITY;
      for (let j = 0; j < n; j++) if (j !== i && weights[i * n + j]! < least) least = weights[i * n + j]!;
      this.twiceMinWeightByParticipant[i] = n > 1 ? 2 * least : 0;
    }
    this.topByParticipant = new Int32Array(n);
    // Tenure n/24 plus up to as much again: measured on RanReal n = 120 and 240 (n/12 or n/6 left n = 240 at
    // 1.1-2.5% below the best known at 12 s, n/24 at 0.36%; n/48 at 0.57%).
    this.baseTenure = Math.max(1, Math.min(Math.max(2, Math.round(n / 24)), Math.floor(n / 4)));
  }

  /** Make `groups` the current grouping. */
  load(groups: ArrayLike<number>): void {
    const { n, m, group, size, gain, weights } = this;
    size.fill(0);
    for (let i = 0; i < n; i++) {
      group[i] = groups[i]!;
      size[group[i]!]!++;
    }
    gain.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const out = i * m;
      for (let j = 0; j < n; j++) if (j !== i) gain[out + group[j]!]! += weights[row + j]!;
    }
    this.current = this.objective();
  }

  objective(): number {
    let total = 0;
    for (let i = 0; i < this.n; i++) total += this.gain[i * this.m + this.group[i]!]!;
    return total / 2;
  }

  /** Move i to group h, keeping the gain table current in O(n). */
  place(i: number, h: number): void {
    const { n, m, gain, weights, group, size } = this;
    const g = group[i]!;
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const w = weights[row + k]!;
      gain[k * m + g]! -= w;
      gain[k * m + h]! += w;
    }
    // i's own gain row is untouched by its move (no weight towards itself), so this is the move's delta.
    this.current += gain[i * m + h]! - gain[i * m + g]!;
    group[i] = h;
    size[g]!--;
    size[h]!++;
  }

  /** Move members one at a time, best gain first, until every group has its target size. */
  reshape(target: Int32Array): void {
    const { n, m, group, size, gain } = this;
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
      this.place(pick, to);
    }
  }

  /**
   * Tabu walk from the current grouping until `stagnation` iterations pass without improving the walk's best
   * ("finished"), `shouldStop` says so ("stopped"), or no move exists at all ("stuck": the sizes admit only this
   * grouping). The walk's best grouping is left in runBest.
   */
  async improve(
    stagnation: number,
    shouldStop: (iteration: number) => boolean | Promise<boolean>,
    onImprove: (value: number) => void,
  ): Promise<"finished" | "stopped" | "stuck"> {
    const { group, tabuUntil, isTabu, baseTenure, random } = this;
    tabuUntil.fill(0);
    this.runBest.set(group);
    this.runBestValue = this.current;
    let sinceBest = 0;
    for (;;) {
      if (await shouldStop(this.iteration)) return "stopped";
      if (sinceBest > stagnation) return "finished";
      const iteration = ++this.iteration;
      sinceBest++;
      this.scanMoves(iteration);
      const { moveI, moveJ, moveTo } = this;
      if (moveI === NONE) {
        // Everything admissible is tabu (tiny programs): forget the tabu list; with none active, nothing can move.
        if (!isTabu.includes(1)) return "stuck";
        tabuUntil.fill(0);
        continue;
      }
      // place() keeps `current` up to date: the move's value is bestDelta, up to rounding.
      if (moveJ === NONE) {
        this.place(moveI, moveTo);
      } else {
        const g = group[moveI]!;
        this.place(moveI, moveTo);
        this.place(moveJ, g);
        tabuUntil[moveJ] = iteration + baseTenure + random.int(baseTenure);
      }
      tabuUntil[moveI] = iteration + baseTenure + random.int(baseTenure);
      if (this.current > this.runBestValue + 1e-9) {
        this.runBestValue = this.current;
        this.runBest.set(group);
        sinceBest = 0;
        onImprove(this.current);
      }
    }
  }

  /**
   * The best admissible move over both neighbourhoods into moveI/moveJ/moveTo/bestDelta (moveI NONE: none); a tabu
   * move is admissible when it beats the walk's best. Ties go to the move first in (i, inserts before swaps, h or
   * j) order, so the choice does not depend on the scan order or on pruning.
   */
  private scanMoves(iteration: number): void {
    const { n, m, group, size, gain, diff, pull, start, fill, membersByGroup, isTabu, tabuUntil, minSize, maxSize } = this;
    const { twiceMinWeightByParticipant: twiceMin, topByParticipant: top } = this;
    this.bestDelta = Number.NEGATIVE_INFINITY;
    this.bestKey = Number.POSITIVE_INFINITY;
    this.moveI = NONE;
    this.moveJ = NONE;
    this.moveTo = NONE;
    // diff[i][h] = gain of i towards h minus towards its own group: a swap's delta is then three loads.
    for (let i = 0; i < n; i++) {
      const gi = i * m;
      const own = gain[gi + group[i]!]!;
      for (let h = 0; h < m; h++) diff[gi + h] = gain[gi + h]! - own;
      isTabu[i] = tabuUntil[i]! > iteration ? 1 : 0;
    }
    // Members by group, ascending, and pull[h][g] = the best diff towards g of any member of h: a swap of i (in g)
    // with a member of h gains at most diff[i][h] + pull[h][g] - 2 * (i's smallest weight), which prunes most pairs.
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
    this.aspiration = this.runBestValue - this.current + 1e-9;
    const keyStride = m + n;
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      if (size[g]! <= minSize[g]!) continue;
      const gi = i * m;
      const tabuI = isTabu[i] === 1;
      for (let h = 0; h < m; h++) {
        if (h === g || size[h]! >= maxSize[h]!) continue;
        const d = diff[gi + h]!;
        if (!tabuI || d > this.aspiration) this.consider(d, i * keyStride + h, i, NONE, h);
      }
    }
    const prune = this.prune;
    // A first pass over each participant's most promising group raises bestDelta early, so the bound prunes more.
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      const gi = i * m;
      let best = NONE;
      let bestBound = Number.NEGATIVE_INFINITY;
      for (let h = 0; h < m; h++) {
        if (h === g) continue;
        const bound = diff[gi + h]! + pull[h * m + g]!;
        if (bound > bestBound) {
          bestBound = bound;
          best = h;
        }
      }
      top[i] = best;
      if (best !== NONE && (!prune || bestBound - twiceMin[i]! >= this.bestDelta)) this.scanSwaps(i, best, false);
    }
    // Then every other group, each pair from its lower index (pairs with the first pass's group were scored, or
    // pruned by a bound that can only have tightened since).
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      const gi = i * m;
      for (let h = 0; h < m; h++) {
        if (h === g || h === top[i]) continue;
        if (prune && diff[gi + h]! + pull[h * m + g]! - twiceMin[i]! < this.bestDelta) continue;
        this.scanSwaps(i, h, true);
      }
    }
  }

  /** Every admissible swap of i with a member of group h (only members above i when `upperOnly`). */
  private scanSwaps(i: number, h: number, upperOnly: boolean): void {
    const { n, m, group, diff, weights, start, membersByGroup, isTabu } = this;
    const keyStride = m + n;
    const g = group[i]!;
    const dih = diff[i * m + h]!;
    const row = i * n;
    const tabuI = isTabu[i] === 1;
    for (let k = start[h]!, end = start[h + 1]!; k < end; k++) {
      const j = membersByGroup[k]!;
      if (upperOnly && j < i) continue;
      const d = dih + diff[j * m + g]! - 2 * weights[row + j]!;
      if (d < this.bestDelta) continue;
      if ((!tabuI && isTabu[j] === 0) || d > this.aspiration) {
        if (j > i) this.consider(d, i * keyStride + m + j, i, j, h);
        else this.consider(d, j * keyStride + m + i, j, i, g);
      }
    }
  }

  private consider(d: number, key: number, i: number, j: number, to: number): void {
    if (d > this.bestDelta || (d === this.bestDelta && key < this.bestKey)) {
      this.bestDelta = d;
      this.bestKey = key;
      this.moveI = i;
      this.moveJ = j;
      this.moveTo = to;
    }
  }
}
