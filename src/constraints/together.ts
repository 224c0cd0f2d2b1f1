// DESIGN.md §3.8: co-authors of one group all present on one common panel. Violation of a group = members
// missing from the panel where most of them present (a group that presents nowhere misses everyone, as the
// checker reads it).
import { NONE } from "../model/problem.js";
import type { Term } from "../solvers/mip/linear-model.js";
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
  mip: {
    // One witness w per group and panel where all of them may present: w <= x_i for each member, sum of w >= 1.
    // When every member presents once this is as tight as x_i = x_j (the witnesses then equal the x's in the LP too).
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      const P = problem.panelCount;
      problem.groups.forEach((group, g) => {
        if (group.length < 2) return;
        const witnesses: Term[] = [];
        for (let p = 0; p < P; p++) {
          if (group.length > problem.maxPresentersByPanel[p]!) continue;
          const seats = Array.from(group, (i) => vars.presenter[i * P + p]!);
          if (seats.some((v) => v === NONE)) continue;
          const w = lp.addBinary(`together_${g}_${p}`);
          for (const v of seats) lp.addRow(`togetherLink_${g}_${p}_${v}`, [{ variable: w, coefficient: 1 }, { variable: v, coefficient: -1 }], "<=", 0);
          witnesses.push({ variable: w, coefficient: 1 });
        }
        lp.addRow(`together_${g}`, witnesses, ">=", 1);
      });
    },
  },
  // The heuristic places a group's co-authors as one unit (companions of each other).
  greedy: {},
};
