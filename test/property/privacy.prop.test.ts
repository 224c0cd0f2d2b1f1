// Nothing public gives a participant away. For any program and any participant, flipping their at-risk flag, adding
// an opt-out of theirs (a person, a nationality, dialogue) or changing their nationalities changes no public artefact
// except through the assignment itself. The two programs are given the same assignment, solver and seed; everything
// else a solution holds is derived from each program on its own, as the pipeline would derive it: the checker's
// violations, the score (its dialogue and diversity terms count nationalities), the bound, an explanation of
// infeasibility (with brute force as the feasibility oracle) and statistics that count the program's rules. The
// run's status and time are drawn for each side on its own (a proof of optimality, or the time it took, may well
// differ between the two programs): the public file passes them on as the run's own facts, and everything else in
// it (the solution file that `solve --out`, `solve --json` and what-if write) must be byte for byte the same.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { scoreSolution } from "../../src/check/score.js";
import { explainProgram } from "../../src/explain/explain.js";
import { normalizeProgram } from "../../src/model/normalize.js";
import type { Program } from "../../src/model/schema.js";
import { SolutionSchema, type Solution, type SolutionPanel, type SolutionStatus } from "../../src/model/solution.js";
import { jsonText } from "../../src/report/escape.js";
import { publicSolution, type PublicSolution } from "../../src/report/redact.js";
import { objectiveBound } from "../../src/solvers/bounds.js";
import { programArb } from "../arbitraries/program.js";
import { assignmentArb } from "../arbitraries/assignment.js";
import { loadGenerated } from "../helpers/program.js";
import { runs } from "../helpers/runs.js";
import { bruteForceOracle } from "../unit/explain/oracle.js";

/** What may differ between the two programs: one participant's private facts. */
type Secret =
  | { kind: "flip-at-risk"; who: number }
  | { kind: "nationalities"; who: number; nationalities: readonly string[] }
  | { kind: "avoid-participant"; who: number; other: number }
  | { kind: "avoid-nationality"; who: number; nationality: string }
  | { kind: "dialogue-out"; who: number };

function withSecret(program: Program, secret: Secret): Program {
  const participants = program.participants.map((p, i) => {
    if (i !== secret.who) return p;
    switch (secret.kind) {
      case "flip-at-risk":
        return { ...p, atRisk: !p.atRisk };
      case "avoid-participant": {
        const other = program.participants[secret.other]!.id;
        return other === p.id || p.avoid.participants.includes(other) ? p : { ...p, avoid: { ...p.avoid, participants: [...p.avoid.participants, other] } };
      }
      case "avoid-nationality":
        return p.avoid.nationalities.includes(secret.nationality) ? p : { ...p, avoid: { ...p.avoid, nationalities: [...p.avoid.nationalities, secret.nationality] } };
      case "dialogue-out":
        return { ...p, dialogue: "out" as const };
      case "nationalities":
        return { ...p, nationalities: [...secret.nationalities] };
    }
  });
  return { ...program, participants };
}

/** What describes one run and may differ between any two runs: its status (within found or not) and its time. */
interface Run {
  readonly status: SolutionStatus;
  readonly timeMs: number;
}

/**
 * The solution the pipeline would hold for `program` with this assignment: every field a solver, the checker or
 * the explainer would compute is computed from the program itself.
 */
async function derivedSolution(program: Program, panels: readonly SolutionPanel[], run: Run): Promise<Solution> {
  const found = run.status === "optimal" || run.status === "feasible";
  const problem = normalizeProgram(program);
  const violations = found ? checkSolution(program, panels) : [];
  const explanation = found
    ? null
    : await explainProgram(program, { oracle: bruteForceOracle(20_000), timeLimitMs: 60_000, ...(run.status === "infeasible" ? { verdict: "infeasible" as const } : {}) });
  let conflictPairs = 0;
  for (const list of problem.conflictsByParticipant) conflictPairs += list.length;
  return {
    status: run.status,
    solver: "mip",
    seed: 7,
    objective: found ? scoreSolution(program, panels, null) : null,
    bound: objectiveBound(problem),
    panels: found ? panels.map((p) => ({ ...p, presenters: [...p.presenters] })) : [],
    violations,
    explanation,
    // Solver statistics count the model's rows: opt-outs and at-risk rules add some.
    stats: { timeMs: run.timeMs, raw: `${violations.length} violations`, conflictPairs, rows: conflictPairs + problem.panelCount },
  };
}

/** The public file with the run's own facts set aside, as data: what must not depend on the program. */
function withoutRunFacts(file: PublicSolution): unknown {
  return { ...file, status: null, stats: { ...file.stats, timeMs: null } };
}

const NATIONALITIES = ["UA", "RU", "GE", "US", "DE"] as const;

const caseArb = programArb({ maxParticipants: 6, maxPanels: 2 })
  .map(loadGenerated)
  .filter((program) => program.participants.length > 0)
  .chain((program) => {
    const who = fc.nat({ max: program.participants.length - 1 });
    const secret: fc.Arbitrary<Secret> = fc.oneof(
      who.map((w) => ({ kind: "flip-at-risk" as const, who: w })),
      fc.record({ kind: fc.constant("nationalities" as const), who, nationalities: fc.uniqueArray(fc.constantFrom(...NATIONALITIES), { minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant("avoid-participant" as const), who, other: fc.nat({ max: program.participants.length - 1 }) }),
      fc.record({ kind: fc.constant("avoid-nationality" as const), who, nationality: fc.constantFrom(...NATIONALITIES) }),
      who.map((w) => ({ kind: "dialogue-out" as const, who: w })),
    );
    // Whether something was found is the assignment's business; which status and time each run reports is its own.
    const runArb = (found: boolean): fc.Arbitrary<Run> =>
      fc.record({ status: fc.constantFrom<SolutionStatus>(...(found ? (["optimal", "feasible"] as const) : (["infeasible", "timeout"] as const))), timeMs: fc.nat({ max: 600_000 }) });
    const runPair = fc.boolean().chain((found) => fc.tuple(runArb(found), runArb(found)));
    return fc.record({ program: fc.constant(program), secret, panels: assignmentArb(program), runPair });
  });

describe("privacy: public artefacts depend only on the assignment", () => {
  it("flipping at-risk, adding an opt-out or changing nationalities changes no public artefact given the same assignment", async () => {
    let differed = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ program, secret, panels, runPair: [myRun, theirRun] }) => {
        const other = withSecret(program, secret);
        const mine = await derivedSolution(program, panels, myRun);
        const theirs = await derivedSolution(other, panels, theirRun);
        // The secret does reach what organisers see (otherwise this property would test nothing)...
        const organisers = (s: Solution) => JSON.stringify([s.violations, s.explanation, s.bound, s.objective, s.stats.conflictPairs]);
        if (organisers(mine) !== organisers(theirs)) differed++;
        // ...and never what the public sees: the same bytes but for the run's own status and time, passed on as they are.
        expect(jsonText(withoutRunFacts(publicSolution(theirs)))).toBe(jsonText(withoutRunFacts(publicSolution(mine))));
        for (const [solution, run] of [[mine, myRun], [theirs, theirRun]] as const) {
          const file = publicSolution(solution);
          expect([file.status, file.stats]).toEqual([run.status, { timeMs: run.timeMs }]);
        }
      }),
      { numRuns: runs(300) },
    );
    // A few hundred cases where the organisers' view differs: the property had something to hide each time.
    expect(differed).toBeGreaterThan(runs(300) / 10);
  });

  it("the public solution file is a solution file check and what-if baselines read, and says it is public", () => {
    fc.assert(
      fc.property(
        programArb({ maxParticipants: 6, maxPanels: 3 }).map(loadGenerated).chain((program) => fc.tuple(fc.constant(program), assignmentArb(program))),
        ([program, panels]) => {
          const solution: Solution = {
            status: "feasible", solver: "search", seed: 1, objective: scoreSolution(program, panels, null), bound: 99, panels,
            violations: checkSolution(program, panels), explanation: null, stats: { timeMs: 3, iterations: 10 },
          };
          const text = jsonText(publicSolution(solution));
          const read = SolutionSchema.parse(JSON.parse(text));
          expect(Object.keys(JSON.parse(text) as object)[0]).toBe("audience");
          expect(read.audience).toBe("public");
          expect(read.panels).toEqual(panels.map((p) => ({ id: p.id, slot: p.slot, presenters: p.presenters, chair: p.chair, discussant: p.discussant })));
          expect(read.violations).toEqual([]);
          expect(read.explanation).toBeNull();
          expect(read.bound).toBeNull();
          expect(read.objective).toBeNull();
          expect(read.stats).toEqual({ timeMs: 3 });
          expect(text).not.toMatch(/at[-_ ]?risk|withheld|avoid/i);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
