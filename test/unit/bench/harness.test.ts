import { describe, expect, it } from "vitest";
import { runMatrix, type BenchInstance, type BenchRunner } from "../../../bench/harness.js";
import { curveSvg, markdownReport, textTable, type BenchReport } from "../../../bench/report.js";
import { buildSuite } from "../../../bench/suite.js";
import { generateWithWitness } from "../../../src/generate/generate.js";
import { validateProgram } from "../../../src/model/load.js";
import type { Program } from "../../../src/model/schema.js";
import type { Solution } from "../../../src/model/solution.js";

function tinyProgram(): { program: Program; witness: Solution["panels"] } {
  const generated = generateWithWitness({ participants: 10, seed: 4 });
  const loaded = validateProgram(generated.program, "tiny");
  if (!loaded.ok) throw new Error("generator output did not validate");
  return { program: loaded.value, witness: generated.witness };
}

/** Reports two improving objectives, then returns the planted witness with the given score. */
function fakeRunner(name: string, objective: number, bound: number | null): BenchRunner {
  return {
    name,
    async solve(_program, context) {
      context.onProgress({ elapsedMs: 1, objective: objective - 2 });
      context.onProgress({ elapsedMs: 3, objective });
      return {
        status: "feasible",
        solver: name,
        seed: context.seed,
        objective: { total: objective, terms: { affinity: objective } },
        bound,
        panels: tinyProgram().witness,
        violations: [],
        explanation: null,
        stats: { timeMs: 3 },
      };
    },
  };
}

const failing: BenchRunner = {
  name: "broken",
  async solve() {
    throw new TypeError("solver exploded\nwith a stack");
  },
};

describe("runMatrix", () => {
  it("reports a failing cell with its error text and still runs the other cells", async () => {
    const instance: BenchInstance = { name: "tiny", family: "small", load: () => tinyProgram().program };
    const seen: string[] = [];
    const result = await runMatrix([instance], [failing, fakeRunner("fake", 10, 12)], {
      timeLimitMs: 1000,
      seed: 1,
      onCell: (cell) => seen.push(cell.solver),
    });
    expect(seen).toEqual(["broken", "fake"]);
    const [broken, fake] = result.cells;
    expect(broken).toMatchObject({ solver: "broken", status: "error", objective: null, note: "TypeError: solver exploded" });
    expect(fake).toMatchObject({ solver: "fake", status: "feasible", objective: 10, bound: 12, timeToBestMs: 3 });
    // No optimum or best-known value: the gap is to the tightest bound.
    expect(result.instances[0]!.reference).toMatchObject({ kind: "bound", value: 12 });
    expect(fake!.gap).toBeCloseTo(2 / 12, 9);
    expect(fake!.curve.map((p) => p.objective)).toEqual([8, 10]);
    expect(fake!.peakRssMb).toBeGreaterThan(0);
    expect(textTable(result)).toMatch(/broken .*error/);
    expect(textTable(result)).toContain("tiny / broken: TypeError: solver exploded");
  });

  it("uses a proven optimum as reference and flags any objective above it", async () => {
    const instance: BenchInstance = { name: "tiny", family: "small", proveOptimum: true, load: () => tinyProgram().program };
    const prover: BenchRunner = {
      ...fakeRunner("prover", 9, 9),
      solve: async (program, context) => ({ ...(await fakeRunner("prover", 9, 9).solve(program, context)), status: "optimal" }),
    };
    const result = await runMatrix([instance], [fakeRunner("liar", 11, null), fakeRunner("honest", 9, null)], {
      timeLimitMs: 1000,
      seed: 1,
      referenceRunner: prover,
    });
    expect(result.instances[0]!.reference).toMatchObject({ kind: "optimum", value: 9 });
    expect(result.cells[0]!.note).toBe("objective 11 exceeds the optimum 9");
    expect(result.cells[1]!.gap).toBe(0);
    expect(result.cells[1]!.note).toBeNull();
  });

  it("records an instance that fails to load and skips cells over a runner's size limit", async () => {
    const broken: BenchInstance = { name: "gone", family: "mdgp", load: () => { throw new Error("no file"); } };
    const fine: BenchInstance = { name: "tiny", family: "small", load: () => tinyProgram().program };
    const limited: BenchRunner = { ...fakeRunner("limited", 5, null), maxParticipants: 5 };
    const result = await runMatrix([broken, fine], [limited], { timeLimitMs: 1000, seed: 1 });
    expect(result.instances[0]!.note).toBe("could not load: Error: no file");
    expect(result.cells).toHaveLength(1);
    expect(result.cells[0]).toMatchObject({ instance: "tiny", status: "skipped" });
  });

  it("renders Markdown and one SVG per instance", async () => {
    const instance: BenchInstance = { name: "tiny", family: "small", load: () => tinyProgram().program };
    const result = await runMatrix([instance], [fakeRunner("a", 10, 12), fakeRunner("b", 7, null), failing], {
      timeLimitMs: 1000,
      seed: 1,
    });
    const svg = curveSvg(result.instances[0]!, result.cells);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg?.match(/<polyline/g)).toHaveLength(2);
    const report: BenchReport = {
      ...result,
      date: "2026-01-01T00:00:00.000Z",
      machine: { cpu: "Test CPU", cores: 2, memoryGiB: 4, node: "v20", platform: "linux x64" },
      revision: { commit: "abc123", dirty: false },
      options: { quick: true, timeLimitS: 1, seed: 1, solvers: ["a", "b", "broken"] },
      notes: ["MDGP instances skipped"],
      totalMs: 10,
    };
    const md = markdownReport(report, new Map([["tiny", "run/tiny.svg"]]));
    expect(md).toContain("Test CPU, 2 cores, 4 GiB");
    expect(md).toContain("| tiny | broken | error |");
    expect(md).toContain("![tiny](run/tiny.svg)");
  });
});

describe("planted solutions", () => {
  it("records the planted objective, and a failing planted check as an instance note", async () => {
    const good: BenchInstance = { name: "a", family: "small", load: () => tinyProgram().program, planted: () => 7 };
    const bad: BenchInstance = {
      name: "b",
      family: "small",
      load: () => tinyProgram().program,
      planted: () => {
        throw new Error("witness broken");
      },
    };
    const result = await runMatrix([good, bad], [fakeRunner("fake", 10, null)], { timeLimitMs: 1000, seed: 1 });
    expect(result.instances.map((i) => i.planted)).toEqual([7, null]);
    expect(result.instances[1]!.note).toBe("planted solution failed: Error: witness broken");
  });

  it("the suite's generated instances carry a planted objective that the checker accepts", async () => {
    const suite = buildSuite({ quick: true, dataDir: "/nonexistent", filter: "small-8" });
    const instance = suite.instances[0]!;
    const program = await instance.load();
    expect(instance.planted?.(program)).toBeGreaterThan(0);
  });
});

describe("buildSuite", () => {
  it("skips the MDGP sets with a note when the data folder is missing, and filters by name", () => {
    const suite = buildSuite({ quick: true, dataDir: "/nonexistent/tracktwo-data" });
    expect(suite.notes.join(" ")).toMatch(/MDGP instances skipped: .*not found/);
    expect(suite.instances.map((i) => i.name)).toEqual(["small-8", "small-12", "convention-100"]);
    const filtered = buildSuite({ quick: false, dataDir: "/nonexistent", filter: "convention-4,small-16" });
    expect(filtered.instances.map((i) => i.name)).toEqual(["small-16", "convention-400"]);
  });
});
