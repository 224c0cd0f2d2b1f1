// Objective: affinity = sum over panels of the weights of the affinity pairs who are both members of that panel
// (DESIGN.md §4). A pair listed with the same participant twice counts whenever that participant is a member.
import { affinityWeightsOf, type AffinityWeights } from "../../model/affinity-weights.js";
import { inConflict, seatsOf, type Problem } from "../../model/problem.js";
import { memberTerms } from "../../solvers/mip/context.js";
import { ROLE_NONE, type SearchState, type Tracker, type TrackerKind } from "../../solvers/search/state.js";
import { rosterMembers, type ObjectiveRule } from "../rule.js";
import { singleSeatAffinityBound } from "./single-seat-bound.js";

/** The sum of affinity weights between i and the other members of p, read from the state. */
export function affinityWithMembers(state: SearchState): (i: number, p: number) => number {
  const weights = affinityWeightsOf(state.problem);
  return (i, p) => sumWithMembers(state, weights, i, p);
}

function sumWithMembers(state: SearchState, { matrix, neighbours, weights }: AffinityWeights, i: number, p: number): number {
  let sum = 0;
  if (matrix !== null) {
    const members = state.membersByPanel[p]!;
    const row = i * state.participantCount;
    for (let k = 0; k < members.length; k++) {
      const j = members[k]!;
      if (j !== i) sum += matrix[row + j]!;
    }
    return sum;
  }
  const near = neighbours[i]!;
  if (near.length === 0) return 0;
  const weight = weights[i]!;
  const panels = state.panelCount;
  const roles = state.roleByParticipantPanel;
  for (let k = 0; k < near.length; k++) if (roles[near[k]! * panels + p] !== ROLE_NONE) sum += weight[k]!;
  return sum;
}

interface AffinityByPanel extends Tracker {
  readonly affinityByPanel: Float64Array;
}

class AffinityTracker implements AffinityByPanel {
  readonly affinityByPanel: Float64Array;
  private readonly weights: AffinityWeights;

  constructor(private readonly state: SearchState) {
    this.weights = affinityWeightsOf(state.problem);
    this.affinityByPanel = new Float64Array(state.panelCount);
  }

  add(i: number, p: number): void {
    this.affinityByPanel[p]! += sumWithMembers(this.state, this.weights, i, p) + this.weights.self[i]!;
  }

  remove(i: number, p: number): void {
    this.affinityByPanel[p]! -= sumWithMembers(this.state, this.weights, i, p) + this.weights.self[i]!;
  }
}

const AFFINITY_BY_PANEL: TrackerKind<AffinityByPanel> = {
  name: "affinity per panel",
  create: (state) => new AffinityTracker(state),
};

export const affinityRule: ObjectiveRule<"affinity"> = {
  code: "affinity",
  kind: "objective",
  term: "affinity",
  isActive: (problem) => problem.affinities.length > 0 && problem.weights.affinity !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      const panelsOf: Set<number>[] = Array.from({ length: problem.participantCount }, () => new Set());
      assignment.panels.forEach((roster, p) => {
        for (const i of rosterMembers(roster)) panelsOf[i]!.add(p);
      });
      let total = 0;
      for (const { i, j, weight } of problem.affinities) {
        for (const p of panelsOf[i]!) if (panelsOf[j]!.has(p)) total += weight;
      }
      return total;
    },
    valuer(state) {
      const { affinityByPanel } = state.use(AFFINITY_BY_PANEL);
      return (p) => affinityByPanel[p]!;
    },
  },
  mip: {
    // One binary per pair and panel: a <= m_i, a <= m_j for a gain; a >= m_i + m_j - 1 for a penalty.
    encode(ctx) {
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
    },
  },
  greedy: {
    gain: affinityWithMembers,
  },
  // Where nobody sits twice (every MDGP instance) the single-seat bound is far tighter than counting pairs.
  bound: (problem) => Math.min(affinityBound(problem), singleSeatAffinityBound(problem)),
};

/** Per affinity pair with a gain: the panels both may join, at most as many as either has seats. */
function affinityBound(problem: Problem): number {
  let total = 0;
  for (const { i, j, weight } of problem.affinities) {
    const coefficient = problem.weights.affinity * weight;
    if (coefficient <= 0 || i === j || inConflict(problem, i, j)) continue;
    let together = 0;
    for (let p = 0; p < problem.panelCount; p++) if (problem.mayJoin[i * problem.panelCount + p] === 1 && problem.mayJoin[j * problem.panelCount + p] === 1) together++;
    total += coefficient * Math.min(together, seatsOf(problem, i), seatsOf(problem, j));
  }
  return total;
}
