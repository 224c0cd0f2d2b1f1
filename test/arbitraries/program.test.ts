// The builders must keep their promise (every program loads) and refuse nonsense knobs, or every property built
// on them proves less than it claims.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateProgram } from "../../src/model/load.js";
import { formatInputIssue } from "../../src/model/issues.js";
import { STRESS_KINDS, programArb, stressProgramArb, type ProgramKnobs } from "./program.js";
import { runs } from "../helpers/runs.js";

function loads(input: unknown): boolean {
  const loaded = validateProgram(input, "generated.json");
  if (!loaded.ok) throw new Error(`generated program does not load:\n${loaded.issues.map(formatInputIssue).join("\n")}`);
  return true;
}

describe("programArb", () => {
  it("produces programs that load", () => {
    fc.assert(fc.property(programArb({ maxParticipants: 12, maxPanels: 4, maxPresents: 2 }), loads), { numRuns: runs(300) });
  });

  it("honours its size knobs", () => {
    const knobs = { minParticipants: 2, maxParticipants: 5, minPanels: 2, maxPanels: 3, maxSlots: 0 };
    fc.assert(
      fc.property(programArb(knobs), (p) => {
        expect(p.participants.length).toBeGreaterThanOrEqual(2);
        expect(p.participants.length).toBeLessThanOrEqual(5);
        expect(p.panels.length).toBeGreaterThanOrEqual(2);
        expect(p.panels.length).toBeLessThanOrEqual(3);
        expect(p.slots).toBeUndefined();
      }),
      { numRuns: runs(100) },
    );
  });

  it("never needs a chair or discussant with roles off", () => {
    fc.assert(
      fc.property(programArb({ roles: "none" }), (p) => {
        const loaded = validateProgram(p, "g.json");
        if (!loaded.ok) return false;
        const { policy } = loaded.value;
        return loaded.value.panels.every((panel) => !(panel.chair ?? policy.chair) && !(panel.discussant ?? policy.discussant));
      }),
      { numRuns: runs(100) },
    );
  });

  it.each(STRESS_KINDS)("stress variant %s produces programs that load", (kind) => {
    fc.assert(fc.property(stressProgramArb(kind), loads), { numRuns: runs(60) });
  });

  it.each<[string, ProgramKnobs]>([
    ["maxParticipants 0", { maxParticipants: 0 }],
    ["fractional maxPanels", { maxPanels: 1.5 }],
    ["min above max", { minParticipants: 4, maxParticipants: 3 }],
    ["minPanels 0", { minPanels: 0 }],
    ["negative maxSlots", { maxSlots: -1 }],
    ["one nationality", { nationalities: ["UA"] }],
    ["bad code", { nationalities: ["UA", "ukr"] }],
    ["unknown density", { optOuts: "always" as never }],
  ])("rejects bad knobs: %s", (_, knobs) => {
    expect(() => programArb(knobs)).toThrow(RangeError);
  });
});
