// Reading a spreadsheet file: the parser is picked by the file's first bytes, not its extension (a workbook saved
// as "export.csv" by a registration system is still a workbook).
import { readCsv } from "./csv.js";
import { DEFAULT_MAX_INPUT_BYTES, type InputOptions } from "../model/read.js";
import { readImportFile } from "./read.js";
import type { WorkbookResult } from "./table.js";
import { readXlsx } from "./xlsx.js";

const SPREADSHEET = "a spreadsheet saved as .xlsx or as CSV (UTF-8)";

export async function readWorkbook(file: string, input: InputOptions = {}): Promise<WorkbookResult> {
  const read = readImportFile(file, SPREADSHEET, input);
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const { bytes } = read;
  // The input size limit bounds what a workbook unpacks to as well as the file itself.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(file, bytes, input.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, issues: [{ file, message: "is an old Excel 97-2003 workbook (.xls)", expected: `${SPREADSHEET} (File > Save As)` }] };
  }
  return readCsv(file, bytes);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, k) => bytes[k] === b);
}

