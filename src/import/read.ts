// The one place import reads a file from disk. Issue 12 of the project builds a shared reader with a size cap;
// pointing this function at it is the whole change needed here.
import { readFileSync } from "node:fs";
import { readErrorText } from "../model/load.js";
import type { ImportIssue } from "./issues.js";

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly issue: ImportIssue };

export function readImportFile(file: string, expected: string): ReadResult {
  try {
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    return { ok: false, issue: { file, message: readErrorText(error), expected } };
  }
}
