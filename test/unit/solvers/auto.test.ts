// auto beyond the HiGHS-proof size: the search, with HiGHS's LP relaxation bound solved beside it when a core is
// spare (the bound must be valid and tighter than the counting bound), and without it when none is.
import { describe, expect, it } from "vitest";
import { generateProgram } from "../../../src/generate/generate.js";
import { normalizeProgram } from "../../../src/model/normalize.js";
import { autoSolver, chooseSolver } from "../../../src/solvers/auto.js";
import { objectiveBound } from "../../../src/solvers/bounds.js";
import { evaluateAssignment } from "../../../src/solvers/search/full.js";
import { loadGenerated } from "../../helpers/program.js";

// 300 participants: too large for the HiGHS proof path, small enough for the LP bound (about 7 s here).
const problem = normalizeProgram(loadGenerated(generateProgram({ participants: 300, seed: 1 })));

describe("auto on a 300-participant convention", () => {
  it("takes the search path", () => {
    expect(chooseSolver(problem)).toBe("search");
  });

  it("reports the LP relaxation bound when a thread is spare: valid, and tighter than the counting bound", async () => {
    const result = await autoSolver.solve(problem, { timeLimitMs: 20_000, seed: 1, helperThreads: 1 });
    expect(result.status).toBe("feasible");
    expect(result.stats.raw).toContain("LP relaxation bound");
    const objective = evaluateAssignment(problem, result.assignment!).objective;
    expect(result.bound).not.toBeNull();
    expect(result.bound!).toBeGreaterThanOrEqual(objective);
    expect(result.bound!).toBeLessThan(objectiveBound(problem));
  });

  it("starts no side thread when told none is spare, and reports the counting bound", async () => {
    const result = await autoSolver.solve(problem, { timeLimitMs: 1_500, seed: 1, helperThreads: 0 });
    expect(result.stats.raw).not.toContain("LP relaxation");
    expect(result.bound).toBe(objectiveBound(problem));
  });
});
