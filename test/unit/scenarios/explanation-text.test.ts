// The explanation text names only flags the printing command has: whatif's budget is --explain-time-limit.
import { describe, expect, it } from "vitest";
import { formatExplanation } from "../../../src/explain/format.js";
import type { Explanation } from "../../../src/explain/types.js";
import { formatExplanation as formatSolutionExplanation } from "../../../src/report/text.js";

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
    const text = formatExplanation(unfinished, { budgetFlag: "--explain-time-limit" });
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

/** A re-solve stopped only by its move cap (src/scenarios/run.ts): the program itself is feasible. */
const moveCap: Explanation = {
  verdict: "infeasible",
  checks: [
    {
      code: "max-moves",
      ok: false,
      path: "maxMoves",
      numbers: { maxMoves: 0, fewestMoves: 1 },
      message: "the move cap cannot be met: the changed program can be solved, but only with at least 1 move against the baseline, and maxMoves is 0",
    },
  ],
  conflicts: [],
  conflictsMinimal: false,
  relaxations: [{ path: "maxMoves", from: 0, to: 1, smallest: true, message: "allow 1 move (maxMoves 1)" }],
  stats: { solves: 1, timeMs: 10, timedOut: false },
};

describe("a move-cap explanation", () => {
  it("says the cap cannot be met, not that the program is infeasible, wherever it is printed", () => {
    for (const text of [formatExplanation(moveCap), formatSolutionExplanation(moveCap)]) {
      expect(text).toContain("The move cap cannot be met");
      expect(text).toContain("Smallest change that makes it feasible: allow 1 move (maxMoves 1)");
      expect(text).not.toContain("infeasible");
    }
  });
});
