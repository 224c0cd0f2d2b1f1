// Fast necessary conditions for feasibility, each a counting argument over the program with the numbers quoted, as
// the rules of the catalogue run them (their `explain.checks` face; helpers in counting.ts). A failed check proves
// infeasibility on its own; passing checks are summarised once per kind (the tightest case), so `tracktwo explain`
// shows what was verified without listing every nationality or participant.
// Eligibility and conflicts fold in the at-risk rules (off recorded panels, dialogue "out" by default), so a check's
// existence or numbers may derive from someone being at risk. Rather than trace that through every counting
// argument, each check is compared with the same checks on the program with nobody at risk: a check that does not
// appear there word for word is marked sensitive.
import { HARD_RULES } from "../constraints/registry.js";
import { normalizeProgram } from "../model/normalize.js";
import type { Problem } from "../model/problem.js";
import type { Program } from "../model/schema.js";
import { withoutAtRisk } from "./sensitive.js";
import type { NecessaryCheck } from "./types.js";

/** `problem`: the program already normalised, when the caller has it (it is not normalised again). */
export function runNecessaryChecks(program: Program, problem: Problem = normalizeProgram(program)): NecessaryCheck[] {
  const checks = checksOf(problem);
  const neutral = withoutAtRisk(program);
  if (neutral === program) return checks;
  // A multiset: two identical checks in the real run need two in the neutral one.
  const unmarked = new Map<string, number>();
  for (const c of checksOf(normalizeProgram(neutral))) unmarked.set(checkKey(c), (unmarked.get(checkKey(c)) ?? 0) + 1);
  return checks.map((c) => {
    const left = unmarked.get(checkKey(c)) ?? 0;
    if (left === 0) return { ...c, sensitive: true };
    unmarked.set(checkKey(c), left - 1);
    return c;
  });
}

const checkKey = (c: NecessaryCheck) => JSON.stringify([c.code, c.ok, c.path, c.numbers, c.message]);

function checksOf(problem: Problem): NecessaryCheck[] {
  return HARD_RULES.flatMap((rule) => rule.explain.checks?.(problem) ?? []);
}

/** The relaxation axis (a path prefix) each failed check points at, from the rules that run the checks. */
export function relaxationHint(check: NecessaryCheck): string | null {
  for (const rule of HARD_RULES) {
    const hint = rule.explain.relaxedBy?.[check.code];
    if (hint !== undefined) return hint;
  }
  return null;
}
