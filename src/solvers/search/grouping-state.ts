// One grouping and what every move of the grouping engine needs to score it in O(1): the gain table
// gain[i * m + g] = sum of i's weights towards the members of group g, kept current by every move in O(n), and the
// members of each group as a list (for scans that visit one group's members). Shared by the descent, the tabu walk
// and the perturbations (grouping-descent.ts, grouping-tabu.ts, grouping.ts).

/** The instance a grouping engine works on: n elements, m groups with size bounds, dense symmetric weights. */
export interface GroupingShape {
  readonly n: number;
  readonly m: number;
  /** weights[i * n + j] = weights[j * n + i]; the diagonal is ignored. */
  readonly weights: Float64Array;
  readonly minSize: Int32Array;
  readonly maxSize: Int32Array;
}

export class GroupingState implements GroupingShape {
  readonly group: Int32Array;
  readonly size: Int32Array;
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
    const { n, m, group, size, gain, weights, memberList, memberPosition } = this;
    size.fill(0);
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      group[i] = g;
      memberPosition[i] = size[g]!;
      memberList[g * n + size[g]!] = i;
      size[g]!++;
    }
    gain.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * n;
      const out = i * m;
      for (let j = 0; j < n; j++) if (j !== i) gain[out + group[j]!]! += weights[row + j]!;
    }
    this.current = this.objective();
  }

  /** The objective recomputed from the gain table (O(n)). */
  objective(): number {
    let total = 0;
    for (let i = 0; i < this.n; i++) total += this.gain[i * this.m + this.group[i]!]!;
    return total / 2;
  }

  /** What moving i to group h changes the objective by (h must differ from i's group). */
  insertDelta(i: number, h: number): number {
    const gi = i * this.m;
    return this.gain[gi + h]! - this.gain[gi + this.group[i]!]!;
  }

  /** What swapping i and j (in different groups) changes the objective by. */
  swapDelta(i: number, j: number): number {
    const { m, gain, group } = this;
    const g = group[i]!;
    const h = group[j]!;
    return gain[i * m + h]! - gain[i * m + g]! + gain[j * m + g]! - gain[j * m + h]! - 2 * this.weights[i * this.n + j]!;
  }

  /** Move i to group h, keeping the gain table, the member lists and the objective current in O(n). */
  place(i: number, h: number): void {
    const { n, m, gain, weights, group, size, memberList, memberPosition } = this;
    const g = group[i]!;
    const row = i * n;
    // i's own gain row is untouched by its move (no weight towards itself), so this is the move's delta.
    this.current += gain[i * m + h]! - gain[i * m + g]!;
    for (let k = 0, at = 0; k < n; k++, at += m) {
      const w = weights[row + k]!;
      gain[at + g]! -= w;
      gain[at + h]! += w;
    }
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

  /** Swap the groups of i and j. */
  swap(i: number, j: number): void {
    const g = this.group[i]!;
    this.place(i, this.group[j]!);
    this.place(j, g);
  }
}
