// `tracktwo <command> ...`: look the command up in one table, run it with process-backed io, turn the result into
// process.exitCode. Bad input is the commands' business (one stderr line per problem, exit 2); anything that still
// escapes is a bug, reported on one line without a stack trace unless TRACKTWO_DEBUG=1.
import { pathToFileURL } from "node:url";
import { processStandardInput } from "./files.js";
import { EXIT_OK, EXIT_USAGE, guardedIo, type CliIo, type Command, type ExitCode } from "./io.js";
import { command as check } from "./commands/check.js";
import { command as generate } from "./commands/generate.js";
import { command as explain } from "./commands/explain.js";
import { command as schema } from "./commands/schema.js";
import { command as solve } from "./commands/solve.js";
import { command as sweep } from "./commands/sweep.js";
import { command as whatif } from "./commands/whatif.js";
import { command as importCommand } from "./commands/import.js";
import { command as exportCommand } from "./commands/export.js";
import { command as notices } from "./commands/notices.js";

/**
 * Every command the CLI knows, in the order `--help` lists them.
 * LEAD: new commands go here (import `command` from ./commands/<name>.js), e.g. bench.
 */
export const COMMANDS: readonly Command[] = [
  solve,
  check,
  explain,
  whatif,
  sweep,
  schema,
  generate,
  importCommand,
  exportCommand,
  notices,
  // bench,
];

export function usageText(commands: readonly Command[] = COMMANDS): string {
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
    "`tracktwo <command> --help` shows a command's options.",
    "exit codes: 0 success; 1 infeasible, or a solution with violations; 2 bad input or usage.",
    "",
  ].join("\n");
}

const HELP_FLAGS = new Set(["--help", "-h"]);

/** Runs one command line (without `node` and the script path). Never throws. */
export async function main(argv: readonly string[], given: CliIo, commands: readonly Command[] = COMMANDS): Promise<ExitCode> {
  const io = guardedIo(given);
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr(usageText(commands));
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(name) || name === "help") {
    const topic = name === "help" ? commands.find((c) => c.name === args[0]) : undefined;
    io.stdout(topic === undefined ? usageText(commands) : `usage: ${topic.usage}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`tracktwo: unknown command "${name}"\n${usageText(commands)}`);
    return EXIT_USAGE;
  }
  // `--` ends option parsing, so a file literally named "--help" stays a file.
  const end = args.indexOf("--");
  if (args.slice(0, end === -1 ? undefined : end).some((a) => HELP_FLAGS.has(a))) {
    io.stdout(`usage: ${command.usage}\n`);
    return EXIT_OK;
  }
  try {
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

/** The process side: real stdout/stderr, Ctrl-C aborts the solve (a second Ctrl-C quits at once). */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\ntracktwo: interrupted; finishing with the best found so far (Ctrl-C again to quit)\n");
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
  };
  try {
    process.exitCode = await main(argv, io);
  } finally {
    process.off("SIGINT", onSigint);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  void runCli();
}
