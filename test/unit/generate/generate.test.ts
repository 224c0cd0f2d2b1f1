import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../src/check/check.js";
import { generateProgram, generateWithWitness, HOST } from "../../../src/generate/generate.js";
import { Random } from "../../../src/random.js";
import { validateProgram } from "../../../src/model/load.js";
import type { Program } from "../../../src/model/schema.js";

function validated(participants: number, seed: number): { program: Program; witness: ReturnType<typeof generateWithWitness>["witness"] } {
  const generated = generateWithWitness({ participants, seed });
  const loaded = validateProgram(generated.program, `generated-${participants}-${seed}`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
  return { program: loaded.value, witness: generated.witness };
}

describe("generateProgram", () => {
  it("validates, and its planted witness passes the independent checker, for many sizes and seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 120 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (participants, seed) => {
        const { program, witness } = validated(participants, seed);
        expect(program.participants).toHaveLength(participants);
        expect(checkSolution(program, witness)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("stays feasible by construction at convention sizes", () => {
    for (const [participants, seed] of [[400, 1], [400, 7], [1500, 3]] as const) {
      const { program, witness } = validated(participants, seed);
      expect(checkSolution(program, witness)).toEqual([]);
    }
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(generateProgram({ participants: 150, seed: 42 })).toEqual(generateProgram({ participants: 150, seed: 42 }));
    expect(generateProgram({ participants: 150, seed: 42 })).not.toEqual(generateProgram({ participants: 150, seed: 43 }));
  });

  it("honours an explicit slot count, including one slot (nobody then presents twice)", () => {
    const one = validated(30, 5).program;
    expect(one.slots.length).toBeGreaterThanOrEqual(2);
    const generated = generateWithWitness({ participants: 30, seed: 5, slots: 1 });
    const loaded = validateProgram(generated.program, "one-slot");
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.slots).toHaveLength(1);
    expect(loaded.value.participants.every((p) => p.presents <= 1)).toBe(true);
    expect(checkSolution(loaded.value, generated.witness)).toEqual([]);
  });

  it("rejects sizes it cannot build and host shares above the cap", () => {
    expect(() => generateProgram({ participants: 3, seed: 1 })).toThrow(RangeError);
    expect(() => generateProgram({ participants: 50, seed: 1, hostShare: 0.5 })).toThrow(RangeError);
  });

  it("has the documented proportions, roughly", () => {
    const { program } = validated(3000, 11);
    const n = program.participants.length;
    const share = (count: number) => count / n;
    const people = program.participants;
    const host = share(people.filter((p) => p.nationalities.includes(HOST)).length);
    expect(host).toBeGreaterThan(0.15);
    expect(host).toBeLessThan(0.3);
    const nations = new Set(people.flatMap((p) => p.nationalities));
    expect(nations.size).toBeGreaterThanOrEqual(30);
    expect(nations.size).toBeLessThanOrEqual(60);
    expect(share(people.filter((p) => p.nationalities.length === 2).length)).toBeGreaterThan(0.01);
    expect(share(people.filter((p) => p.nationalities.length === 2).length)).toBeLessThan(0.06);
    expect(share(people.filter((p) => p.atRisk).length)).toBeCloseTo(0.01, 2);
    expect(share(people.filter((p) => p.group !== undefined).length)).toBeGreaterThan(0.02);
    expect(share(people.filter((p) => p.group !== undefined).length)).toBeLessThan(0.08);
    expect(share(people.filter((p) => p.avoid.nationalities.length > 0).length)).toBeLessThan(0.04);
    expect(share(people.filter((p) => p.unavailable.length > 0).length)).toBeGreaterThan(0.08);
    expect(share(people.filter((p) => p.unavailable.length > 0).length)).toBeLessThan(0.16);

    const panels = program.panels;
    expect(panels.length / n).toBeGreaterThan(1 / 5);
    expect(panels.length / n).toBeLessThan(1 / 4);
    expect(program.slots).toHaveLength(16);
    const recorded = panels.filter((p) => p.recorded).length / panels.length;
    expect(recorded).toBeGreaterThan(0.05);
    expect(recorded).toBeLessThan(0.15);
    const withDiscussant = panels.filter((p) => p.discussant === true).length / panels.length;
    expect(withDiscussant).toBeGreaterThan(0.2);
    expect(withDiscussant).toBeLessThan(0.4);
    // Chairs were found for (almost) every panel, and there is spare chair capacity for the solver to use.
    expect(panels.filter((p) => p.chair === false).length).toBeLessThanOrEqual(panels.length * 0.02);
    const chairCapacity = people.reduce((s, p) => s + p.mayChair, 0);
    expect(chairCapacity).toBeGreaterThan(1.4 * panels.length);
    expect(chairCapacity).toBeLessThan(2.2 * panels.length);

    const policy = program.policy;
    expect(policy.nationality).toEqual({ maxShare: 0.5, minDistinct: 2 });
    expect(policy.topics).toBe("preferred");
    expect(policy.dialogue.pairs.length).toBe(10);
  });

  it("names only dialogue pairs and separations whose two nations both occur", () => {
    for (const participants of [60, 400]) {
      const { program } = validated(participants, 1);
      const held = new Set(program.participants.flatMap((p) => p.nationalities));
      expect(program.policy.dialogue.pairs.length).toBeGreaterThan(0);
      for (const pair of program.policy.dialogue.pairs) expect(pair.between.every((c) => held.has(c))).toBe(true);
      for (const pair of program.policy.separate) expect(pair.every((c) => held.has(c))).toBe(true);
    }
  });
});

describe("Random", () => {
  it("repeats per seed and stays in range", () => {
    const a = new Random(9);
    const b = new Random(9);
    const draws = Array.from({ length: 100 }, () => a.int(7));
    expect(draws).toEqual(Array.from({ length: 100 }, () => b.int(7)));
    expect(draws.every((x) => x >= 0 && x < 7)).toBe(true);
    expect(new Set(draws).size).toBe(7);
    expect(new Random(1).next()).not.toBe(new Random(2).next());
  });

  it("draws weighted indices in proportion", () => {
    const rng = new Random(3);
    const counts = [0, 0];
    for (let k = 0; k < 4000; k++) counts[rng.weighted(Float64Array.from([1, 4]))]!++;
    expect(counts[1]! / 4000).toBeGreaterThan(0.7);
    expect(counts[1]! / 4000).toBeLessThan(0.8);
  });
});
