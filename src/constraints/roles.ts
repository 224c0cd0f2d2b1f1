// DESIGN.md §3.2: presenters within the panel's size; exactly one chair and one discussant where the panel needs
// them, none where it does not.
import { NONE } from "../model/problem.js";
import type { HardRule } from "./rule.js";

export const rolesRule: HardRule<"roles"> = {
  code: "roles",
  kind: "hard",
  violations: ["panel-size", "chair-missing", "chair-unneeded", "discussant-missing", "discussant-unneeded"],
  isActive: () => true,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      assignment.panels.forEach((roster, p) => {
        const count = roster.presenters.length;
        total += Math.max(0, problem.minPresentersByPanel[p]! - count) + Math.max(0, count - problem.maxPresentersByPanel[p]!);
        total += (roster.chair !== NONE ? 1 : 0) !== problem.needsChairByPanel[p]! ? 1 : 0;
        total += (roster.discussant !== NONE ? 1 : 0) !== problem.needsDiscussantByPanel[p]! ? 1 : 0;
      });
      return total;
    },
    valuer(state) {
      const { problem, presenterCountByPanel, chairByPanel, discussantByPanel } = state;
      return (p) => {
        const count = presenterCountByPanel[p]!;
        let total = Math.max(0, problem.minPresentersByPanel[p]! - count) + Math.max(0, count - problem.maxPresentersByPanel[p]!);
        if ((chairByPanel[p] !== NONE ? 1 : 0) !== problem.needsChairByPanel[p]) total++;
        if ((discussantByPanel[p] !== NONE ? 1 : 0) !== problem.needsDiscussantByPanel[p]) total++;
        return total;
      };
    },
  },
};
