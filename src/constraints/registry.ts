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
import type { HardRule, ObjectiveRule, Rule } from "./rule.js";
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

/** Hard rules first, then objective terms. */
export const RULES: readonly Rule[] = [...HARD_RULES, ...OBJECTIVE_RULES];

/** The name of a catalogue entry, equal to its file name. */
export type RuleName = (typeof HARD_RULES)[number]["code"] | (typeof OBJECTIVE_RULES)[number]["code"];
