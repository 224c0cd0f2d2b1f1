// DESIGN.md §3.8: co-authors of one group all present on one common panel. Violation of a group = members
// missing from the panel where most of them present (a group that presents nowhere misses everyone, as the
// checker reads it).
import { ROLE_PRESENTER } from "../solvers/search/state.js";
import type { HardRule } from "./rule.js";

export const togetherRule: HardRule<"together"> = {
  code: "together",
  kind: "hard",
  violations: ["co-authors"],
  isActive: (problem) => problem.groups.length > 0,
  search: {
    scope: "group",
    full(problem, assignment) {
      const presentingOn: Set<number>[] = Array.from({ length: problem.participantCount }, () => new Set());
      assignment.panels.forEach((roster, p) => {
        for (const i of roster.presenters) presentingOn[i]!.add(p);
      });
      let total = 0;
      for (const group of problem.groups) {
        let best = 0;
        for (const i of group) {
          for (const p of presentingOn[i]!) best = Math.max(best, group.filter((j) => presentingOn[j]!.has(p)).length);
        }
        total += group.length - best;
      }
      return total;
    },
    valuer(state) {
      const groups = state.problem.groups;
      const panels = state.panelCount;
      const roles = state.roleByParticipantPanel;
      return (g) => {
        const group = groups[g]!;
        let best = 0;
        for (const i of group) {
          for (const p of state.panelsByParticipant[i]!) {
            if (roles[i * panels + p] !== ROLE_PRESENTER) continue;
            let count = 0;
            for (const j of group) if (roles[j * panels + p] === ROLE_PRESENTER) count++;
            if (count > best) best = count;
          }
        }
        return group.length - best;
      };
    },
  },
};
