// Program files in, Program or every problem at once out. Nothing here throws for bad input: a missing file,
// broken JSON/YAML, a schema mismatch and a dangling id all become InputIssues naming the file and the JSON path.
// Every file is read by readInputText (src/model/read.ts) and parsed by parseDataText, so the limits on size,
// encoding, nesting and duplicate keys hold for programs, solutions, scenarios and the files scenarios name alike.
import { Composer, Parser, type CST } from "yaml";
import { z } from "zod";
import { ProgramSchema, type Program } from "./schema.js";
import type { InputIssue, InputIssueCode, IssuePath, Loaded } from "./issues.js";
import { inputName, readInputText, type InputOptions } from "./read.js";

/**
 * Deepest nesting of lists and objects a file may have. Real files stay under 10 (a program's deepest value is
 * participants[i].avoid.participants[j]); beyond the limit, parsers and validators would recurse towards a stack
 * overflow (a 3,000-deep YAML sequence did), so a file nested deeper is an input error like any other.
 */
export const MAX_NESTING = 64;

const NESTING_EXPECTED = `at most ${MAX_NESTING} levels of nested lists and objects`;

/** Parses JSON or YAML text (YAML is a superset, but JSON gets JSON's own error messages). */
export function parseDataText(text: string, file: string): Loaded<unknown> {
  const fail = (message: string, expected?: string, path: IssuePath = []): Loaded<unknown> => ({
    ok: false,
    issues: [expected === undefined ? { file, path, message } : { file, path, message, expected }],
  });
  // A byte-order mark is invisible in editors and meaningless in UTF-8; JSON.parse rejects it, YAML skips it.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  const trimmed = text.trimStart();
  if (trimmed === "") return fail("the file is empty", "a JSON or YAML document");
  if (/\.json$/i.test(file) || trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      if (/\.json$/i.test(file)) return { ok: false, issues: [jsonSyntaxIssue(text, (error as Error).message, file)] };
      // fall through: YAML flow style also starts with "{"
    }
    if (value !== undefined) {
      const structure = jsonStructureIssue(text, file);
      return structure === null ? { ok: true, value } : { ok: false, issues: [structure] };
    }
  }
  return parseYamlText(text, file);
}

function parseYamlText(text: string, file: string): Loaded<unknown> {
  const issue = (offset: number, message: string, expected?: string): InputIssue => {
    const { line } = lineColumn(text, offset);
    const at = `not valid YAML at line ${line}: ${message}`;
    return expected === undefined ? { file, path: [], message: at } : { file, path: [], message: at, expected };
  };
  // The concrete syntax tree is built without recursion; composing it recurses, so depth is checked in between.
  const tokens = [...new Parser().parse(text)];
  const deep = yamlTooDeepAt(tokens);
  if (deep !== null) return { ok: false, issues: [issue(deep, "nested too deeply", NESTING_EXPECTED)] };
  const docs = [...new Composer().compose(tokens, true, text.length)];
  const doc = docs[0]!;
  if (docs.length > 1) return { ok: false, issues: [issue(docs[1]!.range[0], "a second document starts here", "one YAML document per file")] };
  if (doc.errors.length > 0) {
    // yaml's messages end with " at line L, column C" only when pretty-printed; the line is said once, by us.
    return { ok: false, issues: doc.errors.map((e) => issue(e.pos[0], e.message.split("\n")[0]!)) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (error) {
    // Parsed, but not convertible: an alias to an anchor defined later, or an alias bomb past maxAliasCount.
    return { ok: false, issues: [{ file, path: [], message: `not valid YAML: ${(error as Error).message}` }] };
  }
  // Aliases can nest what the text does not (and an alias to its own ancestor nests forever).
  if (nestedDeeperThan(value, MAX_NESTING)) return { ok: false, issues: [{ file, path: [], message: "not valid YAML: its aliases nest too deeply", expected: NESTING_EXPECTED }] };
  return { ok: true, value };
}

/** Offset of the first collection nested deeper than MAX_NESTING in a YAML syntax tree, or null. */
function yamlTooDeepAt(tokens: readonly CST.Token[]): number | null {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token === null || token === undefined) continue;
    if (token.type === "document") {
      stack.push({ token: token.value, depth });
    } else if (token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") {
      if (depth + 1 > MAX_NESTING) return token.offset;
      for (const item of token.items as readonly { key?: CST.Token | null; value?: CST.Token }[]) {
        stack.push({ token: item.key, depth: depth + 1 }, { token: item.value, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Does a parsed value nest lists and objects more than `limit` deep? Level by level, so shared nodes count once. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  let level = new Set<object>();
  if (value !== null && typeof value === "object") level.add(value);
  for (let depth = 1; level.size > 0; depth++) {
    if (depth > limit) return true;
    const next = new Set<object>();
    for (const node of level) for (const child of Object.values(node)) if (child !== null && typeof child === "object") next.add(child);
    level = next;
  }
  return false;
}

/**
 * What JSON.parse lets pass in a valid JSON text but a program must not have: a key given twice in one object
 * (JSON.parse keeps the last silently, so `"atRisk": true, ..., "atRisk": false` would quietly unprotect someone),
 * and nesting deeper than MAX_NESTING. One pass without recursion; the text is known to be valid JSON.
 */
function jsonStructureIssue(text: string, file: string): InputIssue | null {
  interface Frame {
    /** Keys seen so far with their line, for an object; null for a list. */
    readonly keys: Map<string, number> | null;
    key: string | number;
    expectKey: boolean;
  }
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0x7b || c === 0x5b) {
      // { or [
      if (stack.length >= MAX_NESTING) {
        return { file, path: [], message: `nested more than ${MAX_NESTING} levels deep at line ${line}`, expected: NESTING_EXPECTED };
      }
      stack.push(c === 0x7b ? { keys: new Map(), key: "", expectKey: true } : { keys: null, key: 0, expectKey: false });
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      // ,
      const top = stack[stack.length - 1]!;
      if (top.keys === null) top.key = (top.key as number) + 1;
      else top.expectKey = true;
    } else if (c === 0x22) {
      // A string: find its end (a backslash escapes the next character).
      let end = i + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top !== undefined && top.keys !== null && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        const first = top.keys.get(key);
        if (first !== undefined) {
          const path = [...stack.slice(0, -1).map((f) => f.key), key];
          return { file, path, message: `the key "${key}" is given twice in one object (line ${first} and line ${line})`, expected: "each key once" };
        }
        top.keys.set(key, line);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    }
  }
  return null;
}

/**
 * A JSON syntax error with its line and column. Node 20's JSON.parse names the offset for some errors ("... in JSON
 * at position N", newer Nodes add "(line L column C)") and for others only quotes the text, so when the message
 * carries no offset the first offending character is found by scanning the text.
 */
function jsonSyntaxIssue(text: string, raw: string, file: string): InputIssue {
  const given = /at position (\d+)/.exec(raw);
  const offset = given !== null ? Number(given[1]) : jsonErrorOffset(text);
  const what = raw
    .replace(/ \(line \d+ column \d+\)$/, "")
    .replace(/ in JSON at position \d+$/, "")
    .replace(/, ("|\.\.\.").*$/s, "")
    .replace(/^Unexpected end of JSON input$/, "unexpected end of the file");
  const { line, column } = lineColumn(text, offset);
  return { file, path: [], message: `not valid JSON at line ${line}, column ${column}: ${what}`, expected: "JSON text (or name the file .yaml for YAML)" };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: before.length - lineStart + 1 };
}

/** Offset of the first character that makes `text` not JSON (RFC 8259), or text.length when it ends too early. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const FAIL = Symbol("fail");
  const fail = (at = i): never => {
    i = at;
    throw FAIL;
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail();
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch < " ") fail();
      if (ch !== "\\") {
        i++;
        continue;
      }
      const esc = text[++i];
      if (esc === "u") {
        for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? "")) fail(i + k);
        i += 5;
      } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
      else fail();
    }
  };
  const digits = () => {
    if (!/[0-9]/.test(text[i] ?? "")) fail();
    while (/[0-9]/.test(text[i] ?? "")) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const key = () => {
    ws();
    string();
    ws();
    expect(":");
  };
  // Iterative, with an explicit stack of open containers, so no nesting depth overflows it.
  const open: ("}" | "]")[] = [];
  try {
    for (;;) {
      // A value starts here.
      ws();
      const ch = text[i];
      if (ch === "{" || ch === "[") {
        i++;
        ws();
        const close = ch === "{" ? "}" : "]";
        if (text[i] !== close) {
          open.push(close);
          if (close === "}") key();
          continue;
        }
        i++; // an empty container is a whole value
      } else if (ch === '"') string();
      else if (ch === "t") for (const c of "true") expect(c);
      else if (ch === "f") for (const c of "false") expect(c);
      else if (ch === "n") for (const c of "null") expect(c);
      else if (ch === "-" || /[0-9]/.test(ch ?? "")) number();
      else fail();
      // After a value: a comma, a closing bracket, or the end.
      for (;;) {
        ws();
        const top = open[open.length - 1];
        if (top === undefined) {
          if (i < text.length) fail();
          return text.length; // the scanner accepts it: JSON.parse failed for a reason it cannot see
        }
        if (text[i] === top) {
          i++;
          open.pop();
          continue;
        }
        expect(",");
        if (top === "}") key();
        break;
      }
    }
  } catch (error) {
    if (error === FAIL) return i;
    throw error;
  }
}

/** What a file read by readDataFile is meant to be, for the "expected" of a file that cannot be read. */
const PROGRAM_FILE = "a program file (.json or .yaml)";

/** Reads and parses one input file; `expected` says what it should have been when it cannot be read at all. */
export function readDataFile(file: string, expected: string = PROGRAM_FILE, options: InputOptions = {}): Loaded<unknown> {
  const read = readInputText(file, options);
  if (!read.ok) return { ok: false, issues: [{ file: inputName(file), path: [], message: read.problem, expected: read.expected ?? expected }] };
  return parseDataText(read.text, inputName(file));
}

/**
 * zod issues → InputIssues, with the expectation spelled out where zod knows it. An unknown key is reported at its
 * own path (one issue per key), so the line points at the typo rather than at the object holding it.
 */
export function zodIssues(error: z.ZodError, file: string, prefix: IssuePath = []): InputIssue[] {
  return error.issues.flatMap((issue): InputIssue[] => {
    const path = [...prefix, ...issue.path.map((k) => (typeof k === "symbol" ? String(k) : k))];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ file, path: [...path, key], message: `unknown field "${key}"`, expected: "a known field (`tracktwo schema` lists them)" }));
    }
    if (issue.code === "invalid_value") {
      const options = issue.values.map((v) => JSON.stringify(v)).join(" | ");
      return [{ file, path, message: "not an allowed value", expected: `one of ${options}` }];
    }
    if (issue.code === "too_small" || issue.code === "too_big") {
      // zod's default wording ("Too small: expected number to be >=0") becomes "too small", with the bound as expected.
      const message = /^Too (small|big)\b/.test(issue.message) ? (issue.code === "too_small" ? "too small" : "too large") : issue.message;
      const expected = boundExpected(issue);
      return [expected === undefined ? { file, path, message } : { file, path, message, expected }];
    }
    const expected = "expected" in issue && typeof issue.expected === "string" ? issue.expected : undefined;
    if (issue.code === "invalid_type" && expected !== undefined) {
      const received = /received (\w+)$/.exec(issue.message)?.[1];
      // A required field that is absent is "missing", not "received undefined".
      if (received === "undefined") return [{ file, path, message: "missing", expected: expected === "int" ? "a whole number" : expected }];
      if (expected === "int") return [{ file, path, message: "not a whole number", expected: "a whole number" }];
      return [{ file, path, message: received === undefined ? issue.message : `received ${received}`, expected }];
    }
    return [expected === undefined ? { file, path, message: issue.message } : { file, path, message: issue.message, expected }];
  });
}

/** "a number >= 0", "at least 1 item": the bound a too_small / too_big issue names. */
function boundExpected(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string | undefined {
  const small = issue.code === "too_small";
  const bound = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const plural = (unit: string) => `${bound} ${unit}${bound === 1 ? "" : "s"}`;
  switch (issue.origin) {
    case "number":
    case "int":
    case "bigint":
      return `a number ${small ? ">" : "<"}${inclusive ? "=" : ""} ${bound}`;
    case "array":
    case "set":
      return `${small ? "at least" : "at most"} ${plural("item")}`;
    case "string":
      return `${small ? "at least" : "at most"} ${plural("character")}`;
    default:
      return undefined;
  }
}

/**
 * Validates an already-parsed value as a program. Every problem comes out in one report: the schema's, and the
 * cross-references of whatever parts are well-formed (a malformed entry does not hide a duplicate id or a dangling
 * reference elsewhere, and its id, when it still has one, counts as known so no false "unknown id" appears).
 */
export function validateProgram(value: unknown, file: string): Loaded<Program> {
  const parsed = ProgramSchema.safeParse(value);
  if (parsed.success) {
    const issues = crossCheckProgram(parsed.data, file);
    return issues.length > 0 ? { ok: false, issues: inDocumentOrder(issues) } : { ok: true, value: parsed.data };
  }
  const broken = new WeakMap<object, Set<string>>();
  const parts = salvage(ProgramSchema, value, broken) as Salvaged<Program> | undefined;
  const cross = parts === undefined ? [] : crossCheckParts(parts, file, broken);
  return { ok: false, issues: inDocumentOrder([...zodIssues(parsed.error, file), ...cross]) };
}

export function loadProgram(file: string, options: InputOptions = {}): Loaded<Program> {
  const data = readDataFile(file, PROGRAM_FILE, options);
  return data.ok ? validateProgram(data.value, inputName(file)) : data;
}

/**
 * A schema's output with every part that failed validation left out: an object keeps its well-formed fields, a list
 * its well-formed entries (a malformed entry is undefined, so indices still match the file).
 */
export type Salvaged<T> = T extends readonly unknown[]
  ? number extends T["length"]
    ? (Salvaged<T[number]> | undefined)[]
    : { [K in keyof T]?: Salvaged<T[K]> }
  : T extends object
    ? { [K in keyof T]?: Salvaged<T[K]> }
    : T;

/**
 * The well-formed parts of `raw` under `schema` (defaults filled as the schema fills them), or undefined when nothing
 * of it is. `broken` records, per salvaged object, the fields that were present but malformed, so "absent: use the
 * default" can be told apart from "unreadable: unknown".
 */
function salvage(schema: z.ZodType, raw: unknown, broken: WeakMap<object, Set<string>>): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (raw === undefined) return undefined;
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return salvage(schema.unwrap() as z.ZodType, raw, broken);
  }
  if (schema instanceof z.ZodObject) {
    if (!isPlainObject(raw)) return undefined;
    const out: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const value = salvage(field, raw[key], broken);
      if (value !== undefined) out[key] = value;
      else if (raw[key] !== undefined) bad.add(key);
    }
    if (bad.size > 0) broken.set(out, bad);
    return out;
  }
  if (schema instanceof z.ZodArray) {
    return Array.isArray(raw) ? raw.map((item) => salvage(schema.element as z.ZodType, item, broken)) : undefined;
  }
  if (schema instanceof z.ZodTuple) {
    const items = schema.def.items as readonly z.ZodType[];
    return Array.isArray(raw) ? items.map((item, k) => salvage(item, raw[k], broken)) : undefined;
  }
  if (schema instanceof z.ZodRecord) {
    if (!isPlainObject(raw)) return undefined;
    const valueType = schema.valueType as z.ZodType;
    // fromEntries defines own properties, so a key named "__proto__" stays a key.
    return Object.fromEntries(
      Object.entries(raw).flatMap(([key, value]) => {
        const kept = salvage(valueType, value, broken);
        return kept === undefined ? [] : [[key, kept]];
      }),
    );
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Issues grouped by where they sit: the file itself, then slots, participants, panels, policy (the order of the
 * format), entry by entry; within one place, schema issues before cross-references. Stable, so the same file
 * always gives the same report.
 */
function inDocumentOrder(issues: readonly InputIssue[]): InputIssue[] {
  const sections = ["$schema", "name", "slots", "participants", "panels", "policy"];
  const rank = (issue: InputIssue): [number, number] => {
    const [head, index] = issue.path;
    const section = head === undefined ? -1 : sections.indexOf(String(head));
    return [section === -1 && head !== undefined ? sections.length : section, typeof index === "number" ? index : -1];
  };
  return issues
    .map((issue, k) => ({ issue, k, rank: rank(issue) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.k - b.k)
    .map((x) => x.issue);
}

/** What the schema cannot see: ids that must exist or be unique, and numbers that must agree with each other. */
export function crossCheckProgram(program: Program, file: string): InputIssue[] {
  return crossCheckParts(program, file, new WeakMap());
}

type Parts = Salvaged<Program>;
type Add = (path: IssuePath, message: string, expected?: string, code?: InputIssueCode) => void;

function crossCheckParts(program: Parts, file: string, broken: WeakMap<object, Set<string>>): InputIssue[] {
  const issues: InputIssue[] = [];
  const add: Add = (path, message, expected, code) =>
    issues.push({ file, path, message, ...(expected === undefined ? {} : { expected }), ...(code === undefined ? {} : { code }) });
  const isBroken = (owner: object | undefined, key: string) => owner !== undefined && (broken.get(owner)?.has(key) ?? false);

  const participants = program.participants;
  const panels = program.panels;
  const slots = program.slots;
  const policy = program.policy;

  // null: the list itself is unreadable, so no reference into it can be judged.
  const participantIds = participants === undefined ? null : uniqueIds(participants, "participants", "participant", add);
  if (panels !== undefined) uniqueIds(panels, "panels", "panel", add);
  const slotIds = slots === undefined ? null : uniqueIds(slots, "slots", "slot", add);
  const knownParticipant = (path: IssuePath, ref: string | undefined) => {
    if (ref !== undefined && participantIds !== null && !participantIds.has(ref)) {
      add(path, `unknown participant "${ref}"`, "the id of a participant in this program");
    }
  };
  const knownSlot = (path: IssuePath, ref: string | undefined) => {
    if (ref !== undefined && slotIds !== null && !slotIds.has(ref)) {
      add(path, `unknown slot "${ref}"`, "the id of a slot in this program's slots list");
    }
  };
  const checkSize = (path: IssuePath, size: Salvaged<{ min: number; max: number }> | undefined) => {
    if (size?.min !== undefined && size.max !== undefined && size.min > size.max) {
      add(path, `min ${size.min} is greater than max ${size.max}`, "min <= max");
    }
  };

  checkSize(["policy", "panelSize"], policy?.panelSize);

  participants?.forEach((p, i) => {
    if (p === undefined) return;
    const at = ["participants", i] as const;
    p.avoid?.participants?.forEach((ref, k) => {
      knownParticipant([...at, "avoid", "participants", k], ref);
      if (ref !== undefined && ref === p.id) add([...at, "avoid", "participants", k], `"${p.id}" avoids themself`, "another participant's id");
    });
    p.unavailable?.forEach((ref, k) => knownSlot([...at, "unavailable", k], ref));
    const codes = p.nationalities?.filter((c) => c !== undefined) ?? [];
    if (new Set(codes).size !== codes.length) add([...at, "nationalities"], "a nationality is listed twice", "each nationality once");
  });

  panels?.forEach((panel, k) => {
    if (panel === undefined) return;
    const at = ["panels", k] as const;
    knownSlot([...at, "slot"], panel.slot);
    checkSize([...at, "size"], panel.size);
    const pinned = panel.pinned;
    if (pinned !== undefined) {
      pinned.presenters?.forEach((ref, j) => knownParticipant([...at, "pinned", "presenters", j], ref));
      knownParticipant([...at, "pinned", "chair"], pinned.chair);
      knownParticipant([...at, "pinned", "discussant"], pinned.discussant);
    }
  });
  checkPins(program, add, isBroken);

  policy?.keepApart?.forEach((pair, k) => {
    const [a, b] = pair ?? [];
    knownParticipant(["policy", "keepApart", k, 0], a);
    knownParticipant(["policy", "keepApart", k, 1], b);
    if (a !== undefined && a === b) add(["policy", "keepApart", k], `pairs "${a}" with themself`, "two different participants");
  });
  policy?.affinities?.forEach((aff, k) => {
    const [a, b] = aff?.between ?? [];
    knownParticipant(["policy", "affinities", k, "between", 0], a);
    knownParticipant(["policy", "affinities", k, "between", 1], b);
    if (a !== undefined && a === b) add(["policy", "affinities", k, "between"], `pairs "${a}" with themself`, "two different participants");
  });
  policy?.dialogue?.pairs?.forEach((pair, k) => {
    const [a, b] = pair?.between ?? [];
    if (a !== undefined && a === b) add(["policy", "dialogue", "pairs", k, "between"], `pairs ${a} with itself`, "two different nations");
  });
  policy?.separate?.forEach((pair, k) => {
    const [a, b] = pair ?? [];
    if (a !== undefined && a === b) add(["policy", "separate", k], `separates ${a} from itself`, "two different nations");
  });
  checkBalanceAttributes(program, add, isBroken);

  // Capacity: every presentation needs a seat, and every panel's minimum needs presentations. Judged only when
  // every number involved could be read.
  const demand = participants?.reduce<number | undefined>((sum, p) => (sum === undefined || p?.presents === undefined ? undefined : sum + p.presents), 0);
  let minSeats: number | undefined = 0;
  let maxSeats: number | undefined = 0;
  for (const panel of panels ?? []) {
    const size = panel?.size ?? (panel === undefined || isBroken(panel, "size") ? undefined : policy?.panelSize);
    if (size?.min === undefined || size.max === undefined || minSeats === undefined || maxSeats === undefined) {
      minSeats = maxSeats = undefined;
      break;
    }
    minSeats += size.min;
    maxSeats += size.max;
  }
  if (demand === undefined || panels === undefined || minSeats === undefined || maxSeats === undefined) return issues;
  if (demand > maxSeats) {
    add(["panels"], `${demand} presentations but the panels seat at most ${maxSeats} presenters`,
      "more panels, larger panel sizes, or fewer presentations", "capacity");
  } else if (demand < minSeats) {
    add(["panels"], `${demand} presentations but the panels need at least ${minSeats} presenters`,
      "fewer panels, smaller minimum sizes, or more presentations", "capacity");
  }
  return issues;
}

/**
 * Pins that contradict the program itself are input errors, not an infeasible program: a presenter pinned twice on
 * one panel, a chair or discussant pinned on a panel that has none, one person pinned to two roles on one panel,
 * and more pins of a role than the participant's presents / mayChair / mayDiscuss allow.
 */
function checkPins(program: Parts, add: Add, isBroken: (owner: object | undefined, key: string) => boolean): void {
  const { participants, panels, policy } = program;
  if (panels === undefined) return;
  // The first participant with each id (a duplicate id is reported on its own).
  const byId = new Map<string, { index: number; spec: NonNullable<NonNullable<Parts["participants"]>[number]> }>();
  participants?.forEach((p, index) => {
    if (p?.id !== undefined && !byId.has(p.id)) byId.set(p.id, { index, spec: p });
  });
  type Role = "presenter" | "chair" | "discussant";
  const pins = new Map<string, { role: Role; panel: number; path: IssuePath }[]>();
  const pin = (id: string, role: Role, panel: number, path: IssuePath) => {
    const list = pins.get(id);
    if (list === undefined) pins.set(id, [{ role, panel, path }]);
    else list.push({ role, panel, path });
  };
  const panelName = (k: number) => {
    const id = panels[k]?.id;
    return id === undefined ? `panels[${k}]` : `"${id}"`;
  };

  panels.forEach((panel, k) => {
    const pinned = panel?.pinned;
    if (panel === undefined || pinned === undefined) return;
    const at = ["panels", k, "pinned"] as const;
    const seen = new Map<string, number>();
    pinned.presenters?.forEach((id, j) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) {
        add([...at, "presenters", j], `"${id}" is pinned as presenter twice (first at presenters[${first}])`, "each pinned presenter once");
        return;
      }
      seen.set(id, j);
      pin(id, "presenter", k, [...at, "presenters", j]);
    });
    for (const role of ["chair", "discussant"] as const) {
      const id = pinned[role];
      if (id === undefined) continue;
      const path = [...at, role];
      const own = panel[role];
      const fallback = isBroken(panel, role) ? undefined : policy?.[role];
      const needed = own ?? fallback;
      if (needed === false) {
        const why = own === false ? `its ${role} is false` : `policy.${role} is false and it does not set ${role}`;
        add(path, `"${id}" is pinned as ${role} of panel ${panelName(k)}, which has no ${role} (${why})`,
          `no pinned ${role}, or ${role}: true on the panel`);
      }
      const other = seen.has(id) ? "presenter" : role === "discussant" && pinned.chair === id ? "chair" : null;
      if (other !== null) {
        add(path, `"${id}" is pinned as both ${other} and ${role} of panel ${panelName(k)}`, "one role per participant on a panel");
        continue;
      }
      pin(id, role, k, path);
    }
  });

  const limits = [
    ["presenter", "presents"],
    ["chair", "mayChair"],
    ["discussant", "mayDiscuss"],
  ] as const;
  for (const [id, list] of pins) {
    const person = byId.get(id);
    if (person === undefined) continue; // reported as an unknown participant
    for (const [role, field] of limits) {
      const limit = person.spec[field];
      const mine = list.filter((x) => x.role === role);
      if (limit === undefined || mine.length <= limit) continue;
      const where = mine.map((x) => panelName(x.panel)).join(", ");
      add(mine[limit]!.path,
        `"${id}" is pinned as ${role} on ${mine.length} panel${mine.length === 1 ? "" : "s"} (${where}) but participants[${person.index}].${field} is ${limit}`,
        `${limit === 0 ? `no ${role} pin` : `at most ${limit} ${role} pin${limit === 1 ? "" : "s"}`} for "${id}", or a larger ${field}`);
    }
  }
}

/**
 * A balance rule on an attribute nobody has is a typo ("gendre") or forgotten data: it would balance nothing. Judged
 * when every participant's attributes could be read.
 */
function checkBalanceAttributes(program: Parts, add: Add, isBroken: (owner: object | undefined, key: string) => boolean): void {
  const rules = program.policy?.balance;
  const participants = program.participants;
  if (rules === undefined || participants === undefined) return;
  if (participants.some((p) => p === undefined || isBroken(p, "attributes"))) return;
  const known = heldAttributes(participants);
  const list = known.size === 0 ? "an attribute set in participants[].attributes (none is)" : `one of: ${[...known].join(", ")}`;
  rules.forEach((rule, k) => {
    const attribute = rule?.attribute;
    if (attribute === undefined || known.has(attribute)) return;
    add(["policy", "balance", k, "attribute"], `no participant has attribute "${attribute}"`, list, "unheld-attribute");
  });
}

/** The attribute keys some participant records. */
export function heldAttributes(participants: readonly ({ attributes?: Record<string, unknown> | undefined } | undefined)[]): Set<string> {
  return new Set(participants.flatMap((p) => Object.keys(p?.attributes ?? {})));
}

function uniqueIds(
  items: readonly ({ id?: string | undefined } | undefined)[],
  field: string,
  what: string,
  add: Add,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (item?.id === undefined) return;
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else add([field, i, "id"], `duplicate ${what} id "${item.id}" (first at ${field}[${first}])`, "a unique id");
  });
  return new Set(seen.keys());
}
