// The benchmark matrix: instances × solver variants, run one cell after another in this process. A cell that throws
// is recorded with its error text and the run goes on (YALPS's runner, Timefold's benchmarker). Everything is
// returned as data; printing and files are run.ts's business.
import type { Program } from "../src/model/schema.js";
import type { Solution } from "../src/model/solution.js";
import type { ProgressEvent } from "../src/solvers/solver.js";

export type InstanceFamily = "small" | "convention" | "mdgp";

/** What a cell's objective is compared with. */
export interface Reference {
  /** optimum: proven by an exact solver in this run; best-known: from the literature; bound: an upper bound. */
  readonly kind: "optimum" | "best-known" | "bound";
  readonly value: number;
  readonly source: string;
}

export interface BenchInstance {
  readonly name: string;
  readonly family: InstanceFamily;
  /** Loads (or generates) the validated program; may throw, which fails this instance's row, not the run. */
  load(): Program | Promise<Program>;
  /** A reference known before any solving (literature best-known values). */
  readonly reference?: Reference;
  /** Prove the optimum with the reference runner before the matrix (tiny programs only). */
  readonly proveOptimum?: boolean;
  /** An upper bound on the objective computed from the program alone (not timed as part of any cell). */
  bound?(program: Program): number | null | Promise<number | null>;
  /** The checked objective of a solution known in advance (a generator's planted witness): proof of feasibility. */
  planted?(program: Program): number | null;
}

export interface RunContext {
  readonly timeLimitMs: number;
  readonly seed: number;
  readonly onProgress: (event: ProgressEvent) => void;
}

/** A solver variant as the bench sees it: a program in, a checked solution out. */
export interface BenchRunner {
  readonly name: string;
  /** Cells on larger programs are skipped with this note (e.g. an exact MIP on 6,000 people). */
  readonly maxParticipants?: number;
  solve(program: Program, context: RunContext): Promise<Solution>;
}

export interface CurvePoint {
  readonly ms: number;
  readonly objective: number;
}

export interface CellResult {
  readonly instance: string;
  readonly solver: string;
  readonly status: Solution["status"] | "error" | "skipped";
  readonly objective: number | null;
  readonly bound: number | null;
  /** (reference - objective) / max(1, |reference|); negative when a heuristic beats a best-known value. */
  readonly gap: number | null;
  readonly timeToBestMs: number | null;
  readonly timeMs: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly curve: readonly CurvePoint[];
  /** Error text, skip reason, or a warning (e.g. an objective above a proven optimum: a bug). */
  readonly note: string | null;
}

export interface InstanceResult {
  readonly name: string;
  readonly family: InstanceFamily;
  readonly participants: number | null;
  readonly panels: number | null;
  readonly loadMs: number;
  /** The reference used for gaps, after the run (best of: proven optimum, best-known, tightest bound). */
  readonly reference: Reference | null;
  /** Objective of the planted solution, when the instance has one: any solver should reach at least this. */
  readonly planted: number | null;
  readonly note: string | null;
}

export interface MatrixResult {
  readonly instances: InstanceResult[];
  readonly cells: CellResult[];
}

export interface MatrixOptions {
  readonly timeLimitMs: number;
  readonly seed: number;
  /** Solves tiny programs to proven optimality first (proveOptimum instances); null skips that. */
  readonly referenceRunner?: BenchRunner | null;
  readonly referenceTimeLimitMs?: number;
  /** Called after each instance's row is done, with its cells (for live printing). */
  readonly onInstance?: (instance: InstanceResult, cells: readonly CellResult[]) => void;
  readonly onCell?: (cell: CellResult) => void;
  readonly memorySampleMs?: number;
}

export async function runMatrix(
  instances: readonly BenchInstance[],
  runners: readonly BenchRunner[],
  options: MatrixOptions,
): Promise<MatrixResult> {
  const result: MatrixResult = { instances: [], cells: [] };
  for (const instance of instances) {
    const loadStart = performance.now();
    let program: Program;
    try {
      program = await instance.load();
    } catch (error) {
      const row: InstanceResult = {
        name: instance.name,
        family: instance.family,
        participants: null,
        panels: null,
        loadMs: Math.round(performance.now() - loadStart),
        reference: instance.reference ?? null,
        planted: null,
        note: `could not load: ${errorText(error)}`,
      };
      result.instances.push(row);
      options.onInstance?.(row, []);
      continue;
    }
    const loadMs = Math.round(performance.now() - loadStart);

    const notes: string[] = [];
    let reference: Reference | null = instance.reference ?? null;
    if (instance.proveOptimum === true && options.referenceRunner != null) {
      const proof = await runCell(instance.name, program, options.referenceRunner, {
        ...options,
        timeLimitMs: options.referenceTimeLimitMs ?? options.timeLimitMs,
      });
      if (proof.status === "optimal" && proof.objective !== null) {
        reference = { kind: "optimum", value: proof.objective, source: `${proof.solver}, ${formatMs(proof.timeMs)}` };
      } else {
        notes.push(`optimum not proven by ${proof.solver} (${proof.status}${proof.note === null ? "" : `: ${proof.note}`})`);
      }
    }
    const staticBound = await safeCall("bound", instance.bound, program, notes);
    const planted = await safeCall("planted solution", instance.planted, program, notes);

    const raw: CellResult[] = [];
    for (const runner of runners) {
      const cell = await runCell(instance.name, program, runner, options);
      raw.push(cell);
    }

    // Without an optimum or a best-known value, compare with the tightest upper bound anyone proved.
    if (reference === null) {
      const bounds = raw.map((c) => c.bound).filter((b): b is number => b !== null && Number.isFinite(b));
      if (staticBound !== null) bounds.push(staticBound);
      if (bounds.length > 0) {
        const value = Math.min(...bounds);
        reference = { kind: "bound", value, source: value === staticBound ? "static bound" : "solver bound" };
      }
    }
    const cells = raw.map((cell) => withGap(cell, reference));
    for (const cell of cells) options.onCell?.(cell);
    const row: InstanceResult = {
      name: instance.name,
      family: instance.family,
      participants: program.participants.length,
      panels: program.panels.length,
      loadMs,
      reference,
      planted,
      note: notes.length > 0 ? notes.join("; ") : null,
    };
    result.instances.push(row);
    result.cells.push(...cells);
    options.onInstance?.(row, cells);
  }
  return result;
}

/** One solver on one program: never throws; memory sampled on a timer and at every progress event. */
export async function runCell(
  instanceName: string,
  program: Program,
  runner: BenchRunner,
  options: Pick<MatrixOptions, "timeLimitMs" | "seed" | "memorySampleMs">,
): Promise<CellResult> {
  const base = { instance: instanceName, solver: runner.name };
  if (runner.maxParticipants !== undefined && program.participants.length > runner.maxParticipants) {
    return {
      ...base, status: "skipped", objective: null, bound: null, gap: null, timeToBestMs: null, timeMs: 0,
      peakRssMb: 0, peakHeapMb: 0, curve: [],
      note: `skipped: ${runner.name} runs on at most ${runner.maxParticipants} participants in this matrix`,
    };
  }
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    if (usage.rss > peakRss) peakRss = usage.rss;
    if (usage.heapUsed > peakHeap) peakHeap = usage.heapUsed;
  };
  const curve: CurvePoint[] = [];
  const started = performance.now();
  sample();
  // A solver that never yields starves this timer; progress events still sample.
  const timer = setInterval(sample, options.memorySampleMs ?? 20);
  const onProgress = (event: ProgressEvent) => {
    sample();
    const last = curve[curve.length - 1];
    if (last === undefined || event.objective !== last.objective) {
      curve.push({ ms: Math.round(event.elapsedMs), objective: event.objective });
    }
  };
  try {
    const solution = await runner.solve(program, { timeLimitMs: options.timeLimitMs, seed: options.seed, onProgress });
    sample();
    const timeMs = Math.round(performance.now() - started);
    const objective = solution.objective?.total ?? null;
    // The checker's score closes the curve when it differs from the solver's last reported one.
    if (objective !== null && curve[curve.length - 1]?.objective !== objective) curve.push({ ms: timeMs, objective });
    const reported = solution.stats.timeToBestMs;
    const timeToBestMs =
      objective === null ? null : typeof reported === "number" ? Math.round(reported) : firstReach(curve, objective, timeMs);
    // Why there is no solution: the checker's rejection, else the solver's own note (a refusal, a time-out).
    const rejected = solution.stats.rejected ?? (solution.panels.length === 0 ? solution.stats.raw : undefined);
    return {
      ...base,
      status: solution.status,
      objective,
      bound: solution.bound,
      gap: null,
      timeToBestMs,
      timeMs,
      peakRssMb: toMb(peakRss),
      peakHeapMb: toMb(peakHeap),
      curve,
      note: typeof rejected === "string" ? rejected : null,
    };
  } catch (error) {
    sample();
    return {
      ...base, status: "error", objective: null, bound: null, gap: null, timeToBestMs: null,
      timeMs: Math.round(performance.now() - started), peakRssMb: toMb(peakRss), peakHeapMb: toMb(peakHeap), curve,
      note: errorText(error),
    };
  } finally {
    clearInterval(timer);
  }
}

export function gapTo(reference: number, objective: number): number {
  return (reference - objective) / Math.max(1, Math.abs(reference));
}

function withGap(cell: CellResult, reference: Reference | null): CellResult {
  if (cell.objective === null || reference === null) return cell;
  const gap = gapTo(reference.value, cell.objective);
  // Above a proven optimum or a proven bound means a solver or the checker is wrong: say so loudly.
  const impossible = reference.kind !== "best-known" && cell.objective > reference.value + 1e-6;
  const warning = impossible ? `objective ${cell.objective} exceeds the ${reference.kind} ${reference.value}` : null;
  return { ...cell, gap, note: [cell.note, warning].filter((x) => x !== null).join("; ") || null };
}

async function safeCall(
  what: string,
  fn: ((program: Program) => number | null | Promise<number | null>) | undefined,
  program: Program,
  notes: string[],
): Promise<number | null> {
  if (fn === undefined) return null;
  try {
    return await fn(program);
  } catch (error) {
    notes.push(`${what} failed: ${errorText(error)}`);
    return null;
  }
}

/** First time the curve reached the final objective (solver scores may differ slightly from the checker's). */
function firstReach(curve: readonly CurvePoint[], objective: number, fallback: number): number {
  const hit = curve.find((p) => p.objective >= objective - 1e-6);
  return hit?.ms ?? fallback;
}

function toMb(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 300);
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
