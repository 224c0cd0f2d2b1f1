// `tracktwo import`, `export` and `notices` from the command line: bad spreadsheets exit 2 with file, row and
// column and write nothing; good ones round-trip through solve and export.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import writeXlsxFile from "write-excel-file/node";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "tracktwo-cli-io-"));
const path = (name: string) => join(dir, name);

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTty: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const REGISTRATION = "ID,Name,Nationality,Willing to chair\np1,Olena K.,Ukraine,yes\np2,Ivan P.,Russia,no\np3,Ana L.,Brazil,no\np4,Jun C.,China,yes\n";
const PANELS = "Panel,Title,Time,Room,Size,Needs chair\nP1,Security,Thu 08:15,Room A,2-3,no\nP2,Energy,Thu 10:30,Room B,1-3,no\n";

function write(name: string, text: string): string {
  writeFileSync(path(name), text);
  return path(name);
}

describe("tracktwo import: bad spreadsheets", () => {
  const panels = write("panels.csv", PANELS);
  const cases: { name: string; registration: () => Promise<string>; extra?: string[]; expected: RegExp[] }[] = [
    {
      name: "missing column",
      registration: async () => write("missing.csv", "ID,Name\np1,Olena\n"),
      expected: [/missing\.csv: row 1: missing column: no column gives nationalities; expected a column headed "Nationality", "Nationalities" or "Citizenship"/],
    },
    {
      name: "unknown country",
      registration: async () => write("country.csv", "ID,Nationality\np1,Ukraine\np2,Rusia\np3,Atlantis\n"),
      expected: [
        /country\.csv: row 3, column B "Nationality": unknown country "Rusia" \(did you mean Russia \(RU\)/,
        /country\.csv: row 4, column B "Nationality": unknown country "Atlantis"/,
      ],
    },
    {
      name: "duplicate id",
      registration: async () => write("duplicate.csv", "ID,Nationality\np1,UA\np2,RU\np1,DE\n"),
      expected: [/duplicate\.csv: row 4, column A "ID": duplicate id "p1" \(first on row 2\); expected a unique id in every row/],
    },
    {
      name: "empty file",
      registration: async () => write("empty.csv", ""),
      expected: [/empty\.csv: row 1: the sheet is empty; expected a header row, then one row per participant/],
    },
    {
      name: "header only",
      registration: async () => write("header.csv", "\uFEFFID,Nationality\r\n"),
      expected: [/header\.csv: row 1: no rows below the header; expected a header row, then one row per participant/],
    },
    {
      name: "wrong sheet",
      registration: async () => {
        await writeXlsxFile([{ sheet: "People", data: [[{ value: "ID" }, { value: "Nationality" }], [{ value: "p1" }, { value: "UA" }]] }]).toFile(path("sheets.xlsx"));
        return path("sheets.xlsx");
      },
      extra: ["--sheet", "Registrations"],
      // The file's path once, at the start of the line.
      expected: [/^[^:]*sheets\.xlsx: the workbook has no sheet named "Registrations"; expected one of its sheets: "People"$/],
    },
    {
      name: "not a workbook",
      registration: async () => write("broken.xlsx", "PK\u0003\u0004 not really a zip"),
      expected: [/broken\.xlsx: not a readable \.xlsx workbook/],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: exit 2, file, row and column, and nothing written`, async () => {
      const out = path(`out-${c.name.replace(/\W/g, "-")}.yaml`);
      writeFileSync(out, "kept: true\n");
      const result = await cli("import", await c.registration(), "--panels", panels, ...(c.extra ?? []), "--out", out);
      expect(result.code).toBe(2);
      const problems = result.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("note:") && !l.startsWith("tracktwo import:"));
      expect(problems).toEqual(c.expected.map((re) => expect.stringMatching(re)));
      expect(result.stderr).toMatch(/nothing written/);
      expect(result.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
      expect(readFileSync(out, "utf8")).toBe("kept: true\n");
    });
  }

  it("reports every problem of every file in one pass", async () => {
    const reg = write("many.csv", "ID,Nationality,Not available\np1,Rusia,Fri\np1,UA,\n");
    const result = await cli("import", reg, "--panels", write("many-panels.csv", "Panel,Time\nP1,Thu 08:15\nP1,Thu 10:30\n"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/many-panels\.csv: row 3, column A "Panel": duplicate id "P1"/);
    expect(result.stderr).toMatch(/many\.csv: row 2, column B "Nationality": unknown country "Rusia"/);
    expect(result.stderr).toMatch(/many\.csv: row 2, column C "Not available": unknown slot "Fri"; expected a slot id or label: "Thu 08:15", "Thu 10:30"/);
    expect(result.stderr).toMatch(/many\.csv: row 3, column A "ID": duplicate id "p1"/);
    expect(result.stderr).toMatch(/4 problems; nothing written/);
  });
});

describe("import -> solve -> export -> notices", () => {
  it("turns a spreadsheet into a published programme and tells who changed after a re-solve", async () => {
    const program = path("program.yaml");
    const imported = await cli("import", write("reg.csv", REGISTRATION), "--panels", write("panels-ok.csv", PANELS), "--out", program);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/wrote .*program\.yaml: 4 participants, 2 panels, 2 slots/) });
    expect(parse(readFileSync(program, "utf8")).participants[0]).toEqual({ id: "p1", name: "Olena K.", nationalities: ["UA"], mayChair: 1 });
    expect(readFileSync(program, "utf8")).toMatch(/^# Audience: organisers only \(contains nationalities, opt-outs and safety information; do not publish\)\n# Imported by `tracktwo import` from /);

    const solution = path("solution.json");
    expect((await cli("solve", program, "--solver", "highs", "--out", solution)).code).toBe(0);
    const out = path("site");
    for (const [format, audience, files] of [
      ["html", "public", ["programme.public.html"]],
      ["html", "organisers", ["programme.organisers.html"]],
      ["md", "public", ["programme.public.md"]],
      ["csv", "public", ["participants.public.csv", "panels.public.csv"]],
      ["csv", "organisers", ["participants.organisers.csv", "panels.organisers.csv", "slots.organisers.csv"]],
    ] as const) {
      const result = await cli("export", program, solution, "--format", format, "--audience", audience, "--out", out);
      expect(result.code).toBe(0);
      for (const name of files) {
        expect(result.stdout).toContain(`wrote ${join(out, name)} (audience: ${audience})`);
        expect(existsSync(join(out, name))).toBe(true);
      }
    }
    // The public solution file (no objective) serves as a what-if baseline: nothing changed, nobody moves.
    writeFileSync(path("same.yaml"), `base: ${program}\nbaseline: ${solution}\n`);
    const whatif = await cli("whatif", path("same.yaml"), "--jobs", "1", "--out-dir", path("whatif"));
    expect(whatif.code).toBe(0);
    expect(whatif.stdout).toMatch(/^\| same +\| feasible .*\| +0 \|$/m);

    // Organisers' files are created private; the public ones as the umask allows.
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect([mode(program), mode(join(out, "programme.organisers.html")), mode(join(out, "participants.organisers.csv"))]).toEqual([0o600, 0o600, 0o600]);
    expect(mode(join(out, "programme.public.html"))).toBe(0o666 & ~process.umask());

    const page = readFileSync(join(out, "programme.public.html"), "utf8");
    for (const name of ["Olena K.", "Ivan P.", "Ana L.", "Jun C."]) expect(page).toContain(name);
    expect(page).not.toMatch(/\b(UA|RU|BR|CN)\b/);

    // A hand-moved presenter: the re-solved file differs for the two people swapped.
    const solved = JSON.parse(readFileSync(solution, "utf8")) as { panels: { presenters: string[] }[] };
    const [a, b] = [solved.panels[0]!.presenters[0]!, solved.panels[1]!.presenters[0]!];
    solved.panels[0]!.presenters[0] = b;
    solved.panels[1]!.presenters[0] = a;
    const moved = write("moved.json", JSON.stringify(solved));
    const notices = path("notices.csv");
    const result = await cli("notices", program, solution, moved, "--out", notices);
    expect(result).toMatchObject({ code: 0 });
    const text = readFileSync(notices, "utf8");
    expect(text.startsWith("\uFEFF# Audience: public (names; titles and roles only); each row is for the person it names\r\nid,name,changed,before,after,details\r\n")).toBe(true);
    for (const id of [a, b]) expect(text).toMatch(new RegExp(`^${id},.*,"?panel, slot, room, fellow panellists`, "m"));
  });

  it("export --reveal-at-risk: organisers only; the CSV round trip then gives back the at-risk flags", async () => {
    const program = path("program-risk.yaml");
    await cli("import", write("reg-risk.csv", `${REGISTRATION.replace("Willing to chair\n", "Willing to chair,At risk\n").replace("Ivan P.,Russia,no", "Ivan P.,Russia,no,yes")}`), "--panels", write("panels-risk.csv", PANELS), "--out", program);
    const solution = path("solution-risk.json");
    expect((await cli("solve", program, "--solver", "highs", "--out", solution)).code).toBe(0);
    const refused = await cli("export", program, solution, "--audience", "public", "--reveal-at-risk", "--out", path("risk-public"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--reveal-at-risk names who is at risk, which no public file may do; expected --audience organisers/);
    expect(existsSync(path("risk-public"))).toBe(false);
    const withheld = await cli("export", program, solution, "--format", "csv", "--audience", "organisers", "--out", path("risk-withheld"));
    expect(withheld.code).toBe(0);
    expect(readFileSync(join(path("risk-withheld"), "participants.organisers.csv"), "utf8")).not.toMatch(/at risk/i);
    const shown = await cli("export", program, solution, "--format", "csv", "--audience", "organisers", "--reveal-at-risk", "--out", path("risk-shown"));
    expect(shown.stdout).toContain("(audience: organisers, names who is at risk)");
    const csv = (name: string) => join(path("risk-shown"), name);
    const back = await cli("import", csv("participants.organisers.csv"), "--panels", csv("panels.organisers.csv"), "--slots", csv("slots.organisers.csv"));
    expect(back.code).toBe(0);
    expect(parse(back.stdout).participants.filter((p: { atRisk?: boolean }) => p.atRisk === true).map((p: { id: string }) => p.id)).toEqual(["p2"]);
  });

  it("refuses to export a solution the checker rejects", async () => {
    const program = path("program-refuse.yaml");
    await cli("import", write("reg2.csv", REGISTRATION), "--panels", write("panels2.csv", PANELS), "--out", program);
    const bad = write("bad.json", JSON.stringify({ status: "feasible", solver: "hand", panels: [{ id: "P1", presenters: ["p1"] }, { id: "P2", presenters: ["p1"] }] }));
    const result = await cli("export", program, bad, "--out", path("refused"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/violations? of hard constraints; refusing to publish it/);
    expect(existsSync(path("refused"))).toBe(false);
  });
});

describe("data on standard output", () => {
  // A bidirectional override, a bell and an escape in names: the terminal guard must not turn them into text.
  const hostile = "ID,Name,Nationality\np1,\u202eyrollaM,Ukraine\np2,Bell\u0007 \u001b[31mRed,Russia\np3,Ana,Brazil\n";

  it("import prints the same bytes --out writes, and YAML and JSON read back as the same names", async () => {
    const registration = write("hostile.csv", hostile);
    const panels = write("panels-data.csv", PANELS);
    const names = ["\u202eyrollaM", "Bell\u0007 \u001b[31mRed", "Ana"];
    const printed = await cli("import", registration, "--panels", panels);
    expect(printed.code).toBe(0);
    expect((await cli("import", registration, "--panels", panels, "--out", path("program-data.yaml"))).code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(path("program-data.yaml"), "utf8"));
    expect(parse(printed.stdout).participants.map((p: { name: string }) => p.name)).toEqual(names);
    expect((await cli("import", registration, "--panels", panels, "--out", path("program-data.json"))).code).toBe(0);
    const json = readFileSync(path("program-data.json"), "utf8");
    expect(JSON.parse(json).participants.map((p: { name: string }) => p.name)).toEqual(names);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
  });

  it("solve --json prints the bytes --out writes", async () => {
    const program = path("program-json.yaml");
    expect((await cli("import", write("hostile-json.csv", hostile), "--panels", write("panels-json.csv", PANELS), "--out", program)).code).toBe(0);
    const printed = await cli("solve", program, "--solver", "greedy", "--seed", "3", "--json", "--out", path("solution-json.json"));
    expect(printed.code).toBe(0);
    const file = readFileSync(path("solution-json.json"), "utf8");
    // The run's time differs between two runs, not between what one run prints and writes.
    expect(printed.stdout).toBe(file);
  });
});
