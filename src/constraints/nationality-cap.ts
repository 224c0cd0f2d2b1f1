// DESIGN.md §3.3: per panel and nationality, holders <= shareLimit(maxShare, members), a dual national counting
// for each nationality held; at least minDistinct nationalities on a non-empty panel. Violation = holders above
// the limit + missing distinct nationalities.
import { shareLimit } from "../model/problem.js";
import { encodeCategoryRules, NATIONALITY_COUNTS, nationalityFamily } from "./shared/categories.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const nationalityCapRule: HardRule<"nationality-cap"> = {
  code: "nationality-cap",
  kind: "hard",
  violations: ["nationality-cap", "nationality-distinct"],
  isActive: (problem) => problem.nationalityPolicy.maxShare < 1 || problem.nationalityPolicy.minDistinct > 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      const { maxShare, minDistinct } = problem.nationalityPolicy;
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        if (members.length === 0) continue;
        const counts = new Map<number, number>();
        for (const i of members) for (const c of problem.nationalitiesByParticipant[i]!) counts.set(c, (counts.get(c) ?? 0) + 1);
        const limit = shareLimit(maxShare, members.length);
        for (const count of counts.values()) total += Math.max(0, count - limit);
        total += Math.max(0, minDistinct - counts.size);
      }
      return total;
    },
    valuer(state) {
      const { maxShare, minDistinct } = state.problem.nationalityPolicy;
      const nationalities = state.problem.nationalitiesByParticipant;
      const { countByPanel, distinctByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      const seenByNationality = new Int32Array(nationalityCount);
      let stamp = 0;
      return (p) => {
        const members = state.membersByPanel[p]!;
        if (members.length === 0) return 0;
        let total = Math.max(0, minDistinct - distinctByPanel[p]!);
        if (maxShare >= 1) return total;
        const limit = shareLimit(maxShare, members.length);
        const base = p * nationalityCount;
        stamp++;
        for (let k = 0; k < members.length; k++) {
          const codes = nationalities[members[k]!]!;
          for (let x = 0; x < codes.length; x++) {
            const c = codes[x]!;
            if (seenByNationality[c] === stamp) continue;
            seenByNationality[c] = stamp;
            const count = countByPanel[base + c]!;
            if (count > limit) total += count - limit;
          }
        }
        return total;
      };
    },
  },
  mip: {
    encode: (ctx) => encodeCategoryRules(ctx, nationalityFamily(ctx.problem)),
  },
  greedy: {
    admits(state) {
      const { nationalityPolicy, nationalitiesByParticipant: held } = state.problem;
      const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      return (i, p, _role, companions, finalMembers) => {
        const limit = shareLimit(nationalityPolicy.maxShare, finalMembers);
        const base = p * nationalityCount;
        for (const c of held[i]!) {
          let count = countByPanel[base + c]! + 1;
          for (const j of companions) if (j !== i && held[j]!.includes(c)) count++;
          if (count > limit) return false;
        }
        return true;
      };
    },
  },
};
