// Objective: dialogue = sum over panels and pairs of weight x [panel realises the pair] (DESIGN.md §4).
import type { EncodeContext } from "../../solvers/mip/context.js";
import type { Term } from "../../solvers/mip/linear-model.js";
import { NATIONALITY_COUNTS } from "../shared/categories.js";
import { pairOnPanel, pairsByNationality, realisation, realisedLowerTerms, realiserTerms, rosterRealises } from "../shared/dialogue-pairs.js";
import { rosterMembers, type ObjectiveRule } from "../rule.js";

export const dialogueRule: ObjectiveRule<"dialogue"> = {
  code: "dialogue",
  kind: "objective",
  term: "dialogue",
  isActive: (problem) => problem.dialoguePairs.length > 0 && problem.weights.dialogue !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        for (const pair of problem.dialoguePairs) if (rosterRealises(problem, members, pair.a, pair.b)) total += pair.weight;
      }
      return total;
    },
    valuer(state) {
      const pairs = state.problem.dialoguePairs;
      const realises = realisation(state);
      return (p) => {
        let total = 0;
        for (let k = 0; k < pairs.length; k++) if (realises(p, k)) total += pairs[k]!.weight;
        return total;
      };
    },
  },
  mip: {
    encode(ctx) {
      ctx.problem.dialoguePairs.forEach((dialoguePair, k) => {
        const coefficient = ctx.problem.weights.dialogue * dialoguePair.weight;
        if (coefficient === 0) return;
        for (let p = 0; p < ctx.problem.panelCount; p++) {
          const pair = pairOnPanel(ctx, k, p);
          if (pair === null) continue;
          if (coefficient > 0) {
            const terms = (side: readonly number[]) => realiserTerms(ctx, side, p);
            encodeRealisedAtMost(ctx, pair.tag, terms(pair.a), terms(pair.b), terms(pair.either), coefficient);
          } else {
            // A penalty: r >= gA + gB - 1 - alone forces r up wherever the pair is realised.
            const r = ctx.lp.addBinary(`dlg_${pair.tag}`, coefficient);
            ctx.lp.addRow(`dlgLo_${pair.tag}`, [...realisedLowerTerms(ctx, pair, p), { variable: r, coefficient: -1 }], "<=", 1);
          }
        }
      });
    },
  },
  greedy: {
    // Pairs i would newly realise (counted once per nationality of i in the pair).
    gain(state) {
      const problem = state.problem;
      const pairs = problem.dialoguePairs;
      const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      const realises = realisation(state);
      const pairsOf = pairsByNationality(problem);
      return (i, p) => {
        const base = p * nationalityCount;
        let gain = 0;
        for (const c of problem.nationalitiesByParticipant[i]!) {
          for (const k of pairsOf[c]!) {
            const pair = pairs[k]!;
            const other = pair.a === c ? pair.b : pair.a;
            if (countByPanel[base + other]! > 0 && !realises(p, k)) gain += pair.weight;
          }
        }
        return gain;
      };
    },
  },
};

/** r <= |A'|, r <= |B'|, 2r <= |A' u B'|: r = 1 only when two distinct members realise the pair. */
function encodeRealisedAtMost(ctx: EncodeContext, tag: string, countA: Term[], countB: Term[], countEither: Term[], coefficient: number): void {
  const { lp } = ctx;
  const r = lp.addBinary(`dlg_${tag}`, coefficient);
  lp.addRow(`dlgA_${tag}`, [...countA, { variable: r, coefficient: -1 }], ">=", 0);
  lp.addRow(`dlgB_${tag}`, [...countB, { variable: r, coefficient: -1 }], ">=", 0);
  lp.addRow(`dlgTwo_${tag}`, [...countEither, { variable: r, coefficient: -2 }], ">=", 0);
}
