// Hand-made programs with known optima, one or two per rule kind, solved by both exact backends through the full
// pipeline (normalise, solve, independent checker, scorer), so a wrong encoding shows as a wrong optimum, a wrong
// status or a checker violation.
import { describe, expect, it } from "vitest";
import { ProgramSchema, type ProgramInput } from "../../../../src/model/schema.js";
import type { Solution, SolutionPanel } from "../../../../src/model/solution.js";
import { solveProgram } from "../../../../src/pipeline.js";

type Person = ProgramInput["participants"][number];
const person = (id: string, nationalities: string[], extra: Partial<Person> = {}): Person => ({ id, nationalities, ...extra });

function program(input: Omit<ProgramInput, "policy"> & { policy?: ProgramInput["policy"] }) {
  return ProgramSchema.parse(input);
}

const BACKENDS = ["mip", "highs"] as const;

async function solve(input: Parameters<typeof program>[0], solver: (typeof BACKENDS)[number], baseline?: SolutionPanel[], maxMoves?: number): Promise<Solution> {
  const solution = await solveProgram(program(input), {
    solver,
    timeLimitMs: 20_000,
    ...(baseline === undefined ? {} : { baseline }),
    ...(maxMoves === undefined ? {} : { maxMoves }),
  });
  expect(solution.violations, JSON.stringify(solution)).toEqual([]);
  return solution;
}

const RU_UA = { pairs: [{ between: ["RU", "UA"] as [string, string], weight: 10 }] };
const onePanel = (size: number, extra: Partial<ProgramInput["panels"][number]> = {}) => [{ id: "P", size: { min: size, max: size }, ...extra }];

describe.each(BACKENDS)("%s: hand-made optima", (solver) => {
  it("a dual national alone does not realise a pair; with another holder of either side it does", async () => {
    const alone = await solve(
      { participants: [person("d", ["RU", "UA"]), person("a", ["DE"]), person("b", ["FR"])], panels: onePanel(3), policy: { dialogue: RU_UA } },
      solver,
    );
    expect(alone.status).toBe("optimal");
    expect(alone.objective?.total).toBe(0);
    const withUa = await solve(
      { participants: [person("d", ["RU", "UA"]), person("u", ["UA"]), person("b", ["FR"])], panels: onePanel(3), policy: { dialogue: { ...RU_UA, maxImbalance: null } } },
      solver,
    );
    expect(withUa.status).toBe("optimal");
    expect(withUa.objective?.total).toBe(10);
  });

  it("a neutral chair forces the choice of the chair, and without a neutral one the program is infeasible", async () => {
    const participants = [person("r", ["RU"]), person("u", ["UA"]), person("cr", ["RU"], { presents: 0, mayChair: 1 }), person("cd", ["DE"], { presents: 0, mayChair: 1 })];
    const chosen = await solve({ participants, panels: onePanel(2), policy: { chair: true, dialogue: RU_UA } }, solver);
    expect(chosen.status).toBe("optimal");
    expect(chosen.objective?.total).toBe(10);
    expect(chosen.panels[0]?.chair).toBe("cd");
    const none = await solve({ participants: participants.slice(0, 3), panels: onePanel(2), policy: { chair: true, dialogue: RU_UA } }, solver);
    expect(none.status).toBe("infeasible");
  });

  it("maxImbalance and minSide bind on a realising panel only", async () => {
    const participants = [person("r1", ["RU"]), person("r2", ["RU"]), person("u", ["UA"])];
    const panels = onePanel(3);
    expect((await solve({ participants, panels, policy: { dialogue: { ...RU_UA, maxImbalance: 0 } } }, solver)).status).toBe("infeasible");
    const loose = await solve({ participants, panels, policy: { dialogue: { ...RU_UA, maxImbalance: 1 } } }, solver);
    expect(loose.objective?.total).toBe(10);
    expect((await solve({ participants, panels, policy: { dialogue: { ...RU_UA, maxImbalance: null, minSide: 2 } } }, solver)).status).toBe("infeasible");
    // Without any UA-holder the imbalance rule has nothing to protect.
    const monologue = await solve({ participants: [person("r1", ["RU"]), person("r2", ["RU"]), person("g", ["GE"])], panels, policy: { dialogue: { ...RU_UA, maxImbalance: 0, minSide: 2 } } }, solver);
    expect(monologue.status).toBe("optimal");
  });

  it("nationality cap follows the member count, minDistinct counts nationalities", async () => {
    const participants = [person("r1", ["RU"]), person("r2", ["RU"]), person("r3", ["RU"]), person("g", ["GE"])];
    const panels = onePanel(4);
    expect((await solve({ participants, panels, policy: { nationality: { maxShare: 0.5 } } }, solver)).status).toBe("infeasible");
    expect((await solve({ participants, panels, policy: { nationality: { maxShare: 0.75 } } }, solver)).status).toBe("optimal");
    expect((await solve({ participants, panels, policy: { nationality: { maxShare: 1, minDistinct: 3 } } }, solver)).status).toBe("infeasible");
  });

  it("separate nations never share a panel; the dialogue term then drops to zero", async () => {
    const participants = [person("r1", ["RU"]), person("r2", ["RU"]), person("u1", ["UA"]), person("u2", ["UA"])];
    const panels = [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }];
    const together = await solve({ participants, panels, policy: { dialogue: RU_UA } }, solver);
    expect(together.objective?.total).toBe(20);
    const apart = await solve({ participants, panels, policy: { dialogue: RU_UA, separate: [["RU", "UA"]] } }, solver);
    expect(apart.status).toBe("optimal");
    expect(apart.objective?.total).toBe(0);
  });

  it("co-authors present together; a pin on a forbidden seat is infeasible", async () => {
    const participants = [person("a", ["DE"], { group: "g" }), person("b", ["FR"], { group: "g" }), person("c", ["PL"]), person("d", ["US"])];
    const panels = [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }];
    const grouped = await solve({ participants, panels, policy: { affinities: [{ between: ["a", "c"], weight: 5 }] } }, solver);
    expect(grouped.status).toBe("optimal");
    expect(grouped.objective?.total).toBe(0);
    expect(grouped.panels.find((p) => p.presenters.includes("a"))?.presenters).toContain("b");
    const pinned = await solve({ participants, panels: [{ ...panels[0]!, pinned: { presenters: ["a", "c"] } }, panels[1]!] }, solver);
    expect(pinned.status).toBe("infeasible");
  });

  it("affinity pairs count per shared panel, keep-apart wins over affinity", async () => {
    const participants = [person("a", ["DE"]), person("b", ["FR"]), person("c", ["PL"]), person("d", ["US"])];
    const panels = [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }];
    const affinities = [{ between: ["a", "b"] as [string, string], weight: 3 }, { between: ["a", "c"] as [string, string], weight: 2 }];
    expect((await solve({ participants, panels, policy: { affinities } }, solver)).objective?.total).toBe(3);
    expect((await solve({ participants, panels, policy: { affinities, keepApart: [["a", "b"]] } }, solver)).objective?.total).toBe(2);
  });

  it("diversity counts distinct nationalities minus one per non-empty panel", async () => {
    const participants = [person("r", ["RU", "GE"]), person("u", ["UA"]), person("d", ["DE"]), person("f", ["DE"])];
    const panels = [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }];
    // Best: {r, d} (RU, GE, DE: 2) and {u, f} (UA, DE: 1).
    const solution = await solve({ participants, panels, policy: { weights: { dialogue: 0, diversity: 1 } } }, solver);
    expect(solution.objective?.total).toBe(3);
  });

  it("stability keeps the baseline when nothing better exists, and maxMoves caps the changes", async () => {
    const participants = [person("r", ["RU"]), person("u", ["UA"]), person("d", ["DE"]), person("f", ["FR"])];
    const panels = [{ id: "A", size: { min: 2, max: 2 } }, { id: "B", size: { min: 2, max: 2 } }];
    const baseline = [
      { id: "A", presenters: ["r", "d"], chair: null, discussant: null },
      { id: "B", presenters: ["u", "f"], chair: null, discussant: null },
    ];
    // Best: A = {r, u}, B = {d, f}: the pair realised (+10), u and d moved (-2).
    const free = await solve({ participants, panels, policy: { dialogue: RU_UA } }, solver, baseline);
    expect(free.status).toBe("optimal");
    expect(free.objective?.total).toBe(10 - 2);
    const capped = await solve({ participants, panels, policy: { dialogue: RU_UA } }, solver, baseline, 0);
    expect(capped.objective?.total).toBe(0);
    expect(capped.panels.find((p) => p.id === "A")?.presenters.sort()).toEqual(["d", "r"]);
  });
});
