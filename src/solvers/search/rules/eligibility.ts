// DESIGN.md §3.6-3.7 per (participant, panel): never on a panel in an unavailable slot, an at-risk participant
// never on a recorded panel (Problem.mayJoin), a presenter shares a topic under topics "required" (mayPresent).
import { NONE } from "../../../model/problem.js";
import type { HardRule } from "./rule.js";

export const eligibilityRule: HardRule = {
  code: "eligibility",
  kind: "hard",
  scope: "panel",
  isActive: (problem) => problem.mayPresent.includes(0),
  full(problem, assignment) {
    let total = 0;
    const panels = problem.panelCount;
    assignment.panels.forEach((roster, p) => {
      for (const i of roster.presenters) total += 1 - problem.mayPresent[i * panels + p]!;
      for (const i of [roster.chair, roster.discussant]) if (i !== NONE) total += 1 - problem.mayJoin[i * panels + p]!;
    });
    return total;
  },
  value: (state, p) => state.ineligibleByPanel[p]!,
};
