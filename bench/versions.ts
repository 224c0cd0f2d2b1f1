// `npm run bench:versions -- --base DIR [--rounds N] [--iterations N] [--mdgp-iterations N] [--cases a,b] [--data DIR]
// [--out DIR] [--side-by-side]`: the search of this checkout against the search of another revision (DIR holds that revision's
// sources, e.g. from `git archive REV | tar -x -C DIR`, with node_modules linked), on the same programs with the
// same seeds and iteration limits, so that both do the same work:
// - a generated 6,000-participant convention (seed 1), solved by `runSearch` with an iteration limit;
// - MDGPLIB instances (from --data, default ../shared/data/mdgp), solved by `auto` with an iteration limit (both
//   revisions send pure grouping programs to the grouping engine: one from inside the search, the other from auto).
//
// Every measurement runs in a fresh child process, the two revisions alternating (ABBA), because in one process
// the revision loaded second ran 16% faster in an A/A test (the same sources twice, median of 8 rounds, range
// 0.80-1.52): inline caches and code layout favour one copy. With --side-by-side the two children of a round run at
// the same time, one per core, so that both see the same load from other work on the machine (run one after the
// other, their ratio moved by 0.6-1.2 between rounds at load 5-6 on 2 cores). A child times the CPU it spends (user + system), which
// other work on the machine disturbs less than the wall clock, on a long run and on a RUN_UP-iteration run whose
// time (set-up, construction) it takes off, and reports loop iterations per CPU second and the objective (equal
// when the two revisions make the same moves). The load average is recorded around every round.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { machineInfo, machineSlug, median, revision } from "./machine.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const USAGE =
  "usage: npm run bench:versions -- --base DIR [--rounds N] [--iterations N] [--mdgp-iterations N] [--cases a,b] [--data DIR] [--out DIR] [--side-by-side]";
/** The short run whose time (set-up and construction) is taken off the long one. */
const RUN_UP = 1000;
const MDGP_INSTANCES = ["RanReal_n240_ss_01"];
const run = promisify(execFile);

interface Result {
  readonly status: string;
  readonly stats: { readonly objective?: number; readonly iterations?: number };
}

interface Measured {
  readonly rate: number;
  readonly objective: number | null;
}

/** A case as the child process runs it: which program, and how it is solved. */
interface CaseSpec {
  readonly name: string;
  /** "convention": the generated 6,000-participant program by runSearch; otherwise an MDGP file by auto. */
  readonly mdgpFile: string | null;
  readonly iterations: number;
}

// ---- child: one revision, one case, one measurement -------------------------------------------------------------

async function measureInChild(root: string, spec: CaseSpec): Promise<Measured> {
  const load = (path: string) => import(join(root, path)) as Promise<Record<string, (...args: never[]) => unknown>>;
  const loader = await load("src/model/load.ts");
  const normalize = await load("src/model/normalize.ts");
  const validate = loader["validateProgram"] as unknown as (input: unknown, label: string) => { ok: boolean; value?: unknown };
  const normalizeProgram = normalize["normalizeProgram"] as unknown as (program: unknown) => unknown;
  let solve: (maxIterations: number) => Promise<Result>;
  if (spec.mdgpFile === null) {
    const generate = (await load("src/generate/generate.ts"))["generateProgram"] as unknown as (o: object) => unknown;
    const runSearch = (await load("src/solvers/search/search.ts"))["runSearch"] as unknown as (p: unknown, o: object) => Promise<Result>;
    const program = validate(generate({ participants: 6000, seed: 1 }), "generated-6000");
    if (!program.ok) throw new Error("the generated convention does not load");
    const problem = normalizeProgram(program.value);
    solve = (maxIterations) => runSearch(problem, { timeLimitMs: 3_600_000, seed: 1, maxIterations });
  } else {
    // The MDGP reader moved from src/mdgp/ to bench/.
    const mdgp = await load(existsSync(join(root, "bench", "mdgp-instances.ts")) ? "bench/mdgp-instances.ts" : "src/mdgp/mdgp.ts");
    const auto = (await load("src/solvers/auto.ts"))["autoSolver"] as unknown as { solve(p: unknown, o: object): Promise<Result> };
    const instance = (mdgp["loadMdgp"] as unknown as (file: string) => { ok: boolean; value?: unknown })(spec.mdgpFile);
    if (!instance.ok) throw new Error(`${spec.mdgpFile} does not load`);
    const program = validate((mdgp["mdgpToProgram"] as unknown as (i: unknown) => unknown)(instance.value), spec.mdgpFile);
    if (!program.ok) throw new Error(`${spec.mdgpFile} does not give a valid program`);
    const problem = normalizeProgram(program.value);
    solve = (maxIterations) => auto.solve(problem, { timeLimitMs: 3_600_000, seed: 1, maxIterations, helperThreads: 0 });
  }
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const c0 = cpuMs();
  await solve(RUN_UP);
  const c1 = cpuMs();
  const result = await solve(spec.iterations);
  const c2 = cpuMs();
  const done = result.stats.iterations ?? spec.iterations;
  return { rate: (done - RUN_UP) / Math.max(1e-3, (c2 - c1 - (c1 - c0)) / 1000), objective: result.stats.objective ?? null };
}

// ---- parent: rounds of both revisions, alternating -------------------------------------------------------------

async function measure(root: string, spec: CaseSpec): Promise<Measured> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", SELF, "--child", root, "--spec", JSON.stringify(spec)], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Measured;
}

const load1 = () => os.loadavg()[0]!.toFixed(1);

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        base: { type: "string" },
        rounds: { type: "string", default: "8" },
        iterations: { type: "string", default: "200000" },
        "mdgp-iterations": { type: "string", default: "20000" },
        cases: { type: "string" },
        data: { type: "string", default: join(ROOT, "..", "shared", "data") },
        out: { type: "string" },
        "side-by-side": { type: "boolean", default: false },
        child: { type: "string" },
        spec: { type: "string" },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench:versions: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.child !== undefined && values.spec !== undefined) {
    process.stdout.write(`${JSON.stringify(await measureInChild(values.child, JSON.parse(values.spec) as CaseSpec))}\n`);
    return 0;
  }
  const count = (name: string, text: string): number | null => {
    const n = Number(text);
    if (Number.isSafeInteger(n) && n >= 1) return n;
    process.stderr.write(`bench:versions: --${name}: "${text}" is not a positive whole number\n${USAGE}\n`);
    return null;
  };
  const rounds = count("rounds", values.rounds);
  const iterations = count("iterations", values.iterations);
  const mdgpIterations = count("mdgp-iterations", values["mdgp-iterations"]);
  if (rounds === null || iterations === null || mdgpIterations === null) return 2;
  if (values.base === undefined || !existsSync(join(values.base, "src", "solvers", "search", "search.ts"))) {
    process.stderr.write(`bench:versions: --base must name a folder holding another revision's src/\n${USAGE}\n`);
    return 2;
  }
  const roots = [resolve(values.base), ROOT] as const;

  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  const machine = machineInfo();
  const date = new Date().toISOString();
  const here = revision(ROOT);
  say(`# tracktwo bench:versions, ${date.slice(0, 10)}`);
  say("");
  say(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  say(`this: commit ${here?.commit ?? "unknown"}${here?.dirty ? " with uncommitted changes" : ""}; base: ${roots[0]}`);
  const sideBySide = values["side-by-side"];
  say(
    `rates: loop iterations per CPU second (user + system) in a fresh process each, ${RUN_UP}-iteration run-up taken off; ${rounds} rounds, ` +
      (sideBySide ? "both revisions at the same time (side by side)" : "order alternating"),
  );

  const specs: CaseSpec[] = [{ name: "convention-6000 (runSearch)", mdgpFile: null, iterations }];
  for (const name of MDGP_INSTANCES) {
    const file = join(values.data, "mdgp", name.split("_")[0]!, `${name}.txt`);
    if (existsSync(file)) specs.push({ name: `${name} (auto)`, mdgpFile: resolve(file), iterations: mdgpIterations });
    else say(`${name}: skipped, ${file} not found`);
  }
  const wanted = (values.cases ?? "").split(",").map((f) => f.trim()).filter((f) => f !== "");
  const summary: string[] = [];
  for (const spec of specs.filter((s) => wanted.length === 0 || wanted.some((f) => s.name.includes(f)))) {
    say("");
    say(`## ${spec.name}, ${spec.iterations} iterations`);
    say("");
    say("| round | load | base it/s | this it/s | this / base | base objective | this objective |");
    say("|---:|---:|---:|---:|---:|---:|---:|");
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const loadBefore = load1();
      const measured: Measured[] = [];
      if (sideBySide) measured.push(...(await Promise.all([measure(roots[0], spec), measure(roots[1], spec)])));
      else for (const k of round % 2 === 1 ? [0, 1] : [1, 0]) measured[k] = await measure(roots[k]!, spec);
      const [old, now] = measured as [Measured, Measured];
      ratios.push(now.rate / old.rate);
      say(`| ${round} | ${loadBefore}-${load1()} | ${Math.round(old.rate)} | ${Math.round(now.rate)} | ${(now.rate / old.rate).toFixed(3)} | ${old.objective ?? "-"} | ${now.objective ?? "-"} |`);
    }
    const line = `${spec.name}: this / base median ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)})`;
    summary.push(line);
    say("");
    say(line);
  }
  say("");
  say("## Summary");
  say("");
  for (const line of summary) say(`- ${line}`);

  if (values.out !== undefined) {
    mkdirSync(values.out, { recursive: true });
    const file = join(values.out, `${date.slice(0, 10)}-${machineSlug(machine)}-versions${sideBySide ? "-side-by-side" : ""}.md`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    process.stdout.write(`\nwritten: ${file}\n`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
