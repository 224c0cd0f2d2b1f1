// `npm run bench:cli -- [--runs N] [--long] [--clock-only] [--out DIR]`: the command itself, each comparison side by side in one
// run, alternating the variants so that a change of load hits both alike:
// 1. start-up: `tracktwo --help`, `--version` and `solve --help` from the built package (what `npm install` puts on
//    the PATH: node dist/cli/bin.js) against the same command through tsx (node --import tsx src/cli/bin.ts);
// 2. the whole-command clock: the shipped 400-participant convention at --time-limit 1, 2 and 3, generated
//    conventions of 1,500 and 6,000 participants at 2, 5 and 10 (6,000 also at 60 with --long), the wall clock of
//    the whole process against the limit;
// 3. Ctrl-C at 6,000 participants, after the first solution, while loading and during the first construction: from
//    SIGINT to the line answering it, to the solution file on disk, and to the process's exit.
// The load average is recorded around every section: other work on the machine slows everything down.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { generateProgram } from "../src/generate/generate.js";
import { machineInfo, machineSlug, median, revision } from "./machine.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const USAGE = "usage: npm run bench:cli -- [--runs N] [--long] [--clock-only] [--out DIR]";
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
      options: {
        runs: { type: "string", default: "10" },
        long: { type: "boolean", default: false },
        "clock-only": { type: "boolean", default: false },
        out: { type: "string" },
      },
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
  // --clock-only: the whole-command clock alone, e.g. to run this script against an older build side by side.
  for (const args of values["clock-only"] ? [] : [["--help"], ["--version"], ["solve", "--help"]]) {
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
  const program1500 = join(work, "generated-1500.json");
  writeFileSync(program1500, JSON.stringify(generateProgram({ participants: 1500, seed: 1 })));
  const convention400 = join(ROOT, "scenarios", "convention-400.yaml");
  say("");
  say("## Whole-command clock, built package, `--solver auto`");
  say("");
  say("| program | --time-limit | run | wall clock | over the limit | solving (library) | status | objective | load before |");
  say("|---|---:|---:|---:|---:|---:|---|---:|---|");
  const clocks: { program: string; limitS: number; wallMs: number; solveMs: number | null; status: string; objective: number | null; load: string }[] = [];
  const cases: [string, string, number, number][] = [
    ["convention-400.yaml", convention400, 1, 2],
    ["convention-400.yaml", convention400, 2, 2],
    ["convention-400.yaml", convention400, 3, 2],
    ["generated 1,500", program1500, 2, 1],
    ["generated 1,500", program1500, 5, 1],
    ["generated 1,500", program1500, 10, 1],
    ["generated 6,000", program, 2, 1],
    ["generated 6,000", program, 5, 3],
    ["generated 6,000", program, 10, 1],
    ...(values.long ? ([["generated 6,000", program, 60, 1]] as [string, string, number, number][]) : []),
  ];
  for (const [name, file, limitS, repeats] of cases) {
    for (let k = 1; k <= repeats; k++) {
      const before = load();
      const out = join(work, `solution-${clocks.length}.json`);
      // The organisers' file, which carries the objective (the public one does not).
      const wall = await wallMs([...BUILT, "solve", file, "--time-limit", String(limitS), "--audience", "organisers", "--out", out], true);
      // Nothing is written when the limit ran out before anything was found.
      const solution = existsSync(out)
        ? (JSON.parse(readFileSync(out, "utf8")) as { status: string; stats: { timeMs: number }; objective?: { total: number } | null })
        : null;
      const row = {
        program: name,
        limitS,
        wallMs: wall,
        solveMs: solution?.stats.timeMs ?? null,
        status: solution?.status ?? "nothing written",
        objective: solution?.objective?.total ?? null,
        load: before,
      };
      clocks.push(row);
      const solving = row.solveMs === null ? "-" : seconds(row.solveMs);
      say(`| ${name} | ${limitS} s | ${k} | ${seconds(wall)} | ${seconds(wall - limitS * 1000)} | ${solving} | ${row.status} | ${row.objective ?? "-"} | ${before} |`);
    }
  }

  say("");
  say("## Ctrl-C at 6,000 participants (built package, `--solver search --time-limit 600`)");
  say("");
  say("Sent 1 s after the first solution (written), as soon as the program is said to be loading, and as soon as the");
  say("solve starts (the first construction; nothing found yet: nothing written, exit 130).");
  say("");
  say("| when | run | SIGINT to answer | SIGINT to solution file written | SIGINT to exit | exit code | load before |");
  say("|---|---:|---:|---:|---:|---:|---|");
  const interrupts: { when: InterruptMoment; answerMs: number | null; writtenMs: number | null; exitMs: number; code: number | null; load: string }[] = [];
  for (const when of values["clock-only"] ? [] : (["after the first solution", "while loading", "during the first construction"] as const)) {
    for (let k = 1; k <= 3; k++) {
      const before = load();
      const measured = await interrupt(program, join(work, `interrupted-${interrupts.length}.json`), when);
      interrupts.push({ when, ...measured, load: before });
      const answer = measured.answerMs === null ? "-" : seconds(measured.answerMs);
      const written = measured.writtenMs === null ? "not written" : seconds(measured.writtenMs);
      say(`| ${when} | ${k} | ${answer} | ${written} | ${seconds(measured.exitMs)} | ${measured.code} | ${before} |`);
    }
  }

  const outDir = values.out === undefined ? join(ROOT, "bench", "results") : resolve(values.out);
  mkdirSync(outDir, { recursive: true });
  const stem = `${date.slice(0, 10)}-${machineSlug(machine)}-cli`;
  writeFileSync(join(outDir, `${stem}.md`), `${lines.join("\n")}\n`);
  writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify({ date, machine, revision: revision(ROOT), runs, startups, clocks, interrupts }, null, 1)}\n`);
  process.stdout.write(`wrote ${relative(process.cwd(), join(outDir, stem))}.md and .json\n`);
  return 0;
}

/** Wall clock of one `node ...args` process, start to exit, in milliseconds (a failing exit code is an error unless allowed). */
async function wallMs(args: readonly string[], anyExitCode = false): Promise<number> {
  const started = performance.now();
  await run(process.execPath, [...args], { cwd: ROOT, maxBuffer: 64 << 20 }).catch((error: { code?: unknown }) => {
    if (!anyExitCode || typeof error.code !== "number") throw error;
  });
  return performance.now() - started;
}

type InterruptMoment = "after the first solution" | "while loading" | "during the first construction";

/** The progress line after which SIGINT is sent, and the delay after it. */
const INTERRUPT_AFTER: Readonly<Record<InterruptMoment, { line: string; delayMs: number }>> = {
  "after the first solution": { line: "progress: best", delayMs: 1000 },
  "while loading": { line: "progress: loading", delayMs: 0 },
  "during the first construction": { line: "progress: solving with", delayMs: 0 },
};

/**
 * Starts a long solve, sends SIGINT at the given moment, and times from there the first line answering it, the
 * solution file and the exit.
 */
function interrupt(program: string, out: string, when: InterruptMoment): Promise<{ answerMs: number | null; writtenMs: number | null; exitMs: number; code: number | null }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [...BUILT, "solve", program, "--solver", "search", "--time-limit", "600", "--out", out, "--progress"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let sentAt: number | null = null;
    let armed = false;
    let answerMs: number | null = null;
    let writtenMs: number | null = null;
    let poll: NodeJS.Timeout | undefined;
    const moment = INTERRUPT_AFTER[when];
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (sentAt !== null && answerMs === null && text.includes("tracktwo: interrupted")) answerMs = performance.now() - sentAt;
      if (armed || !text.includes(moment.line)) return;
      armed = true;
      setTimeout(() => {
        sentAt = performance.now();
        child.kill("SIGINT");
        poll = setInterval(() => {
          if (writtenMs === null && existsSync(out)) writtenMs = performance.now() - sentAt!;
        }, 2);
      }, moment.delayMs);
    });
    child.on("close", (code) => {
      clearInterval(poll);
      const exitMs = performance.now() - (sentAt ?? performance.now());
      if (writtenMs === null && existsSync(out)) writtenMs = exitMs;
      resolvePromise({ answerMs, writtenMs, exitMs, code });
    });
  });
}

function load(): string {
  return `load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

function spread(ms: readonly number[]): string {
  return `${Math.round(median(ms))} ms (${Math.round(Math.min(...ms))}-${Math.round(Math.max(...ms))})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

process.exitCode = await main(process.argv.slice(2));
