import { describe, expect, it } from "vitest";
import { parseSweepSpec, sweepCsv, sweepScenarios, type SweepRow } from "../../../src/scenarios/sweep.js";
import type { ScenarioOutcome } from "../../../src/scenarios/run.js";
import { program, smallInput } from "./fixtures.js";

describe("parseSweepSpec", () => {
  it("reads start:stop:step with the stop included and no float noise", () => {
    const spec = parseSweepSpec("policy.nationality.maxShare=0.3:0.6:0.05");
    expect(spec.ok && spec.value).toEqual({ path: "policy.nationality.maxShare", values: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] });
  });
  it("reads lists and JSON values", () => {
    const spec = parseSweepSpec("policy.topics=required,ignored");
    expect(spec.ok && spec.value.values).toEqual(["required", "ignored"]);
    const nul = parseSweepSpec("policy.dialogue.maxImbalance=0,1,null");
    expect(nul.ok && nul.value.values).toEqual([0, 1, null]);
  });
  it("splits a list only on commas outside brackets, braces and JSON strings", () => {
    const spec = parseSweepSpec('policy.separate=[],[["RU","UA"]],[["RU","UA"],["IL","PS"]]');
    expect(spec.ok && spec.value.values).toEqual([[], [["RU", "UA"]], [["RU", "UA"], ["IL", "PS"]]]);
    const one = parseSweepSpec('policy.separate=[["RU","UA"]]');
    expect(one.ok && one.value.values).toEqual([[["RU", "UA"]]]);
    const objects = parseSweepSpec('policy.panelSize={"min":2,"max":4}, {"min":3,"max":5}');
    expect(objects.ok && objects.value.values).toEqual([{ min: 2, max: 4 }, { min: 3, max: 5 }]);
    const strings = parseSweepSpec('policy.x="a,b",["c]",","],d');
    expect(strings.ok && strings.value.values).toEqual(["a,b", ["c]", ","], "d"]);
  });
  it("rejects unbalanced brackets and empty list items", () => {
    for (const rhs of ['[["RU","UA"]', "[1]]", '{"a":1', '"open', "0,,1", "0,"]) {
      const spec = parseSweepSpec(`policy.separate=${rhs}`);
      expect(spec.ok, rhs).toBe(false);
    }
  });
  it("computes range values as start + k * step at the decimals written", () => {
    const values = (rhs: string) => {
      const spec = parseSweepSpec(`policy.x=${rhs}`);
      return spec.ok ? spec.value.values : spec.issues;
    };
    expect(values("0.35000000004:0.36:0.01")).toEqual([0.35000000004]);
    expect(values("0.35000000004:0.36000000004:0.01")).toEqual([0.35000000004, 0.36000000004]);
    expect(values("1e-12:3e-12:1e-12")).toEqual([1e-12, 2e-12, 3e-12]);
    expect(values("0.1:0.3:0.1")).toEqual([0.1, 0.2, 0.3]);
    expect(values("0:1:0.1")).toHaveLength(11);
    expect(values("2.5e3:2.6e3:50")).toEqual([2500, 2550, 2600]);
    expect(values("1:10:4")).toEqual([1, 5, 9]);
    const signed = values("-0.2:0.2:0.1") as number[];
    expect(signed).toEqual([-0.2, -0.1, 0, 0.1, 0.2]);
    expect(Object.is(signed[2], 0)).toBe(true);
  });
  it("rejects a missing value list and a decreasing range", () => {
    expect(parseSweepSpec("policy.x").ok).toBe(false);
    expect(parseSweepSpec("policy.x=0.6:0.3:0.1").ok).toBe(false);
  });
});

describe("sweepScenarios", () => {
  it("makes one program per value and reports every invalid value", () => {
    const base = program(smallInput());
    const ok = sweepScenarios(base, "p.json", { path: "policy.nationality.maxShare", values: [0.4, 0.6] });
    expect(ok.ok && ok.value.map((s) => s.program.policy.nationality.maxShare)).toEqual([0.4, 0.6]);
    expect(ok.ok && ok.value.map((s) => s.name)).toEqual(["policy.nationality.maxShare=0.4", "policy.nationality.maxShare=0.6"]);
    const bad = sweepScenarios(base, "p.json", { path: "policy.nationality.maxShare", values: [0, 2, 0.5] });
    expect(!bad.ok && bad.issues.length).toBe(2);
  });
  it("reports a path the policy does not have once, not once per value", () => {
    const base = program(smallInput());
    for (const path of ["policy.nope", "policy.nationality.nope", "policy.dialogue.pairs[0].nope", "policy.nationality.maxShare.x", "nationality.maxShare"]) {
      const bad = sweepScenarios(base, "p.json", { path, values: [1, 2, 3] });
      expect(!bad.ok && bad.issues.map((i) => i.file)).toEqual(["--set"]);
    }
    // Paths that exist (optional ones and list items included) go on to per-value validation.
    for (const path of ["policy.dialogue.maxImbalance", "policy.dialogue.pairs[0].weight", "policy.weights.stability"]) {
      expect(sweepScenarios(base, "p.json", { path, values: [1, 2] }).ok).toBe(true);
    }
  });
});

describe("sweepCsv", () => {
  it("writes one row per value with every term and pair column", () => {
    const outcome = (total: number | null, status: ScenarioOutcome["status"]): ScenarioOutcome => ({
      name: "x",
      file: "x",
      status,
      objective: total === null ? null : { total, terms: { dialogue: total, affinity: 0 } },
      dialoguePanels: total === null ? {} : { "RU-UA": 1 },
      moved: null,
      moves: [],
      departed: [],
      unseated: [],
      solution: { status, solver: "mip", seed: 1, objective: null, bound: null, panels: [], violations: [], explanation: null, stats: {} },
      interrupted: false,
    });
    const csv = sweepCsv("policy.nationality.maxShare", [
      { value: 0.3, outcome: outcome(null, "infeasible") },
      { value: 0.5, outcome: outcome(10, "optimal") },
    ]);
    expect(csv).toBe(
      "\uFEFF# Audience: organisers only (contains nationalities; opt-outs and safety information; do not publish)\r\n" +
        "policy.nationality.maxShare,status,total,dialogue,affinity,RU-UA panels\r\n0.3,infeasible,,,,\r\n0.5,optimal,10,10,0,1\r\n",
    );
  });

  it("neutralises a swept text that a spreadsheet would run as a formula, and keeps negative numbers as numbers", () => {
    const outcome = (value: unknown): SweepRow => ({
      value,
      outcome: {
        name: "x", file: "x", status: "infeasible", objective: null, dialoguePanels: {}, moved: null, moves: [], departed: [], unseated: [],
        solution: { status: "infeasible", solver: "mip", seed: 1, objective: null, bound: null, panels: [], violations: [], explanation: null, stats: {} },
        interrupted: false,
      },
    });
    const rows = sweepCsv("policy.topics", [outcome("=HYPERLINK(1)"), outcome(-1)]).split("\r\n");
    expect(rows[2]).toBe("'=HYPERLINK(1),infeasible,");
    expect(rows[3]).toBe("-1,infeasible,");
  });
});
