// An upper bound on the affinity term for programs where nobody sits on more than one panel (every MDGP instance),
// far below the counting bound that takes every positive pair as realised (89% above the best-known value on
// RanReal n240 ss 01, where this one is 41% above).
//
// Participant i sits with at most (largest panel i may join - 1) others, and all panels together hold at most
// sum_p s_p (s_p - 1) ordered pairs of co-members, largest with the biggest panels filled first (a convex function
// of the sizes is largest at a vertex). The affinity term is half the sum, over participants, of their weights
// towards their co-members; relaxing "co-members" to "any partners within those two counts" gives a selection
// problem over a laminar family (per-participant caps inside one total cap), which taking the largest weights
// first solves exactly. Negative weights only lower the true value and are left out.
//
// No cheap bound is tight on these random instances: an eigenvalue bound (Donath-Hoffman with an optimised
// diagonal shift, prototyped in numpy) still stays 28% above the best-known value on RanReal n240 ss 01.
import { inConflict, type Problem } from "../../model/problem.js";

/** The bound, or +Infinity when some participant may sit on two or more panels (then it does not apply). */
export function singleSeatAffinityBound(problem: Problem): number {
  const { participantCount: n, panelCount: m } = problem;
  const coefficient = problem.weights.affinity;
  if (coefficient <= 0) return 0;
  const seatsByPanel = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    seatsByPanel[p] = problem.maxPresentersByPanel[p]! + problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
  }
  // Partners each participant can have: one seat in the largest panel they may join.
  const partnerCap = new Int32Array(n);
  let seated = 0;
  for (let i = 0; i < n; i++) {
    const roles = Math.min(problem.presentsByParticipant[i]! + problem.mayChairByParticipant[i]! + problem.mayDiscussByParticipant[i]!, problem.maxRoles);
    if (roles > 1) return Number.POSITIVE_INFINITY;
    if (roles === 0) continue;
    seated++;
    for (let p = 0; p < m; p++) {
      if (problem.mayJoin[i * m + p] === 1) partnerCap[i] = Math.max(partnerCap[i]!, seatsByPanel[p]! - 1);
    }
  }
  // Ordered co-member pairs over all panels: everyone who may sit somewhere, biggest panels first.
  const order = Array.from(seatsByPanel).sort((a, b) => b - a);
  let pairSlots = 0;
  let people = seated;
  for (const seats of order) {
    const s = Math.min(seats, people);
    pairSlots += s * (s - 1);
    people -= s;
  }
  // Each pair's total positive weight (a pair may be listed more than once), seen from both ends.
  const weightByPair = new Map<number, number>();
  for (const { i, j, weight } of problem.affinities) {
    if (i === j) continue;
    const key = i < j ? i * n + j : j * n + i;
    weightByPair.set(key, (weightByPair.get(key) ?? 0) + weight);
  }
  const partnersByParticipant: number[][] = Array.from({ length: n }, () => []);
  for (const [key, weight] of weightByPair) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (weight <= 0 || inConflict(problem, i, j)) continue;
    partnersByParticipant[i]!.push(weight);
    partnersByParticipant[j]!.push(weight);
  }
  // Each participant's best partnerCap weights, then the best pairSlots of those over everyone.
  const candidates: number[] = [];
  partnersByParticipant.forEach((weights, i) => {
    weights.sort((a, b) => b - a);
    for (let k = 0; k < Math.min(partnerCap[i]!, weights.length); k++) candidates.push(weights[k]!);
  });
  candidates.sort((a, b) => b - a);
  let total = 0;
  for (let k = 0; k < Math.min(pairSlots, candidates.length); k++) total += candidates[k]!;
  return (coefficient * total) / 2;
}
