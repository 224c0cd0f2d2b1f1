// Base program + changes → program. Every change is checked where it is written: an id it points at must exist,
// a payload must satisfy the program schema, and the program after the change must still cross-check. Problems
// come back as InputIssues naming the scenario file and the change's index, never as exceptions.
import type { z } from "zod";
import type { InputIssue, IssuePath, Loaded } from "../model/issues.js";
import { formatPath } from "../model/issues.js";
import { crossCheckProgram, heldAttributes, zodIssues } from "../model/load.js";
import {
  PanelSchema,
  ParticipantSchema,
  PolicySchema,
  type PanelSpec,
  type Program,
} from "../model/schema.js";
import { changeKind, type Change } from "./schema.js";

type Draft = Program;

/**
 * A program whose presentations no longer match its seats is a what-if answer (infeasible, with an explanation),
 * not a broken input; crossCheckProgram marks that issue with the code "capacity".
 */
export function isCapacityIssue(issue: InputIssue): boolean {
  return issue.code === "capacity";
}

/**
 * A balance rule whose attribute nobody holds any more, because its holders withdrew or changed, is a what-if
 * answer like a capacity shortfall; a rule on an attribute the base program never had is a typo and stays an error.
 */
function isWithdrawnAttribute(issue: InputIssue, draft: Draft, baseAttributes: ReadonlySet<string>): boolean {
  if (issue.code !== "unheld-attribute") return false;
  const k = issue.path[2];
  const attribute = typeof k === "number" ? draft.policy?.balance?.[k]?.attribute : undefined;
  return attribute !== undefined && baseAttributes.has(attribute);
}

export function applyChanges(base: Program, changes: readonly Change[], file: string): Loaded<Program> {
  const draft: Draft = structuredClone(base);
  const issues: InputIssue[] = [];
  const baseAttributes = heldAttributes(base.participants);
  for (const [k, change] of changes.entries()) {
    const at: IssuePath = ["changes", k];
    const before = issues.length;
    applyChange(draft, change, file, at, issues);
    if (issues.length > before) continue;
    const broken = crossCheckProgram(draft, file).filter((issue) => !isCapacityIssue(issue) && !isWithdrawnAttribute(issue, draft, baseAttributes));
    if (broken.length > 0) {
      for (const issue of broken) {
        issues.push({ file, path: at, message: `leaves the program invalid at ${formatPath(issue.path)}: ${issue.message}` });
      }
      break; // later changes would only repeat the same complaint
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: draft };
}

function applyChange(draft: Draft, change: Change, file: string, at: IssuePath, issues: InputIssue[]): void {
  const kind = changeKind(change);
  const here = [...at, kind];
  const fail = (path: IssuePath, message: string, expected?: string) =>
    issues.push(expected === undefined ? { file, path, message } : { file, path, message, expected });
  const participantIds = new Set(draft.participants.map((p) => p.id));
  const panelIds = new Set(draft.panels.map((p) => p.id));
  const knownParticipant = (path: IssuePath, ref: string): boolean => {
    if (participantIds.has(ref)) return true;
    fail(path, `unknown participant "${ref}"`, "the id of a participant in the base program (after earlier changes)");
    return false;
  };
  const knownPanel = (path: IssuePath, ref: string): boolean => {
    if (panelIds.has(ref)) return true;
    fail(path, `unknown panel "${ref}"`, "the id of a panel in the base program (after earlier changes)");
    return false;
  };
  const list = (value: string | readonly string[]) => (typeof value === "string" ? [value] : [...value]);
  const listPath = (value: string | readonly string[], j: number) => (typeof value === "string" ? here : [...here, j]);

  switch (kind) {
    case "addParticipants": {
      for (const [j, raw] of change.addParticipants!.entries()) {
        const parsed = parseWith(ParticipantSchema, raw, file, [...here, j], issues);
        if (parsed === null) continue;
        if (participantIds.has(parsed.id)) {
          fail([...here, j, "id"], `participant "${parsed.id}" already exists`, "a new id");
          continue;
        }
        participantIds.add(parsed.id);
        draft.participants.push(parsed);
      }
      return;
    }
    case "removeParticipants":
    case "withdraw": {
      const refs = change[kind]!;
      const gone = list(refs).filter((ref, j) => knownParticipant(listPath(refs, j), ref));
      if (gone.length > 0) removeParticipants(draft, new Set(gone));
      return;
    }
    case "editParticipant": {
      const edit = change.editParticipant!;
      if (!knownParticipant([...here, "id"], edit.id)) return;
      if ("id" in edit.set) return void fail([...here, "set", "id"], "cannot rename a participant", "remove and add instead");
      const index = draft.participants.findIndex((p) => p.id === edit.id);
      const parsed = parseWith(ParticipantSchema, { ...draft.participants[index]!, ...edit.set }, file, [...here, "set"], issues);
      if (parsed !== null) draft.participants[index] = parsed;
      return;
    }
    case "optOut": {
      const opt = change.optOut!;
      if (!knownParticipant([...here, "participant"], opt.participant)) return;
      const okRefs = opt.participants.filter((ref, j) => knownParticipant([...here, "participants", j], ref));
      if (okRefs.length !== opt.participants.length) return;
      if (okRefs.includes(opt.participant)) return void fail([...here, "participants"], `"${opt.participant}" avoids themself`);
      const person = draft.participants.find((p) => p.id === opt.participant)!;
      person.avoid = {
        nationalities: union(person.avoid.nationalities, opt.nationalities),
        participants: union(person.avoid.participants, okRefs),
      };
      if (opt.dialogue === "out") person.dialogue = "out";
      return;
    }
    case "keepApart": {
      const value = change.keepApart!;
      const pairs: (readonly [string, string])[] = isPair(value) ? [value] : value;
      for (const [j, [a, b]] of pairs.entries()) {
        const path = isPair(value) ? here : [...here, j];
        if (knownParticipant([...path, 0], a) && knownParticipant([...path, 1], b)) draft.policy.keepApart.push([a, b]);
      }
      return;
    }
    case "cancelPanel": {
      const refs = change.cancelPanel!;
      const gone = new Set(list(refs).filter((ref, j) => knownPanel(listPath(refs, j), ref)));
      draft.panels = draft.panels.filter((p) => !gone.has(p.id));
      return;
    }
    case "addPanel": {
      const value = change.addPanel!;
      const raws = Array.isArray(value) ? value : [value];
      for (const [j, raw] of raws.entries()) {
        const parsed = parseWith(PanelSchema, raw, file, Array.isArray(value) ? [...here, j] : here, issues);
        if (parsed === null) continue;
        if (panelIds.has(parsed.id)) {
          fail([...here, ...(Array.isArray(value) ? [j] : []), "id"], `panel "${parsed.id}" already exists`, "a new id");
          continue;
        }
        panelIds.add(parsed.id);
        draft.panels.push(parsed);
      }
      return;
    }
    case "editPanel": {
      const edit = change.editPanel!;
      if (!knownPanel([...here, "id"], edit.id)) return;
      if ("id" in edit.set) return void fail([...here, "set", "id"], "cannot rename a panel", "cancel and add instead");
      const index = draft.panels.findIndex((p) => p.id === edit.id);
      const parsed = parseWith(PanelSchema, { ...draft.panels[index]!, ...edit.set }, file, [...here, "set"], issues);
      if (parsed !== null) draft.panels[index] = parsed;
      return;
    }
    case "set": {
      for (const [key, value] of Object.entries(change.set!)) {
        const result = setPolicyValue(draft, key, value, file, [...here, key]);
        if (result.ok) draft.policy = result.value.policy;
        else issues.push(...result.issues);
      }
      return;
    }
    case "pin": {
      const pin = change.pin!;
      if (!knownPanel([...here, "panel"], pin.panel)) return;
      const refsOk =
        pin.presenters.every((ref, j) => knownParticipant([...here, "presenters", j], ref)) &&
        (pin.chair === undefined || knownParticipant([...here, "chair"], pin.chair)) &&
        (pin.discussant === undefined || knownParticipant([...here, "discussant"], pin.discussant));
      if (!refsOk) return;
      const panel = draft.panels.find((p) => p.id === pin.panel)!;
      const pinned = panel.pinned ?? { presenters: [] };
      panel.pinned = {
        ...pinned,
        presenters: union(pinned.presenters, pin.presenters),
        ...(pin.chair === undefined ? {} : { chair: pin.chair }),
        ...(pin.discussant === undefined ? {} : { discussant: pin.discussant }),
      };
      return;
    }
  }
}

/** Drops participants and every reference to them, so a withdrawal never leaves a dangling id behind. */
export function removeParticipants(draft: Draft, gone: ReadonlySet<string>): void {
  draft.participants = draft.participants.filter((p) => !gone.has(p.id));
  for (const p of draft.participants) {
    if (p.avoid.participants.some((ref) => gone.has(ref))) {
      p.avoid = { ...p.avoid, participants: p.avoid.participants.filter((ref) => !gone.has(ref)) };
    }
  }
  draft.policy.keepApart = draft.policy.keepApart.filter(([a, b]) => !gone.has(a) && !gone.has(b));
  draft.policy.affinities = draft.policy.affinities.filter((a) => !gone.has(a.between[0]) && !gone.has(a.between[1]));
  draft.panels = draft.panels.map((panel): PanelSpec => {
    const pinned = panel.pinned;
    if (pinned === undefined) return panel;
    const { chair, discussant, ...rest } = pinned;
    return {
      ...panel,
      pinned: {
        ...rest,
        presenters: pinned.presenters.filter((ref) => !gone.has(ref)),
        ...(chair === undefined || gone.has(chair) ? {} : { chair }),
        ...(discussant === undefined || gone.has(discussant) ? {} : { discussant }),
      },
    };
  });
}

/** `policy.balance[0].maxShare` or `policy.balance.0.maxShare` → ["policy", "balance", 0, "maxShare"]. */
export function parseValuePath(text: string): (string | number)[] | null {
  const parts: (string | number)[] = [];
  for (const raw of text.split(".")) {
    const match = /^([A-Za-z_$][\w$]*)?((?:\[\d+\])*)$/.exec(raw);
    if (raw === "" || match === null) {
      if (/^\d+$/.test(raw)) {
        parts.push(Number(raw));
        continue;
      }
      return null;
    }
    if (match[1] !== undefined) parts.push(match[1]);
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts.length > 0 ? parts : null;
}

/**
 * Sets one policy value by dotted path and re-validates the policy. Shared by scenario `set` changes and sweeps.
 * Returns a new program; the input is not touched.
 */
export function setPolicyValue(program: Program, key: string, value: unknown, file: string, at: IssuePath): Loaded<Program> {
  const placed = placePolicyValue(program, key, value);
  if (!placed.ok) return { ok: false, issues: [{ file, path: at, message: placed.message, ...(placed.expected === undefined ? {} : { expected: placed.expected }) }] };
  const parsed = PolicySchema.safeParse(placed.policy);
  if (!parsed.success) {
    return {
      ok: false,
      issues: zodIssues(parsed.error, file, at).map((issue) => ({
        ...issue,
        message: `policy.${issue.path.slice(at.length).join(".")}: ${issue.message}`,
        path: at,
      })),
    };
  }
  return { ok: true, value: { ...program, policy: parsed.data } };
}

/**
 * Whether `key` names a place in the policy at all, whatever value goes there: null, or the reason it does not
 * (not a path, a step through a non-object, a key the policy schema does not know). Lets a sweep say so once
 * instead of once per value.
 */
export function policyPathProblem(program: Program, key: string): string | null {
  const placed = placePolicyValue(program, key, undefined);
  if (!placed.ok) return placed.message;
  // An absent value is fine for an optional key and "required" for a mandatory one; only unknown keys are the path's fault.
  const parsed = PolicySchema.safeParse(placed.policy);
  const unknown = parsed.success ? undefined : parsed.error.issues.find((issue) => issue.code === "unrecognized_keys");
  if (unknown === undefined) return null;
  const where = ["policy", ...unknown.path.map(String)].join(".");
  return `${where} has no setting ${unknown.keys.map((k) => JSON.stringify(k)).join(", ")}`;
}

function placePolicyValue(
  program: Program,
  key: string,
  value: unknown,
): { ok: true; policy: unknown } | { ok: false; message: string; expected?: string } {
  const path = parseValuePath(key);
  if (path === null || path[0] !== "policy" || path.length < 2) {
    return { ok: false, message: `"${key}" is not a policy path`, expected: 'a path such as "policy.nationality.maxShare"' };
  }
  // Walking `__proto__`, `constructor` or `prototype` would reach (and let a scenario rewrite) Object.prototype.
  const forbidden = path.find((step): step is string => typeof step === "string" && FORBIDDEN_STEPS.has(step));
  if (forbidden !== undefined) {
    return { ok: false, message: `"${key}" steps through "${forbidden}", which is not a policy setting`, expected: 'a path such as "policy.nationality.maxShare"' };
  }
  const policy: unknown = structuredClone(program.policy);
  let node: unknown = policy;
  for (const [depth, step] of path.slice(1, -1).entries()) {
    const next = isContainer(node) ? (node as Record<string | number, unknown>)[step] : undefined;
    if (!isContainer(next)) {
      const where = ["policy", ...path.slice(1, depth + 2)].join(".");
      return { ok: false, message: `"${where}" is not an object or list in the policy` };
    }
    node = next;
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  return { ok: true, policy };
}

const FORBIDDEN_STEPS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function parseWith<S extends z.ZodType>(schema: S, raw: unknown, file: string, at: IssuePath, issues: InputIssue[]): z.output<S> | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  issues.push(...zodIssues(parsed.error, file, at));
  return null;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

function isPair(value: readonly (readonly [string, string])[] | readonly [string, string]): value is readonly [string, string] {
  return typeof value[0] === "string";
}
