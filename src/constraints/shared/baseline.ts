// What-if re-solves against a published assignment (Problem.baseline): who changed. A participant has changed when
// their set of (panel, role) differs from the baseline's. Shared by the stability term and the max-moves cap.
import { NONE, type Assignment, type Problem } from "../../model/problem.js";
import { ROLE_CHAIR, ROLE_DISCUSSANT, ROLE_NONE, ROLE_PRESENTER, type Role, type SearchState, type Tracker, type TrackerKind } from "../../solvers/search/state.js";

export interface BaselineChanges extends Tracker {
  /** (panel, role) entries of i that differ from the baseline; participants whose baseline cannot be held start at 1. */
  readonly differencesByParticipant: Int32Array;
  /** Participants with at least one difference. */
  readonly changedParticipants: () => number;
}

export const BASELINE_CHANGES: TrackerKind<BaselineChanges> = {
  name: "changes against the baseline",
  create(state: SearchState): BaselineChanges {
    const problem = state.problem;
    const n = state.participantCount;
    const panels = state.panelCount;
    const differencesByParticipant = new Int32Array(n);
    const baselineRole = new Int8Array(n * panels);
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
    let changed = 0;
    for (let i = 0; i < n; i++) if (differencesByParticipant[i]! > 0) changed++;
    // A change of i's role on p from `before` to `after` (either may be ROLE_NONE).
    const change = (i: number, p: number, before: Role, after: Role) => {
      const base = baselineRole[i * panels + p]!;
      const was = differencesByParticipant[i]!;
      const now = was + (after !== base ? 1 : 0) - (before !== base ? 1 : 0);
      differencesByParticipant[i] = now;
      if (was === 0 && now > 0) changed++;
      else if (was > 0 && now === 0) changed--;
    };
    return {
      differencesByParticipant,
      changedParticipants: () => changed,
      add: (i, p, role) => change(i, p, ROLE_NONE, role),
      remove: (i, p, role) => change(i, p, role, ROLE_NONE),
    };
  },
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
