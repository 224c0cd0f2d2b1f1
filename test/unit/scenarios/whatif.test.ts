// Minimal-change re-solving (issue 5 §3) held against exhaustive search on tiny programs, with the exact `mip`
// solver: an unchanged scenario re-solves to its baseline; after a withdrawal, exactly as few people move as any
// feasible program allows; --max-moves caps the moves or makes the scenario infeasible.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../src/check/check.js";
import { scoreSolution } from "../../../src/check/score.js";
import type { Explanation } from "../../../src/explain/types.js";
import type { Program } from "../../../src/model/schema.js";
import type { SolutionPanel } from "../../../src/model/solution.js";
import { applyChanges } from "../../../src/scenarios/apply.js";
import { diffAgainstBaseline } from "../../../src/scenarios/diff.js";
import type { LoadedScenario } from "../../../src/scenarios/load.js";
import { runScenarios } from "../../../src/scenarios/parallel.js";
import { runScenario } from "../../../src/scenarios/run.js";
import { ChangeSchema } from "../../../src/scenarios/schema.js";
import { solveProgram } from "../../../src/pipeline.js";
import { programArb } from "../../arbitraries/program.js";
import { loadGenerated } from "../../helpers/program.js";

/** Presenters only (no chairs, groups or pins), so every assignment is one panel choice per presentation. */
const tinyProgram = programArb({
  minParticipants: 2,
  maxParticipants: 6,
  maxPanels: 3,
  maxPresents: 1,
  roles: "none",
  groups: "none",
  pins: "none",
}).map(loadGenerated);

/**
 * Tiny programs where assignments score differently (dialogue pairs, affinities, diversity, topic fit) and which
 * mostly have several feasible assignments: most feasible baselines are then suboptimal.
 */
const scoredProgram = programArb({
  minParticipants: 3,
  maxParticipants: 6,
  minPanels: 2,
  maxPanels: 3,
  maxPresents: 1,
  roles: "none",
  groups: "none",
  pins: "none",
  optOuts: "none",
  keepApart: "none",
  separate: "none",
  unavailable: "none",
  balance: "none",
  atRisk: "none",
  dialogue: "heavy",
  affinities: "heavy",
})
  .map(loadGenerated)
  .map((p): Program => ({ ...p, policy: { ...p.policy, weights: { ...p.policy.weights, diversity: 1, topicFit: 1 } } }));

const scenario = (program: Program, baseline: readonly SolutionPanel[] | null, name = "s"): LoadedScenario => ({
  name,
  file: `${name}.yaml`,
  description: null,
  baseFile: "base.json",
  baselineFile: baseline === null ? null : "baseline.json",
  program,
  baseline: baseline === null ? null : { status: "optimal", solver: "mip", seed: 1, objective: null, bound: null, panels: [...baseline], violations: [], explanation: null, stats: {} },
  maxMoves: null,
  changeCount: 0,
});

/** Every feasible assignment of a presenters-only program (presents 0 or 1). */
function allFeasible(program: Program): SolutionPanel[][] {
  const out: SolutionPanel[][] = [];
  const people = program.participants;
  const choice = new Array<number>(people.length).fill(-1);
  const walk = (i: number) => {
    if (i === people.length) {
      const panels = program.panels.map((panel, k) => ({
        id: panel.id,
        presenters: people.filter((_, j) => choice[j] === k).map((p) => p.id),
        chair: null,
        discussant: null,
      }));
      if (checkSolution(program, panels).length === 0) out.push(panels);
      return;
    }
    const options = people[i]!.presents === 0 ? [-1] : program.panels.map((_, k) => k);
    for (const k of options) {
      choice[i] = k;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

async function publish(program: Program): Promise<SolutionPanel[] | null> {
  const solution = await solveProgram(program, { solver: "mip", timeLimitMs: 20_000 });
  return solution.status === "optimal" ? solution.panels : null;
}

describe("minimal-change re-solve", () => {
  it("an unchanged scenario keeps its baseline, optimal or not: zero moves, the baseline's score, status feasible", async () => {
    let suboptimal = 0;
    await fc.assert(
      fc.asyncProperty(scoredProgram, fc.nat(), fc.constantFrom("optimum", "worst", "any"), async (program, pick, kind) => {
        // The baseline is the exact optimum, the worst feasible assignment, or any feasible assignment at all.
        const feasible = allFeasible(program);
        fc.pre(feasible.length > 0);
        const optimum = await solveProgram(program, { solver: "mip", timeLimitMs: 20_000 });
        const total = (panels: readonly SolutionPanel[]) => scoreSolution(program, panels).total;
        const baseline =
          kind === "optimum" && optimum.status === "optimal"
            ? optimum.panels
            : kind === "worst"
              ? feasible.reduce((a, b) => (total(a) <= total(b) ? a : b))
              : feasible[pick % feasible.length]!;
        const score = scoreSolution(program, baseline, baseline);
        if (optimum.status === "optimal" && score.total < optimum.objective!.total) suboptimal++;

        const outcome = await runScenario(scenario(program, baseline), { solver: "mip", timeLimitMs: 20_000 });
        expect(outcome.status).toBe("feasible");
        expect(outcome.moved).toBe(0);
        expect(outcome.objective).toEqual(score);
        expect(outcome.objective!.terms["stability"]).toBe(0);
        expect(checkSolution(program, outcome.solution.panels)).toEqual([]);
        expect(diffAgainstBaseline(program, baseline, outcome.solution.panels).moves).toEqual([]);
      }),
      { numRuns: 30 },
    );
    // The property says something about suboptimal baselines only if it met some.
    expect(suboptimal).toBeGreaterThan(3);
  });

  it("re-solves an unchanged scenario whose baseline fails the checker, and any scenario with a change", async () => {
    // Everyone on the first panel, nobody elsewhere: a baseline the checker rejects.
    const crowded = (program: Program): SolutionPanel[] =>
      program.panels.map((panel, k) => ({ id: panel.id, presenters: k === 0 ? program.participants.map((p) => p.id) : [], chair: null, discussant: null }));
    const total = (program: Program, panels: readonly SolutionPanel[]) => scoreSolution(program, panels).total;
    let tried = 0;
    for (const program of fc.sample(scoredProgram, { numRuns: 60, seed: 3 })) {
      const feasible = allFeasible(program);
      if (feasible.length < 2 || checkSolution(program, crowded(program)).length === 0) continue;
      const optimum = await solveProgram(program, { solver: "mip", timeLimitMs: 20_000 });
      const worst = feasible.reduce((a, b) => (total(program, a) <= total(program, b) ? a : b));
      if (optimum.status !== "optimal" || total(program, worst) >= optimum.objective!.total) continue;
      tried++;

      const resolved = await runScenario(scenario(program, crowded(program)), { solver: "mip", timeLimitMs: 20_000, stabilityWeight: 0 });
      expect(resolved.status).toBe("optimal");
      expect(resolved.objective!.total).toBe(optimum.objective!.total);

      // A change, even one that sets a value to what it was, is a question worth solving: the optimum, not the baseline.
      const same = applyChanges(program, [ChangeSchema.parse({ set: { "policy.nationality.maxShare": program.policy.nationality.maxShare } })], "s.yaml");
      if (!same.ok) throw new Error(JSON.stringify(same.issues));
      const changed = await runScenario({ ...scenario(same.value, worst), changeCount: 1 }, { solver: "mip", timeLimitMs: 20_000, stabilityWeight: 0 });
      expect(changed.status).toBe("optimal");
      expect(changed.objective!.total).toBe(optimum.objective!.total);
      if (tried === 3) break;
    }
    expect(tried).toBe(3);
  });

  it("after one withdrawal moves exactly as few participants as exhaustive search finds possible", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(tinyProgram, fc.nat(), async (program, pick) => {
        const baseline = await publish(program);
        fc.pre(baseline !== null);
        const seated = program.participants.filter((p) => p.presents > 0);
        fc.pre(seated.length > 0);
        const leaving = seated[pick % seated.length]!.id;
        const changed = applyChanges(program, [ChangeSchema.parse({ withdraw: leaving })], "s.yaml");
        if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
        const after = changed.value;

        const feasible = allFeasible(after);
        const fewest = Math.min(...feasible.map((panels) => diffAgainstBaseline(after, baseline!, panels).moves.length));
        // A weight above any objective gain: moves are minimised first.
        const outcome = await runScenario(scenario(after, baseline), { solver: "mip", timeLimitMs: 20_000, stabilityWeight: 1000, explain: false });
        if (feasible.length === 0) {
          expect(outcome.status).toBe("infeasible");
          return;
        }
        compared++;
        expect(outcome.status).toBe("optimal");
        expect(outcome.moved).toBe(fewest);
        expect(outcome.objective!.terms["stability"]! + fewest).toBe(0);
        expect(outcome.departed.map((m) => m.participant)).toEqual([leaving]);

        // Capped below the minimum: no solution; capped at it: found.
        if (fewest > 0) {
          const capped = await runScenario(scenario(after, baseline), { solver: "mip", timeLimitMs: 20_000, maxMoves: fewest - 1 });
          expect(capped.status).toBe("infeasible");
          // The explanation blames the cap, with the number of moves it would take.
          const explanation = capped.solution.explanation as Explanation;
          expect(explanation.checks.map((c) => [c.code, c.numbers["fewestMoves"]])).toEqual([["max-moves", fewest]]);
          expect(explanation.relaxations).toMatchObject([{ path: "maxMoves", from: fewest - 1, to: fewest, smallest: true }]);
        }
        const atCap = await runScenario(scenario(after, baseline), { solver: "mip", timeLimitMs: 20_000, maxMoves: fewest, explain: false });
        expect(atCap.status).toBe("optimal");
        expect(atCap.moved).toBeLessThanOrEqual(fewest);
      }),
      { numRuns: 20 },
    );
    expect(compared).toBeGreaterThan(3);
  });
});

describe("runScenarios", () => {
  it("gives the same outcomes on worker threads as in this thread, in input order", async () => {
    const programs = fc.sample(tinyProgram, { numRuns: 3, seed: 7 });
    const scenarios = programs.map((p, k) => scenario(p, null, `s${k}`));
    const events: string[] = [];
    const options = { solver: "mip" as const, timeLimitMs: 20_000, explain: false };
    const threaded = await runScenarios(scenarios, { ...options, jobs: 2, onEvent: (e) => events.push(`${e.type}:${e.name}`) });
    const inline = await runScenarios(scenarios, { ...options, jobs: 1 });
    expect(threaded.map((o) => o?.name)).toEqual(["s0", "s1", "s2"]);
    expect(threaded.map((o) => [o?.status, o?.objective])).toEqual(inline.map((o) => [o?.status, o?.objective]));
    for (const name of ["s0", "s1", "s2"]) expect(events.indexOf(`start:${name}`)).toBeLessThan(events.indexOf(`done:${name}`));
  });
});
