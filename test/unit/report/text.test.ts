// The printed summary: members with roles and nationalities, the dialogue pairs a panel realises (by the
// "different member" rule), the objective with bound and gap, and never a word about who is at risk.
import { beforeAll, describe, expect, it } from "vitest";
import { realisedPairs, scorePanels } from "../../../src/check/score.js";
import { generateProgram } from "../../../src/generate/generate.js";
import { solveProgram } from "../../../src/solve.js";
import { validateProgram } from "../../../src/model/load.js";
import type { Program, ProgramInput } from "../../../src/model/schema.js";
import type { Solution } from "../../../src/model/solution.js";
import {
  formatExplanation,
  formatObjective,
  formatPanelBlock,
  formatSolutionSummary,
  formatStatusLine,
  relativeGap,
  WEAKEST_PANELS_SHOWN,
} from "../../../src/report/text.js";

function program(input: ProgramInput): Program {
  const loaded = validateProgram(input, "t.json");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

const sample = program({
  name: "Test forum",
  slots: [{ id: "S1", label: "Thu 09:00" }],
  participants: [
    { id: "a", name: "Olena K.", nationalities: ["UA"] },
    { id: "b", name: "Pavel K.", nationalities: ["RU", "DE"] },
    { id: "c", nationalities: ["US"] },
    { id: "d", name: "Elena M.", nationalities: ["RU"], atRisk: true },
    { id: "e", nationalities: ["NO"], mayChair: 1, presents: 0 },
    { id: "f", nationalities: ["IL", "PS"] },
  ],
  panels: [
    { id: "P1", title: "Security", slot: "S1", recorded: true, chair: true },
    { id: "P2", size: { min: 1, max: 3 } },
  ],
  policy: {
    dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }, { between: ["IL", "PS"], weight: 4 }] },
  },
});

const solution: Solution = {
  status: "feasible",
  solver: "search",
  seed: 7,
  objective: { total: 10, terms: { dialogue: 10, diversity: 3, topicFit: 0, affinity: 0 } },
  bound: 14,
  panels: [
    { id: "P1", slot: "S1", presenters: ["a", "b", "c"], chair: "e", discussant: null },
    { id: "P2", slot: null, presenters: ["d", "f"], chair: null, discussant: null },
  ],
  violations: [],
  explanation: null,
  stats: { timeMs: 1234 },
};

/** The dialogue line of a panel holding these members, or null when it realises nothing. */
function dialogueLine(prog: Program, members: string[]): string | null {
  const block = formatPanelBlock(prog, { id: prog.panels[0]!.id, presenters: members, chair: null, discussant: null });
  return block.split("\n").find((line) => line.startsWith("  dialogue")) ?? null;
}

describe("the realised pairs a panel block shows", () => {
  it("needs two different members: a dual national alone realises nothing", () => {
    expect(dialogueLine(sample, ["f"])).toBeNull();
    expect(dialogueLine(sample, ["f", "c"])).toBeNull();
  });
  it("counts a dual national on one side when another member holds the other", () => {
    expect(dialogueLine(sample, ["b", "a"])).toBe("  dialogue   RU-UA (weight 10)");
    expect(dialogueLine(sample, ["d", "f"])).toBeNull();
  });
  it("lists every realised pair in policy order", () => {
    const both = program({
      participants: [
        { id: "x", nationalities: ["UA", "PS"] },
        { id: "y", nationalities: ["RU", "IL"] },
        { id: "z", nationalities: ["US"] },
      ],
      panels: [{ id: "P" }],
      policy: { dialogue: { pairs: [{ between: ["RU", "UA"], weight: 1 }, { between: ["IL", "PS"], weight: 2 }] } },
    });
    expect(dialogueLine(both, ["y", "x"])).toBe("  dialogue   RU-UA (weight 1), IL-PS (weight 2)");
  });
});

describe("formatPanelBlock", () => {
  it("shows the header, every member with role and nationalities, and the realised pairs", () => {
    const block = formatPanelBlock(sample, solution.panels[0]!);
    const lines = block.trimEnd().split("\n");
    expect(lines[0]).toBe('P1  "Security"  slot S1 (Thu 09:00)  recorded');
    expect(lines[1]).toMatch(/^ {2}presenter +a +UA +Olena K\.$/);
    expect(lines[2]).toMatch(/^ {2}presenter +b +RU\/DE +Pavel K\.$/);
    expect(lines[3]).toMatch(/^ {2}presenter +c +US$/);
    expect(lines[4]).toMatch(/^ {2}chair +e +NO$/);
    expect(lines[5]).toBe("  dialogue   RU-UA (weight 10)");
    expect(lines).toHaveLength(6);
  });
  it("says so for an empty panel and omits the dialogue line when nothing is realised", () => {
    const block = formatPanelBlock(sample, { id: "P2", presenters: [], chair: null, discussant: null });
    expect(block).toBe("P2\n  (no members)\n");
  });
});

describe("objective and status", () => {
  it("lists each term with its weight, the total, the bound and the gap", () => {
    const text = formatObjective(sample, solution);
    expect(text).toMatch(/^ {2}dialogue +10 {2}x 1$/m);
    expect(text).toMatch(/^ {2}diversity +3 {2}x 0$/m);
    expect(text).toMatch(/^ {2}total +10$/m);
    expect(text).toMatch(/^ {2}bound +14 {2}gap 28\.57%$/m);
  });
  it("omits the bound line without a bound, and says when there is no objective", () => {
    expect(formatObjective(sample, { ...solution, bound: null })).not.toMatch(/bound/);
    expect(formatObjective(sample, { ...solution, objective: null })).toBe("objective  (none: no assignment)\n");
  });
  it("relativeGap is 0 at optimum, null without a bound, never negative", () => {
    expect(relativeGap(10, 10)).toBe(0);
    expect(relativeGap(0, 0)).toBe(0);
    expect(relativeGap(10, null)).toBeNull();
    expect(relativeGap(null, 3)).toBeNull();
    expect(relativeGap(5, 4)).toBe(0);
    expect(relativeGap(-4, -2)).toBeCloseTo(0.5);
  });
  it("status line names status, solver, seed and time", () => {
    expect(formatStatusLine(solution)).toBe("status feasible (not proven optimal)  solver search  seed 7  time 1.23 s\n");
    // An inexact solver that reaches the proven bound: its status stays "feasible", the line says it is optimal.
    const total = solution.objective!.total;
    expect(formatStatusLine({ ...solution, bound: total })).toBe("status feasible (reaches the bound: optimal)  solver search  seed 7  time 1.23 s\n");
    expect(formatStatusLine({ ...solution, bound: total + 1 })).toMatch(/^status feasible \(not proven optimal\)/);
    expect(formatStatusLine({ ...solution, status: "infeasible", seed: null, stats: {} })).toBe(
      "status infeasible: no assignment satisfies every hard constraint  solver search\n",
    );
  });
});

describe("formatSolutionSummary", () => {
  it("has the name, one block per panel, the objective and the status, in that order", () => {
    const text = formatSolutionSummary(sample, solution);
    const order = ["Test forum", "P1  ", "P2", "objective", "status feasible"].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it("never reveals who is at risk, even when an explanation or a stat mentions it", () => {
    const leaky: Solution = {
      ...solution,
      status: "infeasible",
      explanation: ["d is at risk and P1 is recorded", "P2 needs one more presenter"],
      stats: { timeMs: 3, atRiskCount: 1 },
    };
    const text = formatSolutionSummary(sample, leaky);
    expect(text).not.toMatch(/at[-_ ]?risk/i);
    expect(text).toContain("P2 needs one more presenter");
    // The at-risk participant is still listed like everyone else: redaction hides the flag, not the person.
    expect(text).toMatch(/presenter +d +RU/);
  });

  it("prints a plain explanation as text and a structured one as JSON", () => {
    expect(formatExplanation("too few chairs")).toBe("why: too few chairs\n");
    expect(formatExplanation({ conflicts: 2 })).toBe('why: {"conflicts":2}\n');
    expect(formatExplanation(null)).toBe("");
  });
});

describe("the summary of a large program", () => {
  // 200 participants: about 47 panels, more than a full listing shows.
  const large = program(generateProgram({ participants: 200, seed: 4 }));
  let solved: Solution;
  beforeAll(async () => {
    solved = await solveProgram(large, { solver: "greedy", timeLimitMs: 10_000 });
    expect(solved.status).toBe("feasible");
  });
  const blocks = (text: string) => text.split("\n").filter((line) => /^P\d+/.test(line));
  const shownScores = (text: string) => [...text.matchAll(/^ {2}score +(-?[\d.]+)/gm)].map((m) => Number(m[1]));

  it("shows totals and only the weakest panels, lowest score first", () => {
    const text = formatSolutionSummary(large, solved);
    expect(large.panels.length).toBeGreaterThan(40);
    expect(blocks(text)).toHaveLength(WEAKEST_PANELS_SHOWN);
    const shown = shownScores(text);
    expect(shown).toEqual([...shown].sort((x, y) => x - y));
    // No panel left out scores lower than the highest one shown.
    const all = scorePanels(large, solved.panels).map((s) => s.total).sort((x, y) => x - y);
    expect(shown).toEqual(all.slice(0, WEAKEST_PANELS_SHOWN));
  });

  it("counts the panels realising each pair as the checker's scorer does", () => {
    const text = formatSolutionSummary(large, solved);
    for (const { pair, panels } of realisedPairs(large, solved.panels)) {
      expect(text).toContain(`${pair[0]}-${pair[1]} on ${panels.length}`);
    }
    const dialoguePanels = new Set(realisedPairs(large, solved.panels).flatMap((r) => r.panels)).size;
    expect(text).toMatch(new RegExp(`^panels +${large.panels.length}, ${dialoguePanels} of them realising a dialogue pair$`, "m"));
  });

  it("lists every panel when asked, and as many weakest as asked", () => {
    expect(blocks(formatSolutionSummary(large, solved, { panels: "all" }))).toHaveLength(large.panels.length);
    expect(blocks(formatSolutionSummary(large, solved, { panels: 3 }))).toHaveLength(3);
    expect(blocks(formatSolutionSummary(large, solved, { panels: 0 }))).toHaveLength(0);
  });
});
