// The local search: what it returns keeps every hard rule (by its own full evaluation and by the independent
// checker), a seed and an iteration limit fix the result, and on tiny programs it reaches the exhaustive optimum.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../../src/check/check.js";
import { scoreSolution } from "../../../../src/check/score.js";
import { generateProgram } from "../../../../src/generate/generate.js";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { assignmentToPanels } from "../../../../src/solve.js";
import { evaluateAssignment } from "../../../../src/solvers/search/full.js";
import { runSearch } from "../../../../src/solvers/search/search.js";
import { programArb } from "../../../arbitraries/program.js";
import { bruteForce } from "../../../helpers/brute-force.js";
import { loadGenerated } from "../../../helpers/program.js";

const LONG = 3_600_000; // iteration limits decide, never the clock

describe("search", () => {
  it("returns only assignments that keep every hard rule, and never claims optimal or infeasible", async () => {
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 14, maxPanels: 5, maxPresents: 2 }), fc.nat(1000), async (input, seed) => {
        const program = loadGenerated(input);
        const problem = normalizeProgram(program);
        const result = await runSearch(problem, { timeLimitMs: LONG, seed, maxIterations: 4000 });
        expect(["feasible", "timeout"]).toContain(result.status);
        if (result.assignment === null) return;
        expect(evaluateAssignment(problem, result.assignment).violations).toEqual({});
        expect(checkSolution(program, assignmentToPanels(problem, result.assignment))).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it("gives the same result for the same seed and iteration limit", async () => {
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 12, maxPanels: 4 }), fc.nat(1000), async (input, seed) => {
        const problem = normalizeProgram(loadGenerated(input));
        const options = { timeLimitMs: LONG, seed, maxIterations: 3000 };
        const first = await runSearch(problem, options);
        const second = await runSearch(problem, options);
        expect(second.status).toBe(first.status);
        expect(second.assignment).toEqual(first.assignment);
        expect(second.stats.iterations).toBe(first.stats.iterations);
      }),
      { numRuns: 40 },
    );
  });

  it("reaches the exhaustive optimum of tiny programs, and finds nothing where nothing exists", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 6, maxPanels: 3, maxSlots: 2 }), async (input) => {
        const program = loadGenerated(input);
        const truth = bruteForce(program, { maxLeaves: 50_000 });
        if (truth.status === "gave-up") return;
        const problem = normalizeProgram(program);
        const result = await runSearch(problem, { timeLimitMs: LONG, seed: 7, maxIterations: 30_000 });
        if (truth.status === "infeasible") {
          expect(result.status).toBe("timeout");
          return;
        }
        compared++;
        expect(result.status, "a feasible program").toBe("feasible");
        const panels = assignmentToPanels(problem, result.assignment!);
        expect(scoreSolution(program, panels).total).toBeCloseTo(truth.total, 6);
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(10);
  });

  it("starts from a warm start and never returns worse than it", async () => {
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 12, maxPanels: 4 }), fc.nat(1000), async (input, seed) => {
        const program = loadGenerated(input);
        const problem = normalizeProgram(program);
        const first = await runSearch(problem, { timeLimitMs: LONG, seed, maxIterations: 2000 });
        if (first.assignment === null) return;
        const start = evaluateAssignment(problem, first.assignment).objective;
        const warm = await runSearch(problem, { timeLimitMs: LONG, seed: seed + 1, maxIterations: 500, initial: first.assignment });
        expect(warm.status).toBe("feasible");
        expect(evaluateAssignment(problem, warm.assignment!).objective).toBeGreaterThanOrEqual(start - 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it("returns its best so far when aborted", async () => {
    const program = loadGenerated(generateProgram({ participants: 200, seed: 3 }));
    const problem = normalizeProgram(program);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await runSearch(problem, { timeLimitMs: LONG, seed: 1, signal: controller.signal });
    expect(controller.signal.aborted).toBe(true);
    expect(result.status).toBe("feasible");
    expect(checkSolution(program, assignmentToPanels(problem, result.assignment!))).toEqual([]);
  });
});
