// DESIGN.md §8: on programs small enough to enumerate, each exact solver's optimum equals the brute-force optimum
// and its "infeasible" agrees with brute force; local search reaches the optimum there too. Brute force judges
// with the independent checker and scorer, so this holds each solver's encoding against the written rules.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProgramInput } from "../../src/model/schema.js";
import { programArb, type ProgramKnobs } from "../arbitraries/program.js";
import { bruteForce, type BruteForceResult } from "../helpers/brute-force.js";
import { loadGenerated } from "../helpers/program.js";
import { describeSolution, expectSound, solveWith } from "../helpers/solve.js";
import type { Program } from "../../src/model/schema.js";
import { runs } from "../helpers/runs.js";

const TINY: ProgramKnobs = { maxParticipants: 8, maxPanels: 3, maxSlots: 2, maxPresents: 2 };

/** Tiny programs whose brute force stays within a few thousand assignments. */
function tinyCases(knobs: ProgramKnobs, keep: (input: ProgramInput) => boolean = () => true) {
  return programArb(knobs)
    .filter(keep)
    .map((input) => {
      const program = loadGenerated(input);
      return { program, truth: bruteForce(program, { maxLeaves: 20_000 }) };
    })
    .filter(({ truth }) => truth.status !== "gave-up");
}

function caseOf(input: ProgramInput): { program: Program; truth: BruteForceResult } {
  const program = loadGenerated(input);
  return { program, truth: bruteForce(program) };
}

/** Counterexamples found earlier, always run first (fast-check `examples`) so a regression cannot hide. */
const REGRESSIONS = {
  // Nobody can hold any role: the model has no variables; the optimum is the empty program (total 0).
  emptyModel: { participants: [{ id: "p0", nationalities: ["RU"], presents: 0 }], panels: [{ id: "P0" }], policy: { panelSize: { min: 0, max: 0 } } },
  // The only discussant (chair) candidate who does not present must take the role.
  idleDiscussant: {
    participants: [{ id: "a", nationalities: ["DE"], mayDiscuss: 1 }, { id: "b", nationalities: ["DE"], presents: 0, mayDiscuss: 1 }],
    panels: [{ id: "P0", size: { min: 1, max: 1 }, discussant: true }],
  },
  idleChair: {
    participants: [{ id: "a", nationalities: ["DE"], mayChair: 1 }, { id: "b", nationalities: ["DE"], presents: 0, mayChair: 1 }],
    panels: [{ id: "P0", size: { min: 1, max: 1 }, chair: true }],
  },
} satisfies Record<string, ProgramInput>;
const regressionExamples = (): [{ program: Program; truth: BruteForceResult }][] => Object.values(REGRESSIONS).map((input) => [caseOf(input)]);

const needsRoles = (input: ProgramInput) =>
  input.panels.some((p) => (p.chair ?? input.policy?.chair) === true || (p.discussant ?? input.policy?.discussant) === true);

async function expectExactAgrees(solver: "mip" | "highs" | "auto", program: Program, truth: BruteForceResult): Promise<void> {
  const solution = await solveWith(program, solver);
  expectSound(program, solution);
  const context = `brute force: ${JSON.stringify(truth)}\n${solver}: ${describeSolution(solution)}\nprogram: ${JSON.stringify(program)}`;
  if (truth.status === "infeasible") {
    expect(solution.status, context).toBe("infeasible");
  } else if (truth.status === "optimal") {
    expect(solution.status, context).toBe("optimal");
    expect(solution.objective!.total, context).toBeCloseTo(truth.total, 6);
  }
}

describe.each(["mip", "highs"] as const)("%s equals brute force", (solver) => {
  it("on tiny programs (every feature)", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCases(TINY), ({ program, truth }) => expectExactAgrees(solver, program, truth)),
      { numRuns: runs(120), examples: regressionExamples() },
    );
  });

  it("on tiny programs with chairs, discussants and slots", async () => {
    await fc.assert(
      fc.asyncProperty(
        tinyCases({ ...TINY, roles: "some", maxSlots: 2, unavailable: "some" }, needsRoles),
        ({ program, truth }) => expectExactAgrees(solver, program, truth),
      ),
      { numRuns: runs(80) },
    );
  });

  it("on tiny programs with scarce chairs (mostly infeasible)", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCases({ ...TINY, roles: "heavy", maxRoles: "heavy" }), ({ program, truth }) =>
        expectExactAgrees(solver, program, truth),
      ),
      { numRuns: runs(40) },
    );
  });

  it("on tiny programs with dialogue pairs, dual nationals and caps", async () => {
    await fc.assert(
      fc.asyncProperty(
        tinyCases({ ...TINY, dialogue: "heavy", dualNationals: "some", caps: "some", roles: "some", nationalities: ["UA", "RU", "GE", "AM"] }),
        ({ program, truth }) => expectExactAgrees(solver, program, truth),
      ),
      { numRuns: runs(50) },
    );
  });
});

describe("auto (exact: it passes on only its exact backends' claims) equals brute force", () => {
  it("on tiny programs", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCases(TINY), ({ program, truth }) => expectExactAgrees("auto", program, truth)),
      { numRuns: runs(40), examples: regressionExamples() },
    );
  });
});

describe("search reaches the brute-force optimum on tiny programs", () => {
  it("finds the optimum, and finds nothing where brute force finds nothing", async () => {
    await fc.assert(
      fc.asyncProperty(tinyCases({ maxParticipants: 6, maxPanels: 3, maxSlots: 2, maxPresents: 2 }), async ({ program, truth }) => {
        const solution = await solveWith(program, "search", 300);
        expectSound(program, solution);
        const context = `brute force: ${JSON.stringify(truth)}\nsearch: ${describeSolution(solution)}\nprogram: ${JSON.stringify(program)}`;
        if (truth.status === "infeasible") {
          expect(solution.status, context).toBe("timeout");
        } else if (truth.status === "optimal") {
          expect(solution.status, context).toBe("feasible");
          expect(solution.objective!.total, context).toBeCloseTo(truth.total, 6);
        }
      }),
      { numRuns: runs(50), examples: regressionExamples() },
    );
  });
});
