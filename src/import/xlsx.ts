// XLSX workbooks through read-excel-file: maintained, small (fflate and a SAX parser), no known advisories, unlike
// the `xlsx` package on npm (SheetJS's abandoned 0.18 line). Cells become the text a person sees: whole numbers
// without ".0", dates as ISO dates, booleans as TRUE / FALSE.
import readXlsxFile from "read-excel-file/node";
import { toTable, type WorkbookResult } from "./table.js";

export async function readXlsx(file: string, bytes: Uint8Array): Promise<WorkbookResult> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0] ?? "";
    return {
      ok: false,
      issues: [{ file, message: `not a readable .xlsx workbook (${reason})`, expected: "an .xlsx workbook saved by a spreadsheet program, or a CSV file" }],
    };
  }
  const tables = sheets.map(({ sheet, data }) => toTable(file, sheet, data.map((row) => row.map(cellText))));
  return { ok: true, workbook: { file, kind: "xlsx", sheets: tables } };
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
