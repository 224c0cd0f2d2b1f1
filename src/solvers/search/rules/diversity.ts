// Objective: diversity = sum over non-empty panels of (distinct nationalities held by members - 1).
import { rosterMembers, type ObjectiveRule } from "./rule.js";

export const diversityRule: ObjectiveRule = {
  code: "diversity",
  kind: "objective",
  term: "diversity",
  scope: "panel",
  isActive: (problem) => problem.weights.diversity !== 0,
  full(problem, assignment) {
    let total = 0;
    for (const roster of assignment.panels) {
      const members = rosterMembers(roster);
      if (members.length === 0) continue;
      total += new Set(members.flatMap((i) => [...problem.nationalitiesByParticipant[i]!])).size - 1;
    }
    return total;
  },
  value: (state, p) => (state.membersByPanel[p]!.length === 0 ? 0 : state.distinctNationalitiesByPanel[p]! - 1),
};
