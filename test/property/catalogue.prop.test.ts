// The constraint catalogue (src/constraints) against the independent checker (src/check), entry by entry: on random
// assignments (mostly infeasible, so every rule gets broken), a hard rule's full value is 0 exactly when the checker
// reports none of the violation codes the rule answers for, and an objective term's full value is the checker's
// score of that term. One reading differs by design: the catalogue counts seats (the search's counters do), so a
// member holding two roles on one panel counts twice in a share cap, where the checker counts the person once. Such
// an assignment breaks the load rule's two-roles-one-panel in both readings, so there the property asks only that
// both readings reject it; everywhere else it asks rule by rule. The names line up too: every violation code the
// checker can report about a rule is answered for by exactly one hard rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { scoreSolution } from "../../src/check/score.js";
import { RULE_CODES } from "../../src/check/violations.js";
import { HARD_RULES, OBJECTIVE_RULES, RULES } from "../../src/constraints/registry.js";
import { loadRule } from "../../src/constraints/load.js";
import { rosterMembers, type ListingCode } from "../../src/constraints/rule.js";
import { baselineAssignment, normalizeProgram } from "../../src/model/normalize.js";
import type { Program } from "../../src/model/schema.js";
import type { SolutionPanel } from "../../src/model/solution.js";
import { assignmentArb } from "../arbitraries/assignment.js";
import { programArb } from "../arbitraries/program.js";
import { loadGenerated } from "../helpers/program.js";
import { runs } from "../helpers/runs.js";

const LISTING_CODES: readonly ListingCode[] = ["unknown-panel", "duplicate-panel", "missing-panel", "unknown-participant", "slot-mismatch"];

/** A program, a random assignment of it, and (half the time) a second one as the baseline of a what-if re-solve. */
const caseArb = programArb({ maxParticipants: 8, maxPanels: 3, maxPresents: 2, maxSlots: 3 })
  .map(loadGenerated)
  .chain((program) =>
    fc.record({
      program: fc.constant(program),
      panels: assignmentArb(program),
      baseline: fc.option(assignmentArb(program), { nil: null }),
    }),
  );

function holdsEveryEntry(program: Program, panels: SolutionPanel[], baseline: SolutionPanel[] | null): void {
  const problem = normalizeProgram(program, { baseline });
  const assignment = baselineAssignment(panels, problem.panelIdxById, problem.participantIdxById, problem.panelCount);
  const violations = checkSolution(program, panels);
  const score = scoreSolution(program, panels, baseline);
  const context = JSON.stringify({ panels, codes: violations.map((v) => v.code), terms: score.terms });
  const holdsTwoRoles = assignment.panels.some((roster) => {
    const members = rosterMembers(roster);
    return new Set(members).size < members.length;
  });
  if (holdsTwoRoles) {
    expect(violations.some((v) => v.code === "two-roles-one-panel"), context).toBe(true);
    expect(loadRule.search.full(problem, assignment), context).toBeGreaterThan(0);
    return;
  }
  for (const rule of HARD_RULES) {
    if (rule.violations.length === 0) continue; // a what-if cap (max-moves): not a rule of the program file
    const broken = violations.some((v) => (rule.violations as readonly string[]).includes(v.code));
    const full = rule.search.full(problem, assignment);
    expect(full > 0, `${rule.code}: full ${full} against the checker (${context})`).toBe(broken);
    if (!rule.isActive(problem)) expect(full, `${rule.code} is inactive yet broken (${context})`).toBe(0);
  }
  for (const rule of OBJECTIVE_RULES) {
    if (rule.term === "stability" && baseline === null) continue; // scored only against a baseline
    expect(rule.search.full(problem, assignment), `${rule.code} (${context})`).toBeCloseTo(score.terms[rule.term]!, 9);
  }
}

describe("the constraint catalogue against the checker", () => {
  it("every rule's full value agrees with the checker's violations and scores on random assignments", () => {
    fc.assert(
      fc.property(caseArb, ({ program, panels, baseline }) => holdsEveryEntry(program, panels, baseline)),
      { numRuns: runs(400) },
    );
  });

  it("every violation code the checker reports about a rule is answered for by exactly one hard rule", () => {
    const owners = new Map<string, string[]>();
    for (const rule of HARD_RULES) for (const code of rule.violations) owners.set(code, [...(owners.get(code) ?? []), rule.code]);
    for (const code of RULE_CODES) {
      if ((LISTING_CODES as readonly string[]).includes(code)) expect(owners.get(code), code).toBeUndefined();
      else expect(owners.get(code), code).toHaveLength(1);
    }
    expect([...owners.keys()].every((code) => (RULE_CODES as readonly string[]).includes(code))).toBe(true);
  });

  it("names every entry once, after the file it lives in", () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(OBJECTIVE_RULES.map((rule) => rule.term)).size).toBe(OBJECTIVE_RULES.length);
  });
});
