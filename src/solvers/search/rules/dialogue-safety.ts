// DESIGN.md §3.6, dialogue panels: on a panel realising pair (A,B), each side >= minSide, |sideA - sideB| <=
// maxImbalance, and with neutralChair the chair holds neither A nor B.
import { NONE, type Problem } from "../../../model/problem.js";
import type { SearchState } from "../state.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const dialogueSafetyRule: HardRule = {
  code: "dialogue-safety",
  kind: "hard",
  scope: "panel",
  isActive: (problem) => problem.dialoguePairs.length > 0,
  full(problem, assignment) {
    let total = 0;
    for (const roster of assignment.panels) {
      const members = rosterMembers(roster);
      for (const pair of problem.dialoguePairs) {
        const holdersA = members.filter((i) => problem.nationalitiesByParticipant[i]!.includes(pair.a));
        const holdersB = members.filter((i) => problem.nationalitiesByParticipant[i]!.includes(pair.b));
        const realised = holdersA.some((i) => holdersB.some((j) => j !== i));
        if (!realised) continue;
        total += sidePenalty(problem, holdersA.length, holdersB.length);
        if (problem.dialogueSafety.neutralChair && roster.chair !== NONE) {
          const codes = problem.nationalitiesByParticipant[roster.chair]!;
          if (codes.includes(pair.a) || codes.includes(pair.b)) total++;
        }
      }
    }
    return total;
  },
  value(state, p) {
    const problem = state.problem;
    const pairs = problem.dialoguePairs;
    const chair = state.chairByPanel[p]!;
    const chairCodes = chair === NONE || !problem.dialogueSafety.neutralChair ? null : problem.nationalitiesByParticipant[chair]!;
    let total = 0;
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!;
      if (!realises(state, p, k)) continue;
      const base = p * state.nationalityCount;
      total += sidePenalty(problem, state.nationalityCountByPanel[base + pair.a]!, state.nationalityCountByPanel[base + pair.b]!);
      if (chairCodes !== null && (chairCodes.includes(pair.a) || chairCodes.includes(pair.b))) total++;
    }
    return total;
  },
};

function sidePenalty(problem: Problem, sideA: number, sideB: number): number {
  const { minSide, maxImbalance } = problem.dialogueSafety;
  return Math.max(0, minSide - sideA) + Math.max(0, minSide - sideB) + Math.max(0, Math.abs(sideA - sideB) - maxImbalance);
}

/** Does panel p realise pair k: one member holds A and a different member holds B? */
export function realises(state: SearchState, p: number, k: number): boolean {
  const pair = state.problem.dialoguePairs[k]!;
  const base = p * state.nationalityCount;
  const sideA = state.nationalityCountByPanel[base + pair.a]!;
  if (pair.a === pair.b) return sideA >= 2;
  const sideB = state.nationalityCountByPanel[base + pair.b]!;
  if (sideA === 0 || sideB === 0) return false;
  // Only one holder on each side, and it is the same dual national: no second person.
  return !(sideA === 1 && sideB === 1 && state.bothSidesByPanelPair[p * state.pairCount + k] === 1);
}
