// DESIGN.md §3.1: nobody is on two panels of the same slot. Violation = roles beyond the first in each slot.
import { NONE } from "../model/problem.js";
import { memberTerms } from "../solvers/mip/context.js";
import type { Term } from "../solvers/mip/linear-model.js";
import type { SearchState, Tracker, TrackerKind } from "../solvers/search/state.js";
import { rosterMembers, type Admission, type HardRule } from "./rule.js";

interface SlotOccupancy extends Tracker {
  /** Panels participant i holds a role on in slot s, [i * slotCount + s]. */
  readonly occupancyByParticipantSlot: Int32Array;
}

class SlotOccupancyTracker implements SlotOccupancy {
  readonly occupancyByParticipantSlot: Int32Array;
  private readonly slotByPanel: Int32Array;
  private readonly slotCount: number;

  constructor(state: SearchState) {
    this.slotByPanel = state.problem.slotByPanel;
    this.slotCount = state.problem.slotCount;
    this.occupancyByParticipantSlot = new Int32Array(state.participantCount * this.slotCount);
  }

  add(i: number, p: number): void {
    const slot = this.slotByPanel[p]!;
    if (slot !== NONE) this.occupancyByParticipantSlot[i * this.slotCount + slot]!++;
  }

  remove(i: number, p: number): void {
    const slot = this.slotByPanel[p]!;
    if (slot !== NONE) this.occupancyByParticipantSlot[i * this.slotCount + slot]!--;
  }
}

const SLOT_OCCUPANCY: TrackerKind<SlotOccupancy> = {
  name: "slot occupancy",
  create: (state) => new SlotOccupancyTracker(state),
};

/** Greedy: i is not yet on a panel of p's slot. */
class SlotAdmission implements Admission {
  private readonly slotByPanel: Int32Array;
  private readonly slotCount: number;
  private readonly occupancyByParticipantSlot: Int32Array;

  constructor(state: SearchState) {
    this.slotByPanel = state.problem.slotByPanel;
    this.slotCount = state.problem.slotCount;
    this.occupancyByParticipantSlot = state.use(SLOT_OCCUPANCY).occupancyByParticipantSlot;
  }

  allows(i: number, p: number): boolean {
    const slot = this.slotByPanel[p]!;
    return slot === NONE || this.occupancyByParticipantSlot[i * this.slotCount + slot] === 0;
  }
}

export const slotClashRule: HardRule<"slot-clash"> = {
  code: "slot-clash",
  kind: "hard",
  violations: ["slot-clash"],
  isActive: (problem) => problem.slotCount > 0,
  search: {
    scope: "participant",
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
    valuer(state) {
      const { slotByPanel, slotCount } = state.problem;
      const { occupancyByParticipantSlot } = state.use(SLOT_OCCUPANCY);
      const seenBySlot = new Int32Array(slotCount);
      let stamp = 0;
      return (i) => {
        const panels = state.panelsByParticipant[i]!;
        if (panels.length < 2) return 0;
        const row = i * slotCount;
        // Each slot with k roles contributes k - 1, once.
        let total = 0;
        stamp++;
        for (const p of panels) {
          const slot = slotByPanel[p]!;
          if (slot === NONE || seenBySlot[slot] === stamp) continue;
          seenBySlot[slot] = stamp;
          total += occupancyByParticipantSlot[row + slot]! - 1;
        }
        return total;
      };
    },
  },
  mip: {
    encode(ctx) {
      // One row per participant and slot over every panel of the slot (a clique): tighter than a row per pair of
      // panels, and it also keeps anyone from two roles on one panel.
      const { problem, lp } = ctx;
      const panelsBySlot: number[][] = Array.from({ length: problem.slotCount }, () => []);
      for (let p = 0; p < problem.panelCount; p++) {
        const s = problem.slotByPanel[p]!;
        if (s !== NONE) panelsBySlot[s]!.push(p);
      }
      for (let i = 0; i < problem.participantCount; i++) {
        panelsBySlot.forEach((panels, s) => {
          const terms: Term[] = [];
          for (const p of panels) memberTerms(ctx, i, p, 1, terms);
          if (terms.length > 1) lp.addRow(`slot_${i}_${s}`, terms, "<=", 1);
        });
      }
    },
  },
  greedy: {
    admissionCost: 0,
    admits: (state) => (state.problem.slotCount === 0 ? null : new SlotAdmission(state)),
  },
  // Slots are the program's shape, not a rule instance to relax: a participant short of slots fails load's check.
  explain: {},
};
