// DESIGN.md §3.8: pinned presenters, chair and discussant hold. Violation = pinned roles not held.
import { NONE } from "../model/problem.js";
import { ROLE_PRESENTER } from "../solvers/search/state.js";
import type { HardRule } from "./rule.js";

export const pinnedRule: HardRule<"pinned"> = {
  code: "pinned",
  kind: "hard",
  violations: ["pinned"],
  isActive: (problem) =>
    problem.pinnedPresentersByPanel.some((list) => list.length > 0) ||
    problem.pinnedChairByPanel.some((i) => i !== NONE) ||
    problem.pinnedDiscussantByPanel.some((i) => i !== NONE),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      assignment.panels.forEach((roster, p) => {
        for (const i of new Set(problem.pinnedPresentersByPanel[p]!)) if (!roster.presenters.includes(i)) total++;
        const chair = problem.pinnedChairByPanel[p]!;
        if (chair !== NONE && roster.chair !== chair) total++;
        const discussant = problem.pinnedDiscussantByPanel[p]!;
        if (discussant !== NONE && roster.discussant !== discussant) total++;
      });
      return total;
    },
    valuer(state) {
      const problem = state.problem;
      return (p) => {
        let total = 0;
        const pinned = problem.pinnedPresentersByPanel[p]!;
        for (let k = 0; k < pinned.length; k++) {
          const i = pinned[k]!;
          if (state.role(i, p) !== ROLE_PRESENTER && pinned.indexOf(i) === k) total++;
        }
        const chair = problem.pinnedChairByPanel[p]!;
        if (chair !== NONE && state.chairByPanel[p] !== chair) total++;
        const discussant = problem.pinnedDiscussantByPanel[p]!;
        if (discussant !== NONE && state.discussantByPanel[p] !== discussant) total++;
        return total;
      };
    },
  },
};
