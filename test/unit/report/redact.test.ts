// The redaction gate: whatever other modules put into a solution, the published copy names nobody as at risk and
// carries only the format v1 fields.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SolutionSchema, type Solution } from "../../../src/model/solution.js";
import { mentionsAtRisk, redactSolution, redactValue, WITHHELD } from "../../../src/report/redact.js";

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
