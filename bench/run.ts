// `npm run bench -- [--quick] [--data DIR] [--time S] [--solvers a,b] [--instances f,g] [--out DIR] [--seed N]
// [--all-cells] [--strict]`: the solver matrix, a table on stdout, and JSON + Markdown + SVG curves on disk.
// Full runs write to bench/results/ (committed with the machine they ran on); quick runs (CI) write to a temporary
// folder unless --out is given, so they never dirty the tree.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import os from "node:os";
import { parseArgs } from "node:util";
import { isSolverName } from "../src/solvers/registry.js";
import type { SolverName } from "../src/solvers/solver.js";
import { formatMs, runMatrix, type BenchRunner, type CellResult, type InstanceResult } from "./harness.js";
import { machineInfo, machineSlug, revision, ROOT } from "./machine.js";
import { curveSvg, markdownReport, textTable, type BenchReport } from "./report.js";
import { ALL_SOLVERS, solverRunner, solverRunners, staticBound } from "./runners.js";
import { buildSuite } from "./suite.js";

const USAGE =
  "usage: npm run bench -- [--quick] [--data DIR] [--time S] [--solvers a,b] [--instances f,g] [--out DIR] [--seed N] [--all-cells] [--strict]";

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: "boolean", default: false },
        data: { type: "string" },
        time: { type: "string" },
        solvers: { type: "string" },
        instances: { type: "string" },
        out: { type: "string" },
        seed: { type: "string", default: "1" },
        "all-cells": { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const quick = values.quick;
  const timeLimitS = values.time === undefined ? (quick ? 2 : 20) : Number(values.time);
  const seed = Number(values.seed);
  if (!(timeLimitS > 0) || !Number.isFinite(timeLimitS)) return usage(`--time: "${values.time}" is not a positive number of seconds`);
  if (!Number.isSafeInteger(seed) || seed < 0) return usage(`--seed: "${values.seed}" is not a non-negative integer`);
  const solverNames = values.solvers === undefined ? [...ALL_SOLVERS] : values.solvers.split(",").map((s) => s.trim());
  const unknown = solverNames.filter((s) => !isSolverName(s));
  if (unknown.length > 0) return usage(`--solvers: unknown solver ${unknown.join(", ")} (known: ${ALL_SOLVERS.join(", ")})`);
  const solvers = solverNames as SolverName[];

  const dataDir = resolve(values.data ?? join(ROOT, "..", "shared", "data"));
  const suite = buildSuite({ quick, dataDir, ...(values.instances === undefined ? {} : { filter: values.instances }) });
  const notes = [...suite.notes];
  // MDGP instances are compared with best-known values; the others with the tightest proven bound.
  const bound = staticBound(quick ? 10_000 : 60_000);
  const instances = suite.instances.map((i) => (i.family === "mdgp" ? i : { ...i, bound }));
  if (instances.length === 0) notes.push("no instance matches --instances");

  const runners: BenchRunner[] = solverRunners(solvers, !values["all-cells"]);
  const referenceRunner = solverRunner("highs");
  const machine = machineInfo();
  // Taken before solving: the code may change on disk during a long run, the loaded modules do not.
  const ranRevision = revision(ROOT);
  process.stdout.write(
    `tracktwo bench${quick ? " (quick)" : ""}: ${instances.length} instances x ${runners.length} solvers, ${timeLimitS} s per cell\n` +
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n` +
      notes.map((n) => `note: ${n}\n`).join(""),
  );

  const started = performance.now();
  const result = await runMatrix(instances, runners, {
    timeLimitMs: timeLimitS * 1000,
    seed,
    referenceRunner,
    referenceTimeLimitMs: quick ? 20_000 : 60_000,
    onInstance: (instance, cells) => process.stdout.write(instanceLine(instance, cells)),
  });
  const totalMs = Math.round(performance.now() - started);

  const report: BenchReport = {
    ...result,
    date: new Date().toISOString(),
    machine,
    revision: ranRevision,
    options: { quick, timeLimitS, seed, solvers },
    notes,
    totalMs,
  };
  process.stdout.write(`\n${textTable(result)}\n\n`);

  const outDir = values.out !== undefined
    ? resolve(values.out)
    : quick
      ? mkdtempSync(join(os.tmpdir(), "tracktwo-bench-"))
      : join(ROOT, "bench", "results");
  const stem = `${report.date.slice(0, 10)}-${machineSlug(machine)}${quick ? "-quick" : ""}`;
  mkdirSync(join(outDir, stem), { recursive: true });
  const links = new Map<string, string>();
  for (const instance of result.instances) {
    const svg = curveSvg(instance, result.cells.filter((c) => c.instance === instance.name));
    if (svg === null) continue;
    writeFileSync(join(outDir, stem, `${instance.name}.svg`), svg);
    links.set(instance.name, `${stem}/${instance.name}.svg`);
  }
  writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify(report, null, 1)}\n`);
  writeFileSync(join(outDir, `${stem}.md`), markdownReport(report, links));
  const shown = relative(process.cwd(), outDir) || ".";
  process.stdout.write(`wrote ${join(shown, stem)}.json, .md and ${links.size} SVG curve(s) in ${formatMs(totalMs)}\n`);

  const failed = result.cells.filter((c) => c.status === "error" || (c.note ?? "").includes("exceeds the"));
  if (failed.length > 0) process.stdout.write(`${failed.length} cell(s) failed or contradicted a proof (see notes)\n`);
  return values.strict && failed.length > 0 ? 1 : 0;
}

function instanceLine(instance: InstanceResult, cells: readonly CellResult[]): string {
  const size = instance.participants === null ? "" : ` (${instance.participants} participants, ${instance.panels} panels)`;
  const ref =
    (instance.reference === null ? "" : `, ${instance.reference.kind} ${round(instance.reference.value)}`) +
    (instance.planted === null ? "" : `, planted ${round(instance.planted)}`);
  const summary = cells
    .map((c) => `${c.solver} ${c.status === "skipped" ? "skipped" : `${c.status} ${c.objective === null ? "-" : round(c.objective)}`}`)
    .join(", ");
  return `${instance.name}${size}${ref}: ${instance.note ?? summary}\n`;
}

function round(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

function usage(message: string): number {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
