import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../src/check/check.js";
import { RULE_CODES, type Violation } from "../../../src/check/violations.js";
import { formatViolation } from "../../../src/report/violations.js";
import { person, program, roster } from "./build.js";
import { CASES } from "./cases.js";

const AT_RISK = /at[-_ ]?risk/i;

describe("formatViolation wording", () => {
  it.each<[Violation, string]>([
    [
      { code: "neutral-chair", panel: "P07", chair: "p102", pair: ["RU", "UA"], held: ["UA"] },
      "P07: chair p102 holds UA, but P07 brings RU and UA together (policy.dialogue.neutralChair)",
    ],
    [
      { code: "nationality-cap", panel: "P03", nationality: "RU", count: 3, members: 5, limit: 2, maxShare: 0.5, holders: ["a", "b", "c"] },
      "P03 has 3 of 5 members holding RU (limit 2 at policy.nationality.maxShare 0.5): a, b, c",
    ],
    [
      { code: "presents", participant: "p001", count: 1, required: 2 },
      "p001 presents on 1 panel, but must present on exactly 2 (participants[].presents)",
    ],
    [
      { code: "slot-clash", participant: "p001", slot: "S1", panels: ["P01", "P02", "P05"] },
      "p001 is on P01, P02 and P05, all in slot S1 (panels[].slot)",
    ],
    [
      { code: "max-imbalance", panel: "P01", pair: ["RU", "UA"], counts: [1, 3], maxImbalance: 1 },
      "P01 brings RU and UA together 1 to 3, a difference over 1 (policy.dialogue.maxImbalance)",
    ],
    [
      { code: "attribute-distinct", panel: "P02", attribute: "gender", distinct: 0, minDistinct: 2, values: [] },
      "P02's members hold 0 values of gender, fewer than 2 (policy.balance[gender].minDistinct)",
    ],
    [
      { code: "co-authors", group: "paper-42", participants: ["a", "b"], panels: [] },
      "group paper-42 (a, b) does not present on one common panel (participants[].group)",
    ],
    [
      { code: "pinned", panel: "P01", participant: "p010", role: "presenter" },
      "P01: p010 is pinned as presenter but does not hold that role (panels[].pinned.presenters)",
    ],
    [
      { code: "at-risk-recorded", panel: "P04", participant: "p017" },
      "P04 is recorded, but p017 is at risk (panels[].recorded, participants[].atRisk)",
    ],
  ])("%j", (violation, text) => {
    expect(formatViolation(violation)).toBe(text);
  });
});

describe("formatViolation on every code", () => {
  const all = RULE_CODES.flatMap((code) => CASES[code].violating.flatMap((c) => checkSolution(c.program, c.panels)));

  it("covers every code with one line that names the ids involved", () => {
    expect(new Set(all.map((v) => v.code))).toEqual(new Set(RULE_CODES));
    for (const v of all) {
      const text = formatViolation(v);
      expect(text, v.code).not.toMatch(/\n|undefined|\[object/);
      for (const id of ["panel", "participant", "other", "chair"] as const) {
        const value = (v as Partial<Record<typeof id, string>>)[id];
        if (value !== undefined) expect(text, v.code).toContain(value);
      }
    }
  });

  it("names the at-risk flag only in the at-risk-recorded violation", () => {
    for (const v of all) expect(AT_RISK.test(formatViolation(v)), v.code).toBe(v.code === "at-risk-recorded");
  });

  it("does not reveal why an at-risk participant is out of the dialogue", () => {
    const p = program([person("r1", "RU", { atRisk: true }), person("u1", "UA")], ["P1"], {
      dialogue: { pairs: [{ between: ["RU", "UA"] }] },
    });
    const [violation, ...rest] = checkSolution(p, [roster("P1", ["r1", "u1"])]);
    expect(rest).toEqual([]);
    expect(formatViolation(violation!)).toBe(
      "P1: r1 (RU) is out of the RU-UA dialogue, but shares the panel with u1 (UA) (participants[].dialogue)",
    );
  });
});

describe("formatViolation on foreign data", () => {
  it("names the code of something that is not a checker violation, and nothing else", () => {
    const foreign = { code: "withheld", panel: "P1", participant: "p017" } as unknown as Violation;
    expect(formatViolation(foreign)).toBe('unrecognised violation "withheld"');
  });
});
