// The relaxed program the Lagrangian bound works on (see bound.ts for the whole argument). Everything here is fixed
// for a solve: who may hold which seat, each participant's "home" nationality, the flat bonuses that stand in for
// what the per-panel subproblem does not model exactly, and the dialogue pairs it does model exactly.
//
// Relaxing rules only ever raises the optimum, so the bound stays valid whatever is dropped here. What is kept, per
// panel: sizes, one chair and one discussant where needed, one role per person, the nationality cap counted over
// home nationalities, and for each dialogue pair whose two nations belong to no other pair: its realisation, the
// neutral chair, minSide and maxImbalance (loosened by the holders counted elsewhere), and dialogue "out" or avoided
// nationalities that keep someone from ever meeting the other side. What is dropped: pairwise conflicts otherwise,
// attribute balance, minDistinct, co-authors, pins, separate nations and maxMoves.
import { NONE, type Problem } from "../../model/problem.js";

export const PRESENTER = 0;
export const CHAIR = 1;
export const DISCUSSANT = 2;
export const ROLE_COUNT = 3;

/** Bits of RelaxedProgram.seatsByPanel. */
export const MAY_PRESENT = 1;
export const MAY_JOIN = 2;
export const TOPIC_MATCH = 4;

/**
 * A nationality group of the panel subproblem: one nation, or the two nations of a dialogue pair modelled exactly.
 * Members count in the group of their home nationality only.
 */
export interface NationGroup {
  /** One nation, or [A, B] of an exact pair. */
  readonly nations: readonly number[];
  /** weights.dialogue x the pair's weights (0 for a single nation). */
  readonly pairGain: number;
  /** Participants holding A (B) who are counted elsewhere: how far minSide and maxImbalance must be loosened. */
  readonly slackA: number;
  readonly slackB: number;
}

export interface RelaxedProgram {
  readonly problem: Problem;
  readonly participantCount: number;
  readonly panelCount: number;
  readonly slotCount: number;
  /** Non-negative parts of the diversity and topicFit weights (a negative weight is bounded by 0). */
  readonly diversityWeight: number;
  readonly topicWeight: number;
  /** Upper bound on the parts the panel subproblems leave out (stability against a baseline). */
  readonly constant: number;

  readonly homeByParticipant: Int32Array;
  /** Per membership, any role: diversity of the other nationalities held, dialogue the exact groups do not see. */
  readonly flatByParticipant: Float64Array;
  /**
   * The same for a chair seat: with neutral chairs a chair never takes part in a realised pair (a panel realising
   * a pair has a chair holding neither of its nations), so only the diversity part remains.
   */
  readonly chairFlatByParticipant: Float64Array;
  /** 1 when the participant's home is a side of an exact pair and they may meet someone holding the other side. */
  readonly meetsByParticipant: Uint8Array;
  readonly groupByNation: Int32Array;
  readonly groups: readonly NationGroup[];
  /** Participants homed at each nation who may hold `role` somewhere, [nation * ROLE_COUNT + role]. */
  readonly candidatesByNationRole: readonly Int32Array[];
  /** MAY_PRESENT | MAY_JOIN | TOPIC_MATCH per [panel * participantCount + participant] (panel-major for scans). */
  readonly seatsByPanel: Uint8Array;

  /** Roles per participant: presents exactly, chairs and discussant roles at most, all roles at most. */
  readonly presents: Int32Array;
  readonly mayChair: Int32Array;
  readonly mayDiscuss: Int32Array;
  /** 1 when maxRoles can bind for the participant (presents + chairs + discussant roles may exceed it). */
  readonly rolesCapped: Uint8Array;

  /** Affinity pairs kept (positive gain, two people who may share a panel): ends and gains. */
  readonly affinityFirst: Int32Array;
  readonly affinitySecond: Int32Array;
  readonly affinityGain: Float64Array;
  /** Per participant, the affinity pairs they belong to (pair index * 2 + 1 when they are the second end). */
  readonly affinitiesByParticipant: readonly Int32Array[];
  /** Sum of the gains of each participant's affinity pairs: the most affinity adds to one of their seats. */
  readonly affinityMaxByParticipant: Float64Array;
}

export function relaxProgram(problem: Problem): RelaxedProgram {
  const n = problem.participantCount;
  const P = problem.panelCount;
  const { weights } = problem;
  const diversityWeight = Math.max(0, weights.diversity);
  const topicWeight = Math.max(0, weights.topicFit);
  const nationCount = problem.nationalityCodes.length;

  // Dialogue pairs with a gain; a pair with a loss is bounded by 0 (and its safety rules dropped).
  const gainPairs = problem.dialoguePairs
    .map((pair) => ({ a: pair.a, b: pair.b, gain: weights.dialogue * pair.weight }))
    .filter((pair) => pair.gain > 0);
  // A pair is modelled exactly when its two nations differ and belong to no pair between other nations. The same
  // pair listed twice (either way round) adds its gains.
  const partners: Set<number>[] = Array.from({ length: nationCount }, () => new Set());
  for (const { a, b } of gainPairs) {
    partners[a]!.add(b);
    partners[b]!.add(a);
  }
  const isExact = (a: number, b: number) => a !== b && partners[a]!.size === 1 && partners[b]!.size === 1;
  const groups: { nations: number[]; pairGain: number; slackA: number; slackB: number }[] = [];
  const groupByNation = new Int32Array(nationCount).fill(NONE);
  for (const { a, b, gain } of gainPairs) {
    if (!isExact(a, b)) continue;
    const known = groupByNation[a]!;
    if (known !== NONE) {
      groups[known]!.pairGain += gain;
      continue;
    }
    groupByNation[a] = groupByNation[b] = groups.length;
    groups.push({ nations: [a, b], pairGain: gain, slackA: 0, slackB: 0 });
  }

  // Home: a nation of an exact pair when the participant holds one, else their first nationality.
  const homeByParticipant = new Int32Array(n);
  const flatByParticipant = new Float64Array(n);
  const chairFlatByParticipant = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const held = problem.nationalitiesByParticipant[i]!;
    let home = held[0]!;
    for (const k of held) {
      if (groupByNation[k] !== NONE) {
        home = k;
        break;
      }
    }
    homeByParticipant[i] = home;
    // Every other nationality held may add one distinct nationality to a panel.
    let flat = diversityWeight * (held.length - 1);
    chairFlatByParticipant[i] = flat;
    // A pair the exact groups cannot see realised through this member: one not modelled exactly, or the
    // participant's own exact pair when they hold both of its nations (they then realise it with any other holder).
    for (const { a, b, gain } of gainPairs) {
      const holdsA = held.includes(a);
      const holdsB = held.includes(b);
      if (!holdsA && !holdsB) continue;
      const ownExact = isExact(a, b) && groupByNation[home] === groupByNation[a];
      if (!ownExact || (holdsA && holdsB)) flat += gain;
    }
    flatByParticipant[i] = flat;
    if (!problem.dialogueSafety.neutralChair) chairFlatByParticipant[i] = flat;
  }
  for (let i = 0; i < n; i++) {
    const home = homeByParticipant[i]!;
    for (const k of problem.nationalitiesByParticipant[i]!) {
      const g = groupByNation[k]!;
      if (g === NONE || k === home) continue;
      // i holds k but is counted at `home`: the count of side k may be short by one.
      const group = groups[g]!;
      if (group.nations[0] === k) group.slackA++;
      else group.slackB++;
    }
  }
  const singleGroupOf = new Int32Array(nationCount).fill(NONE);
  for (let i = 0; i < n; i++) {
    const home = homeByParticipant[i]!;
    if (groupByNation[home] === NONE && singleGroupOf[home] === NONE) {
      singleGroupOf[home] = groups.length;
      groups.push({ nations: [home], pairGain: 0, slackA: 0, slackB: 0 });
    }
  }
  for (let k = 0; k < nationCount; k++) if (singleGroupOf[k] !== NONE) groupByNation[k] = singleGroupOf[k]!;

  const meetsByParticipant = meetingSides(problem, homeByParticipant, groups, groupByNation);

  const presents = Int32Array.from(problem.presentsByParticipant);
  const mayChair = Int32Array.from(problem.mayChairByParticipant);
  const mayDiscuss = Int32Array.from(problem.mayDiscussByParticipant);
  const rolesCapped = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const most = Math.min(presents[i]!, P) + Math.min(mayChair[i]!, P) + Math.min(mayDiscuss[i]!, P);
    rolesCapped[i] = most > problem.maxRoles ? 1 : 0;
  }

  const seatsByPanel = new Uint8Array(n * P);
  const candidateLists: number[][] = Array.from({ length: nationCount * ROLE_COUNT }, () => []);
  const anyChairSeat = problem.needsChairByPanel.includes(1);
  const anyDiscussantSeat = problem.needsDiscussantByPanel.includes(1);
  for (let i = 0; i < n; i++) {
    let presentsSomewhere = false;
    let joinsSomewhere = false;
    for (let p = 0; p < P; p++) {
      const k = i * P + p;
      const bits = (problem.mayPresent[k]! && presents[i]! > 0 ? MAY_PRESENT : 0) | (problem.mayJoin[k] ? MAY_JOIN : 0) | (problem.topicMatch[k] ? TOPIC_MATCH : 0);
      seatsByPanel[p * n + i] = bits;
      presentsSomewhere ||= (bits & MAY_PRESENT) !== 0;
      joinsSomewhere ||= (bits & MAY_JOIN) !== 0;
    }
    const home = homeByParticipant[i]!;
    if (presentsSomewhere) candidateLists[home * ROLE_COUNT + PRESENTER]!.push(i);
    if (joinsSomewhere && anyChairSeat && mayChair[i]! > 0 && problem.maxRoles > 0) candidateLists[home * ROLE_COUNT + CHAIR]!.push(i);
    if (joinsSomewhere && anyDiscussantSeat && mayDiscuss[i]! > 0 && problem.maxRoles > 0) candidateLists[home * ROLE_COUNT + DISCUSSANT]!.push(i);
  }

  const affinity = keptAffinities(problem);
  const affinitiesByParticipant: number[][] = Array.from({ length: n }, () => []);
  const affinityMaxByParticipant = new Float64Array(n);
  for (let k = 0; k < affinity.gain.length; k++) {
    affinitiesByParticipant[affinity.first[k]!]!.push(k * 2);
    affinitiesByParticipant[affinity.second[k]!]!.push(k * 2 + 1);
    affinityMaxByParticipant[affinity.first[k]!]! += affinity.gain[k]!;
    affinityMaxByParticipant[affinity.second[k]!]! += affinity.gain[k]!;
  }

  // Stability (what-if runs) is minus the number of moved participants: at most 0 for a non-negative weight.
  const constant = problem.baseline !== null && weights.stability < 0 ? -weights.stability * n : 0;

  return {
    problem,
    participantCount: n,
    panelCount: P,
    slotCount: problem.slotCount,
    diversityWeight,
    topicWeight,
    constant,
    homeByParticipant,
    flatByParticipant,
    chairFlatByParticipant,
    meetsByParticipant,
    groupByNation,
    groups,
    candidatesByNationRole: candidateLists.map((list) => Int32Array.from(list)),
    seatsByPanel,
    presents,
    mayChair,
    mayDiscuss,
    rolesCapped,
    affinityFirst: affinity.first,
    affinitySecond: affinity.second,
    affinityGain: affinity.gain,
    affinitiesByParticipant: affinitiesByParticipant.map((list) => Int32Array.from(list)),
    affinityMaxByParticipant,
  };
}

/**
 * For participants homed at a side of an exact pair: may they ever sit with someone holding the other side? Not
 * when every holder of it is in their conflict list (dialogue "out", an avoided nationality, separate nations).
 */
function meetingSides(
  problem: Problem,
  homeByParticipant: Int32Array,
  groups: readonly { nations: number[] }[],
  groupByNation: Int32Array,
): Uint8Array {
  const n = problem.participantCount;
  const holderCount = new Int32Array(problem.nationalityCodes.length);
  for (const held of problem.nationalitiesByParticipant) for (const k of held) holderCount[k]!++;
  const meets = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const home = homeByParticipant[i]!;
    const g = groupByNation[home]!;
    if (g === NONE || groups[g]!.nations.length < 2) continue;
    const [a, b] = groups[g]!.nations as [number, number];
    const other = home === a ? b : a;
    let unreachable = problem.nationalitiesByParticipant[i]!.includes(other) ? 1 : 0;
    for (const j of problem.conflictsByParticipant[i]!) if (problem.nationalitiesByParticipant[j]!.includes(other)) unreachable++;
    meets[i] = unreachable < holderCount[other]! ? 1 : 0;
  }
  return meets;
}

function keptAffinities(problem: Problem): { first: Int32Array; second: Int32Array; gain: Float64Array } {
  const first: number[] = [];
  const second: number[] = [];
  const gain: number[] = [];
  for (const { i, j, weight } of problem.affinities) {
    const value = problem.weights.affinity * weight;
    if (value <= 0 || i === j) continue;
    if (problem.conflictsByParticipant[i]!.includes(j)) continue;
    first.push(i);
    second.push(j);
    gain.push(value);
  }
  return { first: Int32Array.from(first), second: Int32Array.from(second), gain: Float64Array.from(gain) };
}
