// DESIGN.md §3.1 (per participant): presents exactly `presents`, chairs <= mayChair, discusses <= mayDiscuss,
// roles <= maxRoles. Two roles on one panel cannot happen in the state (one role per cell); `full` still counts it.
import { NONE } from "../../../model/problem.js";
import type { HardRule } from "./rule.js";

export const loadRule: HardRule = {
  code: "load",
  kind: "hard",
  scope: "participant",
  isActive: () => true,
  full(problem, assignment) {
    const n = problem.participantCount;
    const presents = new Int32Array(n);
    const chairs = new Int32Array(n);
    const discusses = new Int32Array(n);
    let doubled = 0;
    for (const roster of assignment.panels) {
      const seen = new Set<number>();
      const hold = (i: number) => {
        if (seen.has(i)) doubled++;
        seen.add(i);
      };
      for (const i of roster.presenters) (presents[i]!++, hold(i));
      if (roster.chair !== NONE) (chairs[roster.chair]!++, hold(roster.chair));
      if (roster.discussant !== NONE) (discusses[roster.discussant]!++, hold(roster.discussant));
    }
    let total = doubled;
    for (let i = 0; i < n; i++) total += participantLoad(problem, i, presents[i]!, chairs[i]!, discusses[i]!);
    return total;
  },
  value(state, i) {
    return participantLoad(
      state.problem,
      i,
      state.presentCountByParticipant[i]!,
      state.chairCountByParticipant[i]!,
      state.discussCountByParticipant[i]!,
    );
  },
};

function participantLoad(
  problem: { presentsByParticipant: Int32Array; mayChairByParticipant: Int32Array; mayDiscussByParticipant: Int32Array; maxRoles: number },
  i: number,
  presents: number,
  chairs: number,
  discusses: number,
): number {
  return (
    Math.abs(presents - problem.presentsByParticipant[i]!) +
    Math.max(0, chairs - problem.mayChairByParticipant[i]!) +
    Math.max(0, discusses - problem.mayDiscussByParticipant[i]!) +
    Math.max(0, presents + chairs + discusses - problem.maxRoles)
  );
}
