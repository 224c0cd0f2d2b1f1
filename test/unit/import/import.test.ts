// importProgram on small spreadsheets written here: CSV dialects, XLSX workbooks, header recognition, the map,
// slots matched by id or label, and the loader's findings traced back to rows and columns.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { importProgram, type ImportResult } from "../../../src/import/import.js";
import { formatImportIssue } from "../../../src/import/issues.js";

const dir = mkdtempSync(join(tmpdir(), "tracktwo-import-"));
let counter = 0;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

async function workbook(name: string, sheets: Record<string, (string | number | boolean | null)[][]>): Promise<string> {
  const path = join(dir, `${counter++}-${name}`);
  const data = Object.entries(sheets).map(([sheet, rows]) => ({
    sheet,
    data: rows.map((row) => row.map((value) => (value === null ? null : { value }))),
  }));
  await writeXlsxFile(data).toFile(path);
  return path;
}

const PANELS = "Panel,Title,Time,Room,Size\nP1,Security,Thu 08:15,Room A,2-3\nP2,Energy,Fri 10:30,Room B,1-3\n";

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(result.issues.map(formatImportIssue).join("\n"));
  return result.program;
}

function lines(result: ImportResult): string[] {
  if (result.ok) throw new Error("expected problems, the import succeeded");
  return result.issues.map(formatImportIssue);
}

describe("CSV dialects", () => {
  const rows = [["ID", "Name", "Nationality"], ["p1", "Olena K.", "Ukraine"], ["p2", "Ivan, Jr.", "Russia / Germany"], ["p3", "Line\nbreak", "DE"]];
  const expected = [
    { id: "p1", name: "Olena K.", nationalities: ["UA"] },
    { id: "p2", name: "Ivan, Jr.", nationalities: ["RU", "DE"] },
    { id: "p3", name: "Line\nbreak", nationalities: ["DE"] },
  ];
  const csv = (sep: string, crlf: boolean) =>
    `${rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join(crlf ? "\r\n" : "\n")}\n`;

  for (const [label, text] of [
    ["comma, no BOM", csv(",", false)],
    ["comma, BOM, CRLF", `\uFEFF${csv(",", true)}`],
    ["semicolon (Excel in many European locales)", csv(";", true)],
    ["tab", csv("\t", false)],
  ] as const) {
    it(`reads ${label}`, async () => {
      const program = ok(await importProgram({ registration: file("reg.csv", text), panels: file("panels.csv", PANELS) }));
      expect(program.participants).toEqual(expected);
    });
  }

  it("reads UTF-16 when its byte-order mark says so", async () => {
    const text = csv(",", true);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(ok(await importProgram({ registration: file("reg.csv", bytes), panels: file("panels.csv", PANELS) })).participants).toEqual(expected);
  });

  it("refuses text that is not UTF-8, naming the row of the first bad byte", async () => {
    const latin1 = Buffer.from("ID,Name,Nationality\np1,Jos\xe9,ES\n", "latin1");
    expect(lines(await importProgram({ registration: file("reg.csv", latin1), panels: file("panels.csv", PANELS) }))).toEqual([
      expect.stringMatching(/reg\.csv: row 2: is not UTF-8 text .*; expected a CSV saved as "CSV UTF-8"/),
    ]);
  });
});

describe("XLSX workbooks", () => {
  it("read the registration and Panels sheets of one workbook, numbers and booleans as text", async () => {
    const path = await workbook("reg.xlsx", {
      Registrations: [["Registration ID", "First name", "Last name", "Citizenship", "Willing to chair", "Presentations"], [101, "Olena", "Kovalenko", "UA", true, 1], [102, "Ivan", "Petrov", "Russian Federation", false, 2]],
      Panels: [["Panel", "Title", "Day and time", "Min presenters", "Max presenters"], ["P1", "Security", "Thu 08:15", 1, 3], ["P2", "Energy", "Thu 10:30", 1, 3]],
    });
    const program = ok(await importProgram({ registration: path }));
    expect(program.participants).toEqual([
      { id: "101", name: "Olena Kovalenko", nationalities: ["UA"], presents: 1, mayChair: 1 },
      { id: "102", name: "Ivan Petrov", nationalities: ["RU"], presents: 2, mayChair: 0 },
    ]);
    expect(program.slots).toEqual([{ id: "S01", label: "Thu 08:15" }, { id: "S02", label: "Thu 10:30" }]);
    expect(program.panels.map((p) => [p.id, p.slot, p.size])).toEqual([["P1", "S01", { min: 1, max: 3 }], ["P2", "S02", { min: 1, max: 3 }]]);
  });

  it("name the sheet in every problem, with the row a spreadsheet shows", async () => {
    const path = await workbook("reg.xlsx", {
      Registrations: [[null], ["ID", "Nationality"], ["a", "Rusia"]],
      Panels: [["Panel"], ["P1"]],
    });
    expect(lines(await importProgram({ registration: path }))).toEqual([
      expect.stringMatching(/reg\.xlsx \[sheet "Registrations"\]: row 3, column B "Nationality": unknown country "Rusia" \(did you mean Russia \(RU\)/),
    ]);
  });
});

describe("headers and the map", () => {
  it("recognise common headers, combine first and last names, and never read email", async () => {
    const reg = file("reg.csv", "Reg ID,Given name,Surname,E-mail,Citizenship,Gender,Career stage,Topics,Co-author group,At risk,Dialogue\nx1,Ana,Lima,ana@example.org,Brazil,f,early,\"energy, trade\",paper-1,yes,out\n");
    const program = ok(await importProgram({ registration: reg, panels: file("panels.csv", "Panel,Size\nP1,1\n") }));
    expect(program.participants).toEqual([
      { id: "x1", name: "Ana Lima", nationalities: ["BR"], topics: ["energy", "trade"], attributes: { gender: "f", career: "early" }, group: "paper-1", dialogue: "out", atRisk: true },
    ]);
    expect(JSON.stringify(program)).not.toContain("example.org");
  });

  it("take the headers a map names, the policy and name it carries, and note columns nobody reads", async () => {
    const reg = file("reg.csv", "Number,Passport(s),Open to dialogue?,Affiliation,Country,Shoe size\n1,Ukraine,No,Kyiv Institute,Poland,42\n2,Russia,Yes,Moscow Institute,Russia,40\n3,Germany,,Berlin Institute,Germany,41\n");
    const map = file("map.yaml", [
      "name: Mapped",
      "participants:",
      "  columns: { id: Number, nationalities: Passport(s), dialogue: Open to dialogue? }",
      "  attributes: { institution: Affiliation }",
      "policy: { panelSize: { min: 1, max: 3 }, dialogue: { pairs: [{ between: [RU, UA], weight: 5 }] } }",
    ].join("\n"));
    const result = await importProgram({ registration: reg, panels: file("panels.csv", "Panel\nP1\n"), map });
    const program = ok(result);
    expect(program.name).toBe("Mapped");
    expect(program.policy?.dialogue?.pairs).toEqual([{ between: ["RU", "UA"], weight: 5 }]);
    expect(program.participants[0]).toEqual({ id: "1", nationalities: ["UA"], attributes: { institution: "Kyiv Institute" }, dialogue: "out" });
    expect(result.notes).toEqual([
      expect.stringMatching(/column E "Country" not read: the map takes nationalities from "Passport\(s\)"/),
      expect.stringMatching(/column F "Shoe size" not read \(unknown header/),
    ]);
  });

  it("report a map header the sheet lacks at its place in the map, with the nearest header", async () => {
    const map = file("map.yaml", "participants:\n  columns: { dialogue: Open to dialog }\n");
    const reg = file("reg.csv", "ID,Nationality,Open to dialogue?\n1,UA,yes\n");
    expect(lines(await importProgram({ registration: reg, panels: file("panels.csv", "Panel\nP1\n"), map }))).toEqual([
      expect.stringMatching(/map\.yaml: participants\.columns\.dialogue: no column "Open to dialog" in .*reg\.csv \(did you mean "Open to dialogue\?"\?\)/),
    ]);
  });

  it("refuse two columns that both give one field", async () => {
    const reg = file("reg.csv", "ID,Nationality,Citizenship\n1,UA,UA\n");
    expect(lines(await importProgram({ registration: reg, panels: file("panels.csv", "Panel\nP1\n") }))).toEqual([
      expect.stringMatching(/row 1: columns B "Nationality" and C "Citizenship" both give nationalities; expected one such column, or the one to read named in the map \(participants\.columns\.nationalities\)/),
    ]);
  });
});

describe("slots and references", () => {
  it("match slots by id or label, in unavailability lists with any separator", async () => {
    const reg = file("reg.csv", 'ID,Nationality,Unavailable\n1,UA,"thu 08:15, Fri 10:30"\n2,RU,S02\n3,DE,\n');
    const slots = file("slots.csv", "Slot,Label\nS01,Thu 08:15\nS02,Fri 10:30\n");
    const panels = file("panels.csv", "Panel,Slot,Size\nP1,S01,1-3\nP2,Fri 10:30,1-3\n");
    const program = ok(await importProgram({ registration: reg, panels, slots }));
    expect(program.participants.map((p) => p.unavailable)).toEqual([["S01", "S02"], ["S02"], undefined]);
    expect(program.panels.map((p) => p.slot)).toEqual(["S01", "S02"]);
  });

  it("trace the program loader's findings to the cell they came from", async () => {
    const reg = file("reg.csv", "ID,Nationality,Avoid\n1,UA,9\n2,RU,\n");
    expect(lines(await importProgram({ registration: reg, panels: file("panels.csv", "Panel,Size\nP1,1-3\n") }))).toEqual([
      expect.stringMatching(/reg\.csv: row 2, column C "Avoid": "9" is neither a participant id nor a country/),
    ]);
    const pinned = file("panels.csv", "Panel,Size,Pinned chair,Needs chair\nP1,1-3,7,yes\n");
    expect(lines(await importProgram({ registration: file("reg.csv", "ID,Nationality\n1,UA\n2,RU\n"), panels: pinned }))).toEqual([
      expect.stringMatching(/panels\.csv: row 2, column C "Pinned chair": unknown participant "7"; expected the id of a participant in this program/),
    ]);
  });
});
