// auto beyond the HiGHS-proof size: the search, with HiGHS's LP relaxation bound solved beside it when a core is
// spare and the model is small enough (the bound must be valid and tighter than the counting bound). Assertions
// are on data (status, bound, objective), never on which thread won a race.
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

  it("with a spare thread, proves the search's answer optimal with the LP relaxation bound", { timeout: 660_000 }, async () => {
    // Only dialogue and affinity weighted: the LP bound is then tight, and the search stops once it reaches it. The
    // limit is far beyond what the LP needs (37-45 s measured on two cores at load 11), so nothing here is a race:
    // the assertions are on the answer, not on which thread finished first.
    const input = generateProgram({ participants: 230, seed: 1 });
    const weights = { dialogue: 1, affinity: 1, diversity: 0, topicFit: 0 };
    const tight = normalizeProgram(loadGenerated({ ...input, policy: { ...input.policy, weights } }));
    expect(chooseSolver(tight)).toBe("search");
    const result = await autoSolver.solve(tight, { timeLimitMs: 600_000, seed: 1, helperThreads: 1 });
    expect(result.status).toBe("optimal");
    const objective = evaluateAssignment(tight, result.assignment!).objective;
    expect(result.bound).toBe(objective);
    expect(objective).toBeLessThan(objectiveBound(tight));
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
