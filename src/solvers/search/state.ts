// The mutable search state: who holds which role where, plus every counter the rule evaluators read. One change
// (participant, panel, role) updates the counters in O(nationalities + panel size); rules then score a panel or a
// participant from counters alone, so a move costs a few panel evaluations, never a full re-score.
import { NONE, sortedIncludes, type Assignment, type PanelRoster, type Problem } from "../../model/problem.js";

export const ROLE_NONE = 0;
export const ROLE_PRESENTER = 1;
export const ROLE_CHAIR = 2;
export const ROLE_DISCUSSANT = 3;
export type Role = 0 | 1 | 2 | 3;

/** Dense affinity matrices above this many participants would cost too much memory (n² doubles). */
const DENSE_AFFINITY_MAX_PARTICIPANTS = 2500;

export class SearchState {
  readonly problem: Problem;
  readonly participantCount: number;
  readonly panelCount: number;
  readonly slotCount: number;
  readonly nationalityCount: number;
  readonly pairCount: number;

  /** Role of participant i on panel p, [i * panelCount + p]. */
  readonly roleByParticipantPanel: Int8Array;
  /** Pinned role of i on p (0 when not pinned), [i * panelCount + p]. */
  readonly pinnedByParticipantPanel: Int8Array;
  readonly membersByPanel: number[][];
  readonly panelsByParticipant: number[][];

  readonly presenterCountByPanel: Int32Array;
  readonly chairByPanel: Int32Array;
  readonly discussantByPanel: Int32Array;
  readonly presentCountByParticipant: Int32Array;
  readonly chairCountByParticipant: Int32Array;
  readonly discussCountByParticipant: Int32Array;
  /** Panels participant i holds a role on in slot s, [i * slotCount + s]. */
  readonly occupancyByParticipantSlot: Int32Array;

  /** Members of p holding nationality c, [p * nationalityCount + c]. */
  readonly nationalityCountByPanel: Int32Array;
  readonly distinctNationalitiesByPanel: Int32Array;
  /** Per balance rule: members of p holding value v, [p * values + v], and distinct values per panel. */
  readonly attributeCountByPanel: Int32Array[];
  readonly distinctAttributesByPanel: Int32Array[];
  /** Members of p holding both nations of dialogue pair k (dual nationals), [p * pairCount + k]. */
  readonly bothSidesByPanelPair: Int32Array;
  /** Dialogue pairs for which participant i holds both nations (usually empty). */
  readonly bothPairsByParticipant: readonly Int32Array[];
  /** Pairs of co-members that may not share a panel. */
  readonly conflictPairsByPanel: Int32Array;
  readonly topicFitByPanel: Int32Array;
  /** Members who may not join p, plus presenters who may not present on p. */
  readonly ineligibleByPanel: Int32Array;
  readonly affinityByPanel: Float64Array;
  /** n × n affinity weights when affinities are dense (MDGP), else null and the sparse lists are used. */
  readonly affinityMatrix: Float64Array | null;
  readonly affinityNeighbours: readonly Int32Array[];
  readonly affinityWeights: readonly Float64Array[];
  readonly selfAffinity: Float64Array;

  /** Baseline role per (participant, panel), null without a baseline. */
  readonly baselineRole: Int8Array | null;
  /** (panel, role) entries of i that differ from the baseline; participants whose baseline cannot be held start at 1. */
  readonly differencesByParticipant: Int32Array;
  changedParticipants = 0;

  /** Scratch stamps for deduplicating nationalities / slots / panels inside one evaluation. */
  readonly stampByNationality: Int32Array;
  readonly stampBySlot: Int32Array;
  stamp = 0;

  constructor(problem: Problem) {
    this.problem = problem;
    const n = problem.participantCount;
    const panels = problem.panelCount;
    this.participantCount = n;
    this.panelCount = panels;
    this.slotCount = problem.slotCount;
    this.nationalityCount = problem.nationalityCodes.length;
    this.pairCount = problem.dialoguePairs.length;
    this.roleByParticipantPanel = new Int8Array(n * panels);
    this.pinnedByParticipantPanel = new Int8Array(n * panels);
    for (let p = 0; p < panels; p++) {
      for (const i of problem.pinnedPresentersByPanel[p]!) this.pinnedByParticipantPanel[i * panels + p] = ROLE_PRESENTER;
      const chair = problem.pinnedChairByPanel[p]!;
      if (chair !== NONE) this.pinnedByParticipantPanel[chair * panels + p] = ROLE_CHAIR;
      const discussant = problem.pinnedDiscussantByPanel[p]!;
      if (discussant !== NONE) this.pinnedByParticipantPanel[discussant * panels + p] = ROLE_DISCUSSANT;
    }
    this.membersByPanel = Array.from({ length: panels }, () => []);
    this.panelsByParticipant = Array.from({ length: n }, () => []);
    this.presenterCountByPanel = new Int32Array(panels);
    this.chairByPanel = new Int32Array(panels).fill(NONE);
    this.discussantByPanel = new Int32Array(panels).fill(NONE);
    this.presentCountByParticipant = new Int32Array(n);
    this.chairCountByParticipant = new Int32Array(n);
    this.discussCountByParticipant = new Int32Array(n);
    this.occupancyByParticipantSlot = new Int32Array(n * this.slotCount);
    this.nationalityCountByPanel = new Int32Array(panels * this.nationalityCount);
    this.distinctNationalitiesByPanel = new Int32Array(panels);
    this.attributeCountByPanel = problem.balanceRules.map((rule) => new Int32Array(panels * rule.values.length));
    this.distinctAttributesByPanel = problem.balanceRules.map(() => new Int32Array(panels));
    this.bothSidesByPanelPair = new Int32Array(panels * this.pairCount);
    this.bothPairsByParticipant = problem.nationalitiesByParticipant.map((codes) =>
      Int32Array.from(
        problem.dialoguePairs.flatMap((pair, k) => (pair.a !== pair.b && codes.includes(pair.a) && codes.includes(pair.b) ? [k] : [])),
      ),
    );
    this.conflictPairsByPanel = new Int32Array(panels);
    this.topicFitByPanel = new Int32Array(panels);
    this.ineligibleByPanel = new Int32Array(panels);
    this.affinityByPanel = new Float64Array(panels);
    this.selfAffinity = new Float64Array(n);

    // Affinities: one symmetric weight per unordered pair (repeated pairs add up).
    const dense = problem.affinities.length * 4 >= n * n && n <= DENSE_AFFINITY_MAX_PARTICIPANTS;
    this.affinityMatrix = dense ? new Float64Array(n * n) : null;
    const neighbours: Map<number, number>[] = dense ? [] : Array.from({ length: n }, () => new Map());
    for (const { i, j, weight } of problem.affinities) {
      if (i === j) this.selfAffinity[i]! += weight;
      else if (this.affinityMatrix !== null) {
        this.affinityMatrix[i * n + j]! += weight;
        this.affinityMatrix[j * n + i]! += weight;
      } else {
        neighbours[i]!.set(j, (neighbours[i]!.get(j) ?? 0) + weight);
        neighbours[j]!.set(i, (neighbours[j]!.get(i) ?? 0) + weight);
      }
    }
    this.affinityNeighbours = neighbours.map((m) => Int32Array.from(m.keys()));
    this.affinityWeights = neighbours.map((m) => Float64Array.from(m.values()));

    this.differencesByParticipant = new Int32Array(n);
    if (problem.baseline === null) {
      this.baselineRole = null;
    } else {
      this.baselineRole = new Int8Array(n * panels);
      problem.baseline.panels.forEach((roster, p) => {
        if (p >= panels) return;
        const hold = (i: number, role: Role) => {
          if (i === NONE || i >= n) return;
          const idx = i * panels + p;
          // Two baseline roles on one panel cannot both be held again: that participant has changed for sure.
          if (this.baselineRole![idx] !== ROLE_NONE) this.differencesByParticipant[i] = 1;
          else this.baselineRole![idx] = role;
        };
        for (const i of roster.presenters) hold(i, ROLE_PRESENTER);
        hold(roster.chair, ROLE_CHAIR);
        hold(roster.discussant, ROLE_DISCUSSANT);
      });
      // Every baseline role is missing in the empty state.
      for (let idx = 0; idx < n * panels; idx++) {
        if (this.baselineRole[idx] !== ROLE_NONE) this.differencesByParticipant[Math.floor(idx / panels)]! += 1;
      }
      for (let i = 0; i < n; i++) if (this.differencesByParticipant[i]! > 0) this.changedParticipants++;
    }

    this.stampByNationality = new Int32Array(this.nationalityCount);
    this.stampBySlot = new Int32Array(this.slotCount);
  }

  role(i: number, p: number): Role {
    return this.roleByParticipantPanel[i * this.panelCount + p]! as Role;
  }

  nextStamp(): number {
    return ++this.stamp;
  }

  /** Set i's role on p (ROLE_NONE removes it), updating every counter. */
  setRole(i: number, p: number, next: Role): void {
    const idx = i * this.panelCount + p;
    const previous = this.roleByParticipantPanel[idx]! as Role;
    if (previous === next) return;
    if (previous !== ROLE_NONE) this.removeRole(i, p, previous);
    if (next !== ROLE_NONE) this.addRole(i, p, next);
    if (this.baselineRole !== null) {
      const base = this.baselineRole[idx]!;
      const before = this.differencesByParticipant[i]!;
      const after = before + (next !== base ? 1 : 0) - (previous !== base ? 1 : 0);
      this.differencesByParticipant[i] = after;
      if (before === 0 && after > 0) this.changedParticipants++;
      else if (before > 0 && after === 0) this.changedParticipants--;
    }
  }

  private addRole(i: number, p: number, role: Role): void {
    const problem = this.problem;
    const idx = i * this.panelCount + p;
    // Counters that look at co-members are updated before i joins the member list.
    this.conflictPairsByPanel[p]! += this.conflictsWithMembers(i, p);
    this.affinityByPanel[p]! += this.affinityWithMembers(i, p) + this.selfAffinity[i]!;
    this.roleByParticipantPanel[idx] = role;
    this.membersByPanel[p]!.push(i);
    this.panelsByParticipant[i]!.push(p);
    if (role === ROLE_PRESENTER) {
      this.presenterCountByPanel[p]!++;
      this.presentCountByParticipant[i]!++;
      this.topicFitByPanel[p]! += problem.topicMatch[idx]!;
      this.ineligibleByPanel[p]! += 1 - problem.mayPresent[idx]!;
    } else {
      if (role === ROLE_CHAIR) {
        this.chairByPanel[p] = i;
        this.chairCountByParticipant[i]!++;
      } else {
        this.discussantByPanel[p] = i;
        this.discussCountByParticipant[i]!++;
      }
      this.ineligibleByPanel[p]! += 1 - problem.mayJoin[idx]!;
    }
    const slot = problem.slotByPanel[p]!;
    if (slot !== NONE) this.occupancyByParticipantSlot[i * this.slotCount + slot]!++;
    const base = p * this.nationalityCount;
    for (const c of problem.nationalitiesByParticipant[i]!) {
      if (this.nationalityCountByPanel[base + c]!++ === 0) this.distinctNationalitiesByPanel[p]!++;
    }
    for (const k of this.bothPairsByParticipant[i]!) this.bothSidesByPanelPair[p * this.pairCount + k]!++;
    const rules = problem.balanceRules;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const v = rule.valueByParticipant[i]!;
      if (v === NONE) continue;
      if (this.attributeCountByPanel[r]![p * rule.values.length + v]!++ === 0) this.distinctAttributesByPanel[r]![p]!++;
    }
  }

  private removeRole(i: number, p: number, role: Role): void {
    const problem = this.problem;
    const idx = i * this.panelCount + p;
    this.roleByParticipantPanel[idx] = ROLE_NONE;
    removeValue(this.membersByPanel[p]!, i);
    removeValue(this.panelsByParticipant[i]!, p);
    this.conflictPairsByPanel[p]! -= this.conflictsWithMembers(i, p);
    this.affinityByPanel[p]! -= this.affinityWithMembers(i, p) + this.selfAffinity[i]!;
    if (role === ROLE_PRESENTER) {
      this.presenterCountByPanel[p]!--;
      this.presentCountByParticipant[i]!--;
      this.topicFitByPanel[p]! -= problem.topicMatch[idx]!;
      this.ineligibleByPanel[p]! -= 1 - problem.mayPresent[idx]!;
    } else {
      if (role === ROLE_CHAIR) {
        if (this.chairByPanel[p] === i) this.chairByPanel[p] = NONE;
        this.chairCountByParticipant[i]!--;
      } else {
        if (this.discussantByPanel[p] === i) this.discussantByPanel[p] = NONE;
        this.discussCountByParticipant[i]!--;
      }
      this.ineligibleByPanel[p]! -= 1 - problem.mayJoin[idx]!;
    }
    const slot = problem.slotByPanel[p]!;
    if (slot !== NONE) this.occupancyByParticipantSlot[i * this.slotCount + slot]!--;
    const base = p * this.nationalityCount;
    for (const c of problem.nationalitiesByParticipant[i]!) {
      if (--this.nationalityCountByPanel[base + c]! === 0) this.distinctNationalitiesByPanel[p]!--;
    }
    for (const k of this.bothPairsByParticipant[i]!) this.bothSidesByPanelPair[p * this.pairCount + k]!--;
    const rules = problem.balanceRules;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const v = rule.valueByParticipant[i]!;
      if (v === NONE) continue;
      if (--this.attributeCountByPanel[r]![p * rule.values.length + v]! === 0) this.distinctAttributesByPanel[r]![p]!--;
    }
  }

  /** Members of p other than i that i may not share a panel with. */
  conflictsWithMembers(i: number, p: number): number {
    const conflicts = this.problem.conflictsByParticipant[i]!;
    if (conflicts.length === 0) return 0;
    const members = this.membersByPanel[p]!;
    let count = 0;
    // Few conflicts: look each up in the role matrix; many: binary-search each co-member (no scattered reads).
    if (conflicts.length <= members.length) {
      const panels = this.panelCount;
      for (let k = 0; k < conflicts.length; k++) {
        const j = conflicts[k]!;
        if (this.roleByParticipantPanel[j * panels + p] !== ROLE_NONE) count++;
      }
      return count;
    }
    for (let k = 0; k < members.length; k++) {
      const j = members[k]!;
      if (j !== i && sortedIncludes(conflicts, j)) count++;
    }
    return count;
  }

  /** Sum of affinity weights between i and the other members of p. */
  affinityWithMembers(i: number, p: number): number {
    const members = this.membersByPanel[p]!;
    let sum = 0;
    const matrix = this.affinityMatrix;
    if (matrix !== null) {
      const row = i * this.participantCount;
      for (let k = 0; k < members.length; k++) {
        const j = members[k]!;
        if (j !== i) sum += matrix[row + j]!;
      }
      return sum;
    }
    const neighbours = this.affinityNeighbours[i]!;
    if (neighbours.length === 0) return 0;
    const weights = this.affinityWeights[i]!;
    const panels = this.panelCount;
    for (let k = 0; k < neighbours.length; k++) {
      if (this.roleByParticipantPanel[neighbours[k]! * panels + p] !== ROLE_NONE) sum += weights[k]!;
    }
    return sum;
  }

  memberCount(p: number): number {
    return this.membersByPanel[p]!.length;
  }

  /** The current assignment as index rosters (presenters in ascending order, for stable output). */
  toAssignment(): Assignment {
    const panels: PanelRoster[] = [];
    for (let p = 0; p < this.panelCount; p++) {
      const presenters = this.membersByPanel[p]!.filter((i) => this.role(i, p) === ROLE_PRESENTER).sort((x, y) => x - y);
      panels.push({ presenters, chair: this.chairByPanel[p]!, discussant: this.discussantByPanel[p]! });
    }
    return { panels };
  }

  /** Replace the current assignment by `assignment` (roles that cannot be held at once are skipped). */
  load(assignment: Assignment): void {
    this.clear();
    assignment.panels.forEach((roster, p) => {
      if (p >= this.panelCount) return;
      const put = (i: number, role: Role) => {
        if (i !== NONE && i < this.participantCount && this.role(i, p) === ROLE_NONE) this.setRole(i, p, role);
      };
      for (const i of roster.presenters) put(i, ROLE_PRESENTER);
      if (roster.chair !== NONE && this.chairByPanel[p] === NONE) put(roster.chair, ROLE_CHAIR);
      if (roster.discussant !== NONE && this.discussantByPanel[p] === NONE) put(roster.discussant, ROLE_DISCUSSANT);
    });
  }

  clear(): void {
    for (let p = 0; p < this.panelCount; p++) {
      const members = [...this.membersByPanel[p]!];
      for (const i of members) this.setRole(i, p, ROLE_NONE);
    }
  }
}

function removeValue(list: number[], value: number): void {
  const at = list.indexOf(value);
  const last = list.pop()!;
  if (at !== list.length) list[at] = last;
}

