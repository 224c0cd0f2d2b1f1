// Ctrl-C during what-if and sweep runs: an abort starts no further scenario, cuts the running ones short (they
// answer with their best so far, marked interrupted) and runScenarios returns at once, in this thread and on
// workers. The solves are given ten minutes, so only a working abort lets these tests finish within their timeout.
import { describe, expect, it } from "vitest";
import type { LoadedScenario } from "../../../src/scenarios/load.js";
import { finished, runScenarios, type ScenarioEvent } from "../../../src/scenarios/parallel.js";
import { program, smallInput } from "./fixtures.js";

const scenarios: LoadedScenario[] = ["s0", "s1", "s2"].map((name) => ({
  name,
  file: `${name}.yaml`,
  description: null,
  baseFile: "base.json",
  baselineFile: null,
  program: program(smallInput()),
  baseline: null,
  maxMoves: null,
  changeCount: 0,
}));

// The local search runs until its time limit (it has no proof of optimality to stop at).
const TEN_MINUTES = { solver: "search" as const, timeLimitMs: 600_000 };

/** Aborts shortly after `starts` scenarios have been handed out. */
function abortAfterStarts(starts: number): { signal: AbortSignal; onEvent: (event: ScenarioEvent) => void } {
  const controller = new AbortController();
  let started = 0;
  return {
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === "start" && ++started === starts) setTimeout(() => controller.abort(), 300);
    },
  };
}

describe("runScenarios with an abort signal", () => {
  for (const jobs of [1, 2]) {
    it(`starts nothing when already aborted (jobs ${jobs})`, { timeout: 30_000 }, async () => {
      const events: string[] = [];
      const outcomes = await runScenarios(scenarios, { ...TEN_MINUTES, jobs, signal: AbortSignal.abort(), onEvent: (e) => events.push(e.type) });
      expect(outcomes).toEqual([undefined, undefined, undefined]);
      expect(events).toEqual([]);
    });

    it(`cuts the running scenarios short and skips the rest (jobs ${jobs})`, { timeout: 60_000 }, async () => {
      const { signal, onEvent } = abortAfterStarts(jobs);
      const outcomes = await runScenarios(scenarios, { ...TEN_MINUTES, jobs, signal, onEvent, explain: false });
      // The first `jobs` scenarios were running when the abort came; the third never started.
      expect(outcomes.map((o) => o?.name)).toEqual([...scenarios.slice(0, jobs).map((s) => s.name), ...(jobs === 1 ? [undefined] : []), undefined]);
      for (const outcome of outcomes.slice(0, jobs)) {
        expect(outcome?.interrupted).toBe(true);
        // smallInput is easy: 300 ms of search finds a solution, and it is kept, not thrown away.
        expect(outcome?.status).toBe("feasible");
        expect(outcome?.solution.panels.length).toBeGreaterThan(0);
      }
      expect(finished(scenarios, outcomes).map((r) => r.item.name)).toEqual(scenarios.slice(0, jobs).map((s) => s.name));
    });
  }

  it("leaves a run without an abort complete and not interrupted", async () => {
    const outcomes = await runScenarios(scenarios.slice(0, 1), { solver: "search", timeLimitMs: 200, jobs: 1, signal: new AbortController().signal });
    expect(outcomes.map((o) => o?.interrupted)).toEqual([false]);
  });
});
