// The public API (src/index.ts) as an embedding program uses it: load, solve, check, score, without the CLI.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as tracktwo from "../../src/index.js";

const sample = join(import.meta.dirname, "..", "..", "scenarios", "sample-small.yaml");

describe("public API", () => {
  it("exports the documented entry points", () => {
    for (const name of [
      "loadProgram", "validateProgram", "normalizeProgram", "solveProgram", "checkSolution", "scoreSolution",
      "programJsonSchema", "loadSolution", "redactSolution", "formatSolutionSummary", "explainProgram", "loadScenario",
      "applyChanges",
    ]) {
      expect(typeof (tracktwo as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(Object.keys(tracktwo.SOLVERS).sort()).toEqual([...tracktwo.SOLVER_NAMES].sort());
  });

  it("loads the sample, solves it with local search, and the checker and scorer agree with the solution", async () => {
    const loaded = tracktwo.loadProgram(sample);
    if (!loaded.ok) throw new Error(loaded.issues.map(tracktwo.formatInputIssue).join("\n"));
    const solution = await tracktwo.solveProgram(loaded.value, { solver: "search", seed: 2, timeLimitMs: 3000 });
    expect(solution.status).toBe("feasible"); // an inexact solver never claims "optimal"
    expect(tracktwo.checkSolution(loaded.value, solution.panels)).toEqual([]);
    expect(tracktwo.scoreSolution(loaded.value, solution.panels)).toEqual(solution.objective);
    // mip proves 181 for the sample: no heuristic may beat it.
    expect(solution.objective!.total).toBeLessThanOrEqual(181);
  });

  it("reports an invalid program as issues, never by throwing", () => {
    const result = tracktwo.validateProgram({ participants: [{ id: "a" }], panels: "none" }, "api.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => tracktwo.formatPath(i.path))).toEqual(
      expect.arrayContaining(["participants[0].nationalities", "panels"]),
    );
  });
});
