// One grouping and what every move of the grouping engine needs to score it in O(1): the gain table
// gain[g * n + i] = sum of i's weights towards the members of group g, kept current by every move in O(n), and the
// members of each group as a list (for scans that visit one group's members). Shared by the descent, the crossover
// and the perturbations (grouping-descent.ts, grouping-crossover.ts, grouping.ts).

/** The instance a grouping engine works on: n elements, m groups with size bounds, dense symmetric weights. */
export interface GroupingShape {
  readonly n: number;
  readonly m: number;
  /** weights[i * n + j] = weights[j * n + i]; the diagonal is ignored. */
  readonly weights: Float64Array;
  readonly minSize: Int32Array;
  readonly maxSize: Int32Array;
}

export interface SavedGrouping {
  readonly groups: Int32Array;
  readonly gain: Float64Array | null;
  readonly value: number;
}

export class GroupingState implements GroupingShape {
  readonly group: Int32Array;
  readonly size: Int32Array;
  /**
   * gain[g * n + i]: i's weights towards the members of g. Group-major, so a move updates two contiguous rows
   * (measured: a third faster per descent at n = 480 than element-major, where every update is a cache line).
   */
  readonly gain: Float64Array;
  /** Members of group g are memberList[g * n .. g * n + size[g]), in no particular order. */
  readonly memberList: Int32Array;
  /** Position of each element in its group's member list. */
  readonly memberPosition: Int32Array;
  /** The objective of the current grouping: the sum of the weights inside groups. */
  current = 0;

  constructor(
    readonly n: number,
    readonly m: number,
    readonly weights: Float64Array,
    readonly minSize: Int32Array,
    readonly maxSize: Int32Array,
  ) {
    this.group = new Int32Array(n);
    this.size = new Int32Array(m);
    this.gain = new Float64Array(n * m);
    this.memberList = new Int32Array(n * m);
    this.memberPosition = new Int32Array(n);
  }

  static of(shape: GroupingShape): GroupingState {
    return new GroupingState(shape.n, shape.m, shape.weights, shape.minSize, shape.maxSize);
  }

  /** Make `groups` the current grouping (O(n^2)). */
  load(groups: ArrayLike<number>): void {
    const { n, group, gain, weights } = this;
    this.setGroups(groups);
    gain.fill(0);
    for (let j = 0; j < n; j++) {
      const row = j * n;
      const out = group[j]! * n;
      for (let i = 0; i < n; i++) gain[out + i]! += weights[row + i]!;
      gain[out + j]! -= weights[row + j]!;
    }
    this.current = this.objective();
  }

  /**
   * A copy of the current grouping, with its gain table when `withGain` (restored in O(n m) instead of loaded in
   * O(n^2): at n = 480 loading took a quarter of the search's time).
   */
  save(withGain: boolean): SavedGrouping {
    return { groups: Int32Array.from(this.group), gain: withGain ? Float64Array.from(this.gain) : null, value: this.current };
  }

  restore(saved: SavedGrouping): void {
    if (saved.gain === null) {
      this.load(saved.groups);
      return;
    }
    this.setGroups(saved.groups);
    this.gain.set(saved.gain);
    this.current = saved.value;
  }

  private setGroups(groups: ArrayLike<number>): void {
    const { n, group, size, memberList, memberPosition } = this;
    size.fill(0);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      group[i] = g;
      memberPosition[i] = size[g]!;
      memberList[g * n + size[g]!] = i;
      size[g]!++;
    }
  }

  /** The objective recomputed from the gain table (O(n)). */
  objective(): number {
    let total = 0;
    for (let i = 0; i < this.n; i++) total += this.gain[this.group[i]! * this.n + i]!;
    return total / 2;
  }

  /** What moving i to group h changes the objective by (h must differ from i's group). */
  insertDelta(i: number, h: number): number {
    return this.gain[h * this.n + i]! - this.gain[this.group[i]! * this.n + i]!;
  }

  /** What swapping i and j (in different groups) changes the objective by. */
  swapDelta(i: number, j: number): number {
    const { n, gain, group } = this;
    const g = group[i]! * n;
    const h = group[j]! * n;
    return gain[h + i]! - gain[g + i]! + gain[g + j]! - gain[h + j]! - 2 * this.weights[i * n + j]!;
  }

  /** Move i to group h, keeping the gain table, the member lists and the objective current in O(n). */
  place(i: number, h: number): void {
    const { n, gain, weights, group, size, memberList, memberPosition } = this;
    const g = group[i]!;
    const row = i * n;
    const from = g * n;
    const to = h * n;
    // i's own gains are untouched by its move (no weight towards itself), so this is the move's delta.
    this.current += gain[to + i]! - gain[from + i]!;
    for (let k = 0; k < n; k++) {
      const w = weights[row + k]!;
      gain[from + k]! -= w;
      gain[to + k]! += w;
    }
    gain[from + i]! += weights[row + i]!;
    gain[to + i]! -= weights[row + i]!;
    // Out of g's list (the last member takes i's place), onto the end of h's.
    const last = memberList[g * n + size[g]! - 1]!;
    memberList[g * n + memberPosition[i]!] = last;
    memberPosition[last] = memberPosition[i]!;
    size[g]!--;
    memberList[h * n + size[h]!] = i;
    memberPosition[i] = size[h]!;
    size[h]!++;
    group[i] = h;
  }

  /**
   * Swap the groups of i and j (in different groups) in one sweep over the two gain rows: row g gains w_j - w_i and
   * row h the opposite, half the memory traffic of two place() calls (the descent's main cost is moves).
   */
  swap(i: number, j: number): void {
    const { n, gain, weights, group, memberList, memberPosition } = this;
    const g = group[i]!;
    const h = group[j]!;
    this.current += this.swapDelta(i, j);
    const rowI = i * n;
    const rowJ = j * n;
    const atG = g * n;
    const atH = h * n;
    for (let k = 0; k < n; k++) {
      const d = weights[rowJ + k]! - weights[rowI + k]!;
      gain[atG + k]! += d;
      gain[atH + k]! -= d;
    }
    // No weight towards oneself: undo what the sweep added from the diagonal.
    gain[atG + i]! += weights[rowI + i]!;
    gain[atH + j]! += weights[rowJ + j]!;
    gain[atG + j]! -= weights[rowJ + j]!;
    gain[atH + i]! -= weights[rowI + i]!;
    // Each takes the other's place in the member lists.
    const pi = memberPosition[i]!;
    const pj = memberPosition[j]!;
    memberList[atG + pi] = j;
    memberList[atH + pj] = i;
    memberPosition[i] = pj;
    memberPosition[j] = pi;
    group[i] = h;
    group[j] = g;
  }
}
