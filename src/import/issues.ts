// What goes wrong while importing, as data: the file, and where in it a person would look. A spreadsheet place is
// a sheet, a row number as the spreadsheet shows it (the header is usually row 1) and a column (its letter and its
// header); a place in the map file is a JSON path. Wording for the terminal lives in formatImportIssue.
import { formatPath, type InputIssue, type IssuePath } from "../model/issues.js";
import { escapeTerminal } from "../report/escape.js";

export interface ColumnRef {
  /** 0-based position in the row; shown as a letter (A, B, ..., AA). */
  readonly index: number;
  readonly header: string;
}

export interface ImportIssue {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: ColumnRef;
  /** A JSON path, for issues in the map file. */
  readonly path?: IssuePath;
  readonly message: string;
  readonly expected?: string;
}

/** A, B, ..., Z, AA, AB, ...: the column letters spreadsheets show. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * `registration.xlsx [sheet "Panels"]: row 14, column C "Nationality": unknown country "Rusia"; expected ...`.
 * Cell text comes from the file, so the whole line is made safe for a terminal.
 */
export function formatImportIssue(issue: ImportIssue): string {
  const where: string[] = [];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) where.push(`column ${columnLetter(issue.column.index)} "${issue.column.header}"`);
  if (issue.path !== undefined) where.push(formatPath(issue.path));
  const sheet = issue.sheet === undefined ? "" : ` [sheet "${issue.sheet}"]`;
  const place = where.length === 0 ? "" : `${where.join(", ")}: `;
  const expected = issue.expected === undefined ? "" : `; expected ${issue.expected}`;
  return escapeTerminal(`${issue.file}${sheet}: ${place}${issue.message}${expected}`);
}

/** An InputIssue of a JSON/YAML file (the map) as an ImportIssue. */
export function fromInputIssue(issue: InputIssue): ImportIssue {
  return {
    file: issue.file,
    ...(issue.path.length > 0 ? { path: issue.path } : {}),
    message: issue.message,
    ...(issue.expected === undefined ? {} : { expected: issue.expected }),
  };
}
