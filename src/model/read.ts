// Reading an input file: the one function every loader uses (programs, solutions, scenarios and the files they name,
// benchmark data). Only a regular file is read, never more than a size limit, and only as UTF-8 text: a device
// (/dev/zero would be read forever), a named pipe (opening one waits for a writer), a directory or a socket is an
// input error, decided from the file's type before a byte is read. "-" stands for standard input, which the caller
// reads (the CLI does so asynchronously, so Ctrl-C still works) and hands over as text.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/** The name that stands for standard input on a command line. */
export const STDIN = "-";

/** How messages name standard input. */
export const STDIN_NAME = "<stdin>";

/** A program of 10,000 participants is about 5 MiB of JSON; this leaves room without reading a runaway file. */
export const DEFAULT_MAX_INPUT_BYTES = 32 * 2 ** 20;

/** The most a limit may be raised to: V8 strings stop at about 512 Mi characters. */
export const MAX_INPUT_BYTES_CEILING = 512 * 2 ** 20;

export interface InputOptions {
  /** Refuse inputs larger than this many bytes (default DEFAULT_MAX_INPUT_BYTES). */
  readonly maxInputBytes?: number;
  /** What standard input held, already read and decoded by the caller; used for the file name "-". */
  readonly stdinText?: string;
}

export type ReadText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string; readonly expected?: string };

/** The file name as messages show it: standard input gets a name of its own. */
export function inputName(file: string): string {
  return file === STDIN ? STDIN_NAME : file;
}

/** Reads a regular file (or the given standard input for "-") as UTF-8 text, within the size limit. */
export function readInputText(file: string, options: InputOptions = {}): ReadText {
  if (file === STDIN) {
    return options.stdinText === undefined
      ? { ok: false, problem: "standard input is not available here", expected: "a file path" }
      : { ok: true, text: options.stdinText };
  }
  const read = readInputBytes(file, options);
  return read.ok ? decodeUtf8(read.bytes) : read;
}

export type ReadBytes = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly problem: string; readonly expected?: string };

/**
 * Reads a regular file's bytes within the size limit (spreadsheets are binary); anything that is not a regular
 * file is refused without being opened for long. Standard input is text only (readInputText).
 */
export function readInputBytes(file: string, options: InputOptions = {}): ReadBytes {
  const limit = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  // Typed first, so a FIFO or a device is refused without being opened (opening a FIFO blocks until a writer comes).
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    return { ok: false, problem: openErrorText(error) };
  }
  const refused = notRegular(stats) ?? tooLarge(stats.size, limit);
  if (refused !== null) return refused;
  let fd: number;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it still returns at once.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, problem: openErrorText(error) };
  }
  try {
    const opened = fstatSync(fd);
    const swapped = notRegular(opened) ?? tooLarge(opened.size, limit);
    if (swapped !== null) return swapped;
    const bytes = readAtMost(fd, limit);
    if (bytes === null) return tooLarge(limit + 1, limit)!;
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, problem: openErrorText(error) };
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, or null when it holds more than `limit` (a file may grow after its size was read). */
function readAtMost(fd: number, limit: number): Uint8Array | null {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > limit) return null;
  }
}

/** Why a path that is not a regular file cannot be read, or null for a regular file. */
function notRegular(stats: Stats): { ok: false; problem: string } | null {
  if (stats.isFile()) return null;
  return { ok: false, problem: `is ${fileTypeName(stats)}, not a regular file` };
}

function tooLarge(size: number, limit: number): { ok: false; problem: string; expected: string } | null {
  if (size <= limit) return null;
  return {
    ok: false,
    problem: `is larger than the input size limit of ${formatBytes(limit)}`,
    expected: `a file of at most ${formatBytes(limit)} (--max-input-size raises the limit)`,
  };
}

/** "a directory", "a named pipe (FIFO)", ...: what a path is, for messages. */
export function fileTypeName(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return stats.isFile() ? "a regular file" : "not a regular file";
}

/** Why a file could not be opened or read, in words: "file not found", "permission denied", ... */
export function openErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "file not found";
    case "EISDIR":
      return "is a directory, not a regular file";
    case "ENOTDIR":
      return "a folder on its path is not a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "symbolic links loop";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ENXIO":
      return "is a socket or a device without a reader, not a regular file";
    default:
      return `cannot read (${code ?? (error as Error).message})`;
  }
}

/** 32 MiB, 1.5 KiB, 900 bytes. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Math.round(value * 10) / 10} ${units[unit]}`;
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Bytes as text, when they are text: UTF-8 without a NUL byte. A UTF-16 file (Windows editors write them) and a
 * binary file get their own words; a broken byte is located by line and column, as a syntax error would be.
 */
export function decodeUtf8(bytes: Uint8Array): ReadText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: "is UTF-16 text", expected: "UTF-8 text (save the file as UTF-8)" };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = byteLineColumn(bytes, at);
    return {
      ok: false,
      problem: `is not valid UTF-8: byte 0x${bytes[at]!.toString(16).padStart(2, "0")} at line ${line}, column ${column}`,
      expected: "UTF-8 text",
    };
  }
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split("\n").length;
    return { ok: false, problem: `holds a NUL byte at line ${line}, column ${nul - before.lastIndexOf("\n")} (a binary file?)`, expected: "UTF-8 text" };
  }
  return { ok: true, text };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Sequence length and the allowed range of the second byte (no overlongs, no surrogates, nothing past U+10FFFF).
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (length === 0) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** 1-based line and column (in bytes) of a byte offset. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
