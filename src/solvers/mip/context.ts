// What every rule's MIP face sees (src/constraints/*: `mip.encode`): the Problem, the model builder and the role
// seats created for it, plus model parts several rules share, each built once on first use. Encoders add rows and
// auxiliary variables only; they never create role seats.
import { NONE, type Problem } from "../../model/problem.js";
import type { LinearModelBuilder, Term } from "./linear-model.js";

/** Variable index of each role seat, [participant * panelCount + panel], NONE when the seat is not allowed. */
export interface RoleVars {
  readonly presenter: Int32Array;
  readonly chair: Int32Array;
  readonly discussant: Int32Array;
}

export interface EncodeContext {
  readonly problem: Problem;
  readonly lp: LinearModelBuilder;
  readonly vars: RoleVars;
  /** Participants with at least one seat on the panel, ascending. */
  readonly candidatesByPanel: readonly Int32Array[];
  /** Fewest and most members a panel can have. */
  readonly minMembersByPanel: Int32Array;
  readonly maxMembersByPanel: Int32Array;
  /** A model part shared by several rules (a variable, a set of rows), built by `make` the first time `key` is asked for. */
  shared<T>(key: string, make: () => T): T;
}

/** Seat flags of one (participant, panel) cell, for the seats a rule closes before the seats are created. */
export const SEAT_PRESENTER = 1;
export const SEAT_CHAIR = 2;
export const SEAT_DISCUSSANT = 4;
export const SEAT_ANY = SEAT_PRESENTER | SEAT_CHAIR | SEAT_DISCUSSANT;

/** The terms of "i is a member of p" (presenter + chair + discussant seats), scaled by `coefficient`. */
export function memberTerms(ctx: EncodeContext, i: number, p: number, coefficient = 1, out: Term[] = []): Term[] {
  const k = i * ctx.problem.panelCount + p;
  for (const seats of [ctx.vars.presenter, ctx.vars.chair, ctx.vars.discussant]) {
    const v = seats[k]!;
    if (v !== NONE) out.push({ variable: v, coefficient });
  }
  return out;
}

/** Terms of "number of members of p among `participants`". */
export function countTerms(ctx: EncodeContext, participants: Iterable<number>, p: number, coefficient = 1): Term[] {
  const out: Term[] = [];
  for (const i of participants) memberTerms(ctx, i, p, coefficient, out);
  return out;
}

/** The seats of one role of participant i, over every panel. */
export function seatsOf(ctx: EncodeContext, table: Int32Array, i: number): Term[] {
  const P = ctx.problem.panelCount;
  const out: Term[] = [];
  for (let p = 0; p < P; p++) {
    const v = table[i * P + p]!;
    if (v !== NONE) out.push({ variable: v, coefficient: 1 });
  }
  return out;
}

/**
 * A continuous variable equal to the number of members of p (presenters plus the fixed chair and discussant
 * seats), so that a cap row names only the holders of one category and this variable: sparse rows instead of one
 * dense row over every candidate per category.
 */
export function memberCountVariable(ctx: EncodeContext, p: number): number {
  return ctx.shared(`members_${p}`, () => {
    const { problem, lp } = ctx;
    const fixedRoles = problem.needsChairByPanel[p]! + problem.needsDiscussantByPanel[p]!;
    const count = lp.addVariable(`members_${p}`, ctx.minMembersByPanel[p]!, ctx.maxMembersByPanel[p]!, false);
    const terms: Term[] = [{ variable: count, coefficient: 1 }];
    for (const i of ctx.candidatesByPanel[p]!) {
      const v = ctx.vars.presenter[i * problem.panelCount + p]!;
      if (v >= 0) terms.push({ variable: v, coefficient: -1 });
    }
    lp.addRow(`members_${p}`, terms, "=", fixedRoles);
    return count;
  });
}

/** The binary "panel p has members", or null when p can never be empty (then it is the constant 1). */
export function nonEmptyIndicator(ctx: EncodeContext, p: number): number | null {
  if (ctx.minMembersByPanel[p]! >= 1) return null;
  return ctx.shared(`nonEmpty_${p}`, () => {
    const e = ctx.lp.addBinary(`nonEmpty_${p}`);
    const members = countTerms(ctx, ctx.candidatesByPanel[p]!, p);
    // e = 1 exactly when someone is on the panel, in both directions so any objective sign is safe.
    ctx.lp.addRow(`nonEmptyLo_${p}`, [...members, { variable: e, coefficient: -ctx.maxMembersByPanel[p]! }], "<=", 0);
    ctx.lp.addRow(`nonEmptyHi_${p}`, [...members, { variable: e, coefficient: -1 }], ">=", 0);
    return e;
  });
}
