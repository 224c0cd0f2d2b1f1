// What-if re-solves: the stability term (minus participants whose set of (panel, role) differs from the
// baseline) and the hard cap Problem.maxMoves on that number.
import type { Assignment, Problem } from "../../../model/problem.js";
import { NONE } from "../../../model/problem.js";
import type { HardRule, ObjectiveRule } from "./rule.js";

export const stabilityRule: ObjectiveRule = {
  code: "stability",
  kind: "objective",
  term: "stability",
  scope: "participant",
  isActive: (problem) => problem.baseline !== null,
  full: (problem, assignment) => -changedParticipants(problem, assignment),
  value: (state, i) => (state.differencesByParticipant[i]! > 0 ? -1 : 0),
};

export const maxMovesRule: HardRule = {
  code: "max-moves",
  kind: "hard",
  scope: "global",
  isActive: (problem) => problem.baseline !== null && Number.isFinite(problem.maxMoves),
  full: (problem, assignment) => Math.max(0, changedParticipants(problem, assignment) - problem.maxMoves),
  value: (state) => Math.max(0, state.changedParticipants - state.problem.maxMoves),
};

function changedParticipants(problem: Problem, assignment: Assignment): number {
  if (problem.baseline === null) return 0;
  const entries = (a: Assignment) => {
    const byParticipant = new Map<number, string[]>();
    const add = (i: number, text: string) => {
      if (i === NONE || i >= problem.participantCount) return;
      const list = byParticipant.get(i) ?? [];
      list.push(text);
      byParticipant.set(i, list);
    };
    a.panels.forEach((roster, p) => {
      if (p >= problem.panelCount) return;
      for (const i of roster.presenters) add(i, `${p}:presenter`);
      add(roster.chair, `${p}:chair`);
      add(roster.discussant, `${p}:discussant`);
    });
    return byParticipant;
  };
  const now = entries(assignment);
  const before = entries(problem.baseline);
  let changed = 0;
  for (let i = 0; i < problem.participantCount; i++) {
    const a = (now.get(i) ?? []).sort().join("|");
    const b = (before.get(i) ?? []).sort().join("|");
    if (a !== b) changed++;
  }
  return changed;
}
