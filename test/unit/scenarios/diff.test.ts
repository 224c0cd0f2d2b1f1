import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreSolution } from "../../../src/check/score.js";
import { applyChanges } from "../../../src/scenarios/apply.js";
import { dialoguePanelsByPair, diffAgainstBaseline, diffSolutions } from "../../../src/scenarios/diff.js";
import { ChangeSchema } from "../../../src/scenarios/schema.js";
import type { SolutionPanel } from "../../../src/model/solution.js";
import { program, smallInput } from "./fixtures.js";

const panel = (id: string, presenters: string[], chair: string | null = null, discussant: string | null = null): SolutionPanel => ({
  id,
  presenters,
  chair,
  discussant,
});

describe("diffSolutions", () => {
  it("lists exactly the participants whose (panel, role) set changed, with from and to", () => {
    const before = [panel("P1", ["a", "b"], "c"), panel("P2", ["d", "e"])];
    const after = [panel("P1", ["b", "a"], "d"), panel("P2", ["c", "e"])];
    const moves = diffSolutions(before, after, (p) => (p === "P1" ? "S1" : "S2"));
    expect(moves.map((m) => m.participant)).toEqual(["c", "d"]);
    expect(moves[0]).toEqual({
      participant: "c",
      from: [{ panel: "P1", role: "chair", slot: "S1" }],
      to: [{ panel: "P2", role: "presenter", slot: "S2" }],
    });
  });

  it("counts a participant who appears or disappears as moved", () => {
    const moves = diffSolutions([panel("P1", ["a", "b"])], [panel("P1", ["a", "z"])]);
    expect(moves.map((m) => [m.participant, m.from.length, m.to.length])).toEqual([["b", 1, 0], ["z", 0, 1]]);
  });

  it("is empty against itself and symmetric in who moved", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const solution = fc.array(fc.subarray(ids, { maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((lists) =>
      lists.map((presenters, k) => panel(`P${k}`, presenters)),
    );
    fc.assert(
      fc.property(solution, solution, (x, y) => {
        expect(diffSolutions(x, x)).toEqual([]);
        expect(diffSolutions(x, y).map((m) => m.participant)).toEqual(diffSolutions(y, x).map((m) => m.participant));
      }),
      { numRuns: 200 },
    );
  });
});

describe("dialoguePanelsByPair", () => {
  it("counts a panel when one member holds A and a different member holds B", () => {
    const p = program({
      ...smallInput(),
      participants: [...smallInput().participants, { id: "x", nationalities: ["RU", "UA"] }],
      panels: [...smallInput().panels, { id: "P3", size: { min: 0, max: 4 } }],
      policy: { ...smallInput().policy, keepApart: [] },
    });
    const counts = dialoguePanelsByPair(p, [panel("P1", ["a", "b"]), panel("P2", ["x", "c"]), panel("P3", ["x", "f"])]);
    // P1: UA + RU. P2: only the dual national holds both: not a dialogue. P3: x (RU) with f (UA).
    expect(counts).toEqual({ "RU-UA": 2 });
  });
});

describe("diffAgainstBaseline", () => {
  it("keeps panel, role and slot of roles on a cancelled panel in `from`, counting moves as the stability term does", () => {
    const base = program({
      ...smallInput(),
      participants: smallInput().participants.map((p) => ({ ...p, mayChair: 1 })),
      panels: [...smallInput().panels, { id: "P3", slot: "S2", size: { min: 0, max: 4 } }],
      policy: { ...smallInput().policy, keepApart: [], chair: false },
    });
    const changed = applyChanges(base, [ChangeSchema.parse({ cancelPanel: "P1" })], "s.yaml");
    if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
    // The baseline as the scenario loader hands it over: slots written out from the base program.
    const baseline = [{ ...panel("P1", ["a", "b"], "c"), slot: "S1" }, { ...panel("P2", ["d", "e"]), slot: "S2" }, panel("P3", ["f"])];
    const after = [panel("P2", ["d", "e", "a"]), panel("P3", ["f", "b"])];
    const diff = diffAgainstBaseline(changed.value, baseline, after);
    expect(diff.moves).toEqual([
      { participant: "a", from: [{ panel: "P1", role: "presenter", slot: "S1" }], to: [{ panel: "P2", role: "presenter", slot: "S2" }] },
      { participant: "b", from: [{ panel: "P1", role: "presenter", slot: "S1" }], to: [{ panel: "P3", role: "presenter", slot: "S2" }] },
    ]);
    // c only chaired the cancelled panel: not a move the stability term charges, but listed as unseated.
    expect(diff.unseated).toEqual([{ participant: "c", from: [{ panel: "P1", role: "chair", slot: "S1" }], to: [] }]);
    expect(diff.departed).toEqual([]);
    expect(diff.moves.length).toBe(-scoreSolution(changed.value, after, baseline).terms["stability"]!);
  });
});
