// What every CLI command gets and returns: text sinks (so tests can capture output) and an exit code
// (DESIGN.md §6: 0 success; 1 infeasible or violations; 2 bad input or usage; 130 interrupted by Ctrl-C).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatInputIssue, type InputIssue } from "../model/issues.js";
import { DEFAULT_MAX_INPUT_BYTES, formatBytes, MAX_INPUT_BYTES_CEILING, STDIN, STDIN_NAME, type InputOptions } from "../model/read.js";
import { escapeTerminalText } from "../report/escape.js";
import { isSolverName } from "../solvers/registry.js";
import { SOLVER_NAMES, type SolverName } from "../solvers/solver.js";
import { readStandardInput, type StandardInput } from "./files.js";

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
  /** Standard input, read when "-" stands for an input file; without it "-" is refused. */
  readonly stdin?: StandardInput;
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

/**
 * The io every command gets from main: whatever a command prints passes escapeTerminalText, so a control character
 * or bidirectional override in a name, an id or a file name shows as a visible escape instead of acting on the
 * terminal. The one thing a write may do on purpose is begin by returning to the start of the line and clearing it
 * (the progress lines); that is kept.
 */
export function guardedIo(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(terminalSafe(text)), stderr: (text) => io.stderr(terminalSafe(text)) };
}

export function terminalSafe(text: string): string {
  const lead = /^(?:\r|\x1b\[2K)*/.exec(text)![0];
  return lead + escapeTerminalText(text.slice(lead.length));
}

/** A command module: `src/cli/commands/<name>.ts` exports `command`; its one-line summary is in main.ts's table. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

export type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * node:util parseArgs in tracktwo's words. Node's strict mode throws its own sentences ("Option '--time-limit
 * <value>' argument is ambiguous..." for `--time-limit -5`), so arguments are tokenised leniently and judged here:
 * an unknown option (with the nearest known one), a missing value, a value given to a flag, an option given twice,
 * an argument where none is taken. A value that starts with "-" is a value (so `--seed -3` reaches the check that
 * says why -3 is not a seed), unless it is itself one of the command's options. One stderr line, then the usage.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T, io: CliIo, usage: string): ParsedArgs<T> | null {
  const command = commandName(usage);
  const fail = (message: string): null => {
    io.stderr(`tracktwo${command === "" ? "" : ` ${command}`}: ${message}\nusage: ${usage.split("\n")[0]}\n`);
    return null;
  };
  const options = config.options ?? {};
  const spellings = new Map<string, string>();
  for (const [name, spec] of Object.entries(options)) {
    spellings.set(`--${name}`, name);
    if (spec.short !== undefined) spellings.set(`-${spec.short}`, name);
  }
  // Lenient: every argument becomes a token (positionals too), judged below.
  const tokens = parseArgs({ ...config, strict: false, allowPositionals: true, tokens: true }).tokens ?? [];
  const given = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === "positional") {
      if (config.allowPositionals !== true) return fail(`unexpected argument "${token.value}"; ${command} takes options only`);
      continue;
    }
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (spec === undefined) return fail(unknownOptionText(token.rawName, [...spellings.keys()].filter((s) => s.startsWith("--"))));
    if (spec.type === "boolean") {
      if (token.value !== undefined) return fail(`${token.rawName} takes no value (got "${token.value}")`);
      continue;
    }
    if (token.value === undefined) return fail(`${token.rawName} needs a value`);
    if (!token.inlineValue && spellings.has(token.value)) return fail(`${token.rawName} needs a value, but the next argument is the option ${token.value}`);
    const before = given.get(token.name);
    if (before !== undefined && spec.multiple !== true) return fail(`--${token.name} is given twice ("${before}" and "${token.value}"); expected it once`);
    given.set(token.name, token.value);
  }
  return parseArgs({ ...config, strict: false, allowPositionals: true }) as unknown as ParsedArgs<T>;
}

/** "solve" from "tracktwo solve PROGRAM ...". */
function commandName(usage: string): string {
  return /^tracktwo (\w+)/.exec(usage)?.[1] ?? "";
}

/** "unknown option --tme-limit (did you mean --time-limit?); expected one of ...". */
export function unknownOptionText(raw: string, known: readonly string[]): string {
  const name = raw.replace(/=.*$/s, "");
  const near = known
    .map((k) => ({ k, d: editDistance(name, k) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 4)) || (name.length > 3 && k.startsWith(name)))
    .sort((a, b) => a.d - b.d)[0];
  const hint = near === undefined ? "" : ` (did you mean ${near.k}?)`;
  const list = known.length === 0 ? "no options" : `one of ${known.join(", ")}`;
  return /^-\d/.test(name)
    ? `unexpected ${name}: a negative number is taken only as the value of an option; expected ${list}`
    : `unknown option ${name}${hint}; expected ${list}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function reportInputIssues(issues: readonly InputIssue[], io: CliIo): ExitCode {
  for (const issue of issues) io.stderr(`${formatInputIssue(issue)}\n`);
  return EXIT_USAGE;
}

/** A number as people write one on a command line: 5, 0.5, .5, 1e3, +2; not "", "0x10", "Infinity" or " 5". */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

interface NumberRule {
  readonly whole: boolean;
  /** Smallest allowed value and whether it is allowed itself. */
  readonly min: number;
  readonly minIncluded: boolean;
  readonly max: number;
  /** What a good value looks like, for the message. */
  readonly expected: string;
}

/** One reading and one wording for every numeric option; undefined when not given, null after an error. */
function numericOption(value: string | undefined, name: string, rule: NumberRule, io: CliIo): number | null | undefined {
  if (value === undefined) return undefined;
  const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
  const problem = !Number.isFinite(n)
    ? "is not a number"
    : n < 0 && rule.min >= 0
      ? "is negative"
      : rule.whole && !Number.isSafeInteger(n)
        ? "is not a whole number"
        : n < rule.min || (n === rule.min && !rule.minIncluded) || n > rule.max
          ? "is out of range"
          : null;
  if (problem === null) return n;
  io.stderr(`tracktwo: --${name}: "${value}" ${problem}; expected ${rule.expected}\n`);
  return null;
}

/** A non-negative number option (a weight, a time in seconds), or a usage error naming the option. */
export function numberOption(value: string | undefined, name: string, io: CliIo): number | null | undefined {
  return numericOption(value, name, { whole: false, min: 0, minIncluded: true, max: Number.MAX_VALUE, expected: "a number >= 0" }, io);
}

/** A whole non-negative number option (seed, jobs, moves), or a usage error naming the option. */
export function wholeOption(value: string | undefined, name: string, io: CliIo, min = 0, max = Number.MAX_SAFE_INTEGER): number | null | undefined {
  const expected = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
  return numericOption(value, name, { whole: true, min, minIncluded: true, max, expected }, io);
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

/** --time-limit (or another time budget) in seconds: more than 0, at most a week. */
export function timeLimitOption(value: string | undefined, io: CliIo, name = "time-limit"): number | null | undefined {
  const expected = `seconds, more than 0 and at most ${MAX_TIME_LIMIT_SECONDS} (a week)`;
  return numericOption(value, name, { whole: false, min: 0, minIncluded: false, max: MAX_TIME_LIMIT_SECONDS, expected }, io);
}

/** The option every command that reads files has: how large an input file may be. */
export const INPUT_SIZE_OPTION = { "max-input-size": { type: "string" } } as const;

export const INPUT_SIZE_HELP = `  --max-input-size N  refuse input files larger than N bytes; K, M, G suffixes (default ${formatBytes(DEFAULT_MAX_INPUT_BYTES)}, at most ${formatBytes(MAX_INPUT_BYTES_CEILING)})`;

/** --max-input-size: bytes, with an optional K/M/G suffix (binary multiples: 1M is 1 MiB). */
export function inputSizeOption(value: string | undefined, io: CliIo): number | null | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(?:(k|m|g)(?:i?b)?|b)?$/i.exec(value.trim());
  const factor = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[match?.[2]?.toLowerCase() ?? ""] ?? 1;
  const bytes = match === null ? Number.NaN : Math.round(Number(match[1]) * factor);
  if (Number.isFinite(bytes) && bytes >= 1 && bytes <= MAX_INPUT_BYTES_CEILING) return bytes;
  io.stderr(`tracktwo: --max-input-size: "${value}" ${match === null ? "is not a size" : "is out of range"}; expected a size such as 64M or 200000, from 1 byte to ${formatBytes(MAX_INPUT_BYTES_CEILING)}\n`);
  return null;
}

/**
 * What the loaders need to read this command's input files: the size limit, and standard input when one of the
 * files is "-" (read here, asynchronously, so Ctrl-C can stop it; read once, so "-" may stand for one file only).
 * Null after a usage error has been reported.
 */
export async function inputOptions(sizeValue: string | undefined, files: readonly string[], io: CliIo, command: string): Promise<InputOptions | null> {
  const maxInputBytes = inputSizeOption(sizeValue, io);
  if (maxInputBytes === null) return null;
  const limit = maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const fromStdin = files.filter((f) => f === STDIN).length;
  if (fromStdin > 1) {
    io.stderr(`tracktwo ${command}: "${STDIN}" (standard input) is given ${fromStdin} times; it can stand for one file only\n`);
    return null;
  }
  if (fromStdin === 0) return { maxInputBytes: limit };
  const read = await readStandardInput(io.stdin, limit, io.signal);
  if (!read.ok) {
    io.stderr(`tracktwo ${command}: ${STDIN_NAME}: ${read.problem}${read.expected === undefined ? "" : `; expected ${read.expected}`}\n`);
    return null;
  }
  return { maxInputBytes: limit, stdinText: read.text };
}
