// Candidate solutions for a given program: every panel listed once, presenters drawn from the participants, a
// chair and discussant where the panel needs one (or, sometimes, where it does not). Mostly infeasible; used to
// hold the checker against the plain re-check on assignments no solver would produce.
import fc from "fast-check";
import type { Program } from "../../src/model/schema.js";
import type { SolutionPanel } from "../../src/model/solution.js";

export function assignmentArb(program: Program): fc.Arbitrary<SolutionPanel[]> {
  const ids = program.participants.map((p) => p.id);
  const { policy } = program;
  const panels = program.panels.map((panel) => {
    const size = panel.size ?? policy.panelSize;
    const presenters =
      ids.length === 0 ? fc.constant<string[]>([]) : fc.shuffledSubarray(ids, { minLength: 0, maxLength: Math.min(ids.length, size.max + 1) });
    // A needed role is mostly filled, an unneeded one mostly empty: both mistakes stay possible.
    const role = (needed: boolean): fc.Arbitrary<string | null> =>
      ids.length === 0
        ? fc.constant(null)
        : fc.oneof(
            { arbitrary: fc.constantFrom(...ids), weight: needed ? 9 : 1 },
            { arbitrary: fc.constant(null), weight: needed ? 1 : 9 },
          );
    return fc.record({
      id: fc.constant(panel.id),
      slot: fc.constant(panel.slot ?? null),
      presenters,
      chair: role(panel.chair ?? policy.chair),
      discussant: role(panel.discussant ?? policy.discussant),
    });
  });
  return fc.tuple(...panels).map((list) => [...list]);
}

/** One local change to a solution: a presenter swapped with someone else, moved, or a role reassigned. */
export function neighbourArb(program: Program, panels: readonly SolutionPanel[]): fc.Arbitrary<SolutionPanel[]> {
  const ids = program.participants.map((p) => p.id);
  if (ids.length === 0 || panels.length === 0) return fc.constant(panels.map((p) => ({ ...p })));
  return fc
    .record({
      panel: fc.nat({ max: panels.length - 1 }),
      other: fc.nat({ max: panels.length - 1 }),
      slotInPanel: fc.nat({ max: 15 }),
      who: fc.constantFrom(...ids),
      kind: fc.constantFrom("replace-presenter", "move-presenter", "replace-chair", "replace-discussant", "swap"),
    })
    .map(({ panel, other, slotInPanel, who, kind }) => {
      const out = panels.map((p) => ({ ...p, presenters: [...p.presenters] }));
      const a = out[panel]!;
      const b = out[other]!;
      const at = a.presenters.length === 0 ? -1 : slotInPanel % a.presenters.length;
      switch (kind) {
        case "replace-presenter":
          if (at >= 0) a.presenters[at] = who;
          break;
        case "move-presenter":
          if (at >= 0) b.presenters.push(...a.presenters.splice(at, 1));
          break;
        case "replace-chair":
          a.chair = a.chair === null ? null : who;
          break;
        case "replace-discussant":
          a.discussant = a.discussant === null ? null : who;
          break;
        case "swap": {
          const bt = b.presenters.length === 0 ? -1 : slotInPanel % b.presenters.length;
          if (at >= 0 && bt >= 0) [a.presenters[at], b.presenters[bt]] = [b.presenters[bt]!, a.presenters[at]!];
          break;
        }
      }
      return out;
    });
}
