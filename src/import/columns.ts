// Deciding, once per table, which column holds which field: the map's choices first, then recognised headers.
// Two columns that both claim a field are an error (which one is meant is the chair's call, not ours); a column
// nobody reads gets a note, so a misspelt header is noticed rather than silently dropped.
import { distance } from "fastest-levenshtein";
import type { IssuePath } from "../model/issues.js";
import { normaliseKey } from "./cells.js";
import { headerExamples, recogniseHeader, type TableKind } from "./headers.js";
import { columnLetter, type ColumnRef, type ImportIssue } from "./issues.js";
import type { Table, TableRow } from "./table.js";

export interface ColumnPlan {
  readonly fields: ReadonlyMap<string, ColumnRef>;
  readonly attributes: ReadonlyMap<string, ColumnRef>;
}

export interface MapSection {
  readonly columns: Readonly<Record<string, string | undefined>>;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly ignore: readonly string[];
}

export interface PlanContext {
  readonly kind: TableKind;
  readonly section: MapSection;
  /** The map file and the path of this table's section in it, for issues about the map's choices. */
  readonly mapFile: string | null;
  readonly mapPath: IssuePath;
  readonly required: readonly string[];
  readonly issues: ImportIssue[];
  readonly notes: string[];
}

/** Where an issue about `table` (optionally one row and column of it) is. */
export function at(table: Table, row?: number, column?: ColumnRef): Pick<ImportIssue, "file" | "sheet" | "row" | "column"> {
  return {
    file: table.file,
    ...(table.sheet === null ? {} : { sheet: table.sheet }),
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
  };
}

export function planColumns(table: Table, context: PlanContext): ColumnPlan {
  const { kind, section, issues, notes } = context;
  const fields = new Map<string, ColumnRef>();
  const attributes = new Map<string, ColumnRef>();
  const claimed = new Set<number>();
  const columns: ColumnRef[] = table.headers.map((header, index) => ({ index, header }));
  const byKey = (wanted: string) => columns.filter((c) => normaliseKey(c.header) === normaliseKey(wanted));

  const fromMap = (path: IssuePath, wanted: string): ColumnRef | null => {
    const found = byKey(wanted);
    const mapAt = context.mapFile === null ? { file: table.file } : { file: context.mapFile, path: [...context.mapPath, ...path] };
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      issues.push({ ...mapAt, message: `"${wanted}" heads ${found.length} columns (${found.map((c) => columnLetter(c.index)).join(", ")}) of ${where(table)}`, expected: "a header that names one column" });
      return null;
    }
    const nearest = [...columns].filter((c) => c.header !== "").sort((a, b) => distance(normaliseKey(wanted), normaliseKey(a.header)) - distance(normaliseKey(wanted), normaliseKey(b.header)))[0];
    const hint = nearest === undefined ? "" : ` (did you mean "${nearest.header}"?)`;
    issues.push({ ...mapAt, message: `no column "${wanted}" in ${where(table)}${hint}`, expected: `one of its headers: ${columns.map((c) => `"${c.header}"`).join(", ")}` });
    return null;
  };

  for (const [field, wanted] of Object.entries(section.columns)) {
    if (wanted === undefined) continue;
    const column = fromMap(["columns", field], wanted);
    if (column !== null) {
      fields.set(field, column);
      claimed.add(column.index);
    }
  }
  for (const [key, wanted] of Object.entries(section.attributes ?? {})) {
    const column = fromMap(["attributes", key], wanted);
    if (column !== null) {
      attributes.set(key, column);
      claimed.add(column.index);
    }
  }

  const ignored = new Set(section.ignore.map(normaliseKey));
  const recognisedBy = new Map<string, ColumnRef>();
  for (const column of columns) {
    if (claimed.has(column.index) || ignored.has(normaliseKey(column.header))) continue;
    if (column.header === "") {
      if (table.rows.some((r) => (r.cells[column.index] ?? "").trim() !== "")) {
        notes.push(`${describe(table)}: column ${columnLetter(column.index)} has no header; not read`);
      }
      continue;
    }
    const meaning = recogniseHeader(kind, column.header);
    if (meaning.kind === "silent") continue;
    if (meaning.kind === "unknown") {
      notes.push(`${describe(table)}: column ${columnLetter(column.index)} "${column.header}" not read (unknown header; name it in the map's ${kind}.columns${kind === "participants" ? ", .attributes" : ""} or .ignore)`);
      continue;
    }
    const target = meaning.kind === "field" ? `field:${meaning.field}` : `attribute:${meaning.key}`;
    const label = meaning.kind === "field" ? meaning.field : `attribute "${meaning.key}"`;
    const mapped = meaning.kind === "field" ? fields.get(meaning.field) : attributes.get(meaning.key);
    if (mapped !== undefined && !recognisedBy.has(target)) {
      notes.push(`${describe(table)}: column ${columnLetter(column.index)} "${column.header}" not read: the map takes ${label} from "${mapped.header}"`);
      continue;
    }
    const first = recognisedBy.get(target);
    if (first !== undefined) {
      const mapKey = meaning.kind === "field" ? `${kind}.columns.${meaning.field}` : `${kind}.attributes.${meaning.key}`;
      issues.push({
        ...at(table, table.headerRow ?? undefined),
        message: `columns ${columnLetter(first.index)} "${first.header}" and ${columnLetter(column.index)} "${column.header}" both give ${label}`,
        expected: `one such column, or the one to read named in the map (${mapKey})`,
      });
      continue;
    }
    recognisedBy.set(target, column);
    if (meaning.kind === "field") fields.set(meaning.field, column);
    else attributes.set(meaning.key, column);
  }

  for (const field of context.required) {
    if (fields.has(field)) continue;
    if (field === "name" && fields.has("firstName")) continue;
    issues.push({
      ...at(table, table.headerRow ?? undefined),
      message: `missing column: no column gives ${field}`,
      expected: `a column headed ${headerExamples(kind, field)}, or ${kind}.columns.${field} in a map file (--map)`,
    });
  }
  return { fields, attributes };
}

/** The text of `field`'s cell in `row`, or "" when the table has no such column. */
export function cellOf(plan: ColumnPlan, row: TableRow, field: string): string {
  const column = plan.fields.get(field);
  return column === undefined ? "" : (row.cells[column.index] ?? "");
}

function where(table: Table): string {
  return table.sheet === null ? table.file : `sheet "${table.sheet}" of ${table.file}`;
}

function describe(table: Table): string {
  return table.sheet === null ? table.file : `${table.file} [sheet "${table.sheet}"]`;
}
