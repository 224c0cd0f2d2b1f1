// `tracktwo solve PROGRAM`: load and validate, refuse what the chosen solver cannot do, solve, re-check (inside
// solveProgram), then write the solution file and print either the summary or the JSON. Exit codes DESIGN.md §6.
import { existsSync } from "node:fs";
import { loadProgram } from "../../model/load.js";
import { normalizeProgram } from "../../model/normalize.js";
import { loadSolution, type Solution } from "../../model/solution.js";
import type { Violation } from "../../check/violations.js";
import { redactSolution } from "../../report/redact.js";
import { formatDuration, formatNumber, formatSolutionSummary } from "../../report/text.js";
import { formatViolation } from "../../report/violations.js";
import { solveProgram } from "../../solve.js";
import { mipRefusal } from "../../solvers/mip/jslp.js";
import { DEFAULT_SOLVE_OPTIONS, type ProgressEvent } from "../../solvers/solver.js";
import { outputProblem, writeFileAtomic } from "../files.js";
import {
  EXIT_INFEASIBLE,
  EXIT_OK,
  EXIT_USAGE,
  parseCommandArgs,
  timeLimitOption,
  solverOption,
  wholeOption,
  reportInputIssues,
  type CliIo,
  type Command,
  type ExitCode,
} from "../io.js";

const usage =
  "tracktwo solve PROGRAM [--solver mip|highs|greedy|search|auto] [--time-limit SECONDS] [--seed N] [--out FILE] [--json]";

const help = `${usage}

  PROGRAM             program file (.json or .yaml), format v1 (\`tracktwo schema\`)
  --solver NAME       mip (exact, javascript-lp-solver), highs (exact, HiGHS), greedy, search (local search),
                      auto (default: picks by size and time limit)
  --time-limit S      seconds before the solver returns its best so far (default ${DEFAULT_SOLVE_OPTIONS.timeLimitMs / 1000})
  --seed N            random seed for the heuristics (default ${DEFAULT_SOLVE_OPTIONS.seed})
  --out FILE          write the solution file (format v1) there
  --json              print the solution file to stdout instead of the summary
Ctrl-C stops the solver early; it still writes its best solution so far.`;

export const command: Command = {
  name: "solve",
  usage: help,
  run: runSolve,
};

async function runSolve(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(
    {
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        solver: { type: "string" },
        "time-limit": { type: "string" },
        seed: { type: "string" },
        out: { type: "string", short: "o" },
        json: { type: "boolean", default: false },
      },
    },
    io,
    usage,
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`tracktwo solve: expected one PROGRAM file, got ${positionals.length}\nusage: ${usage}\n`);
    return EXIT_USAGE;
  }
  const file = positionals[0]!;

  const solver = solverOption(values.solver, "solve", io);
  const timeLimit = timeLimitOption(values["time-limit"], io);
  const seed = wholeOption(values.seed, "seed", io);
  if (solver === null || timeLimit === null || seed === null) return EXIT_USAGE;

  // The program's problems and the --out problem are reported together, before a long solve, not after it.
  const loaded = loadProgram(file);
  const unwritable = values.out === undefined ? null : outputProblem(values.out, file);
  if (!loaded.ok) reportInputIssues(loaded.issues, io);
  if (unwritable !== null) io.stderr(`tracktwo solve: cannot write ${values.out}: ${unwritable}\n`);
  if (!loaded.ok || unwritable !== null) return EXIT_USAGE;
  const program = loaded.value;

  if (solver === "mip") {
    const refusal = mipRefusal(normalizeProgram(program));
    if (refusal !== null) {
      io.stderr(`tracktwo solve: ${refusal}\n`);
      return EXIT_USAGE;
    }
  }

  const progress = io.isTty && !values.json ? progressLine(io) : null;
  let solution: Solution;
  try {
    solution = await solveProgram(program, {
      solver,
      ...(timeLimit === undefined ? {} : { timeLimitMs: Math.round(timeLimit * 1000) }),
      ...(seed === undefined ? {} : { seed }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      ...(progress === null ? {} : { onProgress: progress.update }),
      // An infeasible program gets its causes; bounded so a failed solve never takes much longer than asked.
      explain: { timeLimitMs: Math.min(30_000, Math.max(5_000, Math.round((timeLimit ?? 60) * 1000))) },
    });
  } finally {
    progress?.clear();
  }
  const published = redactSolution(solution, program);
  const text = `${JSON.stringify(published, null, 2)}\n`;

  if (values.out !== undefined && solution.status === "timeout" && holdsAssignment(values.out)) {
    // Nothing already written is lost: a run that found nothing never replaces a file that holds panels.
    io.stderr(`tracktwo solve: kept ${values.out}: it holds a solution and this run found none\n`);
  } else if (values.out !== undefined) {
    const written = writeFileAtomic(values.out, text);
    if (written !== null) {
      io.stderr(`tracktwo solve: cannot write ${values.out}: ${written}\n`);
      return EXIT_USAGE;
    }
  }
  if (values.json) io.stdout(text);
  else io.stdout(formatSolutionSummary(program, published));

  if (solution.violations.length > 0) {
    // solveProgram drops a result the checker rejects; say why on stderr so the summary stays clean.
    io.stderr(`tracktwo solve: the checker rejected the ${solution.solver} result; no solution emitted:\n`);
    // The published (redacted) violations: a rule that exists only because someone is at risk shows as withheld.
    for (const violation of published.violations as readonly (Violation | { code: "withheld"; message: string })[]) {
      io.stderr(`  ${violation.code === "withheld" ? violation.message : formatViolation(violation)}\n`);
    }
  }
  return solution.status === "optimal" || solution.status === "feasible" ? EXIT_OK : EXIT_INFEASIBLE;
}

/** Does `file` already hold a solution with panels (one worth keeping)? */
function holdsAssignment(file: string): boolean {
  if (!existsSync(file)) return false;
  const existing = loadSolution(file);
  return existing.ok && existing.value.panels.length > 0;
}

/** One self-overwriting stderr line while an interactive solve runs, at most a few updates a second. */
function progressLine(io: CliIo): { update: (event: ProgressEvent) => void; clear: () => void } {
  let last = -Infinity;
  let shown = false;
  return {
    update(event) {
      if (event.elapsedMs - last < 250) return;
      last = event.elapsedMs;
      const bound = event.bound === undefined || event.bound === null ? "" : `  bound ${formatNumber(event.bound)}`;
      io.stderr(`\r  best ${formatNumber(event.objective)}${bound}  ${formatDuration(event.elapsedMs)}   `);
      shown = true;
    },
    clear() {
      if (shown) io.stderr("\r\x1b[2K");
    },
  };
}
