// Worker thread body for the commands that run long (see hosted.ts): runs one command line through main() with an
// io whose every call becomes a message to the process's main thread, which prints, answers Ctrl-C and watches the
// whole-command clock while this thread loads, solves, checks and writes.
import { parentPort, workerData } from "node:worker_threads";
import type { StandardInput } from "./files.js";
import type { CliIo } from "./io.js";
import { main } from "./main.js";
import type { FromWorker, HostedStart, ToWorker } from "./hosted.js";

const port = parentPort!;
const start = workerData as HostedStart;
const post = (message: FromWorker) => port.postMessage(message);

const controller = new AbortController();
port.on("message", (message: ToWorker) => {
  if (message.type === "stop") controller.abort();
});

// Standard input reaches this thread through the Worker's `stdin` stream, which the main thread feeds.
const stdin: StandardInput = { kind: start.stdinKind, open: () => process.stdin, close: () => void process.stdin.destroy() };

const io: CliIo = {
  stdout: (text) => post({ type: "stdout", text }),
  stderr: (text) => post({ type: "stderr", text }),
  isTty: start.isTty,
  signal: controller.signal,
  stdin,
  // Both threads' performance.now() count from their own start; the command's clock is the process's.
  startedAt: start.processTimeOrigin - performance.timeOrigin,
  noteBest: (best) => post({ type: "best", best }),
  noteFinishing: () => post({ type: "finishing" }),
};

const code = await main(start.argv, io);
post({ type: "done", code });
