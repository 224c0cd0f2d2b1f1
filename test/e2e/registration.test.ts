// The shipped fictional registration export (scenarios/registration): reproducible from its script, at least 200
// participants with names from many scripts and one hostile name, imported alike from CSV and XLSX, solvable, and
// published with every name escaped.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportProgramme } from "../../src/export/export.js";
import { importProgram } from "../../src/import/import.js";
import { formatImportIssue } from "../../src/import/issues.js";
import { solveProgram } from "../../src/solve.js";
import { rawCsv, registrationExport } from "../../scenarios/registration/generate.js";
import { loadGenerated } from "../helpers/program.js";

const dir = join(import.meta.dirname, "..", "..", "scenarios", "registration");
const shipped = (name: string) => join(dir, name);

async function imported(files: Parameters<typeof importProgram>[0]) {
  const result = await importProgram(files);
  if (!result.ok) throw new Error(result.issues.map(formatImportIssue).join("\n"));
  return loadGenerated(result.program);
}

describe("scenarios/registration", () => {
  const generated = registrationExport();

  it("is what its script writes", () => {
    expect(readFileSync(shipped("registrations.csv"), "utf8")).toBe(rawCsv(generated.registrations));
    expect(readFileSync(shipped("panels.csv"), "utf8")).toBe(rawCsv(generated.panels));
    expect(readFileSync(shipped("map.yaml"), "utf8")).toBe(generated.map);
  });

  it("has 200+ registrations, names in many scripts, with apostrophes and commas, and one hostile name", () => {
    const rows = generated.registrations.slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const names = rows.map((r) => `${r[1]} ${r[2]}`);
    for (const script of [/\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\p{Script=Han}/u, /\p{Script=Greek}|\p{Script=Hebrew}|\p{Script=Hangul}/u]) {
      expect(names.some((n) => script.test(n)), String(script)).toBe(true);
    }
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => n.includes(","))).toBe(true);
    expect(names.filter((n) => n.includes("<img"))).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
  });

  it("imports alike from the CSV files and the XLSX workbook, solves, and publishes with every name escaped", async () => {
    const map = shipped("map.yaml");
    const fromCsv = await imported({ registration: shipped("registrations.csv"), panels: shipped("panels.csv"), map });
    const fromXlsx = await imported({ registration: shipped("registration.xlsx"), map });
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv.participants.length).toBeGreaterThanOrEqual(200);
    expect(fromCsv.participants.some((p) => p.atRisk)).toBe(true);

    const solution = await solveProgram(fromCsv, { solver: "greedy", timeLimitMs: 20_000 });
    expect(solution.status).toBe("feasible");
    const page = exportProgramme(fromCsv, solution, "html", "public")[0]!.text;
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt; | \\u{202e}yrollaM");
    expect(page).not.toContain("<img");
    const [participants] = exportProgramme(fromCsv, solution, "csv", "public");
    expect(participants!.text).toMatch(/\n[^,]*,"?'=HYPERLINK/);
  });
});
