// Objective: dialogue = sum over panels and pairs of weight x [panel realises the pair] (DESIGN.md §4).
import { realisation, rosterRealises } from "../shared/dialogue-pairs.js";
import { rosterMembers, type ObjectiveRule } from "../rule.js";

export const dialogueRule: ObjectiveRule<"dialogue"> = {
  code: "dialogue",
  kind: "objective",
  term: "dialogue",
  isActive: (problem) => problem.dialoguePairs.length > 0 && problem.weights.dialogue !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        for (const pair of problem.dialoguePairs) if (rosterRealises(problem, members, pair.a, pair.b)) total += pair.weight;
      }
      return total;
    },
    valuer(state) {
      const pairs = state.problem.dialoguePairs;
      const realises = realisation(state);
      return (p) => {
        let total = 0;
        for (let k = 0; k < pairs.length; k++) if (realises(p, k)) total += pairs[k]!.weight;
        return total;
      };
    },
  },
};
