// Change notices after a re-solve: for every person whose panels, roles, slots, rooms or fellow panellists
// changed, one row saying what changed, old -> new, ready for a mail merge. Built from two programmes (the public
// view), so a notice says nothing a published programme would not: it may go to the person it is about.
import { buildProgramme, type Programme, type ProgrammeAssignment, type PublicSource } from "./programme.js";
import { memberIds } from "./organisers.js";
import type { SolutionPanel } from "../model/solution.js";
import { audienceNotice } from "../report/audience.js";
import { csvText } from "../report/csv.js";

export const CHANGE_KINDS = ["added", "removed", "panel", "role", "slot", "room", "title", "fellow panellists"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Notice {
  readonly id: string;
  readonly name: string;
  readonly changes: readonly ChangeKind[];
  /** One line per assignment before and after. */
  readonly before: string;
  readonly after: string;
  /** "slot: Thu 08:15 -> Fri 10:30; fellow panellists: +Ana B., -Ivan C." */
  readonly details: string;
}

interface Seat {
  readonly panel: string;
  readonly role: string;
  readonly title: string;
  readonly slot: string;
  readonly room: string;
  /** The other members' ids (compared by id: two people may share a name). */
  readonly fellows: readonly string[];
}

export function changeNotices(before: PublicSource, beforeRosters: readonly SolutionPanel[], after: PublicSource, afterRosters: readonly SolutionPanel[]): Notice[] {
  const old = seatsByPerson(buildProgramme(before, beforeRosters));
  const now = seatsByPerson(buildProgramme(after, afterRosters));
  const names = new Map([...before.participants, ...after.participants].map((p) => [p.id, p.name ?? p.id]));
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  const notices: Notice[] = [];
  for (const id of ids) {
    const was = old.get(id) ?? [];
    const is = now.get(id) ?? [];
    const { changes, details } = compare(was, is, (fellow) => names.get(fellow) ?? fellow);
    if (changes.length === 0) continue;
    const describe = (s: Seat) => describeSeat(s, (fellow) => names.get(fellow) ?? fellow);
    notices.push({ id, name: names.get(id) ?? id, changes, before: was.map(describe).join("\n"), after: is.map(describe).join("\n"), details: details.join("; ") });
  }
  // Programme order of the new schedule is of no use to a mail merge; by name is.
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  return notices.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

function seatsByPerson(programme: Programme): Map<string, Seat[]> {
  const out = new Map<string, Seat[]>();
  for (const { person, assignments } of programme.people) {
    if (assignments.length === 0) continue;
    out.set(person.id, assignments.map((a) => seat(a, person.id)));
  }
  return out;
}

function seat(a: ProgrammeAssignment, self: string): Seat {
  return {
    panel: a.panel.id,
    role: a.role,
    title: a.panel.title ?? "",
    slot: a.panel.slot?.label ?? "",
    room: a.panel.room ?? "",
    fellows: memberIds(a.panel).filter((id) => id !== self),
  };
}

function describeSeat(s: Seat, nameOf: (id: string) => string): string {
  const where = [s.slot, s.room].filter((x) => x !== "").join(", ");
  const title = s.title === "" ? "" : ` "${s.title}"`;
  return `${s.role} on ${s.panel}${title}${where === "" ? "" : ` (${where})`}${s.fellows.length === 0 ? "" : ` with ${s.fellows.map(nameOf).join(", ")}`}`;
}

function compare(was: readonly Seat[], is: readonly Seat[], nameOf: (id: string) => string): { changes: ChangeKind[]; details: string[] } {
  const changes: ChangeKind[] = [];
  const details: string[] = [];
  const note = (kind: ChangeKind, text: string) => {
    if (!changes.includes(kind)) changes.push(kind);
    details.push(text);
  };
  if (was.length === 0 && is.length > 0) {
    note("added", `now on the programme: ${is.map((s) => `${s.role} on ${s.panel}`).join(", ")}`);
    return { changes, details };
  }
  if (is.length === 0 && was.length > 0) {
    note("removed", `no longer on the programme (was ${was.map((s) => `${s.role} on ${s.panel}`).join(", ")})`);
    return { changes, details };
  }
  const panelsBefore = was.map((s) => s.panel);
  const panelsAfter = is.map((s) => s.panel);
  if (panelsBefore.join("\n") !== panelsAfter.join("\n") && [...panelsBefore].sort().join("\n") !== [...panelsAfter].sort().join("\n")) {
    note("panel", `panel: ${panelsBefore.join(", ")} -> ${panelsAfter.join(", ")}`);
  }
  for (const now of is) {
    const then = was.find((s) => s.panel === now.panel);
    // A move to another panel: the new panel's slot, room and company are news too.
    const base = then ?? (was.length === 1 && is.length === 1 ? was[0]! : undefined);
    if (base === undefined) continue;
    const on = then === undefined ? "" : was.length > 1 || is.length > 1 ? ` (${now.panel})` : "";
    if (then !== undefined && base.role !== now.role) note("role", `role${on}: ${base.role} -> ${now.role}`);
    if (base.slot !== now.slot) note("slot", `slot${on}: ${base.slot || "none"} -> ${now.slot || "none"}`);
    if (base.room !== now.room) note("room", `room${on}: ${base.room || "none"} -> ${now.room || "none"}`);
    if (then !== undefined && base.title !== now.title) note("title", `title${on}: "${base.title}" -> "${now.title}"`);
    if (then === undefined && base.role !== now.role) note("role", `role: ${base.role} -> ${now.role}`);
    const gone = base.fellows.filter((f) => !now.fellows.includes(f));
    const come = now.fellows.filter((f) => !base.fellows.includes(f));
    if (gone.length + come.length > 0) note("fellow panellists", `fellow panellists${on}: ${[...come.map((f) => `+${nameOf(f)}`), ...gone.map((f) => `-${nameOf(f)}`)].join(", ")}`);
  }
  return { changes, details };
}

export const NOTICE_HEADERS = ["id", "name", "changed", "before", "after", "details"];

export function noticeRows(notices: readonly Notice[]): string[][] {
  return [NOTICE_HEADERS, ...notices.map((n) => [n.id, n.name, n.changes.join(", "), n.before, n.after, n.details])];
}

/**
 * The notices file `tracktwo notices` writes. Its name is the user's choice, so its first line states its
 * audience: public, like the programme it is built from; each row is meant for the person it names.
 */
export function noticesCsv(notices: readonly Notice[]): string {
  return csvText(noticeRows(notices), `${audienceNotice("public")}; each row is for the person it names`);
}
