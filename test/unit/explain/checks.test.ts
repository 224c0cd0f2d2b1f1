// Every necessary-condition check, on a program that trips it and on the same program just inside the limit.
import { describe, expect, it } from "vitest";
import { HARD_RULES } from "../../../src/constraints/registry.js";
import { runNecessaryChecks } from "../../../src/explain/checks.js";
import { normalizeProgram } from "../../../src/model/normalize.js";
import { CHECK_CODES, type CheckCode } from "../../../src/explain/types.js";
import { formatInputIssue } from "../../../src/model/issues.js";
import type { ProgramInput } from "../../../src/model/schema.js";
import { validateAllowingCapacity } from "../../../src/scenarios/load.js";

function checksOf(input: ProgramInput) {
  const loaded = validateAllowingCapacity(input, "fixture.json");
  if (!loaded.ok) throw new Error(loaded.issues.map(formatInputIssue).join("\n"));
  return runNecessaryChecks(loaded.value);
}

const people = (n: number, nationalities: readonly string[], extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, k) => ({ id: `p${k + 1}`, nationalities: [nationalities[k % nationalities.length]!], ...extra }));

const MIXED = ["UA", "RU", "GE", "US", "DE", "AM"];

// [check, tripping program, passing program, words the failure must quote]
const CASES: [CheckCode, ProgramInput, ProgramInput, string[]][] = [
  [
    "panel-size",
    { participants: people(7, MIXED), panels: [{ id: "A", size: { min: 1, max: 3 } }, { id: "B", size: { min: 1, max: 3 } }] },
    { participants: people(6, MIXED), panels: [{ id: "A", size: { min: 1, max: 3 } }, { id: "B", size: { min: 1, max: 3 } }] },
    ["7 presentations", "at most 6"],
  ],
  [
    "chair-missing",
    {
      participants: [...people(5, MIXED), { id: "c1", nationalities: ["DE"], mayChair: 1, presents: 0 }],
      panels: [{ id: "A" }, { id: "B" }],
      policy: { chair: true, panelSize: { min: 2, max: 3 } },
    },
    {
      participants: [...people(5, MIXED), { id: "c1", nationalities: ["DE"], mayChair: 2, presents: 0 }],
      panels: [{ id: "A" }, { id: "B" }],
      policy: { chair: true, panelSize: { min: 2, max: 3 } },
    },
    ["need 2 chairs", "only 1 participant may chair"],
  ],
  [
    "discussant-missing",
    {
      participants: people(4, MIXED),
      panels: [{ id: "A", discussant: true, size: { min: 1, max: 3 } }, { id: "B", size: { min: 1, max: 3 } }],
    },
    {
      participants: [...people(4, MIXED), { id: "d1", nationalities: ["DE"], mayDiscuss: 1, presents: 0 }],
      panels: [{ id: "A", discussant: true, size: { min: 1, max: 3 } }, { id: "B", size: { min: 1, max: 3 } }],
    },
    ["1 panel needs a discussant but only 0 participants may discuss"],
  ],
  [
    "presents",
    {
      slots: [{ id: "S1" }, { id: "S2" }],
      participants: [...people(3, MIXED), { id: "x", nationalities: ["AM"], unavailable: ["S1", "S2"] }],
      panels: [{ id: "A", slot: "S1", size: { min: 1, max: 3 } }, { id: "B", slot: "S2", size: { min: 1, max: 3 } }],
    },
    {
      slots: [{ id: "S1" }, { id: "S2" }],
      participants: [...people(3, MIXED), { id: "x", nationalities: ["AM"], unavailable: ["S1"] }],
      panels: [{ id: "A", slot: "S1", size: { min: 1, max: 3 } }, { id: "B", slot: "S2", size: { min: 1, max: 3 } }],
    },
    ["x must present 1 time", "unavailable in S1, S2"],
  ],
  [
    "nationality-cap",
    {
      participants: [...people(3, ["US"]), ...people(3, ["DE", "UA", "GE"]).map((p) => ({ ...p, id: `q${p.id}` }))],
      panels: [{ id: "A" }, { id: "B" }],
      policy: { panelSize: { min: 3, max: 3 }, nationality: { maxShare: 0.5 } },
    },
    {
      participants: [...people(3, ["US"]), ...people(3, ["DE", "UA", "GE"]).map((p) => ({ ...p, id: `q${p.id}` }))],
      panels: [{ id: "A" }, { id: "B" }],
      policy: { panelSize: { min: 3, max: 3 }, nationality: { maxShare: 0.67 } },
    },
    ["3 participants hold US", "maxShare 0.5, at most 2 fit"],
  ],
  [
    "nationality-distinct",
    { participants: people(4, ["UA", "RU"]), panels: [{ id: "A", size: { min: 1, max: 4 } }], policy: { nationality: { minDistinct: 3 } } },
    { participants: people(4, ["UA", "RU", "GE"]), panels: [{ id: "A", size: { min: 1, max: 4 } }], policy: { nationality: { minDistinct: 3 } } },
    ["needs 3 distinct nationalities", "only 2"],
  ],
  [
    "nationality-cap",
    { participants: people(3, MIXED), panels: [{ id: "A" }], policy: { panelSize: { min: 3, max: 3 }, nationality: { maxShare: 0.3 } } },
    { participants: people(3, MIXED), panels: [{ id: "A" }], policy: { panelSize: { min: 3, max: 3 }, nationality: { maxShare: 0.34 } } },
    ["at most 3 members", "maxShare 0.3 lets no nationality hold even one seat"],
  ],
  [
    "attribute-cap",
    {
      participants: people(4, MIXED, { attributes: { gender: "f" } }),
      panels: [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }],
      policy: { balance: [{ attribute: "gender", maxShare: 0.5 }] },
    },
    {
      participants: people(4, MIXED).map((p, k) => ({ ...p, attributes: { gender: k % 2 === 0 ? "f" : "m" } })),
      panels: [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }],
      policy: { balance: [{ attribute: "gender", maxShare: 0.5 }] },
    },
    ['gender "f"', "present 4 times", "at most 2 fit"],
  ],
  [
    "pinned",
    {
      slots: [{ id: "S1" }, { id: "S2" }],
      participants: [...people(3, MIXED), { id: "x", nationalities: ["AM"], unavailable: ["S1"] }],
      panels: [{ id: "A", slot: "S1", size: { min: 1, max: 3 }, pinned: { presenters: ["x"] } }, { id: "B", slot: "S2", size: { min: 1, max: 3 } }],
    },
    {
      slots: [{ id: "S1" }, { id: "S2" }],
      participants: [...people(3, MIXED), { id: "x", nationalities: ["AM"], unavailable: ["S1"] }],
      panels: [{ id: "A", slot: "S1", size: { min: 1, max: 3 } }, { id: "B", slot: "S2", size: { min: 1, max: 3 }, pinned: { presenters: ["x"] } }],
    },
    ["x is pinned as presenter on A in S1", "unavailable in S1"],
  ],
  [
    "co-authors",
    {
      participants: [...people(2, MIXED, { group: "g1" }), ...people(2, ["DE"]).map((p) => ({ ...p, id: `q${p.id}` }))],
      panels: [{ id: "A", size: { min: 1, max: 2 } }, { id: "B", size: { min: 1, max: 2 } }],
      policy: { keepApart: [["p1", "p2"]] },
    },
    {
      participants: [...people(2, MIXED, { group: "g1" }), ...people(2, ["DE"]).map((p) => ({ ...p, id: `q${p.id}` }))],
      panels: [{ id: "A", size: { min: 1, max: 2 } }, { id: "B", size: { min: 1, max: 2 } }],
    },
    ["group g1", "p1 and p2 must present together but may not share a panel"],
  ],
];

describe("necessary-condition checks", () => {
  it.each(CASES)("%s: trips on the first program with its numbers, not on the second", (code, tripping, passing, words) => {
    const failed = checksOf(tripping).filter((c) => !c.ok && c.code === code);
    expect(failed.length).toBeGreaterThan(0);
    for (const w of words) expect(failed.map((c) => c.message).join("\n")).toContain(w);
    expect(checksOf(passing).filter((c) => !c.ok)).toEqual([]);
  });

  it("panel-shape: a cap that forces panels above their minimum size, beyond what the presentations fill", () => {
    // maxShare 0.3: a 3-member panel may hold nobody (floor(0.9) = 0), a 4-member panel one per nationality.
    const input = (presenters: number): ProgramInput => ({
      participants: people(presenters, MIXED),
      panels: [{ id: "A" }, { id: "B" }],
      policy: { panelSize: { min: 3, max: 5 }, nationality: { maxShare: 0.3 } },
    });
    const failed = checksOf(input(7)).filter((c) => !c.ok);
    expect(failed.map((c) => c.message)).toEqual([
      "with maxShare 0.3 and 6 nationalities, 2 panels cannot stay at their minimum size, so the panels need at least 8 presenters but there are only 7 presentations",
    ]);
    expect(checksOf(input(8)).filter((c) => !c.ok)).toEqual([]);
  });

  it("a rule's checks carry the checker's codes of that rule, so a failed check names what every solution breaks", () => {
    const foreign: string[] = [];
    for (const [, tripping, passing] of CASES) {
      for (const input of [tripping, passing]) {
        const loaded = validateAllowingCapacity(input, "fixture.json");
        if (!loaded.ok) throw new Error(loaded.issues.map(formatInputIssue).join("\n"));
        const problem = normalizeProgram(loaded.value);
        for (const rule of HARD_RULES) {
          for (const c of rule.explain.checks?.(problem) ?? []) {
            if (!(rule.violations as readonly string[]).includes(c.code)) foreign.push(`${rule.code}: ${c.code}`);
          }
        }
      }
    }
    expect(foreign).toEqual([]);
  });

  it("covers every check code", () => {
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set(CHECK_CODES));
  });

  it("summarises a passing check once, with the tightest case and 'fine'", () => {
    const [, , passing] = CASES.find((c) => c[0] === "nationality-cap")!;
    const cap = checksOf(passing).filter((c) => c.code === "nationality-cap");
    expect(cap).toHaveLength(1);
    expect(cap[0]!.message).toBe("3 participants hold US; with 2 panels of at most 3 presenters and maxShare 0.67, at most 4 fit - fine");
  });
});
