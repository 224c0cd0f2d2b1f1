// objectiveBound must never fall below the true optimum (it is reported as a proven bound): checked on random
// small programs against the HiGHS optimum, and on hand-made cases where the counting argument is tight.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeProgram } from "../../../src/model/normalize.js";
import { ProgramSchema, type ProgramInput } from "../../../src/model/schema.js";
import { lpRelaxationBound, objectiveBound } from "../../../src/solvers/bounds.js";
import { highsSolver } from "../../../src/solvers/mip/highs.js";
import { programArb } from "../../arbitraries/program.js";
import { loadGenerated } from "../../helpers/program.js";

const bound = (input: ProgramInput) => objectiveBound(normalizeProgram(ProgramSchema.parse(input)));
const person = (id: string, nationalities: string[], extra: Partial<ProgramInput["participants"][number]> = {}) => ({ id, nationalities, ...extra });
const panels = (count: number) => Array.from({ length: count }, (_, k) => ({ id: `P${k}` }));
const RU_UA = { pairs: [{ between: ["RU", "UA"] as [string, string], weight: 10 }] };

describe("objectiveBound", () => {
  it("counts no panel for a dual national who could only meet themself", () => {
    expect(bound({ participants: [person("d", ["RU", "UA"]), person("g", ["GE"])], panels: panels(3), policy: { dialogue: RU_UA } })).toBe(0);
  });

  it("is limited by the seats of the scarcer side, and by minSide", () => {
    const participants = [person("r1", ["RU"]), person("r2", ["RU"]), person("r3", ["RU"]), person("u", ["UA"], { presents: 1, mayChair: 1 })];
    expect(bound({ participants, panels: panels(5), policy: { dialogue: RU_UA } })).toBe(20);
    expect(bound({ participants, panels: panels(5), policy: { dialogue: { ...RU_UA, minSide: 2 } } })).toBe(10);
  });

  it("is limited by the panels where both sides may sit together", () => {
    const participants = [person("r", ["RU"], { presents: 3 }), person("u", ["UA"], { presents: 3, avoid: { nationalities: ["RU"], participants: [] } })];
    expect(bound({ participants, panels: panels(3), policy: { dialogue: RU_UA } })).toBe(0);
    const apart = [person("r", ["RU"], { presents: 3, unavailable: ["S1"] }), person("u", ["UA"], { presents: 3 })];
    const slotted = { slots: [{ id: "S1" }, { id: "S2" }], panels: [{ id: "A", slot: "S1" }, { id: "B", slot: "S2" }, { id: "C", slot: "S2" }] };
    expect(bound({ ...slotted, participants: apart, policy: { dialogue: RU_UA } })).toBe(20);
  });

  it("counts nothing for terms that can only lose", () => {
    const participants = [person("a", ["DE"]), person("b", ["FR"])];
    const policy = { affinities: [{ between: ["a", "b"] as [string, string], weight: -4 }], dialogue: { pairs: [{ between: ["DE", "FR"] as [string, string], weight: -1 }] } };
    expect(bound({ participants, panels: panels(1), policy })).toBe(0);
  });

  it("is at least the optimum on random small programs", async () => {
    let optimal = 0;
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 8, maxPanels: 3, maxPresents: 2, weights: "heavy", dialogue: "heavy", affinities: "heavy" }), async (input) => {
        const problem = normalizeProgram(loadGenerated(input));
        const result = await highsSolver.solve(problem, { timeLimitMs: 20_000, seed: 1 });
        if (result.status !== "optimal") return;
        optimal++;
        const context = JSON.stringify(input);
        expect(objectiveBound(problem) + 1e-6, context).toBeGreaterThanOrEqual(result.bound!);
      }),
      { numRuns: 40, seed: 7 },
    );
    expect(optimal).toBeGreaterThanOrEqual(5);
  });
});

describe("lpRelaxationBound", () => {
  it("is at least the optimum on random small programs", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(programArb({ maxParticipants: 7, maxPanels: 3, dialogue: "heavy", affinities: "heavy" }), async (input) => {
        const problem = normalizeProgram(loadGenerated(input));
        const result = await highsSolver.solve(problem, { timeLimitMs: 20_000, seed: 1 });
        if (result.status !== "optimal") return;
        const lp = await lpRelaxationBound(problem, 20_000);
        expect(lp).not.toBeNull();
        expect(lp! + 1e-6, JSON.stringify(input)).toBeGreaterThanOrEqual(result.bound!);
        compared++;
      }),
      { numRuns: 20, seed: 11 },
    );
    expect(compared).toBeGreaterThanOrEqual(3);
  });
});
