// The whatif, sweep and explain commands end to end on tiny programs: output, files, exit codes, and usage errors.
// One test spawns the real CLI under tsx, so worker threads are exercised the way users run them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { command as explain } from "../../../src/cli/commands/explain.js";
import { command as sweep } from "../../../src/cli/commands/sweep.js";
import { command as whatif } from "../../../src/cli/commands/whatif.js";
import type { CliIo, Command } from "../../../src/cli/io.js";
import type { ProgramInput } from "../../../src/model/schema.js";

async function run(command: Command, args: string[], signal?: AbortSignal): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: false, ...(signal === undefined ? {} : { signal }) };
  const code = await command.run(args, io);
  return { code, out, err };
}

/** Four presenters, two panels of 2: UA+RU make one dialogue panel; keep-apart a-b forbids it. */
const base: ProgramInput = {
  participants: [
    { id: "a", nationalities: ["UA"] },
    { id: "b", nationalities: ["RU"] },
    { id: "c", nationalities: ["GE"] },
    { id: "d", nationalities: ["US"] },
  ],
  panels: [{ id: "P1", size: { min: 2, max: 2 } }, { id: "P2", size: { min: 2, max: 2 } }],
  policy: { nationality: { maxShare: 0.5 }, dialogue: { pairs: [{ between: ["RU", "UA"], weight: 5 }] } },
};

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "tracktwo-whatif-"));
  writeFileSync(join(dir, "base.json"), JSON.stringify(base));
  writeFileSync(join(dir, "same.yaml"), "base: base.json\nbaseline: published.json\n");
  writeFileSync(join(dir, "apart.yaml"), "name: apart\nbase: base.json\nbaseline: published.json\nchanges:\n  - keepApart: [a, b]\n");
  writeFileSync(join(dir, "gone.yaml"), "base: base.json\nchanges:\n  - withdraw: [a, b]\n");
  // A change that sets a value to what it was: still a question to solve (an unchanged scenario keeps its baseline).
  writeFileSync(join(dir, "tweak.yaml"), "base: base.json\nbaseline: published.json\nchanges:\n  - set: { policy.nationality.maxShare: 0.5 }\n");
  writeFileSync(
    join(dir, "published.json"),
    JSON.stringify({ status: "optimal", solver: "mip", panels: [{ id: "P1", presenters: ["a", "b"] }, { id: "P2", presenters: ["c", "d"] }] }),
  );
  return dir;
}

describe("tracktwo whatif", () => {
  it("prints one comparison table, writes solutions and diffs, and explains the infeasible scenario", async () => {
    const dir = workspace();
    const out = join(dir, "out");
    const result = await run(whatif, [join(dir, "same.yaml"), join(dir, "apart.yaml"), join(dir, "gone.yaml"), "--solver", "mip", "--jobs", "1", "--out-dir", out, "--moves"]);
    expect(result.code).toBe(1); // one scenario is infeasible
    const lines = result.out.split("\n");
    expect(lines[0]).toBe("Audience: organisers only (contains nationalities, opt-outs and safety information; do not publish)");
    expect(lines[2]).toMatch(/^\| scenario +\| status +\| total \| dialogue \|.*\| RU-UA panels \| moved \|$/);
    // Nothing changed: the baseline is kept as it is (feasible: the baseline file's own "optimal" is not re-proven).
    expect(lines.find((l) => l.startsWith("| same "))).toMatch(/\| feasible +\| +5 \| +5 \|.*\| +1 \| +0 \|$/);
    // Keeping a and b apart ends the only dialogue panel; a and b (or c and d) change panels.
    expect(lines.find((l) => l.startsWith("| apart "))).toMatch(/\| optimal +\| +-2 \| +0 \|.*\| +0 \| +2 \|$/);
    expect(lines.find((l) => l.startsWith("| gone "))).toMatch(/\| infeasible +\| +- \|/);
    expect(result.out).toContain("2 presentations but the 2 panels need at least 4 presenters");
    expect(result.out).toMatch(/apart: 2 moved\n {2}\w: presenter P\d -> presenter P\d/);

    // The diff is for organisers (who moved can tell who is at risk) and says so first; the solution is public and
    // carries no explanation (the table's explanation is for organisers).
    const diff = JSON.parse(readFileSync(join(out, "apart.diff.json"), "utf8")) as { audience: string; moved: number; moves: unknown[] };
    expect(Object.keys(diff)[0]).toBe("audience");
    expect(diff.audience).toBe("organisers");
    expect(diff.moved).toBe(2);
    expect(diff.moves).toHaveLength(2);
    const solution = JSON.parse(readFileSync(join(out, "gone.solution.json"), "utf8")) as { audience: string; status: string; explanation: unknown };
    expect(solution.audience).toBe("public");
    expect(solution.status).toBe("infeasible");
    expect(solution.explanation).toBeNull();
  });

  it("reports an unknown id with the scenario file and the change index, and exits 2", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "typo.yaml"), "base: base.json\nchanges:\n  - withdraw: a\n  - optOut: { participant: zz, nationalities: [RU] }\n");
    const result = await run(whatif, [join(dir, "typo.yaml"), "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`${join(dir, "typo.yaml")}: changes[1].optOut.participant: unknown participant "zz"; expected the id of a participant in the base program (after earlier changes)\n`);
  });

  it("rejects bad options as usage errors", async () => {
    const dir = workspace();
    expect((await run(whatif, [])).code).toBe(2);
    expect((await run(whatif, [join(dir, "same.yaml"), "--solver", "magic"])).err).toContain('unknown solver "magic"');
    expect((await run(whatif, [join(dir, "same.yaml"), "--max-moves", "1.5"])).code).toBe(2);
    const zero = await run(whatif, [join(dir, "same.yaml"), "--jobs", "0"]);
    expect([zero.code, zero.err]).toEqual([2, 'tracktwo: --jobs: "0" is out of range; expected a whole number >= 1\n']);
  });

  it("rejects --max-moves when a scenario has no baseline, naming each such scenario, with the other input problems", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "typo.yaml"), "base: base.json\nchanges:\n  - withdraw: zz\n");
    writeFileSync(join(dir, "plain.yaml"), "base: base.json\n");
    const result = await run(whatif, [join(dir, "same.yaml"), join(dir, "gone.yaml"), join(dir, "plain.yaml"), join(dir, "typo.yaml"), "--max-moves", "1", "--jobs", "1"]);
    expect(result.code).toBe(2);
    const lines = result.err.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/typo\.yaml: changes\[0\]\.withdraw: unknown participant "zz"/),
      `${join(dir, "gone.yaml")}: baseline: --max-moves 1 needs a baseline to count moves against, and this scenario has none; expected a baseline solution path in the scenario, or no --max-moves`,
      `${join(dir, "plain.yaml")}: baseline: --max-moves 1 needs a baseline to count moves against, and this scenario has none; expected a baseline solution path in the scenario, or no --max-moves`,
    ]);
    expect(result.out).toBe("");
    // Every scenario with a baseline: the cap applies.
    expect((await run(whatif, [join(dir, "same.yaml"), "--max-moves", "1", "--jobs", "1", "--solver", "mip", "--out-dir", join(dir, "o")])).code).toBe(0);
  });

  it("reports unknown ids in the baseline as input problems of the baseline file, exit 2", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "wrong.json"), JSON.stringify({ status: "optimal", solver: "mip", panels: [{ id: "P1", presenters: ["a", "zz"] }, { id: "P7", presenters: ["c", "d"] }] }));
    writeFileSync(join(dir, "w.yaml"), "base: base.json\nbaseline: wrong.json\n");
    const result = await run(whatif, [join(dir, "w.yaml"), "--jobs", "1"]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `${join(dir, "wrong.json")}: panels[0].presenters[1]: unknown participant "zz"; expected the id of a participant in the base program base.json of ${join(dir, "w.yaml")}\n` +
        `${join(dir, "wrong.json")}: panels[1].id: unknown panel "P7"; expected the id of a panel in the base program base.json of ${join(dir, "w.yaml")}\n`,
    );
  });

  it("says that the move cap cannot be met, with the fewest moves in the right number", async () => {
    const dir = workspace();
    // Panels of 1 to 3 and no nationality caps: keeping a and b apart takes one move; of exactly 2: a swap, two moves.
    const flex = {
      ...base,
      panels: [{ id: "P1", size: { min: 1, max: 3 } }, { id: "P2", size: { min: 1, max: 3 } }],
      policy: { ...base.policy, nationality: { maxShare: 1, minDistinct: 1 } },
    };
    writeFileSync(join(dir, "flex.json"), JSON.stringify(flex));
    writeFileSync(join(dir, "flex.yaml"), "base: flex.json\nbaseline: published.json\nchanges:\n  - keepApart: [a, b]\n");
    const one = await run(whatif, [join(dir, "flex.yaml"), "--max-moves", "0", "--solver", "mip", "--jobs", "1", "--out-dir", join(dir, "o")]);
    expect(one.code).toBe(1);
    expect(one.out).toContain(
      "flex:\n  The move cap cannot be met: the changed program can be solved, but only with at least 1 move against the baseline, and maxMoves is 0.\n\n  Smallest change that makes it feasible: allow 1 move (maxMoves 1)\n",
    );
    const two = await run(whatif, [join(dir, "apart.yaml"), "--max-moves", "1", "--solver", "mip", "--jobs", "1", "--out-dir", join(dir, "o")]);
    expect(two.code).toBe(1);
    expect(two.out).toContain("The move cap cannot be met: the changed program can be solved, but only with at least 2 moves against the baseline, and maxMoves is 1.");
    expect(two.out).toContain("allow 2 moves (maxMoves 2)");
    for (const text of [one.out, two.out]) expect(text).not.toContain("The program is infeasible");
  });

  for (const jobs of [1, 2]) {
    it(`after Ctrl-C still prints and writes what was solved or cut short, and names the rest (jobs ${jobs})`, { timeout: 60_000 }, async () => {
      const dir = workspace();
      const out = join(dir, "o");
      // Ten-minute local searches: only the abort ends them. It comes once the first `jobs` scenarios are running.
      const result = await run(
        whatif,
        [join(dir, "tweak.yaml"), join(dir, "apart.yaml"), join(dir, "gone.yaml"), "--solver", "search", "--time-limit", "600", "--jobs", String(jobs), "--out-dir", out],
        AbortSignal.timeout(1500),
      );
      const ran = ["tweak", "apart"].slice(0, jobs);
      const skipped = ["tweak", "apart", "gone"].slice(jobs);
      expect(result.code).toBe(1);
      for (const name of ran) {
        expect(result.out).toMatch(new RegExp(`\\| ${name} +\\| feasible`));
        expect(existsSync(join(out, `${name}.solution.json`))).toBe(true);
      }
      for (const name of skipped) {
        expect(result.out).not.toContain(`| ${name} `);
        expect(existsSync(join(out, `${name}.solution.json`))).toBe(false);
      }
      expect(result.err).toBe(`tracktwo whatif: interrupted; cut short (best found so far): ${ran.join(", ")}; not run: ${skipped.join(", ")}\n`);
    });
  }

  it("runs on worker threads from the real CLI under tsx", () => {
    const dir = workspace();
    const root = resolve(import.meta.dirname, "../../..");
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "src/cli/bin.ts"), "whatif", join(dir, "same.yaml"), join(dir, "apart.yaml"), "--solver", "mip", "--jobs", "2", "--out-dir", join(dir, "o")],
      { cwd: root, encoding: "utf8", timeout: 120_000 },
    );
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/\| same +\| feasible/);
    expect(child.stdout).toMatch(/\| apart +\| optimal/);
    expect(existsSync(join(dir, "o", "apart.diff.json"))).toBe(true);
  });
});

describe("tracktwo sweep", () => {
  it("solves one program per value and writes the CSV", async () => {
    const dir = workspace();
    const csv = join(dir, "sweep.csv");
    const result = await run(sweep, [join(dir, "base.json"), "--set", "policy.dialogue.pairs[0].weight=1:3:1", "--solver", "mip", "--jobs", "1", "--csv", csv]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^\| policy\.dialogue\.pairs\[0\]\.weight \| status/m);
    expect(readFileSync(csv, "utf8").split("\r\n").slice(0, 5)).toEqual([
      "\uFEFF# Audience: organisers only (contains nationalities; opt-outs and safety information; do not publish)",
      "policy.dialogue.pairs[0].weight,status,total,dialogue,diversity,topicFit,affinity,RU-UA panels",
      "1,optimal,1,1,2,0,0,1",
      "2,optimal,2,2,2,0,0,1",
      "3,optimal,3,3,2,0,0,1",
    ]);
  });

  it("sweeps JSON list values, split only on the commas between them", async () => {
    const dir = workspace();
    const csv = join(dir, "sweep.csv");
    const result = await run(sweep, [join(dir, "base.json"), "--set", 'policy.separate=[],[["RU","UA"]],[["RU","UA"],["GE","US"]]', "--solver", "mip", "--jobs", "1", "--csv", csv]);
    expect(result.code).toBe(0);
    expect(readFileSync(csv, "utf8").split("\r\n").map((l) => l.split(",optimal,")[0])).toEqual([
      "\uFEFF# Audience: organisers only (contains nationalities; opt-outs and safety information; do not publish)",
      "policy.separate,status,total,dialogue,diversity,topicFit,affinity,RU-UA panels",
      "[]",
      '"[[""RU"",""UA""]]"',
      '"[[""RU"",""UA""],[""GE"",""US""]]"',
      "",
    ]);
    // Separating RU from UA ends the dialogue panel.
    expect(readFileSync(csv, "utf8")).toContain('"[[""RU"",""UA""]]",optimal,0,0,');
  });

  it("exits 1 when no value produced a solution, 0 when one did", async () => {
    const dir = workspace();
    // UA kept from every other nation: no panel of two can hold a.
    const apart = '[["UA","GE"],["UA","US"],["UA","RU"]]';
    const none = await run(sweep, [join(dir, "base.json"), "--set", `policy.separate=${apart}`, "--solver", "mip", "--jobs", "1", "--csv", join(dir, "x.csv")]);
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/\| infeasible \|/);
    const some = await run(sweep, [join(dir, "base.json"), "--set", `policy.separate=${apart},[]`, "--solver", "mip", "--jobs", "1", "--csv", join(dir, "y.csv")]);
    expect(some.code).toBe(0);
  });

  it("reports an invalid value as input", async () => {
    const dir = workspace();
    const result = await run(sweep, [join(dir, "base.json"), "--set", "policy.nationality.maxShare=0:1:0.5", "--jobs", "1", "--csv", join(dir, "x.csv")]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("policy.nationality.maxShare=0");
  });

  it("names an unknown policy path once, whatever the number of values", async () => {
    const dir = workspace();
    const result = await run(sweep, [join(dir, "base.json"), "--set", "policy.nope=1:3:1", "--jobs", "1", "--csv", join(dir, "x.csv")]);
    expect(result.code).toBe(2);
    expect(result.err).toBe('--set: policy.nope: policy has no setting "nope"; expected a path such as policy.nationality.maxShare\n');
    const nested = await run(sweep, [join(dir, "base.json"), "--set", "policy.nationality.nope=1,2", "--jobs", "1", "--csv", join(dir, "x.csv")]);
    expect(nested.err.trim().split("\n")).toEqual(['--set: policy.nationality.nope: policy.nationality has no setting "nope"; expected a path such as policy.nationality.maxShare']);
    expect(existsSync(join(dir, "x.csv"))).toBe(false);
  });

  it("rejects --jobs 0 as a usage error", async () => {
    const dir = workspace();
    const result = await run(sweep, [join(dir, "base.json"), "--set", "policy.nationality.maxShare=0.5", "--jobs", "0", "--csv", join(dir, "x.csv")]);
    expect([result.code, result.err]).toEqual([2, 'tracktwo: --jobs: "0" is out of range; expected a whole number >= 1\n']);
  });

  it("after Ctrl-C writes the CSV rows of the values solved or cut short", { timeout: 60_000 }, async () => {
    const dir = workspace();
    const csv = join(dir, "sweep.csv");
    const result = await run(
      sweep,
      [join(dir, "base.json"), "--set", "policy.dialogue.pairs[0].weight=1:3:1", "--solver", "search", "--time-limit", "600", "--jobs", "1", "--csv", csv],
      AbortSignal.timeout(1500),
    );
    expect(result.code).toBe(0);
    const lines = readFileSync(csv, "utf8").replace(/\r\n$/, "").split("\r\n");
    expect(lines.map((l) => l.split(",")[0])).toEqual(["\uFEFF# Audience: organisers only (contains nationalities; opt-outs and safety information; do not publish)", "policy.dialogue.pairs[0].weight", "1"]);
    expect(result.err).toContain("not run: policy.dialogue.pairs[0].weight=2, policy.dialogue.pairs[0].weight=3");
  });
});

describe("tracktwo explain", () => {
  it("shows the checks that pass and exits 0 for a feasible program", async () => {
    const dir = workspace();
    const result = await run(explain, [join(dir, "base.json")]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("The program is feasible.");
    expect(result.out).toContain("4 presentations fit the 2 panels (4 to 4 presenter seats) - fine");
  });

  it("names the conflict and exits 1 for an infeasible program", async () => {
    const dir = workspace();
    const file = join(dir, "clash.json");
    writeFileSync(file, JSON.stringify({ ...base, policy: { ...base.policy, separate: [["UA", "GE"], ["UA", "US"], ["UA", "RU"]] } }));
    const result = await run(explain, [file, "--solver", "mip"]);
    expect(result.code).toBe(1);
    expect(result.out).toContain("cannot all hold together (minimal)");
    expect(result.out).toContain("separate UA from");
    const json = await run(explain, [file, "--solver", "mip", "--json"]);
    expect((JSON.parse(json.out) as { verdict: string }).verdict).toBe("infeasible");
  });
});
