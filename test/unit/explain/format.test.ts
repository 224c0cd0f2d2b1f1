import { describe, expect, it } from "vitest";
import { formatExplanation } from "../../../src/explain/format.js";
import type { ConflictMember, Explanation } from "../../../src/explain/types.js";

const member = (instance: string): ConflictMember => ({ rule: "keep-apart", instance, path: "policy.keepApart[0]", fixesAlone: true });
const explanation = (conflicts: ConflictMember[]): Explanation => ({
  verdict: "infeasible", checks: [], conflicts, conflictsMinimal: true, relaxations: [], stats: { solves: 1, timeMs: 1, timedOut: false },
});

describe("formatExplanation wording", () => {
  it("speaks of one rule in the singular and of several in the plural", () => {
    expect(formatExplanation(explanation([member("keep-apart a and b")]))).toContain("\nThis rule cannot hold on its own (minimal); relax it:\n  - keep-apart a and b");
    expect(formatExplanation(explanation([member("keep-apart a and b"), member("keep-apart b and c")]))).toContain("\nThese 2 rules cannot all hold together (minimal); relax one of them:\n");
  });
});
