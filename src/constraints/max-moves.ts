// What-if re-solves: the hard cap Problem.maxMoves on participants whose set of (panel, role) differs from the
// baseline. A what-if option, not a rule of the program file, so the checker knows nothing of it (the what-if
// report counts moves with diffAgainstBaseline).
import { BASELINE_CHANGES, baselineChanges, changedParticipants } from "./shared/baseline.js";
import type { HardRule } from "./rule.js";

export const maxMovesRule: HardRule<"max-moves"> = {
  code: "max-moves",
  kind: "hard",
  violations: [],
  isActive: (problem) => problem.baseline !== null && Number.isFinite(problem.maxMoves),
  search: {
    scope: "global",
    full: (problem, assignment) => Math.max(0, changedParticipants(problem, assignment) - problem.maxMoves),
    valuer(state) {
      const changes = state.use(BASELINE_CHANGES);
      return () => Math.max(0, changes.changedParticipants() - state.problem.maxMoves);
    },
  },
  mip: {
    encode(ctx) {
      const { changes, alwaysChanged } = baselineChanges(ctx);
      ctx.lp.addRow("maxMoves", changes, "<=", ctx.problem.maxMoves - alwaysChanged);
    },
  },
  // The heuristic keeps what it can of the baseline first; the search takes care of the cap.
  greedy: {},
  // A what-if cap, not in the program: scenarios/run.ts says how many moves the changed program needs instead.
  explain: {},
};
