// `tracktwo <command> ...`: look the command up in one table, run it with process-backed io, turn the result into
// process.exitCode. Bad input is the commands' business (one stderr line per problem, exit 2); anything that still
// escapes is a bug, reported on one line without a stack trace unless TRACKTWO_DEBUG=1.
// Command modules are imported only when their command runs, so `tracktwo --help` loads none of the solvers.
import { readFileSync } from "node:fs";
import { processStandardInput } from "./files.js";
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, guardedIo, type CliIo, type Command, type ExitCode } from "./io.js";

/** One line of `tracktwo --help`, and how to load the command. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

/** A table entry whose module is imported only when the command runs. */
function lazy(name: string, summary: string, load: () => Promise<{ readonly command: Command }>): CommandEntry {
  return { name, summary, load: async () => (await load()).command };
}

/**
 * Every command the CLI knows, in the order `--help` lists them.
 * LEAD: new commands go here: `lazy("<name>", "<one-line summary>", () => import("./commands/<name>.js"))`.
 */
export const COMMANDS: readonly CommandEntry[] = [
  lazy("solve", "compose the panels of a program and write the solution", () => import("./commands/solve.js")),
  lazy("check", "verify a solution file against a program: every hard constraint, then the objective", () => import("./commands/check.js")),
  lazy("explain", "check a program's feasibility and explain why it cannot be solved", () => import("./commands/explain.js")),
  lazy("whatif", "solve scenarios (base program + changes) side by side and compare them", () => import("./commands/whatif.js")),
  lazy("sweep", "solve one program per value of a policy parameter and tabulate the objective terms", () => import("./commands/sweep.js")),
  lazy("import", "turn a registration spreadsheet (CSV or XLSX) and a panels sheet into a program file", () => import("./commands/import.js")),
  lazy("export", "write the programme as HTML, CSV or Markdown, for the public or for the organisers", () => import("./commands/export.js")),
  lazy("notices", "list who must be told what after a re-solve (panel, slot, room, role, fellow panellists), as CSV", () => import("./commands/notices.js")),
  lazy("schema", "print the JSON Schema of the program format (v1), of scenario files (--scenario) or of import maps (--map)", () => import("./commands/schema.js")),
  lazy("generate", "write a synthetic convention program (feasible by construction, reproducible per seed)", () => import("./commands/generate.js")),
];

export function usageText(commands: readonly CommandEntry[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "usage: tracktwo <command> [options]",
    "",
    "Composes the panels of an academic convention: nationality balance, opt-outs, safety rules and",
    "Track 2 dialogue pairs, with every answer re-verified by an independent checker.",
    "",
    "commands:",
    ...lines,
    "",
    "`tracktwo <command> --help` shows a command's options; `tracktwo --version` the version.",
    "exit codes: 0 success; 1 infeasible, or a solution with violations; 2 bad input or usage;",
    "130 interrupted (Ctrl-C) before anything was found, or a second Ctrl-C.",
    "",
  ].join("\n");
}

/** The version of the installed package (package.json sits two folders up from both src/cli and dist/cli). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

const HELP_FLAGS = new Set(["--help", "-h"]);
const VERSION_FLAGS = new Set(["--version", "-v"]);

/** Runs one command line (without `node` and the script path). Never throws. */
export async function main(argv: readonly string[], given: CliIo, commands: readonly CommandEntry[] = COMMANDS): Promise<ExitCode> {
  const io = guardedIo(given);
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr(usageText(commands));
    return EXIT_USAGE;
  }
  if (VERSION_FLAGS.has(name)) {
    io.stdout(`tracktwo ${packageVersion()}\n`);
    return EXIT_OK;
  }
  try {
    if (HELP_FLAGS.has(name) || name === "help") {
      const topic = name === "help" ? commands.find((c) => c.name === args[0]) : undefined;
      io.stdout(topic === undefined ? usageText(commands) : `usage: ${(await topic.load()).usage}\n`);
      return EXIT_OK;
    }
    const entry = commands.find((c) => c.name === name);
    if (entry === undefined) {
      io.stderr(`tracktwo: unknown command "${name}"\n${usageText(commands)}`);
      return EXIT_USAGE;
    }
    const command = await entry.load();
    // `--` ends option parsing, so a file literally named "--help" stays a file.
    const end = args.indexOf("--");
    if (args.slice(0, end === -1 ? undefined : end).some((a) => HELP_FLAGS.has(a))) {
      io.stdout(`usage: ${command.usage}\n`);
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (error) {
    io.stderr(internalErrorText(error, process.env.TRACKTWO_DEBUG === "1"));
    return EXIT_USAGE;
  }
}

export function internalErrorText(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n")[0] ?? "";
  const line = `tracktwo: internal error: ${firstLine}\n`;
  if (debug && error instanceof Error && error.stack !== undefined) return `${line}${error.stack}\n`;
  return `${line}(set TRACKTWO_DEBUG=1 to see the stack trace)\n`;
}

/**
 * What the first Ctrl-C prints at once. `best` is what the running command holds so far: a description, null for
 * nothing yet, undefined for a command that does not say.
 */
export function interruptText(best: string | null | undefined): string {
  if (best === null) return "tracktwo: interrupted before anything was found; stopping (Ctrl-C again quits at once)\n";
  const holding = best === undefined ? "finishing what is running" : `finishing with the best found so far (${best})`;
  return `tracktwo: interrupted; ${holding}; Ctrl-C again quits at once and writes nothing\n`;
}

/**
 * The process side: real stdout/stderr. The first Ctrl-C aborts the running solve, which then writes its best so
 * far, and hands SIGINT back to the operating system: a second Ctrl-C ends the process at once, even in the middle
 * of checking or printing, writing nothing more (shells report 130). A JavaScript handler could not do that: it
 * runs only when the event loop gets a turn.
 */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const controller = new AbortController();
  let best: string | null | undefined;
  const onSigint = () => {
    process.off("SIGINT", onSigint);
    process.stderr.write(`\n${interruptText(best)}`);
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  // `tracktwo schema | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // Progress lines go to stderr, so it is stderr that must be a terminal.
    isTty: process.stderr.isTTY === true,
    signal: controller.signal,
    stdin: processStandardInput(),
    startedAt: 0,
    noteBest: (description) => {
      best = description;
    },
  };
  try {
    process.exitCode = await main(argv, io);
  } finally {
    process.off("SIGINT", onSigint);
  }
}
