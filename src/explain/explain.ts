// Why is a program infeasible? First the counting checks (instant, with numbers); if they all pass and the exact
// solver still says infeasible, a minimal set of named constraint instances that cannot hold together; then the
// smallest single-parameter relaxations that restore feasibility. Everything runs within one time budget.
import type { Program } from "../model/schema.js";
import type { SolverName } from "../solvers/solver.js";
import { Budget } from "./budget.js";
import { runNecessaryChecks } from "./checks.js";
import { findConflictSet } from "./conflicts.js";
import { relaxInstances } from "./instances.js";
import { findRelaxations } from "./relax.js";
import type { ConflictMember, Explanation, FeasibilityOracle, NecessaryCheck, Verdict } from "./types.js";

export interface ExplainOptions {
  /** Whole budget for solver calls, in milliseconds (default 30 s). Checks always run. */
  readonly timeLimitMs?: number;
  /** Cap per feasibility question (default: a quarter of the budget, at most 10 s). */
  readonly perSolveMs?: number;
  /** Exact solver for feasibility questions (default: mip for tiny programs, highs otherwise). */
  readonly solver?: SolverName;
  readonly seed?: number;
  /** Replaces the solver-backed feasibility test (tests use brute force). */
  readonly oracle?: FeasibilityOracle;
  /** Already known, e.g. from the solve that asked for this explanation; skips one solve. */
  readonly verdict?: Verdict;
  /** Set false to skip the conflict search or the relaxation search. */
  readonly conflicts?: boolean;
  readonly relaxations?: boolean;
  /** Aborting stops the feasibility questions at once; what is known so far is returned. */
  readonly signal?: AbortSignal;
}

export async function explainProgram(program: Program, options: ExplainOptions = {}): Promise<Explanation> {
  const started = performance.now();
  const timeLimitMs = options.timeLimitMs ?? 30_000;
  // Loaded lazily: the solver registry is heavy, and an injected oracle needs none of it.
  const oracle =
    options.oracle ??
    (await import("./oracle.js")).solverOracle({
      ...(options.solver === undefined ? {} : { solver: options.solver }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  const budget = new Budget(oracle, timeLimitMs, options.perSolveMs ?? Math.min(10_000, timeLimitMs / 4), options.signal);

  const checks = runNecessaryChecks(program);
  const failing = checks.filter((c) => !c.ok);
  // A failed counting check is a proof; otherwise ask the exact solver.
  const verdict: Verdict = failing.length > 0 ? "infeasible" : (options.verdict ?? (await budget.ask(program)));

  let conflicts: ConflictMember[] = [];
  let conflictsMinimal = false;
  if (verdict === "infeasible" && failing.length === 0 && options.conflicts !== false) {
    // At most two thirds of what is left, so the relaxations get their turn.
    const share = options.relaxations === false ? 1 : 2 / 3;
    const search = await budget.phase(share, async () => {
      const found = await findConflictSet(program, budget);
      const members: ConflictMember[] = [];
      for (const member of found.members) {
        // Does this one change alone repair the program as written?
        const alone = budget.exhausted ? "unknown" : await budget.ask(relaxInstances(program, new Set([member.path])));
        members.push({ ...member, fixesAlone: alone === "unknown" ? null : alone === "feasible" });
      }
      return { minimal: found.minimal, members };
    });
    conflictsMinimal = search.minimal;
    conflicts = search.members;
  }

  const relaxations =
    verdict === "infeasible" && options.relaxations !== false
      ? await findRelaxations(program, budget, relaxationOrder(failing))
      : [];

  return {
    verdict,
    checks,
    conflicts,
    conflictsMinimal,
    relaxations,
    stats: { solves: budget.solves, timeMs: Math.round(performance.now() - started), timedOut: budget.timedOut },
  };
}

/**
 * Axes in the order the failed checks point at them. A failed sensitive check (derived from someone at risk) points
 * at the at-risk fixes first: nothing else will repair it. Explanations are organisers' artefacts, so the order may
 * depend on it; what organisers see by default withholds those fixes anyway.
 */
function relaxationOrder(failing: readonly NecessaryCheck[]): string[] {
  const atRisk = failing.some((c) => c.sensitive === true) ? ["panels[].recorded", "participants[].dialogue"] : [];
  return [...atRisk, ...failing.filter((c) => c.sensitive !== true).map((c) => relaxationHint(c.code))];
}

/** Which relaxation axis a failed check points at, so that axis is tried first. */
function relaxationHint(code: string): string {
  switch (code) {
    case "chairs":
      return "participants[].mayChair";
    case "discussants":
      return "participants[].mayDiscuss";
    case "nationality-cap":
    case "panel-shape":
      return "policy.nationality.maxShare";
    case "nationality-distinct":
      return "policy.nationality.minDistinct";
    case "attribute-cap":
      return "policy.balance";
    case "seats":
      return "policy.panelSize";
    default:
      return code;
  }
}
