// What every CLI command gets and returns: text sinks (so tests can capture output) and an exit code
// (DESIGN.md §6: 0 success; 1 infeasible or violations; 2 bad input or usage; 130 interrupted by Ctrl-C).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatInputIssue, type InputIssue } from "../model/issues.js";
import { isSolverName } from "../solvers/registry.js";
import { SOLVER_NAMES, type SolverName } from "../solvers/solver.js";

export const EXIT_OK = 0;
export const EXIT_INFEASIBLE = 1;
export const EXIT_USAGE = 2;
/** Ctrl-C before anything was found, or a second Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;
export type ExitCode = typeof EXIT_OK | typeof EXIT_INFEASIBLE | typeof EXIT_USAGE | typeof EXIT_INTERRUPTED;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is an interactive terminal (progress displays only then). */
  readonly isTty: boolean;
  /** Fires on Ctrl-C so long solves can return their best so far. */
  readonly signal?: AbortSignal;
  /**
   * Commands that search tell the process what they hold so far (e.g. "objective 15,807"), or null for nothing yet,
   * so the first Ctrl-C can say at once whether there is something to write.
   */
  readonly noteBest?: (best: string | null) => void;
  /**
   * When the command's clock started, on performance.now()'s timeline: 0 for the real process (a time limit covers
   * start-up too), unset in tests (the clock starts when the command runs).
   */
  readonly startedAt?: number;
}

/** A command module: `src/cli/commands/<name>.ts` exports `command`; its one-line summary is in main.ts's table. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

export type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** node:util parseArgs, with its errors turned into one usage line instead of a stack trace. */
export function parseCommandArgs<T extends ParseArgsConfig>(
  config: T,
  io: CliIo,
  usage: string,
): ParsedArgs<T> | null {
  try {
    return parseArgs(config);
  } catch (error) {
    io.stderr(`tracktwo: ${(error as Error).message}\nusage: ${usage}\n`);
    return null;
  }
}

export function reportInputIssues(issues: readonly InputIssue[], io: CliIo): ExitCode {
  for (const issue of issues) io.stderr(`${formatInputIssue(issue)}\n`);
  return EXIT_USAGE;
}

/** Parses a non-negative number option, or reports a usage error naming the option. */
export function numberOption(value: string | undefined, name: string, io: CliIo): number | null | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    io.stderr(`tracktwo: --${name}: "${value}" is not a non-negative number\n`);
    return null;
  }
  return n;
}

/** A whole non-negative number option (seed, jobs, moves), or a usage error naming the option. */
export function wholeOption(value: string | undefined, name: string, io: CliIo): number | null | undefined {
  const n = numberOption(value, name, io);
  if (n === null || n === undefined) return n;
  if (!Number.isSafeInteger(n)) {
    io.stderr(`tracktwo: --${name}: "${value}" is not a whole number\n`);
    return null;
  }
  return n;
}

/** --solver: a registered name (default auto); an unknown name is a usage error, never a silent fallback. */
export function solverOption(value: string | undefined, command: string, io: CliIo): SolverName | null {
  const solver = value ?? "auto";
  if (isSolverName(solver)) return solver;
  io.stderr(`tracktwo ${command}: --solver: unknown solver "${solver}"; expected one of ${SOLVER_NAMES.join(", ")}\n`);
  return null;
}

/** Longest accepted --time-limit: a week (timers overflow past 2^31 ms, about 24.8 days). */
export const MAX_TIME_LIMIT_SECONDS = 7 * 24 * 3600;

/** --time-limit in seconds, positive and at most a week. */
export function timeLimitOption(value: string | undefined, io: CliIo): number | null | undefined {
  const seconds = numberOption(value, "time-limit", io);
  if (seconds === null || seconds === undefined) return seconds;
  if (seconds === 0 || seconds > MAX_TIME_LIMIT_SECONDS) {
    io.stderr(`tracktwo: --time-limit: "${value}" is out of range; expected seconds between 0 and ${MAX_TIME_LIMIT_SECONDS} (a week)\n`);
    return null;
  }
  return seconds;
}
