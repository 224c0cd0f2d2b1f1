// `npm run bench:bound -- [--sizes 1500,3000,6000] [--seeds 1,2,3] [--time S] [--out DIR]`
// The Lagrangian bound at convention scale, side by side with what it is measured against, in one process per
// generated convention: the counting bound (objectiveBound), and the search's answer after --time seconds on the
// main thread while the Lagrangian bound runs beside it in a worker (auto's arrangement). Reports the bound after
// 10/30/60 s, its gap to that answer, when it first came within 3% of it, the time of one evaluation (a pass over
// every panel) in this thread, and peak RSS. The load average is recorded with every row: other processes share
// the cores, and the search's answer depends on the CPU it gets.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateProgram } from "../src/generate/generate.js";
import { validateProgram } from "../src/model/load.js";
import { normalizeProgram } from "../src/model/normalize.js";
import { solveProgram } from "../src/solve.js";
import { objectiveBound } from "../src/solvers/bounds.js";
import { lagrangianBoundInWorker } from "../src/solvers/lagrangian/beside.js";
import { lagrangianBound } from "../src/solvers/lagrangian/bound.js";
import { formatMs } from "./harness.js";
import { machineInfo, machineSlug, revision, ROOT } from "./machine.js";
import { plantedObjective } from "./suite.js";

const USAGE = "usage: npm run bench:bound -- [--sizes 1500,3000,6000] [--seeds 1,2,3] [--time S] [--out DIR]";
const CHECKPOINTS_S = [10, 30, 60] as const;
/** The gap the issue asks for: a bound within 3% of the best answer found in the time limit. */
const TARGET_GAP = 0.03;

interface BoundPoint {
  readonly ms: number;
  readonly bound: number;
}

interface Row {
  readonly participants: number;
  readonly seed: number;
  readonly panels: number;
  readonly counting: number;
  readonly countingMs: number;
  /** The search's answer (checker's score) after the time limit, null when it found none. */
  readonly answer: number | null;
  readonly planted: number | null;
  readonly bounds: readonly BoundPoint[];
  readonly boundAt: Record<string, number | null>;
  readonly gapAt: Record<string, number | null>;
  /** When the bound first came within TARGET_GAP of the answer (worker clock), null if never. */
  readonly withinTargetMs: number | null;
  /** In this thread, alone: the first evaluation (building the relaxation included), then one pass + evaluation. */
  readonly firstEvaluationMs: number;
  readonly evaluationMs: number;
  readonly peakRssMB: number;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        sizes: { type: "string", default: "1500,3000,6000" },
        seeds: { type: "string", default: "1,2,3" },
        time: { type: "string", default: "60" },
        out: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench:bound: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sizes = integers(values.sizes);
  const seeds = integers(values.seeds);
  const timeS = Number(values.time);
  if (sizes === null || seeds === null || !(timeS > 0)) {
    process.stderr.write(`bench:bound: --sizes and --seeds take comma-separated positive integers, --time a positive number\n${USAGE}\n`);
    return 2;
  }

  const machine = machineInfo();
  const started = new Date();
  const rows: Row[] = [];
  for (const participants of sizes) {
    for (const seed of seeds) {
      const row = await measure(participants, seed, timeS * 1000);
      rows.push(row);
      process.stdout.write(`${rowText(row)}\n`);
    }
  }
  const report = { date: started.toISOString(), machine, revision: revision(), timeLimitS: timeS, rows };
  const dir = resolve(values.out ?? join(ROOT, "bench", "results"));
  mkdirSync(dir, { recursive: true });
  const stem = join(dir, `${started.toISOString().slice(0, 10)}-${machineSlug(machine)}-lagrangian`);
  writeFileSync(`${stem}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${stem}.md`, markdown(report));
  process.stdout.write(`wrote ${stem}.json and .md\n`);
  return 0;
}

async function measure(participants: number, seed: number, timeLimitMs: number): Promise<Row> {
  const loadBefore = os.loadavg();
  const loaded = validateProgram(generateProgram({ participants, seed }), `generated-${participants}-seed-${seed}`);
  if (!loaded.ok) throw new Error(`generated program does not load: ${JSON.stringify(loaded.issues[0])}`);
  const program = loaded.value;
  const problem = normalizeProgram(program);
  const countingStarted = performance.now();
  const counting = objectiveBound(problem);
  const countingMs = performance.now() - countingStarted;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const bounds: BoundPoint[] = [];
  const besideStarted = performance.now();
  const beside = lagrangianBoundInWorker(problem, { timeLimitMs, onBound: (bound) => bounds.push({ ms: performance.now() - besideStarted, bound }) });
  const searched = await solveProgram(program, { solver: "search", timeLimitMs, seed: 1 });
  await beside;
  const answer = searched.objective?.total ?? null;

  // One core, nothing beside it: the first evaluation, then passes.
  let firstEvaluationMs = 0;
  const alone = await lagrangianBound(problem, { timeLimitMs: Number.POSITIVE_INFINITY, maxEvaluations: 3, onBound: (_, ms) => (firstEvaluationMs ||= ms) });
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const boundAt: Record<string, number | null> = {};
  const gapAt: Record<string, number | null> = {};
  for (const s of CHECKPOINTS_S) {
    const known = bounds.filter((b) => b.ms <= s * 1000).map((b) => b.bound);
    const bound = known.length === 0 ? null : Math.min(...known);
    boundAt[`${s}s`] = bound;
    gapAt[`${s}s`] = bound === null || answer === null ? null : (bound - answer) / Math.abs(answer);
  }
  const within = answer === null ? undefined : bounds.find((b) => b.bound <= answer + TARGET_GAP * Math.abs(answer));
  return {
    participants,
    seed,
    panels: problem.panelCount,
    counting,
    countingMs,
    answer,
    planted: plantedObjective(participants, seed)(program),
    bounds,
    boundAt,
    gapAt,
    withinTargetMs: within?.ms ?? null,
    firstEvaluationMs,
    evaluationMs: alone.evaluations > 1 ? (alone.timeMs - firstEvaluationMs) / (alone.evaluations - 1) : alone.timeMs,
    peakRssMB: Math.round(peakRss / 2 ** 20),
    loadBefore,
    loadAfter: os.loadavg(),
  };
}

function integers(text: string): number[] | null {
  const list = text.split(",").map((t) => Number(t.trim()));
  return list.length > 0 && list.every((v) => Number.isInteger(v) && v > 0) ? list : null;
}

const percent = (gap: number | null) => (gap === null ? "-" : `${(gap * 100).toFixed(2)}%`);
const value = (v: number | null) => (v === null ? "-" : String(Math.round(v)));
const load = (l: readonly number[]) => l.map((x) => x.toFixed(1)).join("/");

function cells(row: Row): string[] {
  return [
    String(row.participants),
    String(row.seed),
    value(row.answer),
    value(row.planted),
    value(row.counting),
    percent(row.answer === null ? null : (row.counting - row.answer) / Math.abs(row.answer)),
    row.bounds.length === 0 ? "never" : formatMs(row.bounds[0]!.ms),
    ...CHECKPOINTS_S.map((s) => `${value(row.boundAt[`${s}s`] ?? null)} (${percent(row.gapAt[`${s}s`] ?? null)})`),
    row.withinTargetMs === null ? "never" : formatMs(row.withinTargetMs),
    formatMs(row.firstEvaluationMs),
    formatMs(row.evaluationMs),
    String(row.peakRssMB),
    `${load(row.loadBefore)} → ${load(row.loadAfter)}`,
  ];
}

const HEADER = [
  "participants",
  "seed",
  "search answer",
  "planted",
  "counting bound",
  "counting gap",
  "first bound at",
  ...CHECKPOINTS_S.map((s) => `Lagrangian at ${s} s (gap)`),
  "within 3% at",
  "first evaluation",
  "pass + evaluation",
  "peak RSS MB",
  "load 1/5/15 min",
];

function rowText(row: Row): string {
  return HEADER.map((h, k) => `${h}: ${cells(row)[k]}`).join("; ");
}

function markdown(report: { date: string; machine: ReturnType<typeof machineInfo>; revision: ReturnType<typeof revision>; timeLimitS: number; rows: Row[] }): string {
  const { machine } = report;
  const lines = [
    `# Lagrangian bound at convention scale (${report.date.slice(0, 10)})`,
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. ` +
      `Commit ${report.revision?.commit ?? "unknown"}${report.revision?.dirty ? " (with uncommitted changes)" : ""}.`,
    "",
    `Per generated convention: the search runs ${report.timeLimitS} s on the main thread while the Lagrangian bound runs ` +
      "beside it in a worker (as in `auto`); gaps are (bound − answer) / answer; times are from the worker's start. \"first evaluation\" and \"pass + " +
      "evaluation\" are timed afterwards in the main thread alone. Load averages were taken before and after each row.",
    "",
    `| ${HEADER.join(" | ")} |`,
    `| ${HEADER.map(() => "---").join(" | ")} |`,
    ...report.rows.map((row) => `| ${cells(row).join(" | ")} |`),
    "",
  ];
  return lines.join("\n");
}

process.exitCode = await main(process.argv.slice(2));
