// What the MDGP bench runs side by side: the product (`auto`, through solveProgram and the checker), engine variants
// for the ablation (the grouping engine called directly with some of its parts switched off), and, where R and
// anticlust are installed, anticlust's TPSDP (Yang et al. 2022) at the same wall time. Every runner returns a
// grouping; the bench scores it itself from the instance file (mdgpValue), whatever the runner claims.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { mdgpToProgram, mdgpValue, type MdgpInstance } from "./mdgp-instances.js";
import { formatInputIssue } from "../src/model/issues.js";
import { validateProgram } from "../src/model/load.js";
import { Random } from "../src/random.js";
import { solveProgram } from "../src/pipeline.js";
import { DEFAULT_GROUPING_SETTINGS, searchGroupings, type GroupingSettings } from "../src/solvers/search/grouping.js";
import { gapTo } from "./harness.js";
import type { MdgpRunRecord } from "./mdgp-report.js";

/** MDGPLIB file names: set, size, kind, number. */
export const MDGPLIB_NAME = /^([A-Za-z]+)_n(\d+)_(ss|ds)_(\d+)$/;

export interface MdgpCase {
  readonly instance: MdgpInstance;
  readonly minSize: Int32Array;
  readonly maxSize: Int32Array;
}

export function mdgpCase(instance: MdgpInstance): MdgpCase {
  return {
    instance,
    minSize: Int32Array.from(instance.groupBounds, (b) => b.min),
    maxSize: Int32Array.from(instance.groupBounds, (b) => b.max),
  };
}

export interface RunOutcome {
  /** Group index per element, or null when the runner found nothing (see note). */
  readonly groups: Int32Array | null;
  readonly timeMs: number;
  readonly timeToBestMs: number | null;
  /** The runner's own unit of work: descents for the grouping engine, generations for TPSDP. */
  readonly iterations: number | null;
  /** Improving moves made (the grouping engine), comparable across sizes: each is one step of the local search. */
  readonly moves: number | null;
  readonly note: string | null;
}

export interface MdgpRunner {
  readonly name: string;
  readonly description: string;
  /** Why a case is not run (e.g. anticlust cannot express different size bounds per group), or null. */
  skip?(c: MdgpCase): string | null;
  run(c: MdgpCase, seed: number, timeLimitMs: number): Promise<RunOutcome>;
}

/** The default solver as a user gets it: the instance as a program, solved by `auto`, checked by the checker. */
export function autoRunner(): MdgpRunner {
  return {
    name: "auto",
    description: "tracktwo's default solver through solveProgram (the grouping engine, checked by the checker)",
    async run(c, seed, timeLimitMs) {
      const loaded = validateProgram(mdgpToProgram(c.instance), c.instance.name);
      if (!loaded.ok) throw new Error(loaded.issues.slice(0, 3).map(formatInputIssue).join("; "));
      const started = performance.now();
      const solution = await solveProgram(loaded.value, { solver: "auto", timeLimitMs, seed });
      const timeMs = performance.now() - started;
      const iterations = typeof solution.stats.iterations === "number" ? solution.stats.iterations : null;
      const moves = typeof solution.stats["moves"] === "number" ? solution.stats["moves"] : null;
      const timeToBestMs = typeof solution.stats.timeToBestMs === "number" ? solution.stats.timeToBestMs : null;
      if (solution.objective === null) return { groups: null, timeMs, timeToBestMs, iterations, moves, note: `status ${solution.status}` };
      const groups = new Int32Array(c.instance.n).fill(-1);
      for (const panel of solution.panels) {
        const g = Number(panel.id.slice(1)) - 1;
        for (const id of panel.presenters) groups[Number(id.slice(1))] = g;
      }
      return { groups, timeMs, timeToBestMs, iterations, moves, note: null };
    },
  };
}

/** Variants of the grouping engine for the ablation: each switches off or reverts one idea of the default. */
export const ENGINE_VARIANTS: Readonly<Record<string, { readonly description: string; readonly settings: Partial<GroupingSettings> }>> = {
  engine: { description: "the grouping engine as shipped (all ideas on)", settings: {} },
  "full-scan": {
    description: "descent re-evaluates every insert and swap in every pass (the standard implementation)",
    settings: { pruneSwaps: false },
  },
  "no-crossover": { description: "without the crossover phase", settings: { crossover: false } },
  "no-directed": { description: "without the directed perturbation phase", settings: { directedRounds: 0 } },
  "fixed-population": {
    description: "population of 15 throughout instead of shrinking from 15 to 2",
    settings: { populationEnd: DEFAULT_GROUPING_SETTINGS.populationStart },
  },
  "kick-per-group": {
    description: "random perturbation in TPSDP's units of n/m (1.2 down to 0.1) instead of a share of n",
    settings: { perturbationPerGroup: true, perturbationStart: 1.2, perturbationEnd: 0.1 },
  },
  "any-sizes": {
    description: "fresh members with any sizes within the bounds, not the leading size vectors",
    settings: { leadingSizes: false },
  },
};

/**
 * Which clock a time limit counts. "cpu" counts this process's CPU time, so variants compared on a shared machine
 * get the same computing whatever the others run meanwhile (wall time on a loaded machine varied the work done by
 * 3x between consecutive runs); "wall" is what a user waits, and what a comparison with another program needs.
 */
export type Clock = "wall" | "cpu";

function stopwatch(clock: Clock): () => number {
  if (clock === "wall") {
    const started = performance.now();
    return () => performance.now() - started;
  }
  const started = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
}

export function engineRunner(name: string, clock: Clock = "wall"): MdgpRunner {
  const variant = ENGINE_VARIANTS[name];
  if (variant === undefined) throw new Error(`unknown engine variant ${name}`);
  return {
    name,
    description: variant.description,
    async run(c, seed, timeLimitMs) {
      const { n, m, d } = c.instance;
      const elapsed = stopwatch(clock);
      let timeToBestMs = 0;
      const outcome = await searchGroupings({ n, m, weights: d, minSize: c.minSize, maxSize: c.maxSize }, null, {
        random: new Random(seed),
        settings: variant.settings,
        progress: () => elapsed() / timeLimitMs,
        shouldStop: () => elapsed() >= timeLimitMs,
        onImprove: () => {
          timeToBestMs = elapsed();
        },
      });
      return { groups: outcome.groups, timeMs: elapsed(), timeToBestMs, iterations: outcome.iterations, moves: outcome.moves, note: null };
    },
  };
}

export type Availability = { readonly available: true; readonly version: string } | { readonly available: false; readonly why: string };

/** What running a command returned (spawnSync's shape, so tests can stand in for R). */
export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly error?: { readonly code?: string } | undefined;
}

export type RunCommand = (command: string, args: readonly string[]) => CommandResult;

const runCommand: RunCommand = (command, args) => {
  const result = spawnSync(command, [...args], { encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout ?? "", error: result.error as { code?: string } | undefined };
};

/** Is anticlust usable here? Rscript on the PATH and the package loadable. */
export function detectAnticlust(run: RunCommand = runCommand): Availability {
  const result = run("Rscript", ["-e", "cat(as.character(utils::packageVersion('anticlust')))"]);
  if (result.error?.code === "ENOENT") return { available: false, why: "R is not installed (no Rscript on the PATH)" };
  if (result.status !== 0) return { available: false, why: "the R package anticlust is not installed (install.packages('anticlust') needs CRAN)" };
  return { available: true, version: result.stdout.trim() };
}

/**
 * anticlust's three_phase_search_anticlustering, the C implementation of TPSDP. Recent versions take an iteration
 * count instead of a time limit; the script then times a short run and sets the count to fill the same wall time.
 * It takes one size bound for all groups, so instances with different bounds per group are skipped.
 */
const ANTICLUST_SCRIPT = `
args <- commandArgs(trailingOnly = TRUE)
d <- as.matrix(read.table(args[1]))
K <- as.integer(args[2]); size <- as.integer(args[3]); seconds <- as.numeric(args[4]); set.seed(as.integer(args[5]))
suppressPackageStartupMessages(library(anticlust))
tpsdp <- get("three_phase_search_anticlustering", envir = asNamespace("anticlust"))
N <- nrow(d); x <- as.dist(d); sizes <- rep(size, K)
started <- proc.time()[["elapsed"]]
if ("time_limit" %in% names(formals(tpsdp))) {
  result <- tpsdp(x, K = K, N = N, upper_bound = size, lower_bound = size, time_limit = seconds)
  iterations <- NA
} else {
  probe <- 3
  result <- tpsdp(x, K = K, N = N, clusters = sizes, number_iterations = probe)
  per <- (proc.time()[["elapsed"]] - started) / probe
  iterations <- max(1, floor((seconds - (proc.time()[["elapsed"]] - started)) / max(per, 1e-3)))
  started <- proc.time()[["elapsed"]]
  result <- tpsdp(x, K = K, N = N, clusters = sizes, number_iterations = iterations)
}
if (is.list(result)) result <- result$result
cat("elapsed", proc.time()[["elapsed"]] - started, "iterations", iterations, "\\n")
cat(result, "\\n")
`;

export function anticlustRunner(): MdgpRunner {
  return {
    name: "anticlust",
    description: "anticlust's TPSDP (C, through R) at the same wall time",
    skip: (c) => (c.instance.kind === "ss" ? null : "anticlust takes one size bound for all groups, and this instance has different ones"),
    async run(c, seed, timeLimitMs) {
      const { n, m, d } = c.instance;
      const dir = mkdtempSync(join(os.tmpdir(), "tracktwo-anticlust-"));
      try {
        const matrix = join(dir, "d.txt");
        const script = join(dir, "tpsdp.R");
        const rows: string[] = [];
        for (let i = 0; i < n; i++) rows.push(Array.from(d.subarray(i * n, (i + 1) * n)).join(" "));
        writeFileSync(matrix, `${rows.join("\n")}\n`);
        writeFileSync(script, ANTICLUST_SCRIPT);
        const started = performance.now();
        const output = await spawnText("Rscript", [script, matrix, String(m), String(c.minSize[0]), String(timeLimitMs / 1000), String(seed)]);
        const timeMs = performance.now() - started;
        const lines = output.trim().split("\n");
        const header = lines[0]?.split(/\s+/) ?? [];
        const labels = (lines[1] ?? "").trim().split(/\s+/).map(Number);
        if (labels.length !== n || labels.some((g) => !Number.isInteger(g) || g < 1 || g > m)) {
          return { groups: null, timeMs, timeToBestMs: null, iterations: null, moves: null, note: `unexpected anticlust output: ${output.slice(0, 200)}` };
        }
        const iterations = Number(header[3]);
        return {
          groups: Int32Array.from(labels, (g) => g - 1),
          timeMs,
          timeToBestMs: null,
          iterations: Number.isFinite(iterations) ? iterations : null,
          moves: null,
          note: null,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function spawnText(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}: ${err.trim().slice(0, 300)}`))));
  });
}

/** One run, scored and checked by the bench; never throws (an error becomes the record's note). */
export async function runOne(c: MdgpCase, runner: MdgpRunner, seed: number, timeLimitMs: number, bestKnown: number | null): Promise<MdgpRunRecord> {
  const loadBefore = os.loadavg()[0]!;
  const base = { instance: c.instance.name, set: setOf(c.instance.name), runner: runner.name, seed, bestKnown };
  try {
    const outcome = await runner.run(c, seed, timeLimitMs);
    const load = [loadBefore, os.loadavg()[0]!] as const;
    const fault = outcome.groups === null ? outcome.note : boundsFault(c, outcome.groups);
    const work = { timeMs: outcome.timeMs, iterations: outcome.iterations, moves: outcome.moves, load };
    if (fault !== null) return { ...base, ...work, value: null, gap: null, timeToBestMs: null, note: fault };
    const value = mdgpValue(c.instance, outcome.groups!);
    const gap = bestKnown === null ? null : gapTo(bestKnown, value);
    return { ...base, ...work, value, gap, timeToBestMs: outcome.timeToBestMs, note: outcome.note };
  } catch (error) {
    const load = [loadBefore, os.loadavg()[0]!] as const;
    return { ...base, value: null, gap: null, timeMs: 0, timeToBestMs: null, iterations: null, moves: null, load, note: `error: ${(error as Error).message}` };
  }
}

/** Why the grouping is not a solution of the instance, or null. */
function boundsFault(c: MdgpCase, groups: Int32Array): string | null {
  const { n, m } = c.instance;
  if (groups.length !== n) return `grouping of ${groups.length} elements for n = ${n}`;
  const size = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!;
    if (!(g >= 0 && g < m)) return `element ${i} in no group`;
    size[g]!++;
  }
  for (let g = 0; g < m; g++) {
    if (size[g]! < c.minSize[g]! || size[g]! > c.maxSize[g]!) return `group ${g + 1} has ${size[g]} elements, bounds ${c.minSize[g]}-${c.maxSize[g]}`;
  }
  return null;
}

/** "RanReal_n240_ss_01" -> "RanReal n240 ss"; other names form the set "other". */
export function setOf(name: string): string {
  const match = MDGPLIB_NAME.exec(name);
  return match === null ? "other" : `${match[1]} n${match[2]} ${match[3]}`;
}
