// `npm run bench:cli -- [--runs N] [--long] [--out DIR]`: the command itself, each comparison side by side in one
// run, alternating the variants so that a change of load hits both alike:
// 1. start-up: `tracktwo --help`, `--version` and `solve --help` from the built package (what `npm install` puts on
//    the PATH: node dist/cli/bin.js) against the same command through tsx (node --import tsx src/cli/bin.ts);
// 2. the whole-command clock: a generated 6,000-participant convention solved with --time-limit 5 (and 60 with
//    --long), the wall clock of the whole process against the limit;
// 3. Ctrl-C at 6,000 participants: from SIGINT to the solution file on disk, and to the process's exit.
// The load average is recorded around every section: other work on the machine slows everything down.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { generateProgram } from "../src/generate/generate.js";
import { machineInfo, machineSlug, revision } from "./machine.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = "usage: npm run bench:cli -- [--runs N] [--long] [--out DIR]";
const run = promisify(execFile);

const BUILT = [join(ROOT, "dist", "cli", "bin.js")];
const SOURCES = ["--import", "tsx", join(ROOT, "src", "cli", "bin.ts")];

interface Timing {
  readonly label: string;
  readonly ms: number[];
}

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: { runs: { type: "string", default: "10" }, long: { type: "boolean", default: false }, out: { type: "string" } },
    }));
  } catch (error) {
    process.stderr.write(`bench:cli: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(runs) || runs < 1) {
    process.stderr.write(`bench:cli: --runs: "${values.runs}" is not a positive whole number\n${USAGE}\n`);
    return 2;
  }
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  const machine = machineInfo();
  const date = new Date().toISOString();
  say(`# tracktwo bench:cli, ${date.slice(0, 10)}`);
  say("");
  say(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; commit ${revision(ROOT)?.commit ?? "unknown"}`);

  // dist/ must be the build of these sources, or the comparison compares two programs.
  await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT });

  say("");
  say(`## Start-up (${runs} runs each, alternating; ${load()})`);
  say("");
  say("| command | built package (median, min-max) | through tsx (median, min-max) | tsx / built |");
  say("|---|---:|---:|---:|");
  const startups: { command: string; built: Timing; tsx: Timing }[] = [];
  for (const args of [["--help"], ["--version"], ["solve", "--help"]]) {
    const built: Timing = { label: "built", ms: [] };
    const tsx: Timing = { label: "tsx", ms: [] };
    for (let k = 0; k < runs; k++) {
      built.ms.push(await wallMs([...BUILT, ...args]));
      tsx.ms.push(await wallMs([...SOURCES, ...args]));
    }
    startups.push({ command: `tracktwo ${args.join(" ")}`, built, tsx });
    say(`| \`tracktwo ${args.join(" ")}\` | ${spread(built.ms)} | ${spread(tsx.ms)} | ${(median(tsx.ms) / median(built.ms)).toFixed(1)}x |`);
  }
  say(`(load after: ${load()})`);

  const work = mkdtempSync(join(os.tmpdir(), "tracktwo-bench-cli-"));
  const program = join(work, "generated-6000.json");
  writeFileSync(program, JSON.stringify(generateProgram({ participants: 6000, seed: 1 })));
  say("");
  say("## Whole-command clock, generated 6,000 participants (seed 1), built package, `--solver auto`");
  say("");
  say("| --time-limit | run | wall clock | over the limit | solveProgram's own time | objective | load before |");
  say("|---:|---:|---:|---:|---:|---:|---|");
  const clocks: { limitS: number; wallMs: number; solveMs: number; objective: number | null; load: string }[] = [];
  for (const limitS of values.long ? [5, 60] : [5]) {
    for (let k = 1; k <= (limitS > 10 ? 1 : 3); k++) {
      const before = load();
      const out = join(work, `solution-${limitS}-${k}.json`);
      const wall = await wallMs([...BUILT, "solve", program, "--time-limit", String(limitS), "--out", out]);
      const solution = JSON.parse(readFileSync(out, "utf8")) as { stats: { timeMs: number }; objective: { total: number } | null };
      clocks.push({ limitS, wallMs: wall, solveMs: solution.stats.timeMs, objective: solution.objective?.total ?? null, load: before });
      say(`| ${limitS} s | ${k} | ${seconds(wall)} | ${seconds(wall - limitS * 1000)} | ${seconds(solution.stats.timeMs)} | ${solution.objective?.total ?? "-"} | ${before} |`);
    }
  }

  say("");
  say("## Ctrl-C at 6,000 participants (built package, `--solver search --time-limit 600`, SIGINT 1 s after the first solution)");
  say("");
  say("| run | SIGINT to solution file written | SIGINT to exit | exit code | load before |");
  say("|---:|---:|---:|---:|---|");
  const interrupts: { writtenMs: number | null; exitMs: number; code: number | null; load: string }[] = [];
  for (let k = 1; k <= 3; k++) {
    const before = load();
    const measured = await interrupt(program, join(work, `interrupted-${k}.json`));
    interrupts.push({ ...measured, load: before });
    say(`| ${k} | ${measured.writtenMs === null ? "not written" : seconds(measured.writtenMs)} | ${seconds(measured.exitMs)} | ${measured.code} | ${before} |`);
  }

  const outDir = values.out === undefined ? join(ROOT, "bench", "results") : resolve(values.out);
  mkdirSync(outDir, { recursive: true });
  const stem = `${date.slice(0, 10)}-${machineSlug(machine)}-cli`;
  writeFileSync(join(outDir, `${stem}.md`), `${lines.join("\n")}\n`);
  writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify({ date, machine, revision: revision(ROOT), runs, startups, clocks, interrupts }, null, 1)}\n`);
  process.stdout.write(`wrote ${relative(process.cwd(), join(outDir, stem))}.md and .json\n`);
  return 0;
}

/** Wall clock of one `node ...args` process, start to exit, in milliseconds. */
async function wallMs(args: readonly string[]): Promise<number> {
  const started = performance.now();
  await run(process.execPath, [...args], { cwd: ROOT, maxBuffer: 64 << 20 });
  return performance.now() - started;
}

/** Starts a long solve, sends SIGINT 1 s after its first solution, and times the file and the exit from there. */
function interrupt(program: string, out: string): Promise<{ writtenMs: number | null; exitMs: number; code: number | null }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [...BUILT, "solve", program, "--solver", "search", "--time-limit", "600", "--out", out, "--progress"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let sentAt: number | null = null;
    let writtenMs: number | null = null;
    let poll: NodeJS.Timeout | undefined;
    child.stderr.on("data", (chunk: Buffer) => {
      if (sentAt !== null || !chunk.toString().includes("progress: best")) return;
      setTimeout(() => {
        sentAt = performance.now();
        child.kill("SIGINT");
        poll = setInterval(() => {
          if (writtenMs === null && existsSync(out)) writtenMs = performance.now() - sentAt!;
        }, 2);
      }, 1000);
    });
    child.on("close", (code) => {
      clearInterval(poll);
      const exitMs = performance.now() - (sentAt ?? performance.now());
      if (writtenMs === null && existsSync(out)) writtenMs = exitMs;
      resolvePromise({ writtenMs, exitMs, code });
    });
  });
}

function load(): string {
  return `load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function spread(ms: readonly number[]): string {
  return `${Math.round(median(ms))} ms (${Math.round(Math.min(...ms))}-${Math.round(Math.max(...ms))})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

process.exitCode = await main(process.argv.slice(2));
