// Sweeps: one program per value of one policy parameter, solved side by side (through the same worker pool as
// what-if scenarios), reported as objective terms against the parameter.
import type { InputIssue, Loaded } from "../model/issues.js";
import { audienceNotice } from "../report/audience.js";
import { csvText } from "../report/csv.js";
import type { Program } from "../model/schema.js";
import { parseValuePath, policyPathProblem, setPolicyValue } from "./apply.js";
import type { LoadedScenario } from "./load.js";
import type { ScenarioOutcome } from "./run.js";

export interface SweepSpec {
  readonly path: string;
  readonly values: readonly unknown[];
}

/** A decimal number as a user writes one: 0.35, -1, .5, 1e-12, 2.5E3. */
const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;

/**
 * `policy.nationality.maxShare=0.3:0.6:0.05` (start:stop:step, stop included), `...=0.3,0.4,0.5` (a list), or
 * `...=0.4` (one value). List items that are not numbers are read as JSON (`policy.topics=required,ignored`
 * reads as strings). Items are separated by the commas outside brackets, braces and JSON strings, so JSON lists and
 * objects sweep too: `policy.separate=[],[["RU","UA"]],[["RU","UA"],["IL","PS"]]` is three values.
 */
export function parseSweepSpec(text: string, label = "--set"): Loaded<SweepSpec> {
  const fail = (message: string, expected: string): Loaded<SweepSpec> => ({
    ok: false,
    issues: [{ file: label, path: [], message, expected }],
  });
  const eq = text.indexOf("=");
  if (eq <= 0) return fail(`"${text}" has no "=VALUES"`, "PATH=START:STOP:STEP or PATH=V1,V2,...");
  const path = text.slice(0, eq).trim();
  const rhs = text.slice(eq + 1).trim();
  const range = new RegExp(`^(${NUMBER}):(${NUMBER}):(${NUMBER})$`, "i").exec(rhs);
  if (range !== null) {
    const written = [range[1]!, range[2]!, range[3]!];
    const [start, stop, step] = written.map(Number) as [number, number, number];
    if (![start, stop, step].every(Number.isFinite) || step <= 0 || stop < start) {
      return fail(`"${rhs}" is not an increasing range`, "START:STOP:STEP with START <= STOP and STEP > 0");
    }
    // The stop counts as reached when it is within a billionth of a step (0.3 + 6 * 0.05 is 0.6000000000000001).
    const count = Math.floor((stop - start) / step + 1e-9) + 1;
    if (count > 1000) return fail(`"${rhs}" gives ${count} values`, "at most 1000 values");
    // Value k is start + k * step, rounded to as many decimal places as the three numbers were written with: every
    // value is then exactly the decimal the user meant (0.45, not 0.45000000000000007; 2e-12, not 0). `|| 0` turns
    // the -0 of -0.2 + 2 * 0.1 into 0.
    const places = Math.min(100, Math.max(...written.map(decimalPlaces)));
    const values = Array.from({ length: count }, (_, k) => Number((start + k * step).toFixed(places)) || 0);
    return { ok: true, value: { path, values } };
  }
  if (rhs === "") return fail("no values", "at least one value");
  const items = splitTopLevel(rhs);
  if (items === null) return fail(`"${rhs}" has unbalanced brackets, braces or quotes`, 'values such as 0.3,0.4 or [["RU","UA"]],[]');
  if (items.some((item) => item.trim() === "")) return fail(`"${rhs}" has an empty value`, "values separated by single commas");
  return { ok: true, value: { path, values: items.map((item) => parseValue(item.trim())) } };
}

/** Decimal places a written number needs: "0.05" → 2, "1e-12" → 12, "2.5e3" → 0. */
export function decimalPlaces(written: string): number {
  const match = /^[-+]?(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(written.trim());
  if (match === null) return 0;
  const fraction = (match[2] ?? "").length;
  const exponent = match[3] === undefined ? 0 : Number(match[3]);
  return Math.max(0, fraction - exponent);
}

/**
 * Splits on the commas at bracket/brace depth 0 outside JSON strings; null when brackets, braces or quotes do not
 * balance.
 */
export function splitTopLevel(text: string): string[] | null {
  const items: string[] = [];
  const closers: string[] = [];
  let inString = false;
  let from = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (inString) {
      if (ch === "\\") k++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "[") closers.push("]");
    else if (ch === "{") closers.push("}");
    else if (ch === "]" || ch === "}") {
      if (closers.pop() !== ch) return null;
    } else if (ch === "," && closers.length === 0) {
      items.push(text.slice(from, k));
      from = k + 1;
    }
  }
  if (inString || closers.length > 0) return null;
  items.push(text.slice(from));
  return items;
}

function parseValue(text: string): unknown {
  if (text !== "" && Number.isFinite(Number(text))) return Number(text);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One scenario per swept value, ready for runScenarios; invalid values are reported all at once. */
export function sweepScenarios(program: Program, programFile: string, spec: SweepSpec): Loaded<LoadedScenario[]> {
  // A path that names nothing is wrong for every value: say it once.
  const pathProblem = policyPathProblem(program, spec.path);
  if (pathProblem !== null) {
    return {
      ok: false,
      issues: [{ file: "--set", path: parseValuePath(spec.path) ?? [spec.path], message: pathProblem, expected: "a path such as policy.nationality.maxShare" }],
    };
  }
  const scenarios: LoadedScenario[] = [];
  const issues: InputIssue[] = [];
  for (const value of spec.values) {
    const set = setPolicyValue(program, spec.path, value, "--set", [`${spec.path}=${JSON.stringify(value)}`]);
    if (!set.ok) {
      issues.push(...set.issues);
      continue;
    }
    scenarios.push({
      name: `${spec.path}=${formatValue(value)}`,
      file: programFile,
      description: null,
      baseFile: programFile,
      baselineFile: null,
      program: set.value,
      baseline: null,
      maxMoves: null,
      changeCount: 1,
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: scenarios };
}

export function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export interface SweepRow {
  readonly value: unknown;
  readonly outcome: ScenarioOutcome;
}

/**
 * Columns: parameter, status, total, every objective term seen, then dialogue panels per pair. For organisers (which
 * values make the program infeasible says something about its safety rules): the first line is a `#` comment saying
 * so (src/report/csv.ts).
 */
export function sweepCsv(path: string, rows: readonly SweepRow[]): string {
  const terms = termColumns(rows.map((r) => r.outcome));
  const pairs = pairColumns(rows.map((r) => r.outcome));
  const header = [path, "status", "total", ...terms, ...pairs.map((p) => `${p} panels`)];
  const lines = rows.map(({ value, outcome }) => [
    formatValue(value),
    outcome.status,
    outcome.objective === null ? "" : String(outcome.objective.total),
    ...terms.map((t) => (outcome.objective?.terms[t] === undefined ? "" : String(outcome.objective.terms[t]))),
    ...pairs.map((p) => (outcome.dialoguePanels[p] === undefined ? "" : String(outcome.dialoguePanels[p]))),
  ]);
  return csvText([header, ...lines], audienceNotice("organisers"));
}

const TERM_ORDER = ["dialogue", "diversity", "topicFit", "affinity", "stability"];

/** Objective terms present in any outcome, in DESIGN.md §4 order, unknown ones after. */
export function termColumns(outcomes: readonly ScenarioOutcome[]): string[] {
  const seen = new Set<string>();
  for (const o of outcomes) for (const t of Object.keys(o.objective?.terms ?? {})) seen.add(t);
  return [...TERM_ORDER.filter((t) => seen.has(t)), ...[...seen].filter((t) => !TERM_ORDER.includes(t)).sort()];
}

export function pairColumns(outcomes: readonly ScenarioOutcome[]): string[] {
  const seen = new Set<string>();
  for (const o of outcomes) for (const p of Object.keys(o.dialoguePanels)) seen.add(p);
  return [...seen];
}
