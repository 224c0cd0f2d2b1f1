// The Maximally Diverse Grouping Problem (MDGP) as a tracktwo program: n elements split into m groups with size
// bounds, maximising the sum of pairwise values d_ij inside groups. It is the affinity objective alone, so the
// literature sets (MDGPLIB RanReal/RanInt) and their best-known values measure our search against published work.
//
// File format (as published):
//   <n> <m> <ss|ds> <LB_1> <UB_1> ... <LB_m> <UB_m>
//   <i> <j> <d_ij>        one line per pair, 0 <= i < j < n, n(n-1)/2 lines
import { basename } from "node:path";
import type { InputIssue, Loaded } from "../model/issues.js";
import { readInputText } from "../model/read.js";
import type { ProgramInput } from "../model/schema.js";

export interface MdgpInstance {
  readonly name: string;
  readonly n: number;
  readonly m: number;
  /** "ss": every group has the same bounds; "ds": different bounds per group. */
  readonly kind: "ss" | "ds";
  readonly groupBounds: readonly { readonly min: number; readonly max: number }[];
  /** Symmetric pair values, d[i * n + j]; the diagonal is 0. */
  readonly d: Float64Array;
}

export interface BestKnown {
  readonly instance: string;
  readonly value: number;
  readonly source: string;
}

/** Issues past this many are dropped: a wrong file should not print 28,000 lines. */
const MAX_ISSUES = 20;
/** The one nationality every MDGP element holds (the instances have no nationalities). */
export const MDGP_NATIONALITY = "XX";

export function parseMdgp(text: string, file: string): Loaded<MdgpInstance> {
  const issues: InputIssue[] = [];
  const fail = (line: number, message: string, expected?: string) => {
    if (issues.length < MAX_ISSUES) {
      const at = line > 0 ? `line ${line}: ` : "";
      issues.push(expected === undefined ? { file, path: [], message: at + message } : { file, path: [], message: at + message, expected });
    }
  };
  const lines = text.split(/\r?\n/);
  let k = 0;
  while (k < lines.length && lines[k]!.trim() === "") k++;
  if (k === lines.length) {
    fail(0, "the file is empty", "an MDGP instance: a header line \"n m ss|ds LB_1 UB_1 ...\" then one line per pair");
    return { ok: false, issues };
  }

  const headerLine = k + 1;
  const header = lines[k]!.trim().split(/\s+/);
  const n = Number(header[0]);
  const m = Number(header[1]);
  const kind = header[2];
  if (!isCount(n, 2) || !isCount(m, 1) || (kind !== "ss" && kind !== "ds")) {
    fail(headerLine, `bad header "${lines[k]!.trim()}"`, "\"n m ss|ds LB_1 UB_1 ... LB_m UB_m\" with integers n >= 2, m >= 1");
    return { ok: false, issues };
  }
  if (header.length !== 3 + 2 * m) {
    fail(headerLine, `the header has ${header.length - 3} bound values for ${m} groups`, `${2 * m} values (LB and UB per group)`);
    return { ok: false, issues };
  }
  const groupBounds: { min: number; max: number }[] = [];
  for (let g = 0; g < m; g++) {
    const min = Number(header[3 + 2 * g]);
    const max = Number(header[4 + 2 * g]);
    if (!isCount(min, 0) || !isCount(max, 1) || min > max) {
      fail(headerLine, `group ${g + 1} has bounds "${header[3 + 2 * g]} ${header[4 + 2 * g]}"`, "integers 0 <= LB <= UB, UB >= 1");
    }
    groupBounds.push({ min, max });
  }
  const sumMin = groupBounds.reduce((s, b) => s + b.min, 0);
  const sumMax = groupBounds.reduce((s, b) => s + b.max, 0);
  if (issues.length === 0 && (sumMin > n || sumMax < n)) {
    fail(headerLine, `group bounds admit ${sumMin} to ${sumMax} elements but n is ${n}`, "sum LB <= n <= sum UB");
  }

  const d = new Float64Array(n * n);
  const seen = new Uint8Array(n * n);
  let pairs = 0;
  for (let line = k + 1; line < lines.length; line++) {
    const raw = lines[line]!.trim();
    if (raw === "") continue;
    const parts = raw.split(/\s+/);
    const i = Number(parts[0]);
    const j = Number(parts[1]);
    const value = Number(parts[2]);
    if (parts.length !== 3 || !Number.isInteger(i) || !Number.isInteger(j) || !Number.isFinite(value)) {
      fail(line + 1, `"${raw}" is not a pair line`, "\"i j d_ij\": two element indices and a number");
      continue;
    }
    if (i < 0 || j < 0 || i >= n || j >= n || i === j) {
      fail(line + 1, `pair ${i} ${j} is out of range`, `two different indices in 0..${n - 1}`);
      continue;
    }
    if (seen[i * n + j] === 1) {
      fail(line + 1, `pair ${i} ${j} is listed twice`, "each pair once");
      continue;
    }
    seen[i * n + j] = seen[j * n + i] = 1;
    d[i * n + j] = d[j * n + i] = value;
    pairs++;
  }
  const expectedPairs = (n * (n - 1)) / 2;
  if (issues.length === 0 && pairs !== expectedPairs) {
    fail(0, `${pairs} pair lines for n = ${n}`, `${expectedPairs} lines, one per pair i < j`);
  }
  if (issues.length > 0) return { ok: false, issues };
  const name = basename(file).replace(/\.[^.]*$/, "");
  return { ok: true, value: { name, n, m, kind, groupBounds, d } };
}

export function loadMdgp(file: string): Loaded<MdgpInstance> {
  const text = readText(file, "an MDGP instance file");
  return typeof text === "string" ? parseMdgp(text, file) : text;
}

/**
 * An MDGP instance as a program: elements e0..e(n-1) of one nationality, groups G1..Gm (no slot, no chair) sized
 * by the group bounds, every pair with a non-zero d_ij an affinity of that weight, and only the affinity term
 * weighted, so the program's optimum is the instance's optimum.
 */
export function mdgpToProgram(instance: MdgpInstance): ProgramInput {
  const { n, d } = instance;
  const participantId = (i: number) => `e${i}`;
  const affinities: { between: [string, string]; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = d[i * n + j]!;
      if (w !== 0) affinities.push({ between: [participantId(i), participantId(j)], weight: w });
    }
  }
  return {
    name: `MDGP ${instance.name}`,
    participants: Array.from({ length: n }, (_, i) => ({ id: participantId(i), nationalities: [MDGP_NATIONALITY] })),
    panels: instance.groupBounds.map((bounds, g) => ({ id: `G${g + 1}`, size: { min: bounds.min, max: bounds.max } })),
    policy: {
      chair: false,
      discussant: false,
      nationality: { maxShare: 1, minDistinct: 0 },
      topics: "ignored",
      affinities,
      weights: { dialogue: 0, diversity: 0, topicFit: 0, affinity: 1, stability: 0 },
    },
  };
}

/** The MDGP objective of a grouping (group index per element), computed straight from d. */
export function mdgpValue(instance: MdgpInstance, groupOf: ArrayLike<number>): number {
  const { n, d } = instance;
  let total = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (groupOf[i] === groupOf[j]) total += d[i * n + j]!;
  return total;
}

/** bks.csv: a header row naming at least `instance` and `bks` (and optionally `source`), one row per instance. */
export function parseBestKnown(text: string, file: string): Loaded<Map<string, BestKnown>> {
  const issues: InputIssue[] = [];
  const rows = text.split(/\r?\n/).map((line, k) => ({ line: k + 1, cells: splitCsvLine(line) }));
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const head = nonEmpty[0];
  const columns = head?.cells.map((c) => c.trim()) ?? [];
  const col = (name: string) => columns.indexOf(name);
  if (col("instance") < 0 || col("bks") < 0) {
    return {
      ok: false,
      issues: [{ file, path: [], message: `row ${head?.line ?? 1}: the header lacks an "instance" or "bks" column`, expected: "a CSV header with instance and bks" }],
    };
  }
  const out = new Map<string, BestKnown>();
  for (const row of nonEmpty.slice(1)) {
    const instance = row.cells[col("instance")]?.trim() ?? "";
    const rawValue = row.cells[col("bks")]?.trim() ?? "";
    const value = Number(rawValue);
    if (instance === "") {
      issues.push({ file, path: [], message: `row ${row.line}, column instance: empty`, expected: "an instance name" });
    } else if (rawValue === "" || !Number.isFinite(value)) {
      issues.push({ file, path: [], message: `row ${row.line}, column bks: "${rawValue}" is not a number`, expected: "a finite number" });
    } else {
      out.set(instance, { instance, value, source: col("source") >= 0 ? (row.cells[col("source")]?.trim() ?? "") : "" });
    }
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

export function loadBestKnown(csvFile: string): Loaded<Map<string, BestKnown>> {
  const text = readText(csvFile, "a CSV file of best-known values");
  return typeof text === "string" ? parseBestKnown(text, csvFile) : text;
}

/** One CSV line into cells, honouring double-quoted cells with "" escapes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k]!;
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function isCount(x: number, min: number): boolean {
  return Number.isSafeInteger(x) && x >= min;
}

function readText(file: string, expected: string): string | { ok: false; issues: InputIssue[] } {
  const read = readInputText(file);
  return read.ok ? read.text : { ok: false, issues: [{ file, path: [], message: read.problem, expected: read.expected ?? expected }] };
}
