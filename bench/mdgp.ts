// `npm run bench:mdgp -- [options]`: the grouping engine on the MDGP literature instances, several seeds each, side by
// side with engine variants (--ablation) and anticlust's TPSDP (--anticlust, where R and anticlust are installed),
// at equal wall time; gaps to the best-known values, summarised per set of instances. Writes JSON + Markdown to
// bench/results/ (or --out DIR). See bench/README.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadBestKnown, loadMdgp, type BestKnown } from "./mdgp-instances.js";
import { formatInputIssue, type InputIssue } from "../src/model/issues.js";
import { machineInfo, machineSlug, revision, ROOT } from "./machine.js";
import { mergeResults, resultsMarkdown, seconds, summarize, summaryText, type MdgpResults, type MdgpRunRecord } from "./mdgp-report.js";
import { anticlustRunner, autoRunner, detectAnticlust, ENGINE_VARIANTS, engineRunner, mdgpCase, MDGPLIB_NAME, runOne, type MdgpCase, type MdgpRunner } from "./mdgp-runners.js";

const USAGE =
  "usage: npm run bench:mdgp -- [--data DIR] [--dir DIR,...] [--bks FILE] [--sets RanReal,RanInt] [--n 240] [--kinds ss,ds]\n" +
  "         [--instances f,g] [--seeds 1,2,3] [--time S] [--clock wall|cpu] [--runners auto,...] [--ablation] [--anticlust] [--out DIR]\n" +
  "       npm run bench:mdgp -- --merge a.json,b.json [--out DIR]   (parts of one bench run by processes at once, as one file)";

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        data: { type: "string" },
        dir: { type: "string" },
        bks: { type: "string" },
        sets: { type: "string", default: "RanReal,RanInt" },
        n: { type: "string" },
        kinds: { type: "string", default: "ss,ds" },
        instances: { type: "string" },
        seeds: { type: "string", default: "1,2,3" },
        time: { type: "string", default: "30" },
        runners: { type: "string" },
        ablation: { type: "boolean", default: false },
        anticlust: { type: "boolean", default: false },
        clock: { type: "string", default: "wall" },
        out: { type: "string" },
        merge: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.merge !== undefined) return merge(list(values.merge), values.out);
  const timeS = Number(values.time);
  if (!(timeS > 0) || !Number.isFinite(timeS)) return usage(`--time: "${values.time}" is not a positive number of seconds`);
  const seeds = list(values.seeds).map(Number);
  if (seeds.length === 0 || seeds.some((s) => !Number.isSafeInteger(s) || s < 0)) return usage(`--seeds: "${values.seeds}" is not a list of non-negative integers`);
  // With --dir alone, only that folder's instances run; the data folder's take --n (default 240).
  const sizes = list(values.n ?? (values.dir === undefined ? "240" : ""));
  if (sizes.some((n) => !/^\d+$/.test(n))) return usage(`--n: "${values.n}" is not a list of sizes (e.g. 240 or 240,480)`);
  const clock = values.clock;
  if (clock !== "wall" && clock !== "cpu") return usage(`--clock: "${clock}" is neither wall nor cpu`);
  const kinds = list(values.kinds);
  if (kinds.some((k) => k !== "ss" && k !== "ds")) return usage(`--kinds: "${values.kinds}" is not a list of ss and ds`);

  // Runners: named ones, the ablation's variants, anticlust where it is installed.
  const notes: string[] = [];
  const names = values.runners === undefined ? (values.ablation ? Object.keys(ENGINE_VARIANTS) : ["auto"]) : list(values.runners);
  if (values.anticlust && !names.includes("anticlust")) names.push("anticlust");
  const known = ["auto", "anticlust", ...Object.keys(ENGINE_VARIANTS)];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) return usage(`--runners: unknown runner ${unknown.join(", ")} (known: ${known.join(", ")})`);
  const runners: MdgpRunner[] = [];
  for (const name of names) {
    if (name === "auto") runners.push(autoRunner());
    else if (name !== "anticlust") runners.push(engineRunner(name, clock));
    else {
      const anticlust = detectAnticlust();
      if (anticlust.available) runners.push(anticlustRunner());
      else notes.push(`anticlust skipped: ${anticlust.why}; compare with the published figures instead`);
    }
  }

  // Instances: MDGPLIB files under --data, plus every file in the --dir folders; all loaded before any run.
  const dataDir = resolve(values.data ?? join(ROOT, "..", "shared", "data"));
  const issues: InputIssue[] = [];
  const files: string[] = [];
  const mdgpDir = join(dataDir, "mdgp");
  if (existsSync(mdgpDir) && sizes.length > 0) {
    for (const set of list(values.sets)) {
      const folder = join(mdgpDir, set);
      if (!existsSync(folder)) {
        notes.push(`set ${set} skipped: ${folder} not found`);
        continue;
      }
      for (const file of readdirSync(folder).sort()) {
        const match = MDGPLIB_NAME.exec(file.replace(/\.txt$/, ""));
        if (match !== null && sizes.includes(match[2]!) && kinds.includes(match[3]!)) files.push(join(folder, file));
      }
    }
  } else if (values.dir === undefined && !existsSync(mdgpDir)) {
    return usage(`no MDGP instances: ${mdgpDir} not found (use --data DIR, the folder holding mdgp/, or --dir DIR)`);
  }
  for (const dir of list(values.dir ?? "")) {
    const folder = resolve(dir);
    if (!existsSync(folder)) return usage(`--dir: ${folder} not found`);
    for (const file of readdirSync(folder).sort()) if (file.endsWith(".txt")) files.push(join(folder, file));
  }
  const filters = list(values.instances ?? "");
  const selected = filters.length === 0 ? files : files.filter((f) => filters.some((part) => basename(f).includes(part)));
  if (selected.length === 0) return usage("no instance matches the options (see --sets, --n, --kinds, --instances, --dir)");

  const best = new Map<string, BestKnown>();
  const dataBks = join(mdgpDir, "bks.csv");
  for (const csv of [...(existsSync(dataBks) ? [dataBks] : []), ...(values.bks === undefined ? [] : [resolve(values.bks)])]) {
    const loaded = loadBestKnown(csv);
    if (loaded.ok) for (const [name, value] of loaded.value) best.set(name, value);
    else issues.push(...loaded.issues);
  }
  const cases: MdgpCase[] = [];
  for (const file of selected) {
    const loaded = loadMdgp(file);
    if (loaded.ok) cases.push(mdgpCase(loaded.value));
    else issues.push(...loaded.issues);
  }
  if (issues.length > 0) {
    process.stderr.write(issues.map((issue) => `${formatInputIssue(issue)}\n`).join(""));
    return 2;
  }
  const missing = cases.filter((c) => !best.has(c.instance.name)).map((c) => c.instance.name);
  if (missing.length > 0) notes.push(`no best-known value (no gap) for ${missing.join(", ")}`);

  const machine = machineInfo();
  const ranRevision = revision(ROOT);
  process.stdout.write(
    `tracktwo MDGP bench: ${cases.length} instances x ${seeds.length} seeds x ${runners.length} runners, ${timeS} s each\n` +
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; load ${loadText()}\n` +
      notes.map((n) => `note: ${n}\n`).join(""),
  );

  // Runners interleave per instance and seed, so a change in the machine's load hits all of them alike. The results
  // file is rewritten after every run: a bench stopped early (or still running) leaves what it measured.
  const outDir = resolve(values.out ?? join(ROOT, "bench", "results"));
  const started = performance.now();
  const planned = cases.reduce((sum, c) => sum + seeds.length * runners.filter((r) => (r.skip?.(c) ?? null) === null).length, 0);
  const records: MdgpRunRecord[] = [];
  const results = (): MdgpResults => ({
    date: new Date().toISOString(),
    machine,
    revision: ranRevision,
    options: { time: timeS, clock, seeds, runners: runners.map((r) => r.name), commands: [[...argv]] },
    descriptions: Object.fromEntries(runners.map((r) => [r.name, r.description])),
    notes,
    planned,
    totalMs: performance.now() - started,
    summary: summarize(records),
    runs: records,
  });
  let written = "";
  for (const c of cases) {
    for (const seed of seeds) {
      for (const runner of runners) {
        const skip = runner.skip?.(c) ?? null;
        if (skip !== null) continue;
        const record = await runOne(c, runner, seed, timeS * 1000, best.get(c.instance.name)?.value ?? null);
        records.push(record);
        process.stdout.write(runLine(record));
        written = writeResults(outDir, results());
      }
    }
  }
  const final = results();
  written = writeResults(outDir, final);
  process.stdout.write(`\n${summaryText(final.summary)}\n\nwrote ${written}.json and .md\n`);
  return 0;
}

/** --merge: the results files of processes that ran parts of one bench at once, as one results file. */
function merge(files: readonly string[], out: string | undefined): number {
  const parts: MdgpResults[] = [];
  for (const file of files) {
    try {
      parts.push(JSON.parse(readFileSync(resolve(file), "utf8")) as MdgpResults);
    } catch (error) {
      return usage(`--merge: cannot read ${file} as a bench:mdgp results file (${(error as Error).message})`);
    }
  }
  const merged = mergeResults(parts, new Date().toISOString(), sameSolverCode);
  if (typeof merged === "string") return usage(`--merge: ${merged}`);
  const written = writeResults(resolve(out ?? join(ROOT, "bench", "results")), merged);
  process.stdout.write(`${summaryText(merged.summary)}\n\nwrote ${written}.json and .md\n`);
  return 0;
}

/** Do two commits hold the same solver (src/) and bench runners? Only these decide what a run measures. */
function sameSolverCode(a: string, b: string): boolean {
  const diff = spawnSync("git", ["diff", "--quiet", a, b, "--", "src", "bench/mdgp-runners.ts", "bench/harness.ts"], { cwd: ROOT });
  return diff.status === 0;
}

/** Writes `<date>-mdgp-<machine>.{json,md}` under outDir; returns the path without extension, relative to the cwd. */
function writeResults(outDir: string, results: MdgpResults): string {
  const stem = `${results.date.slice(0, 10)}-mdgp-${machineSlug(results.machine)}`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(outDir, `${stem}.md`), resultsMarkdown(results));
  return join(relative(process.cwd(), outDir) || ".", stem);
}

function runLine(r: MdgpRunRecord): string {
  const gap = r.gap === null ? "" : `  gap ${(r.gap * 100).toFixed(3)}%`;
  const rate = r.iterations === null || r.timeMs <= 0 ? "" : `  ${r.iterations} it (${((r.iterations * 1000) / r.timeMs).toFixed(0)}/s)`;
  const value = r.value === null ? `failed: ${r.note}` : r.value.toFixed(3);
  return `${r.instance}  seed ${r.seed}  ${r.runner}  ${value}${gap}  to best ${seconds(r.timeToBestMs)}${rate}  load ${r.load[0].toFixed(1)}\n`;
}

function loadText(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(", ");
}

function list(text: string): string[] {
  return text.split(",").map((s) => s.trim()).filter((s) => s !== "");
}

function usage(message: string): number {
  process.stderr.write(`bench:mdgp: ${message}\n${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
