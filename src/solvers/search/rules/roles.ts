// DESIGN.md §3.2: presenters within size; exactly one chair / discussant where needed, none where not.
import { NONE } from "../../../model/problem.js";
import type { HardRule } from "./rule.js";

export const rolesRule: HardRule = {
  code: "roles",
  kind: "hard",
  scope: "panel",
  isActive: () => true,
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
  value(state, p) {
    const problem = state.problem;
    const count = state.presenterCountByPanel[p]!;
    let total = Math.max(0, problem.minPresentersByPanel[p]! - count) + Math.max(0, count - problem.maxPresentersByPanel[p]!);
    if ((state.chairByPanel[p] !== NONE ? 1 : 0) !== problem.needsChairByPanel[p]) total++;
    if ((state.discussantByPanel[p] !== NONE ? 1 : 0) !== problem.needsDiscussantByPanel[p]) total++;
    return total;
  },
};
