// Registration spreadsheets in, a program out (`tracktwo import`). One pass collects every problem of every file:
// a missing column, an unknown country, a duplicate id, a slot nobody defined, then whatever the program loader
// finds in the result, each traced back to the file, row and column it came from. Nothing is returned (so
// nothing is written) unless there is no problem at all. Notes are what a chair should know but need not fix:
// columns nobody reads.
import type { IssuePath } from "../model/issues.js";
import { validateProgram } from "../model/load.js";
import type { ProgramInput } from "../model/schema.js";
import {
  LIST_SEPARATORS,
  listItems,
  normaliseKey,
  parseCount,
  parseDialogue,
  parseSizeRange,
  parseTextCell,
  parseYesNo,
  YES_NO_EXPECTED,
} from "./cells.js";
import { at, cellOf, planColumns, type ColumnPlan, type MapSection } from "./columns.js";
import { COUNTRY_EXPECTED, parseNationalityCell } from "./countries.js";
import type { TableKind } from "./headers.js";
import { fromInputIssue, type ColumnRef, type ImportIssue } from "./issues.js";
import { EMPTY_MAP, loadImportMap, type ImportMap } from "./map.js";
import type { Table, TableRow, Workbook } from "./table.js";
import { readWorkbook } from "./workbook.js";
import type { InputOptions } from "../model/read.js";

export interface ImportFiles {
  /** The registration export: one row per participant. */
  readonly registration: string;
  /** The panels table; default: a sheet named Panels (or Sessions) in the registration workbook. */
  readonly panels?: string;
  /** The slots table; default: a sheet named Slots, the map's slots, or the slots the panels name. */
  readonly slots?: string;
  readonly map?: string;
  /** The registration sheet of a workbook (overrides the map's participants.sheet). */
  readonly sheet?: string;
}

export type ImportResult =
  | { readonly ok: true; readonly program: ProgramInput; readonly notes: readonly string[] }
  | { readonly ok: false; readonly issues: readonly ImportIssue[]; readonly notes: readonly string[] };

type ParticipantInput = ProgramInput["participants"][number];
type PanelInput = ProgramInput["panels"][number];
type SlotInput = NonNullable<ProgramInput["slots"]>[number];

/** `input` bounds what is read (the shared input size limit). */
export async function importProgram(files: ImportFiles, input: InputOptions = {}): Promise<ImportResult> {
  const notes: string[] = [];
  let map: ImportMap = EMPTY_MAP;
  if (files.map !== undefined) {
    const loaded = loadImportMap(files.map, input);
    if (!loaded.ok) return { ok: false, issues: loaded.issues.map(fromInputIssue), notes };
    map = loaded.value;
  }

  const paths = [files.registration, files.panels, files.slots].filter((f): f is string => f !== undefined);
  const books = new Map<string, Workbook>();
  const issues: ImportIssue[] = [];
  for (const file of new Set(paths)) {
    const read = await readWorkbook(file, input);
    if (read.ok) books.set(file, read.workbook);
    else issues.push(...read.issues);
  }
  if (issues.length > 0) return { ok: false, issues, notes };

  const registrationBook = books.get(files.registration)!;
  const participantsTable = pickSheet(registrationBook, files.sheet ?? map.participants.sheet, ["participants", "registrations", "registration", "attendees"], "first", issues, files.sheet === undefined ? ["participants", "sheet"] : null, files.map);
  const panelsBook = files.panels === undefined ? registrationBook : books.get(files.panels)!;
  const panelsTable = pickSheet(panelsBook, map.panels.sheet, ["panels", "sessions"], files.panels === undefined ? "none" : "first", issues, ["panels", "sheet"], files.map);
  if (panelsTable === null && files.panels === undefined && map.panels.sheet === undefined) {
    issues.push({
      file: files.registration,
      message: registrationBook.kind === "xlsx" ? "the workbook has no sheet named Panels" : "no panels given",
      expected: "--panels PANELS.csv|.xlsx, or a sheet named Panels in the registration workbook",
    });
  }
  const slotsBook = files.slots === undefined ? null : books.get(files.slots)!;
  const slotsTable =
    slotsBook !== null
      ? pickSheet(slotsBook, map.slotsSheet.sheet, ["slots", "time slots"], "first", issues, ["slotsSheet", "sheet"], files.map)
      : pickSheet(panelsBook, map.slotsSheet.sheet, ["slots", "time slots"], "none", issues, ["slotsSheet", "sheet"], files.map) ??
        (panelsBook === registrationBook ? null : pickSheet(registrationBook, undefined, ["slots", "time slots"], "none", issues, null, files.map));
  if (participantsTable === null || panelsTable === null || issues.length > 0) return { ok: false, issues, notes };

  const builder = new ProgramBuilder(map, files.map ?? null, issues, notes);
  // A slots table may be empty (the program has no slots); participants and panels may not.
  builder.checkNotEmpty(participantsTable, "participants");
  builder.checkNotEmpty(panelsTable, "panels");
  if (issues.length > 0) return { ok: false, issues, notes };

  const program = builder.build(participantsTable, panelsTable, slotsTable);
  if (issues.length > 0) return { ok: false, issues, notes };
  const validated = validateProgram(program, files.registration);
  if (!validated.ok) return { ok: false, issues: validated.issues.map((i) => builder.locate(i.path, i.message, i.expected)), notes };
  return { ok: true, program, notes };
}

/**
 * The sheet to read: the one named (an error when the workbook has no such sheet), else one with a usual name,
 * else the first sheet when `fallback` says so. A CSV file is its own single sheet.
 */
function pickSheet(
  book: Workbook,
  named: string | undefined,
  usual: readonly string[],
  fallback: "first" | "none",
  issues: ImportIssue[],
  mapPath: IssuePath | null,
  mapFile: string | undefined,
): Table | null {
  // A CSV file has no sheets to name: it is the table, or (looked for as an extra sheet) there is none.
  if (book.kind === "csv") return fallback === "first" ? book.sheets[0]! : null;
  if (named !== undefined) {
    const found = book.sheets.find((s) => s.sheet === named) ?? book.sheets.find((s) => normaliseKey(s.sheet ?? "") === normaliseKey(named));
    if (found !== undefined) return found;
    const place = mapPath !== null && mapFile !== undefined ? { file: mapFile, path: mapPath } : { file: book.file };
    // The workbook is named in the message only when the line names the map file.
    const subject = place.file === book.file ? "the workbook" : book.file;
    issues.push({ ...place, message: `${subject} has no sheet named "${named}"`, expected: `one of its sheets: ${book.sheets.map((s) => `"${s.sheet}"`).join(", ")}` });
    return null;
  }
  const usualSheet = book.sheets.find((s) => usual.includes(normaliseKey(s.sheet ?? "")));
  if (usualSheet !== undefined) return usualSheet;
  return fallback === "first" ? (book.sheets[0] ?? null) : null;
}

const REQUIRED: Readonly<Record<TableKind, readonly string[]>> = {
  participants: ["id", "nationalities"],
  panels: ["id"],
  slots: ["id"],
};

const WHAT_ROWS = {
  participants: "a header row, then one row per participant",
  panels: "a header row, then one row per panel",
} as const;

/** Where each program entry came from, so the loader's findings point at cells. */
interface Provenance {
  readonly table: Table;
  readonly plan: ColumnPlan;
  readonly rows: number[];
}

class ProgramBuilder {
  private participants: Provenance | null = null;
  private panels: Provenance | null = null;
  private slots: Provenance | null = null;
  private slotList: SlotInput[] = [];

  constructor(
    private readonly map: ImportMap,
    private readonly mapFile: string | null,
    private readonly issues: ImportIssue[],
    private readonly notes: string[],
  ) {}

  checkNotEmpty(table: Table, kind: "participants" | "panels"): void {
    if (table.headerRow === null) this.issues.push({ ...at(table, 1), message: "the sheet is empty", expected: WHAT_ROWS[kind] });
    else if (table.rows.length === 0) this.issues.push({ ...at(table, table.headerRow), message: "no rows below the header", expected: WHAT_ROWS[kind] });
  }

  private plan(table: Table, kind: TableKind, section: MapSection, mapKey: string): ColumnPlan {
    return planColumns(table, {
      kind,
      section,
      mapFile: this.mapFile,
      mapPath: [mapKey],
      required: REQUIRED[kind],
      issues: this.issues,
      notes: this.notes,
    });
  }

  build(participantsTable: Table, panelsTable: Table, slotsTable: Table | null): ProgramInput {
    const participantPlan = this.plan(participantsTable, "participants", this.map.participants, "participants");
    const panelPlan = this.plan(panelsTable, "panels", this.map.panels, "panels");
    const slotPlan = slotsTable === null || slotsTable.headerRow === null ? null : this.plan(slotsTable, "slots", this.map.slotsSheet, "slotsSheet");
    if (this.issues.length > 0) return { participants: [], panels: [] };

    if (slotsTable !== null && slotPlan !== null) this.slotList = this.readSlots(slotsTable, slotPlan);
    else if (this.map.slots !== undefined) this.slotList = this.map.slots.map((s) => ({ ...s }));
    else this.slotList = this.deriveSlots(panelsTable, panelPlan);

    const panels = this.readPanels(panelsTable, panelPlan);
    const participants = this.readParticipants(participantsTable, participantPlan);
    return {
      ...(this.map.name === undefined ? {} : { name: this.map.name }),
      ...(this.slotList.length === 0 ? {} : { slots: this.slotList }),
      participants,
      panels,
      ...(this.map.policy === undefined ? {} : { policy: this.map.policy }),
    };
  }

  // ---- slots ----

  private readSlots(table: Table, plan: ColumnPlan): SlotInput[] {
    this.slots = { table, plan, rows: [] };
    const seen = new Map<string, number>();
    const slots: SlotInput[] = [];
    for (const row of table.rows) {
      const id = this.requireId(table, plan, row, seen);
      if (id === null) continue;
      const label = parseTextCell(cellOf(plan, row, "label"));
      slots.push(label === undefined ? { id } : { id, label });
      this.slots.rows.push(row.row);
    }
    return slots;
  }

  /**
   * Slots named by the panels table. With a slot column and a label column: those ids and labels. Otherwise the
   * distinct cells in order of first appearance: used as ids when every one looks like an id ("S1", "A12"), else
   * as labels of slots numbered S01, S02, ...
   */
  private deriveSlots(table: Table, plan: ColumnPlan): SlotInput[] {
    const idColumn = plan.fields.get("slot");
    const labelColumn = plan.fields.get("slotLabel");
    if (idColumn === undefined && labelColumn === undefined) return [];
    const order: string[] = [];
    const labels = new Map<string, { label: string | undefined; row: number }>();
    for (const row of table.rows) {
      const id = parseTextCell(idColumn === undefined ? "" : (row.cells[idColumn.index] ?? ""));
      const label = parseTextCell(labelColumn === undefined ? "" : (row.cells[labelColumn.index] ?? ""));
      const key = id ?? label;
      if (key === undefined) continue;
      const known = labels.get(key);
      if (known === undefined) {
        order.push(key);
        labels.set(key, { label: idColumn !== undefined ? label : undefined, row: row.row });
      } else if (idColumn !== undefined && labelColumn !== undefined && label !== undefined && known.label !== undefined && label !== known.label) {
        this.issues.push({ ...at(table, row.row, labelColumn), message: `slot "${key}" is labelled "${label}" here but "${known.label}" on row ${known.row}`, expected: "one label per slot" });
      } else if (known.label === undefined && label !== undefined && idColumn !== undefined) {
        labels.set(key, { label, row: row.row });
      }
    }
    if (idColumn !== undefined && labelColumn !== undefined) return order.map((id) => withLabel(id, labels.get(id)!.label));
    if (order.every((text) => /^[A-Za-z]{0,3}\d{1,3}$/.test(text))) return order.map((id) => ({ id }));
    return order.map((label, k) => ({ id: `S${String(k + 1).padStart(2, "0")}`, label }));
  }

  /** A slot named by id or label (case, accents and spacing ignored for labels), or null. */
  private findSlot(text: string): string | null {
    const byId = this.slotList.find((s) => s.id === text);
    if (byId !== undefined) return byId.id;
    const key = normaliseKey(text);
    const matches = this.slotList.filter((s) => (s.label !== undefined && normaliseKey(s.label) === key) || normaliseKey(s.id) === key);
    return matches.length === 1 ? matches[0]!.id : null;
  }

  private slotExpected(): string {
    const names = this.slotList.map((s) => (s.label === undefined ? `"${s.id}"` : `"${s.label}"`));
    if (names.length === 0) return "no slot at all: the panels name none (add a slot column to the panels, a Slots sheet, or slots in the map)";
    const shown = names.length > 8 ? `${names.slice(0, 8).join(", ")}, ...` : names.join(", ");
    return `a slot id or label: ${shown}`;
  }

  /** Slots a cell names: separated by ; or line breaks, or by commas when the whole piece is no slot. */
  private slotsOf(table: Table, row: TableRow, column: ColumnRef, cell: string): string[] {
    const ids: string[] = [];
    for (const item of listItems(cell, ";\n\r")) {
      const whole = this.findSlot(item.text);
      if (whole !== null) {
        ids.push(whole);
        continue;
      }
      const parts = item.quoted ? [] : listItems(item.text, ",").map((p) => p.text);
      const found = parts.map((p) => this.findSlot(p));
      if (parts.length > 1 && found.every((f) => f !== null)) {
        ids.push(...(found as string[]));
        continue;
      }
      this.issues.push({ ...at(table, row.row, column), message: `unknown slot "${item.text}"`, expected: this.slotExpected() });
    }
    return [...new Set(ids)];
  }

  // ---- panels ----

  private readPanels(table: Table, plan: ColumnPlan): PanelInput[] {
    this.panels = { table, plan, rows: [] };
    const seen = new Map<string, number>();
    const panels: PanelInput[] = [];
    for (const row of table.rows) {
      const id = this.requireId(table, plan, row, seen);
      if (id === null) continue;
      const panel: PanelInput = { id };
      const text = (field: string) => parseTextCell(cellOf(plan, row, field));
      const title = text("title");
      if (title !== undefined) panel.title = title;
      const slotColumn = plan.fields.get("slot") ?? plan.fields.get("slotLabel");
      const slotText = text("slot") ?? text("slotLabel");
      if (slotText !== undefined && slotColumn !== undefined) {
        const slot = this.findSlot(slotText);
        if (slot === null) this.issues.push({ ...at(table, row.row, slotColumn), message: `unknown slot "${slotText}"`, expected: this.slotExpected() });
        else panel.slot = slot;
      }
      const room = text("room");
      if (room !== undefined) panel.room = room;
      const topics = this.list(plan, row, "topics");
      if (topics.length > 0) panel.topics = topics;
      const size = this.size(table, plan, row);
      if (size !== undefined) panel.size = size;
      const recorded = this.yesNo(table, plan, row, "recorded");
      if (recorded === true) panel.recorded = true;
      for (const role of ["chair", "discussant"] as const) {
        const needed = this.yesNo(table, plan, row, role);
        if (needed !== undefined) panel[role] = needed;
      }
      const pinned: NonNullable<PanelInput["pinned"]> = {};
      const presenters = this.list(plan, row, "pinnedPresenters");
      if (presenters.length > 0) pinned.presenters = presenters;
      const chair = text("pinnedChair");
      if (chair !== undefined) pinned.chair = chair;
      const discussant = text("pinnedDiscussant");
      if (discussant !== undefined) pinned.discussant = discussant;
      if (Object.keys(pinned).length > 0) panel.pinned = pinned;
      panels.push(panel);
      this.panels.rows.push(row.row);
    }
    return panels;
  }

  private size(table: Table, plan: ColumnPlan, row: TableRow): { min: number; max: number } | undefined {
    const range = parseSizeRange(cellOf(plan, row, "size"));
    if (range === null) {
      this.issues.push({ ...at(table, row.row, plan.fields.get("size")), message: `"${cellOf(plan, row, "size").trim()}" is not a panel size`, expected: 'a number of presenters ("4") or a range ("3-5")' });
      return undefined;
    }
    if (range !== undefined) return range;
    const min = this.count(table, plan, row, "sizeMin");
    const max = this.count(table, plan, row, "sizeMax");
    if (min === undefined && max === undefined) return undefined;
    if (min === undefined || max === undefined) {
      const missing = min === undefined ? "sizeMin" : "sizeMax";
      const given = plan.fields.get(min === undefined ? "sizeMax" : "sizeMin");
      this.issues.push({ ...at(table, row.row, plan.fields.get(missing) ?? given), message: `only the ${min === undefined ? "maximum" : "minimum"} number of presenters is given`, expected: "both a minimum and a maximum, or neither (the policy's panel size)" });
      return undefined;
    }
    return { min, max };
  }

  // ---- participants ----

  private readParticipants(table: Table, plan: ColumnPlan): ParticipantInput[] {
    this.participants = { table, plan, rows: [] };
    const seen = new Map<string, number>();
    // Ids first: a combined "Avoid" cell may name a participant listed further down.
    const ids = new Set(table.rows.map((row) => parseTextCell(cellOf(plan, row, "id"))).filter((id): id is string => id !== undefined));
    const participants: ParticipantInput[] = [];
    for (const row of table.rows) {
      const id = this.requireId(table, plan, row, seen);
      if (id === null) continue;
      const text = (field: string) => parseTextCell(cellOf(plan, row, field));
      const name = text("name") ?? joinName(text("firstName"), text("lastName"));
      const participant: ParticipantInput = { id, ...(name === undefined ? {} : { name }), nationalities: this.nationalities(table, plan, row) };
      for (const field of ["presents", "mayChair", "mayDiscuss"] as const) {
        const n = this.count(table, plan, row, field);
        if (n !== undefined) participant[field] = n;
      }
      const topics = this.list(plan, row, "topics");
      if (topics.length > 0) participant.topics = topics;
      const attributes: Record<string, string> = {};
      for (const [key, column] of plan.attributes) {
        const value = parseTextCell(row.cells[column.index] ?? "");
        if (value !== undefined) attributes[key] = value;
      }
      if (Object.keys(attributes).length > 0) participant.attributes = attributes;
      const unavailableColumn = plan.fields.get("unavailable");
      if (unavailableColumn !== undefined) {
        const slots = this.slotsOf(table, row, unavailableColumn, row.cells[unavailableColumn.index] ?? "");
        if (slots.length > 0) participant.unavailable = slots;
      }
      const group = text("group");
      if (group !== undefined) participant.group = group;
      const avoid = this.avoid(table, plan, row, ids);
      if (avoid.nationalities.length > 0 || avoid.participants.length > 0) participant.avoid = avoid;
      const dialogueCell = cellOf(plan, row, "dialogue");
      const dialogue = parseDialogue(dialogueCell);
      if (dialogue === null) {
        this.issues.push({ ...at(table, row.row, plan.fields.get("dialogue")), message: `"${dialogueCell.trim()}" is not a dialogue choice`, expected: 'in or out (also yes/no, "opt in", "opt out")' });
      } else if (dialogue !== undefined) participant.dialogue = dialogue;
      if (this.yesNo(table, plan, row, "atRisk") === true) participant.atRisk = true;
      participants.push(participant);
      this.participants.rows.push(row.row);
    }
    return participants;
  }

  private nationalities(table: Table, plan: ColumnPlan, row: TableRow): string[] {
    const column = plan.fields.get("nationalities")!;
    const cell = row.cells[column.index] ?? "";
    const parsed = parseNationalityCell(cell);
    for (const problem of parsed.problems) this.issues.push({ ...at(table, row.row, column), message: problem, expected: COUNTRY_EXPECTED });
    if (parsed.codes.length === 0 && parsed.problems.length === 0) {
      this.issues.push({ ...at(table, row.row, column), message: "no nationality", expected: `at least one: ${COUNTRY_EXPECTED}` });
    }
    return [...parsed.codes];
  }

  /** The avoid columns: nationalities, participant ids, or one combined column holding either. */
  private avoid(table: Table, plan: ColumnPlan, row: TableRow, ids: ReadonlySet<string>): { nationalities: string[]; participants: string[] } {
    const nationalities: string[] = [];
    const participants = this.list(plan, row, "avoidParticipants");
    const nationColumn = plan.fields.get("avoidNationalities");
    if (nationColumn !== undefined) {
      const parsed = parseNationalityCell(row.cells[nationColumn.index] ?? "");
      nationalities.push(...parsed.codes);
      for (const problem of parsed.problems) this.issues.push({ ...at(table, row.row, nationColumn), message: problem, expected: COUNTRY_EXPECTED });
    }
    const combined = plan.fields.get("avoid");
    if (combined !== undefined) {
      for (const item of listItems(row.cells[combined.index] ?? "", ";\n\r")) {
        if (ids.has(item.text)) {
          participants.push(item.text);
          continue;
        }
        const parsed = parseNationalityCell(item.text);
        if (parsed.problems.length === 0) nationalities.push(...parsed.codes);
        else this.issues.push({ ...at(table, row.row, combined), message: `"${item.text}" is neither a participant id nor a country (${parsed.problems.join("; ")})`, expected: "participant ids and country names or codes, separated by ;" });
      }
    }
    return { nationalities: [...new Set(nationalities)], participants: [...new Set(participants)] };
  }

  // ---- cells ----

  private requireId(table: Table, plan: ColumnPlan, row: TableRow, seen: Map<string, number>): string | null {
    const column = plan.fields.get("id")!;
    const id = parseTextCell(row.cells[column.index] ?? "");
    if (id === undefined) {
      this.issues.push({ ...at(table, row.row, column), message: "no id", expected: "a unique id in every row" });
      return null;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      this.issues.push({ ...at(table, row.row, column), message: `duplicate id "${id}" (first on row ${first})`, expected: "a unique id in every row" });
      return null;
    }
    seen.set(id, row.row);
    return id;
  }

  private list(plan: ColumnPlan, row: TableRow, field: string): string[] {
    return [...new Set(listItems(cellOf(plan, row, field), LIST_SEPARATORS).map((item) => item.text))];
  }

  private count(table: Table, plan: ColumnPlan, row: TableRow, field: string): number | undefined {
    const cell = cellOf(plan, row, field);
    const n = parseCount(cell);
    if (n !== null) return n;
    this.issues.push({ ...at(table, row.row, plan.fields.get(field)), message: `"${cell.trim()}" is neither a number nor yes or no`, expected: "a whole number (0, 1, 2, ...), or yes (1) / no (0)" });
    return undefined;
  }

  private yesNo(table: Table, plan: ColumnPlan, row: TableRow, field: string): boolean | undefined {
    const cell = cellOf(plan, row, field);
    const value = parseYesNo(cell);
    if (value !== null) return value;
    this.issues.push({ ...at(table, row.row, plan.fields.get(field)), message: `"${cell.trim()}" is not yes or no`, expected: YES_NO_EXPECTED });
    return undefined;
  }

  // ---- the loader's findings, traced back ----

  /** A program loader issue (a JSON path into the built program) at the cell it came from. */
  locate(path: IssuePath, message: string, expected: string | undefined): ImportIssue {
    const tail = expected === undefined ? {} : { expected };
    const [head, index, field, sub] = path;
    const source = head === "participants" ? this.participants : head === "panels" ? this.panels : head === "slots" ? this.slots : null;
    if (head === "policy" && this.mapFile !== null) return { file: this.mapFile, path, message, ...tail };
    if (source !== null && typeof index === "number") {
      const column = columnFor(source.plan, head as TableKind, field, sub);
      return { ...at(source.table, source.rows[index], column), message, ...tail };
    }
    if (head === "slots" && this.mapFile !== null) return { file: this.mapFile, path, message, ...tail };
    if (source !== null) return { ...at(source.table), message, ...tail };
    return { file: this.participants?.table.file ?? "(import)", ...(path.length > 0 ? { path } : {}), message, ...tail };
  }
}

/** The column a program field came from. */
function columnFor(plan: ColumnPlan, kind: TableKind, field: string | number | undefined, sub: string | number | undefined): ColumnRef | undefined {
  if (typeof field !== "string") return undefined;
  const get = (...names: string[]) => names.map((n) => plan.fields.get(n)).find((c) => c !== undefined);
  if (kind === "participants") {
    if (field === "name") return get("name", "firstName", "lastName");
    if (field === "attributes" && typeof sub === "string") return plan.attributes.get(sub);
    if (field === "avoid") return sub === "nationalities" ? get("avoidNationalities", "avoid") : get("avoidParticipants", "avoid");
  }
  if (kind === "panels") {
    if (field === "slot") return get("slot", "slotLabel");
    if (field === "size") return get("size", "sizeMin", "sizeMax");
    if (field === "pinned") return sub === "chair" ? get("pinnedChair") : sub === "discussant" ? get("pinnedDiscussant") : get("pinnedPresenters");
  }
  return get(field);
}

function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const parts = [first, last].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join(" ");
}

function withLabel(id: string, label: string | undefined): SlotInput {
  return label === undefined ? { id } : { id, label };
}
