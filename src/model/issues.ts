// Input problems as data (zod's issue shape: where, what, what was expected). Wording for the terminal lives in
// formatInputIssue; the library never prints.
export type IssuePath = readonly (string | number)[];

/**
 * Codes for the issues other code must recognise: a program that is well formed but whose presentations do not fit
 * its seats, and a balance rule on an attribute nobody holds. What-if runs take both for answers, not broken input,
 * when changes caused them (a withdrawal can do either).
 */
export type InputIssueCode = "capacity" | "unheld-attribute";

export interface InputIssue {
  readonly file: string;
  /** JSON path inside the file, e.g. ["participants", 3, "avoid", "participants", 0]; empty for the whole file. */
  readonly path: IssuePath;
  readonly message: string;
  readonly expected?: string;
  readonly code?: InputIssueCode;
}

export type Loaded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** `participants[3].avoid.participants[0]`, the way editors and jq name a place in a JSON document. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "(file)" : out;
}

/** `conf.yaml: panels[1].size: ...`; a problem of the whole file (not found, a device, bad JSON) names the file alone. */
export function formatInputIssue(issue: InputIssue): string {
  const expected = issue.expected === undefined ? "" : `; expected ${issue.expected}`;
  const where = issue.path.length === 0 ? "" : `${formatPath(issue.path)}: `;
  return `${issue.file}: ${where}${issue.message}${expected}`;
}
