// XLSX workbooks through read-excel-file: maintained, small (fflate and a SAX parser), no known advisories, unlike
// the `xlsx` package on npm (SheetJS's abandoned 0.18 line). Cells become the text a person sees: whole numbers
// without ".0", dates as ISO dates, booleans as TRUE / FALSE. Before the reader sees a workbook, its XML is unpacked
// within the input size limit (zip.ts) and its rows and cells are counted against MAX_SHEET_ROWS and
// MAX_WORKBOOK_CELLS: a small file can hold a million rows, which the reader would take minutes and gigabytes over.
import readXlsxFile from "read-excel-file/node";
import type { ImportIssue } from "./issues.js";
import { MAX_SHEET_ROWS, toTable, type WorkbookResult } from "./table.js";
import { rezip, unzipBounded } from "./zip.js";

/** Cells in all sheets of one workbook: a 20,000-person registration of 40 columns has 800,000. */
export const MAX_WORKBOOK_CELLS = 2_000_000;

const EXPECTED = "an .xlsx workbook saved by a spreadsheet program, or a CSV file";

/** The parts read-excel-file reads (its own filter): the XML and its relationships, never images or binaries. */
const isXmlPart = (name: string) => name.endsWith(".xml") || name.endsWith(".xml.rels");

export async function readXlsx(file: string, bytes: Uint8Array, limit: number): Promise<WorkbookResult> {
  const fail = (message: string, expected = EXPECTED): WorkbookResult => ({ ok: false, issues: [{ file, message, expected }] });
  const unzipped = unzipBounded(bytes, isXmlPart, limit);
  if (!unzipped.ok) return fail(unzipped.broken === true ? `not a readable .xlsx workbook (${unzipped.problem})` : unzipped.problem, unzipped.expected);
  const tooLarge = sizeProblem(file, unzipped.parts);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(rezip(unzipped.parts)));
  } catch (error) {
    return fail(`not a readable .xlsx workbook (${(error as Error).message.split("\n")[0] ?? ""})`);
  }
  const tables = sheets.map(({ sheet, data }) => toTable(file, sheet, data.map((row) => row.map(cellText))));
  return { ok: true, workbook: { file, kind: "xlsx", sheets: tables } };
}

/** A worksheet with more rows than MAX_SHEET_ROWS, or a workbook with more cells than MAX_WORKBOOK_CELLS. */
function sizeProblem(file: string, parts: ReadonlyMap<string, Uint8Array>): ImportIssue | null {
  let cells = 0;
  for (const [name, xml] of parts) {
    if (!/(^|\/)worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const counted = countRowsAndCells(xml);
    if (counted.rows > MAX_SHEET_ROWS) {
      return { file, message: `a sheet (${name}) has ${counted.rows.toLocaleString("en")} rows, more than the ${MAX_SHEET_ROWS.toLocaleString("en")} tracktwo reads`, expected: `a registration export of at most ${MAX_SHEET_ROWS.toLocaleString("en")} rows per sheet` };
    }
    cells += counted.cells;
  }
  if (cells > MAX_WORKBOOK_CELLS) {
    return { file, message: `the workbook has ${cells.toLocaleString("en")} cells, more than the ${MAX_WORKBOOK_CELLS.toLocaleString("en")} tracktwo reads`, expected: "a registration export of fewer cells (delete the columns and sheets nobody needs)" };
  }
  return null;
}

/**
 * Rows and cells of worksheet XML, by their start tags (`<row`, `<c`, with or without a namespace prefix), read
 * from the bytes in one pass: no string, no parser.
 */
export function countRowsAndCells(xml: Uint8Array): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  const n = xml.length;
  for (let k = xml.indexOf(0x3c); k !== -1; k = xml.indexOf(0x3c, k + 1)) {
    // The tag's name, up to a space, ">" or "/"; its local part is what follows the last ":".
    let start = k + 1;
    let end = start;
    while (end < n) {
      const b = xml[end]!;
      if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) break;
      if (b === 0x3a) start = end + 1;
      end++;
    }
    const length = end - start;
    if (length === 1 && xml[start] === 0x63) cells++;
    else if (length === 3 && xml[start] === 0x72 && xml[start + 1] === 0x6f && xml[start + 2] === 0x77) rows++;
  }
  return { rows, cells };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return String(value);
}
