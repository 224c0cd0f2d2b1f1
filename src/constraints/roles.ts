// DESIGN.md §3.2: presenters within the panel's size; exactly one chair and one discussant where the panel needs
// them, none where it does not.
import { NONE } from "../model/problem.js";
import { SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER } from "../solvers/mip/context.js";
import type { Term } from "../solvers/mip/linear-model.js";
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
  mip: {
    closeSeats(problem, closed) {
      const P = problem.panelCount;
      for (let p = 0; p < P; p++) {
        const shut =
          (problem.maxPresentersByPanel[p] === 0 ? SEAT_PRESENTER : 0) |
          (problem.needsChairByPanel[p] === 1 ? 0 : SEAT_CHAIR) |
          (problem.needsDiscussantByPanel[p] === 1 ? 0 : SEAT_DISCUSSANT);
        if (shut !== 0) for (let i = 0; i < problem.participantCount; i++) closed[i * P + p]! |= shut;
      }
    },
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      const P = problem.panelCount;
      for (let p = 0; p < P; p++) {
        const seats = (table: Int32Array): Term[] => {
          const out: Term[] = [];
          for (let i = 0; i < problem.participantCount; i++) {
            const v = table[i * P + p]!;
            if (v !== NONE) out.push({ variable: v, coefficient: 1 });
          }
          return out;
        };
        const presenters = seats(vars.presenter);
        const min = problem.minPresentersByPanel[p]!;
        const max = problem.maxPresentersByPanel[p]!;
        if (min > 0) lp.addRow(`sizeMin_${p}`, presenters, ">=", min);
        if (presenters.length > max) lp.addRow(`sizeMax_${p}`, presenters, "<=", max);
        lp.addRow(`chair_${p}`, seats(vars.chair), "=", problem.needsChairByPanel[p]!);
        lp.addRow(`discussant_${p}`, seats(vars.discussant), "=", problem.needsDiscussantByPanel[p]!);
      }
    },
  },
  // The heuristic fills panels up to their size and needs by construction.
  greedy: {},
};
