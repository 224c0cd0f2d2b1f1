// DESIGN.md §3.4: the nationality rules applied to each policy.balance attribute. Members without the attribute
// count as members but hold no value.
import { countDown, shareSteps, withPolicy, type RelaxationAxis } from "../explain/axes.js";
import { check, membersRange, pct, plural, somePanelMustFill, verb } from "../explain/counting.js";
import type { NecessaryCheck } from "../explain/types.js";
import type { IssuePath } from "../model/issues.js";
import { NONE, shareLimit, type Problem } from "../model/problem.js";
import type { Program } from "../model/schema.js";
import { ATTRIBUTE_COUNTS, attributeFamilies, encodeCategoryRules } from "./shared/categories.js";
import type { Role, SearchState } from "../solvers/search/state.js";
import { rosterMembers, type Admission, type HardRule } from "./rule.js";

/** Greedy: i's value (and the companions') stays within each balance rule's cap at the final size. */
class AttributeAdmission implements Admission {
  private readonly rules: Problem["balanceRules"];
  private readonly countByPanel: readonly Int32Array[];

  constructor(state: SearchState) {
    this.rules = state.problem.balanceRules;
    this.countByPanel = state.use(ATTRIBUTE_COUNTS).countByPanel;
  }

  allows(i: number, p: number, _role: Role, companions: readonly number[], finalMembers: number): boolean {
    const rules = this.rules;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const v = rule.valueByParticipant[i]!;
      if (v === NONE) continue;
      let count = this.countByPanel[r]![p * rule.values.length + v]! + 1;
      for (const j of companions) if (j !== i && rule.valueByParticipant[j] === v) count++;
      if (count > shareLimit(rule.maxShare, finalMembers)) return false;
    }
    return true;
  }
}

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
    admissionCost: 1,
    admits: (state) => (state.problem.balanceRules.length === 0 ? null : new AttributeAdmission(state)),
  },
  explain: {
    checks: (problem) => checkAttributeCaps(problem),
    relaxedBy: { "attribute-cap": "policy.balance" },
    instances({ policy }) {
      const out: { rule: "attribute-cap" | "attribute-distinct"; path: IssuePath; instance: string }[] = [];
      policy.balance.forEach((rule, k) => {
        if (rule.maxShare < 1) out.push({ rule: "attribute-cap", path: ["policy", "balance", k, "maxShare"], instance: `${rule.attribute} maxShare ${rule.maxShare}` });
        if (rule.minDistinct > 1) out.push({ rule: "attribute-distinct", path: ["policy", "balance", k, "minDistinct"], instance: `${rule.attribute} minDistinct ${rule.minDistinct}` });
      });
      return out;
    },
    relax(draft, isRelaxed) {
      draft.policy.balance = draft.policy.balance.map((rule, k) => ({
        ...rule,
        maxShare: isRelaxed(["policy", "balance", k, "maxShare"]) ? 1 : rule.maxShare,
        minDistinct: isRelaxed(["policy", "balance", k, "minDistinct"]) ? 0 : rule.minDistinct,
      }));
    },
    axes(program) {
      const axes: RelaxationAxis[] = [];
      program.policy.balance.forEach((rule, k) => {
        const setRule = (p: Program, patch: Partial<typeof rule>) =>
          withPolicy(p, (pol) => ({ ...pol, balance: pol.balance.map((r, j) => (j === k ? { ...r, ...patch } : r)) }));
        if (rule.maxShare < 1) {
          axes.push({
            path: `policy.balance[${k}].maxShare`,
            from: rule.maxShare,
            steps: shareSteps(program, rule.maxShare),
            apply: (p, v) => setRule(p, { maxShare: v as number }),
            describe: (v) => `raise the ${rule.attribute} maxShare (policy.balance[${k}].maxShare) from ${rule.maxShare} to ${v}`,
          });
        }
        if (rule.minDistinct > 1) {
          axes.push({
            path: `policy.balance[${k}].minDistinct`,
            from: rule.minDistinct,
            steps: countDown(rule.minDistinct, 1),
            apply: (p, v) => setRule(p, { minDistinct: v as number }),
            describe: (v) => `lower the ${rule.attribute} minDistinct (policy.balance[${k}].minDistinct) from ${rule.minDistinct} to ${v}`,
          });
        }
      });
      return axes;
    },
  },
};

/** Per balance rule: do the holders of the most presented value fit under the cap, and are there values enough? */
function checkAttributeCaps(problem: Problem): NecessaryCheck[] {
  const out: NecessaryCheck[] = [];
  for (const [r, rule] of problem.balanceRules.entries()) {
    const path = `policy.balance[${r}]`;
    if (rule.maxShare < 1) {
      let allowance = 0;
      for (let p = 0; p < problem.panelCount; p++) allowance += shareLimit(rule.maxShare, membersRange(problem, p)[1]);
      let worst: { value: string; holders: number; presentations: number } | null = null;
      for (const [v, value] of rule.values.entries()) {
        let holders = 0;
        let presentations = 0;
        for (let i = 0; i < problem.participantCount; i++) {
          if (rule.valueByParticipant[i] !== v) continue;
          holders++;
          presentations += problem.presentsByParticipant[i]!;
        }
        if (worst === null || presentations > worst.presentations) worst = { value, holders, presentations };
      }
      if (worst !== null) {
        const ok = worst.presentations <= allowance;
        out.push(check("attribute-cap", ok, `${path}.maxShare`, { holders: worst.holders, presentations: worst.presentations, allowance, maxShare: rule.maxShare },
          `${plural(worst.holders, "participant")} ${verb(worst.holders, "has", "have")} ${rule.attribute} "${worst.value}" and ${verb(worst.holders, "presents", "present")} ${worst.presentations} times; with maxShare ${pct(rule.maxShare)} at most ${allowance} fit`));
      }
    }
    if (rule.minDistinct > 1 && rule.values.length < rule.minDistinct && somePanelMustFill(problem)) {
      out.push(check("attribute-cap", false, `${path}.minDistinct`, { minDistinct: rule.minDistinct, values: rule.values.length },
        `every panel needs ${rule.minDistinct} distinct values of ${rule.attribute} but participants have only ${rule.values.length}`));
    }
  }
  return out;
}
