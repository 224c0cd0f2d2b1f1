// The mutable search state: who holds which role where, plus the counters every rule needs (members, presenters
// and role holders per panel, roles per participant). A rule that needs more (nationalities per panel, conflicting
// co-members, affinity weight per panel, ...) keeps it in a tracker of its own, declared in its file in
// src/constraints/ and attached with `use`: one change (participant, panel, role) updates the core counters, then
// each attached tracker, so rules score a panel or a participant from counters alone and a move costs a few panel
// evaluations, never a full re-score.
import { NONE, type Assignment, type PanelRoster, type Problem } from "../../model/problem.js";
import { affinityWeightsOf } from "../../model/affinity-weights.js";

export const ROLE_NONE = 0;
export const ROLE_PRESENTER = 1;
export const ROLE_CHAIR = 2;
export const ROLE_DISCUSSANT = 3;
export type Role = 0 | 1 | 2 | 3;

/**
 * Counters a rule keeps beside the core ones; told of every role taken and left, after the core counters. It reads
 * the state's member lists and role cells only for the panel being changed (when a tracker is attached to a state
 * that already holds roles, each panel's members join again while the other counters stay as they are). Write it as
 * a class (see shared/categories.ts), not as an object of closures: every state's tracker then shares one add and
 * one remove, so the call sites in `tell` keep their target when a search builds a new state, and V8 keeps its
 * optimised, inlined code instead of starting over.
 */
export interface Tracker {
  /** i now holds `role` on p: the core counters and membersByPanel already include it. */
  add(i: number, p: number, role: Role): void;
  /** i no longer holds `role` on p: the core counters and membersByPanel no longer include it. */
  remove(i: number, p: number, role: Role): void;
}

/** How to build one kind of tracker; a state holds at most one tracker per kind, shared by every rule that uses it. */
export interface TrackerKind<T extends Tracker> {
  readonly name: string;
  create(state: SearchState): T;
}

export class SearchState {
  readonly problem: Problem;
  readonly participantCount: number;
  readonly panelCount: number;

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

  private readonly trackers: Tracker[] = [];
  private readonly trackerByKind = new Map<TrackerKind<Tracker>, Tracker>();

  constructor(problem: Problem) {
    this.problem = problem;
    const n = problem.participantCount;
    const panels = problem.panelCount;
    this.participantCount = n;
    this.panelCount = panels;
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
  }

  /**
   * The tracker of this kind, created on first use and from then on kept up to date with every change; a tracker
   * attached to a state that already holds roles is told of each of them first.
   */
  use<T extends Tracker>(kind: TrackerKind<T>): T {
    const known = this.trackerByKind.get(kind);
    if (known !== undefined) return known as T;
    const tracker = kind.create(this);
    // Each panel's members join again, in their order, as the tracker watches: a tracker that counts pairs of
    // co-members sees each pair once. Only the panel's member list and role cells are rewound meanwhile.
    const panels = this.panelCount;
    const roles = this.roleByParticipantPanel;
    for (let p = 0; p < panels; p++) {
      const list = this.membersByPanel[p]!;
      const members = [...list];
      const held = members.map((i) => roles[i * panels + p]! as Role);
      for (const i of members) roles[i * panels + p] = ROLE_NONE;
      list.length = 0;
      members.forEach((i, k) => {
        roles[i * panels + p] = held[k]!;
        list.push(i);
        tracker.add(i, p, held[k]!);
      });
    }
    this.trackers.push(tracker);
    this.trackerByKind.set(kind, tracker);
    return tracker;
  }

  /** Dense pair weights of the affinity term (n x n), or null when affinities are sparse: read by the grouping engine. */
  get affinityMatrix(): Float64Array | null {
    return affinityWeightsOf(this.problem).matrix;
  }

  role(i: number, p: number): Role {
    return this.roleByParticipantPanel[i * this.panelCount + p]! as Role;
  }

  /** Set i's role on p (ROLE_NONE removes it), updating every counter. */
  setRole(i: number, p: number, next: Role): void {
    const previous = this.roleByParticipantPanel[i * this.panelCount + p]! as Role;
    if (previous === next) return;
    if (previous !== ROLE_NONE) this.removeRole(i, p, previous);
    if (next !== ROLE_NONE) this.addRole(i, p, next);
  }

  private addRole(i: number, p: number, role: Role): void {
    this.roleByParticipantPanel[i * this.panelCount + p] = role;
    this.membersByPanel[p]!.push(i);
    this.panelsByParticipant[i]!.push(p);
    if (role === ROLE_PRESENTER) {
      this.presenterCountByPanel[p]!++;
      this.presentCountByParticipant[i]!++;
    } else if (role === ROLE_CHAIR) {
      this.chairByPanel[p] = i;
      this.chairCountByParticipant[i]!++;
    } else {
      this.discussantByPanel[p] = i;
      this.discussCountByParticipant[i]!++;
    }
    this.tell(i, p, role, true);
  }

  private removeRole(i: number, p: number, role: Role): void {
    this.roleByParticipantPanel[i * this.panelCount + p] = ROLE_NONE;
    removeValue(this.membersByPanel[p]!, i);
    removeValue(this.panelsByParticipant[i]!, p);
    if (role === ROLE_PRESENTER) {
      this.presenterCountByPanel[p]!--;
      this.presentCountByParticipant[i]!--;
    } else if (role === ROLE_CHAIR) {
      if (this.chairByPanel[p] === i) this.chairByPanel[p] = NONE;
      this.chairCountByParticipant[i]!--;
    } else {
      if (this.discussantByPanel[p] === i) this.discussantByPanel[p] = NONE;
      this.discussCountByParticipant[i]!--;
    }
    this.tell(i, p, role, false);
  }

  /**
   * Tells every tracker of a change. Written out slot by slot on purpose: each call site then sees the same kind of
   * tracker on every call (they are attached in the same order for a given program), so V8 inlines it, where one
   * loop over all trackers is a megamorphic call per tracker and change (measured: about a quarter of the search's
   * iterations per second at 6,000 participants).
   */
  private tell(i: number, p: number, role: Role, added: boolean): void {
    const t = this.trackers;
    const n = t.length;
    if (added) {
      if (n > 0) t[0]!.add(i, p, role);
      if (n > 1) t[1]!.add(i, p, role);
      if (n > 2) t[2]!.add(i, p, role);
      if (n > 3) t[3]!.add(i, p, role);
      if (n > 4) t[4]!.add(i, p, role);
      if (n > 5) t[5]!.add(i, p, role);
      if (n > 6) t[6]!.add(i, p, role);
      if (n > 7) t[7]!.add(i, p, role);
      if (n > 8) t[8]!.add(i, p, role);
      if (n > 9) t[9]!.add(i, p, role);
      for (let k = 10; k < n; k++) t[k]!.add(i, p, role);
    } else {
      if (n > 0) t[0]!.remove(i, p, role);
      if (n > 1) t[1]!.remove(i, p, role);
      if (n > 2) t[2]!.remove(i, p, role);
      if (n > 3) t[3]!.remove(i, p, role);
      if (n > 4) t[4]!.remove(i, p, role);
      if (n > 5) t[5]!.remove(i, p, role);
      if (n > 6) t[6]!.remove(i, p, role);
      if (n > 7) t[7]!.remove(i, p, role);
      if (n > 8) t[8]!.remove(i, p, role);
      if (n > 9) t[9]!.remove(i, p, role);
      for (let k = 10; k < n; k++) t[k]!.remove(i, p, role);
    }
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
