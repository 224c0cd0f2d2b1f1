// Roles (DESIGN.md §3.1-2): one role per panel, one panel per slot, presenters within size, exactly one chair and
// one discussant where the panel needs them. The slot row covers every panel of the slot at once (a clique), which
// is tighter than one row per panel.
import { NONE } from "../../../model/problem.js";
import type { Term } from "../linear-model.js";
import { memberTerms, type EncodeContext } from "./context.js";

export function encodeRoles(ctx: EncodeContext): void {
  const { problem, lp, vars } = ctx;
  const P = problem.panelCount;
  const panelsBySlot: number[][] = Array.from({ length: problem.slotCount }, () => []);
  for (let p = 0; p < P; p++) {
    const s = problem.slotByPanel[p]!;
    if (s !== NONE) panelsBySlot[s]!.push(p);
  }

  for (let i = 0; i < problem.participantCount; i++) {
    for (let p = 0; p < P; p++) {
      if (problem.slotByPanel[p] !== NONE) continue;
      const terms = memberTerms(ctx, i, p);
      if (terms.length > 1) lp.addRow(`oneRole_${i}_${p}`, terms, "<=", 1);
    }
    panelsBySlot.forEach((panels, s) => {
      const terms: Term[] = [];
      for (const p of panels) memberTerms(ctx, i, p, 1, terms);
      if (terms.length > 1) lp.addRow(`slot_${i}_${s}`, terms, "<=", 1);
    });
  }

  for (let p = 0; p < P; p++) {
    const seats = (table: Int32Array): Term[] => {
      const out: Term[] = [];
      for (let i = 0; i < problem.participantCount; i++) {
        const v = table[i * P + p]!;
        if (v !== NONE) out.push({ variable: v, coefficient: 1 });
      }
      return out;
    };
    const presenters = seats(vars.presenter);
    const min = problem.minPresentersByPanel[p]!;
    const max = problem.maxPresentersByPanel[p]!;
    if (min > 0) lp.addRow(`sizeMin_${p}`, presenters, ">=", min);
    if (presenters.length > max) lp.addRow(`sizeMax_${p}`, presenters, "<=", max);
    lp.addRow(`chair_${p}`, seats(vars.chair), "=", problem.needsChairByPanel[p]!);
    lp.addRow(`discussant_${p}`, seats(vars.discussant), "=", problem.needsDiscussantByPanel[p]!);
  }
}
