// One contract, run for every entry of SOLVERS (STYLE.md §4; fast-check's ArbitraryAssertions, sortition's
// every-backend tests): the output passes the checker, the same seed gives the same result, the time limit is
// honoured, and an inexact solver never claims "optimal" or "infeasible".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { generateProgram } from "../../src/generate/generate.js";
import { normalizeProgram } from "../../src/model/normalize.js";
import type { Problem } from "../../src/model/problem.js";
import { assignmentToPanels } from "../../src/solve.js";
import { SOLVERS } from "../../src/solvers/registry.js";
import { runSearch } from "../../src/solvers/search/search.js";
import { SOLVER_NAMES, type SolveResult, type Solver } from "../../src/solvers/solver.js";
import { programArb } from "../arbitraries/program.js";
import { loadGenerated } from "../helpers/program.js";
import { TIME_LIMIT_MS } from "../helpers/solve.js";
import { runs } from "../helpers/runs.js";

const programs = programArb({ maxParticipants: 12, maxPanels: 4, maxSlots: 3, maxPresents: 2 }).map(loadGenerated);

function outcome(problem: Problem, result: SolveResult) {
  return {
    status: result.status,
    bound: result.bound,
    panels: result.assignment === null ? null : assignmentToPanels(problem, result.assignment),
  };
}

/** Search is time-bounded by default; a fixed iteration budget is its reproducible mode (SearchOptions). */
async function solveReproducibly(solver: Solver, problem: Problem, seed: number): Promise<SolveResult> {
  if (solver.name === "search") return runSearch(problem, { timeLimitMs: 60_000, seed, maxIterations: 20_000 });
  return solver.solve(problem, { timeLimitMs: TIME_LIMIT_MS[solver.name], seed });
}

describe.each(SOLVER_NAMES)("solver contract: %s", (name) => {
  const solver = SOLVERS[name];

  it("is registered under its own name", () => {
    expect(solver.name).toBe(name);
  });

  it("returns assignments the checker accepts, with the status its exactness allows", async () => {
    await fc.assert(
      fc.asyncProperty(programs, fc.integer({ min: 1, max: 10_000 }), async (program, seed) => {
        const problem = normalizeProgram(program);
        const result = await solver.solve(problem, { timeLimitMs: TIME_LIMIT_MS[name], seed });
        const context = JSON.stringify({ result: outcome(problem, result), program });
        if (!solver.exact) expect(["feasible", "timeout"], context).toContain(result.status);
        if (result.assignment === null) {
          expect(["infeasible", "timeout"], context).toContain(result.status);
          return;
        }
        expect(result.assignment.panels.length, context).toBe(problem.panelCount);
        expect(checkSolution(program, assignmentToPanels(problem, result.assignment)), context).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });

  it("gives the same result for the same seed", async () => {
    await fc.assert(
      fc.asyncProperty(programs, fc.integer({ min: 1, max: 10_000 }), async (program, seed) => {
        const problem = normalizeProgram(program);
        const first = await solveReproducibly(solver, problem, seed);
        const second = await solveReproducibly(solver, problem, seed);
        // auto hands unproven runs to a time-bounded search; only its proven answers are reproducible.
        if (name === "auto" && !(first.status === "optimal" || first.status === "infeasible")) return;
        expect(outcome(problem, second)).toEqual(outcome(problem, first));
      }),
      { numRuns: runs(15) },
    );
  });

  it("never claims optimal or infeasible unless exact, even on infeasible programs", async () => {
    // Scarce chairs: most of these programs have no solution at all.
    const hard = programArb({ maxParticipants: 10, maxPanels: 4, roles: "heavy", maxRoles: "heavy", caps: "heavy" }).map(loadGenerated);
    await fc.assert(
      fc.asyncProperty(hard, async (program) => {
        const result = await solver.solve(normalizeProgram(program), { timeLimitMs: TIME_LIMIT_MS[name], seed: 1 });
        if (!solver.exact) expect(["feasible", "timeout"]).toContain(result.status);
        else if (result.status === "infeasible") expect(result.assignment).toBeNull();
      }),
      { numRuns: runs(15) },
    );
  });

  it("honours the time limit (10% plus 1 s of start-up)", async () => {
    // Big enough that no solver proves optimality within the limit.
    const program = loadGenerated(generateProgram({ participants: 160, seed: 7 }));
    const problem = normalizeProgram(program);
    const limitMs = 6_000;
    const started = performance.now();
    const result = await solver.solve(problem, { timeLimitMs: limitMs, seed: 1 });
    const elapsedMs = performance.now() - started;
    // 10% of the limit, plus one second for worker start-up and WebAssembly compilation on a busy 2-core machine.
    expect(elapsedMs, `status ${result.status}`).toBeLessThanOrEqual(limitMs * 1.1 + 1_000);
    if (result.assignment !== null) expect(checkSolution(program, assignmentToPanels(problem, result.assignment))).toEqual([]);
  });

  it("stops promptly when aborted", async () => {
    const program = loadGenerated(generateProgram({ participants: 160, seed: 8 }));
    const problem = normalizeProgram(program);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const result = await solver.solve(problem, { timeLimitMs: 20_000, seed: 1, signal: controller.signal });
    expect(performance.now() - started, `status ${result.status}`).toBeLessThanOrEqual(300 + 3_000);
    if (!solver.exact) expect(["feasible", "timeout"]).toContain(result.status);
  });
});
