// auto beyond the HiGHS-proof size: the search, with HiGHS's LP relaxation bound solved beside it when a core is
// spare and the model is small enough (the bound must be valid and tighter than the counting bound).
import { describe, expect, it } from "vitest";
import { generateProgram } from "../../../src/generate/generate.js";
import { normalizeProgram } from "../../../src/model/normalize.js";
import { autoSolver, chooseSolver, solvesLpBoundBeside } from "../../../src/solvers/auto.js";
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

  it("solves the LP bound beside the search only on a spare thread, and not for dense affinities", () => {
    expect(solvesLpBoundBeside(problem, 1)).toBe(true);
    expect(solvesLpBoundBeside(problem, 0)).toBe(false);
    // MDGP-like: few participant-panel cells, but every pair an affinity (one product variable per pair and panel).
    const n = 120;
    const dense = normalizeProgram(
      loadGenerated({
        participants: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, nationalities: ["XX"] })),
        panels: Array.from({ length: 10 }, (_, g) => ({ id: `G${g}`, size: { min: 12, max: 12 } })),
        policy: {
          affinities: Array.from({ length: n - 1 }, (_, i) => Array.from({ length: n - 1 - i }, (_, k) => ({ between: [`e${i}`, `e${i + 1 + k}`] as [string, string], weight: 1 }))).flat(),
        },
      }),
    );
    expect(dense.participantCount * dense.panelCount).toBeLessThan(60_000);
    expect(solvesLpBoundBeside(dense, 1)).toBe(false);
  });
});
