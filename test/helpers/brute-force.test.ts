// The ground truth must itself be right: hand-sized programs whose optimum is worked out below, and agreement
// with a pruning-free enumeration on generated ones (pruning may only cut what the checker would reject).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { scoreSolution } from "../../src/check/score.js";
import type { Program, ProgramInput } from "../../src/model/schema.js";
import type { SolutionPanel } from "../../src/model/solution.js";
import { programArb } from "../arbitraries/program.js";
import { bruteForce } from "./brute-force.js";
import { loadGenerated } from "./program.js";
import { runs } from "./runs.js";

const person = (id: string, nationalities: string[], extra: Partial<ProgramInput["participants"][number]> = {}) => ({
  id,
  nationalities,
  ...extra,
});

describe("bruteForce on hand-made programs", () => {
  it("puts the dialogue pair together when it can", () => {
    // Two panels of two; UA and RU together realise weight 5, and nothing forbids it.
    const program = loadGenerated({
      participants: [person("a", ["UA"]), person("b", ["RU"]), person("c", ["US"]), person("d", ["DE"])],
      panels: [{ id: "P1" }, { id: "P2" }],
      policy: { panelSize: { min: 2, max: 2 }, dialogue: { pairs: [{ between: ["UA", "RU"], weight: 5 }] } },
    });
    const result = bruteForce(program);
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    expect(result.total).toBe(5);
    expect(result.panels.some((p) => p.presenters.includes("a") && p.presenters.includes("b"))).toBe(true);
    // 4 people into two labelled panels of two: C(4,2) = 6 assignments, all feasible.
    expect(result.feasibleCount).toBe(6);
  });

  it("honours a keep-apart pair that costs the dialogue", () => {
    const program = loadGenerated({
      participants: [person("a", ["UA"]), person("b", ["RU"]), person("c", ["US"]), person("d", ["DE"])],
      panels: [{ id: "P1" }, { id: "P2" }],
      policy: {
        panelSize: { min: 2, max: 2 },
        dialogue: { pairs: [{ between: ["UA", "RU"], weight: 5 }] },
        keepApart: [["a", "b"]],
        affinities: [{ between: ["c", "d"], weight: 2 }],
      },
    });
    const result = bruteForce(program);
    expect(result).toMatchObject({ status: "optimal", total: 0, feasibleCount: 4 });
  });

  it("says infeasible when a required chair cannot be found", () => {
    // The only possible chair presents on the single panel, and nobody holds two roles on one panel.
    const program = loadGenerated({
      participants: [person("a", ["UA"], { mayChair: 1 }), person("b", ["RU"])],
      panels: [{ id: "P1", chair: true }],
      policy: { panelSize: { min: 2, max: 2 } },
    });
    expect(bruteForce(program).status).toBe("infeasible");
  });

  it("finds a chair who presents elsewhere, neutral on the pair", () => {
    const program = loadGenerated({
      participants: [
        person("a", ["UA"]),
        person("b", ["RU"]),
        person("c", ["UA"], { mayChair: 1 }),
        person("d", ["US"], { mayChair: 1 }),
      ],
      panels: [{ id: "P1", chair: true }, { id: "P2" }],
      policy: { panelSize: { min: 1, max: 2 }, dialogue: { pairs: [{ between: ["UA", "RU"], weight: 3 }], maxImbalance: 0 } },
    });
    const result = bruteForce(program);
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    expect(result.total).toBe(3);
    const p1 = result.panels.find((p) => p.id === "P1")!;
    expect(p1.chair).toBe("d");
  });

  it("keeps co-authors on one panel and respects slots", () => {
    const program = loadGenerated({
      slots: [{ id: "S1" }],
      participants: [
        person("a", ["UA"], { group: "g" }),
        person("b", ["RU"], { group: "g" }),
        person("c", ["US"], { unavailable: ["S1"] }),
        person("d", ["DE"]),
      ],
      panels: [{ id: "P1", slot: "S1" }, { id: "P2" }],
      policy: { panelSize: { min: 1, max: 3 } },
    });
    const result = bruteForce(program);
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    // a, b together on P1 or P2; c on P2; d anywhere: 2 x 2 = 4, minus "P1 empty" when a, b and d all go to P2
    // (P2 would hold 4 > 3 presenters): 3 feasible.
    expect(result.feasibleCount).toBe(3);
  });

  it("refuses programs beyond its limits", () => {
    const program = loadGenerated({
      participants: Array.from({ length: 10 }, (_, i) => person(`p${i}`, ["UA"])),
      panels: [{ id: "P1" }, { id: "P2" }],
      policy: { panelSize: { min: 5, max: 5 } },
    });
    expect(() => bruteForce(program)).toThrow(RangeError);
  });
});

/** Every assignment of roles with no pruning at all, for tiny programs only. */
function naiveOptimum(program: Program): { status: "infeasible" } | { status: "optimal"; total: number } {
  const ids = program.participants.map((p) => p.id);
  const m = program.panels.length;
  // Each participant, for each panel: 0 off, 1 presenter, 2 chair, 3 discussant.
  const n = ids.length;
  let best: number | null = null;
  const codes = new Int8Array(n * m);
  const total = 4 ** (n * m);
  for (let x = 0; x < total; x++) {
    let y = x;
    for (let c = 0; c < n * m; c++) {
      codes[c] = y % 4;
      y = Math.floor(y / 4);
    }
    const panels: SolutionPanel[] = [];
    let malformed = false;
    for (let k = 0; k < m && !malformed; k++) {
      const presenters: string[] = [];
      const chairs: string[] = [];
      const discussants: string[] = [];
      for (let i = 0; i < n; i++) {
        const code = codes[i * m + k];
        if (code === 1) presenters.push(ids[i]!);
        else if (code === 2) chairs.push(ids[i]!);
        else if (code === 3) discussants.push(ids[i]!);
      }
      // A panel has one chair field: two chairs cannot even be written down.
      if (chairs.length > 1 || discussants.length > 1) malformed = true;
      const panel = program.panels[k]!;
      panels.push({ id: panel.id, slot: panel.slot ?? null, presenters, chair: chairs[0] ?? null, discussant: discussants[0] ?? null });
    }
    if (malformed || checkSolution(program, panels).length > 0) continue;
    const score = scoreSolution(program, panels).total;
    if (best === null || score > best) best = score;
  }
  return best === null ? { status: "infeasible" } : { status: "optimal", total: best };
}

describe("bruteForce pruning", () => {
  it("agrees with a pruning-free enumeration on generated programs", () => {
    const arb = programArb({ maxParticipants: 4, maxPanels: 2, maxSlots: 1, maxPresents: 2 }).filter(
      (p) => p.participants.length * p.panels.length <= 7,
    );
    fc.assert(
      fc.property(arb, (input) => {
        const program = loadGenerated(input);
        const pruned = bruteForce(program);
        const naive = naiveOptimum(program);
        expect(pruned.status).toBe(naive.status);
        if (pruned.status === "optimal" && naive.status === "optimal") expect(pruned.total).toBeCloseTo(naive.total, 9);
      }),
      { numRuns: runs(60) },
    );
  });
});
