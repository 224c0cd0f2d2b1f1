// The model's bookkeeping: decoding refuses fractional or incomplete points, warm starts survive the symmetry
// fixing (interchangeable panels are reordered first), and fixed seats follow pins.
import { describe, expect, it } from "vitest";
import { NONE } from "../../../../src/model/problem.js";
import { normalizeProgram } from "../../../../src/model/normalize.js";
import { ProgramSchema } from "../../../../src/model/schema.js";
import { buildPanelModel, decodeAssignment, encodeAssignment } from "../../../../src/solvers/mip/build.js";
import { lpRelaxationBound } from "../../../../src/solvers/bounds.js";
import { highsSolver } from "../../../../src/solvers/mip/highs.js";
import { isFeasiblePoint } from "../../../../src/solvers/mip/linear-model.js";

const program = ProgramSchema.parse({
  slots: [{ id: "S1" }],
  participants: Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, nationalities: [["RU", "UA", "DE"][i % 3]!] })),
  panels: [{ id: "A", slot: "S1" }, { id: "B", slot: "S1" }, { id: "C", slot: "S1" }],
  policy: { panelSize: { min: 3, max: 3 }, dialogue: { pairs: [{ between: ["RU", "UA"], weight: 1 }] } },
});

describe("buildPanelModel", () => {
  it("finds the three panels interchangeable and fixes seats so the lowest members come first", () => {
    const model = buildPanelModel(normalizeProgram(program));
    expect(model.orderedPanelClasses).toEqual([[0, 1, 2]]);
    const upper = (panel: number, i: number) => model.linear.variables[model.vars.presenter[i * 3 + panel]!]!.upper;
    expect(upper(1, 0)).toBe(0); // p0 can only sit on the first panel of the class
    expect(upper(2, 1)).toBe(0);
    expect(upper(0, 8)).toBe(1);
  });

  it("turns any permutation of a solution into a warm start within the fixed bounds", async () => {
    const problem = normalizeProgram(program);
    const model = buildPanelModel(problem);
    const solved = await highsSolver.solve(problem, { timeLimitMs: 20_000, seed: 1 });
    expect(solved.status).toBe("optimal");
    const permuted = { panels: [solved.assignment!.panels[2]!, solved.assignment!.panels[0]!, solved.assignment!.panels[1]!] };
    const start = encodeAssignment(problem, model, permuted)!;
    expect(start).not.toBeNull();
    start.indices.forEach((v, k) => {
      const variable = model.linear.variables[v]!;
      expect(start.values[k]).toBeGreaterThanOrEqual(variable.lower);
      expect(start.values[k]).toBeLessThanOrEqual(variable.upper);
    });
    const again = await highsSolver.solve(problem, { timeLimitMs: 20_000, seed: 1, initial: permuted });
    expect(again.status).toBe("optimal");
    expect(again.bound).toBe(solved.bound);
  });

  it("decodes only integral, complete points that satisfy every row", async () => {
    const problem = normalizeProgram(program);
    const model = buildPanelModel(problem);
    const values = new Float64Array(model.linear.variables.length);
    expect(decodeAssignment(problem, model, values)).toBeNull(); // nobody presents
    expect(isFeasiblePoint(model.linear, values)).toBe(false);
    const half = values.map(() => 0.5);
    expect(decodeAssignment(problem, model, half)).toBeNull();
  });

  it("fixes pinned seats and closes the seats a pin rules out", () => {
    const pinned = ProgramSchema.parse({
      ...program,
      participants: program.participants.map((p) => (p.id === "p1" ? { ...p, avoid: { nationalities: [], participants: ["p4"] } } : p)),
      panels: [{ id: "A", slot: "S1", pinned: { presenters: ["p1"] } }, { id: "B", slot: "S1" }, { id: "C", slot: "S1" }],
    });
    const problem = normalizeProgram(pinned);
    const model = buildPanelModel(problem);
    const seat = (i: number, p: number) => model.vars.presenter[i * 3 + p]!;
    expect(model.linear.variables[seat(1, 0)]!.lower).toBe(1);
    expect(seat(1, 1)).toBe(NONE); // same slot
    expect(seat(4, 0)).toBe(NONE); // p1 avoids p4
    expect(model.linear.infeasibleReason).toBeNull();
  });
});

describe("dialogue relaxation", () => {
  it("does not score a pair through a fractional chair when the chair must be neutral", async () => {
    // Two one-presenter panels; the only RU holder can only chair. Integrally a chaired RU never realises RU-UA
    // (the chair must be neutral), so the optimum is 0; counting chair seats let the LP score half a pair per panel.
    const chaired = ProgramSchema.parse({
      participants: [
        { id: "u", nationalities: ["UA"] },
        { id: "f", nationalities: ["FR"] },
        { id: "cr", nationalities: ["RU"], presents: 0, mayChair: 1 },
        { id: "cf", nationalities: ["FR"], presents: 0, mayChair: 1 },
      ],
      // Different slots keep the panels apart from the symmetry fixing, which alone would cut the fractional point.
      slots: [{ id: "S1" }, { id: "S2" }],
      panels: [{ id: "A", slot: "S1" }, { id: "B", slot: "S2" }],
      policy: { chair: true, panelSize: { min: 1, max: 1 }, nationality: { maxShare: 1, minDistinct: 1 }, dialogue: { pairs: [{ between: ["RU", "UA"], weight: 10 }] } },
    });
    const problem = normalizeProgram(chaired);
    expect(await lpRelaxationBound(problem, 20_000)).toBeCloseTo(0, 6);
    const solved = await highsSolver.solve(problem, { timeLimitMs: 20_000, seed: 1 });
    expect(solved.status).toBe("optimal");
    expect(solved.bound).toBe(0);
  });
});
