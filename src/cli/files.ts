// Writing results: the checks before a long solve and the atomic write after it, shared by solve, whatif and sweep,
// with one wording for what can go wrong ("directory X does not exist; expected a writable path").
import { accessSync, constants, existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** What an errno from writing into `dir` means to the user. */
function writeError(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `directory ${dir} does not exist; expected a writable path`;
  if (code === "ENOTDIR") return `${dir} is not a directory; expected a writable path`;
  if (code === "EISDIR") return "is a directory; expected a file path";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return `directory ${dir} is not writable; expected a writable path`;
  return `${code ?? (error as Error).message}; expected a writable path`;
}

/**
 * Why a result cannot be written to `file` (a directory, the program file itself, a missing or read-only folder),
 * or null. `programFile` is compared by resolved real path and by inode, so `./p.yaml`, `p.yaml`, a symlink and a
 * hard link to the program are all recognised.
 */
export function outputProblem(file: string, programFile?: string): string | null {
  const dir = dirname(file);
  try {
    if (existsSync(file)) {
      const target = statSync(file);
      if (target.isDirectory()) return "is a directory; expected a file path for the solution";
      if (programFile !== undefined && sameFile(file, programFile)) {
        return `is the program file ${programFile}; expected another path (writing there would replace the program with the solution)`;
      }
    }
  } catch {
    // A dangling symlink or an unreadable entry: let the directory checks below and the write itself decide.
  }
  let folder: Stats;
  try {
    folder = statSync(dir);
  } catch (error) {
    return writeError(error, dir);
  }
  if (!folder.isDirectory()) return `${dir} is not a directory; expected a writable path`;
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return writeError(error, dir);
  }
  return null;
}

function sameFile(a: string, b: string): boolean {
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Writes through a temporary file in the same directory and renames it into place, so a failure half-way never
 * leaves a truncated file where a good one was. Returns null on success, or what went wrong.
 */
export function writeFileAtomic(file: string, text: string): string | null {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, "utf8");
    renameSync(temp, file);
    return null;
  } catch (error) {
    rmSync(temp, { force: true });
    return writeError(error, dirname(file));
  }
}

/** Creates `dir` (and its parents) unless it exists; null on success, or what went wrong. */
export function makeDirectory(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    return null;
  } catch (error) {
    return writeError(error, dir);
  }
}
