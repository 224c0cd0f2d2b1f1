// The single-seat affinity bound: never below the exhaustive optimum of tiny grouping programs (negative weights and
// pairs listed twice included), exact when every weight is equal, and out of play when someone may sit twice.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeProgram } from "../../../src/model/normalize.js";
import type { ProgramInput } from "../../../src/model/schema.js";
import { objectiveBound } from "../../../src/solvers/bounds.js";
import { singleSeatAffinityBound } from "../../../src/constraints/objective/single-seat-bound.js";
import { enumerateGroupingOptimum, tinyGroupingArb, tinyGroupingProgram } from "../../helpers/grouping.js";
import { loadGenerated } from "../../helpers/program.js";

const bound = (input: ProgramInput) => singleSeatAffinityBound(normalizeProgram(loadGenerated(input)));

describe("single-seat affinity bound", () => {
  it("is at least the enumerated optimum, also with negative weights and a pair listed twice", () => {
    fc.assert(
      fc.property(tinyGroupingArb(-30), fc.nat(), (instance, pick) => {
        const input = tinyGroupingProgram(instance);
        const affinities = input.policy!.affinities!;
        // The same pair once more, the other way round: the two weights count together.
        const twice = affinities[pick % affinities.length]!;
        const extra = { between: [twice.between[1], twice.between[0]] as [string, string], weight: (pick % 7) + 1 };
        const d = [...instance.d];
        const [i, j] = twice.between.map((id) => Number(id.slice(1))) as [number, number];
        d[Math.min(i, j) * instance.n + Math.max(i, j)]! += extra.weight;
        const doubled = { ...input, policy: { ...input.policy, affinities: [...affinities, extra] } };
        expect(bound(doubled)).toBeGreaterThanOrEqual(enumerateGroupingOptimum({ ...instance, d }) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("is exact when every pair weighs the same: 6 people in 2 panels of 3 realise 6 pairs", () => {
    const instance = { n: 6, bounds: [{ min: 3, max: 3 }, { min: 3, max: 3 }], d: new Array(36).fill(1) };
    expect(bound(tinyGroupingProgram(instance))).toBe(6);
    expect(enumerateGroupingOptimum(instance)).toBe(6);
  });

  it("does not apply when a participant may sit on two panels, and otherwise tightens objectiveBound", () => {
    const instance = { n: 6, bounds: [{ min: 3, max: 3 }, { min: 3, max: 3 }], d: new Array(36).fill(1) };
    const input = tinyGroupingProgram(instance);
    const roomy = tinyGroupingProgram({ ...instance, bounds: [{ min: 3, max: 4 }, { min: 3, max: 4 }] });
    const twoSeats = { ...roomy, participants: roomy.participants.map((p, k) => (k === 0 ? { ...p, presents: 2 } : p)) };
    expect(bound(twoSeats)).toBe(Number.POSITIVE_INFINITY);
    // Counting every positive pair as realised would give 15.
    expect(objectiveBound(normalizeProgram(loadGenerated(input)))).toBe(6);
  });
});
