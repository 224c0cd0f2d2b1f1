// DESIGN.md §3.1, per participant: presents on exactly `presents` panels, chairs at most mayChair, discusses at
// most mayDiscuss, holds at most policy.maxRoles roles in all, and never two roles on one panel. The search state
// holds one role per (participant, panel) cell, so two roles on one panel cannot arise there; `full` still counts it.
import { NONE, type Problem } from "../model/problem.js";
import { memberTerms, SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER, seatsOf } from "../solvers/mip/context.js";
import type { HardRule } from "./rule.js";

export const loadRule: HardRule<"load"> = {
  code: "load",
  kind: "hard",
  violations: ["presents", "chair-load", "discussant-load", "max-roles", "two-roles-one-panel"],
  isActive: () => true,
  search: {
    scope: "participant",
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
    valuer(state) {
      const { problem, presentCountByParticipant, chairCountByParticipant, discussCountByParticipant } = state;
      return (i) => participantLoad(problem, i, presentCountByParticipant[i]!, chairCountByParticipant[i]!, discussCountByParticipant[i]!);
    },
  },
  mip: {
    closeSeats(problem, closed) {
      const P = problem.panelCount;
      for (let i = 0; i < problem.participantCount; i++) {
        const shut =
          (problem.presentsByParticipant[i] === 0 ? SEAT_PRESENTER : 0) |
          (problem.mayChairByParticipant[i] === 0 ? SEAT_CHAIR : 0) |
          (problem.mayDiscussByParticipant[i] === 0 ? SEAT_DISCUSSANT : 0);
        if (shut !== 0) for (let p = 0; p < P; p++) closed[i * P + p]! |= shut;
      }
    },
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      for (let i = 0; i < problem.participantCount; i++) {
        const presents = seatsOf(ctx, vars.presenter, i);
        const chairs = seatsOf(ctx, vars.chair, i);
        const discussions = seatsOf(ctx, vars.discussant, i);
        lp.addRow(`presents_${i}`, presents, "=", problem.presentsByParticipant[i]!);
        const mayChair = problem.mayChairByParticipant[i]!;
        if (chairs.length > mayChair) lp.addRow(`chairs_${i}`, chairs, "<=", mayChair);
        const mayDiscuss = problem.mayDiscussByParticipant[i]!;
        if (discussions.length > mayDiscuss) lp.addRow(`discuss_${i}`, discussions, "<=", mayDiscuss);
        const most = problem.presentsByParticipant[i]! + Math.min(mayChair, chairs.length) + Math.min(mayDiscuss, discussions.length);
        if (most > problem.maxRoles) lp.addRow(`roles_${i}`, [...presents, ...chairs, ...discussions], "<=", problem.maxRoles);
        // One role per panel; on a panel with a slot, slot-clash's row (one panel per slot) says it already.
        for (let p = 0; p < problem.panelCount; p++) {
          if (problem.slotByPanel[p] !== NONE) continue;
          const terms = memberTerms(ctx, i, p);
          if (terms.length > 1) lp.addRow(`oneRole_${i}_${p}`, terms, "<=", 1);
        }
      }
    },
  },
  greedy: {
    admits(state) {
      const { panelsByParticipant } = state;
      const { maxRoles } = state.problem;
      return (i) => panelsByParticipant[i]!.length < maxRoles;
    },
  },
};

function participantLoad(problem: Problem, i: number, presents: number, chairs: number, discusses: number): number {
  return (
    Math.abs(presents - problem.presentsByParticipant[i]!) +
    Math.max(0, chairs - problem.mayChairByParticipant[i]!) +
    Math.max(0, discusses - problem.mayDiscussByParticipant[i]!) +
    Math.max(0, presents + chairs + discusses - problem.maxRoles)
  );
}
