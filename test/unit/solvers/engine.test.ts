// Which local search engine a program gets is decided by auto.ts (usesGroupingEngine), for auto and the "search"
// solver alike: pure grouping programs (MDGP) the grouping engine, everything else LAHC.
import { describe, expect, it } from "vitest";
import { parseMdgp, mdgpToProgram } from "../../../bench/mdgp-instances.js";
import { generateProgram } from "../../../src/generate/generate.js";
import { normalizeProgram } from "../../../src/model/normalize.js";
import { usesGroupingEngine } from "../../../src/solvers/auto.js";
import { SOLVERS } from "../../../src/solvers/registry.js";
import { evaluateAssignment } from "../../../src/solvers/search/full.js";
import { loadGenerated } from "../../helpers/program.js";

/** 6 elements in 2 groups of 3, value 3 inside {0,1,2} and {3,4,5}, 1 across (dense): the optimum is 18. */
function twoClusters() {
  const lines = ["6 2 ss 3 3 3 3"];
  for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) lines.push(`${i} ${j} ${(i < 3) === (j < 3) ? 3 : 1}`);
  const parsed = parseMdgp(lines.join("\n"), "two-clusters.txt");
  if (!parsed.ok) throw new Error("the fixture does not parse");
  return normalizeProgram(loadGenerated(mdgpToProgram(parsed.value)));
}

describe("the search engine a program gets", () => {
  it("is the grouping engine for a pure grouping program, LAHC for a convention", () => {
    expect(usesGroupingEngine(twoClusters())).toBe(true);
    expect(usesGroupingEngine(normalizeProgram(loadGenerated(generateProgram({ participants: 60, seed: 1 }))))).toBe(false);
  });

  it("the search solver reaches the optimum of a pure grouping program", async () => {
    const problem = twoClusters();
    const result = await SOLVERS.search.solve(problem, { timeLimitMs: 5_000, seed: 1 });
    expect(result.status).toBe("feasible");
    expect(evaluateAssignment(problem, result.assignment!).objective).toBe(18);
  });
});
