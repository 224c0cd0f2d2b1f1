// At-risk status must not leak through explanations: entries that exist only because someone is at risk (their
// default dialogue "out", a recorded panel, eligibility lost to a recorded panel) are marked sensitive where they are
// made and published only as a withheld entry; a participant's own written opt-out is still named.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main.js";
import { runNecessaryChecks } from "../../../src/explain/checks.js";
import { explainProgram } from "../../../src/explain/explain.js";
import { formatExplanation } from "../../../src/explain/format.js";
import { listConstraintInstances } from "../../../src/explain/instances.js";
import { relaxationAxes } from "../../../src/explain/relax.js";
import { publishExplanation, WITHHELD, withoutAtRisk } from "../../../src/explain/sensitive.js";
import type { Explanation } from "../../../src/explain/types.js";
import type { ProgramInput } from "../../../src/model/schema.js";
import type { Solution } from "../../../src/model/solution.js";
import { redactSolution } from "../../../src/report/redact.js";
import { program } from "../scenarios/fixtures.js";
import { bruteForceOracle } from "./oracle.js";

const oracle = bruteForceOracle();

/**
 * ua01 is pinned to P1; P2 is recorded, so ru04 (at risk, no dialogue field) can only sit on P1, with ua01: but the
 * at-risk default keeps ru04 off a RU-UA dialogue panel. Infeasible, and every counting check passes.
 */
function atRiskInput(ru04: { atRisk?: boolean; dialogue?: "in" | "out"; unavailable?: string[] }): ProgramInput {
  return {
    slots: [{ id: "S1" }, { id: "S2" }],
    participants: [
      { id: "ru04", nationalities: ["RU"], ...ru04 },
      { id: "ua01", nationalities: ["UA"] },
      { id: "us01", nationalities: ["US"] },
      { id: "de01", nationalities: ["DE"] },
    ],
    panels: [
      { id: "P1", slot: "S1", size: { min: 2, max: 2 }, pinned: { presenters: ["ua01"] } },
      { id: "P2", slot: "S2", size: { min: 2, max: 2 }, recorded: true },
    ],
    policy: { dialogue: { pairs: [{ between: ["RU", "UA"], weight: 1 }] } },
  };
}

const infeasible = (explanation: Explanation): Solution => ({
  status: "infeasible",
  solver: "mip",
  seed: 1,
  objective: null,
  bound: null,
  panels: [],
  violations: [],
  explanation,
  stats: { timeMs: 5 },
});

describe("an at-risk participant without a dialogue field", () => {
  const p = program(atRiskInput({ atRisk: true }));

  it("makes the program infeasible through sensitive conflict members only the organiser may see", async () => {
    expect(runNecessaryChecks(p).filter((c) => !c.ok)).toEqual([]);
    const explanation = await explainProgram(p, { oracle });
    expect(explanation.verdict).toBe("infeasible");
    expect(explanation.conflictsMinimal).toBe(true);
    // The cause as found: the default opt-out and the recorded panel, both marked, and the pin, not marked.
    const byPath = new Map(explanation.conflicts.map((c) => [c.path, c]));
    expect(byPath.get("participants[0].dialogue")?.sensitive).toBe(true);
    expect(byPath.get("panels[1].recorded")?.sensitive).toBe(true);
    expect(byPath.get("panels[0].pinned.presenters[0]")?.sensitive).toBeUndefined();
    expect(formatExplanation(explanation, { revealSensitive: true })).toContain("ru04");
  });

  it("is published with neither ru04's opt-out nor the recorded panel, in the solution file and in the text", async () => {
    const explanation = await explainProgram(p, { oracle });
    const file = JSON.stringify(redactSolution(infeasible(explanation)), null, 2);
    const texts = [file, formatExplanation(explanation), formatExplanation(explanation, { showPassing: true })];
    for (const text of texts) {
      expect(text).not.toContain("ru04");
      expect(text).not.toContain("P2");
      expect(text).not.toMatch(/recorded|dialogue panels|participants\[0\]|panels\[1\]/);
      expect(text).toContain(WITHHELD);
      // The rest of the cause is still there.
      expect(text).toContain("ua01 is pinned to present on P1");
    }
    // One withheld member stands for both, so the count of hidden rules is not published either.
    const published = publishExplanation(explanation);
    expect(published.conflicts.filter((c) => c.sensitive === true)).toEqual([
      { rule: "withheld", instance: WITHHELD, path: "", fixesAlone: null, sensitive: true },
    ]);
    expect(publishExplanation(published)).toEqual(published);
  });
});

describe("a written dialogue opt-out", () => {
  it("is named in public when the participant is not at risk", async () => {
    // Not at risk, so P2 is open to ru04; being unavailable in S2 sends them to P1 instead.
    const p = program(atRiskInput({ dialogue: "out", unavailable: ["S2"] }));
    const explanation = await explainProgram(p, { oracle });
    expect(explanation.verdict).toBe("infeasible");
    const member = explanation.conflicts.find((c) => c.path === "participants[0].dialogue");
    expect(member).toMatchObject({ instance: "ru04 opts out of dialogue panels" });
    expect(member?.sensitive).toBeUndefined();
    const file = JSON.stringify(redactSolution(infeasible(explanation)));
    expect(file).toContain("ru04 opts out of dialogue panels");
    expect(file).not.toContain(WITHHELD);
    expect(formatExplanation(explanation)).toContain("ru04 opts out of dialogue panels  [participants[0].dialogue]");
  });

  it("is the participant's own wish even when they are at risk; the recorded panel still is not", () => {
    const instances = listConstraintInstances(program(atRiskInput({ atRisk: true, dialogue: "out" })));
    expect(instances.find((c) => c.rule === "dialogue-out")).toEqual({
      rule: "dialogue-out",
      instance: "ru04 opts out of dialogue panels",
      path: "participants[0].dialogue",
    });
    expect(instances.find((c) => c.rule === "recorded")?.sensitive).toBe(true);
  });
});

describe("necessary checks shaped by someone being at risk", () => {
  it("mark a pin onto a recorded panel and lost eligibility sensitive, and leave the others alone", () => {
    const input = atRiskInput({ atRisk: true });
    input.participants = input.participants.map((x) => (x.id === "ru04" ? { ...x, presents: 2 } : x));
    input.panels = [input.panels[0]!, { ...input.panels[1]!, size: { min: 2, max: 3 }, pinned: { presenters: ["ru04"] } }];
    const p = program(input);
    const checks = runNecessaryChecks(p);
    const failing = checks.filter((c) => !c.ok);
    // ru04 must present twice but may join only P1 (P2 is recorded), and is pinned onto P2.
    expect(failing.map((c) => c.code).sort()).toEqual(["participant-panels", "pinned"]);
    expect(failing.every((c) => c.sensitive === true)).toBe(true);
    // A check the at-risk rules do not touch is published as it is.
    const seats = checks.find((c) => c.code === "seats")!;
    expect(seats.sensitive).toBeUndefined();
    // With nobody at risk neither failure exists: the marking is exactly "not there without at-risk".
    expect(runNecessaryChecks(withoutAtRisk(p)).filter((c) => !c.ok)).toEqual([]);

    const text = formatExplanation({ verdict: "infeasible", checks, conflicts: [], conflictsMinimal: false, relaxations: [], stats: { solves: 0, timeMs: 0, timedOut: false } }, { showPassing: true });
    expect(text).not.toContain("ru04");
    expect(text).not.toContain("P2");
    expect(text).toContain(`Why (each of these alone rules out every solution):\n  - ${WITHHELD}\n`);
    expect(text).toContain(seats.message);
  });
});

describe("relaxations", () => {
  it("rank who might chair without regard to who is at risk, so the ids they list reveal nothing", () => {
    const input: ProgramInput = {
      slots: [{ id: "S1" }, { id: "S2" }],
      participants: ["a", "b", "c", "d", "e", "f"].map((id, k) => ({ id, nationalities: [k % 2 === 0 ? "US" : "DE"], atRisk: id === "a" })),
      panels: [
        { id: "P1", slot: "S1", recorded: true, size: { min: 1, max: 3 } },
        { id: "P2", slot: "S2", size: { min: 1, max: 3 } },
      ],
      policy: { chair: true },
    };
    const p = program(input);
    const chairs = (q: typeof p) => relaxationAxes(q).find((a) => a.path === "participants[].mayChair")!;
    const [withRisk, without] = [chairs(p), chairs(withoutAtRisk(p))];
    for (const n of withRisk.steps) expect(withRisk.describe(n)).toBe(without.describe(n));
    expect(withRisk.describe(1)).toContain("for a)");
  });
});

describe("--reveal-at-risk: the organiser sees the cause and its fix", () => {
  it("names the at-risk default and the recorded panel, with fixes that work", async () => {
    const p = program(atRiskInput({ atRisk: true }));
    const explanation = await explainProgram(p, { oracle });
    const fixes = explanation.relaxations.filter((r) => r.sensitive === true);
    expect(fixes.map((r) => r.message).sort()).toEqual([
      'let the at-risk ru04 take part in dialogue panels (participants[0].dialogue: "in"; at risk, they are kept off them unless they say so), if they agree',
      "stop recording P2 (panels[1].recorded: false), so the at-risk ru04 may sit there",
    ]);
    // Each fix, applied, makes the program feasible (brute force, independent of the explainer's own verdicts).
    for (const fix of fixes) {
      const axis = relaxationAxes(p).find((a) => a.path === fix.path)!;
      expect(await oracle(axis.apply(p, fix.to), 10_000)).toBe("feasible");
    }
    const revealed = formatExplanation(explanation, { revealSensitive: true, revealFlag: "--reveal-at-risk" });
    expect(revealed).toContain("ru04 is kept off dialogue panels (at-risk default)  [participants[0].dialogue]");
    expect(revealed).toContain("P2 is recorded, so the at-risk ru04 may not sit on it  [panels[1].recorded]");
    expect(revealed).toContain("  - stop recording P2 (panels[1].recorded: false), so the at-risk ru04 may sit there\n");
    expect(revealed).not.toContain(WITHHELD);
    // By default the same explanation withholds all of it, and says how an organiser gets it.
    const withheld = formatExplanation(explanation, { revealFlag: "--reveal-at-risk" });
    expect(withheld).not.toContain("ru04");
    expect(withheld).toContain("Withheld: a cause that would tell who is at risk. --reveal-at-risk names it and how to fix it (organisers only).");
  });

  it("says why an at-risk participant cannot be seated, and how to unpin or unrecord", async () => {
    // ru04 wrote dialogue "in", so only the recorded panel stands in the way.
    const input = atRiskInput({ atRisk: true, dialogue: "in" });
    input.participants = input.participants.map((x) => (x.id === "ru04" ? { ...x, presents: 2 } : x));
    input.panels = [input.panels[0]!, { ...input.panels[1]!, size: { min: 2, max: 3 }, pinned: { presenters: ["ru04"] } }];
    const p = program(input);
    const explanation = await explainProgram(p, { oracle });
    const revealed = formatExplanation(explanation, { revealSensitive: true });
    expect(revealed).toContain("ru04 must present 2 times but may present on 1 panel in only 1 distinct slot (at risk, so kept off the recorded panels P2)");
    expect(revealed).toContain("ru04 is pinned as presenter on P2, which is recorded, but is at risk: unpin them (panels[1].pinned.presenters[0]) or stop recording P2 (panels[1].recorded: false)");
    // The at-risk fixes are tried first when only at-risk causes fail, so they are found within the budget.
    expect(explanation.relaxations[0]).toMatchObject({ path: "panels[].recorded", to: 1, smallest: true, sensitive: true });
    expect(formatExplanation(explanation)).not.toMatch(/ru04|P2/);
  });

  it("through the CLI: explain --reveal-at-risk names them, plain explain does not, both say they are for organisers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tracktwo-reveal-"));
    const file = join(dir, "p.json");
    writeFileSync(file, JSON.stringify(atRiskInput({ atRisk: true })));
    const run = async (...argv: string[]) => {
      let out = "";
      const code = await main(["explain", file, "--solver", "mip", "--time-limit", "20", ...argv], { stdout: (t) => void (out += t), stderr: () => undefined, isTty: false });
      return { code, out };
    };
    const plain = await run();
    expect(plain.code).toBe(1);
    expect(plain.out.split("\n")[0]).toBe("Audience: organisers only (contains nationalities, opt-outs and safety information; do not publish)");
    expect(plain.out).not.toContain("ru04");
    const revealed = await run("--reveal-at-risk");
    expect(revealed.out).toContain("stop recording P2 (panels[1].recorded: false), so the at-risk ru04 may sit there");
    const json = JSON.parse((await run("--reveal-at-risk", "--json")).out) as { audience: string; relaxations: { message: string }[] };
    expect(json.audience).toBe("organisers");
    expect(json.relaxations.some((r) => r.message.includes("ru04"))).toBe(true);
  });
});
