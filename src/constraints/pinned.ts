// DESIGN.md §3.8: pinned presenters, chair and discussant hold. Violation = pinned roles not held.
import { NONE, type Problem } from "../model/problem.js";
import { SEAT_ANY, SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER } from "../solvers/mip/context.js";
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
  mip: {
    // A pin fixes its seat before the solver sees the model, and closes the seats it rules out: the pinned
    // person's other roles on that panel and every panel of its slot, and the seats there of anyone they may not
    // sit with. Neither backend then has to rediscover those implications.
    closeSeats(problem, closed) {
      const P = problem.panelCount;
      for (const { participant: i, panel: p, seat } of pinsOf(problem)) {
        closed[i * P + p]! |= SEAT_ANY & ~seat;
        const slot = problem.slotByPanel[p]!;
        if (slot !== NONE) {
          for (let q = 0; q < P; q++) if (q !== p && problem.slotByPanel[q] === slot) closed[i * P + q] = SEAT_ANY;
        }
        for (const j of problem.conflictsByParticipant[i]!) closed[j * P + p] = SEAT_ANY;
      }
    },
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      const P = problem.panelCount;
      for (const { participant: i, panel: p, seat } of pinsOf(problem)) {
        const table = seat === SEAT_PRESENTER ? vars.presenter : seat === SEAT_CHAIR ? vars.chair : vars.discussant;
        const v = table[i * P + p]!;
        const what = seat === SEAT_PRESENTER ? "presenter" : seat === SEAT_CHAIR ? "chair" : "discussant";
        if (v === NONE) lp.markInfeasible(`${problem.participantIds[i]} is pinned as ${what} of ${problem.panelIds[p]} but may not hold that seat`);
        else lp.setBounds(v, 1, 1);
      }
    },
  },
  // The heuristic places pinned roles first.
  greedy: {},
};

interface Pin {
  readonly participant: number;
  readonly panel: number;
  /** SEAT_PRESENTER, SEAT_CHAIR or SEAT_DISCUSSANT. */
  readonly seat: number;
}

function pinsOf(problem: Problem): Pin[] {
  const pins: Pin[] = [];
  for (let p = 0; p < problem.panelCount; p++) {
    for (const i of problem.pinnedPresentersByPanel[p]!) pins.push({ participant: i, panel: p, seat: SEAT_PRESENTER });
    const c = problem.pinnedChairByPanel[p]!;
    if (c !== NONE) pins.push({ participant: c, panel: p, seat: SEAT_CHAIR });
    const d = problem.pinnedDiscussantByPanel[p]!;
    if (d !== NONE) pins.push({ participant: d, panel: p, seat: SEAT_DISCUSSANT });
  }
  return pins;
}
