// Every rule kind the search scores, hard rules first. Order is fixed so penalty weights index the same way.
import { affinityRule } from "./affinity.js";
import { attributeBalanceRule } from "./attribute-balance.js";
import { conflictsRule } from "./conflicts.js";
import { dialogueSafetyRule } from "./dialogue-safety.js";
import { dialogueRule } from "./dialogue.js";
import { diversityRule } from "./diversity.js";
import { eligibilityRule } from "./eligibility.js";
import { loadRule } from "./load.js";
import { nationalityCapRule } from "./nationality-cap.js";
import { pinnedRule } from "./pinned.js";
import { rolesRule } from "./roles.js";
import type { HardRule, ObjectiveRule, SearchRule } from "./rule.js";
import { slotClashRule } from "./slot-clash.js";
import { maxMovesRule, stabilityRule } from "./stability.js";
import { togetherRule } from "./together.js";
import { topicFitRule } from "./topic-fit.js";

export const HARD_RULES: readonly HardRule[] = [
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
];

export const OBJECTIVE_RULES: readonly ObjectiveRule[] = [dialogueRule, diversityRule, topicFitRule, affinityRule, stabilityRule];

export const ALL_RULES: readonly SearchRule[] = [...HARD_RULES, ...OBJECTIVE_RULES];

export type { HardRule, ObjectiveRule, SearchRule } from "./rule.js";
