// The checker is the judge of every other property, so it is held against a second, plain reading of the rules
// (test/helpers/rules.ts): on random assignments, and on one-move neighbours of feasible ones, where the rules bind
// hardest. The scorer is held against a plain scorer on every feasible assignment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { scoreSolution } from "../../src/check/score.js";
import { assignmentArb, neighbourArb } from "../arbitraries/assignment.js";
import { programArb } from "../arbitraries/program.js";
import { bruteForce } from "../helpers/brute-force.js";
import { loadGenerated } from "../helpers/program.js";
import { allBreaches, plainScore } from "../helpers/rules.js";
import type { Program } from "../../src/model/schema.js";
import type { SolutionPanel } from "../../src/model/solution.js";
import { runs } from "../helpers/runs.js";

function agree(program: Program, panels: SolutionPanel[]): void {
  const violations = checkSolution(program, panels);
  const breaches = allBreaches(program, panels);
  const context = JSON.stringify({ panels, violations: violations.map((v) => v.code), breaches });
  expect(violations.length === 0, context).toBe(breaches.length === 0);
  if (violations.length === 0) {
    const score = scoreSolution(program, panels);
    const plain = plainScore(program, panels);
    expect(score.total, context).toBeCloseTo(plain.total, 9);
    for (const [term, value] of Object.entries(plain.terms)) expect(score.terms[term], term).toBeCloseTo(value, 9);
  }
}

const small = programArb({ maxParticipants: 7, maxPanels: 3, maxPresents: 2 });

describe("checker against the plain re-check", () => {
  it("agrees on random assignments", () => {
    const arb = small.map(loadGenerated).chain((program) => fc.tuple(fc.constant(program), assignmentArb(program)));
    fc.assert(
      fc.property(arb, ([program, panels]) => agree(program, panels)),
      { numRuns: runs(400) },
    );
  });

  it("agrees on feasible assignments and their one-move neighbours", () => {
    const arb = small
      .map(loadGenerated)
      .map((program) => ({ program, best: bruteForce(program, { maxLeaves: 20_000 }) }))
      .filter(({ best }) => best.status === "optimal")
      .chain(({ program, best }) => {
        const panels = best.status === "optimal" ? best.panels : [];
        return fc.tuple(fc.constant(program), fc.constant(panels), neighbourArb(program, panels));
      });
    fc.assert(
      fc.property(arb, ([program, optimum, neighbour]) => {
        agree(program, optimum);
        agree(program, neighbour);
      }),
      { numRuns: runs(200) },
    );
  });
});
