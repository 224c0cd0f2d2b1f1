// DESIGN.md §3.6, dialogue panels: on a panel realising pair (A, B), each side has at least minSide members, the
// sides differ by at most maxImbalance, and with neutralChair the chair holds neither A nor B.
import { NONE, type Problem } from "../model/problem.js";
import { NATIONALITY_COUNTS } from "./shared/categories.js";
import { realisation } from "./shared/dialogue-pairs.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const dialogueSafetyRule: HardRule<"dialogue-safety"> = {
  code: "dialogue-safety",
  kind: "hard",
  violations: ["neutral-chair", "min-side", "max-imbalance"],
  isActive: (problem) => problem.dialoguePairs.length > 0,
  search: {
    scope: "panel",
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
    valuer(state) {
      const problem = state.problem;
      const pairs = problem.dialoguePairs;
      const realises = realisation(state);
      const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      return (p) => {
        const chair = state.chairByPanel[p]!;
        const chairCodes = chair === NONE || !problem.dialogueSafety.neutralChair ? null : problem.nationalitiesByParticipant[chair]!;
        let total = 0;
        for (let k = 0; k < pairs.length; k++) {
          const pair = pairs[k]!;
          if (!realises(p, k)) continue;
          const base = p * nationalityCount;
          total += sidePenalty(problem, countByPanel[base + pair.a]!, countByPanel[base + pair.b]!);
          if (chairCodes !== null && (chairCodes.includes(pair.a) || chairCodes.includes(pair.b))) total++;
        }
        return total;
      };
    },
  },
};

function sidePenalty(problem: Problem, sideA: number, sideB: number): number {
  const { minSide, maxImbalance } = problem.dialogueSafety;
  return Math.max(0, minSide - sideA) + Math.max(0, minSide - sideB) + Math.max(0, Math.abs(sideA - sideB) - maxImbalance);
}
