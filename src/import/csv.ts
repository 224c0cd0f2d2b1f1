// CSV files through csv-parse (a maintained, streaming-capable RFC 4180 parser): UTF-8 with or without a byte-order
// mark (UTF-16 when its mark says so), comma, semicolon or tab as found in the header row, quoted cells over
// several lines. Every spreadsheet row is one record, blank lines included, so row numbers match what a
// spreadsheet shows. A cell tracktwo wrote with an apostrophe against formulas reads back as it was.
import { parse } from "csv-parse/sync";
import { restoreFormulaCell } from "../report/escape.js";
import type { ImportIssue } from "./issues.js";
import { MAX_SHEET_ROWS, toTable, type WorkbookResult } from "./table.js";

export function readCsv(file: string, bytes: Uint8Array): WorkbookResult {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
  const text = decoded.text;
  if (text.trim() === "") return { ok: true, workbook: { file, kind: "csv", sheets: [toTable(file, null, [])] } };
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One record past the cap says there are too many, without parsing them all.
      to: MAX_SHEET_ROWS + 1,
    }) as string[][];
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    const reason = e.code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted cell is never closed" : e.message.replace(/^[^:]*: /, "");
    return {
      ok: false,
      issues: [{ file, ...(e.lines === undefined ? {} : { row: e.lines }), message: `not readable as CSV: ${reason}`, expected: 'every quoted cell closed with a matching "' }],
    };
  }
  if (records.length > MAX_SHEET_ROWS) {
    return { ok: false, issues: [{ file, message: `has more than ${MAX_SHEET_ROWS.toLocaleString("en")} rows, more than tracktwo reads`, expected: `a registration export of at most ${MAX_SHEET_ROWS.toLocaleString("en")} rows` }] };
  }
  const grid = records.map((cells) => cells.map(restoreFormulaCell));
  return { ok: true, workbook: { file, kind: "csv", sheets: [toTable(file, null, grid)] } };
}

type Decoded = { ok: true; text: string } | { ok: false; issue: ImportIssue };

function decodeText(file: string, bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  try {
    // fatal: a Windows-1252 file must fail here, not import "Müller" as "M�ller".
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let row = 1;
    for (let k = 0; k < bad; k++) if (bytes[k] === 0x0a) row++;
    return {
      ok: false,
      issue: { file, row, message: "is not UTF-8 text (perhaps saved as \"CSV\" in a Windows code page)", expected: 'a CSV saved as "CSV UTF-8", or an .xlsx workbook' },
    };
  }
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return k;
    for (let j = 1; j < length; j++) if (((bytes[k + j] ?? 0) & 0xc0) !== 0x80) return k;
    k += length;
  }
  return k;
}

/**
 * The separator the header row uses: the most frequent of comma, semicolon and tab outside quotes in the first
 * record (Excel in many European locales writes semicolons). A header of one column is comma-separated.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [ch, n] of counts) if (n > counts.get(best)!) best = ch;
  return best;
}
