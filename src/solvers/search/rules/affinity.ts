// Objective: affinity = sum over panels of the weights of the affinity pairs who are both members of that panel.
// A pair listed with the same participant twice counts whenever that participant is a member.
import { rosterMembers, type ObjectiveRule } from "./rule.js";

export const affinityRule: ObjectiveRule = {
  code: "affinity",
  kind: "objective",
  term: "affinity",
  scope: "panel",
  isActive: (problem) => problem.affinities.length > 0 && problem.weights.affinity !== 0,
  full(problem, assignment) {
    const panelsOf: Set<number>[] = Array.from({ length: problem.participantCount }, () => new Set());
    assignment.panels.forEach((roster, p) => {
      for (const i of rosterMembers(roster)) panelsOf[i]!.add(p);
    });
    let total = 0;
    for (const { i, j, weight } of problem.affinities) {
      for (const p of panelsOf[i]!) if (panelsOf[j]!.has(p)) total += weight;
    }
    return total;
  },
  value: (state, p) => state.affinityByPanel[p]!,
};
