// The world of indices that solvers work in, built once by normalizeProgram. Participants, panels, slots,
// nationalities and attribute values are dense numbers; per-entity facts are typed arrays named for their index.
import type { Program, Weights } from "./schema.js";

/** Index sentinel for "nobody" / "no slot" in typed arrays. */
export const NONE = -1;

export interface DialoguePair {
  readonly a: number; // nationality index
  readonly b: number;
  readonly weight: number;
}

export interface BalanceRule {
  readonly attribute: string;
  readonly maxShare: number;
  readonly minDistinct: number;
  readonly values: readonly string[];
  /** Value index per participant, NONE when the participant has no such attribute. */
  readonly valueByParticipant: Int32Array;
}

export interface Affinity {
  readonly i: number;
  readonly j: number;
  readonly weight: number;
}

export interface Problem {
  readonly program: Program;
  readonly participantCount: number;
  readonly panelCount: number;
  readonly slotCount: number;
  readonly participantIds: readonly string[];
  readonly panelIds: readonly string[];
  readonly slotIds: readonly string[];
  readonly participantIdxById: ReadonlyMap<string, number>;
  readonly panelIdxById: ReadonlyMap<string, number>;

  readonly nationalityCodes: readonly string[];
  readonly nationalitiesByParticipant: readonly Int32Array[];
  readonly presentsByParticipant: Int32Array;
  readonly mayChairByParticipant: Int32Array;
  readonly mayDiscussByParticipant: Int32Array;
  /** policy.maxRoles, or Infinity. */
  readonly maxRoles: number;
  readonly atRiskByParticipant: Uint8Array;
  readonly dialogueOutByParticipant: Uint8Array;
  /** Co-author group index per participant, NONE when alone. */
  readonly groupByParticipant: Int32Array;
  readonly groups: readonly Int32Array[];

  readonly slotByPanel: Int32Array; // NONE when the panel has no slot
  readonly minPresentersByPanel: Int32Array;
  readonly maxPresentersByPanel: Int32Array;
  readonly needsChairByPanel: Uint8Array;
  readonly needsDiscussantByPanel: Uint8Array;
  readonly recordedByPanel: Uint8Array;
  readonly pinnedPresentersByPanel: readonly Int32Array[];
  readonly pinnedChairByPanel: Int32Array; // NONE when not pinned
  readonly pinnedDiscussantByPanel: Int32Array;

  /**
   * Pairwise "may not share a panel" (keep-apart, separate, avoid.*, dialogue "out"), as symmetric adjacency
   * lists sorted ascending. Derived once here so every solver reads one relation.
   */
  readonly conflictsByParticipant: readonly Int32Array[];
  /** 1 when participant i may be a member of panel p at all: slot availability and at-risk/recorded. [i*panelCount+p] */
  readonly mayJoin: Uint8Array;
  /** 1 when i may present on p: mayJoin plus the topics "required" rule. [i*panelCount+p] */
  readonly mayPresent: Uint8Array;
  /** 1 when i shares a topic with p (topicFit). [i*panelCount+p] */
  readonly topicMatch: Uint8Array;

  readonly nationalityPolicy: { readonly maxShare: number; readonly minDistinct: number };
  readonly balanceRules: readonly BalanceRule[];
  readonly dialoguePairs: readonly DialoguePair[];
  readonly dialogueSafety: { readonly neutralChair: boolean; readonly maxImbalance: number; readonly minSide: number };
  readonly affinities: readonly Affinity[];
  readonly weights: Weights;
  /** What-if re-solves: the published assignment to stay close to (stability term), or null. */
  readonly baseline: Assignment | null;
  /** Hard cap on participants whose roles change against the baseline; Infinity when uncapped. */
  readonly maxMoves: number;
}

/** Who holds which role on which panel, by index. The one shape every solver returns. */
export interface PanelRoster {
  readonly presenters: readonly number[];
  readonly chair: number; // NONE when the panel has no chair
  readonly discussant: number;
}

export interface Assignment {
  readonly panels: readonly PanelRoster[];
}

/** Largest count a share cap allows among `members` (the small epsilon absorbs 0.6 * 5 = 2.9999999999999996). */
export function shareLimit(maxShare: number, members: number): number {
  return Math.floor(maxShare * members + 1e-9);
}

export function holds(problem: Problem, participant: number, nationality: number): boolean {
  return problem.nationalitiesByParticipant[participant]!.includes(nationality);
}

export function membersOf(roster: PanelRoster): number[] {
  const members = [...roster.presenters];
  if (roster.chair !== NONE) members.push(roster.chair);
  if (roster.discussant !== NONE) members.push(roster.discussant);
  return members;
}

/** May i and j not both be members of one panel? Conflict lists are sorted ascending, so: binary search. */
export function inConflict(problem: Problem, i: number, j: number): boolean {
  return sortedIncludes(problem.conflictsByParticipant[i]!, j);
}

export function sortedIncludes(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Most panels participant i can sit on, over all roles. */
export function seatsOf(problem: Problem, i: number): number {
  const roles = problem.presentsByParticipant[i]! + problem.mayChairByParticipant[i]! + problem.mayDiscussByParticipant[i]!;
  return Math.min(roles, problem.maxRoles, problem.panelCount);
}

/** The holders of each nationality, by nationality index. */
export function holdersByNationality(problem: Problem): Int32Array[] {
  const lists: number[][] = problem.nationalityCodes.map(() => []);
  problem.nationalitiesByParticipant.forEach((held, i) => {
    for (const k of held) lists[k]!.push(i);
  });
  return lists.map((l) => Int32Array.from(l));
}
