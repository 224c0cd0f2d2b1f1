// `tracktwo whatif SCENARIO...`: load every scenario (all input problems reported at once), solve them side by side
// on worker threads, print one comparison table, write each scenario's solution and per-participant diff.
import { dirname, join, relative } from "node:path";
import { formatExplanation } from "../../explain/format.js";
import type { Explanation } from "../../explain/types.js";
import type { InputIssue } from "../../model/issues.js";
import { audienceNotice } from "../../report/audience.js";
import { jsonText } from "../../report/escape.js";
import { publicSolution, redactValue } from "../../report/redact.js";
import { formatDuration } from "../../report/text.js";
import { loadScenario, type LoadedScenario } from "../../scenarios/load.js";
import { defaultJobs, finished, runScenarios, type ScenarioEvent } from "../../scenarios/parallel.js";
import { comparisonTable, diffDocument, formatMove } from "../../scenarios/report.js";
import type { ScenarioOutcome, WhatIfOptions } from "../../scenarios/run.js";
import { SOLVER_NAMES } from "../../solvers/solver.js";
import {
  EXIT_INFEASIBLE,
  EXIT_OK,
  EXIT_USAGE,
  INPUT_SIZE_HELP,
  INPUT_SIZE_OPTION,
  inputOptions,
  numberOption,
  parseCommandArgs,
  reportInputIssues,
  solverOption,
  timeLimitOption,
  wholeOption,
  type CliIo,
  type Command,
  type ExitCode,
} from "../io.js";
import { makeDirectory, outputProblem, writeOutputFile, type InputFile } from "../files.js";

const usage =
  "tracktwo whatif SCENARIO... [--solver NAME] [--time-limit SECONDS] [--seed N] [--jobs N] [--out-dir DIR] " +
  "[--stability-weight W] [--max-moves K] [--explain-time-limit SECONDS] [--moves] [--reveal-at-risk] [--json]";

const help = `${usage}

  SCENARIO            scenario file (.yaml or .json): base program, optional baseline solution, changes;
                      - reads one from standard input (its paths are then relative to the current folder)
  --solver NAME       ${SOLVER_NAMES.join(", ")} (default auto)
  --time-limit S      seconds per scenario (default 60)
  --seed N            random seed (default 1)
  --jobs N            worker threads (default: one per core, here ${defaultJobs()}); 1 solves in this process
  --out-dir DIR       where <scenario>.solution.json (public) and <scenario>.diff.json (organisers only) go
                      (default: out/ next to each scenario)
  --stability-weight W  price of moving one participant against the baseline (default policy.weights.stability)
  --max-moves K       at most K participants may change against the baseline (every scenario needs a baseline)
  --explain-time-limit S  budget for explaining an infeasible scenario (default 30)
  --moves             also list who moved, from which panel/role/slot to which
  --reveal-at-risk    name the at-risk participants behind an infeasible scenario's cause (by default withheld)
  --json              print the outcomes as JSON instead of the table
${INPUT_SIZE_HELP}
The table, the moves and the diff files are for organisers; the solution files are public.`;

export const command: Command = {
  name: "whatif",
  usage: help,
  run: runWhatIf,
};

async function runWhatIf(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        solver: { type: "string" },
        "time-limit": { type: "string" },
        seed: { type: "string" },
        jobs: { type: "string" },
        "out-dir": { type: "string" },
        "stability-weight": { type: "string" },
        "max-moves": { type: "string" },
        "explain-time-limit": { type: "string" },
        moves: { type: "boolean", default: false },
        "reveal-at-risk": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        ...INPUT_SIZE_OPTION,
      },
    },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.stderr(`tracktwo whatif: expected at least one SCENARIO file\nusage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const options = solveOptions(values, io, "whatif");
  if (options === null) return EXIT_USAGE;
  const jobs = jobsOption(values.jobs, io);
  const stabilityWeight = numberOption(values["stability-weight"], "stability-weight", io);
  const maxMoves = wholeOption(values["max-moves"], "max-moves", io);
  if (jobs === null || stabilityWeight === null || maxMoves === null) return EXIT_USAGE;
  const reading = await inputOptions(values["max-input-size"], positionals, io, "whatif");
  if (reading === null) return EXIT_USAGE;

  const scenarios: LoadedScenario[] = [];
  const issues: InputIssue[] = [];
  for (const file of positionals) {
    const loaded = loadScenario(file, reading);
    if (loaded.ok) scenarios.push(loaded.value);
    else issues.push(...loaded.issues);
  }
  if (maxMoves !== undefined) {
    // Moves are counted against a baseline: without one the cap would be silently ignored.
    for (const s of scenarios.filter((s) => s.baseline === null)) {
      issues.push({ file: s.file, path: ["baseline"], message: `--max-moves ${maxMoves} needs a baseline to count moves against, and this scenario has none`, expected: "a baseline solution path in the scenario, or no --max-moves" });
    }
  }
  if (issues.length > 0) return reportInputIssues(issues, io);
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(fileStem(s.name))) {
      io.stderr(`tracktwo whatif: ${s.file}: scenario name "${s.name}" is used twice; output files would collide\n`);
      return EXIT_USAGE;
    }
    names.add(fileStem(s.name));
  }
  // Every output path is checked before the solves, against every file the scenarios read.
  const inputs: InputFile[] = [
    ...positionals.map((path) => ({ path, role: "scenario" })),
    ...scenarios.flatMap((s) => [{ path: s.baseFile, role: "base program" }, ...(s.baselineFile === null ? [] : [{ path: s.baselineFile, role: "baseline" }])]),
  ];
  const outputsOf = (scenario: LoadedScenario) => {
    const dir = values["out-dir"] ?? join(dirname(scenario.file), "out");
    return { dir, solution: join(dir, `${fileStem(scenario.name)}.solution.json`), diff: join(dir, `${fileStem(scenario.name)}.diff.json`) };
  };
  for (const scenario of scenarios) {
    const out = outputsOf(scenario);
    const problem = makeDirectory(out.dir) ?? outputProblem(out.solution, inputs) ?? outputProblem(out.diff, inputs);
    if (problem !== null) {
      io.stderr(`tracktwo whatif: cannot write to ${out.dir}: ${problem}\n`);
      return EXIT_USAGE;
    }
  }

  const progress = io.isTty && !values.json ? progressDisplay(io, scenarios.length) : null;
  let results: { item: LoadedScenario; outcome: ScenarioOutcome }[];
  try {
    const all = await runScenarios(scenarios, {
      ...options,
      ...(stabilityWeight === undefined ? {} : { stabilityWeight }),
      ...(maxMoves === undefined ? {} : { maxMoves }),
      ...(jobs === undefined ? {} : { jobs }),
      ...(progress === null ? {} : { onEvent: progress.update }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    results = finished(scenarios, all);
  } finally {
    progress?.clear();
  }
  // After Ctrl-C: what finished or was cut short is still written and shown; the rest is named as not run.
  const outcomes = results.map((r) => r.outcome);

  for (const { item: scenario, outcome } of results) {
    const out = outputsOf(scenario);
    const baseline = scenario.baselineFile === null ? null : relative(out.dir, scenario.baselineFile);
    const failed =
      writeOutputFile(out.solution, jsonText(publicSolution(outcome.solution)), "public", inputs) ??
      writeOutputFile(out.diff, jsonText(diffDocument(outcome, baseline)), "organisers", inputs);
    if (failed !== null) {
      io.stderr(`tracktwo whatif: cannot write to ${out.dir}: ${failed}\n`);
      return EXIT_USAGE;
    }
  }

  const reveal = values["reveal-at-risk"] === true;
  if (values.json) {
    const rows = outcomes.map((o) => ({ name: o.name, status: o.status, objective: o.objective, dialoguePanels: o.dialoguePanels, moved: o.moved, explanation: reveal ? o.solution.explanation : redactValue(o.solution.explanation) }));
    io.stdout(jsonText({ audience: "organisers", notice: audienceNotice("organisers"), rows }));
  } else {
    io.stdout(`${audienceNotice("organisers")}\n\n${comparisonTable(outcomes)}`);
    for (const o of outcomes) {
      if (values.moves && o.moves.length > 0) {
        io.stdout(`\n${o.name}: ${o.moves.length} moved\n${o.moves.map((m) => `  ${formatMove(m)}`).join("\n")}\n`);
      }
      if (o.solution.explanation !== null) io.stdout(`\n${o.name}:\n${indent(formatExplanation(o.solution.explanation as Explanation, { budgetFlag: "--explain-time-limit", revealSensitive: reveal, revealFlag: "--reveal-at-risk" }))}`);
    }
  }
  reportInterrupted(io, "whatif", outcomes, scenarios.map((s) => s.name));
  const complete = outcomes.length === scenarios.length;
  return complete && outcomes.every((o) => o.status === "optimal" || o.status === "feasible") ? EXIT_OK : EXIT_INFEASIBLE;
}

/** A scenario name as a file name: anything but letters, digits, dot, dash and underscore becomes "_". */
const fileStem = (name: string) => name.replace(/[^\w.-]+/g, "_");

const indent = (text: string) => text.split("\n").map((l) => (l === "" ? l : `  ${l}`)).join("\n");

/** --solver, --time-limit, --seed, --explain-time-limit, shared with `sweep`. */
export function solveOptions(
  values: { solver?: string | undefined; "time-limit"?: string | undefined; seed?: string | undefined; "explain-time-limit"?: string | undefined },
  io: CliIo,
  name: string,
): WhatIfOptions | null {
  const solver = solverOption(values.solver, name, io);
  if (solver === null) return null;
  const timeLimit = timeLimitOption(values["time-limit"], io);
  const seed = wholeOption(values.seed, "seed", io);
  const explainLimit = timeLimitOption(values["explain-time-limit"], io, "explain-time-limit");
  if (timeLimit === null || seed === null || explainLimit === null) return null;
  return {
    solver,
    ...(timeLimit === undefined ? {} : { timeLimitMs: Math.round(timeLimit * 1000) }),
    ...(seed === undefined ? {} : { seed }),
    ...(explainLimit === undefined ? {} : { explainTimeLimitMs: Math.round(explainLimit * 1000) }),
  };
}


/** --jobs: a whole number of worker threads, at least 1. */
export function jobsOption(value: string | undefined, io: CliIo): number | null | undefined {
  return wholeOption(value, "jobs", io, 1);
}

/** After an abort, one stderr line: which scenarios were cut short and which never started. */
export function reportInterrupted(io: CliIo, name: string, outcomes: readonly ScenarioOutcome[], all: readonly string[]): void {
  const cut = outcomes.filter((o) => o.interrupted).map((o) => o.name);
  const ran = new Set(outcomes.map((o) => o.name));
  const skipped = all.filter((n) => !ran.has(n));
  if (cut.length === 0 && skipped.length === 0) return;
  const parts = [
    ...(cut.length === 0 ? [] : [`cut short (best found so far): ${cut.join(", ")}`]),
    ...(skipped.length === 0 ? [] : [`not run: ${skipped.join(", ")}`]),
  ];
  io.stderr(`tracktwo ${name}: interrupted; ${parts.join("; ")}\n`);
}

/** One self-overwriting stderr line: done/total, what is running, elapsed time. */
export function progressDisplay(io: CliIo, total: number): { update: (event: ScenarioEvent) => void; clear: () => void } {
  const started = performance.now();
  const running = new Set<string>();
  let done = 0;
  const draw = () => {
    const names = [...running].join(", ");
    const text = `  ${done}/${total} done${names === "" ? "" : `; solving ${names}`}  ${formatDuration(performance.now() - started)}`;
    io.stderr(`\r\x1b[2K${text.length > 110 ? `${text.slice(0, 107)}...` : text}`);
  };
  const timer = setInterval(draw, 500);
  timer.unref();
  return {
    update(event) {
      if (event.type === "start") running.add(event.name);
      else {
        running.delete(event.name);
        done++;
      }
      draw();
    },
    clear() {
      clearInterval(timer);
      io.stderr("\r\x1b[2K");
    },
  };
}
