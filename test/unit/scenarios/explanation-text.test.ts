// The explanation text names only flags the printing command has: whatif's budget is --explain-time-limit.
import { describe, expect, it } from "vitest";
import { explanationText } from "../../../src/cli/commands/whatif.js";
import { formatExplanation } from "../../../src/explain/format.js";
import type { Explanation } from "../../../src/explain/types.js";

/** A conflict search the time limit stopped at 12 members: the text summarises it and suggests a longer budget. */
const unfinished: Explanation = {
  verdict: "infeasible",
  checks: [],
  conflicts: Array.from({ length: 12 }, (_, k) => ({ rule: "keep-apart", instance: `keep-apart p${k} and q${k}`, path: `policy.keepApart[${k}]`, fixesAlone: null })),
  conflictsMinimal: false,
  relaxations: [],
  stats: { solves: 40, timeMs: 30_000, timedOut: true },
};

describe("the longer-budget hint", () => {
  it("names --explain-time-limit in whatif's text", () => {
    const text = explanationText(unfinished, false, "--explain-time-limit");
    expect(text).toContain("a longer --explain-time-limit narrows it further.");
    expect(text).not.toContain("--time-limit narrows");
  });
  it("names no flag when the caller does not say which one sets the budget", () => {
    const text = formatExplanation(unfinished);
    expect(text).toContain("a longer explanation budget narrows it further.");
    expect(text).not.toContain("--");
    expect(formatExplanation(unfinished, { budgetFlag: "--time-limit" })).toContain("a longer --time-limit narrows it further.");
  });
});
