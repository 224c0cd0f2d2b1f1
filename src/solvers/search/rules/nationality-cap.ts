// DESIGN.md §3.3: per panel and nationality, holders <= shareLimit(maxShare, members); distinct nationalities
// >= minDistinct on non-empty panels. Violation = holders above the limit + missing distinct nationalities.
import { shareLimit } from "../../../model/problem.js";
import { rosterMembers, type HardRule } from "./rule.js";

export const nationalityCapRule: HardRule = {
  code: "nationality-cap",
  kind: "hard",
  scope: "panel",
  isActive: (problem) => problem.nationalityPolicy.maxShare < 1 || problem.nationalityPolicy.minDistinct > 0,
  full(problem, assignment) {
    const { maxShare, minDistinct } = problem.nationalityPolicy;
    let total = 0;
    for (const roster of assignment.panels) {
      const members = rosterMembers(roster);
      if (members.length === 0) continue;
      const counts = new Map<number, number>();
      for (const i of members) for (const c of problem.nationalitiesByParticipant[i]!) counts.set(c, (counts.get(c) ?? 0) + 1);
      const limit = shareLimit(maxShare, members.length);
      for (const count of counts.values()) total += Math.max(0, count - limit);
      total += Math.max(0, minDistinct - counts.size);
    }
    return total;
  },
  value(state, p) {
    const members = state.membersByPanel[p]!;
    if (members.length === 0) return 0;
    const { maxShare, minDistinct } = state.problem.nationalityPolicy;
    let total = Math.max(0, minDistinct - state.distinctNationalitiesByPanel[p]!);
    if (maxShare >= 1) return total;
    const limit = shareLimit(maxShare, members.length);
    const counts = state.nationalityCountByPanel;
    const base = p * state.nationalityCount;
    const stamp = state.nextStamp();
    const nationalities = state.problem.nationalitiesByParticipant;
    for (let k = 0; k < members.length; k++) {
      for (const c of nationalities[members[k]!]!) {
        if (state.stampByNationality[c] === stamp) continue;
        state.stampByNationality[c] = stamp;
        const count = counts[base + c]!;
        if (count > limit) total += count - limit;
      }
    }
    return total;
  },
};
