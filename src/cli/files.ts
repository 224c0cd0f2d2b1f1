// Writing results: the one function every file tracktwo writes goes through (solution files, what-if solutions and
// diffs, the sweep CSV, program files from import and generate, the export files and the notices CSV), and the
// check that runs before the work (a solve, reading spreadsheets, the first of several files) so a bad path is
// reported before it, not after. The rules:
// - a new path, or a regular file that is replaced atomically (written beside it, then renamed over it, so a failure
//   half-way never leaves a truncated file where a good one was); a new organisers' file is private (0600);
// - a symbolic link is followed: the file it points to is replaced (or created, when the link points to a path that
//   does not exist yet in an existing folder), and the link stays a link;
// - a directory, device (/dev/null, /dev/full), named pipe or socket is refused: renaming over one would replace
//   the device node itself, and writing into one is not writing a file;
// - never over one of the command's own input files (the program, a scenario, a baseline).
import { randomBytes } from "node:crypto";
import { accessSync, closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { isatty } from "node:tty";
import { decodeUtf8, fileTypeName, formatBytes, STDIN, type ReadText } from "../model/read.js";
import type { Audience } from "../report/audience.js";

/** What an errno from writing into `dir` means to the user. */
function writeError(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `directory ${dir} does not exist; expected a writable path`;
  if (code === "ENOTDIR") return `${dir} is not a directory; expected a writable path`;
  if (code === "EISDIR") return "is a directory; expected a file path";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return `directory ${dir} is not writable; expected a writable path`;
  if (code === "ENOSPC" || code === "EDQUOT") return `no space left in ${dir}; nothing was replaced`;
  return `${code ?? (error as Error).message}; expected a writable path`;
}

/** One of a command's own input files, and what it is ("program", "scenario", "baseline"), for the message. */
export interface InputFile {
  readonly path: string;
  readonly role: string;
}

type Target = { readonly ok: true; readonly path: string; readonly mode: number | null } | { readonly ok: false; readonly problem: string };

/**
 * Where writing `file` would put the bytes (the path itself, or a symbolic link's target) and the mode of the file
 * it replaces, or why it may not be written. `inputs` are the command's input files, compared by device and inode,
 * so `./p.yaml`, `p.yaml`, a symbolic link and a hard link to an input are all recognised.
 */
function resolveTarget(file: string, inputs: readonly InputFile[]): Target {
  if (file === "") return { ok: false, problem: "is empty; expected a file path" };
  if (file === STDIN) return { ok: false, problem: `"${STDIN}" cannot be written to; expected a file path` };
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return { ok: false, problem: writeError(error, dirname(file)) };
    return folderProblem(dirname(file)) ?? { ok: true, path: file, mode: null };
  }
  let path = file;
  let stats = link;
  if (link.isSymbolicLink()) {
    const followed = followLinks(file);
    if (typeof followed === "string") return { ok: false, problem: followed };
    if (followed.stats === null) return folderProblem(dirname(followed.path)) ?? { ok: true, path: followed.path, mode: null };
    ({ path, stats } = followed);
  }
  if (stats.isDirectory()) return { ok: false, problem: "is a directory; expected a file path" };
  if (!stats.isFile()) {
    return { ok: false, problem: `is ${fileTypeName(stats)}; expected a new path or a regular file (tracktwo never writes into devices or pipes)` };
  }
  const input = inputs.find((other) => other.path !== STDIN && isSameFile(stats, other.path));
  if (input !== undefined) {
    return { ok: false, problem: `is the ${input.role} file ${input.path}; expected another path (writing there would replace the ${input.role})` };
  }
  return folderProblem(dirname(path)) ?? { ok: true, path, mode: stats.mode & 0o7777 };
}

/**
 * Where a chain of symbolic links ends: an existing file with its stats, or a path that does not exist yet (stats
 * null: writing creates it there), or why it cannot be followed (a loop, an unreadable link).
 */
function followLinks(file: string): { path: string; stats: Stats | null } | string {
  let path = file;
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { path, stats: null };
      return writeError(error, dirname(path));
    }
    if (!stats.isSymbolicLink()) return { path, stats };
    try {
      path = resolve(dirname(path), readlinkSync(path));
    } catch (error) {
      return writeError(error, dirname(path));
    }
  }
  return `is a symbolic link that leads to another for more than 40 steps (a loop?); expected a file path`;
}

function folderProblem(dir: string): Target | null {
  let folder: Stats;
  try {
    folder = statSync(dir);
  } catch (error) {
    return { ok: false, problem: writeError(error, dir) };
  }
  if (!folder.isDirectory()) return { ok: false, problem: `${dir} is not a directory; expected a writable path` };
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return { ok: false, problem: writeError(error, dir) };
  }
  return null;
}

function isSameFile(stats: Stats, other: string): boolean {
  try {
    const o = statSync(other);
    return o.dev === stats.dev && o.ino === stats.ino;
  } catch {
    return false;
  }
}

/** Why `file` cannot be written (see the rules above), or null; for checking before the work starts. */
export function outputProblem(file: string, inputs: readonly InputFile[] = []): string | null {
  const target = resolveTarget(file, inputs);
  return target.ok ? null : target.problem;
}

/**
 * Writes `text` to `file` under the rules above: through a new temporary file in the same directory (created
 * exclusively, so a planted file or link there is never followed), flushed to disk, then renamed into place. A new
 * file for organisers is readable by its owner alone (0600), a new public one as the umask allows; a replaced file
 * keeps its permission bits. Returns null on success, or what went wrong (nothing is replaced then).
 */
export function writeOutputFile(file: string, text: string, audience: Audience, inputs: readonly InputFile[] = []): string | null {
  const target = resolveTarget(file, inputs);
  if (!target.ok) return target.problem;
  const dir = dirname(target.path);
  const temp = join(dir, `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, "wx", audience === "organisers" ? 0o600 : 0o666);
    if (target.mode !== null) fchmodSync(fd, target.mode);
    const bytes = Buffer.from(text, "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target.path);
    return null;
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    return writeError(error, dir);
  }
}

/** Creates `dir` (and its parents) unless it exists; null on success, or what went wrong. */
export function makeDirectory(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return `${dir} exists and is not a directory; expected a directory path`;
    return writeError(error, dir);
  }
}

/** Standard input as the CLI sees it: what kind of file it is, and its bytes once asked for. */
export interface StandardInput {
  /** Only a pipe or a regular file is read; a terminal would wait for typing, a device (/dev/zero) never ends. */
  readonly kind: "pipe" | "file" | "terminal" | "device" | "directory" | "closed";
  /** The bytes, as they come; only called for a pipe or a file. */
  open(): AsyncIterable<Uint8Array>;
  /** Stops reading (so a pipe left open does not keep the process alive). */
  close(): void;
}

/** The process's own standard input, looked at without touching it until open() is called. */
export function processStandardInput(): StandardInput {
  let kind: StandardInput["kind"];
  try {
    const stats = fstatSync(0);
    kind = stats.isFIFO() || stats.isSocket() ? "pipe"
      : stats.isFile() ? "file"
      : stats.isDirectory() ? "directory"
      : isatty(0) ? "terminal"
      : "device";
  } catch {
    kind = "closed";
  }
  return { kind, open: () => process.stdin, close: () => void process.stdin.destroy() };
}

/**
 * All of standard input as UTF-8 text, at most `limit` bytes of it; refused unless it is a pipe or a regular file.
 * The wait for the next chunk races `signal`, so Ctrl-C stops a read from a pipe that never ends.
 */
export async function readStandardInput(stdin: StandardInput | undefined, limit: number, signal?: AbortSignal): Promise<ReadText> {
  const expected = "a file piped or redirected into tracktwo, e.g. `tracktwo generate --participants 40 | tracktwo solve -`";
  if (stdin === undefined || stdin.kind === "closed") return { ok: false, problem: "standard input is not available", expected: "a file path" };
  if (stdin.kind === "terminal") return { ok: false, problem: "standard input is a terminal", expected };
  if (stdin.kind === "device" || stdin.kind === "directory") return { ok: false, problem: `standard input is a ${stdin.kind}, not a pipe or a regular file`, expected };
  const chunks = stdin.open()[Symbol.asyncIterator]();
  const interrupted = new Promise<"interrupted">((resolve) => {
    if (signal?.aborted === true) resolve("interrupted");
    signal?.addEventListener("abort", () => resolve("interrupted"), { once: true });
  });
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = await Promise.race([chunks.next(), interrupted]);
      if (next === "interrupted") return { ok: false, problem: "interrupted while reading standard input" };
      if (next.done === true) break;
      total += next.value.length;
      if (total > limit) {
        return { ok: false, problem: `holds more than the input size limit of ${formatBytes(limit)}`, expected: `at most ${formatBytes(limit)} (--max-input-size raises the limit)` };
      }
      parts.push(next.value);
    }
  } finally {
    stdin.close();
  }
  return decodeUtf8(Buffer.concat(parts));
}
