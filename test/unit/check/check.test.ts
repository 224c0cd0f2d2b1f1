import { describe, expect, it } from "vitest";
import { checkSolution } from "../../../src/check/check.js";
import { RULE_CODES, RULE_DESCRIPTIONS, type RuleCode } from "../../../src/check/violations.js";
import { person, program, roster } from "./build.js";
import { CASES } from "./cases.js";

describe("checkSolution, rule by rule", () => {
  for (const code of RULE_CODES) {
    describe(code, () => {
      const { violating, satisfying } = CASES[code];
      it.each(violating.map((c) => [c.name, c] as const))("breaks it: %s", (_name, c) => {
        const violations = checkSolution(c.program, c.panels);
        expect(violations).toEqual(c.expected);
        expect(violations.some((v) => v.code === code)).toBe(true);
      });
      it.each(satisfying.map((c) => [c.name, c] as const))("keeps it: %s", (_name, c) => {
        expect(checkSolution(c.program, c.panels)).toEqual([]);
      });
    });
  }
});

describe("rule codes", () => {
  it("every code has a violating and a satisfying case, and a description naming a program field", () => {
    expect(Object.keys(CASES).sort()).toEqual([...RULE_CODES].sort());
    for (const code of RULE_CODES) {
      expect(CASES[code].violating.length, code).toBeGreaterThan(0);
      expect(CASES[code].satisfying.length, code).toBeGreaterThan(0);
      expect(RULE_DESCRIPTIONS[code].length, code).toBeGreaterThan(10);
    }
    const structural: RuleCode[] = ["unknown-panel", "duplicate-panel", "missing-panel", "unknown-participant", "two-roles-one-panel"];
    for (const code of RULE_CODES.filter((c) => !structural.includes(c))) {
      expect(RULE_DESCRIPTIONS[code], code).toMatch(/(policy|participants\[\]|panels\[\])\.\w+/);
    }
  });

  it("codes are unique kebab-case words", () => {
    expect(new Set(RULE_CODES).size).toBe(RULE_CODES.length);
    for (const code of RULE_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe("checkSolution lists every instance", () => {
  it("reports each broken rule instance of one bad panel, structural problems first", () => {
    // P1 holds r1 (avoids UA, keep-apart with u1), u1 and u2 (UA), and an unknown presenter; P2 is not listed.
    const prog = program(
      [person("r1", "RU", { avoid: { nationalities: ["UA"] } }), person("u1", "UA"), person("u2", "UA"), person("d1", "DE")],
      ["P1", "P2"],
      { keepApart: [["r1", "u1"]], nationality: { maxShare: 0.5 }, panelSize: { min: 1, max: 3 } },
    );
    expect(checkSolution(prog, [roster("P1", ["r1", "u1", "u2", "zz"])])).toEqual([
      { code: "unknown-participant", panel: "P1", participant: "zz", role: "presenter" },
      { code: "missing-panel", panel: "P2" },
      { code: "presents", participant: "d1", count: 0, required: 1 },
      { code: "panel-size", panel: "P2", count: 0, min: 1, max: 3 },
      { code: "nationality-cap", panel: "P1", nationality: "UA", count: 2, members: 3, limit: 1, maxShare: 0.5, holders: ["u1", "u2"] },
      { code: "avoid-nationality", panel: "P1", participant: "r1", nationality: "UA", other: "u1" },
      { code: "avoid-nationality", panel: "P1", participant: "r1", nationality: "UA", other: "u2" },
      { code: "keep-apart", panel: "P1", pair: ["r1", "u1"] },
    ]);
  });

  it("reports each directed opt-out: two who avoid each other are two violations", () => {
    const prog = program(
      [person("a", "RU", { avoid: { participants: ["b"] } }), person("b", "UA", { avoid: { participants: ["a"] } })],
      ["P1"],
    );
    expect(checkSolution(prog, [roster("P1", ["a", "b"])])).toEqual([
      { code: "avoid-participant", panel: "P1", participant: "a", other: "b" },
      { code: "avoid-participant", panel: "P1", participant: "b", other: "a" },
    ]);
  });

  it("checks a dialogue pair once even when the policy lists it in both orders", () => {
    const prog = program([person("r1", "RU"), person("u1", "UA"), person("u2", "UA"), person("u3", "UA")], ["P1"], {
      dialogue: { pairs: [{ between: ["RU", "UA"] }, { between: ["UA", "RU"], weight: 3 }] },
    });
    expect(checkSolution(prog, [roster("P1", ["r1", "u1", "u2", "u3"])])).toEqual([
      { code: "max-imbalance", panel: "P1", pair: ["RU", "UA"], counts: [1, 3], maxImbalance: 1 },
    ]);
  });

  it("a dialogue-out participant is not bothered by a dual national holding only their own side's pair nation", () => {
    // r1 is out of RU-UA; x holds RU and DE: no counterpart nation on the panel.
    const prog = program([person("r1", "RU", { dialogue: "out" }), person("x", "RU/DE")], ["P1"], {
      dialogue: { pairs: [{ between: ["RU", "UA"] }] },
    });
    expect(checkSolution(prog, [roster("P1", ["r1", "x"])])).toEqual([]);
  });

  it("a neutral chair is checked against every pair the panel realises", () => {
    // Pairs RU-UA and UA-DE; the UA chair breaks both, the RU-UA one only once the chair counts as a member.
    const prog = program(
      [person("r1", "RU"), person("d1", "DE"), person("c", "UA", { presents: 0, mayChair: 1 })],
      [{ id: "P1", chair: true }],
      { dialogue: { pairs: [{ between: ["RU", "UA"] }, { between: ["UA", "DE"] }] } },
    );
    expect(checkSolution(prog, [roster("P1", ["r1", "d1"], "c")])).toEqual([
      { code: "neutral-chair", panel: "P1", chair: "c", pair: ["RU", "UA"], held: ["UA"] },
      { code: "neutral-chair", panel: "P1", chair: "c", pair: ["UA", "DE"], held: ["UA"] },
    ]);
  });

  it("does not mutate its inputs", () => {
    const { program: prog, panels } = CASES["nationality-cap"].violating[0]!;
    const before = JSON.stringify([prog, panels]);
    checkSolution(prog, panels);
    expect(JSON.stringify([prog, panels])).toBe(before);
  });
});

describe("checkSolution at convention size", () => {
  it("checks 6,000 participants on 1,200 panels and finds the planted violations", () => {
    const nations = ["RU", "UA", "DE", "FR", "PL", "US", "GB", "IT"];
    const participants = Array.from({ length: 6000 }, (_, i) =>
      person(`p${i}`, nations[i % nations.length]!, { topics: [`t${i % 7}`], unavailable: i === 4999 ? ["S9"] : [] }),
    );
    const panelSpecs = Array.from({ length: 1200 }, (_, k) => ({ id: `P${k}`, slot: `S${k % 10}` }));
    const prog = program(participants, panelSpecs, {
      nationality: { maxShare: 0.5, minDistinct: 2 },
      dialogue: { pairs: [{ between: ["RU", "UA"] }] },
      keepApart: [["p0", "p1"]],
    }, Array.from({ length: 10 }, (_, s) => `S${s}`));
    // Panel k holds p(5k)..p(5k+4): five consecutive nations, so caps and dialogue sides are fine.
    const panels = panelSpecs.map((spec, k) => roster(spec.id, Array.from({ length: 5 }, (_, j) => `p${5 * k + j}`)));
    // p0 (RU) and p1 (UA) share P0: keep-apart. p4999 is unavailable in S9, where P999 sits.
    expect(checkSolution(prog, panels)).toEqual([
      { code: "keep-apart", panel: "P0", pair: ["p0", "p1"] },
      { code: "unavailable-slot", panel: "P999", participant: "p4999", slot: "S9" },
    ]);
  });
});
