// The MDGP bench's own logic: the per-set summary, anticlust detection and skipping, and the checks a run's
// grouping goes through before it gets a gap.
import { describe, expect, it } from "vitest";
import { mergeResults, resultsMarkdown, summarize, type MdgpResults, type MdgpRunRecord } from "../../../bench/mdgp-report.js";
import { anticlustRunner, detectAnticlust, engineRunner, mdgpCase, runOne, setOf, type MdgpRunner } from "../../../bench/mdgp-runners.js";
import { parseMdgp, type MdgpInstance } from "../../../bench/mdgp-instances.js";

function record(instance: string, seed: number, gap: number, runner = "engine"): MdgpRunRecord {
  return {
    instance,
    set: setOf(instance),
    runner,
    seed,
    value: 100 - gap * 100,
    bestKnown: 100,
    gap,
    timeMs: 1000,
    timeToBestMs: 500,
    iterations: 50,
    moves: 2000,
    load: [1, 3],
    note: null,
  };
}

/** n = 12 elements in 3 groups, weights i + j. */
function tinyInstance(kind: "ss" | "ds"): MdgpInstance {
  const n = 12;
  const header = kind === "ss" ? "12 3 ss 4 4 4 4 4 4" : "12 3 ds 3 5 3 5 2 6";
  const lines = [header];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lines.push(`${i} ${j} ${i + j}`);
  const parsed = parseMdgp(lines.join("\n"), `Tiny_n12_${kind}_01.txt`);
  if (!parsed.ok) throw new Error("tiny instance does not parse");
  return parsed.value;
}

describe("MDGP bench summary", () => {
  it("averages per-instance mean, best and worst over the seeds, per set and over all sets of a size", () => {
    const records = [
      record("RanReal_n240_ss_01", 1, 0.001),
      record("RanReal_n240_ss_01", 2, 0.003),
      record("RanReal_n240_ss_02", 1, 0.002),
      record("RanReal_n240_ss_02", 2, 0.002),
      record("RanInt_n240_ds_01", 1, -0.001),
      record("RanInt_n240_ds_01", 2, 0.005),
    ];
    const rows = summarize(records);
    const ss = rows.find((r) => r.set === "RanReal n240 ss")!;
    expect(ss.instances).toBe(2);
    expect(ss.runs).toBe(4);
    expect(ss.meanGap).toBeCloseTo(0.002, 12);
    expect(ss.bestGap).toBeCloseTo((0.001 + 0.002) / 2, 12);
    expect(ss.worstGap).toBeCloseTo((0.003 + 0.002) / 2, 12);
    expect(ss.maxGap).toBeCloseTo(0.003, 12);
    expect(ss.iterationsPerSecond).toBe(50);
    expect(ss.movesPerSecond).toBe(2000);
    expect(ss.meanLoad).toBe(2);
    const all = rows.find((r) => r.set === "n240 (all)")!;
    expect(all.instances).toBe(3);
    expect(all.meanGap).toBeCloseTo((0.002 + 0.002 + 0.002) / 3, 12);
    expect(all.bestGap).toBeCloseTo((0.001 + 0.002 - 0.001) / 3, 12);
    expect(all.maxGap).toBeCloseTo(0.005, 12);
  });
});

function part(runs: readonly MdgpRunRecord[], overrides: Partial<MdgpResults> = {}): MdgpResults {
  return {
    date: "2026-12-07T03:00:00.000Z",
    machine: { cpu: "AMD EPYC", cores: 2, memoryGiB: 24, node: "v20", platform: "linux x64" },
    revision: { commit: "abc", dirty: false },
    options: { time: 30, clock: "cpu", seeds: [1], runners: ["engine"], commands: [["--sets", "RanReal"]] },
    descriptions: { engine: "the engine" },
    notes: [],
    planned: 4,
    totalMs: 60_000,
    summary: summarize(runs),
    runs,
    ...overrides,
  };
}

describe("merging the results of processes run at once", () => {
  const real = [record("RanReal_n240_ss_01", 1, 0.001), record("RanReal_n240_ss_02", 1, 0.003)];
  const int = [record("RanInt_n240_ss_01", 1, 0.002), record("RanInt_n240_ss_01", 2, 0.004)];

  it("summarises the runs of all parts together, as if one process had run them", () => {
    const merged = mergeResults([part(real), part(int, { options: { ...part([]).options, seeds: [1, 2], commands: [["--sets", "RanInt"]] }, totalMs: 90_000 })], "2026-12-07T04:00:00.000Z");
    if (typeof merged === "string") throw new Error(merged);
    expect(merged.runs).toHaveLength(4);
    expect(merged.summary).toEqual(summarize([...real, ...int]));
    const all = merged.summary.find((r) => r.set === "n240 (all)")!;
    expect(all.instances).toBe(3);
    expect(all.meanGap).toBeCloseTo((0.001 + 0.003 + 0.003) / 3, 12);
    expect(merged.options.seeds).toEqual([1, 2]);
    expect(merged.options.commands).toEqual([["--sets", "RanReal"], ["--sets", "RanInt"]]);
    expect(merged.planned).toBe(8);
    expect(merged.totalMs).toBe(90_000);
    // 4 of 8 planned runs: the report says it stopped early.
    expect(resultsMarkdown(merged)).toContain("Stopped after 4 of 8 runs");
  });

  it("refuses parts that ran different code, time limits or clocks", () => {
    const other = part(int, { revision: { commit: "abc", dirty: true } });
    expect(mergeResults([part(real), other], "now")).toMatch(/different code/);
    expect(mergeResults([part(real), part(int, { options: { ...part([]).options, time: 10 } })], "now")).toMatch(/different time limits/);
    expect(mergeResults([part(real), part(int, { options: { ...part([]).options, clock: "wall" } })], "now")).toMatch(/different time limits/);
    expect(mergeResults([], "now")).toBe("nothing to merge");
  });

  it("joins parts at different commits only where the solver and runners are the same, and says so", () => {
    const later = part(int, { revision: { commit: "def", dirty: false } });
    expect(mergeResults([part(real), later], "now")).toMatch(/different code/);
    const merged = mergeResults([part(real), later], "now", (a, b) => [a, b].sort().join() === "abc,def");
    if (typeof merged === "string") throw new Error(merged);
    expect(merged.runs).toHaveLength(4);
    expect(merged.notes).toContain("parts ran at commits abc, def, with the same solver and runners");
    // Uncommitted changes are unknown code: never joined with another commit.
    expect(mergeResults([part(real), part(int, { revision: { commit: "def", dirty: true } })], "now", () => true)).toMatch(/different code/);
  });
});

describe("anticlust side by side", () => {
  it("is detected only when Rscript runs and the package loads", () => {
    expect(detectAnticlust(() => ({ status: null, stdout: "", error: { code: "ENOENT" } }))).toEqual({
      available: false,
      why: expect.stringContaining("R is not installed"),
    });
    expect(detectAnticlust(() => ({ status: 1, stdout: "" }))).toEqual({ available: false, why: expect.stringContaining("anticlust is not installed") });
    expect(detectAnticlust(() => ({ status: 0, stdout: "0.8.12\n" }))).toEqual({ available: true, version: "0.8.12" });
  });

  it("skips instances with different size bounds per group, which anticlust cannot express", () => {
    const runner = anticlustRunner();
    expect(runner.skip!(mdgpCase(tinyInstance("ds")))).toContain("one size bound");
    expect(runner.skip!(mdgpCase(tinyInstance("ss")))).toBeNull();
  });
});

describe("MDGP bench runs", () => {
  it("scores an engine run from the instance file and compares it with the best-known value", async () => {
    const instance = tinyInstance("ds");
    const run = await runOne(mdgpCase(instance), engineRunner("engine"), 1, 150, 400);
    expect(run.note).toBeNull();
    expect(run.set).toBe("Tiny n12 ds");
    expect(run.value).toBeGreaterThan(0);
    expect(run.gap).toBeCloseTo((400 - run.value!) / 400, 12);
  });

  it("gives no value to a grouping outside the bounds, and records a runner's error", async () => {
    const instance = tinyInstance("ss");
    const lopsided: MdgpRunner = {
      name: "lopsided",
      description: "everyone in the first group",
      run: async () => ({ groups: new Int32Array(12), timeMs: 1, timeToBestMs: null, iterations: null, moves: null, note: null }),
    };
    const broken: MdgpRunner = { ...lopsided, run: async () => Promise.reject(new Error("no R")) };
    const bad = await runOne(mdgpCase(instance), lopsided, 1, 100, 400);
    expect(bad.value).toBeNull();
    expect(bad.note).toBe("group 1 has 12 elements, bounds 4-4");
    const failed = await runOne(mdgpCase(instance), broken, 1, 100, 400);
    expect(failed.value).toBeNull();
    expect(failed.note).toBe("error: no R");
  });
});
