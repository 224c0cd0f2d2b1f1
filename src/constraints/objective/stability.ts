// Objective, what-if re-solves only: stability = minus the number of participants whose set of (panel, role)
// differs from the baseline (DESIGN.md §4).
import { BASELINE_CHANGES, baselineChanges, changedParticipants } from "../shared/baseline.js";
import type { ObjectiveRule } from "../rule.js";

export const stabilityRule: ObjectiveRule<"stability"> = {
  code: "stability",
  kind: "objective",
  term: "stability",
  isActive: (problem) => problem.baseline !== null,
  search: {
    scope: "participant",
    full: (problem, assignment) => -changedParticipants(problem, assignment),
    valuer(state) {
      const { differencesByParticipant } = state.use(BASELINE_CHANGES);
      return (i) => (differencesByParticipant[i]! > 0 ? -1 : 0);
    },
  },
  mip: {
    encode(ctx) {
      const weight = ctx.problem.weights.stability;
      if (weight === 0) return;
      const { changes, alwaysChanged } = baselineChanges(ctx);
      for (const { variable } of changes) ctx.lp.addObjective(variable, -weight);
      ctx.lp.addOffset(-weight * alwaysChanged);
    },
  },
  // The heuristic starts from the baseline, which is what stability asks.
  greedy: {},
  // Stability is minus the participants who moved: with a negative weight, each of them can add -weight at most.
  bound: (problem) => (problem.weights.stability < 0 ? -problem.weights.stability * problem.participantCount : 0),
};
