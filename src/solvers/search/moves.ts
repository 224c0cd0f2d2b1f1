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
  // Mostly keep co-authors together; sometimes move one alone so a split group can be mended.
  return relocate(ctx, move, random, i, from, to, random.next() < 0.8);
}

/**
 * i's presenter role moves from `from` to `to` (with the co-authors presenting beside them when `withGroup`).
 * When `to` would overflow, as many of its other presenters move back to `from`: a relocation into a full panel
 * becomes an exchange instead of a size violation.
 */
export function relocate(ctx: MoveContext, move: Move, random: Random, i: number, from: number, to: number, withGroup: boolean): boolean {
  const state = ctx.state;
  const problem = state.problem;
  if (from === to || from === NONE || to === NONE) return false;
  move.clear();
  const group = problem.groupByParticipant[i]!;
  let moved = 0;
  if (group !== NONE && withGroup) {
    for (const j of problem.groups[group]!) {
      if (state.role(j, from) !== ROLE_PRESENTER) continue;
      if (!mayTakePresenter(state, j, from, to)) return false;
      move.push(state, j, from, ROLE_NONE);
      move.push(state, j, to, ROLE_PRESENTER);
      moved++;
    }
  } else {
    if (!mayTakePresenter(state, i, from, to)) return false;
    move.push(state, i, from, ROLE_NONE);
    move.push(state, i, to, ROLE_PRESENTER);
    moved = 1;
  }
  let excess = state.presenterCountByPanel[to]! + moved - problem.maxPresentersByPanel[to]!;
  if (excess <= 0 || state.presenterCountByPanel[from]! - moved >= problem.maxPresentersByPanel[from]!) return true;
  const members = state.membersByPanel[to]!;
  const P = state.panelCount;
  const offset = random.int(Math.max(1, members.length));
  for (let k = 0; k < members.length && excess > 0; k++) {
    const j = members[(offset + k) % members.length]!;
    if (state.roleByParticipantPanel[j * P + to] !== ROLE_PRESENTER || !mayTakePresenter(state, j, to, from)) continue;
    const g = problem.groupByParticipant[j]!;
    if (g !== NONE && g === group) continue;
    move.push(state, j, to, ROLE_NONE);
    move.push(state, j, from, ROLE_PRESENTER);
    excess--;
  }
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
  return swap(ctx, move, i, randomPresenterPanel(state, i, random), j, randomPresenterPanel(state, j, random));
}

export function swap(ctx: MoveContext, move: Move, i: number, p: number, j: number, q: number): boolean {
  const state = ctx.state;
  if (p === NONE || q === NONE || p === q || i === j) return false;
  if (!mayTakePresenter(state, i, p, q) || !mayTakePresenter(state, j, q, p)) return false;
  move.clear();
  move.push(state, i, p, ROLE_NONE);
  move.push(state, j, q, ROLE_NONE);
  move.push(state, i, q, ROLE_PRESENTER);
  move.push(state, j, p, ROLE_PRESENTER);
  return true;
}

/**
 * A move aimed at a violated entity (the evaluator keeps the lists): change something about that panel,
 * participant or co-author group. Random moves alone rarely hit the few broken places of a big program.
 */
export function drawRepair(ctx: MoveContext, move: Move, random: Random, scope: number, entity: number): boolean {
  const state = ctx.state;
  const problem = state.problem;
  const P = state.panelCount;
  if (scope === 0) {
    const p = entity;
    const members = state.membersByPanel[p]!;
    const short = state.presenterCountByPanel[p]! < problem.minPresentersByPanel[p]!;
    if (members.length === 0 || (short && random.next() < 0.5)) return drawRelocate(ctx, move, random, p);
    const needsChair = problem.needsChairByPanel[p] === 1 && state.chairByPanel[p] === NONE;
    const needsDiscussant = problem.needsDiscussantByPanel[p] === 1 && state.discussantByPanel[p] === NONE;
    if (needsChair && random.next() < 0.5) return reassign(ctx, move, random, p, ROLE_CHAIR);
    if (needsDiscussant && random.next() < 0.5) return reassign(ctx, move, random, p, ROLE_DISCUSSANT);
    return moveRole(ctx, move, random, members[random.int(members.length)]!, p);
  }
  if (scope === 1) {
    // A presentation the construction could not place: give it a panel (then the usual moves take over).
    if (state.presentCountByParticipant[entity]! < problem.presentsByParticipant[entity]!) {
      const p = random.int(P);
      if (state.roleByParticipantPanel[entity * P + p] !== ROLE_NONE || problem.mayPresent[entity * P + p] !== 1) {
        const panels = state.panelsByParticipant[entity]!;
        return panels.length > 0 && moveRole(ctx, move, random, entity, panels[random.int(panels.length)]!);
      }
      move.clear();
      move.push(state, entity, p, ROLE_PRESENTER);
      return true;
    }
    const panels = state.panelsByParticipant[entity]!;
    if (panels.length === 0) return false;
    return moveRole(ctx, move, random, entity, panels[random.int(panels.length)]!);
  }
  if (scope === 2) {
    // Bring one co-author to a panel where another one presents.
    const group = problem.groups[entity]!;
    const i = group[random.int(group.length)]!;
    const j = group[random.int(group.length)]!;
    const from = randomPresenterPanel(state, i, random);
    const to = randomPresenterPanel(state, j, random);
    if (from === NONE || to === NONE || state.roleByParticipantPanel[i * P + to] !== ROLE_NONE) return false;
    return relocate(ctx, move, random, i, from, to, false);
  }
  return false;
}

/** Change i's role on p: a presenter goes elsewhere or trades places; a chair or discussant hands over. */
function moveRole(ctx: MoveContext, move: Move, random: Random, i: number, p: number): boolean {
  const state = ctx.state;
  const role = state.role(i, p);
  if (role === ROLE_PRESENTER) {
    if (random.next() < 0.5 || ctx.movablePresenters.length < 2) {
      return relocate(ctx, move, random, i, p, random.int(state.panelCount), random.next() < 0.5);
    }
    const j = ctx.movablePresenters[random.int(ctx.movablePresenters.length)]!;
    return swap(ctx, move, i, p, j, randomPresenterPanel(state, j, random));
  }
  if (role === ROLE_CHAIR || role === ROLE_DISCUSSANT) {
    if (state.pinnedByParticipantPanel[i * state.panelCount + p] !== ROLE_NONE) return false;
    return reassign(ctx, move, random, p, role);
  }
  return false;
}

/** Give a panel's chair (or discussant) role to someone else, or exchange the holders of two panels. */
export function drawReassign(ctx: MoveContext, move: Move, random: Random, role: typeof ROLE_CHAIR | typeof ROLE_DISCUSSANT): boolean {
  const panels = role === ROLE_CHAIR ? ctx.chairPanels : ctx.discussantPanels;
  const candidates = role === ROLE_CHAIR ? ctx.chairCandidates : ctx.discussantCandidates;
  if (panels.length === 0 || candidates.length === 0) return false;
  const p = panels[random.int(panels.length)]!;
  return reassign(ctx, move, random, p, role, panels.length > 1 && random.next() < 0.3 ? panels[random.int(panels.length)]! : NONE);
}

/** Give p's chair (or discussant) role to a random candidate, or exchange holders with panel `exchangeWith`. */
function reassign(
  ctx: MoveContext,
  move: Move,
  random: Random,
  p: number,
  role: typeof ROLE_CHAIR | typeof ROLE_DISCUSSANT,
  exchangeWith = NONE,
): boolean {
  const state = ctx.state;
  const problem = state.problem;
  const candidates = role === ROLE_CHAIR ? ctx.chairCandidates : ctx.discussantCandidates;
  const holderByPanel = role === ROLE_CHAIR ? state.chairByPanel : state.discussantByPanel;
  const pinned = role === ROLE_CHAIR ? problem.pinnedChairByPanel : problem.pinnedDiscussantByPanel;
  const needs = role === ROLE_CHAIR ? problem.needsChairByPanel : problem.needsDiscussantByPanel;
  if (candidates.length === 0 || needs[p] !== 1 || pinned[p] !== NONE) return false;
  const current = holderByPanel[p]!;
  const P = state.panelCount;
  move.clear();
  if (current !== NONE && exchangeWith !== NONE) {
    const q = exchangeWith;
    const other = holderByPanel[q]!;
    if (q === p || other === NONE || other === current || pinned[q] !== NONE) return false;
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
