// Tiny programs written inline for the checker's tests. Panel size defaults to 0..10 here (not the schema's 3..5)
// so that a case only trips the rule it is about; everything else goes through the real schema defaults.
import { ProgramSchema, type Program, type ProgramInput } from "../../../src/model/schema.js";
import type { SolutionPanel } from "../../../src/model/solution.js";

export type ParticipantInput = ProgramInput["participants"][number];
export type PanelInput = ProgramInput["panels"][number];
export type PolicyInput = NonNullable<ProgramInput["policy"]>;

/** A participant; nationalities as "RU" or "RU/UA" for a dual national. */
export function person(
  id: string,
  nationalities: string,
  extra: Omit<ParticipantInput, "id" | "nationalities"> = {},
): ParticipantInput {
  return { id, nationalities: nationalities.split("/"), ...extra };
}

export function program(
  participants: ParticipantInput[],
  panels: (string | PanelInput)[],
  policy: PolicyInput = {},
  slots: string[] = [],
): Program {
  return ProgramSchema.parse({
    slots: slots.map((id) => ({ id })),
    participants,
    panels: panels.map((p) => (typeof p === "string" ? { id: p } : p)),
    policy: { panelSize: { min: 0, max: 10 }, ...policy },
  });
}

/** One panel of a solution. */
export function roster(id: string, presenters: string[], chair: string | null = null, discussant: string | null = null): SolutionPanel {
  return { id, presenters, chair, discussant };
}
