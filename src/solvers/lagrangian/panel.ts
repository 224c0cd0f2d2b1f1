// One panel's subproblem of the Lagrangian bound: with the participant-side rules priced out, choose presenters
// (within size), a chair and a discussant (where needed) to maximise their priced seat values plus diversity and
// the dialogue of exact pairs, under the nationality cap counted over home nationalities (relaxation.ts).
//
// Solved exactly, by dynamic programming over nationality groups with the state (presenters, chair taken,
// discussant taken). Two reductions keep it small and exact:
// - within a group at most `cap` members sit, so per role only the `cap` best-valued candidates can be chosen
//   (any other is beaten by one of those left unused); candidates are scanned in order of an upper bound on their
//   value and the scan stops when no one further can enter the top `cap`;
// - a nation outside every dialogue pair can only be used if it is among the `members` best nations for some role:
//   otherwise one of those is unused, and moving the member there loses nothing.
// The cap depends on the final member count; the program is solved with the loosest cap first and again with a
// tighter one only when the best answer breaks the cap of its own size.
import { shareLimit } from "../../model/problem.js";
import { CHAIR, DISCUSSANT, MAY_JOIN, MAY_PRESENT, PRESENTER, ROLE_COUNT, TOPIC_MATCH, type RelaxedProgram } from "./relaxation.js";

/** The prices a subproblem sees in one iteration (bound.ts sets them). */
export interface SeatPrices {
  /** Value of a seat before the panel's own parts, [role * participantCount + i]: flat bonus minus role prices. */
  readonly base: Float64Array;
  /** base plus the most the panel's own parts (topic, affinity) can add: the order candidates are scanned in. */
  readonly ceiling: Float64Array;
  /** Candidates per [nation * ROLE_COUNT + role], sorted by ceiling, best first. */
  readonly order: readonly Int32Array[];
  /** Price of sitting in slot s, [i * slotCount + s]. */
  readonly slotPrice: Float64Array;
  /** Share of affinity pair k's gain credited to its second end on panel p, [k * panelCount + p]. */
  readonly affinityShare: Float64Array;
}

/** Where a solved panel's members go. */
export interface MemberSink {
  add(participant: number, role: number): void;
}

const NEG = Number.NEGATIVE_INFINITY;
/** List kinds per nation: the three roles among all candidates, then among those who may meet the other side. */
const KINDS = 2 * ROLE_COUNT;
const MEET = ROLE_COUNT;
const SINGLE = 0;
const ONLY_A = 0;
const ONLY_B = 1;
const REALISED = 2;

/** Members an option t = presenters * 4 + chair * 2 + discussant stands for. */
function memberCount(t: number): number {
  return (t >> 2) + ((t >> 1) & 1) + (t & 1);
}

export class PanelSubproblem {
  private readonly relaxed: RelaxedProgram;
  private readonly nationCount: number;
  private readonly width: number; // most candidates kept per list
  private readonly tableSize: number; // (most presenters + 1) * 4
  private readonly topValue: Float64Array;
  private readonly topWho: Int32Array;
  private readonly topCount: Int32Array;
  /** Nations whose every candidate may meet the other side of their pair (their meet lists equal the full ones). */
  private readonly allMeet: Uint8Array;
  private readonly activeNations: Int32Array; // nations with candidates, pair sides first
  // Per group used on the panel: option tables (value, chair list index, discussant list index), four side tables
  // for pairs (A all, A meet, B all, B meet), and the combined option table the DP reads.
  private readonly groupOrder: Int32Array;
  private readonly sideValue: Float64Array;
  private readonly sideChair: Int16Array;
  private readonly sideDiscussant: Int16Array;
  private readonly optionValue: Float64Array;
  private readonly optionKind: Int8Array;
  private readonly optionA: Int16Array;
  private readonly optionB: Int16Array;
  private readonly dp: Float64Array;
  private readonly next: Float64Array;
  private readonly choice: Int16Array;
  private readonly chosen: Int16Array;
  private readonly bestNations: Int32Array;
  private readonly bestValues: Float64Array;
  private readonly shortlisted: Uint8Array;

  constructor(relaxed: RelaxedProgram) {
    this.relaxed = relaxed;
    const { problem } = relaxed;
    this.nationCount = problem.nationalityCodes.length;
    let mostPresenters = 0;
    let mostMembers = 1;
    for (let p = 0; p < relaxed.panelCount; p++) {
      mostPresenters = Math.max(mostPresenters, problem.maxPresentersByPanel[p]!);
      mostMembers = Math.max(mostMembers, problem.maxPresentersByPanel[p]! + problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!);
    }
    this.width = Math.max(1, mostMembers);
    this.tableSize = (mostPresenters + 1) * 4;
    this.topValue = new Float64Array(this.nationCount * KINDS * this.width);
    this.topWho = new Int32Array(this.nationCount * KINDS * this.width);
    this.topCount = new Int32Array(this.nationCount * KINDS);
    this.allMeet = new Uint8Array(this.nationCount).fill(1);
    for (let i = 0; i < relaxed.participantCount; i++) {
      const home = relaxed.homeByParticipant[i]!;
      if (relaxed.groups[relaxed.groupByNation[home]!]!.nations.length === 2 && relaxed.meetsByParticipant[i] === 0) this.allMeet[home] = 0;
    }
    const active: number[] = [];
    const hasCandidates = (k: number) => [PRESENTER, CHAIR, DISCUSSANT].some((r) => relaxed.candidatesByNationRole[k * ROLE_COUNT + r]!.length > 0);
    for (let k = 0; k < this.nationCount; k++) if (hasCandidates(k) && relaxed.groups[relaxed.groupByNation[k]!]!.nations.length === 2) active.push(k);
    for (let k = 0; k < this.nationCount; k++) if (hasCandidates(k) && relaxed.groups[relaxed.groupByNation[k]!]!.nations.length === 1) active.push(k);
    this.activeNations = Int32Array.from(active);
    const groupCount = relaxed.groups.length;
    this.groupOrder = new Int32Array(groupCount);
    this.sideValue = new Float64Array(groupCount * 4 * this.tableSize);
    this.sideChair = new Int16Array(groupCount * 4 * this.tableSize);
    this.sideDiscussant = new Int16Array(groupCount * 4 * this.tableSize);
    this.optionValue = new Float64Array(groupCount * this.tableSize);
    this.optionKind = new Int8Array(groupCount * this.tableSize);
    this.optionA = new Int16Array(groupCount * this.tableSize);
    this.optionB = new Int16Array(groupCount * this.tableSize);
    this.dp = new Float64Array(this.tableSize);
    this.next = new Float64Array(this.tableSize);
    this.choice = new Int16Array(groupCount * this.tableSize);
    this.chosen = new Int16Array(groupCount);
    this.bestNations = new Int32Array(this.width);
    this.bestValues = new Float64Array(this.width);
    this.shortlisted = new Uint8Array(groupCount);
  }

  /** The subproblem's optimum on panel p (NEG when no choice meets its rules), its members given to `sink`. */
  solve(p: number, prices: SeatPrices, sink: MemberSink | null): number {
    const { problem } = this.relaxed;
    const needsChair = problem.needsChairByPanel[p]!;
    const needsDiscussant = problem.needsDiscussantByPanel[p]!;
    const minPresenters = problem.minPresentersByPanel[p]!;
    const maxPresenters = problem.maxPresentersByPanel[p]!;
    const fixed = needsChair + needsDiscussant;
    const minMembers = minPresenters + fixed;
    const maxMembers = maxPresenters + fixed;
    if (maxMembers === 0) return 0;
    const maxShare = problem.nationalityPolicy.maxShare;
    const loosest = Math.min(maxMembers, shareLimit(maxShare, maxMembers));
    if (loosest === 0) return minMembers === 0 ? 0 : NEG;

    this.scanCandidates(p, prices, loosest, needsChair, needsDiscussant);
    const groupCount = this.chooseGroups(maxMembers, needsChair, needsDiscussant);
    for (let q = 0; q < groupCount; q++) this.buildSideTables(q, loosest, maxPresenters, needsChair, needsDiscussant);

    // Loosest cap first; a tighter cap only for sizes whose best answer breaks it.
    let best = this.runDp(groupCount, loosest, p, minMembers, maxMembers, maxShare, -1);
    let bestCap = loosest;
    if (best.value > NEG && shareLimit(maxShare, best.members) < loosest && this.usesMoreThan(groupCount, best.state, shareLimit(maxShare, best.members))) {
      // Answer again per tighter cap, each restricted to the sizes that cap belongs to.
      best = { value: NEG, state: 0, members: 0 };
      for (let cap = loosest; cap >= 1; cap--) {
        const run = this.runDp(groupCount, cap, p, minMembers, maxMembers, maxShare, cap);
        if (run.value > best.value) {
          best = run;
          bestCap = cap;
        }
      }
      if (best.value > NEG && bestCap !== 1) this.runDp(groupCount, bestCap, p, minMembers, maxMembers, maxShare, bestCap);
    }
    if (best.value === NEG) return NEG;
    if (sink !== null) this.emitMembers(groupCount, best.state, sink);
    return best.value;
  }

  /** Top candidates per nation and list kind on panel p. */
  private scanCandidates(p: number, prices: SeatPrices, width: number, needsChair: number, needsDiscussant: number): void {
    const relaxed = this.relaxed;
    const n = relaxed.participantCount;
    const slot = relaxed.problem.slotByPanel[p]!;
    const S = relaxed.slotCount;
    const topic = relaxed.topicWeight;
    const seats = relaxed.seatsByPanel;
    const rowStart = p * n;
    this.topCount.fill(0);
    for (const k of this.activeNations) {
      const isPairSide = relaxed.groups[relaxed.groupByNation[k]!]!.nations.length === 2 && this.allMeet[k] === 0;
      for (let role = 0; role < ROLE_COUNT; role++) {
        if ((role === CHAIR && needsChair === 0) || (role === DISCUSSANT && needsDiscussant === 0)) continue;
        const order = prices.order[k * ROLE_COUNT + role]!;
        const all = k * KINDS + role;
        const meet = k * KINDS + MEET + role;
        const offset = role * n;
        const need = role === PRESENTER ? MAY_PRESENT : MAY_JOIN;
        for (let x = 0; x < order.length; x++) {
          const i = order[x]!;
          const ceiling = prices.ceiling[offset + i]!;
          const fullAll = this.topCount[all] === width && ceiling <= this.topValue[all * this.width + width - 1]!;
          if (fullAll && (!isPairSide || (this.topCount[meet] === width && ceiling <= this.topValue[meet * this.width + width - 1]!))) break;
          const bits = seats[rowStart + i]!;
          if ((bits & need) === 0) continue;
          let value = prices.base[offset + i]!;
          if (slot >= 0) value -= prices.slotPrice[i * S + slot]!;
          if (role === PRESENTER && (bits & TOPIC_MATCH) !== 0) value += topic;
          if (relaxed.affinityMaxByParticipant[i]! > 0) value += this.affinityBonus(i, p, prices);
          this.insert(all, width, i, value);
          if (isPairSide && relaxed.meetsByParticipant[i] === 1) this.insert(meet, width, i, value);
        }
      }
    }
  }

  private affinityBonus(i: number, p: number, prices: SeatPrices): number {
    const relaxed = this.relaxed;
    const P = relaxed.panelCount;
    let bonus = 0;
    for (const entry of relaxed.affinitiesByParticipant[i]!) {
      const k = entry >> 1;
      const share = prices.affinityShare[k * P + p]!;
      bonus += (entry & 1) === 1 ? share : relaxed.affinityGain[k]! - share;
    }
    return bonus;
  }

  private insert(list: number, width: number, who: number, value: number): void {
    const base = list * this.width;
    let count = this.topCount[list]!;
    if (count === width) {
      if (value <= this.topValue[base + width - 1]!) return;
      count--;
    }
    let at = count;
    while (at > 0 && this.topValue[base + at - 1]! < value) {
      this.topValue[base + at] = this.topValue[base + at - 1]!;
      this.topWho[base + at] = this.topWho[base + at - 1]!;
      at--;
    }
    this.topValue[base + at] = value;
    this.topWho[base + at] = who;
    this.topCount[list] = count + 1;
  }

  /** Groups the DP runs over: every exact pair with candidates, and the single nations that can matter. */
  private chooseGroups(maxMembers: number, needsChair: number, needsDiscussant: number): number {
    const relaxed = this.relaxed;
    this.shortlisted.fill(0);
    let groupCount = 0;
    for (let x = 0; x < this.activeNations.length; x++) {
      const k = this.activeNations[x]!;
      const g = relaxed.groupByNation[k]!;
      if (relaxed.groups[g]!.nations.length !== 2) break;
      if (this.shortlisted[g] === 0 && (this.listCount(k, PRESENTER) > 0 || this.listCount(k, CHAIR) > 0 || this.listCount(k, DISCUSSANT) > 0)) {
        this.shortlisted[g] = 1;
        this.groupOrder[groupCount++] = g;
      }
    }
    // Per role, the `maxMembers` single nations with the best candidate for it.
    const keep = Math.min(maxMembers, this.width);
    for (let role = 0; role < ROLE_COUNT; role++) {
      if ((role === CHAIR && needsChair === 0) || (role === DISCUSSANT && needsDiscussant === 0)) continue;
      let count = 0;
      for (let x = 0; x < this.activeNations.length; x++) {
        const k = this.activeNations[x]!;
        if (relaxed.groups[relaxed.groupByNation[k]!]!.nations.length === 2) continue;
        const list = k * KINDS + role;
        if (this.topCount[list] === 0) continue;
        const value = this.topValue[list * this.width]!;
        if (count === keep && value <= this.bestValues[keep - 1]!) continue;
        let at = count < keep ? count++ : keep - 1;
        while (at > 0 && this.bestValues[at - 1]! < value) {
          this.bestValues[at] = this.bestValues[at - 1]!;
          this.bestNations[at] = this.bestNations[at - 1]!;
          at--;
        }
        this.bestValues[at] = value;
        this.bestNations[at] = k;
      }
      for (let x = 0; x < count; x++) {
        const g = relaxed.groupByNation[this.bestNations[x]!]!;
        if (this.shortlisted[g] === 0) {
          this.shortlisted[g] = 1;
          this.groupOrder[groupCount++] = g;
        }
      }
    }
    return groupCount;
  }

  private listCount(nation: number, role: number): number {
    return this.topCount[nation * KINDS + role]!;
  }

  /** Side tables of the q-th group: for a single nation one, for a pair A and B among all and among meeting. */
  private buildSideTables(q: number, cap: number, maxPresenters: number, needsChair: number, needsDiscussant: number): void {
    const group = this.relaxed.groups[this.groupOrder[q]!]!;
    if (group.nations.length === 1) {
      this.sideTable(group.nations[0]! * KINDS, this.sideAt(q, 0), cap, maxPresenters, needsChair, needsDiscussant);
      return;
    }
    for (let s = 0; s < 2; s++) {
      const k = group.nations[s]!;
      this.sideTable(k * KINDS, this.sideAt(q, 2 * s), cap, maxPresenters, needsChair, needsDiscussant);
      this.sideTable(this.meetLists(k), this.sideAt(q, 2 * s + 1), cap, maxPresenters, needsChair, needsDiscussant);
    }
  }

  /**
   * Best value of each option (j presenters, chair or not, discussant or not) from one nation's lists (starting
   * at list index `lists`), distinct people, at most `cap` of them, with the nation's diversity when non-empty.
   * Option t = j * 4 + chair * 2 + discussant.
   */
  private sideTable(lists: number, out: number, cap: number, maxPresenters: number, needsChair: number, needsDiscussant: number): void {
    const T = (maxPresenters + 1) * 4;
    const { sideValue, sideChair, sideDiscussant, topValue, topWho } = this;
    for (let t = 0; t < T; t++) {
      sideValue[out + t] = NEG;
      sideChair[out + t] = -1;
      sideDiscussant[out + t] = -1;
    }
    const diversity = this.relaxed.diversityWeight;
    const presenters = (lists + PRESENTER) * this.width;
    const chairs = (lists + CHAIR) * this.width;
    const discussants = (lists + DISCUSSANT) * this.width;
    const presenterCount = this.topCount[lists + PRESENTER]!;
    const chairCount = needsChair === 1 ? this.topCount[lists + CHAIR]! : 0;
    const discussantCount = needsDiscussant === 1 ? this.topCount[lists + DISCUSSANT]! : 0;
    for (let c = -1; c < chairCount; c++) {
      const chairWho = c < 0 ? -1 : topWho[chairs + c]!;
      const chairValue = c < 0 ? 0 : topValue[chairs + c]!;
      for (let d = -1; d < discussantCount; d++) {
        const discussantWho = d < 0 ? -1 : topWho[discussants + d]!;
        if (discussantWho >= 0 && discussantWho === chairWho) continue;
        const used = (c < 0 ? 0 : 1) + (d < 0 ? 0 : 1);
        if (used > cap) continue;
        const roles = (c < 0 ? 0 : 2) + (d < 0 ? 0 : 1);
        let sum = chairValue + (d < 0 ? 0 : topValue[discussants + d]!);
        let value = used > 0 ? sum + diversity : 0;
        if (value > sideValue[out + roles]!) {
          sideValue[out + roles] = value;
          sideChair[out + roles] = c;
          sideDiscussant[out + roles] = d;
        }
        let j = 0;
        for (let x = 0; x < presenterCount; x++) {
          const who = topWho[presenters + x]!;
          if (who === chairWho || who === discussantWho) continue;
          if (j + 1 + used > cap || j + 1 > maxPresenters) break;
          j++;
          sum += topValue[presenters + x]!;
          value = sum + diversity;
          const t = out + j * 4 + roles;
          if (value > sideValue[t]!) {
            sideValue[t] = value;
            sideChair[t] = c;
            sideDiscussant[t] = d;
          }
        }
      }
    }
  }

  /**
   * The DP over the chosen groups with nationality cap `cap`, for member counts whose own cap is `onlyCap` (-1:
   * all counts, each read with the loosest cap). Leaves the choices for emitMembers.
   */
  private runDp(
    groupCount: number,
    cap: number,
    p: number,
    minMembers: number,
    maxMembers: number,
    maxShare: number,
    onlyCap: number,
  ): { value: number; state: number; members: number } {
    const { problem } = this.relaxed;
    const maxPresenters = problem.maxPresentersByPanel[p]!;
    const needsChair = problem.needsChairByPanel[p]!;
    const needsDiscussant = problem.needsDiscussantByPanel[p]!;
    const T = (maxPresenters + 1) * 4;
    const { dp, next, choice, optionValue } = this;
    dp.fill(NEG, 0, T);
    dp[0] = 0;
    for (let q = 0; q < groupCount; q++) {
      const options = q * this.tableSize;
      this.combineOptions(q, cap, maxPresenters, needsChair === 1);
      for (let s = 0; s < T; s++) {
        next[s] = dp[s]!;
        choice[options + s] = 0;
      }
      for (let s = 0; s < T; s++) {
        const from = dp[s]!;
        if (from === NEG) continue;
        const room = T - s;
        for (let t = 1; t < room; t++) {
          const value = optionValue[options + t]!;
          if (value === NEG || (s & t & 3) !== 0) continue;
          const to = s + t;
          const total = from + value;
          if (total > next[to]!) {
            next[to] = total;
            choice[options + to] = t;
          }
        }
      }
      dp.set(next.subarray(0, T));
    }
    const diversity = this.relaxed.diversityWeight;
    let best = { value: NEG, state: 0, members: 0 };
    for (let m = Math.max(minMembers, 0); m <= maxMembers; m++) {
      if (onlyCap >= 0 && m > 0 && Math.min(m, shareLimit(maxShare, m)) !== onlyCap) continue;
      const state = (m - needsChair - needsDiscussant) * 4 + needsChair * 2 + needsDiscussant;
      const value = m === 0 ? 0 : dp[state]! - diversity;
      if (dp[state]! > NEG && value > best.value) best = { value, state, members: m };
    }
    return best;
  }

  /** The q-th group's options under `cap`: its side table for a single nation; for a pair, the best of A alone, B alone and both (realised). */
  private combineOptions(q: number, cap: number, maxPresenters: number, hasChair: boolean): void {
    const T = (maxPresenters + 1) * 4;
    const out = q * this.tableSize;
    const { optionValue, optionKind, optionA, optionB, sideValue } = this;
    for (let t = 0; t < T; t++) optionValue[out + t] = NEG;
    const group = this.relaxed.groups[this.groupOrder[q]!]!;
    if (group.nations.length === 1) {
      const single = this.sideAt(q, 0);
      for (let t = 0; t < T; t++) {
        if (memberCount(t) > cap) continue;
        optionValue[out + t] = sideValue[single + t]!;
        optionKind[out + t] = SINGLE;
        optionA[out + t] = t;
      }
      return;
    }
    const onlyA = this.sideAt(q, 0);
    const onlyB = this.sideAt(q, 2);
    for (let t = 0; t < T; t++) {
      if (memberCount(t) > cap) continue;
      const a = sideValue[onlyA + t]!;
      const b = sideValue[onlyB + t]!;
      optionValue[out + t] = a >= b ? a : b;
      optionKind[out + t] = a >= b ? ONLY_A : ONLY_B;
      optionA[out + t] = a >= b ? t : 0;
      optionB[out + t] = a >= b ? 0 : t;
    }
    const { neutralChair, minSide, maxImbalance } = this.relaxed.problem.dialogueSafety;
    const chairFree = !(neutralChair && hasChair);
    const meetA = this.sideAt(q, 1);
    const meetB = this.sideAt(q, 3);
    for (let a = 1; a < T; a++) {
      const valueA = sideValue[meetA + a]!;
      const countA = memberCount(a);
      if (valueA === NEG || countA > cap || countA < minSide - group.slackA) continue;
      if (!chairFree && (a & 2) !== 0) continue;
      for (let b = 1; a + b < T; b++) {
        const valueB = sideValue[meetB + b]!;
        const countB = memberCount(b);
        if (valueB === NEG || countB > cap || countB < minSide - group.slackB || (a & b & 3) !== 0) continue;
        if (!chairFree && (b & 2) !== 0) continue;
        if (countA - countB > maxImbalance + group.slackB || countB - countA > maxImbalance + group.slackA) continue;
        const value = valueA + valueB + group.pairGain;
        const t = out + a + b;
        if (value > optionValue[t]!) {
          optionValue[t] = value;
          optionKind[t] = REALISED;
          optionA[t] = a;
          optionB[t] = b;
        }
      }
    }
  }

  /** Walks the DP's choices back from `state`: the option each group took (0: none), into `chosen`. */
  private backtrack(groupCount: number, state: number): void {
    let s = state;
    for (let q = groupCount - 1; q >= 0; q--) {
      const t = this.choice[q * this.tableSize + s]!;
      this.chosen[q] = t;
      s -= t;
    }
  }

  /** Does the DP's answer ending in `state` put more than `cap` members in one nation? */
  private usesMoreThan(groupCount: number, state: number, cap: number): boolean {
    this.backtrack(groupCount, state);
    for (let q = 0; q < groupCount; q++) {
      const t = this.chosen[q]!;
      if (t === 0) continue;
      const at = q * this.tableSize + t;
      const most = this.optionKind[at] === REALISED ? Math.max(memberCount(this.optionA[at]!), memberCount(this.optionB[at]!)) : memberCount(t);
      if (most > cap) return true;
    }
    return false;
  }

  private emitMembers(groupCount: number, state: number, sink: MemberSink): void {
    this.backtrack(groupCount, state);
    for (let q = 0; q < groupCount; q++) {
      const t = this.chosen[q]!;
      if (t === 0) continue;
      const at = q * this.tableSize + t;
      const nations = this.relaxed.groups[this.groupOrder[q]!]!.nations;
      const kind = this.optionKind[at]!;
      const a = this.optionA[at]!;
      const b = this.optionB[at]!;
      if (nations.length === 1 || kind === ONLY_A) this.emitSide(nations[0]! * KINDS, this.sideAt(q, 0), a, sink);
      else if (kind === ONLY_B) this.emitSide(nations[1]! * KINDS, this.sideAt(q, 2), b, sink);
      else {
        this.emitSide(this.meetLists(nations[0]!), this.sideAt(q, 1), a, sink);
        this.emitSide(this.meetLists(nations[1]!), this.sideAt(q, 3), b, sink);
      }
    }
  }

  /** Start of the q-th group's side table s (0: A or the single nation, 1: A meeting, 2: B, 3: B meeting). */
  private sideAt(q: number, s: number): number {
    return (q * 4 + s) * this.tableSize;
  }

  private meetLists(nation: number): number {
    return this.allMeet[nation] === 1 ? nation * KINDS : nation * KINDS + MEET;
  }

  private emitSide(lists: number, table: number, t: number, sink: MemberSink): void {
    const c = this.sideChair[table + t]!;
    const d = this.sideDiscussant[table + t]!;
    const chairWho = c < 0 ? -1 : this.topWho[(lists + CHAIR) * this.width + c]!;
    const discussantWho = d < 0 ? -1 : this.topWho[(lists + DISCUSSANT) * this.width + d]!;
    if (chairWho >= 0) sink.add(chairWho, CHAIR);
    if (discussantWho >= 0) sink.add(discussantWho, DISCUSSANT);
    let j = t >> 2;
    const presenters = (lists + PRESENTER) * this.width;
    for (let x = 0; j > 0; x++) {
      const who = this.topWho[presenters + x]!;
      if (who === chairWho || who === discussantWho) continue;
      sink.add(who, PRESENTER);
      j--;
    }
  }
}
