// Tiny grouping instances (the MDGP shape) for the grouping engine's tests: a fast-check arbitrary, the instance as a
// program, and its optimum by enumerating every grouping within the size bounds.
import fc from "fast-check";
import type { ProgramInput } from "../../src/model/schema.js";

export interface TinyGrouping {
  readonly n: number;
  readonly bounds: readonly { min: number; max: number }[];
  /** n x n, read at i < j. */
  readonly d: readonly number[];
}

/** n in 3..8, m in 2..3, sizes within the bounds possible; weights in [minWeight, 50]. */
export function tinyGroupingArb(minWeight = 1): fc.Arbitrary<TinyGrouping> {
  return fc
    .record({ n: fc.integer({ min: 3, max: 8 }), m: fc.integer({ min: 2, max: 3 }) })
    .chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        bounds: fc
          .array(fc.record({ min: fc.integer({ min: 1, max: 2 }), extra: fc.integer({ min: 0, max: 3 }) }), { minLength: m, maxLength: m })
          .map((list) => list.map(({ min, extra }) => ({ min, max: min + extra }))),
        d: fc.array(fc.integer({ min: minWeight, max: 50 }), { minLength: n * n, maxLength: n * n }),
      }),
    )
    .filter(({ n, bounds }) => bounds.reduce((a, b) => a + b.min, 0) <= n && bounds.reduce((a, b) => a + b.max, 0) >= n);
}

export function tinyGroupingProgram({ n, bounds, d }: TinyGrouping): ProgramInput {
  const affinities: { between: [string, string]; weight: number }[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) affinities.push({ between: [`e${i}`, `e${j}`], weight: d[i * n + j]! });
  return {
    participants: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, nationalities: ["XX"] })),
    panels: bounds.map((size, g) => ({ id: `G${g}`, size })),
    policy: { affinities, weights: { dialogue: 0, diversity: 0, topicFit: 0, affinity: 1, stability: 0 } },
  };
}

/** Every grouping within the bounds: the exhaustive optimum. */
export function enumerateGroupingOptimum({ n, bounds, d }: TinyGrouping): number {
  const m = bounds.length;
  const group = new Array<number>(n).fill(0);
  let best = Number.NEGATIVE_INFINITY;
  const visit = (i: number) => {
    if (i === n) {
      const sizes = new Array<number>(m).fill(0);
      for (const g of group) sizes[g]!++;
      if (sizes.some((s, g) => s < bounds[g]!.min || s > bounds[g]!.max)) return;
      let total = 0;
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (group[a] === group[b]) total += d[a * n + b]!;
      best = Math.max(best, total);
      return;
    }
    for (let g = 0; g < m; g++) {
      group[i] = g;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}
