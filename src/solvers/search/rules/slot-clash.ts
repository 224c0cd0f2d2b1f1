// DESIGN.md §3.1: nobody on two panels of the same slot. Violation = roles beyond the first in each slot.
import { NONE } from "../../../model/problem.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const slotClashRule: HardRule = {
  code: "slot-clash",
  kind: "hard",
  scope: "participant",
  isActive: (problem) => problem.slotCount > 0,
  full(problem, assignment) {
    const seen = new Map<string, number>();
    let total = 0;
    assignment.panels.forEach((roster, p) => {
      const slot = problem.slotByPanel[p]!;
      if (slot === NONE) return;
      for (const i of new Set(rosterMembers(roster))) {
        const key = `${i}:${slot}`;
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        if (count > 1) total++;
      }
    });
    return total;
  },
  value(state, i) {
    const panels = state.panelsByParticipant[i]!;
    if (panels.length < 2) return 0;
    const slotByPanel = state.problem.slotByPanel;
    const occupancy = state.occupancyByParticipantSlot;
    const row = i * state.slotCount;
    // Each clashing slot with k roles contributes k - 1: sum over roles of (k - 1) / k, done in integers.
    let total = 0;
    const stamp = state.nextStamp();
    for (const p of panels) {
      const slot = slotByPanel[p]!;
      if (slot === NONE || state.stampBySlot[slot] === stamp) continue;
      state.stampBySlot[slot] = stamp;
      total += occupancy[row + slot]! - 1;
    }
    return total;
  },
};
