// The Lagrangian bound on a spare core: the worker reports what the in-thread computation reports, stops when
// aborted, and auto takes its bound beside the search where the LP relaxation is out of reach.
import { describe, expect, it } from "vitest";
import { generateProgram } from "../../../../src/generate/generate.js";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { autoSolver, solvesLpBoundBeside } from "../../../../src/solvers/auto.js";
import { objectiveBound } from "../../../../src/solvers/bounds.js";
import { lagrangianBoundInWorker } from "../../../../src/solvers/lagrangian/beside.js";
import { lagrangianBound } from "../../../../src/solvers/lagrangian/bound.js";
import { evaluateAssignment } from "../../../../src/solvers/search/full.js";
import { loadGenerated } from "../../../helpers/program.js";

describe("lagrangianBoundInWorker", () => {
  it("reports from a worker thread what the same computation reports in this one", async () => {
    const problem = normalizeProgram(loadGenerated(generateProgram({ participants: 60, seed: 4 })));
    const here = await lagrangianBound(problem, { timeLimitMs: 60_000, maxEvaluations: 1 });
    const seen: number[] = [];
    const there = await lagrangianBoundInWorker(problem, { timeLimitMs: 3_000, onBound: (bound) => seen.push(bound) });
    expect(there).not.toBeNull();
    // The first evaluation is the same in both (same starting prices); later ones can only improve on it.
    expect(seen[0]).toBe(here.bound);
    expect(there!).toBeLessThanOrEqual(here.bound);
    expect(seen.at(-1)).toBe(there);
  }, 30_000);

  it("stops when aborted, keeping what it found", async () => {
    const problem = normalizeProgram(loadGenerated(generateProgram({ participants: 400, seed: 1 })));
    const controller = new AbortController();
    const started = performance.now();
    const running = lagrangianBoundInWorker(problem, { timeLimitMs: 60_000, signal: controller.signal, onBound: () => controller.abort() });
    const bound = await running;
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(bound).not.toBeNull();
    expect(bound!).toBeLessThan(objectiveBound(problem));
  }, 60_000);
});

describe("auto beyond the LP relaxation's reach", () => {
  it("reports the Lagrangian bound from the spare core: valid, and far tighter than the counting bound", async () => {
    const problem = normalizeProgram(loadGenerated(generateProgram({ participants: 800, seed: 1 })));
    expect(solvesLpBoundBeside(problem, 1)).toBe(false);
    const result = await autoSolver.solve(problem, { timeLimitMs: 15_000, seed: 1, helperThreads: 1 });
    expect(result.status).toBe("feasible");
    expect(result.stats.raw).toContain("Lagrangian bound");
    const objective = evaluateAssignment(problem, result.assignment!).objective;
    expect(result.bound!).toBeGreaterThanOrEqual(objective);
    // Measured: about 2,390 against the counting bound of about 3,600.
    expect(result.bound!).toBeLessThan(0.7 * objectiveBound(problem));
  }, 60_000);

  it("leaves the spare core alone when there is none", async () => {
    const problem = normalizeProgram(loadGenerated(generateProgram({ participants: 800, seed: 1 })));
    const result = await autoSolver.solve(problem, { timeLimitMs: 2_000, seed: 1, helperThreads: 0 });
    expect(result.stats.raw).not.toContain("Lagrangian");
    expect(result.bound).toBe(objectiveBound(problem));
  }, 60_000);
});
