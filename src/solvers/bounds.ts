// Cheap upper bounds on the total objective (DESIGN.md §4), valid for every program: used as the reported bound
// when an exact backend stops early, and by heuristics to report a gap. Each term is bounded on its own by
// counting seats and panels; negative contributions are bounded by 0.
import { inConflict, type Problem } from "../model/problem.js";
import { singleSeatAffinityBound } from "./search/grouping-bound.js";

/** The LP relaxation bound through HiGHS (tighter, one LP solve); it lives with the HiGHS adapter. */
export { lpRelaxationBound } from "./mip/highs.js";

export function objectiveBound(problem: Problem): number {
  const { weights } = problem;
  return (
    dialogueBound(problem) +
    (weights.diversity > 0 ? weights.diversity * diversityBound(problem) : 0) +
    (weights.topicFit > 0 ? weights.topicFit * topicFitBound(problem) : 0) +
    Math.min(affinityBound(problem), singleSeatAffinityBound(problem)) +
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

function holdersByNationality(problem: Problem): Int32Array[] {
  const lists: number[][] = problem.nationalityCodes.map(() => []);
  problem.nationalitiesByParticipant.forEach((held, i) => {
    for (const k of held) lists[k]!.push(i);
  });
  return lists.map((l) => Int32Array.from(l));
}

/**
 * Per dialogue pair: how many panels can realise it. Limited by the panels where some A-holder and a different
 * B-holder may sit together, by the seats of A-holders and of B-holders who may meet the other side (each
 * realising panel needs minSide of each, at least one), and by the seats of both together (two distinct members).
 * Linear in the conflicts of the holders per panel (stamps instead of sets), so 6,000 participants stay cheap.
 */
function dialogueBound(problem: Problem): number {
  const n = problem.participantCount;
  const holders = holdersByNationality(problem);
  const stampA = new Int32Array(n);
  const stampB = new Int32Array(n);
  let stamp = 0;
  let total = 0;
  for (const pair of problem.dialoguePairs) {
    const coefficient = problem.weights.dialogue * pair.weight;
    if (coefficient <= 0) continue;
    const meetsA = new Uint8Array(n);
    const meetsB = new Uint8Array(n);
    // Panels whose two sides lose the same holders (in practice: panels of one slot) have the same answer, and
    // marking the same partners twice adds nothing: each distinct pair of exclusion lists is examined once. The
    // exclusions come from reading the holders' rows of mayJoin in order, which is fast where a walk down each
    // panel's column is not.
    const excludedA = excludedByPanel(problem, holders[pair.a]!);
    const excludedB = excludedByPanel(problem, holders[pair.b]!);
    const realisableBySides = new Map<string, boolean>();
    let panels = 0;
    for (let p = 0; p < problem.panelCount; p++) {
      const sides = `${excludedA[p]!.join(",")}|${excludedB[p]!.join(",")}`;
      let realisable = realisableBySides.get(sides);
      if (realisable === undefined) {
        stamp++;
        const sideA = joiners(problem, holders[pair.a]!, p, stampA, stamp);
        const sideB = joiners(problem, holders[pair.b]!, p, stampB, stamp);
        realisable = false;
        if (sideA.length > 0 && sideB.length > 0) {
          // Both marks run: each records who has a partner.
          const a = markPartnered(problem, sideA, stampB, stamp, sideB.length, meetsA);
          const b = markPartnered(problem, sideB, stampA, stamp, sideA.length, meetsB);
          realisable = a && b;
        }
        realisableBySides.set(sides, realisable);
      }
      if (realisable) panels++;
    }
    const side = Math.max(1, problem.dialogueSafety.minSide);
    let seatsA = 0;
    let seatsB = 0;
    let seatsBoth = 0;
    for (let i = 0; i < n; i++) {
      if (meetsA[i] === 0 && meetsB[i] === 0) continue;
      const seats = seatsOf(problem, i);
      if (meetsA[i] === 1) seatsA += seats;
      if (meetsB[i] === 1) seatsB += seats;
      seatsBoth += seats;
    }
    const realisable = Math.min(
      panels,
      Math.floor(seatsA / side),
      Math.floor(seatsB / side),
      Math.floor(seatsBoth / Math.max(2, side)),
    );
    total += coefficient * realisable;
  }
  return total;
}

/** Per panel, the holders who may not join it, each list in holder order. */
function excludedByPanel(problem: Problem, holders: Int32Array): number[][] {
  const excluded: number[][] = Array.from({ length: problem.panelCount }, () => []);
  for (const i of holders) {
    const row = i * problem.panelCount;
    for (let p = 0; p < problem.panelCount; p++) if (problem.mayJoin[row + p] === 0) excluded[p]!.push(i);
  }
  return excluded;
}

/** The holders who may join panel p, each stamped in `stamps`. */
function joiners(problem: Problem, holders: Int32Array, p: number, stamps: Int32Array, stamp: number): number[] {
  const out: number[] = [];
  for (const i of holders) {
    if (problem.mayJoin[i * problem.panelCount + p] === 1) {
      out.push(i);
      stamps[i] = stamp;
    }
  }
  return out;
}

/**
 * Marks every member of `side` who has a partner among the `otherSize` stamped joiners of the other side (someone
 * other than themself they do not conflict with); true when at least one has.
 */
function markPartnered(
  problem: Problem,
  side: readonly number[],
  otherStamps: Int32Array,
  stamp: number,
  otherSize: number,
  meets: Uint8Array,
): boolean {
  let any = false;
  for (const i of side) {
    if (meets[i] === 1 && any) continue;
    let blocked = otherStamps[i] === stamp ? 1 : 0;
    for (const j of problem.conflictsByParticipant[i]!) if (otherStamps[j] === stamp) blocked++;
    if (blocked < otherSize) {
      meets[i] = 1;
      any = true;
    }
  }
  return any;
}

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
    if (coefficient <= 0 || i === j || inConflict(problem, i, j)) continue;
    let together = 0;
    for (let p = 0; p < problem.panelCount; p++) if (mayJoin(problem, i, p) && mayJoin(problem, j, p)) together++;
    total += coefficient * Math.min(together, seatsOf(problem, i), seatsOf(problem, j));
  }
  return total;
}
