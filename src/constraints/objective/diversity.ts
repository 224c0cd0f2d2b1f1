// Objective: diversity = sum over non-empty panels of (distinct nationalities held by members - 1) (DESIGN.md §4).
import { NATIONALITY_COUNTS } from "../shared/categories.js";
import { rosterMembers, type ObjectiveRule } from "../rule.js";

export const diversityRule: ObjectiveRule<"diversity"> = {
  code: "diversity",
  kind: "objective",
  term: "diversity",
  isActive: (problem) => problem.weights.diversity !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        if (members.length === 0) continue;
        total += new Set(members.flatMap((i) => [...problem.nationalitiesByParticipant[i]!])).size - 1;
      }
      return total;
    },
    valuer(state) {
      const { distinctByPanel } = state.use(NATIONALITY_COUNTS);
      return (p) => (state.membersByPanel[p]!.length === 0 ? 0 : distinctByPanel[p]! - 1);
    },
  },
};
