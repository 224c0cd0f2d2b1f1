// The redaction gate: whatever other modules put into a solution, the published copy names nobody as at risk and
// carries only the format v1 fields.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Explanation } from "../../../src/explain/types.js";
import { SolutionSchema, type Solution } from "../../../src/model/solution.js";
import { mentionsAtRisk, redactSolution, redactValue, WITHHELD } from "../../../src/report/redact.js";
import { program } from "../scenarios/fixtures.js";

const base: Solution = {
  status: "optimal",
  solver: "mip",
  seed: 1,
  objective: { total: 20, terms: { dialogue: 20, diversity: 0 } },
  bound: 20,
  panels: [{ id: "P1", slot: "S1", presenters: ["p1", "p2", "p3"], chair: "p4", discussant: null }],
  violations: [],
  explanation: null,
  stats: { timeMs: 12 },
};

describe("redactValue", () => {
  it("turns a violation naming the at-risk rule into one that keeps only the panel", () => {
    expect(redactValue({ code: "at-risk-recorded", panel: "P3", participant: "p017" })).toEqual({
      code: "withheld",
      panel: "P3",
      message: WITHHELD,
    });
  });
  it("drops keys naming the flag and replaces strings mentioning it, at any depth", () => {
    const value = { participants: [{ id: "p1", atRisk: true }, { id: "p2", at_risk: false }], note: "p1 is At Risk" };
    expect(redactValue(value)).toEqual({ participants: [{ id: "p1" }, { id: "p2" }], note: WITHHELD });
  });
  it("leaves everything else as it was", () => {
    const value = { code: "keep-apart", panel: "P1", pair: ["p1", "p2"], n: 3, ok: true, none: null };
    expect(redactValue(value)).toEqual(value);
  });
  it("never leaves an at-risk marker in any JSON value", () => {
    const marker = fc.constantFrom("atRisk", "at-risk", "at risk", "AT_RISK", "x at-risk y");
    const leafy = fc.oneof(fc.string(), marker, fc.integer(), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leafy,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), marker), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const text = JSON.stringify(redactValue(value)) ?? "";
        expect(mentionsAtRisk(text.replaceAll(WITHHELD, ""))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("redactSolution", () => {
  it("keeps a clean solution as it was", () => {
    expect(redactSolution(base)).toEqual(base);
  });

  it("keeps exactly the format v1 fields and only plain stats", () => {
    const extra = {
      ...base,
      internal: { atRiskByParticipant: [0, 1] },
      panels: [{ ...base.panels[0]!, atRisk: ["p2"] }],
      stats: { timeMs: 12, raw: "OPTIMAL", model: { rows: 3 }, atRiskSeen: 1 },
    } as unknown as Solution;
    const published = redactSolution(extra);
    expect(Object.keys(published).sort()).toEqual(
      ["bound", "explanation", "objective", "panels", "seed", "solver", "stats", "status", "violations"].sort(),
    );
    expect(published.panels[0]).toEqual(base.panels[0]);
    expect(published.stats).toEqual({ timeMs: 12, raw: "OPTIMAL" });
    expect(JSON.stringify(published)).not.toMatch(/at[-_ ]?risk/i);
    expect(SolutionSchema.safeParse(published).success).toBe(true);
  });

  it("redacts violations and the explanation but keeps the others", () => {
    const rejected: Solution = {
      ...base,
      status: "timeout",
      panels: [],
      violations: [
        { code: "at-risk-recorded", panel: "P1", participant: "p2" },
        { code: "keep-apart", panel: "P1", pair: ["p1", "p3"] },
      ],
      explanation: "p2 is at risk",
    };
    const published = redactSolution(rejected);
    expect(published.violations).toEqual([
      { code: "withheld", panel: "P1", message: WITHHELD },
      { code: "keep-apart", panel: "P1", pair: ["p1", "p3"] },
    ]);
    expect(published.explanation).toBe(WITHHELD);
    expect(JSON.stringify(published)).not.toContain("p2");
  });

  it("does not change its input", () => {
    const input = structuredClone({ ...base, violations: [{ code: "at-risk-recorded", panel: "P1", participant: "p2" }] });
    const copy = structuredClone(input);
    redactSolution(input);
    expect(input).toEqual(copy);
  });
});

/** An explanation as src/explain makes it: one entry of each kind marked sensitive, the others not. */
const explanation: Explanation = {
  verdict: "infeasible",
  checks: [
    { code: "panel-size", ok: true, path: "panels", numbers: { presentations: 4 }, message: "4 presentations fit the 2 panels - fine" },
    { code: "pinned", ok: false, path: "panels[1].pinned.presenters[0]", numbers: {}, message: "ru04 is pinned as presenter on P2, which is recorded, but is at risk", sensitive: true },
  ],
  conflicts: [
    { rule: "dialogue-out", instance: "ru04 is kept off dialogue panels (at-risk default)", path: "participants[11].dialogue", fixesAlone: true, sensitive: true },
    { rule: "co-authors", instance: "co-authors of group combat-risk present together", path: "participants[3].group", fixesAlone: false },
    { rule: "at-risk-recorded", instance: "P01 is recorded (no at-risk participant on it)", path: "panels[0].recorded", fixesAlone: false, sensitive: true },
    { rule: "dialogue-out", instance: "ru07 opts out of dialogue panels", path: "participants[14].dialogue", fixesAlone: false },
  ],
  conflictsMinimal: true,
  relaxations: [{ path: "policy.nationality.maxShare", from: 0.34, to: 0.4, smallest: true, message: "raise policy.nationality.maxShare from 0.34 to 0.4" }],
  stats: { solves: 7, timeMs: 40, timedOut: false },
};

describe("structural redaction of explanations", () => {
  it("publishes sensitive entries only as one withheld entry per list, with no id, panel or path", () => {
    const published = redactSolution({ ...base, status: "infeasible", objective: null, panels: [], explanation });
    const text = JSON.stringify(published);
    for (const secret of ["ru04", "P01", "P2", "participants[11]", "panels[0]", "panels[1]", "recorded"]) {
      expect(text).not.toContain(secret);
    }
    expect(mentionsAtRisk(text)).toBe(false);
    const e = published.explanation as Explanation;
    expect(e.conflicts.map((c) => c.instance)).toEqual([
      "co-authors of group combat-risk present together",
      "ru07 opts out of dialogue panels",
      WITHHELD,
    ]);
    expect(e.checks.map((c) => [c.code, c.ok, c.path])).toEqual([["panel-size", true, "panels"], ["withheld", false, ""]]);
    expect(e.relaxations).toEqual(explanation.relaxations);
    expect(SolutionSchema.safeParse(published).success).toBe(true);
  });

  it("keeps ids and titles that merely contain 'risk'", () => {
    expect(mentionsAtRisk("combat-risk")).toBe(false);
    expect(mentionsAtRisk("Risk and resilience")).toBe(false);
    const value = { group: "combat-risk", title: "Climate risk at sea", "combat-risk": ["p1"], note: "group combat-risk" };
    expect(redactValue(value)).toEqual(value);
    // Inside an explanation the wording is never searched at all.
    const named = { ...explanation, conflicts: [{ rule: "co-authors", instance: "co-authors of group at-risk-youth present together", path: "participants[0].group", fixesAlone: null }] };
    expect(JSON.stringify(redactValue(named))).toContain("group at-risk-youth");
  });

  it("collapses any list's sensitive objects into one withheld entry at its end", () => {
    const list = [{ id: 1, sensitive: true }, { id: 2 }, { id: 3, sensitive: true }];
    expect(redactValue(list)).toEqual([{ id: 2 }, { sensitive: true, message: WITHHELD }]);
    expect(redactValue({ id: 4, sensitive: true })).toEqual({ sensitive: true, message: WITHHELD });
  });

  it("withholds a dialogue-out violation unless the program shows the participant wrote it", () => {
    const p = program({
      participants: [
        { id: "ru04", nationalities: ["RU"], atRisk: true },
        { id: "ru07", nationalities: ["RU"], dialogue: "out" },
        { id: "ua01", nationalities: ["UA"] },
      ],
      panels: [{ id: "P1", size: { min: 1, max: 3 } }],
      policy: { dialogue: { pairs: [{ between: ["RU", "UA"], weight: 1 }] } },
    });
    const out = (participant: string) => ({ code: "dialogue-out", panel: "P1", participant, nationality: "RU", counterpart: "UA", other: "ua01" });
    const rejected = { ...base, status: "timeout" as const, panels: [], violations: [out("ru04"), out("ru07")] };
    expect(redactSolution(rejected, p).violations).toEqual([{ code: "withheld", panel: "P1", message: WITHHELD }, out("ru07")]);
    // Without the program nobody's dialogue field is known.
    expect(redactSolution(rejected).violations).toEqual([
      { code: "withheld", panel: "P1", message: WITHHELD },
      { code: "withheld", panel: "P1", message: WITHHELD },
    ]);
  });
});
