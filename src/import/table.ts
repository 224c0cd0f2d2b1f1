// A spreadsheet as import sees it, whatever the file was: sheets of text cells with the row numbers a person sees.
// CSV files are one sheet; XLSX workbooks keep their sheet names.
import type { ImportIssue } from "./issues.js";

/**
 * Rows tracktwo reads in one sheet or CSV file, blank rows included: a registration of 20,000 people is large, and
 * past this a spreadsheet reader spends minutes and gigabytes on what is no registration export.
 */
export const MAX_SHEET_ROWS = 100_000;

export interface TableRow {
  /** The row number the spreadsheet shows (1-based; blank rows count). */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface Table {
  readonly file: string;
  /** The sheet's name in a workbook; null for a CSV file. */
  readonly sheet: string | null;
  /** The first non-blank row; null when the sheet holds nothing at all. */
  readonly headerRow: number | null;
  readonly headers: readonly string[];
  /** The non-blank rows below the header. */
  readonly rows: readonly TableRow[];
}

export interface Workbook {
  readonly file: string;
  readonly kind: "csv" | "xlsx";
  readonly sheets: readonly Table[];
}

export type WorkbookResult = { readonly ok: true; readonly workbook: Workbook } | { readonly ok: false; readonly issues: readonly ImportIssue[] };

/** Rows of cells (the first is spreadsheet row 1) as a Table: the first non-blank row is the header. */
export function toTable(file: string, sheet: string | null, grid: readonly (readonly string[])[]): Table {
  const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");
  const headerIndex = grid.findIndex((cells) => !isBlank(cells));
  if (headerIndex === -1) return { file, sheet, headerRow: null, headers: [], rows: [] };
  const headers = grid[headerIndex]!.map((h) => h.trim());
  const rows: TableRow[] = [];
  for (let k = headerIndex + 1; k < grid.length; k++) {
    const cells = grid[k]!;
    if (!isBlank(cells)) rows.push({ row: k + 1, cells });
  }
  return { file, sheet, headerRow: headerIndex + 1, headers, rows };
}
