// The incremental score of a move equals the full re-score (DESIGN.md §8), rule kind by rule kind: random small
// programs, a greedy start, then long random move sequences, each committed or rolled back at random.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NONE, type Problem } from "../../../../src/model/problem.js";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { construct } from "../../../../src/solvers/greedy/greedy.js";
import { Evaluator } from "../../../../src/solvers/search/evaluator.js";
import { drawReassign, drawRelocate, drawRepair, drawRosterSwap, drawSwap, Move, MoveContext } from "../../../../src/solvers/search/moves.js";
import { createRandom, type Random } from "../../../../src/solvers/search/random.js";
import { RULES } from "../../../../src/constraints/registry.js";
import { ROLE_CHAIR, ROLE_DISCUSSANT, ROLE_NONE, ROLE_PRESENTER, SearchState } from "../../../../src/solvers/search/state.js";
import { checkSolution } from "../../../../src/check/check.js";
import { assignmentToPanels } from "../../../../src/solve.js";
import { programArb } from "../../../arbitraries/program.js";
import { loadGenerated } from "../../../helpers/program.js";

const TOLERANCE = 1e-6;

/** A move outside the generators' legal set too: add or drop a presenter, take or leave a free chair. */
function drawRaw(state: SearchState, move: Move, random: Random): boolean {
  const problem = state.problem;
  const i = random.int(problem.participantCount);
  const p = random.int(problem.panelCount);
  const current = state.role(i, p);
  move.clear();
  if (current !== ROLE_NONE) {
    move.push(state, i, p, ROLE_NONE);
    return true;
  }
  const kind = random.int(3);
  if (kind === 0) move.push(state, i, p, ROLE_PRESENTER);
  else if (kind === 1 && state.chairByPanel[p] === NONE) move.push(state, i, p, ROLE_CHAIR);
  else if (kind === 2 && state.discussantByPanel[p] === NONE) move.push(state, i, p, ROLE_DISCUSSANT);
  return move.length > 0;
}

/** A repair move aimed at a violated panel, participant or group (a third of the search's draws), when there is one. */
function drawRepairOrRaw(evaluator: Evaluator, context: MoveContext, state: SearchState, move: Move, random: Random): boolean {
  const scope = random.int(3);
  const violated = evaluator.violated[scope]!;
  if (violated.size === 0) return drawRaw(state, move, random);
  return drawRepair(context, move, random, scope, violated.items[random.int(violated.size)]!);
}

function expectTotalsMatchFull(problem: Problem, state: SearchState, evaluator: Evaluator, context: string): void {
  const assignment = state.toAssignment();
  evaluator.rules.forEach((rule, r) => {
    const full = rule.search.full(problem, assignment);
    expect(Math.abs(evaluator.totals[r]! - full), `${context}: ${rule.code} incremental ${evaluator.totals[r]} vs full ${full}`).toBeLessThan(
      TOLERANCE,
    );
  });
  // The search's own verdict agrees with the independent checker: no hard violation iff the checker finds none.
  const hardTotal = evaluator.rules.reduce((sum, rule, r) => sum + (rule.kind === "hard" ? evaluator.totals[r]! : 0), 0);
  const violations = checkSolution(problem.program, assignmentToPanels(problem, assignment));
  if (problem.baseline === null) expect(hardTotal === 0, `${context}: search ${hardTotal} vs checker ${violations.length}`).toBe(violations.length === 0);
  // Inactive rules must really be unbreakable and score nothing on this program.
  for (const rule of RULES) {
    if (!evaluator.rules.includes(rule)) {
      const full = rule.search.full(problem, assignment);
      if (rule.kind === "hard") expect(full, `${context}: inactive ${rule.code}`).toBe(0);
    }
  }
}

describe("incremental evaluation", () => {
  it("equals the full re-score after every committed or rolled-back move, for every rule kind", () => {
    fc.assert(
      fc.property(
        programArb({ maxParticipants: 10, maxPanels: 4, maxPresents: 2, maxSlots: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (input, seed, withBaseline) => {
          const program = loadGenerated(input);
          let problem = normalizeProgram(program);
          if (problem.participantCount === 0 || problem.panelCount === 0) return;
          const random = createRandom(seed);
          if (withBaseline) {
            // A baseline from another construction, with a cap on moves, exercises stability and max-moves.
            const other = new SearchState(problem);
            construct(other, createRandom(seed + 1));
            const panels = other.toAssignment().panels.map((roster, p) => ({
              id: problem.panelIds[p]!,
              presenters: roster.presenters.map((i) => problem.participantIds[i]!),
              chair: roster.chair === NONE ? null : problem.participantIds[roster.chair]!,
              discussant: roster.discussant === NONE ? null : problem.participantIds[roster.discussant]!,
            }));
            problem = normalizeProgram(program, { baseline: panels, maxMoves: random.int(3) });
          }
          const state = new SearchState(problem);
          construct(state, random);
          const evaluator = new Evaluator(state, 1 + random.int(5));
          const context = new MoveContext(state);
          const move = new Move();
          expectTotalsMatchFull(problem, state, evaluator, "after construction");
          for (let step = 0; step < 150; step++) {
            const kind = random.int(6);
            const drawn =
              kind === 0
                ? drawRelocate(context, move, random)
                : kind === 1
                  ? drawSwap(context, move, random)
                  : kind === 2
                    ? drawReassign(context, move, random, random.int(2) === 0 ? ROLE_CHAIR : ROLE_DISCUSSANT)
                    : kind === 3
                      ? drawRosterSwap(context, move, random)
                      : kind === 4
                        ? drawRepairOrRaw(evaluator, context, state, move, random)
                        : drawRaw(state, move, random);
            if (!drawn) continue;
            const before = evaluator.score();
            const delta = evaluator.tryMove(move);
            if (random.int(2) === 0) {
              evaluator.commit();
              expect(Math.abs(evaluator.score() - (before + delta))).toBeLessThan(TOLERANCE);
            } else {
              evaluator.rollback();
              expect(Math.abs(evaluator.score() - before)).toBeLessThan(TOLERANCE);
            }
            expectTotalsMatchFull(problem, state, evaluator, `step ${step} (kind ${kind})`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
