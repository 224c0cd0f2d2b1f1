// The pipeline: solving never explains (src/solve.ts), solveProgram explains a failure after the solve when asked,
// within the same time limit, and reuses the program it normalised.
import { describe, expect, it } from "vitest";
import { solveProgram } from "../../../src/pipeline.js";
import { prepareProgram, solveChecked } from "../../../src/solve.js";
import type { Explanation } from "../../../src/explain/types.js";
import type { Solution } from "../../../src/model/solution.js";
import { program } from "../scenarios/fixtures.js";

/** The solution file keeps its explanation untyped (any JSON); the pipeline puts an Explanation there. */
const explanationOf = (solution: Solution) => solution.explanation as Explanation | null;

/** Two panels need a chair and nobody may chair: a counting check proves it infeasible. */
const noChairs = () =>
  program({
    participants: ["UA", "RU", "GE", "US"].map((nat, k) => ({ id: `p${k}`, nationalities: [nat] })),
    panels: [{ id: "P1" }, { id: "P2" }],
    policy: { chair: true, panelSize: { min: 2, max: 2 } },
  });

describe("solve, then explain", () => {
  it("the checked solve reports the failure and leaves the explanation to the pipeline", async () => {
    const solution = await solveChecked(prepareProgram(noChairs()), { solver: "mip", timeLimitMs: 10_000 });
    expect(solution.status).toBe("infeasible");
    expect(solution.explanation).toBeNull();
  });

  it("solveProgram explains an infeasible program when asked, and only then", async () => {
    const asked = await solveProgram(noChairs(), { solver: "mip", timeLimitMs: 20_000, explain: { timeLimitMs: 10_000 } });
    expect(asked.status).toBe("infeasible");
    expect(explanationOf(asked)?.verdict).toBe("infeasible");
    expect(explanationOf(asked)?.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(["chair-missing"]);
    expect(asked.stats.timeMs).toBeLessThanOrEqual(20_000);
    const silent = await solveProgram(noChairs(), { solver: "mip", timeLimitMs: 20_000 });
    expect(silent.status).toBe("infeasible");
    expect(silent.explanation).toBeNull();
  });

  it("a heuristic that finds nothing on a program no check rules out gets no explanation", async () => {
    // Keep-apart a and b, who must both present on the only panel: infeasible, but every counting check passes, so
    // a timeout is only a timeout.
    const clash = program({
      participants: [
        { id: "a", nationalities: ["UA"] },
        { id: "b", nationalities: ["RU"] },
        { id: "c", nationalities: ["GE"] },
      ],
      panels: [{ id: "P1", size: { min: 1, max: 3 } }],
      policy: { keepApart: [["a", "b"]] },
    });
    const solution = await solveProgram(clash, { solver: "greedy", timeLimitMs: 2_000, explain: { timeLimitMs: 5_000 } });
    expect(solution.status).toBe("timeout");
    expect(solution.explanation).toBeNull();
    // The same failure proven by an exact solver is explained (the conflict: the keep-apart pair).
    const proven = await solveProgram(clash, { solver: "mip", timeLimitMs: 20_000, explain: { timeLimitMs: 10_000 } });
    expect(proven.status).toBe("infeasible");
    expect(explanationOf(proven)?.conflicts.map((c) => c.rule)).toContain("keep-apart");
  });
});
