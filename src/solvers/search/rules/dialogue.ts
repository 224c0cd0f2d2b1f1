// Objective: dialogue = sum over panels and pairs of weight x [panel realises the pair].
import { rosterMembers, type ObjectiveRule } from "./rule.js";
import { realises } from "./dialogue-safety.js";

export const dialogueRule: ObjectiveRule = {
  code: "dialogue",
  kind: "objective",
  term: "dialogue",
  scope: "panel",
  isActive: (problem) => problem.dialoguePairs.length > 0 && problem.weights.dialogue !== 0,
  full(problem, assignment) {
    let total = 0;
    for (const roster of assignment.panels) {
      const members = rosterMembers(roster);
      for (const pair of problem.dialoguePairs) {
        const holds = (i: number, c: number) => problem.nationalitiesByParticipant[i]!.includes(c);
        if (members.some((i) => holds(i, pair.a) && members.some((j) => j !== i && holds(j, pair.b)))) total += pair.weight;
      }
    }
    return total;
  },
  value(state, p) {
    const pairs = state.problem.dialoguePairs;
    let total = 0;
    for (let k = 0; k < pairs.length; k++) if (realises(state, p, k)) total += pairs[k]!.weight;
    return total;
  },
};
