// One entry of the constraint catalogue: a hard rule of DESIGN.md §3 or an objective term of §4, with every face a
// solver or an explanation needs, side by side in the rule's own file (src/constraints/<code>.ts, objective terms
// in objective/<code>.ts). The registry (registry.ts) lists the entries; solvers and explanations iterate it, and
// nothing else lists rules. The independent checker (src/check) reads DESIGN.md on its own and shares no code with
// the catalogue: each hard entry names the checker's violation codes it answers for (`violations`), and a property
// test holds every entry's full value against the checker on random assignments.
import type { RuleCode } from "../check/violations.js";
import type { RelaxationAxis } from "../explain/axes.js";
import type { CheckCode, NecessaryCheck } from "../explain/types.js";
import type { IssuePath } from "../model/issues.js";
import type { Assignment, Problem } from "../model/problem.js";
import type { ObjectiveTerm, Program } from "../model/schema.js";
import type { EncodeContext } from "../solvers/mip/context.js";
import type { Role, SearchState } from "../solvers/search/state.js";

/** Checker codes for a malformed listing (an unknown panel or participant ...): no rule of the catalogue owns them. */
export type ListingCode = "unknown-panel" | "duplicate-panel" | "missing-panel" | "unknown-participant" | "slot-mismatch";

/** A checker violation code that names a broken rule of DESIGN.md §3. */
export type ViolationCode = Exclude<RuleCode, ListingCode>;

/** What one value of the search face is about: a panel, a participant, a co-author group, or the whole program. */
export type RuleScope = "panel" | "participant" | "group" | "global";

/**
 * The local search's reading of the rule. The evaluator sums `value` over the entities a move touches, before and
 * after it, so a move never re-scores the program; `full` computes the rule's total from scratch, with no counter,
 * and the property tests hold the two against each other.
 */
export interface SearchFace {
  readonly scope: RuleScope;
  /** The rule's total on a whole assignment: a violation amount (0 when kept) or the raw objective term. */
  full(problem: Problem, assignment: Assignment): number;
  /**
   * Binds the rule to a state (attaching the trackers it reads) and returns one entity's share of the total, read
   * from the counters of the state's current assignment.
   */
  valuer(state: SearchState): (entity: number) => number;
}

/**
 * The rule in the panel MIP (src/solvers/mip/build.ts), shared by both exact backends. A role seat (presenter,
 * chair or discussant of one panel) exists unless some rule closes it; then each rule adds its rows, or its
 * objective coefficients, over the seats that exist.
 */
export interface MipFace {
  /** Marks the seats the rule rules out before any is created: SEAT_* flags per cell, [i * panelCount + p]. */
  closeSeats?(problem: Problem, closed: Uint8Array): void;
  encode?(ctx: EncodeContext): void;
}

/**
 * Whether a placement keeps the rule while panels are still filling: may participant i take `role` on panel p now,
 * with `companions` joining p at the same time (co-authors), without breaking the rule in a way later placements
 * could not mend? Share caps are judged at `finalMembers`, the member count p is expected to end with.
 */
export interface Admission {
  allows(i: number, p: number, role: Role, companions: readonly number[], finalMembers: number): boolean;
}

/** The rule in the constructive heuristic (src/solvers/greedy/greedy.ts), bound to the state it fills. */
export interface GreedyFace {
  /**
   * Hard rules: the admission test, or null when the rule never refuses a placement on this program. An object of a
   * class of the rule's own, so that greedy's call site keeps one target from state to state (a closure per state
   * sends the optimised placement code back to the interpreter on every new state).
   */
  admits?(state: SearchState): Admission | null;
  /**
   * What one admission test costs, roughly: 0 reads a cell or two, 1 a few counters, 2 loops over the panel's
   * members or dialogue pairs. Greedy asks the cheap tests first, so that most refusals cost a lookup (the tests are
   * pure: the order changes no answer).
   */
  readonly admissionCost?: 0 | 1 | 2;
  /** Objective terms: what the unweighted term gains when i joins p. */
  gain?(state: SearchState): (i: number, p: number) => number;
}

/** One instance of a rule as the program states it: what a conflict set can name, and what relaxing it edits. */
export interface NamedInstance {
  /** The checker's code for what the instance asks (keep-apart, avoid-participant, unavailable-slot, ...). */
  readonly rule: ViolationCode;
  /** Where the instance lives in the program; relaxing it edits that place. */
  readonly path: IssuePath;
  /** In program terms: "keep p003 and p104 apart", "policy.nationality.maxShare 0.5". */
  readonly instance: string;
  /** Exists only because someone is at risk: published only as a withheld entry (src/explain/sensitive.ts). */
  readonly sensitive?: boolean;
}

/** What explanations of an infeasible program (src/explain/) need of the rule. */
export interface ExplainFace {
  /** Fast necessary conditions for feasibility, each a counting argument with the numbers it quotes. */
  checks?(problem: Problem): NecessaryCheck[];
  /** Which relaxation axis (a path prefix) a failed check of this rule points at: those axes are tried first. */
  readonly relaxedBy?: Readonly<Partial<Record<CheckCode, string>>>;
  /** The rule's named instances in the program. */
  instances?(program: Program): NamedInstance[];
  /**
   * Relaxes the instances `isRelaxed` names, editing `draft` (a deep copy of `program`, whose indices paths use) in
   * place: removing an entry or setting a field to its permissive value. Relaxing must only ever add solutions.
   */
  relax?(draft: Program, isRelaxed: (path: IssuePath) => boolean, program: Program): void;
  /** Single parameters along which the rule loosens, for the smallest relaxations that restore feasibility. */
  axes?(program: Program): RelaxationAxis[];
}

interface RuleBase<C extends string> {
  /** The rule's name in the catalogue, equal to its file name. */
  readonly code: C;
  /** False when the program cannot violate or score the rule: solvers then leave it out of their hot loops. */
  isActive(problem: Problem): boolean;
  readonly search: SearchFace;
  readonly mip: MipFace;
  readonly greedy: GreedyFace;
}

/** A hard rule: a solution that breaks it is not a solution. */
export interface HardRule<C extends string = string> extends RuleBase<C> {
  readonly kind: "hard";
  /** The checker's violation codes this rule answers for (none for a what-if cap the program file does not state). */
  readonly violations: readonly ViolationCode[];
  readonly explain: ExplainFace;
}

/** An objective term (DESIGN.md §4), weighted by policy.weights[term]. */
export interface ObjectiveRule<C extends string = string> extends RuleBase<C> {
  readonly kind: "objective";
  readonly term: ObjectiveTerm;
  /**
   * An upper bound on policy.weights[term] x term over every solution, cheap enough for any program (counting seats
   * and panels): objectiveBound (src/solvers/bounds.ts) adds them up. A term weighted so that it can only lose
   * contributes at most 0.
   */
  bound(problem: Problem): number;
}

export type Rule = HardRule | ObjectiveRule;

/** Members of a roster, in role order (presenters, chair, discussant); a repeat is kept. */
export function rosterMembers(roster: { presenters: readonly number[]; chair: number; discussant: number }): number[] {
  const members = [...roster.presenters];
  if (roster.chair >= 0) members.push(roster.chair);
  if (roster.discussant >= 0) members.push(roster.discussant);
  return members;
}
