// The two exact backends solve one model: on random small programs they agree on status and optimum, every
// answer passes the independent checker, and the cheap bound is never below the optimum. Also: a time limit is
// honoured even when the backend cannot stop by itself, and a program too large for javascript-lp-solver is refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { ProgramSchema } from "../../../../src/model/schema.js";
import { solveProgram } from "../../../../src/pipeline.js";
import { objectiveBound } from "../../../../src/solvers/bounds.js";
import { mipRefusal, mipSolver } from "../../../../src/solvers/mip/jslp.js";
import { highsSolver } from "../../../../src/solvers/mip/highs.js";
import { programArb } from "../../../arbitraries/program.js";
import { loadGenerated } from "../../../helpers/program.js";

const SMALL = { maxParticipants: 7, maxPanels: 3, maxSlots: 2, maxPresents: 2 } as const;

describe("mip and highs", () => {
  it("agree on status and optimum on random small programs, and the cheap bound holds", async () => {
    let bothOptimal = 0;
    await fc.assert(
      fc.asyncProperty(programArb(SMALL), async (input) => {
        const program = loadGenerated(input);
        const highs = await solveProgram(program, { solver: "highs", timeLimitMs: 20_000 });
        const mip = await solveProgram(program, { solver: "mip", timeLimitMs: 20_000 });
        const context = `program: ${JSON.stringify(program)}\nhighs: ${JSON.stringify(highs)}\nmip: ${JSON.stringify(mip)}`;
        expect(highs.violations, context).toEqual([]);
        expect(mip.violations, context).toEqual([]);
        expect(["optimal", "infeasible"], context).toContain(highs.status);
        if (mip.status === "optimal" || mip.status === "infeasible") expect(mip.status, context).toBe(highs.status);
        if (highs.status === "optimal") {
          expect(objectiveBound(normalizeProgram(program)) + 1e-6, context).toBeGreaterThanOrEqual(highs.objective!.total);
          expect(highs.bound, context).toBeCloseTo(highs.objective!.total, 6);
        }
        if (mip.status === "optimal" && highs.status === "optimal") {
          bothOptimal++;
          expect(mip.objective!.total, context).toBeCloseTo(highs.objective!.total, 6);
        }
      }),
      { numRuns: 60, seed: 20261126 },
    );
    expect(bothOptimal).toBeGreaterThanOrEqual(8); // most random programs are infeasible; enough are not
  });
});

/** A program neither backend proves optimal in a couple of seconds: many interchangeable people and panels. */
function hardProgram(participants: number, panels: number) {
  const nations = ["RU", "UA", "GE", "AM", "AZ", "DE"];
  return ProgramSchema.parse({
    slots: [{ id: "S1" }, { id: "S2" }],
    participants: Array.from({ length: participants }, (_, i) => ({
      id: `p${i}`,
      nationalities: [nations[(i * 7) % nations.length]!],
      mayChair: i % 4 === 0 ? 1 : 0,
    })),
    panels: Array.from({ length: panels }, (_, k) => ({ id: `P${k}`, slot: k % 2 === 0 ? "S1" : "S2", topics: [`t${k}`] })),
    policy: {
      panelSize: { min: 2, max: 5 },
      chair: true,
      nationality: { maxShare: 0.5 },
      dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }, { between: ["AM", "AZ"], weight: 7 }, { between: ["GE", "RU"], weight: 3 }] },
      affinities: [{ between: ["p1", "p2"], weight: 1 }],
    },
  });
}

describe("time limits", () => {
  it("highs stops within its time limit on a mid-sized program", async () => {
    const problem = normalizeProgram(hardProgram(120, 28));
    const started = performance.now();
    const result = await highsSolver.solve(problem, { timeLimitMs: 2_000, seed: 1 });
    expect(performance.now() - started).toBeLessThan(2_000 + 4_000); // building the model comes on top; loose on purpose
    expect(["feasible", "timeout", "optimal"]).toContain(result.status);
    if (result.status !== "optimal" && result.bound !== null && result.assignment !== null) expect(result.bound).toBeGreaterThanOrEqual(0);
  });

  it("mip is terminated at its time limit even inside a long LP, and never claims a proof it lacks", async () => {
    const problem = normalizeProgram(hardProgram(24, 6));
    expect(mipRefusal(problem)).toBeNull();
    const started = performance.now();
    const result = await mipSolver.solve(problem, { timeLimitMs: 1_500, seed: 1 });
    expect(performance.now() - started).toBeLessThan(1_500 + 3_000);
    expect(["feasible", "timeout"]).toContain(result.status);
  });

  it("mip refuses a program above its size, pointing to the other solvers", async () => {
    const problem = normalizeProgram(hardProgram(120, 28));
    const refusal = mipRefusal(problem);
    expect(refusal).toMatch(/--solver highs/);
    expect(refusal).toMatch(/--solver search/);
    const result = await mipSolver.solve(problem, { timeLimitMs: 10_000, seed: 1 });
    expect(result.status).toBe("timeout");
    expect(result.stats.raw).toBe(refusal);
  });

  it("an aborted signal ends the solve at once", async () => {
    const controller = new AbortController();
    const pending = highsSolver.solve(normalizeProgram(hardProgram(120, 28)), { timeLimitMs: 60_000, seed: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 500);
    const started = performance.now();
    const result = await pending;
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(["feasible", "timeout"]).toContain(result.status);
  });
});
