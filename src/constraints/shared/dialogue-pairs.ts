// Dialogue pairs (DESIGN.md §1): a panel realises (A, B) when one member holds A and a *different* member holds B.
// Shared by the dialogue term (it scores realised pairs) and dialogue-safety (it guards panels that realise one).
import type { Problem } from "../../model/problem.js";
import type { SearchState, Tracker, TrackerKind } from "../../solvers/search/state.js";
import { NATIONALITY_COUNTS } from "./categories.js";

interface DualNationalCounts extends Tracker {
  /** Members of p holding both nations of dialogue pair k, [p * pairCount + k]. */
  readonly bothSidesByPanelPair: Int32Array;
}

/** Dual nationals per panel and pair: one holder on each side who is the same person realises nothing. */
const DUAL_NATIONAL_COUNTS: TrackerKind<DualNationalCounts> = {
  name: "dual nationals per dialogue pair",
  create(state: SearchState): DualNationalCounts {
    const problem = state.problem;
    const pairCount = problem.dialoguePairs.length;
    // Dialogue pairs for which participant i holds both nations (usually none).
    const bothPairsByParticipant = problem.nationalitiesByParticipant.map((codes) =>
      Int32Array.from(
        problem.dialoguePairs.flatMap((pair, k) => (pair.a !== pair.b && codes.includes(pair.a) && codes.includes(pair.b) ? [k] : [])),
      ),
    );
    const bothSidesByPanelPair = new Int32Array(state.panelCount * pairCount);
    return {
      bothSidesByPanelPair,
      add(i, p) {
        const pairs = bothPairsByParticipant[i]!;
        for (let x = 0; x < pairs.length; x++) bothSidesByPanelPair[p * pairCount + pairs[x]!]!++;
      },
      remove(i, p) {
        const pairs = bothPairsByParticipant[i]!;
        for (let x = 0; x < pairs.length; x++) bothSidesByPanelPair[p * pairCount + pairs[x]!]!--;
      },
    };
  },
};

/** Does panel p realise pair k? Read from the state's counters (attaching the trackers it needs). */
export function realisation(state: SearchState): (p: number, k: number) => boolean {
  const pairs = state.problem.dialoguePairs;
  const pairCount = pairs.length;
  const { countByPanel, nationalityCount } = state.use(NATIONALITY_COUNTS);
  const { bothSidesByPanelPair } = state.use(DUAL_NATIONAL_COUNTS);
  return (p, k) => {
    const pair = pairs[k]!;
    const base = p * nationalityCount;
    const sideA = countByPanel[base + pair.a]!;
    if (pair.a === pair.b) return sideA >= 2;
    const sideB = countByPanel[base + pair.b]!;
    if (sideA === 0 || sideB === 0) return false;
    // Only one holder on each side, and it is the same dual national: no second person.
    return !(sideA === 1 && sideB === 1 && bothSidesByPanelPair[p * pairCount + k] === 1);
  };
}

/** Does the roster (member indices) realise pair (a, b)? From scratch, for the full faces. */
export function rosterRealises(problem: Problem, members: readonly number[], a: number, b: number): boolean {
  const holds = (i: number, c: number) => problem.nationalitiesByParticipant[i]!.includes(c);
  return members.some((i) => holds(i, a) && members.some((j) => j !== i && holds(j, b)));
}

/** The dialogue pairs (indices) that involve each nationality, [nationality] → pair indices. */
export function pairsByNationality(problem: Problem): number[][] {
  const lists: number[][] = Array.from({ length: problem.nationalityCodes.length }, () => []);
  problem.dialoguePairs.forEach((pair, k) => {
    lists[pair.a]!.push(k);
    if (pair.b !== pair.a) lists[pair.b]!.push(k);
  });
  return lists;
}
