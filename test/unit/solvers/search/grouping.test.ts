// Pure grouping programs (the MDGP shape: one presentation each, size bounds, every pair an affinity) go to the
// dedicated grouping engine; on tiny ones it must reach the optimum found by enumerating every grouping.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../../src/check/check.js";
import { scoreSolution } from "../../../../src/check/score.js";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { solveProgram } from "../../../../src/pipeline.js";
import { assignmentToPanels } from "../../../../src/solve.js";
import { isPureGrouping, randomGrouping, sizeConfigs } from "../../../../src/solvers/search/grouping.js";
import { Crossover } from "../../../../src/solvers/search/grouping-crossover.js";
import { createRandom } from "../../../../src/solvers/search/random.js";
import { runSearch } from "../../../../src/solvers/search/search.js";
import { enumerateGroupingOptimum, tinyGroupingArb, tinyGroupingProgram } from "../../../helpers/grouping.js";
import { loadGenerated } from "../../../helpers/program.js";

describe("grouping engine", () => {
  it("reaches the enumerated optimum of tiny grouping programs with a checked assignment", async () => {
    await fc.assert(
      fc.asyncProperty(tinyGroupingArb(), fc.nat(100), async (instance, seed) => {
        const program = loadGenerated(tinyGroupingProgram(instance));
        const problem = normalizeProgram(program);
        expect(isPureGrouping(problem)).toBe(true);
        const result = await runSearch(problem, { timeLimitMs: 3_600_000, seed, maxIterations: 3000, grouping: true });
        expect(result.status).toBe("feasible");
        const panels = assignmentToPanels(problem, result.assignment!);
        expect(checkSolution(program, panels)).toEqual([]);
        expect(scoreSolution(program, panels).total).toBe(enumerateGroupingOptimum(instance));
      }),
      { numRuns: 150 },
    );
  });

  it("stops as soon as it reaches the proven bound: every pair weighing the same, auto proves the optimum at once", async () => {
    // 120 participants in 12 panels of 10, every pair worth 1: any grouping realises 12 x 45 pairs, the bound's value.
    const n = 120;
    const program = loadGenerated(tinyGroupingProgram({ n, bounds: Array.from({ length: 12 }, () => ({ min: 10, max: 10 })), d: new Array(n * n).fill(1) }));
    const solution = await solveProgram(program, { solver: "auto", timeLimitMs: 30_000, seed: 1 });
    expect(solution.status).toBe("optimal");
    expect(solution.objective!.total).toBe(540);
    // The first descents already reach it; running to the time limit would take thousands.
    expect(solution.stats.iterations).toBeLessThan(15);
  });

  it("is left alone when anything but sizes and affinity matters", () => {
    const input = tinyGroupingProgram({ n: 4, bounds: [{ min: 2, max: 2 }, { min: 2, max: 2 }], d: new Array(16).fill(1) });
    const withCap = { ...input, policy: { ...input.policy, nationality: { maxShare: 0.5 } } };
    expect(isPureGrouping(normalizeProgram(loadGenerated(withCap)))).toBe(false);
  });
});

const squares = (sizes: ArrayLike<number>) => Array.from(sizes).reduce((total, s) => total + s * (s - 1), 0);

/** Largest sum of size*(size-1) over every size vector within the bounds summing to n. */
function bestSquares(n: number, min: readonly number[], max: readonly number[]): number {
  let best = Number.NEGATIVE_INFINITY;
  const sizes: number[] = [];
  const visit = (g: number, left: number) => {
    if (g === min.length) {
      if (left === 0) best = Math.max(best, squares(sizes));
      return;
    }
    for (let s = min[g]!; s <= Math.min(max[g]!, left); s++) {
      sizes[g] = s;
      visit(g + 1, left - s);
    }
  };
  visit(0, n);
  return best;
}

describe("group size vectors", () => {
  const boundsArb = fc
    .array(fc.record({ min: fc.integer({ min: 0, max: 4 }), extra: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 5 })
    .chain((list) => {
      const min = list.map((b) => b.min);
      const max = list.map((b) => b.min + b.extra);
      const low = min.reduce((a, b) => a + b, 0);
      const high = max.reduce((a, b) => a + b, 0);
      return fc.record({ min: fc.constant(min), max: fc.constant(max), n: fc.integer({ min: low, max: high }) });
    });

  it("lists distinct vertices within the bounds, best first, led by the largest sum of squares", () => {
    fc.assert(
      fc.property(boundsArb, ({ min, max, n }) => {
        const configs = sizeConfigs(n, min, max);
        expect(configs.length).toBeGreaterThan(0);
        const keys = new Set<string>();
        let previous = Number.POSITIVE_INFINITY;
        for (const sizes of configs) {
          expect(Array.from(sizes).reduce((a, b) => a + b, 0)).toBe(n);
          sizes.forEach((s, g) => {
            expect(s).toBeGreaterThanOrEqual(min[g]!);
            expect(s).toBeLessThanOrEqual(max[g]!);
          });
          // A vertex: at most one group strictly between its bounds.
          expect(Array.from(sizes).filter((s, g) => s > min[g]! && s < max[g]!).length).toBeLessThanOrEqual(1);
          expect(squares(sizes)).toBeLessThanOrEqual(previous);
          previous = squares(sizes);
          keys.add(sizes.join(","));
        }
        expect(keys.size).toBe(configs.length);
        expect(squares(configs[0]!)).toBe(bestSquares(n, min, max));
      }),
      { numRuns: 300 },
    );
  });

  it("gives one vector within the bounds when there are too many groups to enumerate", () => {
    const min = Array.from({ length: 20 }, (_, g) => 2 + (g % 3));
    const max = min.map((s, g) => s + (g % 5));
    const n = min.reduce((a, b) => a + b, 0) + 17;
    const configs = sizeConfigs(n, min, max);
    expect(configs).toHaveLength(1);
    const sizes = configs[0]!;
    expect(Array.from(sizes).reduce((a, b) => a + b, 0)).toBe(n);
    sizes.forEach((s, g) => expect(s >= min[g]! && s <= max[g]!).toBe(true));
  });
});

describe("grouping crossover", () => {
  // Two parents within the size bounds (any sizes the bounds allow, so the parents' sizes differ).
  const parentsArb = fc
    .record({ m: fc.integer({ min: 2, max: 6 }), seed: fc.nat() })
    .chain(({ m, seed }) =>
      fc.record({
        seed: fc.constant(seed),
        bounds: fc.array(fc.record({ min: fc.integer({ min: 0, max: 5 }), extra: fc.integer({ min: 0, max: 5 }) }), { minLength: m, maxLength: m }),
        pick: fc.tuple(fc.nat(), fc.nat()),
        extra: fc.nat(),
      }),
    )
    .map(({ seed, bounds, pick, extra }) => {
      const minSize = Int32Array.from(bounds, (b) => b.min);
      const maxSize = Int32Array.from(bounds, (b) => b.min + b.extra);
      const low = minSize.reduce((a, b) => a + b, 0);
      const high = maxSize.reduce((a, b) => a + b, 0);
      const n = Math.max(1, low + (extra % (high - low + 1)));
      return { seed, minSize, maxSize, n, pick };
    })
    .filter(({ n, minSize, maxSize }) => minSize.reduce((a, b) => a + b, 0) <= n && maxSize.reduce((a, b) => a + b, 0) >= n);

  const withinBounds = (groups: Int32Array, minSize: Int32Array, maxSize: Int32Array) => {
    const size = new Int32Array(minSize.length);
    for (const g of groups) {
      expect(g).toBeGreaterThanOrEqual(0);
      expect(g).toBeLessThan(minSize.length);
      size[g]!++;
    }
    size.forEach((s, g) => {
      expect(s).toBeGreaterThanOrEqual(minSize[g]!);
      expect(s).toBeLessThanOrEqual(maxSize[g]!);
    });
  };

  it("makes a child within the size bounds from any two parents, and returns a parent crossed with itself", () => {
    fc.assert(
      fc.property(parentsArb, ({ seed, minSize, maxSize, n, pick }) => {
        const random = createRandom(seed);
        const weights = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) weights[i * n + j] = weights[j * n + i] = random.int(50);
        const configs = sizeConfigs(n, minSize, maxSize);
        const a = randomGrouping(n, configs[pick[0] % configs.length]!, random);
        const b = randomGrouping(n, configs[pick[1] % configs.length]!, random);
        const shape = { n, m: minSize.length, weights, minSize, maxSize };
        const crossover = new Crossover(shape, random);
        const child = crossover.cross(a, b);
        expect(child).toHaveLength(n);
        withinBounds(child, minSize, maxSize);
        expect(Array.from(crossover.cross(a, a))).toEqual(Array.from(a));
      }),
      { numRuns: 400 },
    );
  });
});
