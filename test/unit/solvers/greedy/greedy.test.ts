// The constructive heuristic: "feasible" only with an assignment that keeps every hard rule, deterministic per
// seed, and on programs built around a planted feasible assignment it usually finds one of its own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../../src/check/check.js";
import { generateProgram } from "../../../../src/generate/generate.js";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { assignmentToPanels } from "../../../../src/solve.js";
import { greedySolver } from "../../../../src/solvers/greedy/greedy.js";
import { evaluateAssignment } from "../../../../src/solvers/search/full.js";
import { programArb } from "../../../arbitraries/program.js";
import { loadGenerated } from "../../../helpers/program.js";

describe("greedy", () => {
  it("claims feasible only for assignments that keep every hard rule, and never optimal or infeasible", async () => {
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 14, maxPanels: 5, maxPresents: 2 }), fc.nat(1000), async (input, seed) => {
        const program = loadGenerated(input);
        const problem = normalizeProgram(program);
        const result = await greedySolver.solve(problem, { timeLimitMs: 10_000, seed });
        expect(["feasible", "timeout"]).toContain(result.status);
        if (result.assignment === null) return;
        expect(evaluateAssignment(problem, result.assignment).violations).toEqual({});
        expect(checkSolution(program, assignmentToPanels(problem, result.assignment))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic per seed", async () => {
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 14, maxPanels: 5 }), fc.nat(1000), async (input, seed) => {
        const problem = normalizeProgram(loadGenerated(input));
        const first = await greedySolver.solve(problem, { timeLimitMs: 10_000, seed });
        const second = await greedySolver.solve(problem, { timeLimitMs: 10_000, seed });
        expect(second.status).toBe(first.status);
        expect(second.assignment).toEqual(first.assignment);
      }),
      { numRuns: 60 },
    );
  });

  it("finds a checked assignment for most generated conventions (each has a planted feasible one)", async () => {
    let feasible = 0;
    const runs = 8;
    for (let seed = 1; seed <= runs; seed++) {
      const program = loadGenerated(generateProgram({ participants: 120, seed }));
      const problem = normalizeProgram(program);
      const result = await greedySolver.solve(problem, { timeLimitMs: 10_000, seed });
      if (result.assignment === null) continue;
      feasible++;
      expect(checkSolution(program, assignmentToPanels(problem, result.assignment))).toEqual([]);
    }
    expect(feasible).toBeGreaterThanOrEqual(runs / 2);
  });
});
