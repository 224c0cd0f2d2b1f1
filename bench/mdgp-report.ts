// Pure summaries of an MDGP bench run: per set of instances and runner, the gap to the best-known value averaged the
// way the literature reports it (per instance the mean, best and worst over the seeds; then the average of each
// over the set's instances), with the work rate and the machine's load while it ran.

import type { Machine, Revision } from "./report.js";

export interface MdgpRunRecord {
  readonly instance: string;
  /** The instance's set, e.g. "RanReal n240 ss". */
  readonly set: string;
  readonly runner: string;
  readonly seed: number;
  /** The bench's own score of the grouping, or null when the runner found none. */
  readonly value: number | null;
  readonly bestKnown: number | null;
  /** (bestKnown - value) / bestKnown: negative when the run beats the best-known value. */
  readonly gap: number | null;
  readonly timeMs: number;
  readonly timeToBestMs: number | null;
  readonly iterations: number | null;
  readonly moves: number | null;
  /** One-minute load average when the run started and ended (other processes share the cores). */
  readonly load: readonly [number, number];
  readonly note: string | null;
}

export interface MdgpSummaryRow {
  readonly set: string;
  readonly runner: string;
  readonly instances: number;
  readonly runs: number;
  /** Averages over instances of the per-instance mean, best and worst gap over seeds. */
  readonly meanGap: number | null;
  readonly bestGap: number | null;
  readonly worstGap: number | null;
  /** The largest gap of any single run. */
  readonly maxGap: number | null;
  readonly iterationsPerSecond: number | null;
  readonly movesPerSecond: number | null;
  readonly meanTimeToBestMs: number | null;
  readonly meanLoad: number;
}

/** One row per (set, runner), then one per (size, runner) over all sets of that size, e.g. "n240 (all)". */
export function summarize(records: readonly MdgpRunRecord[]): MdgpSummaryRow[] {
  const rows: MdgpSummaryRow[] = [];
  const runners = unique(records.map((r) => r.runner));
  const sets = unique(records.map((r) => r.set));
  for (const set of sets) for (const runner of runners) push(rows, set, runner, records.filter((r) => r.set === set && r.runner === runner));
  const sizes = unique(sets.map(sizeOf));
  for (const size of sizes) {
    const inSize = sets.filter((s) => sizeOf(s) === size);
    if (inSize.length < 2) continue;
    for (const runner of runners) push(rows, `${size} (all)`, runner, records.filter((r) => r.runner === runner && inSize.includes(r.set)));
  }
  return rows;
}

function push(rows: MdgpSummaryRow[], set: string, runner: string, runs: readonly MdgpRunRecord[]): void {
  if (runs.length === 0) return;
  const byInstance = new Map<string, number[]>();
  for (const run of runs) {
    if (run.gap === null) continue;
    const list = byInstance.get(run.instance) ?? [];
    list.push(run.gap);
    byInstance.set(run.instance, list);
  }
  const per = [...byInstance.values()];
  const rate = (count: (r: MdgpRunRecord) => number | null) =>
    mean(runs.filter((r) => count(r) !== null && r.timeMs > 0).map((r) => (count(r)! * 1000) / r.timeMs));
  const toBest = runs.filter((r) => r.timeToBestMs !== null).map((r) => r.timeToBestMs!);
  rows.push({
    set,
    runner,
    instances: unique(runs.map((r) => r.instance)).length,
    runs: runs.length,
    meanGap: mean(per.map((g) => mean(g)!)),
    bestGap: mean(per.map((g) => Math.min(...g))),
    worstGap: mean(per.map((g) => Math.max(...g))),
    maxGap: per.length === 0 ? null : Math.max(...per.flat()),
    iterationsPerSecond: rate((r) => r.iterations),
    movesPerSecond: rate((r) => r.moves),
    meanTimeToBestMs: mean(toBest),
    meanLoad: mean(runs.map((r) => (r.load[0] + r.load[1]) / 2)) ?? 0,
  });
}

/** "RanReal n240 ss" -> "n240"; names without a size part stand alone. */
function sizeOf(set: string): string {
  return set.split(" ").find((part) => /^n\d+$/.test(part)) ?? set;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

const HEADER = ["set", "runner", "instances", "runs", "mean gap", "best", "worst", "max", "iter/s", "moves/s", "to best", "load"];

function cells(row: MdgpSummaryRow): string[] {
  return [
    row.set,
    row.runner,
    String(row.instances),
    String(row.runs),
    percent(row.meanGap),
    percent(row.bestGap),
    percent(row.worstGap),
    percent(row.maxGap),
    row.iterationsPerSecond === null ? "-" : row.iterationsPerSecond.toFixed(0),
    row.movesPerSecond === null ? "-" : row.movesPerSecond.toFixed(0),
    row.meanTimeToBestMs === null ? "-" : `${(row.meanTimeToBestMs / 1000).toFixed(1)} s`,
    row.meanLoad.toFixed(1),
  ];
}

export function summaryText(rows: readonly MdgpSummaryRow[]): string {
  const table = rows.map(cells);
  const widths = HEADER.map((h, k) => Math.max(h.length, ...table.map((r) => r[k]!.length)));
  const line = (c: readonly string[]) => c.map((x, k) => (k < 2 ? x.padEnd(widths[k]!) : x.padStart(widths[k]!))).join("  ");
  return [line(HEADER), line(widths.map((w) => "-".repeat(w))), ...table.map(line)].join("\n");
}

export function summaryMarkdown(rows: readonly MdgpSummaryRow[]): string {
  return [
    `| ${HEADER.join(" | ")} |`,
    `| ${HEADER.map((_, k) => (k < 2 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${cells(row).join(" | ")} |`),
  ].join("\n");
}

function percent(gap: number | null): string {
  return gap === null ? "-" : `${(gap * 100).toFixed(3)}%`;
}

/** What a bench run writes to `<date>-mdgp-<machine>.json`; rewritten after every run, so a stopped run keeps its records. */
export interface MdgpResults {
  readonly date: string;
  readonly machine: Machine;
  readonly revision: Revision | null;
  readonly options: {
    readonly time: number;
    readonly clock: string;
    readonly seeds: readonly number[];
    readonly runners: readonly string[];
    /** The command line of each process whose runs these are (one, or several after --merge). */
    readonly commands: readonly (readonly string[])[];
  };
  /** Runner name -> what it runs. */
  readonly descriptions: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
  /** Runs planned; fewer in `runs` when the bench was stopped (or is still running). */
  readonly planned: number;
  /** Wall time of the longest process. */
  readonly totalMs: number;
  readonly summary: readonly MdgpSummaryRow[];
  readonly runs: readonly MdgpRunRecord[];
}

/**
 * One result out of several processes' results (a long bench split over the cores): the runs side by side, summarised
 * again. Parts must have run the same code with the same time limit and clock on the same machine, else the table
 * would mix unlike figures: then the reason, as a string. Parts at different commits ran the same code when
 * `sameCode` says so (the bench asks git whether the solver and the runners differ between them); a part with
 * uncommitted changes matches nothing but itself.
 */
export function mergeResults(
  parts: readonly MdgpResults[],
  date: string,
  sameCode: (a: string, b: string) => boolean = (a, b) => a === b,
): MdgpResults | string {
  const first = parts[0];
  if (first === undefined) return "nothing to merge";
  const revisionText = (r: MdgpResults) => (r.revision === null ? "unknown" : `${r.revision.commit}${r.revision.dirty ? "+dirty" : ""}`);
  const commits = unique(parts.map(revisionText));
  for (const part of parts) {
    const same =
      revisionText(part) === revisionText(first) ||
      (part.revision !== null && first.revision !== null && !part.revision.dirty && !first.revision.dirty && sameCode(first.revision.commit, part.revision.commit));
    if (!same) return `parts ran different code (${revisionText(first)} and ${revisionText(part)})`;
    if (part.options.time !== first.options.time || part.options.clock !== first.options.clock) {
      return `parts ran different time limits (${first.options.time} s ${first.options.clock} and ${part.options.time} s ${part.options.clock})`;
    }
    if (part.machine.cpu !== first.machine.cpu || part.machine.cores !== first.machine.cores) return `parts ran on different machines (${first.machine.cpu} and ${part.machine.cpu})`;
  }
  const runs = parts.flatMap((p) => p.runs);
  return {
    date,
    machine: first.machine,
    revision: first.revision,
    options: {
      time: first.options.time,
      clock: first.options.clock,
      seeds: unique(parts.flatMap((p) => p.options.seeds)),
      runners: unique(parts.flatMap((p) => p.options.runners)),
      commands: parts.flatMap((p) => p.options.commands),
    },
    descriptions: Object.assign({}, ...parts.map((p) => p.descriptions)) as Record<string, string>,
    notes: [
      ...unique(parts.flatMap((p) => p.notes)),
      ...(commits.length > 1 ? [`parts ran at commits ${commits.join(", ")}, with the same solver and runners`] : []),
    ],
    planned: parts.reduce((sum, p) => sum + p.planned, 0),
    totalMs: Math.max(...parts.map((p) => p.totalMs)),
    summary: summarize(runs),
    runs,
  };
}

export function resultsMarkdown(results: MdgpResults): string {
  const { machine, revision, options, runs } = results;
  const clock = options.clock === "cpu" ? "CPU time for the engine variants, wall time for the others" : "wall time";
  const commands = options.commands.map((argv) => `\`npm run bench:mdgp -- ${argv.join(" ")}\``);
  return [
    `# MDGP bench, ${results.date}`,
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node} (${machine.platform}).`,
    `Code: ${revision === null ? "unknown revision" : `commit ${revision.commit}${revision.dirty ? " with uncommitted changes" : ""}`}.`,
    `${commands.length > 1 ? `Commands (${commands.length} processes)` : "Command"}: ${commands.join(", ")}. ${options.time} s per run (${clock}), ` +
      `seeds ${options.seeds.join(", ")}. Total ${(results.totalMs / 60000).toFixed(1)} min.` +
      (runs.length < results.planned ? ` Stopped after ${runs.length} of ${results.planned} runs.` : ""),
    "",
    "Gap: (best known - value) / best known, the value scored by the bench from the instance file. Per set: the average",
    "over its instances of the mean, best and worst gap over the seeds; max: the worst single run. iter/s: the runner's",
    "unit of work (descents for the grouping engine); moves/s: improving moves of the local search (each one step, as",
    "one iteration of a tabu search). Load: the one-minute load average while the runs ran (other processes share the",
    "cores; above the core count, every runner had less than a core).",
    "",
    ...Object.entries(results.descriptions).map(([name, description]) => `- \`${name}\`: ${description}`),
    ...(results.notes.length > 0 ? ["", ...results.notes.map((n) => `Note: ${n}`)] : []),
    "",
    summaryMarkdown(results.summary),
    "",
    "## Runs",
    "",
    "| instance | runner | seed | value | best known | gap | to best | time | iterations | moves | load |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runs.map(
      (r) =>
        `| ${r.instance} | ${r.runner} | ${r.seed} | ${r.value === null ? "-" : r.value.toFixed(3)} | ${r.bestKnown ?? "-"} | ` +
        `${percent(r.gap)} | ${seconds(r.timeToBestMs)} | ${seconds(r.timeMs)} | ${r.iterations ?? "-"} | ${r.moves ?? "-"} | ` +
        `${r.load[0].toFixed(1)}-${r.load[1].toFixed(1)} |${r.note === null ? "" : ` ${r.note.replace(/\|/g, "\\|")}`}`,
    ),
    "",
  ].join("\n");
}

export function seconds(ms: number | null): string {
  return ms === null ? "-" : `${(ms / 1000).toFixed(1)} s`;
}
