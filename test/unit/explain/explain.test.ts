// Explanations against brute force (the ground truth on tiny programs, shared with no solver): failed checks are
// sound, conflict sets are minimal, relaxations are smallest along their axis.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runNecessaryChecks } from "../../../src/explain/checks.js";
import { explainProgram } from "../../../src/explain/explain.js";
import { formatExplanation } from "../../../src/explain/format.js";
import { listConstraintInstances, relaxInstances } from "../../../src/explain/instances.js";
import { relaxationAxes } from "../../../src/explain/relax.js";
import type { ConflictMember, Explanation } from "../../../src/explain/types.js";
import type { Program, ProgramInput } from "../../../src/model/schema.js";
import { programArb } from "../../arbitraries/program.js";
import { bruteForce } from "../../helpers/brute-force.js";
import { loadGenerated } from "../../helpers/program.js";
import { program } from "../scenarios/fixtures.js";
import { bruteForceOracle } from "./oracle.js";

const oracle = bruteForceOracle();
const TINY = { maxParticipants: 6, maxPanels: 3, maxPresents: 1 } as const;

/** Keep-apart a-b, both pinned to the only panel: infeasible though every counting check passes. */
const clashInput = (): ProgramInput => ({
  participants: [
    { id: "a", nationalities: ["UA"] },
    { id: "b", nationalities: ["RU"] },
    { id: "c", nationalities: ["GE"] },
    { id: "d", nationalities: ["US"] },
  ],
  panels: [
    { id: "P1", size: { min: 1, max: 3 }, pinned: { presenters: ["a"] } },
    { id: "P2", size: { min: 1, max: 3 }, pinned: { presenters: ["b"] } },
  ],
  policy: { keepApart: [["c", "d"]], nationality: { maxShare: 0.5 } },
});

describe("explainProgram on hand-made programs", () => {
  it("finds the one rule that breaks a program whose checks all pass, and that relaxing it alone repairs it", async () => {
    // a (UA) is pinned to P1 and b (RU) to P2; a may sit with neither c (GE) nor d (US), and a panel of one
    // breaks maxShare 0.5 (floor(0.5 * 1) = 0): infeasible, though no counting check can see it.
    const input = clashInput();
    input.policy = { ...input.policy, separate: [["UA", "GE"], ["UA", "US"]] };
    const p = program(input);
    expect(runNecessaryChecks(p).filter((c) => !c.ok)).toEqual([]);
    const explanation = await explainProgram(p, { oracle });
    expect(explanation.verdict).toBe("infeasible");
    expect(explanation.conflictsMinimal).toBe(true);
    // Whatever minimal set it names, it must be one: infeasible as a set, feasible without any one member.
    await expectMinimal(p, explanation.conflicts.map((c) => c.path));
    const text = formatExplanation(explanation);
    expect(text).toContain("cannot all hold together (minimal)");
    for (const c of explanation.conflicts) expect(text).toContain(c.instance);
  });

  it("reports a failed check as the cause without searching for a conflict set", async () => {
    const p = program({
      participants: [{ id: "a", nationalities: ["UA"] }, { id: "b", nationalities: ["UA"] }, { id: "c", nationalities: ["RU"] }],
      panels: [{ id: "P1", size: { min: 3, max: 3 } }],
      policy: { nationality: { maxShare: 0.5 } },
    });
    const explanation = await explainProgram(p, { oracle });
    expect(explanation.verdict).toBe("infeasible");
    expect(explanation.conflicts).toEqual([]);
    expect(explanation.checks.filter((c) => !c.ok).map((c) => c.code)).toContain("nationality-cap");
    // 2 UA of 3 members needs maxShare >= 2/3: the smallest step that allows it.
    expect(explanation.relaxations[0]).toMatchObject({ path: "policy.nationality.maxShare", from: 0.5, to: 0.67 });
    expect(formatExplanation(explanation)).toContain("raise policy.nationality.maxShare from 0.5 to 0.67");
  });

  it("suggests how many more participants must be allowed to chair", async () => {
    const p = program({
      participants: [
        { id: "a", nationalities: ["UA"] },
        { id: "b", nationalities: ["RU"] },
        { id: "c", nationalities: ["GE"] },
        { id: "d", nationalities: ["US"] },
        { id: "e", nationalities: ["DE"], presents: 0 },
        { id: "f", nationalities: ["AM"], presents: 0 },
      ],
      panels: [{ id: "P1" }, { id: "P2" }],
      policy: { chair: true, panelSize: { min: 2, max: 2 } },
    });
    const explanation = await explainProgram(p, { oracle });
    const chairs = explanation.checks.find((c) => c.code === "chair-missing")!;
    expect(chairs.message).toBe("panels need 2 chairs but only 0 participants may chair");
    const relax = explanation.relaxations.find((r) => r.path === "participants[].mayChair");
    expect(relax?.to).toBe(2);
  });

  it("says so when the time budget cuts the search short", async () => {
    const p = program({ ...clashInput(), policy: { ...clashInput().policy, separate: [["UA", "GE"], ["UA", "US"]] } });
    const explanation = await explainProgram(p, { oracle: async () => "unknown", verdict: "infeasible" });
    expect(explanation.conflictsMinimal).toBe(false);
    expect(explanation.stats.timedOut).toBe(true);
  });

  it("summarises an unfinished conflict search by rule instead of listing rules that may not be causes", () => {
    const member = (k: number): ConflictMember => ({ rule: k < 9 ? "avoid-participant" : "keep-apart", instance: `rule ${k}`, path: `x[${k}]`, fixesAlone: null });
    const explanation: Explanation = {
      verdict: "infeasible",
      checks: [],
      conflicts: Array.from({ length: 12 }, (_, k) => member(k)),
      conflictsMinimal: false,
      relaxations: [],
      stats: { solves: 3, timeMs: 30_000, timedOut: true },
    };
    const text = formatExplanation(explanation);
    expect(text).toContain("narrowed below 12 rules (9 avoid-participant, 3 keep-apart)");
    expect(text).not.toContain("rule 3");
    expect(formatExplanation({ ...explanation, conflicts: explanation.conflicts.slice(0, 3) })).toContain("rule 2  [x[2]]");
  });

  it("gives no conflicts or relaxations for a feasible program", async () => {
    const explanation = await explainProgram(program(clashInput()), { oracle });
    expect(explanation.verdict).toBe("feasible");
    expect(explanation.conflicts).toEqual([]);
    expect(explanation.relaxations).toEqual([]);
    expect(formatExplanation(explanation)).toBe("The program is feasible.\n");
  });
});

/**
 * Infeasible with the members alone (every other instance relaxed), feasible once any one member is relaxed too.
 * Relaxing widens the search, so brute force may give up on a relaxed program; that case proves nothing either way.
 */
async function expectMinimal(p: Program, members: readonly string[]): Promise<void> {
  const others = listConstraintInstances(p).map((c) => c.path).filter((path) => !members.includes(path));
  const status = (relaxed: readonly string[]) => bruteForce(relaxInstances(p, new Set(relaxed)), { maxLeaves: 2_000_000 }).status;
  expect(status(others)).not.toBe("optimal");
  for (const m of members) expect(status([...others, m]), `relaxing ${m} as well`).not.toBe("infeasible");
}

describe("explanations agree with brute force on random tiny programs", () => {
  const tinyProgram = programArb(TINY).map(loadGenerated);

  it("relaxing named instances only adds solutions (what the deletion filter relies on)", () => {
    fc.assert(
      fc.property(tinyProgram, fc.nat(), (p, pick) => {
        const before = bruteForce(p, { maxLeaves: 200_000 });
        fc.pre(before.status === "optimal");
        const paths = listConstraintInstances(p).map((c) => c.path);
        fc.pre(paths.length > 0);
        const some = new Set(paths.filter((_, k) => (pick >> k) % 2 === 1 || k === pick % paths.length));
        const after = bruteForce(relaxInstances(p, some), { maxLeaves: 2_000_000 });
        expect(after.status, [...some].join(", ")).not.toBe("infeasible");
      }),
      { numRuns: 200 },
    );
  });

  it("a failed check is a proof: brute force finds no solution", () => {
    fc.assert(
      fc.property(tinyProgram, (p) => {
        const failing = runNecessaryChecks(p).filter((c) => !c.ok);
        fc.pre(failing.length > 0);
        expect(bruteForce(p, { maxLeaves: 1e6 }).status, failing.map((c) => c.message).join("; ")).toBe("infeasible");
      }),
      { numRuns: 300 },
    );
  });

  it("the conflict set is minimal: infeasible together, feasible without any one member", async () => {
    let explained = 0;
    await fc.assert(
      fc.asyncProperty(tinyProgram, async (p) => {
        fc.pre(runNecessaryChecks(p).every((c) => c.ok));
        fc.pre(bruteForce(p).status === "infeasible");
        const explanation = await explainProgram(p, { oracle, relaxations: false, timeLimitMs: 60_000 });
        fc.pre(explanation.conflictsMinimal);
        explained++;
        await expectMinimal(p, explanation.conflicts.map((c) => c.path));
        for (const c of explanation.conflicts) {
          if (c.fixesAlone !== null) expect(bruteForce(relaxInstances(p, new Set([c.path]))).status === "optimal").toBe(c.fixesAlone);
        }
      }),
      { numRuns: 40 },
    );
    expect(explained).toBeGreaterThan(0);
  });

  it("each relaxation is feasible and the step before it is not", async () => {
    await fc.assert(
      fc.asyncProperty(tinyProgram, async (p) => {
        fc.pre(bruteForce(p).status === "infeasible");
        const explanation = await explainProgram(p, { oracle, conflicts: false, verdict: "infeasible", timeLimitMs: 60_000 });
        fc.pre(!explanation.stats.timedOut);
        const axes = relaxationAxes(p);
        for (const r of explanation.relaxations) {
          const axis = axes.find((a) => a.path === r.path)!;
          const k = axis.steps.indexOf(r.to);
          expect(r.smallest).toBe(true);
          expect(bruteForce(axis.apply(p, r.to)).status).toBe("optimal");
          if (k > 0) expect(bruteForce(axis.apply(p, axis.steps[k - 1])).status).not.toBe("optimal");
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("explanations with the exact solver (mip) as the oracle", () => {
  it("the conflict set found through mip is minimal, as brute force confirms", async () => {
    const { solverOracle } = await import("../../../src/explain/oracle.js");
    const mip = solverOracle({ solver: "mip" });
    let explained = 0;
    await fc.assert(
      fc.asyncProperty(programArb({ ...TINY, maxParticipants: 5 }).map(loadGenerated), async (p) => {
        fc.pre(runNecessaryChecks(p).every((c) => c.ok));
        fc.pre(bruteForce(p).status === "infeasible");
        const explanation = await explainProgram(p, { oracle: mip, relaxations: false, timeLimitMs: 60_000, perSolveMs: 20_000 });
        expect(explanation.verdict).toBe("infeasible");
        fc.pre(explanation.conflictsMinimal);
        explained++;
        const members = explanation.conflicts.map((c) => c.path);
        const others = listConstraintInstances(p).map((c) => c.path).filter((path) => !members.includes(path));
        expect(await mip(relaxInstances(p, new Set(others)), 20_000)).toBe("infeasible");
        for (const m of members) expect(await mip(relaxInstances(p, new Set([...others, m])), 20_000)).toBe("feasible");
        await expectMinimal(p, members);
      }),
      { numRuns: 12 },
    );
    expect(explained).toBeGreaterThan(0);
  });
});
