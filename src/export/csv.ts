// The programme as CSV, for a mail merge or the registration system: one row per participant (their panels, roles,
// slots and rooms; a person with several roles has the values one per line in each cell, in programme order) and
// one row per panel, written by the one CSV writer (src/report/csv.ts).
// The organisers' files add every program field in the cell syntax of src/import/cells.ts, so `tracktwo import`
// reads them back into the same program (with slots.organisers.csv and the policy in a map file).
import { formatListCell, formatTextCell } from "../import/cells.js";
import { attributeHeader } from "../import/headers.js";
import type { Program } from "../model/schema.js";
import { csvText } from "../report/csv.js";
import type { OrganisersFacts } from "./organisers.js";
import type { Programme, ProgrammeAssignment, ProgrammePanel } from "./programme.js";

export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

const ASSIGNMENT_HEADERS = ["panel", "title", "role", "slot", "room"];

function assignmentCells(assignments: readonly ProgrammeAssignment[]): string[] {
  const column = (value: (a: ProgrammeAssignment) => string) => assignments.map(value).join("\n");
  return [
    column((a) => a.panel.id),
    column((a) => a.panel.title ?? ""),
    column((a) => a.role),
    column((a) => a.panel.slot?.label ?? ""),
    column((a) => a.panel.room ?? ""),
  ];
}

const names = (panel: ProgrammePanel) => panel.presenters.map((p) => p.name).join("\n");

/** participants.public.csv and panels.public.csv: names, titles, roles, slots and rooms only. */
export function publicCsvFiles(programme: Programme): CsvFile[] {
  const participants = [
    ["id", "name", ...ASSIGNMENT_HEADERS],
    ...programme.people.map(({ person, assignments }) => [person.id, person.name, ...assignmentCells(assignments)]),
  ];
  const panels = [
    ["panel", "title", "slot", "room", "chair", "presenters", "discussant"],
    ...programme.sessions.flatMap(({ panels: inSlot }) =>
      inSlot.map((p) => [p.id, p.title ?? "", p.slot?.label ?? "", p.room ?? "", p.chair?.name ?? "", names(p), p.discussant?.name ?? ""]),
    ),
  ];
  return [
    { name: "participants.public.csv", text: csvText(participants) },
    { name: "panels.public.csv", text: csvText(panels) },
  ];
}

const yesNo = (value: boolean | undefined) => (value === undefined ? "" : value ? "yes" : "no");
const optionalText = (value: string | undefined) => (value === undefined ? "" : formatTextCell(value));

/**
 * participants / panels / slots .organisers.csv: every program field (read back by `tracktwo import`; the at-risk
 * flag only when the facts reveal it), the assignment, and per panel its nationality mix and dialogue pairs.
 */
export function organisersCsvFiles(program: Program, programme: Programme, facts: OrganisersFacts): CsvFile[] {
  const assignments = new Map(programme.people.map((entry) => [entry.person.id, entry.assignments]));
  const attributeKeys = [...new Set(program.participants.flatMap((p) => Object.keys(p.attributes)))];
  // The at-risk column only when the facts may name who is at risk; without it, import reads nobody as at risk.
  const atRisk = (cells: string[]) => (facts.revealAtRisk ? cells : []);
  const participants = [
    [
      "id", "name", "nationalities", "presents", "may chair", "may discuss", "topics", ...attributeKeys.map(attributeHeader),
      "unavailable", "group", "avoid nationalities", "avoid participants", "dialogue", ...atRisk(["at risk"]), ...ASSIGNMENT_HEADERS,
    ],
    ...program.participants.map((p) => [
      formatTextCell(p.id),
      optionalText(p.name),
      p.nationalities.join("; "),
      String(p.presents),
      String(p.mayChair),
      String(p.mayDiscuss),
      formatListCell(p.topics),
      ...attributeKeys.map((key) => optionalText(p.attributes[key])),
      formatListCell(p.unavailable),
      optionalText(p.group),
      p.avoid.nationalities.join("; "),
      formatListCell(p.avoid.participants),
      p.dialogue ?? "",
      ...atRisk([yesNo(p.atRisk)]),
      ...assignmentCells(assignments.get(p.id) ?? []),
    ]),
  ];
  const rosters = new Map(programme.sessions.flatMap((s) => s.panels).map((p) => [p.id, p]));
  const labelOf = new Map(program.slots.map((s) => [s.id, s.label]));
  const withId = (person: { id: string; name: string } | null) => (person === null ? "" : `${person.name} (${person.id})`);
  const panels = [
    [
      "id", "title", "slot", "slot label", "room", "topics", "min presenters", "max presenters", "recorded", "needs chair",
      "needs discussant", "pinned presenters", "pinned chair", "pinned discussant", "assigned chair", "assigned presenters",
      "assigned discussant", "nationality mix", "dialogue pairs",
    ],
    ...program.panels.map((p) => {
      const roster = rosters.get(p.id);
      const info = facts.panels.get(p.id);
      return [
        formatTextCell(p.id),
        optionalText(p.title),
        optionalText(p.slot),
        optionalText(p.slot === undefined ? undefined : labelOf.get(p.slot)),
        optionalText(p.room),
        formatListCell(p.topics),
        p.size === undefined ? "" : String(p.size.min),
        p.size === undefined ? "" : String(p.size.max),
        yesNo(p.recorded),
        yesNo(p.chair),
        yesNo(p.discussant),
        formatListCell(p.pinned?.presenters ?? []),
        optionalText(p.pinned?.chair),
        optionalText(p.pinned?.discussant),
        withId(roster?.chair ?? null),
        (roster?.presenters ?? []).map(withId).join("\n"),
        withId(roster?.discussant ?? null),
        (info?.mix ?? []).map((m) => `${m.code} ${m.count}`).join(", "),
        (info?.pairs ?? []).map((pair) => pair.between.join("-")).join(", "),
      ];
    }),
  ];
  const slots = [["id", "label"], ...program.slots.map((s) => [formatTextCell(s.id), optionalText(s.label)])];
  return [
    { name: "participants.organisers.csv", text: csvText(participants) },
    { name: "panels.organisers.csv", text: csvText(panels) },
    { name: "slots.organisers.csv", text: csvText(slots) },
  ];
}
