// The constraint catalogue: every hard rule and objective term, in one fixed order (the search's penalty weights
// and the MIP's rows follow it). Adding a rule kind: write src/constraints/<code>.ts and add one line here.
import { attributeBalanceRule } from "./attribute-balance.js";
import { conflictsRule } from "./conflicts.js";
import { dialogueSafetyRule } from "./dialogue-safety.js";
import { eligibilityRule } from "./eligibility.js";
import { loadRule } from "./load.js";
import { maxMovesRule } from "./max-moves.js";
import { nationalityCapRule } from "./nationality-cap.js";
import { affinityRule } from "./objective/affinity.js";
import { dialogueRule } from "./objective/dialogue.js";
import { diversityRule } from "./objective/diversity.js";
import { stabilityRule } from "./objective/stability.js";
import { topicFitRule } from "./objective/topic-fit.js";
import { pinnedRule } from "./pinned.js";
import { rolesRule } from "./roles.js";
import type { HardRule, ObjectiveRule } from "./rule.js";
import { slotClashRule } from "./slot-clash.js";
import { togetherRule } from "./together.js";

export const HARD_RULES = [
  loadRule,
  slotClashRule,
  rolesRule,
  nationalityCapRule,
  attributeBalanceRule,
  conflictsRule,
  dialogueSafetyRule,
  eligibilityRule,
  togetherRule,
  pinnedRule,
  maxMovesRule,
] as const satisfies readonly HardRule[];

export const OBJECTIVE_RULES = [dialogueRule, diversityRule, topicFitRule, affinityRule, stabilityRule] as const satisfies readonly ObjectiveRule[];

/** An entry of the catalogue, its code typed as the entry's own name. */
export type CatalogueEntry = (typeof HARD_RULES)[number] | (typeof OBJECTIVE_RULES)[number];

/** Hard rules first, then objective terms. */
export const RULES: readonly CatalogueEntry[] = [...HARD_RULES, ...OBJECTIVE_RULES];

/** The name of a catalogue entry, equal to its file name. */
export type RuleName = HardRuleName | (typeof OBJECTIVE_RULES)[number]["code"];
export type HardRuleName = (typeof HARD_RULES)[number]["code"];

/** Violation amounts by hard rule, as the solvers' own evaluation reports them (only the broken rules). */
export type ViolationAmounts = Partial<Record<HardRuleName, number>>;

/**
 * The amounts in the checker's words: each rule named by the violation codes it answers for, the one mapping from
 * catalogue entries to the checker's codes (dialogue-safety is neutral-chair/min-side/max-imbalance).
 */
export function describeViolationAmounts(amounts: ViolationAmounts): string {
  return HARD_RULES.flatMap((rule) => {
    const amount = amounts[rule.code];
    if (amount === undefined) return [];
    return [`${rule.violations.length === 0 ? rule.code : rule.violations.join("/")}: ${amount}`];
  }).join(", ");
}
