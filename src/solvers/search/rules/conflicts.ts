// DESIGN.md §3.5-3.6, the pairwise part: opt-outs (avoid.*, dialogue "out"), keepApart and separate, all folded
// by normalizeProgram into conflictsByParticipant. Violation = co-member pairs in conflict.
import { sortedIncludes } from "../../../model/problem.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const conflictsRule: HardRule = {
  code: "conflicts",
  kind: "hard",
  scope: "panel",
  isActive: (problem) => problem.conflictsByParticipant.some((list) => list.length > 0),
  full(problem, assignment) {
    let total = 0;
    for (const roster of assignment.panels) {
      const members = [...new Set(rosterMembers(roster))];
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          if (sortedIncludes(problem.conflictsByParticipant[members[a]!]!, members[b]!)) total++;
        }
      }
    }
    return total;
  },
  value: (state, p) => state.conflictPairsByPanel[p]!,
};
