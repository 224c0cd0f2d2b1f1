// Objective: diversity = sum over non-empty panels of (distinct nationalities held by members - 1) (DESIGN.md §4).
import { holdersByNationality, type Problem } from "../../model/problem.js";
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
  bound: (problem) => (problem.weights.diversity > 0 ? problem.weights.diversity * diversityBound(problem) : 0),
};

/**
 * Per panel: distinct nationalities among those who may join it, and that members can hold, minus one. Reads the
 * participant x panel table row by row (a column-wise walk over 8.4M cells took a second at 6,000 participants).
 */
function diversityBound(problem: Problem): number {
  const { panelCount, participantCount, mayJoin } = problem;
  const maxHeld = problem.nationalitiesByParticipant.reduce((m, h) => Math.max(m, h.length), 1);
  // Joiners per panel by how many nationalities they hold (index held * panelCount + p): the members who hold the
  // most bound the distinct count.
  const joinersByHeld = new Int32Array((maxHeld + 1) * panelCount);
  for (let i = 0; i < participantCount; i++) {
    const row = i * panelCount;
    const counts = problem.nationalitiesByParticipant[i]!.length * panelCount;
    for (let p = 0; p < panelCount; p++) joinersByHeld[counts + p]! += mayJoin[row + p]!;
  }
  // Nationalities some joiner holds, per panel: a nationality's holders' rows are read until every panel is
  // covered, which is usually after one or two holders.
  const distinctByPanel = new Int32Array(panelCount);
  const covered = new Uint8Array(panelCount);
  for (const holders of holdersByNationality(problem)) {
    covered.fill(0);
    let left = panelCount;
    for (const i of holders) {
      const row = i * panelCount;
      for (let p = 0; p < panelCount; p++) {
        if (covered[p] === 0 && mayJoin[row + p] === 1) {
          covered[p] = 1;
          distinctByPanel[p]!++;
          left--;
        }
      }
      if (left === 0) break;
    }
  }
  let total = 0;
  for (let p = 0; p < panelCount; p++) {
    let members = problem.maxPresentersByPanel[p]! + problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
    let byMembers = 0;
    for (let h = maxHeld; h >= 1 && members > 0; h--) {
      const take = Math.min(members, joinersByHeld[h * panelCount + p]!);
      byMembers += take * h;
      members -= take;
    }
    total += Math.max(0, Math.min(distinctByPanel[p]!, byMembers) - 1);
  }
  return total;
}
