// Tiny hand-written programs shared by the scenario and explanation tests.
import { validateProgram } from "../../../src/model/load.js";
import { formatInputIssue } from "../../../src/model/issues.js";
import type { Program, ProgramInput } from "../../../src/model/schema.js";

export function program(input: ProgramInput): Program {
  const loaded = validateProgram(input, "fixture.json");
  if (!loaded.ok) throw new Error(loaded.issues.map(formatInputIssue).join("\n"));
  return loaded.value;
}

/** Six participants (UA, RU, GE, US, DE, UA), two panels of 2-4 in two slots, a RU-UA dialogue pair. */
export function smallInput(): ProgramInput {
  return {
    slots: [{ id: "S1" }, { id: "S2" }],
    participants: [
      { id: "a", nationalities: ["UA"], mayChair: 1 },
      { id: "b", nationalities: ["RU"] },
      { id: "c", nationalities: ["GE"] },
      { id: "d", nationalities: ["US"] },
      { id: "e", nationalities: ["DE"], avoid: { participants: ["f"] } },
      { id: "f", nationalities: ["UA"] },
    ],
    panels: [
      { id: "P1", slot: "S1", size: { min: 2, max: 4 } },
      { id: "P2", slot: "S2", size: { min: 2, max: 4 } },
    ],
    policy: {
      nationality: { maxShare: 0.5, minDistinct: 2 },
      dialogue: { pairs: [{ between: ["RU", "UA"], weight: 5 }] },
      keepApart: [["a", "b"]],
      affinities: [{ between: ["c", "d"], weight: 1 }],
    },
  };
}
