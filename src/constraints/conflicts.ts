// DESIGN.md §3.5-3.6, the pairwise rules: two members who may not share a panel. Opt-outs (avoid.participants,
// avoid.nationalities, dialogue "out"), policy.keepApart and policy.separate all say so of a pair of participants,
// and normalizeProgram folds them into one relation, Problem.conflictsByParticipant, that every solver reads.
// Violation = co-member pairs in conflict.
import { sortedIncludes } from "../model/problem.js";
import { ROLE_NONE, type SearchState, type Tracker, type TrackerKind } from "../solvers/search/state.js";
import { rosterMembers, type HardRule } from "./rule.js";

/** Members of p other than i that i may not share a panel with. */
export function conflictsWithMembers(state: SearchState, i: number, p: number): number {
  const conflicts = state.problem.conflictsByParticipant[i]!;
  if (conflicts.length === 0) return 0;
  const members = state.membersByPanel[p]!;
  let count = 0;
  // Few conflicts: look each up in the role matrix; many: binary-search each co-member (no scattered reads).
  if (conflicts.length <= members.length) {
    const panels = state.panelCount;
    const roles = state.roleByParticipantPanel;
    for (let k = 0; k < conflicts.length; k++) if (roles[conflicts[k]! * panels + p] !== ROLE_NONE) count++;
    return count;
  }
  for (let k = 0; k < members.length; k++) {
    const j = members[k]!;
    if (j !== i && sortedIncludes(conflicts, j)) count++;
  }
  return count;
}

interface ConflictPairs extends Tracker {
  /** Pairs of co-members of p that may not share a panel. */
  readonly pairsByPanel: Int32Array;
}

const CONFLICT_PAIRS: TrackerKind<ConflictPairs> = {
  name: "conflicting co-members",
  create(state: SearchState): ConflictPairs {
    const pairsByPanel = new Int32Array(state.panelCount);
    return {
      pairsByPanel,
      add(i, p) {
        pairsByPanel[p]! += conflictsWithMembers(state, i, p);
      },
      remove(i, p) {
        pairsByPanel[p]! -= conflictsWithMembers(state, i, p);
      },
    };
  },
};

export const conflictsRule: HardRule<"conflicts"> = {
  code: "conflicts",
  kind: "hard",
  violations: ["avoid-nationality", "avoid-participant", "dialogue-out", "keep-apart", "separate"],
  isActive: (problem) => problem.conflictsByParticipant.some((list) => list.length > 0),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = [...new Set(rosterMembers(roster))];
        for (let a = 0; a < members.length; a++) {
          for (let b = a + 1; b < members.length; b++) {
            if (sortedIncludes(problem.conflictsByParticipant[members[a]!]!, members[b]!)) total++;
          }
        }
      }
      return total;
    },
    valuer(state) {
      const { pairsByPanel } = state.use(CONFLICT_PAIRS);
      return (p) => pairsByPanel[p]!;
    },
  },
};
