// The grouping engine's moving parts held against plain recomputation: the state's gain table and member lists
// after any moves, the descent's local optima (no insert or swap improves, checked pair by pair from the weights),
// and the perturbations' size bounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Descent } from "../../../../src/solvers/search/grouping-descent.js";
import { GroupingState, type GroupingShape } from "../../../../src/solvers/search/grouping-state.js";
import { Perturbation, randomGroupingWithin } from "../../../../src/solvers/search/grouping.js";
import { createRandom, type Random } from "../../../../src/solvers/search/random.js";

interface Case {
  readonly shape: GroupingShape;
  readonly start: Int32Array;
  readonly random: Random;
}

/** Random weights (negative ones too when asked) and bounds around an even split, so inserts and swaps both exist. */
const caseArb = fc
  .record({ n: fc.integer({ min: 2, max: 40 }), m: fc.integer({ min: 2, max: 6 }), seed: fc.nat(), negative: fc.boolean(), slack: fc.integer({ min: 0, max: 2 }) })
  .map(({ n, m, seed, negative, slack }): Case => {
    const random = createRandom(seed);
    const weights = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) weights[i * n + j] = weights[j * n + i] = random.int(100) / 4 - (negative ? random.int(60) : 0);
    }
    const even = Math.floor(n / m);
    const minSize = Int32Array.from({ length: m }, () => Math.max(0, even - slack));
    const maxSize = Int32Array.from({ length: m }, (_, g) => even + slack + (g === 0 ? n : 0));
    const shape = { n, m, weights, minSize, maxSize };
    return { shape, start: randomGroupingWithin(n, minSize, maxSize, random), random };
  });

/** The objective straight from the weights. */
function value(shape: GroupingShape, groups: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < shape.n; i++) for (let j = i + 1; j < shape.n; j++) if (groups[i] === groups[j]) total += shape.weights[i * shape.n + j]!;
  return total;
}

/** The best improvement of any insert or swap within the bounds, each scored by re-evaluating the grouping. */
function bestImprovement(shape: GroupingShape, groups: Int32Array): number {
  const { n, m, minSize, maxSize } = shape;
  const base = value(shape, groups);
  const size = new Int32Array(m);
  for (const g of groups) size[g]!++;
  let best = Number.NEGATIVE_INFINITY;
  const trial = Int32Array.from(groups);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    for (let h = 0; h < m; h++) {
      if (h === g || size[g]! <= minSize[g]! || size[h]! >= maxSize[h]!) continue;
      trial[i] = h;
      best = Math.max(best, value(shape, trial) - base);
      trial[i] = g;
    }
    for (let j = i + 1; j < n; j++) {
      if (groups[j] === g) continue;
      trial[i] = groups[j]!;
      trial[j] = g;
      best = Math.max(best, value(shape, trial) - base);
      trial[i] = g;
      trial[j] = groups[j]!;
    }
  }
  return best;
}

function expectConsistent(state: GroupingState): void {
  const fresh = GroupingState.of(state);
  fresh.load(state.group);
  for (let k = 0; k < state.gain.length; k++) expect(state.gain[k]).toBeCloseTo(fresh.gain[k]!, 6);
  expect(state.current).toBeCloseTo(value(state, state.group), 6);
  for (let g = 0; g < state.m; g++) {
    const listed = Array.from(state.memberList.subarray(g * state.n, g * state.n + state.size[g]!)).sort((a, b) => a - b);
    const members = Array.from(state.group.keys()).filter((i) => state.group[i] === g);
    expect(listed).toEqual(members);
    for (const i of listed) expect(state.memberList[g * state.n + state.memberPosition[i]!]).toBe(i);
  }
}

describe("grouping state", () => {
  it("keeps gains, member lists and the objective equal to a fresh load through any inserts and swaps", () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 60 }), ({ shape, start }, moves) => {
        const state = GroupingState.of(shape);
        state.load(start);
        for (const [a, b, isSwap] of moves) {
          const i = a % shape.n;
          if (isSwap) {
            const j = b % shape.n;
            if (state.group[i] === state.group[j]) continue;
            const expected = state.current + state.swapDelta(i, j);
            state.swap(i, j);
            expect(state.current).toBeCloseTo(expected, 6);
          } else {
            const h = b % shape.m;
            if (h === state.group[i]) continue;
            const expected = state.current + state.insertDelta(i, h);
            state.place(i, h);
            expect(state.current).toBeCloseTo(expected, 6);
          }
        }
        expectConsistent(state);
        const saved = state.save(true);
        const other = GroupingState.of(shape);
        other.restore(saved);
        expect(Array.from(other.gain)).toEqual(Array.from(state.gain));
        expect(other.current).toBe(state.current);
      }),
      { numRuns: 200 },
    );
  });
});

describe("grouping descent", () => {
  for (const pruned of [true, false]) {
    it(`${pruned ? "with" : "without"} the block bound, ends where no insert or swap improves, within the bounds`, () => {
      fc.assert(
        fc.property(caseArb, ({ shape, start }) => {
          const state = GroupingState.of(shape);
          state.load(start);
          const before = state.current;
          const descent = new Descent(state, pruned);
          descent.run();
          expect(state.current).toBeGreaterThanOrEqual(before - 1e-9);
          expect(bestImprovement(shape, state.group)).toBeLessThanOrEqual(descent.tolerance);
          expectConsistent(state);
          for (let g = 0; g < shape.m; g++) {
            expect(state.size[g]).toBeGreaterThanOrEqual(shape.minSize[g]!);
            expect(state.size[g]).toBeLessThanOrEqual(shape.maxSize[g]!);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("grouping perturbations", () => {
  it("keep every group within its bounds and the state consistent", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 4 }), ({ shape, start, random }, kicks, rounds) => {
        const state = GroupingState.of(shape);
        state.load(start);
        const perturbation = new Perturbation(state, random);
        perturbation.undirected(kicks);
        for (let r = 0; r < rounds; r++) perturbation.directed();
        expectConsistent(state);
        for (let g = 0; g < shape.m; g++) {
          expect(state.size[g]).toBeGreaterThanOrEqual(shape.minSize[g]!);
          expect(state.size[g]).toBeLessThanOrEqual(shape.maxSize[g]!);
        }
      }),
      { numRuns: 200 },
    );
  });
});
