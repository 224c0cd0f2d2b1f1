// Objective: topicFit = number of presenter assignments that share at least one topic with their panel.
import type { ObjectiveRule } from "./rule.js";

export const topicFitRule: ObjectiveRule = {
  code: "topic-fit",
  kind: "objective",
  term: "topicFit",
  scope: "panel",
  isActive: (problem) => problem.weights.topicFit !== 0,
  full(problem, assignment) {
    let total = 0;
    assignment.panels.forEach((roster, p) => {
      for (const i of roster.presenters) total += problem.topicMatch[i * problem.panelCount + p]!;
    });
    return total;
  },
  value: (state, p) => state.topicFitByPanel[p]!,
};
