// One evaluator per rule kind. Each gives (a) `full`: the rule's total on an Assignment computed from scratch,
// independently of the search counters (tests hold the two against each other), and (b) `value`: one entity's
// share read from the SearchState counters. The move delta is the change of `value` over the entities a move
// touches, so no move ever re-scores the whole program.
import type { Assignment, Problem } from "../../../model/problem.js";
import type { ObjectiveTerm } from "../../../model/schema.js";
import type { SearchState } from "../state.js";

export type RuleScope = "panel" | "participant" | "group" | "global";

interface RuleBase {
  readonly code: string;
  readonly scope: RuleScope;
  /** False when the problem cannot violate or score the rule: it is then left out of the hot loop. */
  isActive(problem: Problem): boolean;
  full(problem: Problem, assignment: Assignment): number;
  /** Entity index: panel, participant, co-author group, or 0 for global rules. */
  value(state: SearchState, entity: number): number;
}

/** A hard rule: its value is a violation amount (0 when satisfied). */
export interface HardRule extends RuleBase {
  readonly kind: "hard";
}

/** An objective term: its value is the raw term, weighted by policy.weights[term]. */
export interface ObjectiveRule extends RuleBase {
  readonly kind: "objective";
  readonly term: ObjectiveTerm;
}

export type SearchRule = HardRule | ObjectiveRule;

/** Members of a roster, deduplicated by role order (presenters, chair, discussant). */
export function rosterMembers(roster: { presenters: readonly number[]; chair: number; discussant: number }): number[] {
  const members = [...roster.presenters];
  if (roster.chair >= 0) members.push(roster.chair);
  if (roster.discussant >= 0) members.push(roster.discussant);
  return members;
}
