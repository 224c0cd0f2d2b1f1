// Explanations as data (the `explanation` field of a solution file, DESIGN.md §5). Every entry names a real cause
// in program terms (a participant, a panel, a policy field) with the numbers behind it; `message` is the same in
// plain words, so a solution file reads on its own. src/explain/format.ts turns an Explanation into terminal text.
// An entry whose existence or wording derives from a participant being at risk carries `sensitive: true` from the
// moment it is made; src/explain/sensitive.ts publishes such entries only as a neutral withheld entry.
import type { RuleCode } from "../check/violations.js";
import type { Program } from "../model/schema.js";

/**
 * The codes program checks carry: the checker's code (src/check/violations.ts) of the rule every solution would
 * break when the check fails, e.g. "chair-missing" when fewer participants may chair than panels need a chair.
 */
export const CHECK_CODES = [
  "panel-size",
  "chair-missing",
  "discussant-missing",
  "presents",
  "nationality-cap",
  "nationality-distinct",
  "attribute-cap",
  "pinned",
  "co-authors",
] as const satisfies readonly RuleCode[];
/**
 * Program checks, plus "max-moves": a what-if re-solve that is feasible, only not within its cap on moves, and
 * "withheld": a sensitive check as published.
 */
export type CheckCode = (typeof CHECK_CODES)[number] | "max-moves" | "withheld";

/** A fast necessary condition for feasibility: when `ok` is false the program is certainly infeasible. */
export interface NecessaryCheck {
  readonly code: CheckCode;
  readonly ok: boolean;
  /** Program path of the cause, e.g. "policy.nationality.maxShare" or "participants[16].unavailable". */
  readonly path: string;
  /** The numbers the message quotes, by name. */
  readonly numbers: Readonly<Record<string, number>>;
  readonly message: string;
  /** Derived from someone being at risk: never published as is. */
  readonly sensitive?: boolean;
}

/** One named constraint instance of a conflict set; relaxing it edits the program at `path`. */
export interface ConflictMember {
  /** The checker's code of the instance's rule; "withheld" for a sensitive member as published. */
  readonly rule: RuleCode | "withheld";
  /** In program terms: "keep-apart p003 and p104", "policy.nationality.maxShare 0.5". */
  readonly instance: string;
  readonly path: string;
  /** Does relaxing this one instance make the whole program feasible? null when not decided in time. */
  readonly fixesAlone: boolean | null;
  /** Derived from someone being at risk (their default dialogue "out", a recorded panel): never published as is. */
  readonly sensitive?: boolean;
}

/** A single-parameter change that makes the program feasible, the smallest one found along its axis. */
export interface Relaxation {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
  /** False when a smaller step could not be decided in time: `to` works, a smaller change might too. */
  readonly smallest: boolean;
  readonly message: string;
  /** Derived from someone being at risk: never published as is. */
  readonly sensitive?: boolean;
}

export type Verdict = "feasible" | "infeasible" | "unknown";

export interface Explanation {
  /** The exact solver's verdict on the program as given (with a time limit). */
  readonly verdict: Verdict;
  readonly checks: readonly NecessaryCheck[];
  /** Constraint instances that cannot hold together; empty when a check already explains the infeasibility. */
  readonly conflicts: readonly ConflictMember[];
  /** True when every member was shown necessary (deletion filter finished with exact answers). */
  readonly conflictsMinimal: boolean;
  readonly relaxations: readonly Relaxation[];
  readonly stats: { readonly solves: number; readonly timeMs: number; readonly timedOut: boolean };
}

/** Decides whether a program has any solution, within a time limit ("unknown" when it could not tell). */
export type FeasibilityOracle = (program: Program, timeLimitMs: number) => Promise<Verdict>;
