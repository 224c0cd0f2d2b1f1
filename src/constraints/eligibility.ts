// DESIGN.md §3.6-3.7 per (participant, panel): never on a panel in an unavailable slot, an at-risk participant
// never on a recorded panel (both folded into Problem.mayJoin), and under topics "required" a presenter shares a
// topic with the panel (Problem.mayPresent). Violation = roles held where they may not be.
import { NONE } from "../model/problem.js";
import { SEAT_ANY, SEAT_PRESENTER } from "../solvers/mip/context.js";
import { ROLE_PRESENTER, type SearchState, type Tracker, type TrackerKind } from "../solvers/search/state.js";
import type { HardRule } from "./rule.js";

interface Ineligible extends Tracker {
  /** Members who may not join p, plus presenters who may not present on p. */
  readonly ineligibleByPanel: Int32Array;
}

const INELIGIBLE: TrackerKind<Ineligible> = {
  name: "ineligible roles",
  create(state: SearchState): Ineligible {
    const { mayPresent, mayJoin } = state.problem;
    const panels = state.panelCount;
    const ineligibleByPanel = new Int32Array(panels);
    const ineligible = (i: number, p: number, role: number) => 1 - (role === ROLE_PRESENTER ? mayPresent : mayJoin)[i * panels + p]!;
    return {
      ineligibleByPanel,
      add(i, p, role) {
        ineligibleByPanel[p]! += ineligible(i, p, role);
      },
      remove(i, p, role) {
        ineligibleByPanel[p]! -= ineligible(i, p, role);
      },
    };
  },
};

export const eligibilityRule: HardRule<"eligibility"> = {
  code: "eligibility",
  kind: "hard",
  violations: ["unavailable-slot", "at-risk-recorded", "topic-required"],
  isActive: (problem) => problem.mayPresent.includes(0),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      const panels = problem.panelCount;
      assignment.panels.forEach((roster, p) => {
        for (const i of roster.presenters) total += 1 - problem.mayPresent[i * panels + p]!;
        for (const i of [roster.chair, roster.discussant]) if (i !== NONE) total += 1 - problem.mayJoin[i * panels + p]!;
      });
      return total;
    },
    valuer(state) {
      const { ineligibleByPanel } = state.use(INELIGIBLE);
      return (p) => ineligibleByPanel[p]!;
    },
  },
  mip: {
    // No rows: a seat where the rule forbids the role is never created.
    closeSeats(problem, closed) {
      for (let k = 0; k < closed.length; k++) {
        if (problem.mayJoin[k] === 0) closed[k] = SEAT_ANY;
        else if (problem.mayPresent[k] === 0) closed[k]! |= SEAT_PRESENTER;
      }
    },
  },
  greedy: {
    admits(state) {
      const { mayPresent, mayJoin, panelCount } = state.problem;
      return (i, p, role) => (role === ROLE_PRESENTER ? mayPresent : mayJoin)[i * panelCount + p] === 1;
    },
  },
};
