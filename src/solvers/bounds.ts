// Cheap upper bounds on the total objective (DESIGN.md §4), valid for every program: used as the reported bound
// when an exact backend stops early, and by heuristics to report a gap. Each term is bounded on its own by
// counting seats and panels; negative contributions are bounded by 0.
import type { Problem } from "../model/problem.js";

/** The LP relaxation bound through HiGHS (tighter, one LP solve); it lives with the HiGHS adapter. */
export { lpRelaxationBound } from "./mip/highs.js";

export function objectiveBound(problem: Problem): number {
  const { weights } = problem;
  return (
    dialogueBound(problem) +
    (weights.diversity > 0 ? weights.diversity * diversityBound(problem) : 0) +
    (weights.topicFit > 0 ? weights.topicFit * topicFitBound(problem) : 0) +
    affinityBound(problem) +
    (weights.stability < 0 ? -weights.stability * problem.participantCount : 0)
  );
}

/** Most panels participant i can sit on, over all roles. */
function seatsOf(problem: Problem, i: number): number {
  const roles = problem.presentsByParticipant[i]! + problem.mayChairByParticipant[i]! + problem.mayDiscussByParticipant[i]!;
  return Math.min(roles, problem.maxRoles, problem.panelCount);
}

function mayJoin(problem: Problem, i: number, p: number): boolean {
  return problem.mayJoin[i * problem.panelCount + p] === 1;
}

function conflicts(problem: Problem, i: number, j: number): boolean {
  return problem.conflictsByParticipant[i]!.includes(j);
}

/**
 * Per dialogue pair: how many panels can realise it. Limited by the panels where some A-holder and a different
 * B-holder may sit together, by the seats of A-holders and of B-holders who may meet the other side (each
 * realising panel needs minSide of each, at least one), and by the seats of both together (two distinct members).
 */
function dialogueBound(problem: Problem): number {
  let total = 0;
  for (const pair of problem.dialoguePairs) {
    const coefficient = problem.weights.dialogue * pair.weight;
    if (coefficient <= 0) continue;
    const holders = (k: number) => {
      const out: number[] = [];
      for (let i = 0; i < problem.participantCount; i++) if (problem.nationalitiesByParticipant[i]!.includes(k)) out.push(i);
      return out;
    };
    const sideA = holders(pair.a);
    const sideB = holders(pair.b);
    const meetsA = new Set<number>();
    const meetsB = new Set<number>();
    let panels = 0;
    for (let p = 0; p < problem.panelCount; p++) {
      let possible = false;
      for (const i of sideA) {
        if (!mayJoin(problem, i, p)) continue;
        for (const j of sideB) {
          if (i === j || !mayJoin(problem, j, p) || conflicts(problem, i, j)) continue;
          possible = true;
          meetsA.add(i);
          meetsB.add(j);
        }
      }
      if (possible) panels++;
    }
    const seats = (set: Iterable<number>) => {
      let s = 0;
      for (const i of set) s += seatsOf(problem, i);
      return s;
    };
    const side = Math.max(1, problem.dialogueSafety.minSide);
    const realisable = Math.min(
      panels,
      Math.floor(seats(meetsA) / side),
      Math.floor(seats(meetsB) / side),
      Math.floor(seats(new Set([...meetsA, ...meetsB])) / Math.max(2, side)),
    );
    total += coefficient * realisable;
  }
  return total;
}

/** Per panel: distinct nationalities among those who may join it, and that members can hold, minus one. */
function diversityBound(problem: Problem): number {
  let total = 0;
  for (let p = 0; p < problem.panelCount; p++) {
    const nationalities = new Set<number>();
    const heldCounts: number[] = [];
    for (let i = 0; i < problem.participantCount; i++) {
      if (!mayJoin(problem, i, p)) continue;
      const held = problem.nationalitiesByParticipant[i]!;
      for (const k of held) nationalities.add(k);
      heldCounts.push(held.length);
    }
    heldCounts.sort((x, y) => y - x);
    const members = problem.maxPresentersByPanel[p]! + problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
    const byMembers = heldCounts.slice(0, members).reduce((s, c) => s + c, 0);
    total += Math.max(0, Math.min(nationalities.size, byMembers) - 1);
  }
  return total;
}

function topicFitBound(problem: Problem): number {
  let byParticipants = 0;
  for (let i = 0; i < problem.participantCount; i++) {
    let matching = 0;
    for (let p = 0; p < problem.panelCount; p++) {
      const k = i * problem.panelCount + p;
      if (problem.topicMatch[k] === 1 && problem.mayPresent[k] === 1) matching++;
    }
    byParticipants += Math.min(problem.presentsByParticipant[i]!, matching);
  }
  let byPanels = 0;
  for (let p = 0; p < problem.panelCount; p++) byPanels += problem.maxPresentersByPanel[p]!;
  return Math.min(byParticipants, byPanels);
}

/** Per affinity pair with a gain: the panels both may join, at most as many as either has seats. */
function affinityBound(problem: Problem): number {
  let total = 0;
  for (const { i, j, weight } of problem.affinities) {
    const coefficient = problem.weights.affinity * weight;
    if (coefficient <= 0 || i === j || conflicts(problem, i, j)) continue;
    let together = 0;
    for (let p = 0; p < problem.panelCount; p++) if (mayJoin(problem, i, p) && mayJoin(problem, j, p)) together++;
    total += coefficient * Math.min(together, seatsOf(problem, i), seatsOf(problem, j));
  }
  return total;
}
