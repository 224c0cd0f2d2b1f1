// The panel MIP, built once for both exact backends. Role seats x (presenter), c (chair), d (discussant) exist
// unless a rule of the catalogue closes them (eligibility, loads, panel needs, the implications of pins); then each
// rule adds its rows and objective coefficients (`mip.encode` in src/constraints/), in catalogue order, and the
// symmetry of interchangeable panels is broken.
import { RULES } from "../../constraints/registry.js";
import { NONE, type Assignment, type PanelRoster, type Problem } from "../../model/problem.js";
import { SEAT_CHAIR, SEAT_DISCUSSANT, SEAT_PRESENTER, type EncodeContext, type RoleVars } from "./context.js";
import { LinearModelBuilder, type LinearModel } from "./linear-model.js";
import { encodeSymmetryBreaking } from "./symmetry.js";

export interface PanelModel {
  readonly linear: LinearModel;
  readonly vars: RoleVars;
  /** Classes of interchangeable panels whose seats the symmetry fixing ordered (see symmetry.ts). */
  readonly orderedPanelClasses: readonly (readonly number[])[];
  readonly participantCount: number;
  readonly panelCount: number;
}

export interface BuildOptions {
  /**
   * Symmetry breaking for interchangeable panels: "fixing" (default) only fixes seats; "full" adds the orbitope
   * rows too, which measured worse on both backends (javascript-lp-solver's simplex stalls on them; HiGHS spends
   * its root on them: no incumbent in 60 s at 120 participants against 221 with fixing only); "none" leaves the
   * model symmetric.
   */
  readonly symmetryBreaking?: SymmetryBreaking;
}

export type SymmetryBreaking = "full" | "fixing" | "none";

/** Per (participant, panel) cell, the SEAT_* flags of the seats no active rule closes. */
export function openSeats(problem: Problem): Uint8Array {
  const closed = new Uint8Array(problem.participantCount * problem.panelCount);
  for (const rule of RULES) if (rule.isActive(problem)) rule.mip.closeSeats?.(problem, closed);
  const open = closed;
  for (let k = 0; k < open.length; k++) open[k] = ~closed[k]! & (SEAT_PRESENTER | SEAT_CHAIR | SEAT_DISCUSSANT);
  return open;
}

export function buildPanelModel(problem: Problem, options: BuildOptions = {}): PanelModel {
  const lp = new LinearModelBuilder();
  const P = problem.panelCount;
  const n = problem.participantCount;
  const open = openSeats(problem);
  const presenter = new Int32Array(n * P).fill(NONE);
  const chair = new Int32Array(n * P).fill(NONE);
  const discussant = new Int32Array(n * P).fill(NONE);
  const candidates: number[][] = Array.from({ length: P }, () => []);

  for (let i = 0; i < n; i++) {
    for (let p = 0; p < P; p++) {
      const k = i * P + p;
      const seats = open[k]!;
      if (seats & SEAT_PRESENTER) presenter[k] = lp.addBinary(`x_${i}_${p}`);
      if (seats & SEAT_CHAIR) chair[k] = lp.addBinary(`c_${i}_${p}`);
      if (seats & SEAT_DISCUSSANT) discussant[k] = lp.addBinary(`d_${i}_${p}`);
      if (seats !== 0) candidates[p]!.push(i);
    }
  }
  const vars: RoleVars = { presenter, chair, discussant };

  const minMembers = new Int32Array(P);
  const maxMembers = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    let presenterSeats = 0;
    for (const i of candidates[p]!) if (presenter[i * P + p] !== NONE) presenterSeats++;
    const fixedRoles = problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
    minMembers[p] = problem.minPresentersByPanel[p]! + fixedRoles;
    maxMembers[p] = Math.min(problem.maxPresentersByPanel[p]!, presenterSeats) + fixedRoles;
  }
  const parts = new Map<string, unknown>();
  const ctx: EncodeContext = {
    problem,
    lp,
    vars,
    candidatesByPanel: candidates.map((c) => Int32Array.from(c)),
    minMembersByPanel: minMembers,
    maxMembersByPanel: maxMembers,
    shared<T>(key: string, make: () => T): T {
      if (!parts.has(key)) parts.set(key, make());
      return parts.get(key) as T;
    },
  };

  for (const rule of RULES) if (rule.isActive(problem)) rule.mip.encode?.(ctx);
  const symmetry = options.symmetryBreaking ?? "fixing";
  const orderedPanelClasses = symmetry === "none" ? [] : encodeSymmetryBreaking(ctx, symmetry === "full");

  return { linear: lp.build(), vars, orderedPanelClasses, participantCount: n, panelCount: P };
}

/**
 * Reads an assignment from variable values; null unless every role seat is integral (within 1e-6) and the
 * assignment is complete: presents met, a chair and a discussant exactly where needed, sizes within bounds.
 */
export function decodeAssignment(problem: Problem, model: PanelModel, values: ArrayLike<number>): Assignment | null {
  const P = problem.panelCount;
  if (values.length !== model.linear.variables.length) return null;
  const presenters: number[][] = Array.from({ length: P }, () => []);
  const chairs: number[][] = Array.from({ length: P }, () => []);
  const discussants: number[][] = Array.from({ length: P }, () => []);
  const presents = new Int32Array(problem.participantCount);
  const tables = [
    [model.vars.presenter, presenters],
    [model.vars.chair, chairs],
    [model.vars.discussant, discussants],
  ] as const;
  for (const [table, seats] of tables) {
    for (let k = 0; k < table.length; k++) {
      const v = table[k]!;
      if (v === NONE) continue;
      const value = values[v]!;
      if (!(Math.abs(value) <= 1e-6 || Math.abs(value - 1) <= 1e-6)) return null;
      if (value > 0.5) {
        const i = Math.floor(k / P);
        seats[k % P]!.push(i);
        if (seats === presenters) presents[i]!++;
      }
    }
  }
  for (let i = 0; i < problem.participantCount; i++) if (presents[i] !== problem.presentsByParticipant[i]) return null;
  const panels: PanelRoster[] = [];
  for (let p = 0; p < P; p++) {
    const size = presenters[p]!.length;
    if (size < problem.minPresentersByPanel[p]! || size > problem.maxPresentersByPanel[p]!) return null;
    if (chairs[p]!.length !== problem.needsChairByPanel[p] || discussants[p]!.length !== problem.needsDiscussantByPanel[p]) return null;
    panels.push({ presenters: presenters[p]!, chair: chairs[p]![0] ?? NONE, discussant: discussants[p]![0] ?? NONE });
  }
  return { panels };
}

/**
 * Values of the role seats for an assignment (warm starts); other variables are left for the backend to complete.
 * Interchangeable panels are first put in the order the symmetry fixing keeps (by lowest member index, empty
 * panels last), so that an assignment from another solver is not cut off by that fixing.
 */
export function encodeAssignment(problem: Problem, model: PanelModel, given: Assignment): { indices: Int32Array; values: Float64Array } | null {
  const P = problem.panelCount;
  const assignment = canonicalAssignment(model, given);
  const values = new Map<number, number>();
  for (const table of [model.vars.presenter, model.vars.chair, model.vars.discussant]) {
    for (const v of table) if (v !== NONE) values.set(v, 0);
  }
  for (let p = 0; p < P; p++) {
    const roster = assignment.panels[p];
    if (roster === undefined) return null;
    const seat = (table: Int32Array, i: number) => {
      const v = table[i * P + p]!;
      if (v === NONE) return false;
      values.set(v, 1);
      return true;
    };
    for (const i of roster.presenters) if (!seat(model.vars.presenter, i)) return null;
    if (roster.chair !== NONE && !seat(model.vars.chair, roster.chair)) return null;
    if (roster.discussant !== NONE && !seat(model.vars.discussant, roster.discussant)) return null;
  }
  const entries = [...values].sort((a, b) => a[0] - b[0]);
  return { indices: Int32Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => e[1]) };
}

function canonicalAssignment(model: PanelModel, assignment: Assignment): Assignment {
  const panels = [...assignment.panels];
  const lowest = (roster: PanelRoster | undefined) => {
    if (roster === undefined) return Number.POSITIVE_INFINITY;
    const members = [...roster.presenters, roster.chair, roster.discussant].filter((i) => i !== NONE);
    return members.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...members);
  };
  for (const group of model.orderedPanelClasses) {
    const rosters = group.map((p) => assignment.panels[p]).sort((a, b) => lowest(a) - lowest(b));
    group.forEach((p, j) => {
      const roster = rosters[j];
      if (roster !== undefined) panels[p] = roster;
    });
  }
  return { panels };
}
