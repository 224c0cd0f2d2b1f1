// `tracktwo solve PROGRAM`: load and validate, refuse what the chosen solver cannot do, solve, re-check (inside
// solveProgram), then write the solution file and print either the summary or the JSON, all within --time-limit
// counted from the process start. Exit codes DESIGN.md §6, plus 130 for a Ctrl-C before anything was found.
import { existsSync } from "node:fs";
import { loadProgram } from "../../model/load.js";
import { STDIN } from "../../model/read.js";
import { normalizeProgram } from "../../model/normalize.js";
import { loadSolution, type Solution } from "../../model/solution.js";
import type { Violation } from "../../check/violations.js";
import { AUDIENCES, audienceNotice, isAudience, type Audience } from "../../report/audience.js";
import { jsonText } from "../../report/escape.js";
import { publicSolution, redactSolution, redactValue } from "../../report/redact.js";
import type { Program } from "../../model/schema.js";
import {
  formatDuration,
  formatNumber,
  formatSolutionSummary,
  FULL_LISTING_MAX_PANELS,
  WEAKEST_PANELS_SHOWN,
} from "../../report/text.js";
import { formatViolation } from "../../report/violations.js";
import { solveProgram } from "../../solve.js";
import { mipRefusal } from "../../solvers/mip/jslp.js";
import { DEFAULT_SOLVE_OPTIONS, type ProgressEvent } from "../../solvers/solver.js";
import { outputProblem, writeOutputFile } from "../files.js";
import {
  EXIT_INFEASIBLE,
  EXIT_INTERRUPTED,
  EXIT_OK,
  EXIT_USAGE,
  INPUT_SIZE_HELP,
  INPUT_SIZE_OPTION,
  inputOptions,
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
  "tracktwo solve PROGRAM [--solver mip|highs|greedy|search|auto] [--time-limit SECONDS] [--seed N] [--out FILE] [--audience public|organisers] [--json] [--panels all|N] [--progress]";

const help = `${usage}

  PROGRAM             program file (.json or .yaml), format v1 (\`tracktwo schema\`); - reads standard input
  --solver NAME       mip (exact, javascript-lp-solver), highs (exact, HiGHS), greedy, search (local search),
                      auto (default: picks by size and time limit)
  --time-limit S      wall clock for the whole command, start-up and printing included; the solver returns its
                      best so far in time (default ${DEFAULT_SOLVE_OPTIONS.timeLimitMs / 1000})
  --seed N            random seed for the heuristics (default ${DEFAULT_SOLVE_OPTIONS.seed})
  --out FILE          write the solution file (format v1) there: a new path or a regular file
  --audience A        who the solution file is for: public (default: panels and roles, status, solver, seed
                      and time only; no objective, bound, violations or explanation) or organisers (adds the
                      objective, the bound, the checker's findings, the explanation of an infeasible program and
                      the solver's statistics; at-risk details withheld; created readable by its owner alone)
  --json              print the solution file to stdout instead of the summary
  --panels all|N      the summary lists every panel, or the N weakest (default: every panel up to
                      ${FULL_LISTING_MAX_PANELS} panels, else totals and the ${WEAKEST_PANELS_SHOWN} weakest)
  --progress          progress lines on stderr even when it is not a terminal (for logs)
${INPUT_SIZE_HELP}
The printed summary is for organisers.
Ctrl-C stops the solver early and writes its best solution so far; a second Ctrl-C quits at once, writing nothing.`;

export const command: Command = {
  name: "solve",
  usage: help,
  run: runSolve,
};

/**
 * Time kept back for what follows solveProgram: redacting, the summary or the JSON, writing the file and exiting.
 * Linear in the program and slower on a loaded machine, so the larger of a size estimate (0.26 s at 6,000
 * participants) and 0.6 times what loading this program just took (at 6,000 participants and loads 8 to 11 on 2
 * cores, printing and exiting took 0.1 to 0.5 s, loading 0.5 to 0.8 s).
 */
function printReserveMs(program: Program, loadMs: number): number {
  return Math.max(20 + 0.04 * program.participants.length, 0.6 * loadMs);
}

async function runSolve(args: readonly string[], io: CliIo): Promise<ExitCode> {
  // The time limit counts from the process start (io.startedAt), so loading and start-up are inside it.
  const startedAt = io.startedAt ?? performance.now();
  io.noteBest?.(null);
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
        audience: { type: "string", default: "public" },
        panels: { type: "string" },
        progress: { type: "boolean", default: false },
        ...INPUT_SIZE_OPTION,
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
  const panels = panelsOption(values.panels, io);
  const audience = audienceOption(values.audience, io);
  if (solver === null || timeLimit === null || seed === null || panels === null || audience === null) return EXIT_USAGE;
  const limitMs = timeLimit === undefined ? DEFAULT_SOLVE_OPTIONS.timeLimitMs : Math.round(timeLimit * 1000);
  const deadline = startedAt + limitMs;
  const reading = await inputOptions(values["max-input-size"], [file], io, "solve");
  if (reading === null) return EXIT_USAGE;

  // The program's problems and the --out problem are reported together, before a long solve, not after it.
  const loadStarted = performance.now();
  const loaded = loadProgram(file, reading);
  const loadMs = performance.now() - loadStarted;
  const unwritable = values.out === undefined ? null : outputProblem(values.out, [{ path: file, role: "program" }]);
  if (!loaded.ok) reportInputIssues(loaded.issues, io);
  if (unwritable !== null) io.stderr(`tracktwo solve: cannot write ${values.out}: ${unwritable}\n`);
  if (!loaded.ok || unwritable !== null) return EXIT_USAGE;
  const program = loaded.value;
  if (isInterrupted(io)) return interruptedBeforeAnything(io);

  if (solver === "mip") {
    const refusal = mipRefusal(normalizeProgram(program));
    if (refusal !== null) {
      io.stderr(`tracktwo solve: ${refusal}\n`);
      return EXIT_USAGE;
    }
  }

  const progress = values.json && !values.progress ? null : progressDisplay(io, values.progress);
  const timeLimitMs = Math.max(0, deadline - performance.now() - printReserveMs(program, loadMs));
  progress?.start(solver, limitMs);
  let solution: Solution;
  try {
    solution = await solveProgram(program, {
      solver,
      timeLimitMs,
      ...(seed === undefined ? {} : { seed }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (event) => {
        io.noteBest?.(`objective ${formatNumber(event.objective)}`);
        progress?.update(event);
      },
      // An infeasible program gets its causes, within what is left of the time limit and never more than 30 s.
      explain: { timeLimitMs: 30_000 },
    });
  } finally {
    progress?.clear();
  }
  if (isInterrupted(io) && solution.panels.length === 0 && solution.status === "timeout") {
    return interruptedBeforeAnything(io);
  }
  const text = jsonText(solutionFileFor(audience, solution, program));

  const kept = values.out !== undefined && solution.status === "timeout" && holdsAssignment(values.out);
  if (kept) {
    // Nothing already written is lost: a run that found nothing never replaces a file that holds panels.
    io.stderr(`tracktwo solve: kept ${values.out}: it holds a solution and this run found none\n`);
  } else if (values.out !== undefined) {
    const written = writeOutputFile(values.out, text, audience, [{ path: file, role: "program" }]);
    if (written !== null) {
      io.stderr(`tracktwo solve: cannot write ${values.out}: ${written}\n`);
      return EXIT_USAGE;
    }
  }
  if (values.json) io.stdout(text);
  else io.stdout(`${audienceNotice("organisers")}\n\n${formatSolutionSummary(program, solution, panels === undefined ? {} : { panels })}`);
  // On stderr, as import, export and notices say theirs on stdout: with --json, stdout is the file's data alone.
  if (values.out !== undefined && !kept) io.stderr(`wrote ${values.out} (audience: ${audience})\n`);
  if (values.json && audience === "public" && solution.explanation !== null) {
    // The public file carries no explanation (it could tell who is protected); organisers ask explain for it.
    io.stderr(`tracktwo solve: ${solution.status}; \`tracktwo explain ${file === STDIN ? "PROGRAM" : file}\` explains why (organisers only)\n`);
  }

  if (solution.violations.length > 0) {
    // solveProgram drops a result the checker rejects; say why on stderr so the summary stays clean.
    io.stderr(`tracktwo solve: the checker rejected the ${solution.solver} result; no solution emitted:\n`);
    // As organisers see them by default: a rule that exists only because someone is at risk shows as withheld.
    for (const violation of solution.violations.map((v) => redactValue(v, program)) as readonly (Violation | { code: "withheld"; message: string })[]) {
      io.stderr(`  ${violation.code === "withheld" ? violation.message : formatViolation(violation)}\n`);
    }
  }
  return solution.status === "optimal" || solution.status === "feasible" ? EXIT_OK : EXIT_INFEASIBLE;
}

/** Has Ctrl-C been pressed? (A function, so that the check is made when it is called.) */
function isInterrupted(io: CliIo): boolean {
  return io.signal?.aborted === true;
}

function interruptedBeforeAnything(io: CliIo): ExitCode {
  io.stderr("tracktwo solve: interrupted before any solution was found; nothing written\n");
  return EXIT_INTERRUPTED;
}

/** --audience: who the solution file is for. */
function audienceOption(value: string, io: CliIo): Audience | null {
  if (isAudience(value)) return value;
  io.stderr(`tracktwo solve: --audience: unknown audience "${value}"; expected one of ${AUDIENCES.join(", ")}\n`);
  return null;
}

/**
 * The solution file through the gate of its audience: public (the assignment alone, see publicSolution), or
 * organisers (the full format v1 record, at-risk details withheld as in every organiser report by default).
 */
function solutionFileFor(audience: Audience, solution: Solution, program: Program): unknown {
  return audience === "public" ? publicSolution(solution) : { audience, ...redactSolution(solution, program) };
}

/** --panels: "all" or how many of the weakest panels the summary lists. */
function panelsOption(value: string | undefined, io: CliIo): "all" | number | null | undefined {
  if (value === undefined || value === "all") return value;
  const count = Number(value);
  if (value.trim() === "" || !Number.isSafeInteger(count) || count < 0) {
    io.stderr(`tracktwo solve: --panels: "${value}" is neither "all" nor a whole number of panels\n`);
    return null;
  }
  return count;
}

/** Does `file` already hold a solution with panels (one worth keeping)? */
function holdsAssignment(file: string): boolean {
  if (!existsSync(file)) return false;
  const existing = loadSolution(file);
  return existing.ok && existing.value.panels.length > 0;
}

interface ProgressDisplay {
  start(solver: string, limitMs: number): void;
  update(event: ProgressEvent): void;
  clear(): void;
}

/**
 * On a terminal, one self-overwriting stderr line at most a few updates a second; with --progress elsewhere, one
 * stderr line per update at most every second (and the first one at once), for logs. Otherwise nothing.
 */
function progressDisplay(io: CliIo, forced: boolean): ProgressDisplay | null {
  if (!io.isTty && !forced) return null;
  const interval = io.isTty ? 250 : 1000;
  let last = -Infinity;
  let shown = false;
  const show = (text: string) => {
    if (io.isTty) io.stderr(`\r  ${text}   `);
    else io.stderr(`progress: ${text}\n`);
    shown = true;
  };
  return {
    start(solver, limitMs) {
      show(`solving with ${solver}, time limit ${formatDuration(limitMs)}`);
    },
    update(event) {
      if (event.elapsedMs - last < interval) return;
      last = event.elapsedMs;
      const bound = event.bound === undefined || event.bound === null ? "" : `  bound ${formatNumber(event.bound)}`;
      show(`best ${formatNumber(event.objective)}${bound}  ${formatDuration(event.elapsedMs)}`);
    },
    clear() {
      if (shown && io.isTty) io.stderr("\r\x1b[2K");
    },
  };
}
