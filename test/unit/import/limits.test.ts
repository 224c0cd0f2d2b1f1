// What a spreadsheet may cost: a workbook is unpacked only within the input size limit (as declared by its central
// directory, and as really inflated), and a workbook or CSV file with more rows or cells than a registration export
// has is refused before a reader parses it. The reviewer's case: an 11 MB workbook with a million rows, under the
// 32 MiB file limit, ran 94 s, peaked at 1.17 GB and then failed with "Maximum call stack size exceeded".
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importProgram, type ImportResult } from "../../../src/import/import.js";
import { formatImportIssue } from "../../../src/import/issues.js";
import { MAX_SHEET_ROWS } from "../../../src/import/table.js";
import { countRowsAndCells, MAX_WORKBOOK_CELLS } from "../../../src/import/xlsx.js";

const dir = mkdtempSync(join(tmpdir(), "tracktwo-limits-"));
let counter = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

const PANELS = file("panels.csv", "Panel\nP1\n");

/** A minimal workbook of one sheet whose rows are `rowXml` (row numbers from 2), after a header row ID, Nationality. */
function workbookBytes(rows: number, rowXml: (r: number) => string): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Nationality</t></is></c></row>';
  const body: string[] = [];
  for (let r = 2; r <= rows + 1; r++) body.push(rowXml(r));
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      "xl/workbook.xml": strToU8(`<?xml version="1.0"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Participants" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet ${ns}><sheetData>${header}${body.join("")}</sheetData></worksheet>`),
    },
    { level: 9 },
  );
}

const person = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>UA</t></is></c></row>`;

async function problems(registration: string, maxInputBytes?: number): Promise<string[]> {
  const result: ImportResult = await importProgram({ registration, panels: PANELS }, maxInputBytes === undefined ? {} : { maxInputBytes });
  return result.ok ? [] : result.issues.map(formatImportIssue);
}

describe("spreadsheet limits", () => {
  it("a workbook that unpacks to more than the input size limit is refused before anything is inflated", async () => {
    const bytes = workbookBytes(2000, person);
    const path = file("small-but-deep.xlsx", bytes);
    // The file fits the limit; what it unpacks to does not.
    const limit = bytes.length * 3;
    expect(await problems(path, limit)).toEqual([
      expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: unpacks to \\d+(\\.\\d)? KiB, more than the input size limit of \\d+(\\.\\d)? KiB; expected a workbook that unpacks to at most .* \\(--max-input-size raises the limit`)),
    ]);
    // With room for what it unpacks to, the same file is read (and its 2,000 presentations do not fit one panel).
    expect((await problems(path)).join("\n")).toMatch(/2000 presentations but the panels seat at most/);
  });

  it("a part that unpacks to more than the archive declares is refused, not inflated on", async () => {
    const bytes = workbookBytes(2000, person);
    // Declare 100 bytes for the sheet, in the central directory and in its local header.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = bytes.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    let at = view.getUint32(end + 16, true);
    for (let k = 0; k < view.getUint16(end + 10, true); k++) {
      const nameLength = view.getUint16(at + 28, true);
      if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)) === "xl/worksheets/sheet1.xml") {
        view.setUint32(at + 24, 100, true);
        view.setUint32(view.getUint32(at + 42, true) + 22, 100, true);
      }
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(await problems(file("lying.xlsx", bytes))).toEqual([
      expect.stringMatching(/lying\.xlsx: not a readable \.xlsx workbook \(xl\/worksheets\/sheet1\.xml unpacks to more than the archive says\); expected an \.xlsx workbook/),
    ]);
  });

  it("a sheet of more rows than a registration export has is refused before it is parsed", async () => {
    const path = file("many-rows.xlsx", workbookBytes(MAX_SHEET_ROWS, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`));
    expect(await problems(path)).toEqual([
      `${path}: a sheet (xl/worksheets/sheet1.xml) has 100,001 rows, more than the 100,000 tracktwo reads; expected a registration export of at most 100,000 rows per sheet`,
    ]);
  });

  it("a workbook of more cells than a registration export has is refused before it is parsed", async () => {
    const perRow = 2001;
    const rows = Math.ceil(MAX_WORKBOOK_CELLS / perRow);
    const path = file("many-cells.xlsx", workbookBytes(rows, () => `<row>${"<c/>".repeat(perRow)}</row>`));
    expect(await problems(path)).toEqual([
      `${path}: the workbook has ${(rows * perRow + 2).toLocaleString("en")} cells, more than the 2,000,000 tracktwo reads; expected a registration export of fewer cells (delete the columns and sheets nobody needs)`,
    ]);
  });

  it("a CSV file of more rows than a registration export has is refused after reading one row past the cap", async () => {
    const path = file("many-rows.csv", `ID,Nationality\n${"1,UA\n".repeat(MAX_SHEET_ROWS)}`);
    expect(await problems(path)).toEqual([`${path}: has more than 100,000 rows, more than tracktwo reads; expected a registration export of at most 100,000 rows`]);
  });

  it("counts rows and cells by their tags, namespace prefixes and empty cells included, nothing else", () => {
    const xml = strToU8('<x:worksheet><x:cols><x:col min="1"/></x:cols><x:sheetData><x:row r="1"><x:c r="A1"/><x:c\tr="B1"><x:v>1</x:v></x:c></x:row><row><c/></row></x:sheetData><rowBreaks count="0"/><c:chart/></x:worksheet>');
    expect(countRowsAndCells(xml)).toEqual({ rows: 2, cells: 3 });
  });
});
