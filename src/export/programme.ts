// The published programme as data: who holds which role on which panel, when and where. It is built from a
// PublicSource, which keeps of the program only names, titles, slots and rooms: nationalities, opt-outs and the
// at-risk flag are not in the type, so nothing derived from them can reach a public artefact by accident.
import type { Program } from "../model/schema.js";
import type { SolutionPanel } from "../model/solution.js";

export type Role = "chair" | "presenter" | "discussant";

/** What a public artefact may depend on (src/report/audience.ts). */
export interface PublicSource {
  readonly name: string | null;
  readonly slots: readonly { readonly id: string; readonly label: string | null }[];
  readonly participants: readonly { readonly id: string; readonly name: string | null }[];
  readonly panels: readonly { readonly id: string; readonly title: string | null; readonly slot: string | null; readonly room: string | null }[];
}

export function publicSource(program: Program): PublicSource {
  return {
    name: program.name ?? null,
    slots: program.slots.map((s) => ({ id: s.id, label: s.label ?? null })),
    participants: program.participants.map((p) => ({ id: p.id, name: p.name ?? null })),
    panels: program.panels.map((p) => ({ id: p.id, title: p.title ?? null, slot: p.slot ?? null, room: p.room ?? null })),
  };
}

export interface ProgrammePerson {
  readonly id: string;
  /** The name, or the id when the program gives none. */
  readonly name: string;
}

export interface ProgrammePanel {
  readonly id: string;
  readonly title: string | null;
  readonly slot: ProgrammeSlot | null;
  readonly room: string | null;
  readonly chair: ProgrammePerson | null;
  readonly presenters: readonly ProgrammePerson[];
  readonly discussant: ProgrammePerson | null;
}

export interface ProgrammeSlot {
  readonly id: string | null;
  /** "Thu 08:15"; the id when the slot has no label; "Not scheduled" for panels without a slot. */
  readonly label: string;
  /** "Thursday" when every label reads "<day> <time>"; null otherwise. */
  readonly day: string | null;
  /** "08:15" with `day`; the whole label otherwise. */
  readonly time: string;
}

export interface ProgrammeAssignment {
  readonly panel: ProgrammePanel;
  readonly role: Role;
}

export interface Programme {
  readonly name: string | null;
  /** Slots in program order, each with its panels (by room, then program order); empty slots left out. */
  readonly sessions: readonly { readonly slot: ProgrammeSlot; readonly panels: readonly ProgrammePanel[] }[];
  /** Every participant, by name, with their roles in programme order. */
  readonly people: readonly { readonly person: ProgrammePerson; readonly assignments: readonly ProgrammeAssignment[] }[];
}

const UNSCHEDULED_LABEL = "Not scheduled";

const DAY_NAMES: Readonly<Record<string, string>> = {
  mon: "Monday", tue: "Tuesday", tues: "Tuesday", wed: "Wednesday", thu: "Thursday", thur: "Thursday", thurs: "Thursday",
  fri: "Friday", sat: "Saturday", sun: "Sunday",
};

/** "Thu 08:15" -> { day: "Thursday", time: "08:15" }; null when the label is not "<day> <time>". */
function splitDayTime(label: string): { day: string; time: string } | null {
  const match = /^(.*\S)\s+(\d{1,2}[:.h]\d{2}(?:\s*[-–]\s*\d{1,2}[:.h]\d{2})?)$/.exec(label.trim());
  if (match === null) return null;
  const day = match[1]!.replace(/,$/, "");
  return { day: DAY_NAMES[day.toLowerCase().replace(/\.$/, "")] ?? day, time: match[2]! };
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function buildProgramme(source: PublicSource, rosters: readonly SolutionPanel[]): Programme {
  const person = new Map(source.participants.map((p) => [p.id, { id: p.id, name: p.name ?? p.id }]));
  const personOf = (id: string): ProgrammePerson => person.get(id) ?? { id, name: id };

  const labels = source.slots.map((s) => s.label ?? s.id);
  const splits = labels.map(splitDayTime);
  const byDay = splits.length > 0 && splits.every((s) => s !== null);
  const slotById = new Map<string, ProgrammeSlot>();
  source.slots.forEach((s, k) => {
    const split = splits[k];
    slotById.set(s.id, { id: s.id, label: labels[k]!, day: byDay && split ? split.day : null, time: byDay && split ? split.time : labels[k]! });
  });
  const unscheduled: ProgrammeSlot = { id: null, label: UNSCHEDULED_LABEL, day: null, time: UNSCHEDULED_LABEL };

  const rosterById = new Map(rosters.map((r) => [r.id, r]));
  const panels: ProgrammePanel[] = source.panels.map((spec) => {
    const roster = rosterById.get(spec.id);
    const slotId = roster?.slot ?? spec.slot;
    return {
      id: spec.id,
      title: spec.title,
      slot: slotId === null ? unscheduled : (slotById.get(slotId) ?? { id: slotId, label: slotId, day: null, time: slotId }),
      room: spec.room,
      chair: roster?.chair == null ? null : personOf(roster.chair),
      presenters: (roster?.presenters ?? []).map(personOf),
      discussant: roster?.discussant == null ? null : personOf(roster.discussant),
    };
  });

  const slotOrder = [...slotById.values()];
  for (const panel of panels) if (panel.slot !== null && panel.slot !== unscheduled && !slotOrder.includes(panel.slot)) slotOrder.push(panel.slot);
  slotOrder.push(unscheduled);
  const sessions = slotOrder
    .map((slot) => ({
      slot,
      panels: panels
        .map((panel, order) => ({ panel, order }))
        .filter(({ panel }) => panel.slot === slot)
        .sort((a, b) => byRoom(a.panel.room, b.panel.room) || a.order - b.order)
        .map(({ panel }) => panel),
    }))
    .filter((s) => s.panels.length > 0);

  const assignments = new Map<string, ProgrammeAssignment[]>();
  const assign = (id: string, panel: ProgrammePanel, role: Role) => {
    const list = assignments.get(id) ?? [];
    list.push({ panel, role });
    assignments.set(id, list);
  };
  for (const { panels: inSlot } of sessions) {
    for (const panel of inSlot) {
      if (panel.chair !== null) assign(panel.chair.id, panel, "chair");
      for (const p of panel.presenters) assign(p.id, panel, "presenter");
      if (panel.discussant !== null) assign(panel.discussant.id, panel, "discussant");
    }
  }
  const people = source.participants
    .map((p) => ({ person: personOf(p.id), assignments: assignments.get(p.id) ?? [] }))
    .sort((a, b) => collator.compare(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0));
  return { name: source.name, sessions, people };
}

function byRoom(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}

/** Days in order, each with its sessions; one group with day null when the labels name no days. */
export function sessionsByDay(programme: Programme): { day: string | null; sessions: Programme["sessions"] }[] {
  const days: { day: string | null; sessions: Programme["sessions"][number][] }[] = [];
  for (const session of programme.sessions) {
    const last = days[days.length - 1];
    if (last !== undefined && last.day === session.slot.day) last.sessions.push(session);
    else days.push({ day: session.slot.day, sessions: [session] });
  }
  return days;
}

export const ROLE_LABEL: Readonly<Record<Role, string>> = { chair: "Chair", presenter: "Presenter", discussant: "Discussant" };
