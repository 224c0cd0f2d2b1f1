// The commands that run long (solve, whatif, sweep, explain) run in a worker thread (command-worker.ts), so that
// the main thread has nothing to do but print what the worker sends, answer Ctrl-C and watch the clock:
// - Node runs a SIGINT handler only when the main thread's event loop gets a turn; loading, normalising or the
//   first construction of a 6,000-participant program keep a thread busy for seconds, so a command run on the main
//   thread acknowledged Ctrl-C that late, and two Ctrl-C pressed meanwhile reached it as one;
// - some work cannot be cut short from the inside (parsing, building a model, a construction), so the whole-command
//   deadline needs a thread that can stop it from the outside.
// The first Ctrl-C is answered at once: with nothing found yet (and no verdict being written), the worker is
// terminated and the command exits 130 having written nothing; otherwise the worker is asked to stop and writes its
// best so far (its search answers within about 50 ms). The SIGINT handler then goes, so a second Ctrl-C ends the
// process at once (runCli in main.ts).
import type { Worker } from "node:worker_threads";
import { startWorker } from "../threads/start.js";
import { processStandardInput, type StandardInput } from "./files.js";
import { DEFAULT_SOLVE_OPTIONS } from "../solvers/solver.js";
import { EXIT_INFEASIBLE, EXIT_INTERRUPTED, EXIT_USAGE, MAX_TIME_LIMIT_SECONDS, type ExitCode } from "./io.js";

/** Commands run in a worker thread by the real process (tests call main() in-process and never get here). */
export const HOSTED_COMMANDS: ReadonlySet<string> = new Set(["solve", "whatif", "sweep", "explain"]);

/** What the worker needs to run one command line. */
export interface HostedStart {
  readonly argv: readonly string[];
  readonly isTty: boolean;
  readonly stdinKind: StandardInput["kind"];
  /** The main thread's performance.timeOrigin: the process start, where every time limit starts counting. */
  readonly processTimeOrigin: number;
}

export type ToWorker = { readonly type: "stop" };

export type FromWorker =
  | { readonly type: "stdout" | "stderr"; readonly text: string }
  /** What the command holds so far (CliIo.noteBest): a description, or null for nothing yet. */
  | { readonly type: "best"; readonly best: string | null }
  /** The solver has returned: what follows (checking, explaining, writing) is the command finishing. */
  | { readonly type: "finishing" }
  | { readonly type: "done"; readonly code: ExitCode };

export interface HostedRun {
  /** Settles with the exit code once the command has ended, or has been ended. */
  readonly exit: Promise<ExitCode>;
  /** The first Ctrl-C: says at once what happens next, then stops the worker or lets it write its best. */
  readonly interrupt: () => void;
}

export interface HostOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

/**
 * How long before the deadline the main thread stops a worker that has found nothing: what is left is for
 * terminating it and exiting (about 10-40 ms, more on a loaded machine).
 */
const EXIT_MARGIN_MS = 150;

/**
 * How long after the first Ctrl-C a command that holds something may take to write it: a solve checks and writes
 * its best in 0.8-1.2 s at 6,000 participants at load 10-11 on 2 cores; what-if and sweep stop their worker pools.
 */
const STOP_GRACE_MS = 5000;

export function hostCommand(argv: readonly string[], output: HostOutput): HostedRun {
  const name = argv[0] ?? "";
  const readsStdin = argv.includes("-");
  const start: HostedStart = {
    argv,
    isTty: output.isTty,
    stdinKind: readsStdin ? processStandardInput().kind : "closed",
    processTimeOrigin: performance.timeOrigin,
  };
  const worker: Worker = startWorker(new URL("./command-worker.js", import.meta.url), { workerData: start, stdin: readsStdin });
  if (readsStdin && (start.stdinKind === "pipe" || start.stdinKind === "file")) process.stdin.pipe(worker.stdin!);

  // What the command has said about itself: solve reports its best so far from the start (null: nothing yet);
  // explain has nothing to write until it is done (its feasibility solves at 6,000 participants can hold the
  // thread for minutes), so Ctrl-C ends it at once.
  let best: string | null | undefined = name === "solve" || name === "explain" ? null : undefined;
  let finishing = false;
  let watchdog: NodeJS.Timeout | undefined;
  let settled = false;
  let settle: (code: ExitCode) => void = () => {};
  const exit = new Promise<ExitCode>((resolve) => {
    settle = (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      if (readsStdin) {
        process.stdin.unpipe(worker.stdin!);
        process.stdin.destroy();
      }
      void worker.terminate();
      resolve(code);
    };
  });
  const nothingFound = () => best === null && !finishing;
  // solve's --time-limit counts from the process start: armed here, so that it holds even while the worker is
  // still starting. Still without anything this close to the deadline (parsing, building a model, the first
  // construction), nothing it could find would be checked and written in time.
  const limitMs = name === "solve" ? timeLimitMsOf(argv) : null;
  if (limitMs !== null) {
    watchdog = setTimeout(() => {
      if (!nothingFound()) return;
      output.stderr(`tracktwo ${name}: the time limit ran out before anything was found; nothing written\n`);
      settle(EXIT_INFEASIBLE);
    }, Math.max(0, limitMs - EXIT_MARGIN_MS - performance.now()));
  }
  const stop = () => worker.postMessage({ type: "stop" } satisfies ToWorker);

  worker.on("message", (message: FromWorker) => {
    switch (message.type) {
      case "stdout":
        return output.stdout(message.text);
      case "stderr":
        return output.stderr(message.text);
      case "best":
        best = message.best;
        return;
      case "finishing":
        finishing = true;
        return;
      case "done":
        return settle(message.code);
    }
  });
  worker.on("error", (error) => {
    if (settled) return;
    output.stderr(`tracktwo: internal error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
    settle(EXIT_USAGE);
  });
  worker.on("exit", (code) => {
    if (settled) return;
    output.stderr(`tracktwo: internal error: the ${name} thread ended (code ${code}) before the command did\n`);
    settle(EXIT_USAGE);
  });

  const interrupt = () => {
    if (settled) return;
    output.stderr(`\n${interruptText(finishing && best === null ? undefined : best)}`);
    if (nothingFound()) {
      const what = name === "explain" ? "the explanation was complete; nothing printed" : "any solution was found; nothing written";
      output.stderr(`tracktwo ${name}: interrupted before ${what}\n`);
      return settle(EXIT_INTERRUPTED);
    }
    stop();
    // A worker that does not come back (stuck in work that cannot be cut short) is ended rather than waited for.
    setTimeout(() => {
      if (settled) return;
      output.stderr(`tracktwo ${name}: did not stop within ${STOP_GRACE_MS / 1000} s of Ctrl-C; ended, nothing more written\n`);
      settle(EXIT_INTERRUPTED);
    }, STOP_GRACE_MS).unref();
  };
  return { exit, interrupt };
}

/**
 * solve's whole-command limit in milliseconds, as its own parser will read it (default 60 s), or null when the
 * option is malformed (the command then reports a usage error and exits at once).
 */
export function timeLimitMsOf(argv: readonly string[]): number | null {
  let value: string | undefined;
  for (let k = 0; k < argv.length && argv[k] !== "--"; k++) {
    const arg = argv[k]!;
    if (arg === "--time-limit") value = argv[k + 1] ?? "";
    else if (arg.startsWith("--time-limit=")) value = arg.slice("--time-limit=".length);
  }
  if (value === undefined) return DEFAULT_SOLVE_OPTIONS.timeLimitMs;
  const seconds = Number(value);
  return value.trim() !== "" && Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_TIME_LIMIT_SECONDS ? Math.round(seconds * 1000) : null;
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
