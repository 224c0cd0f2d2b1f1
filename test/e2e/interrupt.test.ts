// Ctrl-C on the real process: a child runs `tracktwo solve` from the sources (src/cli/bin.ts under tsx) and gets
// a real SIGINT. The first one says at once whether there is something to write and the best found is written and
// checked; a second one ends the process at once, writing nothing; one before anything was found says so (130).
// Every solve is given ten minutes, so only a working interrupt lets these tests end within their timeouts.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSolution } from "../../src/check/check.js";
import { generateProgram } from "../../src/generate/generate.js";
import { validateProgram } from "../../src/model/load.js";
import type { Program, ProgramInput } from "../../src/model/schema.js";
import { SolutionSchema } from "../../src/model/solution.js";

const root = join(import.meta.dirname, "..", "..");

interface Run {
  readonly child: ChildProcess;
  /** Resolves with the stderr seen so far once it matches. */
  readonly waitFor: (pattern: RegExp) => Promise<string>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function solve(...args: string[]): Run {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "src", "cli", "bin.ts"), "solve", ...args, "--progress"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: (text: string) => void }[] = [];
  child.stdout!.on("data", (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(stderr)) waiter.resolve(stderr);
      else waiters.push(waiter);
    }
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      if (pattern.test(stderr)) return resolve(stderr);
      waiters.push({ pattern, resolve });
      void exit.then(() => reject(new Error(`exited before ${pattern}; stderr:\n${stderr}`)));
    });
  return { child, waitFor, exit };
}

function load(input: ProgramInput): Program {
  const loaded = validateProgram(input, "t.json");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tracktwo-interrupt-"));
});

describe("Ctrl-C on tracktwo solve", () => {
  it("the first says it is finishing with the best so far, which is written, checked, and exit 0", { timeout: 180_000 }, async () => {
    const input = generateProgram({ participants: 300, seed: 2 });
    const file = join(dir, "g300.json");
    const out = join(dir, "g300.solution.json");
    writeFileSync(file, JSON.stringify(input));
    const run = solve(file, "--solver", "search", "--time-limit", "600", "--out", out);
    await run.waitFor(/^progress: best \d+/m);
    run.child.kill("SIGINT");
    const { code, stdout, stderr } = await run.exit;
    expect(stderr).toMatch(/^tracktwo: interrupted; finishing with the best found so far \(objective \d+\); Ctrl-C again quits at once and writes nothing$/m);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^status feasible \(not proven optimal\)/m);
    const solution = SolutionSchema.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(solution.status).toBe("feasible");
    expect(checkSolution(load(input), solution.panels)).toEqual([]);
  });

  it("before anything was found it says so, writes nothing and exits 130", { timeout: 120_000 }, async () => {
    // Infeasible (the only panel seats exactly two people who must be kept apart): the local search never finds
    // a solution and cannot prove that none exists, so it would search for the whole ten minutes.
    const file = join(dir, "apart.json");
    const out = join(dir, "apart.solution.json");
    writeFileSync(file, JSON.stringify({
      participants: [{ id: "a", nationalities: ["UA"] }, { id: "b", nationalities: ["DE"] }],
      panels: [{ id: "P1", size: { min: 2, max: 2 } }],
      policy: { keepApart: [["a", "b"]] },
    }));
    const run = solve(file, "--solver", "search", "--time-limit", "600", "--out", out);
    await run.waitFor(/^progress: solving with search/m);
    run.child.kill("SIGINT");
    const { code, stdout, stderr } = await run.exit;
    expect(stderr).toContain("tracktwo: interrupted before anything was found; stopping (Ctrl-C again quits at once)\n");
    expect(stderr).toContain("tracktwo solve: interrupted before any solution was found; nothing written\n");
    expect(code).toBe(130);
    expect(stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("a second ends the process at once (killed by SIGINT, 130 in a shell), writing nothing", { timeout: 240_000 }, async () => {
    // 6,000 participants: checking, scoring and writing the best take long enough for the second Ctrl-C to land
    // while the first is still finishing.
    const file = join(dir, "g6000.json");
    const out = join(dir, "g6000.solution.json");
    writeFileSync(file, JSON.stringify(generateProgram({ participants: 6000, seed: 1 })));
    const run = solve(file, "--solver", "search", "--time-limit", "600", "--out", out);
    await run.waitFor(/^progress: best \d+/m);
    run.child.kill("SIGINT");
    await run.waitFor(/finishing with the best found so far/);
    run.child.kill("SIGINT");
    const { code, signal, stdout } = await run.exit;
    expect({ code, signal }).toEqual({ code: null, signal: "SIGINT" });
    expect(stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});
