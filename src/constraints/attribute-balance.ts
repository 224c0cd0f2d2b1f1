// DESIGN.md §3.4: the nationality rules applied to each policy.balance attribute. Members without the attribute
// count as members but hold no value.
import { NONE, shareLimit } from "../model/problem.js";
import { ATTRIBUTE_COUNTS, attributeFamilies, encodeCategoryRules } from "./shared/categories.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const attributeBalanceRule: HardRule<"attribute-balance"> = {
  code: "attribute-balance",
  kind: "hard",
  violations: ["attribute-cap", "attribute-distinct"],
  isActive: (problem) => problem.balanceRules.some((rule) => rule.maxShare < 1 || rule.minDistinct > 0),
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const rule of problem.balanceRules) {
        for (const roster of assignment.panels) {
          const members = rosterMembers(roster);
          if (members.length === 0) continue;
          const counts = new Map<number, number>();
          for (const i of members) {
            const v = rule.valueByParticipant[i]!;
            if (v !== NONE) counts.set(v, (counts.get(v) ?? 0) + 1);
          }
          const limit = shareLimit(rule.maxShare, members.length);
          for (const count of counts.values()) total += Math.max(0, count - limit);
          total += Math.max(0, rule.minDistinct - counts.size);
        }
      }
      return total;
    },
    valuer(state) {
      const rules = state.problem.balanceRules;
      const { countByPanel, distinctByPanel } = state.use(ATTRIBUTE_COUNTS);
      return (p) => {
        const members = state.membersByPanel[p]!.length;
        if (members === 0) return 0;
        let total = 0;
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r]!;
          total += Math.max(0, rule.minDistinct - distinctByPanel[r]![p]!);
          if (rule.maxShare >= 1) continue;
          const limit = shareLimit(rule.maxShare, members);
          const values = rule.values.length;
          const counts = countByPanel[r]!;
          for (let v = 0; v < values; v++) {
            const count = counts[p * values + v]!;
            if (count > limit) total += count - limit;
          }
        }
        return total;
      };
    },
  },
  mip: {
    encode(ctx) {
      for (const family of attributeFamilies(ctx.problem)) encodeCategoryRules(ctx, family);
    },
  },
  greedy: {
    admits(state) {
      const rules = state.problem.balanceRules;
      if (rules.length === 0) return null;
      const { countByPanel } = state.use(ATTRIBUTE_COUNTS);
      return (i, p, _role, companions, finalMembers) => {
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r]!;
          const v = rule.valueByParticipant[i]!;
          if (v === NONE) continue;
          let count = countByPanel[r]![p * rule.values.length + v]! + 1;
          for (const j of companions) if (j !== i && rule.valueByParticipant[j] === v) count++;
          if (count > shareLimit(rule.maxShare, finalMembers)) return false;
        }
        return true;
      };
    },
  },
};
