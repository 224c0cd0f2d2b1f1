// What-if re-solves against a published assignment (Problem.baseline): who changed. A participant has changed when
// their set of (panel, role) differs from the baseline's. Shared by the stability term and the max-moves cap.
import { NONE, type Assignment, type Problem } from "../../model/problem.js";
import type { EncodeContext } from "../../solvers/mip/context.js";
import type { Term } from "../../solvers/mip/linear-model.js";
import { ROLE_CHAIR, ROLE_DISCUSSANT, ROLE_NONE, ROLE_PRESENTER, type Role, type SearchState, type Tracker, type TrackerKind } from "../../solvers/search/state.js";

export interface BaselineChanges extends Tracker {
  /** (panel, role) entries of i that differ from the baseline; participants whose baseline cannot be held start at 1. */
  readonly differencesByParticipant: Int32Array;
  /** Participants with at least one difference. */
  changedParticipants(): number;
}

class BaselineChangeTracker implements BaselineChanges {
  readonly differencesByParticipant: Int32Array;
  /** Baseline role per (participant, panel), [i * panelCount + p]. */
  private readonly baselineRole: Int8Array;
  private readonly panelCount: number;
  private changed = 0;

  constructor(state: SearchState) {
    const problem = state.problem;
    const n = state.participantCount;
    const panels = state.panelCount;
    this.panelCount = panels;
    const differencesByParticipant = (this.differencesByParticipant = new Int32Array(n));
    const baselineRole = (this.baselineRole = new Int8Array(n * panels));
    problem.baseline?.panels.forEach((roster, p) => {
      if (p >= panels) return;
      const hold = (i: number, role: Role) => {
        if (i === NONE || i >= n) return;
        const idx = i * panels + p;
        // Two baseline roles on one panel cannot both be held again: that participant has changed for sure.
        if (baselineRole[idx] !== ROLE_NONE) differencesByParticipant[i] = 1;
        else baselineRole[idx] = role;
      };
      for (const i of roster.presenters) hold(i, ROLE_PRESENTER);
      hold(roster.chair, ROLE_CHAIR);
      hold(roster.discussant, ROLE_DISCUSSANT);
    });
    // Every baseline role is missing in the empty assignment (roles already held are added when attached).
    for (let idx = 0; idx < n * panels; idx++) {
      if (baselineRole[idx] !== ROLE_NONE) differencesByParticipant[Math.floor(idx / panels)]! += 1;
    }
    for (let i = 0; i < n; i++) if (differencesByParticipant[i]! > 0) this.changed++;
  }

  changedParticipants(): number {
    return this.changed;
  }

  add(i: number, p: number, role: Role): void {
    this.change(i, p, ROLE_NONE, role);
  }

  remove(i: number, p: number, role: Role): void {
    this.change(i, p, role, ROLE_NONE);
  }

  /** A change of i's role on p from `before` to `after` (either may be ROLE_NONE). */
  private change(i: number, p: number, before: Role, after: Role): void {
    const base = this.baselineRole[i * this.panelCount + p]!;
    const was = this.differencesByParticipant[i]!;
    const now = was + (after !== base ? 1 : 0) - (before !== base ? 1 : 0);
    this.differencesByParticipant[i] = now;
    if (was === 0 && now > 0) this.changed++;
    else if (was > 0 && now === 0) this.changed--;
  }
}

export const BASELINE_CHANGES: TrackerKind<BaselineChanges> = {
  name: "changes against the baseline",
  create: (state) => new BaselineChangeTracker(state),
};

/** Participants whose set of (panel, role) differs from the baseline, counted from scratch (0 without a baseline). */
export function changedParticipants(problem: Problem, assignment: Assignment): number {
  if (problem.baseline === null) return 0;
  const entries = (a: Assignment) => {
    const byParticipant = new Map<number, string[]>();
    const add = (i: number, text: string) => {
      if (i === NONE || i >= problem.participantCount) return;
      const list = byParticipant.get(i) ?? [];
      list.push(text);
      byParticipant.set(i, list);
    };
    a.panels.forEach((roster, p) => {
      if (p >= problem.panelCount) return;
      for (const i of roster.presenters) add(i, `${p}:presenter`);
      add(roster.chair, `${p}:chair`);
      add(roster.discussant, `${p}:discussant`);
    });
    return byParticipant;
  };
  const now = entries(assignment);
  const before = entries(problem.baseline);
  let changed = 0;
  for (let i = 0; i < problem.participantCount; i++) {
    const a = (now.get(i) ?? []).sort().join("|");
    const b = (before.get(i) ?? []).sort().join("|");
    if (a !== b) changed++;
  }
  return changed;
}

// ---- In the MIP -------------------------------------------------------------------------------------------------

/**
 * changed_i = 1 when i's set of (panel, role) differs from the baseline: forced up by every baseline seat left and
 * by any other seat taken (aggregated per role, capped by how many of that role i can hold). `changes` sums the
 * changed_i; `alwaysChanged` counts the participants who change whatever happens (a baseline seat that no longer
 * exists, or more baseline presentations than they now give), who get no variable.
 */
export function baselineChanges(ctx: EncodeContext): { readonly changes: readonly Term[]; readonly alwaysChanged: number } {
  return ctx.shared("baselineChanges", () => {
    const { problem, lp, vars } = ctx;
    const P = problem.panelCount;
    const seatsOf = baselineSeats(problem);
    const changes: Term[] = [];
    let alwaysChanged = 0;
    for (let i = 0; i < problem.participantCount; i++) {
      const kept = seatsOf[i]!;
      const tables = [vars.presenter, vars.chair, vars.discussant];
      const caps = [problem.presentsByParticipant[i]!, problem.mayChairByParticipant[i]!, problem.mayDiscussByParticipant[i]!];
      const presentsKept = kept.filter((s) => s.role === 0).length;
      if (kept.some((s) => tables[s.role]![i * P + s.panel] === NONE) || presentsKept !== caps[0]) {
        alwaysChanged++;
        continue;
      }
      const changed = lp.addBinary(`changed_${i}`);
      changes.push({ variable: changed, coefficient: 1 });
      for (const s of kept) {
        lp.addRow(`stayed_${i}_${s.role}_${s.panel}`, [{ variable: tables[s.role]![i * P + s.panel]!, coefficient: 1 }, { variable: changed, coefficient: 1 }], ">=", 1);
      }
      tables.forEach((table, role) => {
        if (role === 0) return; // presents is exact: keeping every baseline presentation leaves no room for another
        const keptHere = new Set(kept.filter((s) => s.role === role).map((s) => s.panel));
        const others: Term[] = [];
        for (let p = 0; p < P; p++) {
          const v = table[i * P + p]!;
          if (v !== NONE && !keptHere.has(p)) others.push({ variable: v, coefficient: 1 });
        }
        const most = Math.min(others.length, caps[role]!);
        if (most > 0) lp.addRow(`moved_${i}_${role}`, [...others, { variable: changed, coefficient: -most }], "<=", 0);
      });
    }
    return { changes, alwaysChanged };
  });
}

interface Seat {
  readonly panel: number;
  readonly role: 0 | 1 | 2; // presenter, chair, discussant
}

function baselineSeats(problem: Problem): Seat[][] {
  const seats: Seat[][] = Array.from({ length: problem.participantCount }, () => []);
  problem.baseline!.panels.forEach((roster, p) => {
    for (const i of roster.presenters) seats[i]!.push({ panel: p, role: 0 });
    if (roster.chair !== NONE) seats[roster.chair]!.push({ panel: p, role: 1 });
    if (roster.discussant !== NONE) seats[roster.discussant]!.push({ panel: p, role: 2 });
  });
  return seats;
}
