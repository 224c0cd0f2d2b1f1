// One generator per constraint kind that makes that rule bind often (test/arbitraries STRESS_KINDS), and the
// assertion that every solver's output satisfies that kind: by the checker (all rules) and by the plain reading of
// that kind in test/helpers/rules.ts. An exact solver must also not call a program infeasible when a heuristic
// solved it. Stressed tiny programs are often infeasible, so a run counts only when some solver found a solution
// (fc.pre skips the others): each kind is held against numRuns solved programs, never vacuously.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SOLVER_NAMES } from "../../src/solvers/solver.js";
import { STRESS_KINDS, stressProgramArb } from "../arbitraries/program.js";
import { loadGenerated } from "../helpers/program.js";
import { STRESS_RULES } from "../helpers/rules.js";
import { describeSolution, expectSound, solveWith } from "../helpers/solve.js";
import { runs } from "../helpers/runs.js";

describe.each(STRESS_KINDS)("stress: %s", (kind) => {
  it("every solver's output satisfies the rule", async () => {
    const programs = stressProgramArb(kind, { maxParticipants: 10, maxPanels: 4, maxSlots: 2 }).map(loadGenerated);
    await fc.assert(
      fc.asyncProperty(programs, async (program) => {
        const solutions = [];
        for (const solver of SOLVER_NAMES) {
          const solution = await solveWith(program, solver);
          expectSound(program, solution);
          if (solution.panels.length > 0) {
            expect(STRESS_RULES[kind](program, solution.panels), describeSolution(solution)).toEqual([]);
          }
          solutions.push(solution);
        }
        const solved = solutions.filter((s) => s.status === "optimal" || s.status === "feasible");
        const context = solutions.map(describeSolution).join("\n") + `\nprogram: ${JSON.stringify(program)}`;
        for (const s of solutions) if (s.status === "infeasible") expect(solved, context).toEqual([]);
        fc.pre(solved.length > 0);
      }),
      { numRuns: runs(8) },
    );
  });
});
