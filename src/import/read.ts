// The one place import reads a file from disk: the shared input reader (regular files only, within the size
// limit), returning bytes, since a workbook is binary.
import { readInputBytes, type InputOptions } from "../model/read.js";
import type { ImportIssue } from "./issues.js";

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly issue: ImportIssue };

export function readImportFile(file: string, expected: string, options: InputOptions = {}): ReadResult {
  const read = readInputBytes(file, options);
  return read.ok ? read : { ok: false, issue: { file, message: read.problem, expected: read.expected ?? expected } };
}
