import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { exportProgramme } from "../../../src/export/export.js";
import { changeNotices } from "../../../src/export/notices.js";
import { organisersFacts } from "../../../src/export/organisers.js";
import { buildProgramme, publicSource } from "../../../src/export/programme.js";
import type { Solution, SolutionPanel } from "../../../src/model/solution.js";
import { loadGenerated } from "../../helpers/program.js";

const program = loadGenerated({
  name: "Test | convention",
  slots: [{ id: "S1", label: "Thu 08:15" }, { id: "S2", label: "Fri 10:30" }],
  participants: [
    { id: "a", name: "Ana | Lima", nationalities: ["UA"], attributes: { gender: "f" } },
    { id: "b", name: "=cmd|' /C calc'!A0", nationalities: ["RU", "DE"], attributes: { gender: "m" }, atRisk: true },
    { id: "c", name: "Chen *Wei*", nationalities: ["CN"], mayChair: 1 },
    { id: "d", name: "Dana", nationalities: ["US"] },
  ],
  panels: [
    { id: "P1", title: "Security <after> 2022", slot: "S1", room: "Room B", size: { min: 2, max: 2 }, chair: true },
    { id: "P2", title: "Energy", slot: "S2", room: "Room A", size: { min: 1, max: 2 } },
  ],
  policy: { dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }] } },
});
const panels: SolutionPanel[] = [
  { id: "P1", presenters: ["a", "b"], chair: "c", discussant: null },
  { id: "P2", presenters: ["d"], chair: null, discussant: null },
];
const solution: Solution = { status: "optimal", solver: "highs", seed: 1, objective: null, bound: 11, panels, violations: [], explanation: null, stats: {} };

describe("export files", () => {
  it("state their audience in the file name and the header", () => {
    const names = (format: "html" | "csv" | "md", audience: "public" | "organisers") => exportProgramme(program, solution, format, audience).map((f) => f.name);
    expect(names("html", "public")).toEqual(["programme.public.html"]);
    expect(names("csv", "organisers")).toEqual(["participants.organisers.csv", "panels.organisers.csv", "slots.organisers.csv"]);
    expect(exportProgramme(program, solution, "md", "organisers")[0]!.text).toMatch(/^# Test \\\| convention\n\n_Audience: organisers only/);
    expect(exportProgramme(program, solution, "html", "public")[0]!.text).toContain('<meta name="tracktwo-audience" content="public">');
  });

  it("Markdown escapes pipes and markup in every cell", () => {
    const md = exportProgramme(program, solution, "md", "public")[0]!.text;
    const row = md.split("\n").find((l) => l.includes("P1"))!;
    expect(row).toBe("| Room B | P1 | Security \\<after\\> 2022 | Chen \\*Wei\\* | Ana \\| Lima<br>=cmd\\|' /C calc'\\!A0 |  |");
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });

  it("CSV neutralises formulas (a cell runs as one only from its start), one row per participant", () => {
    const [participants, panelsCsv] = exportProgramme(program, solution, "csv", "public");
    expect(participants!.text.startsWith("\uFEFFid,name,panel,title,role,slot,room\r\n")).toBe(true);
    const rows = parse(participants!.text, { bom: true }) as string[][];
    expect(rows.find((r) => r[0] === "b")).toEqual(["b", "'=cmd|' /C calc'!A0", "P1", "Security <after> 2022", "presenter", "Thu 08:15", "Room B"]);
    expect(rows).toHaveLength(5);
    expect(parse(panelsCsv!.text, { bom: true })[1]).toEqual(["P1", "Security <after> 2022", "Thu 08:15", "Room B", "Chen *Wei*", "Ana | Lima\n=cmd|' /C calc'!A0", ""]);
  });

  it("public files say nothing of nationalities, dialogue or risk; the organisers' do", () => {
    const pub = exportProgramme(program, solution, "html", "public")[0]!.text;
    expect(pub).not.toMatch(/UA|Dialogue ·|at risk|RU\/DE/);
    const org = exportProgramme(program, solution, "html", "organisers")[0]!.text;
    expect(org).toContain("Dialogue · RU–UA");
    expect(org).toContain('<span class="nat">RU/DE</span>');
  });

  it("the organisers' files name who is at risk only with revealAtRisk, as every organiser artefact", () => {
    // b is at risk and wrote no dialogue choice: out by the at-risk default, which "no dialogue" must not show either.
    const hidden = exportProgramme(program, solution, "html", "organisers")[0]!.text;
    expect(hidden).not.toMatch(/at risk|At-risk|no dialogue/i);
    expect(hidden).toContain('<span class="name">=cmd|&#39; /C calc&#39;!A0</span> <span class="nat">RU/DE</span></');
    const shown = exportProgramme(program, solution, "html", "organisers", { revealAtRisk: true })[0]!.text;
    expect(shown).toContain('<span class="nat">RU/DE</span> <span class="tag risk">at risk</span>');
    expect(shown).toContain('<span class="tile-value">1</span><span class="tile-label">At-risk participants seated</span>');
    expect(shown).toContain("This copy names the participants at risk");
    const md = (options = {}) => exportProgramme(program, solution, "md", "organisers", options)[0]!.text;
    expect(md()).not.toMatch(/at risk|At-risk|no dialogue/i);
    expect(md({ revealAtRisk: true })).toContain("(RU/DE, at risk)");
    const header = (options = {}) => exportProgramme(program, solution, "csv", "organisers", options)[0]!.text.split("\r\n")[0]!;
    expect(header()).not.toContain("at risk");
    expect(header({ revealAtRisk: true })).toContain(",dialogue,at risk,panel,");
  });

  it("a written dialogue opt-out shows as \"no dialogue\" without revealing anything", () => {
    const written = loadGenerated({ ...structuredClone(program), participants: program.participants.map((p) => (p.id === "d" ? { ...p, dialogue: "out" } : p)) });
    expect(exportProgramme(written, solution, "html", "organisers")[0]!.text).toContain('<span class="nat">US</span> <span class="tag">no dialogue</span>');
  });
});

describe("the equity dashboard", () => {
  it("counts members per slot and overall, a dual national half for each nationality", () => {
    const programme = buildProgramme(publicSource(program), panels);
    const facts = organisersFacts(program, solution, programme);
    const nationality = facts.shares[0]!;
    expect(nationality.categories).toEqual(["CN", "UA", "US", "DE", "RU"]);
    expect(nationality.rows).toEqual([
      { label: "Thu 08:15", total: 3, values: [1, 1, 0, 0.5, 0.5] },
      { label: "Fri 10:30", total: 1, values: [0, 0, 1, 0, 0] },
      { label: "All slots", total: 4, values: [1, 1, 1, 0.5, 0.5] },
    ]);
    expect(facts.shares[1]).toMatchObject({ dimension: "Gender", categories: ["f", "m", "Not recorded"] });
    expect(facts.dialogue).toEqual({ panels: 2, dialoguePanels: 1, pairs: [{ between: ["RU", "UA"], weight: 10, panels: 1 }] });
    expect(facts.objective).toMatchObject({ total: 10, bound: 11, status: "optimal" });
    expect(facts.objective.gap).toBeCloseTo(1 / 11);
    expect(facts.atRiskSeated).toBeNull();
    expect(organisersFacts(program, solution, programme, { revealAtRisk: true }).atRiskSeated).toBe(1);
  });
});

describe("change notices", () => {
  it("list who changed panel, slot, room, role or fellow panellists, and nobody else", () => {
    const after: SolutionPanel[] = [
      { id: "P1", presenters: ["a", "d"], chair: "c", discussant: null },
      { id: "P2", presenters: ["b"], chair: null, discussant: null },
    ];
    const notices = changeNotices(publicSource(program), panels, publicSource(program), after);
    expect(notices.map((n) => [n.id, n.changes])).toEqual([
      ["b", ["panel", "slot", "room", "fellow panellists"]],
      ["a", ["fellow panellists"]],
      ["c", ["fellow panellists"]],
      ["d", ["panel", "slot", "room", "fellow panellists"]],
    ]);
    const ana = notices.find((n) => n.id === "a")!;
    expect(ana.details).toBe("fellow panellists: +Dana, -=cmd|' /C calc'!A0");
    expect(notices.find((n) => n.id === "d")!.details).toBe("panel: P2 -> P1; slot: Fri 10:30 -> Thu 08:15; room: Room A -> Room B; fellow panellists: +Chen *Wei*, +Ana | Lima");
  });

  it("say who was added or removed when the program changed", () => {
    const withdrawn = loadGenerated({ ...structuredClone(program), participants: program.participants.filter((p) => p.id !== "b") });
    const after: SolutionPanel[] = [{ id: "P1", presenters: ["a", "d"], chair: "c", discussant: null }, { id: "P2", presenters: [], chair: null, discussant: null }];
    const notices = changeNotices(publicSource(program), panels, publicSource(withdrawn), after);
    expect(notices.find((n) => n.id === "b")).toMatchObject({ changes: ["removed"], after: "" });
  });
});
