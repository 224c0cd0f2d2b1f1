// Objective: diversity = sum over non-empty panels of (distinct nationalities held by members - 1) (DESIGN.md §4).
import { memberTerms, nonEmptyIndicator } from "../../solvers/mip/context.js";
import { NATIONALITY_COUNTS, nationalityFamily, presentIndicators } from "../shared/categories.js";
import { rosterMembers, type ObjectiveRule } from "../rule.js";

export const diversityRule: ObjectiveRule<"diversity"> = {
  code: "diversity",
  kind: "objective",
  term: "diversity",
  isActive: (problem) => problem.weights.diversity !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      for (const roster of assignment.panels) {
        const members = rosterMembers(roster);
        if (members.length === 0) continue;
        total += new Set(members.flatMap((i) => [...problem.nationalitiesByParticipant[i]!])).size - 1;
      }
      return total;
    },
    valuer(state) {
      const { distinctByPanel } = state.use(NATIONALITY_COUNTS);
      return (p) => (state.membersByPanel[p]!.length === 0 ? 0 : distinctByPanel[p]! - 1);
    },
  },
  mip: {
    // weight x (nationalities present - 1) on every non-empty panel.
    encode(ctx) {
      const { problem, lp } = ctx;
      const weight = problem.weights.diversity;
      const family = nationalityFamily(problem);
      for (let p = 0; p < problem.panelCount; p++) {
        if (ctx.candidatesByPanel[p]!.length === 0) continue;
        for (const { variable: y, holders, category } of presentIndicators(ctx, family, p)) {
          lp.addObjective(y, weight);
          // A negative weight would rather not count a present nationality: force y up as well.
          if (weight < 0) {
            for (const i of holders) lp.addRow(`${family.name}HasLo_${p}_${category}_${i}`, [...memberTerms(ctx, i, p), { variable: y, coefficient: -1 }], "<=", 0);
          }
        }
        const e = nonEmptyIndicator(ctx, p);
        if (e === null) lp.addOffset(-weight);
        else lp.addObjective(e, -weight);
      }
    },
  },
  greedy: {
    gain(state) {
      const held = state.problem.nationalitiesByParticipant;
      const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
      return (i, p) => {
        let gain = 0;
        for (const c of held[i]!) if (countByPanel[p * nationalityCount + c] === 0) gain++;
        return gain;
      };
    },
  },
};
