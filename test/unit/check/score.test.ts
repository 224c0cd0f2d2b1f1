import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { realisedPairs, realisedPairsOf, scorePanels, scoreSolution, totalOfPanels } from "../../../src/check/score.js";
import type { SolutionPanel } from "../../../src/model/solution.js";
import { assignmentArb } from "../../arbitraries/assignment.js";
import { programArb } from "../../arbitraries/program.js";
import { loadGenerated } from "../../helpers/program.js";
import { runs } from "../../helpers/runs.js";
import { person, program, roster, type PolicyInput } from "./build.js";

// P1 (topics security, chaired by c1): r1 RU, u1 UA, d1 DE. P2: x (RU/UA) alone. P3 (topics energy): x, u2 UA.
const people = [
  person("r1", "RU", { topics: ["security"] }),
  person("u1", "UA", { topics: ["energy"] }),
  person("d1", "DE"),
  person("x", "RU/UA", { presents: 2, topics: ["security", "energy"] }),
  person("u2", "UA"),
  person("c1", "FR", { presents: 0, mayChair: 1, topics: ["security"] }),
];
const panelSpecs = [{ id: "P1", topics: ["security"], chair: true }, "P2", { id: "P3", topics: ["energy"] }, "P4"];
const basePolicy: PolicyInput = {
  dialogue: {
    pairs: [
      { between: ["RU", "UA"], weight: 10 },
      { between: ["RU", "DE"], weight: 2 },
    ],
  },
  affinities: [
    { between: ["r1", "c1"], weight: 3 }, // on P1, the chair counts as a member
    { between: ["u1", "d1"], weight: 1 }, // on P1
    { between: ["r1", "u2"], weight: 5 }, // apart
  ],
};
const prog = (policy: PolicyInput = {}) => program(people, panelSpecs, { ...basePolicy, ...policy });
const solution: SolutionPanel[] = [
  roster("P1", ["r1", "u1", "d1"], "c1"),
  roster("P2", ["x"]),
  roster("P3", ["x", "u2"]),
  roster("P4", []),
];

describe("scoreSolution terms", () => {
  const { terms } = scoreSolution(prog(), solution);

  it("dialogue: P1 realises RU-UA (10) and RU-DE (2); a dual national alone realises nothing; P3 realises RU-UA", () => {
    expect(terms.dialogue).toBe(22);
  });

  it("diversity: P1 holds 4 nationalities (3), P2 and P3 two each (1 + 1), the empty P4 adds nothing", () => {
    expect(terms.diversity).toBe(5);
  });

  it("topicFit: r1 on P1 and x on P3 share a topic; the chair is not a presenter; P2 has no topics", () => {
    expect(terms.topicFit).toBe(2);
  });

  it("affinity: pairs both members of one panel, the chair included", () => {
    expect(terms.affinity).toBe(4);
  });

  it("has exactly the four terms without a baseline", () => {
    expect(terms).toEqual({ dialogue: 22, diversity: 5, topicFit: 2, affinity: 4 });
    expect(scoreSolution(prog(), solution, null).terms).toEqual(terms);
  });
});

describe("scoreSolution total", () => {
  it("uses the default weights: dialogue 1, diversity 0, topicFit 0, affinity 1", () => {
    expect(scoreSolution(prog(), solution).total).toBe(22 + 4);
  });

  it("weighs every term, negative weights included", () => {
    const weights = { dialogue: 2, diversity: 3, topicFit: 5, affinity: -1, stability: 7 };
    expect(scoreSolution(prog({ weights }), solution).total).toBe(2 * 22 + 3 * 5 + 5 * 2 - 1 * 4);
  });

  it("sums a dialogue pair listed twice, in either order", () => {
    const pairs = [
      { between: ["RU", "UA"] as [string, string], weight: 10 },
      { between: ["UA", "RU"] as [string, string], weight: 1 },
    ];
    expect(scoreSolution(prog({ dialogue: { pairs } }), solution).terms.dialogue).toBe(2 * 11);
  });

  it("scores nothing for a lone dual national", () => {
    const lone = program([person("x", "RU/UA")], ["P1"], { dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }] } });
    expect(scoreSolution(lone, [roster("P1", ["x"])]).terms).toEqual({ dialogue: 0, diversity: 1, topicFit: 0, affinity: 0 });
  });
});

describe("scoreSolution stability", () => {
  const moved = (baseline: readonly SolutionPanel[], panels: readonly SolutionPanel[] = solution) =>
    scoreSolution(prog(), panels, baseline).terms.stability;

  it("is 0 (not -0) against an identical baseline, listed in another order", () => {
    expect(Object.is(moved([...solution].reverse()), 0)).toBe(true);
  });

  it("counts each participant whose set of (panel, role) changed", () => {
    // r1 and u2 swap panels.
    const baseline = [roster("P1", ["u2", "u1", "d1"], "c1"), roster("P2", ["x"]), roster("P3", ["x", "r1"]), roster("P4", [])];
    expect(moved(baseline)).toBe(-2);
  });

  it("counts a role change on the same panel", () => {
    const baseline = [roster("P1", ["r1", "u1", "d1", "c1"]), roster("P2", ["x"]), roster("P3", ["x", "u2"]), roster("P4", [])];
    expect(moved(baseline)).toBe(-1);
  });

  it("ignores baseline participants and panels no longer in the program", () => {
    const baseline = [
      roster("P1", ["r1", "u1", "d1", "gone"], "c1"),
      roster("P2", ["x"]),
      roster("P3", ["x", "u2"]),
      roster("P4", []),
      roster("PX", ["r1", "gone"]),
    ];
    expect(moved(baseline)).toBe(0);
  });

  it("counts a participant the baseline did not place, and one the solution drops", () => {
    // u2 is new on P3; r1 is no longer placed.
    const baseline = [roster("P1", ["r1", "u1", "d1"], "c1"), roster("P2", ["x"]), roster("P3", ["x"])];
    const now = [roster("P1", ["u1", "d1"], "c1"), roster("P2", ["x"]), roster("P3", ["x", "u2"]), roster("P4", [])];
    expect(moved(baseline, now)).toBe(-2);
  });

  it("enters the total with weights.stability", () => {
    const baseline = [roster("P1", ["u2", "u1", "d1"], "c1"), roster("P2", ["x"]), roster("P3", ["x", "r1"]), roster("P4", [])];
    const score = scoreSolution(prog({ weights: { stability: 4 } }), solution, baseline);
    expect(score.terms).toEqual({ dialogue: 22, diversity: 5, topicFit: 2, affinity: 4, stability: -2 });
    expect(score.total).toBe(22 + 4 - 4 * 2);
  });
});

describe("realisedPairs", () => {
  it("lists the panels realising each policy pair, in policy and program order", () => {
    expect(realisedPairs(prog(), solution)).toEqual([
      { pair: ["RU", "UA"], panels: ["P1", "P3"] },
      { pair: ["RU", "DE"], panels: ["P1"] },
    ]);
  });

  it("returns copies: changing a result leaves the program alone", () => {
    const p = prog();
    const [first] = realisedPairs(p, solution);
    first!.pair[0] = "XX";
    expect(p.policy.dialogue.pairs[0]!.between).toEqual(["RU", "UA"]);
  });

  it("a dialogue-out participant's own dual nationality realises nothing alone", () => {
    const p = program([person("x", "RU/UA", { dialogue: "out" }), person("d1", "DE")], ["P1"], {
      dialogue: { pairs: [{ between: ["RU", "UA"], weight: 1 }] },
    });
    expect(realisedPairs(p, [roster("P1", ["x", "d1"])])).toEqual([{ pair: ["RU", "UA"], panels: [] }]);
  });
});

describe("scores of panels already at hand", () => {
  it("realisedPairsOf and totalOfPanels give what scoring the solution from scratch gives", () => {
    fc.assert(
      fc.property(
        programArb({ maxParticipants: 8, maxPanels: 4 }).map(loadGenerated).chain((p) => fc.tuple(fc.constant(p), assignmentArb(p))),
        ([p, panels]) => {
          const scores = scorePanels(p, panels);
          const fromScratch = scoreSolution(p, panels, null);
          const summed = totalOfPanels(p, scores);
          expect(summed.terms).toEqual(fromScratch.terms);
          expect(summed.total).toBeCloseTo(fromScratch.total, 9);
          // Per pair, the panels whose own score lists it: the definition, pair by pair.
          expect(realisedPairsOf(p, scores)).toEqual(
            p.policy.dialogue.pairs.map(({ between }, index) => ({
              pair: [...between],
              panels: scores.filter((s) => s.pairs.some((pair) => pair.index === index)).map((s) => s.id),
            })),
          );
          expect(realisedPairs(p, panels)).toEqual(realisedPairsOf(p, scores));
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
