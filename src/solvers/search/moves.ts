// Moves as short lists of changes (participant, panel, new role); one (participant, panel) cell per move.
// Generators draw a random move of their kind and return false when the draw is not a legal move (the caller
// simply draws again). Pinned roles are never touched; ineligible targets are never proposed.
import { NONE } from "../../model/problem.js";
import type { Random } from "./random.js";
import { ROLE_CHAIR, ROLE_DISCUSSANT, ROLE_NONE, ROLE_PRESENTER, type Role, type SearchState } from "./state.js";

export class Move {
  participants: Int32Array;
  panels: Int32Array;
  previous: Int8Array;
  next: Int8Array;
  length = 0;

  constructor(capacity = 64) {
    this.participants = new Int32Array(capacity);
    this.panels = new Int32Array(capacity);
    this.previous = new Int8Array(capacity);
    this.next = new Int8Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(state: SearchState, i: number, p: number, next: Role): void {
    if (this.length === this.participants.length) this.grow();
    const k = this.length++;
    this.participants[k] = i;
    this.panels[k] = p;
    this.previous[k] = state.role(i, p);
    this.next[k] = next;
  }

  private grow(): void {
    const size = this.participants.length * 2;
    const copy = <T extends Int32Array | Int8Array>(from: T, to: T) => (to.set(from), to);
    this.participants = copy(this.participants, new Int32Array(size));
    this.panels = copy(this.panels, new Int32Array(size));
    this.previous = copy(this.previous, new Int8Array(size));
    this.next = copy(this.next, new Int8Array(size));
  }
}

/** Which generators apply to a problem, precomputed once. */
export class MoveContext {
  /** Participants with at least one presenter role that is not pinned. */
  readonly movablePresenters: Int32Array;
  readonly chairPanels: Int32Array;
  readonly discussantPanels: Int32Array;
  readonly chairCandidates: Int32Array;
  readonly discussantCandidates: Int32Array;
  /** Panels that may trade whole rosters (same sizes and needs, different slots), by compatibility class. */
  readonly rosterClassByPanel: Int32Array;
  readonly panelsByRosterClass: readonly Int32Array[];

  constructor(readonly state: SearchState) {
    const problem = state.problem;
    const pinnedPresents = new Int32Array(problem.participantCount);
    for (const list of problem.pinnedPresentersByPanel) for (const i of list) pinnedPresents[i]!++;
    const movable: number[] = [];
    for (let i = 0; i < problem.participantCount; i++) {
      if (problem.presentsByParticipant[i]! > pinnedPresents[i]!) movable.push(i);
    }
    this.movablePresenters = Int32Array.from(movable);
    const panelsWhere = (needs: Uint8Array, pinned: Int32Array) => {
      const list: number[] = [];
      for (let p = 0; p < problem.panelCount; p++) if (needs[p] === 1 && pinned[p] === NONE) list.push(p);
      return Int32Array.from(list);
    };
    this.chairPanels = panelsWhere(problem.needsChairByPanel, problem.pinnedChairByPanel);
    this.discussantPanels = panelsWhere(problem.needsDiscussantByPanel, problem.pinnedDiscussantByPanel);
    const candidates = (limit: Int32Array) => {
      const list: number[] = [];
      for (let i = 0; i < problem.participantCount; i++) if (limit[i]! > 0 && problem.maxRoles > 0) list.push(i);
      return Int32Array.from(list);
    };
    this.chairCandidates = candidates(problem.mayChairByParticipant);
    this.discussantCandidates = candidates(problem.mayDiscussByParticipant);

    this.rosterClassByPanel = new Int32Array(problem.panelCount).fill(NONE);
    const classes = new Map<string, number[]>();
    if (problem.slotCount > 1) {
      for (let p = 0; p < problem.panelCount; p++) {
        const pinned =
          problem.pinnedPresentersByPanel[p]!.length > 0 ||
          problem.pinnedChairByPanel[p] !== NONE ||
          problem.pinnedDiscussantByPanel[p] !== NONE;
        if (pinned || problem.slotByPanel[p] === NONE) continue;
        const key = [
          problem.minPresentersByPanel[p],
          problem.maxPresentersByPanel[p],
          problem.needsChairByPanel[p],
          problem.needsDiscussantByPanel[p],
          problem.recordedByPanel[p],
        ].join(",");
        const list = classes.get(key) ?? [];
        list.push(p);
        classes.set(key, list);
      }
    }
    const lists: Int32Array[] = [];
    for (const list of classes.values()) {
      if (list.length < 2 || list.every((p) => problem.slotByPanel[p] === problem.slotByPanel[list[0]!])) continue;
      for (const p of list) this.rosterClassByPanel[p] = lists.length;
      lists.push(Int32Array.from(list));
    }
    this.panelsByRosterClass = lists;
  }

  get hasRosterSwaps(): boolean {
    return this.panelsByRosterClass.length > 0;
  }
}

/** A random non-pinned presenter role of i, or NONE. */
function randomPresenterPanel(state: SearchState, i: number, random: Random): number {
  const panels = state.panelsByParticipant[i]!;
  const row = i * state.panelCount;
  let chosen = NONE;
  let seen = 0;
  for (let k = 0; k < panels.length; k++) {
    const p = panels[k]!;
    if (state.roleByParticipantPanel[row + p] !== ROLE_PRESENTER || state.pinnedByParticipantPanel[row + p] !== ROLE_NONE) continue;
    if (random.int(++seen) === 0) chosen = p;
  }
  return chosen;
}

/** Move one presenter to another panel; a co-author takes the co-authors presenting with them along. */
export function drawRelocate(ctx: MoveContext, move: Move, random: Random, target = NONE): boolean {
  const state = ctx.state;
  const problem = state.problem;
  if (ctx.movablePresenters.length === 0 || problem.panelCount < 2) return false;
  const i = ctx.movablePresenters[random.int(ctx.movablePresenters.length)]!;
  const from = randomPresenterPanel(state, i, random);
  if (from === NONE) return false;
  const to = target === NONE ? random.int(problem.panelCount) : target;
  if (to === from) return false;
  move.clear();
  const group = problem.groupByParticipant[i]!;
  // Mostly keep co-authors together; sometimes move one alone so a split group can be mended.
  if (group !== NONE && random.next() < 0.8) {
    for (const j of problem.groups[group]!) {
      if (state.role(j, from) !== ROLE_PRESENTER) continue;
      if (!mayTakePresenter(state, j, from, to)) return false;
      move.push(state, j, from, ROLE_NONE);
      move.push(state, j, to, ROLE_PRESENTER);
    }
    return true;
  }
  if (!mayTakePresenter(state, i, from, to)) return false;
  move.push(state, i, from, ROLE_NONE);
  move.push(state, i, to, ROLE_PRESENTER);
  return true;
}

function mayTakePresenter(state: SearchState, i: number, from: number, to: number): boolean {
  const idx = i * state.panelCount;
  return (
    state.pinnedByParticipantPanel[idx + from] === ROLE_NONE &&
    state.roleByParticipantPanel[idx + to] === ROLE_NONE &&
    state.problem.mayPresent[idx + to] === 1
  );
}

/** Exchange two presenters of different panels. */
export function drawSwap(ctx: MoveContext, move: Move, random: Random): boolean {
  const state = ctx.state;
  const movable = ctx.movablePresenters;
  if (movable.length < 2) return false;
  const i = movable[random.int(movable.length)]!;
  const j = movable[random.int(movable.length)]!;
  if (i === j) return false;
  const p = randomPresenterPanel(state, i, random);
  const q = randomPresenterPanel(state, j, random);
  if (p === NONE || q === NONE || p === q) return false;
  if (!mayTakePresenter(state, i, p, q) || !mayTakePresenter(state, j, q, p)) return false;
  move.clear();
  move.push(state, i, p, ROLE_NONE);
  move.push(state, j, q, ROLE_NONE);
  move.push(state, i, q, ROLE_PRESENTER);
  move.push(state, j, p, ROLE_PRESENTER);
  return true;
}

/** Give a panel's chair (or discussant) role to someone else, or exchange the holders of two panels. */
export function drawReassign(ctx: MoveContext, move: Move, random: Random, role: typeof ROLE_CHAIR | typeof ROLE_DISCUSSANT): boolean {
  const state = ctx.state;
  const problem = state.problem;
  const panels = role === ROLE_CHAIR ? ctx.chairPanels : ctx.discussantPanels;
  const candidates = role === ROLE_CHAIR ? ctx.chairCandidates : ctx.discussantCandidates;
  const holderByPanel = role === ROLE_CHAIR ? state.chairByPanel : state.discussantByPanel;
  if (panels.length === 0 || candidates.length === 0) return false;
  const p = panels[random.int(panels.length)]!;
  const current = holderByPanel[p]!;
  const P = state.panelCount;
  move.clear();
  if (current !== NONE && panels.length > 1 && random.next() < 0.3) {
    const q = panels[random.int(panels.length)]!;
    const other = holderByPanel[q]!;
    if (q === p || other === NONE || other === current) return false;
    if (state.role(current, q) !== ROLE_NONE || state.role(other, p) !== ROLE_NONE) return false;
    if (problem.mayJoin[current * P + q] !== 1 || problem.mayJoin[other * P + p] !== 1) return false;
    move.push(state, current, p, ROLE_NONE);
    move.push(state, other, q, ROLE_NONE);
    move.push(state, current, q, role);
    move.push(state, other, p, role);
    return true;
  }
  const next = candidates[random.int(candidates.length)]!;
  if (next === current || state.role(next, p) !== ROLE_NONE || problem.mayJoin[next * P + p] !== 1) return false;
  if (current !== NONE) move.push(state, current, p, ROLE_NONE);
  move.push(state, next, p, role);
  return true;
}

/** Trade the whole rosters of two compatible panels in different slots: the same as swapping their slots. */
export function drawRosterSwap(ctx: MoveContext, move: Move, random: Random): boolean {
  const state = ctx.state;
  const problem = state.problem;
  const p = random.int(problem.panelCount);
  const cls = ctx.rosterClassByPanel[p]!;
  if (cls === NONE) return false;
  const peers = ctx.panelsByRosterClass[cls]!;
  const q = peers[random.int(peers.length)]!;
  if (q === p || problem.slotByPanel[p] === problem.slotByPanel[q]) return false;
  move.clear();
  const P = state.panelCount;
  const add = (i: number) => {
    const onP = state.role(i, p);
    const onQ = state.role(i, q);
    if (onP !== onQ) {
      move.push(state, i, p, onQ);
      move.push(state, i, q, onP);
    }
  };
  for (const i of state.membersByPanel[p]!) add(i);
  for (const i of state.membersByPanel[q]!) if (state.roleByParticipantPanel[i * P + p] === ROLE_NONE) add(i);
  // Presenters keep their topic rule; a roster that cannot sit on the other panel is not proposed.
  for (let k = 0; k < move.length; k++) {
    const i = move.participants[k]!;
    const cell = i * P + move.panels[k]!;
    const next = move.next[k]!;
    if (next === ROLE_PRESENTER ? problem.mayPresent[cell] !== 1 : next !== ROLE_NONE && problem.mayJoin[cell] !== 1) return false;
  }
  return move.length > 0;
}
