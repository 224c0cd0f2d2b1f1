// DESIGN.md §8: every solution any solver emits passes the checker, and an exact solver's proven optimum is at
// least every heuristic's score (and never "infeasible" where a heuristic found a checked solution).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SOLVER_NAMES } from "../../src/solvers/solver.js";
import { programArb } from "../arbitraries/program.js";
import { loadGenerated } from "../helpers/program.js";
import { describeSolution, expectSound, solveWith, total } from "../helpers/solve.js";
import { runs } from "../helpers/runs.js";

const smallPrograms = programArb({ maxParticipants: 12, maxPanels: 4, maxSlots: 3, maxPresents: 2 }).map(loadGenerated);

describe("every emitted solution passes the checker", () => {
  it("across solvers, on generated small programs", async () => {
    await fc.assert(
      fc.asyncProperty(smallPrograms, fc.constantFrom(...SOLVER_NAMES), fc.integer({ min: 1, max: 1000 }), async (program, solver, seed) => {
        const solution = await solveWith(program, solver, undefined, seed);
        expectSound(program, solution);
      }),
      { numRuns: runs(250) },
    );
  });
});

describe("exact optimum dominates the heuristics", () => {
  it("mip's proven optimum >= greedy's and search's objective; no heuristic solution where mip says infeasible", async () => {
    await fc.assert(
      fc.asyncProperty(smallPrograms, async (program) => {
        const exact = await solveWith(program, "mip");
        const greedy = await solveWith(program, "greedy");
        const search = await solveWith(program, "search");
        for (const s of [exact, greedy, search]) expectSound(program, s);
        const context = [exact, greedy, search].map(describeSolution).join("\n") + `\nprogram: ${JSON.stringify(program)}`;
        const found = [greedy, search].filter((s) => s.status === "feasible");
        if (exact.status === "infeasible") expect(found, context).toEqual([]);
        if (exact.status === "optimal") {
          for (const s of found) expect(total(s)!, context).toBeLessThanOrEqual(total(exact)! + 1e-6);
        }
        // An exact solver's bound is an upper bound on anything feasible.
        if (exact.bound !== null) for (const s of found) expect(total(s)!, context).toBeLessThanOrEqual(exact.bound + 1e-6);
      }),
      { numRuns: runs(40) },
    );
  });

  it("highs and mip agree on status and optimum", async () => {
    await fc.assert(
      fc.asyncProperty(smallPrograms, async (program) => {
        const mip = await solveWith(program, "mip");
        const highs = await solveWith(program, "highs");
        const context = `${describeSolution(mip)}\n${describeSolution(highs)}\nprogram: ${JSON.stringify(program)}`;
        fc.pre(mip.status !== "timeout" && highs.status !== "timeout" && mip.status !== "feasible" && highs.status !== "feasible");
        expect(highs.status, context).toBe(mip.status);
        if (mip.status === "optimal") expect(total(highs)!, context).toBeCloseTo(total(mip)!, 6);
      }),
      { numRuns: runs(40) },
    );
  });
});
