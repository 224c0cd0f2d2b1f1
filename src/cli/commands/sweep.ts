// `tracktwo sweep PROGRAM --set PATH=START:STOP:STEP`: one program per value of one policy parameter, solved side
// by side, printed as a table of objective terms against the parameter and written as CSV.
import { basename, extname } from "node:path";
import { loadBaseProgram } from "../../scenarios/load.js";
import { defaultJobs, finished, runScenarios } from "../../scenarios/parallel.js";
import { comparisonTable } from "../../scenarios/report.js";
import type { ScenarioOutcome } from "../../scenarios/run.js";
import { formatValue, parseSweepSpec, sweepCsv, sweepScenarios } from "../../scenarios/sweep.js";
import { SOLVER_NAMES } from "../../solvers/solver.js";
import { STDIN } from "../../model/read.js";
import { audienceNotice } from "../../report/audience.js";
import { jsonText } from "../../report/escape.js";
import { EXIT_INFEASIBLE, EXIT_OK, EXIT_USAGE, INPUT_SIZE_HELP, INPUT_SIZE_OPTION, inputOptions, parseCommandArgs, reportInputIssues, type CliIo, type Command, type ExitCode } from "../io.js";
import { outputProblem, writeOutputFile } from "../files.js";
import { jobsOption, progressDisplay, reportInterrupted, solveOptions } from "./whatif.js";

const usage =
  "tracktwo sweep PROGRAM --set PATH=START:STOP:STEP|V1,V2,... [--solver NAME] [--time-limit SECONDS] [--seed N] [--jobs N] [--csv FILE] [--json]";

const help = `${usage}

  PROGRAM             program file (.json or .yaml); - reads standard input
  --set PATH=VALUES   policy value to sweep: a range START:STOP:STEP (stop included; values exact to the
                      decimals written), e.g. policy.nationality.maxShare=0.3:0.6:0.05, or a comma-separated
                      list of numbers, words or JSON, e.g. policy.dialogue.maxImbalance=0,1,2,null; commas
                      inside [...], {...} or "..." do not separate values, so JSON lists sweep too (quote
                      them for the shell): 'policy.separate=[],[["RU","UA"]],[["RU","UA"],["IL","PS"]]'
                      is three values
  --solver NAME       ${SOLVER_NAMES.join(", ")} (default auto)
  --time-limit S      seconds per value (default 60)
  --seed N            random seed (default 1)
  --jobs N            worker threads (default: one per core, here ${defaultJobs()}); 1 solves in this process
  --csv FILE          where the CSV goes (default <program>.sweep.csv in the current directory, stdin.sweep.csv
                      for standard input); its first line says it is for organisers only
  --json              print the rows as JSON instead of the table
${INPUT_SIZE_HELP}

Exit status: 0 when at least one value was solved, 1 when none was (all infeasible or timed out), 2 for bad input.`;

export const command: Command = {
  name: "sweep",
  usage: help,
  run: runSweep,
};

async function runSweep(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        set: { type: "string" },
        solver: { type: "string" },
        "time-limit": { type: "string" },
        seed: { type: "string" },
        jobs: { type: "string" },
        csv: { type: "string" },
        json: { type: "boolean", default: false },
        ...INPUT_SIZE_OPTION,
      },
    },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || values.set === undefined) {
    io.stderr(`tracktwo sweep: expected one PROGRAM file and --set PATH=VALUES\nusage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const options = solveOptions(values, io, "sweep");
  const jobs = jobsOption(values.jobs, io);
  if (options === null || jobs === null) return EXIT_USAGE;
  const file = positionals[0]!;
  const reading = await inputOptions(values["max-input-size"], [file], io, "sweep");
  if (reading === null) return EXIT_USAGE;

  const spec = parseSweepSpec(values.set);
  if (!spec.ok) return reportInputIssues(spec.issues, io);
  const program = loadBaseProgram(file, reading);
  if (!program.ok) return reportInputIssues(program.issues, io);
  const csvFile = values.csv ?? `${file === STDIN ? "stdin" : basename(file, extname(file))}.sweep.csv`;
  const unwritable = outputProblem(csvFile, [{ path: file, role: "program" }]);
  if (unwritable !== null) {
    io.stderr(`tracktwo sweep: cannot write ${csvFile}: ${unwritable}\n`);
    return EXIT_USAGE;
  }
  const scenarios = sweepScenarios(program.value, file, spec.value);
  if (!scenarios.ok) return reportInputIssues(scenarios.issues, io);

  const progress = io.isTty && !values.json ? progressDisplay(io, scenarios.value.length) : null;
  let rows: { value: unknown; outcome: ScenarioOutcome }[];
  try {
    const all = await runScenarios(scenarios.value, {
      ...options,
      explain: false,
      ...(jobs === undefined ? {} : { jobs }),
      ...(progress === null ? {} : { onEvent: progress.update }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    // After Ctrl-C the values solved so far (and those cut short) still make the table and the CSV.
    rows = finished(spec.value.values, all).map(({ item, outcome }) => ({ value: item, outcome }));
  } finally {
    progress?.clear();
  }
  const outcomes = rows.map((r) => r.outcome);

  const failed = writeOutputFile(csvFile, sweepCsv(spec.value.path, rows), "organisers", [{ path: file, role: "program" }]);
  if (failed !== null) {
    io.stderr(`tracktwo sweep: cannot write ${csvFile}: ${failed}\n`);
    return EXIT_USAGE;
  }
  if (values.json) {
    const json = rows.map(({ value, outcome }) => ({ value, status: outcome.status, objective: outcome.objective, dialoguePanels: outcome.dialoguePanels }));
    io.stdout(jsonText({ audience: "organisers", notice: audienceNotice("organisers"), rows: json }));
  } else {
    const label = new Map(rows.map((r) => [r.outcome, formatValue(r.value)]));
    io.stdout(`${audienceNotice("organisers")}\n\n${comparisonTable(outcomes, spec.value.path, (o) => label.get(o) ?? o.name)}`);
    io.stderr(`wrote ${csvFile}\n`);
  }
  reportInterrupted(io, "sweep", outcomes, scenarios.value.map((s) => s.name));
  // DESIGN.md §6: 1 when nothing was found, here when no value produced a solution (all infeasible or timed out).
  return outcomes.some((o) => o.status === "optimal" || o.status === "feasible") ? EXIT_OK : EXIT_INFEASIBLE;
}
