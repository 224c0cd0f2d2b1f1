// Program files in, Program or every problem at once out. Nothing here throws for bad input: a missing file,
// broken JSON/YAML, a schema mismatch and a dangling id all become InputIssues naming the file and the JSON path.
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ProgramSchema, type Program } from "./schema.js";
import type { InputIssue, IssuePath, Loaded } from "./issues.js";

/** Parses JSON or YAML text (YAML is a superset, but JSON gets JSON's own error messages). */
export function parseDataText(text: string, file: string): Loaded<unknown> {
  const trimmed = text.trimStart();
  if (/\.json$/i.test(file) || trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
      if (/\.json$/i.test(file)) {
        return { ok: false, issues: [{ file, path: [], message: `not valid JSON (${(error as Error).message})` }] };
      }
      // fall through: YAML flow style also starts with "{"
    }
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: [],
        // prettyErrors fills linePos and appends " at line L, column C:" to the message; we say the line once.
        message: `not valid YAML at line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (error) {
    // Parsed, but not convertible: an alias to an anchor defined later, or an alias bomb past maxAliasCount.
    return { ok: false, issues: [{ file, path: [], message: `not valid YAML: ${(error as Error).message}` }] };
  }
}

export function readDataFile(file: string): Loaded<unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory" : `cannot read (${code ?? "error"})`;
    return { ok: false, issues: [{ file, path: [], message: why, expected: "a program file (.json or .yaml)" }] };
  }
  return parseDataText(text, file);
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
    const expected = "expected" in issue && typeof issue.expected === "string" ? issue.expected : undefined;
    const message =
      issue.code === "invalid_type" && expected !== undefined
        ? issue.message.replace(/^Invalid input: expected \w+, /, "")
        : issue.message;
    return [expected === undefined ? { file, path, message } : { file, path, message, expected }];
  });
}

/** Validates an already-parsed value as a program: schema first, then every cross-reference. */
export function validateProgram(value: unknown, file: string): Loaded<Program> {
  const parsed = ProgramSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, file) };
  const issues = crossCheckProgram(parsed.data, file);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

export function loadProgram(file: string): Loaded<Program> {
  const data = readDataFile(file);
  return data.ok ? validateProgram(data.value, file) : data;
}

/** What the schema cannot see: ids that must exist or be unique, and numbers that must agree with each other. */
export function crossCheckProgram(program: Program, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (path: IssuePath, message: string, expected?: string) =>
    issues.push(expected === undefined ? { file, path, message } : { file, path, message, expected });

  const participantIds = uniqueIds(program.participants, "participants", "participant", add);
  uniqueIds(program.panels, "panels", "panel", add);
  const slotIds = uniqueIds(program.slots, "slots", "slot", add);
  const knownParticipant = (path: IssuePath, ref: string) => {
    if (!participantIds.has(ref)) add(path, `unknown participant "${ref}"`, "the id of a participant in this program");
  };
  const knownSlot = (path: IssuePath, ref: string) => {
    if (!slotIds.has(ref)) add(path, `unknown slot "${ref}"`, "the id of a slot in this program's slots list");
  };
  const checkSize = (path: IssuePath, size: { min: number; max: number }) => {
    if (size.min > size.max) add(path, `min ${size.min} is greater than max ${size.max}`, "min <= max");
  };

  const { policy } = program;
  checkSize(["policy", "panelSize"], policy.panelSize);

  program.participants.forEach((p, i) => {
    const at = ["participants", i] as const;
    p.avoid.participants.forEach((ref, k) => {
      knownParticipant([...at, "avoid", "participants", k], ref);
      if (ref === p.id) add([...at, "avoid", "participants", k], `"${p.id}" avoids themself`, "another participant's id");
    });
    p.unavailable.forEach((ref, k) => knownSlot([...at, "unavailable", k], ref));
    if (new Set(p.nationalities).size !== p.nationalities.length) {
      add([...at, "nationalities"], "a nationality is listed twice", "each nationality once");
    }
  });

  program.panels.forEach((panel, k) => {
    const at = ["panels", k] as const;
    if (panel.slot !== undefined) knownSlot([...at, "slot"], panel.slot);
    if (panel.size !== undefined) checkSize([...at, "size"], panel.size);
    const pinned = panel.pinned;
    if (pinned !== undefined) {
      pinned.presenters.forEach((ref, j) => knownParticipant([...at, "pinned", "presenters", j], ref));
      if (pinned.chair !== undefined) knownParticipant([...at, "pinned", "chair"], pinned.chair);
      if (pinned.discussant !== undefined) knownParticipant([...at, "pinned", "discussant"], pinned.discussant);
    }
  });

  policy.keepApart.forEach(([a, b], k) => {
    knownParticipant(["policy", "keepApart", k, 0], a);
    knownParticipant(["policy", "keepApart", k, 1], b);
    if (a === b) add(["policy", "keepApart", k], `pairs "${a}" with themself`, "two different participants");
  });
  policy.affinities.forEach((aff, k) => {
    knownParticipant(["policy", "affinities", k, "between", 0], aff.between[0]);
    knownParticipant(["policy", "affinities", k, "between", 1], aff.between[1]);
    if (aff.between[0] === aff.between[1]) {
      add(["policy", "affinities", k, "between"], `pairs "${aff.between[0]}" with themself`, "two different participants");
    }
  });
  policy.dialogue.pairs.forEach((pair, k) => {
    if (pair.between[0] === pair.between[1]) {
      add(["policy", "dialogue", "pairs", k, "between"], `pairs ${pair.between[0]} with itself`, "two different nations");
    }
  });
  policy.separate.forEach((pair, k) => {
    if (pair[0] === pair[1]) add(["policy", "separate", k], `separates ${pair[0]} from itself`, "two different nations");
  });

  // Capacity: every presentation needs a seat, and every panel's minimum needs presentations.
  const demand = program.participants.reduce((sum, p) => sum + p.presents, 0);
  let minSeats = 0;
  let maxSeats = 0;
  for (const panel of program.panels) {
    const size = panel.size ?? policy.panelSize;
    minSeats += size.min;
    maxSeats += size.max;
  }
  if (demand > maxSeats) {
    add(["panels"], `${demand} presentations but the panels seat at most ${maxSeats} presenters`,
      "more panels, larger panel sizes, or fewer presentations");
  } else if (demand < minSeats) {
    add(["panels"], `${demand} presentations but the panels need at least ${minSeats} presenters`,
      "fewer panels, smaller minimum sizes, or more presentations");
  }
  return issues;
}

function uniqueIds(
  items: readonly { id: string }[],
  field: string,
  what: string,
  add: (path: IssuePath, message: string, expected?: string) => void,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else add([field, i, "id"], `duplicate ${what} id "${item.id}" (first at ${field}[${first}])`, "a unique id");
  });
  return new Set(seen.keys());
}
