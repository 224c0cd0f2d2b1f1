// Objective terms that need no safety logic (DESIGN.md §4): topicFit on presenter seats, and affinity pairs
// realised per panel (a <= m_i, a <= m_j for a gain; a >= m_i + m_j - 1 for a penalty).
import { NONE } from "../../../model/problem.js";
import { inConflict, memberTerms, type EncodeContext } from "./context.js";

export function encodeTopicFit(ctx: EncodeContext): void {
  const { problem, lp, vars } = ctx;
  const weight = problem.weights.topicFit;
  if (weight === 0) return;
  for (let k = 0; k < vars.presenter.length; k++) {
    const v = vars.presenter[k]!;
    if (v !== NONE && problem.topicMatch[k] === 1) lp.addObjective(v, weight);
  }
}

export function encodeAffinity(ctx: EncodeContext): void {
  const { problem, lp } = ctx;
  problem.affinities.forEach(({ i, j, weight }, k) => {
    const coefficient = problem.weights.affinity * weight;
    if (coefficient === 0 || i === j || inConflict(problem, i, j)) return;
    for (let p = 0; p < problem.panelCount; p++) {
      const mi = memberTerms(ctx, i, p);
      const mj = memberTerms(ctx, j, p);
      if (mi.length === 0 || mj.length === 0) continue;
      const a = lp.addBinary(`affinity_${k}_${p}`, coefficient);
      const minus = { variable: a, coefficient: -1 };
      if (coefficient > 0) {
        lp.addRow(`affinityI_${k}_${p}`, [...mi, minus], ">=", 0);
        lp.addRow(`affinityJ_${k}_${p}`, [...mj, minus], ">=", 0);
      } else {
        lp.addRow(`affinityLo_${k}_${p}`, [...mi, ...mj, minus], "<=", 1);
      }
    }
  });
}
