// The public API (src/index.ts) as an embedding program uses it: load, solve, check, score, without the CLI.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as tracktwo from "../../src/index.js";

const sample = join(import.meta.dirname, "..", "..", "scenarios", "sample-small.yaml");

describe("public API", () => {
  it("exports the documented entry points", () => {
    for (const name of [
      "loadProgram", "validateProgram", "normalizeProgram", "solveProgram", "checkSolution", "scoreSolution",
      "programJsonSchema", "loadSolution", "redactSolution", "formatSolutionSummary", "explainProgram", "loadScenario",
      "applyChanges", "publicSolution", "importProgram", "formatImportIssue", "exportProgramme", "changeNotices", "noticesCsv",
      "publicSource",
    ]) {
      expect(typeof (tracktwo as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(Object.keys(tracktwo.SOLVERS).sort()).toEqual([...tracktwo.SOLVER_NAMES].sort());
  });

  it("loads the sample, solves it with local search, and the checker and scorer agree with the solution", async () => {
    const loaded = tracktwo.loadProgram(sample);
    if (!loaded.ok) throw new Error(loaded.issues.map(tracktwo.formatInputIssue).join("\n"));
    const solution = await tracktwo.solveProgram(loaded.value, { solver: "search", seed: 2, timeLimitMs: 3000 });
    expect(solution.status).toBe("feasible"); // an inexact solver never claims "optimal"
    expect(tracktwo.checkSolution(loaded.value, solution.panels)).toEqual([]);
    expect(tracktwo.scoreSolution(loaded.value, solution.panels)).toEqual(solution.objective);
    // mip proves 181 for the sample: no heuristic may beat it.
    expect(solution.objective!.total).toBeLessThanOrEqual(181);
  });

  it("imports a registration, exports the programme and lists change notices, as the commands do", async () => {
    const dir = join(import.meta.dirname, "..", "..", "scenarios", "registration");
    const imported = await tracktwo.importProgram({ registration: join(dir, "registrations.csv"), panels: join(dir, "panels.csv"), map: join(dir, "map.yaml") });
    if (!imported.ok) throw new Error(imported.issues.map(tracktwo.formatImportIssue).join("\n"));
    const loaded = tracktwo.validateProgram(imported.program, "registrations.csv");
    if (!loaded.ok) throw new Error(loaded.issues.map(tracktwo.formatInputIssue).join("\n"));
    const solution = await tracktwo.solveProgram(loaded.value, { solver: "greedy", timeLimitMs: 20_000 });
    const [page] = tracktwo.exportProgramme(loaded.value, solution, "html", "public");
    expect(page!.name).toBe("programme.public.html");
    // Two presenters of different panels swapped by hand: both get a notice.
    const [first, second] = [solution.panels[0]!, solution.panels[1]!];
    const [a, b] = [first.presenters[0]!, second.presenters[0]!];
    const moved = [{ ...first, presenters: [b, ...first.presenters.slice(1)] }, { ...second, presenters: [a, ...second.presenters.slice(1)] }, ...solution.panels.slice(2)];
    const source = tracktwo.publicSource(loaded.value);
    expect(tracktwo.changeNotices(source, solution.panels, source, solution.panels)).toEqual([]);
    const notices = tracktwo.changeNotices(source, solution.panels, source, moved);
    expect(notices.map((n) => n.id)).toEqual(expect.arrayContaining([a, b]));
    expect(tracktwo.noticesCsv(notices)).toMatch(/^\uFEFF# Audience: public/);
    // An unknown column is a note, an unknown file an issue with the file's name.
    const missing = await tracktwo.importProgram({ registration: join(dir, "nope.csv") });
    expect(missing.ok ? [] : missing.issues.map(tracktwo.formatImportIssue)).toEqual([expect.stringMatching(/nope\.csv: .*not found|nope\.csv: .*no such file/i)]);
  });

  it("reports an invalid program as issues, never by throwing", () => {
    const result = tracktwo.validateProgram({ participants: [{ id: "a" }], panels: "none" }, "api.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => tracktwo.formatPath(i.path))).toEqual(
      expect.arrayContaining(["participants[0].nationalities", "panels"]),
    );
  });
});
