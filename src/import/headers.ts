// Which column holds which field. Common headers are recognised without a map ("Nationality", "Citizenship",
// "Willing to chair", ...), compared as normaliseKey does (case, accents and punctuation ignored); a map file
// names the others. Email and other contact columns are never read: a programme needs none of them.
import { normaliseKey } from "./cells.js";

export const PARTICIPANT_FIELDS = [
  "id", "name", "firstName", "lastName", "nationalities", "presents", "mayChair", "mayDiscuss", "topics",
  "unavailable", "group", "avoid", "avoidNationalities", "avoidParticipants", "dialogue", "atRisk",
] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

export const PANEL_FIELDS = [
  "id", "title", "slot", "slotLabel", "room", "topics", "size", "sizeMin", "sizeMax", "recorded", "chair",
  "discussant", "pinnedPresenters", "pinnedChair", "pinnedDiscussant",
] as const;
export type PanelField = (typeof PANEL_FIELDS)[number];

export const SLOT_FIELDS = ["id", "label"] as const;
export type SlotField = (typeof SLOT_FIELDS)[number];

export type TableKind = "participants" | "panels" | "slots";

/** Header spellings per field, as normalised keys. Attributes "gender" and "career" are recognised too. */
const PARTICIPANT_HEADERS: Readonly<Record<ParticipantField, readonly string[]>> = {
  id: ["id", "participant id", "registration id", "registration", "registration number", "registration no", "reg id", "reg no", "ref", "reference", "person id"],
  name: ["name", "full name", "participant name", "display name", "badge name", "name on badge"],
  firstName: ["first name", "given name", "given names", "forename", "first names"],
  lastName: ["last name", "family name", "surname", "family names"],
  nationalities: ["nationality", "nationalities", "citizenship", "citizenships", "passport", "passports", "country", "country of citizenship", "countries"],
  presents: ["presents", "presentations", "number of presentations", "papers", "number of papers", "presenting"],
  mayChair: ["chair", "may chair", "willing to chair", "can chair", "chairs", "available to chair"],
  mayDiscuss: ["discussant", "may discuss", "willing to be discussant", "willing to discuss", "can discuss", "discuss", "discussants", "available as discussant"],
  topics: ["topics", "topic", "keywords", "themes", "theme", "research areas", "areas"],
  unavailable: ["unavailable", "not available", "unavailability", "cannot attend", "unavailable slots", "not available on"],
  group: ["group", "paper", "paper id", "co author group", "coauthor group", "co authors", "paper group"],
  avoid: ["avoid", "do not schedule with", "not with", "avoid panels with"],
  avoidNationalities: ["avoid nationalities", "avoid nationality", "avoid countries", "avoid country"],
  avoidParticipants: ["avoid participants", "avoid participant", "avoid people", "avoid persons"],
  dialogue: ["dialogue", "dialogue panels", "open to dialogue", "dialogue opt in"],
  atRisk: ["at risk", "atrisk", "safety concern", "at risk participant"],
};

const PARTICIPANT_ATTRIBUTE_HEADERS: Readonly<Record<string, readonly string[]>> = {
  gender: ["gender", "sex"],
  career: ["career", "career stage", "career level", "seniority", "stage"],
};

const PANEL_HEADERS: Readonly<Record<PanelField, readonly string[]>> = {
  id: ["id", "panel", "panel id", "session id", "session"],
  title: ["title", "panel title", "session title", "name"],
  slot: ["slot", "slot id", "time slot", "timeslot"],
  slotLabel: ["slot label", "time", "when", "day and time", "date and time", "day time"],
  room: ["room", "location", "venue", "hall"],
  topics: ["topics", "topic", "keywords", "themes", "theme"],
  size: ["size", "panel size"],
  sizeMin: ["min", "min presenters", "minimum presenters", "size min", "min size", "minimum size"],
  sizeMax: ["max", "max presenters", "maximum presenters", "size max", "max size", "maximum size"],
  recorded: ["recorded", "streamed", "recording", "livestream", "live stream", "recorded or streamed"],
  chair: ["needs chair", "chair", "chaired", "has chair"],
  discussant: ["needs discussant", "discussant", "has discussant"],
  pinnedPresenters: ["pinned presenters", "fixed presenters"],
  pinnedChair: ["pinned chair", "fixed chair"],
  pinnedDiscussant: ["pinned discussant", "fixed discussant"],
};

const SLOT_HEADERS: Readonly<Record<SlotField, readonly string[]>> = {
  id: ["id", "slot", "slot id"],
  label: ["label", "slot label", "time", "when", "day and time"],
};

/**
 * Columns that tracktwo's own CSV export writes next to the program fields (the assignment), and contact details
 * a registration export carries: read by nobody, so never worth a note.
 */
const SILENT: Readonly<Record<TableKind, readonly string[]>> = {
  participants: ["email", "e mail", "email address", "mail", "phone", "telephone", "mobile", "panel", "title", "role", "slot", "time", "room"],
  panels: ["assigned chair", "assigned presenters", "assigned discussant", "members", "nationality mix", "dialogue pairs"],
  slots: [],
};

/** What a header means for a table of `kind`: a field, an attribute, a column to skip quietly, or nothing. */
export type HeaderMeaning =
  | { readonly kind: "field"; readonly field: string }
  | { readonly kind: "attribute"; readonly key: string }
  | { readonly kind: "silent" }
  | { readonly kind: "unknown" };

const ATTRIBUTE_PREFIX = /^attribute\s*[:.]\s*(.+)$/i;

export function recogniseHeader(kind: TableKind, header: string): HeaderMeaning {
  const key = normaliseKey(header);
  const prefixed = ATTRIBUTE_PREFIX.exec(header.trim());
  if (kind === "participants" && prefixed !== null) return { kind: "attribute", key: prefixed[1]! };
  const table: Readonly<Record<string, readonly string[]>> =
    kind === "participants" ? PARTICIPANT_HEADERS : kind === "panels" ? PANEL_HEADERS : SLOT_HEADERS;
  for (const [field, spellings] of Object.entries(table)) if (spellings.includes(key)) return { kind: "field", field };
  if (kind === "participants") {
    for (const [attribute, spellings] of Object.entries(PARTICIPANT_ATTRIBUTE_HEADERS)) {
      if (spellings.includes(key)) return { kind: "attribute", key: attribute };
    }
  }
  return SILENT[kind].includes(key) ? { kind: "silent" } : { kind: "unknown" };
}

/** The first spellings of a field's header, for messages ("a column headed Nationality, Citizenship or Country"). */
export function headerExamples(kind: TableKind, field: string): string {
  const table: Readonly<Record<string, readonly string[]>> =
    kind === "participants" ? PARTICIPANT_HEADERS : kind === "panels" ? PANEL_HEADERS : SLOT_HEADERS;
  const names = (table[field] ?? []).slice(0, 3).map((s) => `"${s.replace(/^./, (c) => c.toUpperCase())}"`);
  return names.length <= 1 ? (names[0] ?? `"${field}"`) : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/** The header tracktwo's CSV export writes for an attribute key (recognised back by recogniseHeader). */
export function attributeHeader(key: string): string {
  return key === "gender" || key === "career" ? key : `attribute:${key}`;
}
